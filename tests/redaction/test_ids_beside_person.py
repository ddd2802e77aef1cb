"""Dates and ids that are a person's because the record names the person: in text, and across a record's fields."""

from __future__ import annotations

import io
import json
import logging
from typing import Any

import pytest

import hipaalog
from hipaalog.redaction import Redactor, install_record_redaction

REDACTOR = Redactor()


def _left(text: str, secrets: list[str]) -> list[str]:
    out = REDACTOR.redact_text(text)
    return [secret for secret in secrets if secret in out]


def _logged(message: str, *args: object, **extra: Any) -> dict[str, Any]:
    """One record through the default pipeline: the record factory, then the JSON formatter, one redactor."""
    redactor = Redactor()
    install_record_redaction(redactor)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        hipaalog.JsonFormatter(app_id="clinic", platform="test", microservice="ids", redaction=redactor)
    )
    logger = logging.getLogger("clinic.ids.beside")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.info(message, *args, extra=extra)
    line: dict[str, Any] = json.loads(stream.getvalue().splitlines()[-1])
    return line


@pytest.mark.parametrize(
    ("extra", "date_key"),
    [
        ({"guarantor": "Wilhelmina Oyelaran", "svc": "11/03/2021"}, "svc"),
        ({"recipient": "Tadeusz Kowalczyk", "implanted": "6-19-2022"}, "implanted"),
        ({"policy_holder": "Marguerite Okonkwo", "effective": "20230714"}, "effective"),
        ({"mbi": "5TW2-QH8-RK41", "seen": "2020-02-29"}, "seen"),
    ],
)
def test_a_date_in_a_field_beside_a_person_masked_field_by_field(extra: dict[str, Any], date_key: str) -> None:
    """The record factory masks each extra field alone; the formatter still sees that the record names a person."""
    line = _logged("claim review", **extra)
    assert line[date_key] == "[REDACTED:DATE]", line


def test_a_date_field_beside_a_person_named_in_the_message() -> None:
    line = _logged("appeal filed for %s", "Radomir Szczepanski", filed="04/30/2019")
    assert "Szczepanski" not in line["message"] and line["filed"] == "[REDACTED:DATE]"


@pytest.mark.parametrize(
    "extra",
    [
        {"release": "2.14.1", "built": "2023-06-01", "job": "nightly-export"},
        {"created_at": "2024-01-02", "mbi": "5TW2-QH8-RK41"},
    ],
)
def test_dates_of_things_and_record_times_stay(extra: dict[str, Any]) -> None:
    line = _logged("export finished", **extra)
    for key in ("built", "created_at"):
        if key in extra:
            assert line[key] == extra[key]


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("release of records to counsel for Radomir Szczepanski, requested 7-3-2022", ["7-3-2022"]),
        ("Hi Wilhelmina Oyelaran, your results from 20240117 are in", ["20240117"]),
        ("consent for Tadeusz Kowalczyk dated 11-30-2020 filed", ["11-30-2020"]),
    ],
)
def test_dashed_and_compact_dates_in_a_text_about_a_person(text: str, secrets: list[str]) -> None:
    assert not _left(text, secrets)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("Hi Wilhelmina Oyelaran, your prescription is ready. Ref 71302594", ["71302594"]),
        ("lookup failed for patient Radomir Szczepanski (QX8830215)", ["QX8830215"]),
        ("timeout loading record HM00417723 for Tadeusz Kowalczyk", ["HM00417723"]),
        ("merge charts 66120934 -> 66120977 for Wilhelmina Oyelaran", ["66120934", "66120977"]),
        ("card for Marguerite Okonkwo, id KLP420917733 rejected", ["KLP420917733"]),
        ("Name: Radomir Szczepanski  DOB: 03/04/1951  Ins: 884120337-02", ["884120337-02"]),
        ("refill for Tadeusz Kowalczyk, prescriber DEA 831502274", ["831502274"]),
        ("death of Radomir Szczepanski recorded, certificate 2021-448120", ["2021-448120"]),
    ],
)
def test_ids_after_a_generic_id_word_in_a_text_about_a_person(text: str, secrets: list[str]) -> None:
    assert not _left(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "deploy ref 4417203 of payments-api finished",
        "request id 88213045 took 41 ms",
        "record 55120931 updated by batch job",
        "TLS certificate 2048 bits rotated",
        "checkout ref 9f3c2a1b7d0e for order 551203",
        "build 20240611 passed, ref 20240611",
    ],
)
def test_ids_of_things_without_a_person_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_a_commit_hash_beside_a_person_stays() -> None:
    out = REDACTOR.redact_text("profile of Wilhelmina Oyelaran rendered by ref 9f3c2a1b7d0e")
    assert "9f3c2a1b7d0e" in out and "Oyelaran" not in out


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("birth certificate BK7730129 scanned", "BK7730129"),
        ("death certificate no. 2018-330127 filed", "2018-330127"),
    ],
)
def test_certificates_of_a_person_after_their_cue(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("患者 Radomir Szczepanski 入院 2023年7月4日 ", "2023年7月4日"),
        ("Wilhelmina Oyelaran 방문 2022년 11월 30일 완료", "2022년 11월 30일"),
        ("encounter 77120934 closed for Tadeusz Kowalczyk", "77120934"),
        ("accession QA24-558120 of Wilhelmina Oyelaran verified", "QA24-558120"),
        ("statement 40917733 mailed to Marguerite Okonkwo", "40917733"),
    ],
)
def test_cjk_dates_and_visit_ids_in_a_text_about_a_person(text: str, secret: str) -> None:
    assert not _left(text, [secret])


def test_cjk_dates_without_a_person_stay() -> None:
    assert REDACTOR.redact_text("nightly report built 2024年3月12日 ") == "nightly report built 2024年3月12日 "


def test_a_cjk_date_in_a_field_beside_a_person() -> None:
    out = REDACTOR.redact({"patient": "Radomir Szczepanski", "visit": "1985年11月2日"})
    assert out["visit"] == "[REDACTED:DATE]"


@pytest.mark.parametrize(
    "row",
    [["민서준", "4-2-1961", "60611"], ["周梦琪", "1958-12-30", "02139"], ["سليم^هادي^K", "07/07/1947", "77852"]],
)
def test_a_row_with_a_name_in_another_script_logged_as_an_extra_field(row: list[str]) -> None:
    line = _logged("new registration", demographics=row, source="kiosk")
    assert all(cell.startswith("[REDACTED:") for cell in line["demographics"]), line


def test_a_list_of_words_in_another_script_logged_stays() -> None:
    line = _logged("regions", regions=["서울", "부산", "v1.2"])
    assert line["regions"] == ["서울", "부산", "v1.2"]


def test_a_word_glued_to_a_number_is_no_id_word() -> None:
    out = REDACTOR.redact_text("case0042117 chart for Radomir Szczepanski")
    assert "case0042117" in out
