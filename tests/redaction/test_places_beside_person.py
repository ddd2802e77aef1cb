"""A town, a ZIP code or an age over 89 in one part of a record about a person is theirs, wherever the evidence of
the person sits (the message, an argument, an extra field, a nested one); the same shapes stay in a record about
no one, and the software's numbers stay beside a person."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

import hipaalog


def _line(tmp_path: Path, message: str, *args: object, **extra: Any) -> dict[str, Any]:
    """The JSON line written through :func:`hipaalog.configure` for one record."""
    path = tmp_path / "out.jsonl"
    handler = hipaalog.configure(app_id="a", platform="p", microservice="front-desk", sinks=[str(path)])
    try:
        logging.getLogger("clinic.pharmacy").info(message, *args, extra=extra)
        handler.flush()
    finally:
        handler.close()
    (line,) = path.read_text().splitlines()
    record = json.loads(line)
    record.pop("timestamp", None)
    return record


_PATIENT = {"patient": {"first_name": "Odalys", "last_name": "Fenwick"}}


@pytest.mark.parametrize(
    ("message", "args", "extra", "secret"),
    [
        ("pharmacy pickup in Gadstrup", (), {"patient_id": "48213377"}, "Gadstrup"),
        ("pharmacy pickup in %s", ("Lake Jessicaberg",), {"mrn": "MR48213377"}, "Jessicaberg"),
        ("pharmacy pickup recorded", (), {"where": "Lake Jessicaberg", **_PATIENT}, "Jessicaberg"),
        ("pharmacy pickup recorded", (), {"location": "Springfield, IL", **_PATIENT}, "Springfield"),
        ("pharmacy pickup recorded", (), {"ctx": {"location": "Keila"}, "member_id": "W48213377"}, "Keila"),
        ("pharmacy pickup recorded", (), {"where": "Keila 46940", "patient_name": "Odalys Fenwick"}, "46940"),
        ("pharmacy pickup recorded for %s", ("Odalys Fenwick",), {"note": "mail to 60614-1234"}, "60614-1234"),
        ("mail to 60614-1234", (), _PATIENT, "60614-1234"),
        ("pickup moved to Port Danieltown, VT 05401", (), {"ssn": "123-45-6789"}, "05401"),
        ("pharmacy pickup", (), {"summary": "refill (91F)", "patient_id": "48213377"}, "91"),
        ("pharmacy pickup for 94-year-old", (), {"patient_id": "48213377"}, "94"),
        ("pharmacy pickup", (), {"rows": [{"note": "age 96, fall risk"}], **_PATIENT}, "96"),
    ],
)
def test_a_town_zip_or_age_in_another_part_of_a_record_about_a_person_is_masked(
    tmp_path: Path, message: str, args: tuple[object, ...], extra: dict[str, Any], secret: str
) -> None:
    line = _line(tmp_path, message, *args, **extra)
    assert secret not in json.dumps(line), line
    assert "pharmacy" in line["message"] or "mail to" in line["message"] or "pickup" in line["message"], line


@pytest.mark.parametrize(
    ("message", "extra"),
    [
        ("deployed to Dallas", {"service": "billing-api", "region": "us-east-1"}),
        ("zip archive of 94 files built", {"location": "s3://bucket/archive.zip"}),
        ("request done in 93 ms", {"where": "Frankfurt", "port": "60614"}),
        ("listening", {"port": "60614", "host": "db-01.internal", "summary": "ok (97F)"}),
        ("batch 60614-1234 done", {"datacenter": "Ashburn, VA"}),
    ],
)
def test_the_same_shapes_in_a_record_about_no_one_stay(tmp_path: Path, message: str, extra: dict[str, Any]) -> None:
    line = _line(tmp_path, message, **extra)
    assert "REDACTED" not in json.dumps(line), line


@pytest.mark.parametrize(
    "extra",
    [
        {"port": "60614", "latency": "93 ms", "region": "us-east-1"},
        {"where": "ward 3B", "location": "s3://records-bucket/2024/", "loc": "ICU", "pickup": "Front desk"},
        {"queue": "queue depth 97M messages", "temp": "temp 97F", "size": "12345-6789 bytes"},
        {"component": "PaymentService", "url": "https://api.example.com/v2/items?page=95"},
    ],
)
def test_the_software_s_numbers_and_words_stay_beside_a_person(tmp_path: Path, extra: dict[str, Any]) -> None:
    line = _line(tmp_path, "pharmacy pickup queued", patient_id="48213377", **extra)
    assert line["patient_id"] != "48213377", line
    for key, value in extra.items():
        assert line[key] == value, (key, line)


def test_a_time_for_an_age_is_still_no_age(tmp_path: Path) -> None:
    line = _line(tmp_path, "archive kept for 100 years", patient_id="48213377")
    assert "100 years" in line["message"], line
