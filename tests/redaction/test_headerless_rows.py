"""Rows without a header about a person: delimited lines of text (CSV, TSV, pipes, semicolons, written-out line
ends) and lists of values, whose other cells are typed by their shape, their neighbours and their column."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._row_cells import cell_kind, name_cell, written_phone

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (  # semicolons, a British and a Japanese postal code, a dotted date, a phone in pairs
            "bad rows: Q4471902;Okafor;Chidinma;1958/07/19;+44 20 7946 0321;EH3 9QT;12.50\n"
            "R5512093;Tanaka;Hiroshi;03.11.1972;(03) 5555 0192;160-0022;8.00",
            ("EH3 9QT", "160-0022", "1958/07/19", "03.11.1972", "(03) 5555 0192"),
        ),
        (  # tabs written out inside a quoted text, a Canadian code without its space, a Polish code
            r"skipped: T7730215\tWierzbicki\tTomasz\t1949-12-02\t022 618 44 19\t31-042\t4.75\n"
            r"T7730216\tLemaire\tAude\t12/30/1981\t+33 4 91 55 20 10\tK1P5J2\t9.10",
            ("31-042", "K1P5J2", "022 618 44 19", "+33 4 91 55 20 10"),
        ),
        (  # pipes, one row only, a Dutch postal code, a date in Chinese
            "row: W2290144|Nakashima|Ren|1979年3月8日|090-4411-2738|3511 KL|2.00",
            ("3511 KL", "1979年3月8日", "090-4411-2738"),
        ),
        (  # names in another script beside a name column of the same block
            "rejected:\nM4418821,Aldana,Rosa,1962-05-14,555-201-7788,73301,1.00\nM4418822,Ильина,Зоя,1950-01-30,555-201-7789,73302,2.00",
            ("Ильина", "Зоя", "73302"),
        ),
    ],
)
def test_delimited_rows_of_a_person_lose_every_value(text: str, secrets: tuple[str, ...]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, (secret, out)


@pytest.mark.parametrize(
    ("row", "secrets"),
    [
        (["K8812203", "Mbeki", "Thandiwe", "1971-04-23", "+27 21 555 0188", "SW1A 2AA", "3.00"], ("SW1A 2AA",)),
        (["H5530921", "Jaramillo", "Inés", "1984-08-02", "(604) 555-0133", "V6B 4Y8", "11.00"], ("V6B 4Y8",)),
        (["P7711029", "박", "지훈", "1990-10-10", "010-5555-0147", "04524", "7.00"], ("박", "지훈")),
        (  # nothing but shapes: a birth date with dashes, day or month first, makes the row a person's
            ["K5512093", "Сорокина", "Вера", "08-14-1961", "071-552-0198", "44120-3301", "5.00"],
            ("K5512093", "Сорокина", "Вера", "08-14-1961", "071-552-0198", "44120-3301"),
        ),
        (
            ["Q7720114", "정", "민준", "1968/02/11", "0176 5550192", "150-0002", "12.00"],
            ("Q7720114", "정", "민준", "1968/02/11", "0176 5550192", "150-0002"),
        ),
        (
            ["R1100432", "Nováková", "Jana", "1955.09.30", "+420 601 555 019", "110 00", "3.00"],
            ("R1100432", "1955.09.30", "+420 601 555 019", "110 00"),
        ),
    ],
)
def test_a_list_row_of_a_person_loses_its_postal_code_and_names(row: list[str], secrets: tuple[str, ...]) -> None:
    out = repr(REDACTOR.redact({"rows": [row]}))
    for secret in secrets:
        assert secret not in out, (secret, out)
    assert "'3.00'" in out or "'11.00'" in out or "'7.00'" in out or "'5.00'" in out or "'12.00'" in out


@pytest.mark.parametrize(
    "row",
    [
        ["nightly", "Linux", "01.02.1999", "passed", "12.00"],
        ["svc-api", "Kafka", "2019.04.01", "v1.2", "12.00"],
        ["Billing", "Search", "2024-03-05", "0.0.0.0", "8080"],
    ],
)
def test_benign_list_rows_are_kept(row: list[str]) -> None:
    assert REDACTOR.redact({"rows": [row]}) == {"rows": [row]}


@pytest.mark.parametrize(
    "text",
    [
        "svc,GET,/api/v1/items,200,12.00\nsvc,POST,/api/v1/items,201,15.00",
        "host|region|zone|status\nweb-01|us-east-1|us-east-1a|UP\nweb-02|eu-west-2|eu-west-2b|DOWN",
        "date;service;errors;p99\n2024-03-05;Billing;3;120.5\n2024-03-06;Search;0;98.1",
        r"build\tBazel\tLinux\t6.1.0\tpassed\n build\tGradle\tMacOS\t14.2\tfailed",
        "orders,shipped,3 items,42 boxes,Warehouse 7",
        "plan_cd,pt_fnm,flag\nHMO,PPO,ACTIVE,PENDING",
    ],
)
def test_benign_delimited_tables_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("SW1A 2AA", "ZIP"),
        ("K1P 5J2", "ZIP"),
        ("1011 AB", "ZIP"),
        ("00-950", "ZIP"),
        ("02139-4307", "ZIP"),
        ("0171-23 45 67", "PHONE"),
        ("+353 1 234 5678", "PHONE"),
        ("555.013.2288x12", "PHONE"),
        ("12.04.1961", "DATE"),
        ("4/12/61", "DATE"),
        ("1961年4月12日", "DATE"),
        ("53.00", None),
        ("1.2.3", None),
        ("10.0.12.200", None),
        ("HTTP/1.1", None),
        ("200", None),
    ],
)
def test_cell_shapes(value: str, kind: str | None) -> None:
    assert cell_kind(value) == kind


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Okonkwo", True), ("Łukasz", True), ("박", True), ("HMO", False), ("pending", False), ("Active", False)],
)
def test_name_cells(value: str, expected: bool) -> None:
    assert name_cell(value) is expected


def test_written_phone_is_no_date_nor_address() -> None:
    assert written_phone("06 38 52 75 36")
    assert not written_phone("2024-01-05")
    assert not written_phone("192.168.10.200")
