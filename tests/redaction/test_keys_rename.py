"""``rename_fields`` (python-json-logger's option) never hides a PHI field name from redaction.

The formatter redacts the record after renaming, by the new names; a field moved from ``ssn`` to
``ref`` must still be judged as an SSN. Made-up values only.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

import hipaalog
import hipaalog.json
import hipaalog.jsonlogger


@pytest.fixture
def logger() -> Iterator[logging.Logger]:
    log = logging.getLogger("tests.redaction.rename")
    log.propagate = False
    log.setLevel(logging.INFO)
    yield log
    for handler in list(log.handlers):
        log.removeHandler(handler)


def _lines(
    log: logging.Logger, formatter: logging.Formatter, *calls: tuple[Any, dict[str, Any]]
) -> list[dict[str, Any]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    log.addHandler(handler)
    for msg, extra in calls:
        log.info(msg, extra=extra)
    log.removeHandler(handler)
    return [json.loads(line) for line in stream.getvalue().splitlines()]


@pytest.mark.parametrize(
    "formatter_class", [hipaalog.JsonFormatter, hipaalog.json.JsonFormatter, hipaalog.jsonlogger.JsonFormatter]
)
def test_renamed_phi_fields_are_redacted_by_their_old_name(
    logger: logging.Logger, formatter_class: type[hipaalog.JsonFormatter]
) -> None:
    rename = {"ssn": "ref", "guardian": "g", "birthDate": "bd", "note": "n"}
    formatter = formatter_class(app_id="a", platform="vm", microservice="m", rename_fields=rename)
    extra = {"ssn": "287654321", "guardian": 6175550143, "birthDate": "1966-04-03", "note": "queue drained"}
    (line,) = _lines(logger, formatter, ("x", extra))
    assert line["ref"] == "[REDACTED:SSN]"
    assert line["g"] == "[REDACTED:PHONE]"
    assert line["bd"] == "[REDACTED:DOB]"
    assert line["n"] == "queue drained"
    assert "ssn" not in line and "guardian" not in line


def test_renamed_fields_of_a_dict_message_and_defaults(logger: logging.Logger) -> None:
    formatter = hipaalog.JsonFormatter(
        app_id="a", platform="vm", microservice="m", rename_fields={"mrn": "chart_ref", "phone": "p"}
    )
    formatter.defaults = {}
    (line,) = _lines(logger, formatter, ({"message": "m", "mrn": "8812345"}, {"phone": "617-555-0143"}))
    assert line["chart_ref"] == "[REDACTED:MRN]"
    assert line["p"] == "[REDACTED:PHONE]"


def test_a_dropped_phi_field_stays_dropped_under_its_new_name(logger: logging.Logger) -> None:
    formatter = hipaalog.JsonFormatter(
        app_id="a", platform="vm", microservice="m", rename_fields={"ssn": "ref"}, redaction={"strategy": "drop"}
    )
    (line,) = _lines(logger, formatter, ("x", {"ssn": "287654321", "status": "ok"}))
    assert "ref" not in line and line["status"] == "ok"


def test_renaming_plain_fields_keeps_their_values_and_types(logger: logging.Logger) -> None:
    formatter = hipaalog.JsonFormatter(
        app_id="a", platform="vm", microservice="m", rename_fields={"service": "svc", "attempt": "try"}
    )
    (line,) = _lines(logger, formatter, ("x", {"service": "billing-api", "attempt": 3}))
    assert line["svc"] == "billing-api" and line["try"] == 3


def test_without_redaction_a_rename_changes_only_the_name(logger: logging.Logger) -> None:
    formatter = hipaalog.JsonFormatter(
        app_id="a", platform="vm", microservice="m", rename_fields={"ssn": "ref"}, redaction=False
    )
    (line,) = _lines(logger, formatter, ("x", {"ssn": "287654321"}))
    assert line["ref"] == "287654321"
