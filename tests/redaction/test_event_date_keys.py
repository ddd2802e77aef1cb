"""Dates under field names that name an event of a person's care by its participle or place in time."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    "key",
    ["admitted_at", "dischargedOn", "deceased_at", "vaccinated_on", "next_visit", "lastAppt", "appt_dt", "dos"],
)
def test_a_date_under_an_event_key_is_masked(key: str) -> None:
    out = REDACTOR.redact({key: "2031-07-19", "request_id": "r-1"})
    assert out[key] == "[REDACTED:DATE]"
    assert out["request_id"] == "r-1"


def test_event_keys_in_logfmt_text_are_masked() -> None:
    out = REDACTOR.redact_text('svc=ward discharged_on=2031.07.19 next_visit="August 2nd, 2031"')
    assert "2031" not in out and out.count("[REDACTED:DATE]") == 2


@pytest.mark.parametrize(
    "value",
    [
        {"admitted": True},  # a flag names no date
        {"appointment": {"id": 5, "status": "booked"}},  # a bare noun holds an object
        {"created_at": "2031-07-19"},  # the record's own time
        {"delivered_at": "2031-07-19T10:00:00Z"},  # a message's delivery
        {"last_seen_version": "2.3.1"},
    ],
)
def test_other_keys_are_kept(value: dict[str, object]) -> None:
    assert REDACTOR.redact(value) == value
