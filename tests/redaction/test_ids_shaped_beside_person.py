"""Id-shaped tokens in a record about a person are theirs, with no cue word before them (Safe Harbor's (R))."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

import hipaalog


def _lines(tmp_path: Path, records: list[tuple[str, tuple[object, ...], dict[str, Any]]]) -> list[dict[str, Any]]:
    """The JSON lines written through :func:`hipaalog.configure` for ``(message, args, extra)`` records."""
    path = tmp_path / "out.jsonl"
    handler = hipaalog.configure(app_id="a", platform="p", microservice="front-desk", sinks=[str(path)])
    log = logging.getLogger("clinic.front_desk")
    try:
        for message, args, extra in records:
            log.info(message, *args, extra=extra)
        handler.flush()
    finally:
        handler.close()
    return [json.loads(line) for line in path.read_text().splitlines()]


def _message(tmp_path: Path, message: str, *args: object, **extra: Any) -> dict[str, Any]:
    (line,) = _lines(tmp_path, [(message, args, extra)])
    return line


@pytest.mark.parametrize(
    ("message", "secrets"),
    [
        ("pt Jane Roe presented D1234567", ["D1234567"]),
        ("Roe, Jane | 7ABC123 | parking B2", ["7ABC123"]),
        ("updated Jane Roe: W123456789 -> W123456790", ["W123456789", "W123456790"]),
        ("Odalys Fenwick checked in with XGH882211903 at front desk", ["XGH882211903"]),
        ("Brannock Ulrey DOB 03/14/1961 showed 127-422-284", ["127-422-284"]),
        ("matched 48213377 to Teodora Vasquez-Lind", ["48213377"]),
        ("desk: jroe@example.org linked QA20881734", ["QA20881734"]),
        ("pt Jane Roe DOB 1961-04-02 left in ABC-1234, lot B", ["ABC-1234"]),
        ("Jane Roe (MRN 48213377) drove AB12 CDE today", ["AB12 CDE"]),
        ("Jane Roe 312-555-0143 arrived in AB-123-CD", ["AB-123-CD"]),
        ("Jane Roe DOB 04/02/1961 arrived in 7-ABC-123 and B-AB 1234", ["7-ABC-123", "B-AB 1234"]),
    ],
)
def test_ids_without_a_cue_in_a_text_about_a_person_are_masked(
    tmp_path: Path, message: str, secrets: list[str]
) -> None:
    line = _message(tmp_path, message)
    assert [secret for secret in secrets if secret in line["message"]] == [], line


def test_an_id_beside_a_person_given_as_an_argument_is_masked(tmp_path: Path) -> None:
    line = _message(tmp_path, "verified %s against %s", "Marisol Quenneville", "S88120457")
    assert "Quenneville" not in line["message"] and "S88120457" not in line["message"], line


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("pt Jane Roe presented D1234567; took 4374776 ms", "4374776 ms"),
        ("pt Jane Roe presented D1234567; 3545143 rows", "3545143 rows"),
        ("pt Jane Roe presented D1234567; request 2975761 status 200", "request 2975761 status 200"),
        ("pt Jane Roe presented D1234567; at line 8648624", "line 8648624"),
        ("pt Jane Roe presented D1234567; build 6629554 v2.14.1", "build 6629554 v2.14.1"),
        ("pt Jane Roe presented D1234567; ts 1782048924", "ts 1782048924"),
        ("pt Jane Roe presented D1234567; total $2975049.00", "$2975049.00"),
        ("pt Jane Roe presented D1234567; trace 4bf92f3577b34da6a3ce929d0e0e4736", "4bf92f3577b34da6a3ce929d0e0e4736"),
        ("pt Jane Roe presented D1234567; ISO13485 KB5034441", "ISO13485 KB5034441"),
        ("pt Jane Roe presented D1234567; GET /api/v1/forms/48213377", "/api/v1/forms/48213377"),
        ("pt Jane Roe presented D1234567; dispensed NDC 0002-8215-01, sku ABC12345", "NDC 0002-8215-01, sku ABC12345"),
        ("pt Jane Roe presented D1234567; 1234567 of 2345678 done", "1234567 of 2345678"),
        ("pt Jane Roe presented D1234567; err E11000 duplicate key", "E11000"),
        ("pt Jane Roe presented D1234567; sent 20260715050200", "20260715050200"),
        ("pt Jane Roe presented D1234567; ICD-10, SHA-256, HTTP 200, ISO 9001", "SHA-256, HTTP 200, ISO 9001"),
        ('pt Jane Roe presented D1234567; body {\\"request_id\\": \\"5248089226061408\\"}', "5248089226061408"),
        ("pt Jane Roe presented D1234567; MSH|^~\\&|LAB|X|||20260715050200||ORU^R01|MSG35426679|P", "|MSG35426679|"),
        ("pt Jane Roe presented D1234567; ISA*00*177081221*63955366~", "*177081221*63955366~"),
    ],
)
def test_the_software_numbers_of_a_text_about_a_person_stay(tmp_path: Path, message: str, kept: str) -> None:
    """Durations, counts, statuses, line numbers, builds, epoch times, amounts, trace ids and paths are no one's."""
    line = _message(tmp_path, message)
    assert "D1234567" not in line["message"] and kept in line["message"], line


@pytest.mark.parametrize(
    "message",
    [
        "invoice W123456789 for Northwind Traders settled",
        "shipment 127-422-284 out for delivery to warehouse 12",
        "order 48213377 placed, plant 7ABC123",
        "call support at 1-800-555-0142, ticket 2177917",
        "batch XGH882211903 imported 3545143 rows",
        "server ABC-1234 restarted after AB12 CDE rollout",
    ],
)
def test_the_same_shapes_without_a_person_stay(tmp_path: Path, message: str) -> None:
    """No person, no identifier of one: a resource's numbers stay (a toll-free line names no one)."""
    line = _message(tmp_path, message)
    kept = message if "1-800" not in message else message.split(",")[1]
    assert kept in line["message"], line


def test_an_id_in_an_extra_beside_a_person_in_the_message_is_masked(tmp_path: Path) -> None:
    line = _message(tmp_path, "Jane Roe presented a document", detail="ME14359005", request_id="29757613")
    assert line["detail"] != "ME14359005" and line["request_id"] == "29757613", line


def test_an_id_in_the_message_beside_a_person_in_an_extra_is_masked(tmp_path: Path) -> None:
    line = _message(tmp_path, "document GE82154981 on file; took 4497474 ms", patient_name="Jane Roe")
    assert "GE82154981" not in line["message"] and "4497474 ms" in line["message"], line


def test_an_hl7_field_beside_a_patient_in_the_extras_is_left_to_its_reader(tmp_path: Path) -> None:
    line = _message(tmp_path, "result parsed", parsed={"PID.5": "ROE^JANE", "OBR.3": "QH1782922", "obr_3": "CT4856157"})
    assert line["parsed"]["OBR.3"] == "QH1782922" and line["parsed"]["obr_3"] == "CT4856157", line


def test_an_extra_with_an_id_and_no_person_in_the_record_stays(tmp_path: Path) -> None:
    line = _message(tmp_path, "document imported", detail="ME14359005")
    assert line["detail"] == "ME14359005", line


@pytest.mark.parametrize(
    ("message", "extra"),
    [
        ("callback requested", {"phone": "312-555-0143", "note": "card D1234567 seen Mar 19"}),
        ("callback requested", {"email": "jroe84@mailbox.example", "note": "card D1234567 seen Mar 19"}),
        ("portal login by jroe84@mailbox.example", {"note": "card D1234567 seen Mar 19"}),
    ],
)
def test_a_persons_phone_or_e_mail_makes_the_record_theirs(tmp_path: Path, message: str, extra: dict[str, Any]) -> None:
    line = _message(tmp_path, message, **extra)
    assert "D1234567" not in json.dumps(line) and "Mar 19" not in json.dumps(line), line


@pytest.mark.parametrize(
    "extra",
    [
        {"to": "alerts@clinic.example", "note": "card D1234567 seen Mar 19"},
        {"support_phone": "1-800-555-0142", "note": "ticket D1234567"},
    ],
)
def test_a_role_mailbox_or_a_desk_line_names_no_one(tmp_path: Path, extra: dict[str, Any]) -> None:
    line = _message(tmp_path, "alert sent", **extra)
    assert line["note"] == extra["note"], line


def test_an_id_and_a_date_in_a_bytes_extra_beside_a_person_are_masked(tmp_path: Path) -> None:
    """The same values arriving as bytes in a field, the person given as a message argument."""
    line = _message(tmp_path, "pt %s checked in", "Jane Roe", note=b"card D1234567 seen Mar 19")
    assert "D1234567" not in json.dumps(line) and "Mar 19" not in json.dumps(line), line
