"""A date or an identifier directly under a key that names a person (``patient``, ``who``, ``insured``,
``client``...) is that person's: in ``extra=``, through a ``LoggerAdapter``, in a dataclass printed with ``%s``
or ``%r``, in a mapping argument and in ``key=value`` text. Values of a program under the same keys (a client's
name and version, ``who=cron``) and counts stay."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from hipaalog.redaction import Redactor

from .canaries import Canary
from .harness import Harness

REDACTOR = Redactor()
KEYS = ["patient", "member", "subscriber", "who", "insured", "client"]
VALUES = [
    Canary("DOB", "10/29/2013", "dob", "DOB"),
    Canary("MRN", "M0204424", "mrn", "MRN"),
    Canary("DOB", "19540707", "dob", "DOB"),
    Canary("DOB", "1961-12-25", "dob", "DOB"),
]


@dataclasses.dataclass
class Visit:
    visit_id: int
    who: str
    note: str


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("canary", VALUES, ids=[c.value for c in VALUES])
def test_person_key_values_are_masked(harness: Harness, key: str, canary: Canary) -> None:
    logging.LoggerAdapter(harness.logger, {key: canary.value}).warning("visit %s", harness.tag)
    harness.logger.warning("visit", extra={key: canary.value})
    harness.logger.warning("visit %s", {key: canary.value})
    harness.logger.warning("visit %s", [{key: canary.value}])
    harness.logger.warning("visit", extra={"v": {key: canary.value}})
    assert harness.leaks([canary]) == []
    assert harness.delivered()


@pytest.mark.parametrize("canary", VALUES, ids=[c.value for c in VALUES])
def test_dataclass_under_person_field(harness: Harness, canary: Canary) -> None:
    visit = Visit(visit_id=3, who=canary.value, note="stable")
    harness.logger.warning("visit %s", visit)
    harness.logger.warning("visit %r", visit)
    harness.logger.warning(f"visit {visit}")
    harness.logger.warning("visit", extra={"visit": visit})
    harness.logger.warning("visit %s", harness.tag)
    assert harness.leaks([canary]) == []
    assert "stable" in harness.written()


@pytest.mark.parametrize(
    "text",
    ["who=M0204424 checked in", "who: 2013-10-29.", "insured='19540707'", "{'patient': '10/29/2013'}"],
)
def test_person_key_values_in_text(text: str) -> None:
    assert "[REDACTED:" in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "value",
    [
        {"client": "web-01"},
        {"client": "ios-app/5.2.1"},
        {"client": "curl/8.4.0"},
        {"client": {"id": "acme", "version": "1.2.3"}},
        {"who": "cron", "when": "2024-03-04T10:00:00Z"},
        {"patient": 3},
        {"insured": True},
        [("client", "grpc-python"), ("who", "scheduler")],
    ],
)
def test_program_values_stay(value: object) -> None:
    assert "REDACTED" not in repr(REDACTOR.redact(value))
    assert "REDACTED" not in repr(REDACTOR.redact_event({"message": "job", "v": value}))


@pytest.mark.parametrize("text", ["client=web-01 status=200", "who: scheduler ran 2024-01-02", "patient: 3 beds"])
def test_program_text_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
