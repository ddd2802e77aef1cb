"""Records that reach a third-party handler without hipaalog's record factory (a factory the application set in
its place, a record built directly and handed to ``Logger.handle``) are redacted before the handler sees them."""

from __future__ import annotations

import logging

import pytest

from .canaries import DEFAULT
from .harness import Harness


class AppRecord(logging.LogRecord):
    """An application's own record class, set as the factory after ``configure()``."""


def test_a_factory_set_after_configure_does_not_bypass_redaction(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logging, "_logRecordFactory", logging.getLogRecordFactory())  # restored after the test
    logging.setLogRecordFactory(AppRecord)
    harness.logger.warning("lookup %s", DEFAULT.ssn.text, extra={"patient_name": DEFAULT.name.value})
    assert harness.leaks(DEFAULT.all()) == []
    assert len(harness.third.seen) == 1


@pytest.mark.parametrize("make", ["LogRecord", "makeLogRecord"])
def test_records_built_directly_are_redacted(harness: Harness, make: str) -> None:
    fields = {"name": "attack.app", "levelno": logging.WARNING, "levelname": "WARNING", "msg": "lookup %s"}
    fields["args"] = (DEFAULT.email.text,)
    if make == "LogRecord":
        record = logging.LogRecord("attack.app", logging.WARNING, __file__, 1, "lookup %s", fields["args"], None)
    else:
        record = logging.makeLogRecord({**fields, "contact": DEFAULT.phone.text})
    harness.logger.handle(record)
    assert harness.leaks(DEFAULT.all()) == []
    assert len(harness.third.seen) == 1
