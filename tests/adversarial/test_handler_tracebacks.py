"""A third-party handler that formats the record's traceback itself (OpenTelemetry's writes
``traceback.format_exception(*record.exc_info)``) never prints a source line holding PHI; hipaalog's own line
keeps the stack, and exceptions whose frames print nothing to redact keep their traceback for such handlers."""

from __future__ import annotations

import json
import logging
import traceback

from .canaries import DEFAULT, find_leaks
from .harness import Harness


class Formats(logging.Handler):
    """Formats each record's exception from ``exc_info`` as OpenTelemetry's handler does."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.frames: list[bool] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.texts.append("".join(traceback.format_exception(*record.exc_info)))
            self.frames.append(record.exc_info[2] is not None)


def _lookup_by_literal() -> None:
    try:
        raise KeyError("no chart")
    except KeyError as exc:
        raise LookupError("ssn 219-09-9999 and marisol.quintanilla@example.com not found") from exc


def test_source_lines_with_phi_reach_no_handler(harness: Harness) -> None:
    handler = Formats()
    harness.logger.addHandler(handler)
    try:
        _lookup_by_literal()
    except LookupError:
        harness.logger.exception("lookup failed")
    harness.logger.removeHandler(handler)
    assert find_leaks("\n".join(handler.texts), DEFAULT.all()) == []
    assert "LookupError" in handler.texts[0] and "KeyError" in handler.texts[0]  # the chain is still shown
    assert harness.leaks(DEFAULT.all()) == []
    error = json.loads(harness.written().splitlines()[-1])["error"]
    assert error["stack"] and error["stack"][-1]["function"] == "_lookup_by_literal"  # hipaalog keeps the frames


def test_frames_with_nothing_to_redact_are_kept(harness: Harness) -> None:
    handler = Formats()
    harness.logger.addHandler(handler)
    try:
        {}["key"]  # raises KeyError
    except KeyError:
        harness.logger.exception("lookup failed")
    harness.logger.removeHandler(handler)
    assert handler.frames == [True]
