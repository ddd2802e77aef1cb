"""Values written in a form a reader decodes at a glance: letters drawn like digits, digit groups backwards, a
number split into list items, spaced digits or fields, text as its character codes (lists, ``array.array``),
Markdown tables with outer pipes and HTML tables whose header is another row. Benign look-alikes stay."""

from __future__ import annotations

import array
import logging
from typing import Any

import pytest

from hipaalog.redaction import Redactor, redact_record

REDACTOR = Redactor()
SSN = "536-22-8174"
SSN9 = "536228174"
PHONE = "3125550178"


def _codes(text: str, encoding: str = "utf-8") -> list[int]:
    return list(text.encode(encoding))


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("ssn 536-22-8l74 on file", "8l74"),
        ("ssn 5O6-22-8174 on file", "5O6"),
        ("ssn 5o6-22-81l4 on file", "81l4"),
        ("ssn 536-ZZ-8174 on file", "536-ZZ"),
        ("SSN: 5З6-22-8174", "22-8174"),  # a Cyrillic Ze for the 3
        ("ssn 4718-22-635 (reversed)", "4718-22-635"),
        ("call 0178-555-312 back", "0178-555-312"),
        ("ssn parts ['536', '22', '8174']", "'8174'"),
        ("ssn parts ('536', '22', '8174')", "'8174'"),
        ("ssn [536, 22, 8174]", "8174"),
        ("ssn: [5, 3, 6, 2, 2, 8, 1, 7, 4]", "8, 1, 7, 4"),  # single digits join bare: a cue says what they are
        ("ssn 5 3 6 2 2 8 1 7 4", "8 1 7 4"),
        (f"payload {_codes('ssn ' + SSN)}", "56, 49, 55, 52"),
        (f"payload {_codes('ssn ' + SSN, 'utf-16-le')}", "56, 0, 49, 0"),
        (f"payload {[ord(ch) for ch in 'ssn ' + SSN]}", "56, 49, 55, 52"),
        (f"chars {list('ssn ' + SSN)}", "'8', '1', '7', '4'"),
        (f"mail to {list('odalys.prieto@example.org')}", "'x', 'a', 'm'"),
        (repr(array.array("B", ("ssn " + SSN).encode())), "56, 49, 55, 52"),
        (repr(array.array("b", ("ssn " + SSN).encode())), "56, 49, 55, 52"),
        (repr(array.array("H", ("ssn " + SSN).encode("utf-16-le"))), "8174"),
        (repr(array.array("I", [ord(ch) for ch in "ssn " + SSN])), "56, 49, 55, 52"),
        (f"| SSN | Phone |\n| {SSN9} | {PHONE} |", SSN9),
        (f"| Phone | SSN |\n|---|:---:|\n| {PHONE} | {SSN9} |", SSN9),
        (f"<table><tr><th>SSN</th><th>Phone</th></tr><tr><td>{SSN9}</td><td>{PHONE}</td></tr></table>", SSN9),
        (f"<table><tr><td>Name</td><td>SSN</td></tr><tr><td>Odalys Prieto</td><td>{SSN9}</td></tr></table>", SSN9),
        (f'<TABLE border="1"><TR><TH>ssn</TH></TR><TR><TD class="v">{SSN9}</TD></TR></TABLE>', SSN9),
    ],
)
def test_recoded_values_are_read(text: str, hidden: str) -> None:
    out = REDACTOR.redact_text(text)
    assert hidden not in out, out
    assert "[REDACTED:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "ports [8080, 8081, 8443]",
        "version (3, 11, 7) build 20240611",
        "matrix 6 1 7 5 5 5 0 1 9 9; phone grid 1 2 3 4 5 6 7 8 9 0 1 2 3",
        "bytes [104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100]",  # 'hello world'
        "ward B2 bed 14, room 3O1",
        "trace 0f1e2d3c4b5a69788796a5b4c3d2e1f0 span 00f067aa0ba902b7",
        "build (1112, 22, 333) of 4 parts",
        "| service | status | port |\n|---|---|---|\n| billing-api | up | 8080 |",
        "<table><tr><th>service</th><th>port</th></tr><tr><td>claims-api</td><td>8443</td></tr></table>",
        "shape [3, 224, 224] dtype float32 batch 64",
        "sizes [100, 200, 300]",
        "grades ['A', 'B', 'C', 'D', 'E', 'F']",
    ],
)
def test_benign_look_alikes_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    "value",
    [
        _codes("ssn " + SSN),
        _codes("ssn " + SSN, "utf-16-le"),
        ["536", "22", "8174"],
        (536, 22, 8174),
        ["312", "555", "0178"],
        list("ssn " + SSN),
    ],
)
def test_lists_spelling_a_value_are_masked(value: Any) -> None:
    out = REDACTOR.redact({"payload": value, "nested": [{"items": value}]})
    assert out["payload"].startswith(("ssn [REDACTED:", "[REDACTED:")), out
    assert out["nested"][0]["items"] == out["payload"]


def test_a_call_s_arguments_are_no_split_number() -> None:
    found = REDACTOR.find("born DateTime(1961, 2, 3, 0, 0, 0)")
    assert [finding.kind for finding in found] == ["DOB"]  # read as a date, not joined into 196123000


def test_lists_spelling_nothing_stay_lists() -> None:
    value = {
        "counts": [1, 2, 3, 4, 5, 6, 7],
        "ports": [8080, 8081],
        "greeting": _codes("hello world"),
        "ids": ["1", "2"],
        "letters": list("hello world"),
    }
    assert REDACTOR.redact(value) == value


def test_fields_of_one_number_split_by_name() -> None:
    out = REDACTOR.redact({"ssn_a": "536", "ssn_b": "22", "ssn_c": "8174", "ssn_area": "536", "ssn_group": "22"})
    assert all(value.startswith("[REDACTED:") for value in out.values()), out


@pytest.mark.parametrize(
    ("msg", "args"),
    [
        ("raw %r", (array.array("B", ("ssn " + SSN).encode()),)),
        ("raw %s", (_codes("ssn " + SSN),)),
        ("ssn parts %s", (["536", "22", "8174"],)),
        ("ssn %s", ("536-22-8l74",)),
        ("table %s", (f"<tr><th>SSN</th><th>Phone</th></tr><tr><td>{SSN9}</td><td>{PHONE}</td></tr>",)),
    ],
)
def test_records_carrying_them(msg: str, args: tuple[Any, ...]) -> None:
    record = logging.LogRecord("enc", logging.INFO, __file__, 1, msg, args, None)
    redact_record(record, REDACTOR)
    message = record.getMessage()
    assert "8174" not in message and "8l74" not in message and "56, 49, 55, 52" not in message, message
