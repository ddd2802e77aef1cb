"""Every date with a day in a record about a person is theirs, with or without its year, cue word or not (Safe
Harbor's (C)); the record's own times and the software's dates stay."""

from __future__ import annotations

import datetime as dt
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
        logging.getLogger("clinic.front_desk").info(message, *args, extra=extra)
        handler.flush()
    finally:
        handler.close()
    (line,) = path.read_text().splitlines()
    return json.loads(line)


@pytest.mark.parametrize(
    ("message", "secret"),
    [
        ("Jade Hayes rescheduled to 4/24", "4/24"),
        ("chart for Patrick Reese updated, next April 24th", "April 24"),
        ("Emily Garza rescheduled to March 11", "March 11"),
        ("Tammy Davis moved to Tue Mar 7 per desk", "Mar 7"),
        ("Cathy White left Mar 19 19:59 per nurse", "Mar 19"),
        ("Odalys Fenwick slot kept since 24 April", "24 April"),
        ("Odalys Fenwick slot 3rd of May", "3rd of May"),
    ],
)
def test_a_date_without_its_year_in_a_text_about_a_person_is_masked(tmp_path: Path, message: str, secret: str) -> None:
    line = _line(tmp_path, message)
    assert secret not in line["message"] and "[REDACTED:" in line["message"], line


def test_a_date_given_as_an_argument_beside_a_person_is_masked(tmp_path: Path) -> None:
    line = _line(tmp_path, "call back %s on %s", "Cristian Carter", "Wed Apr 24")
    assert "Apr 24" not in line["message"], line


@pytest.mark.parametrize(
    "extra",
    [
        {"text": "next 24 Apr 2024 per desk"},
        {"when": "next 2026-03-19 per desk"},
        {"comment": "3/19"},
        {"slot": "March 19th"},
        {"note": "moved to 03/07/23"},
        {"ctx": {"detail": "moved to 2025-03-11 14:06"}},
        {"ctx": {"note": "20240424"}},
        {"ctx": [{"value": "Mar 11 14:06"}]},
        {"ctx": {"when": dt.date(2024, 4, 24)}},
    ],
)
def test_a_date_in_another_field_of_a_record_about_a_person_is_masked(tmp_path: Path, extra: dict[str, Any]) -> None:
    line = _line(tmp_path, "updated chart for Brent Hester", **extra)
    written = json.dumps({key: line[key] for key in extra})
    assert "[REDACTED:DATE]" in written and not any(part in written for part in ("19", "24", "07", "11 14")), line


def test_a_date_in_a_field_beside_a_person_named_in_a_field_is_masked(tmp_path: Path) -> None:
    line = _line(tmp_path, "visit record saved", patient_name="Rachel Arias", ctx={"text": "moved to March 7"})
    assert line["ctx"] == {"text": "moved to [REDACTED:DATE]"}, line


@pytest.mark.parametrize(
    "extra",
    [
        {"build_date": dt.date(2024, 3, 1)},
        {"deploy_at": "2024-03-01T10:00:00Z"},
        {"cert_expiry": "03/01/2027"},
        {"version": "2024.03.1"},
        {"release": "2024.3.15"},
        {"created_at": "2024-03-01T10:00:00Z"},
        {"duration": "00:12:30"},
        {"year": "2024"},
        {"progress": "3/4"},
        {"note": "took 2/5 retries"},
        {"note": "pain 7/10, dose 1/2 tab"},
        {"note": "page 3/7"},
        {"url": "https://docs.example.org/2024/03/01/post"},
        {"path": "/files/3/4/report.pdf"},
        {"headers": {"Date": "Tue, 05 Mar 2024 10:00:00 GMT"}},
    ],
)
def test_the_software_dates_and_counts_of_a_record_about_a_person_stay(tmp_path: Path, extra: dict[str, Any]) -> None:
    line = _line(tmp_path, "chart for Jane Roe saved", **extra)
    written = {key: line[key] for key in extra}
    expected = {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in extra.items()}
    assert written == expected, line


@pytest.mark.parametrize("text", ["cache rebuilt 4/24", "cron fired Tue Mar 7", "nightly export 24 April done"])
def test_a_date_without_a_person_stays(tmp_path: Path, text: str) -> None:
    line = _line(tmp_path, "job finished", detail=text, service="billing-sync")
    assert line["detail"] == text, line
