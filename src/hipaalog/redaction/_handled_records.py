"""Records that did not come from hipaalog's record factory, redacted before any handler sees them.

The record factory redacts every record ``Logger.makeRecord`` makes. A record can reach handlers without it: made
by a factory the application set afterwards in place of hipaalog's (``logging.setLogRecordFactory(MyRecord)``),
built directly (``logging.LogRecord(...)``, ``logging.makeLogRecord(...)``: a socket or queue listener re-creating
records) and passed to ``Logger.handle``. While record redaction is installed, ``Logger.callHandlers`` is wrapped
to redact such a record first (a record already redacted costs one check). Putting the factory that was in place
before back (as test fixtures do) or uninstalling record redaction makes the wrapper idle (one dictionary look-up).
"""

from __future__ import annotations

import logging
from typing import Any

from ._records import is_redacted_record, redact_record
from ._redactor import Redactor

__all__ = ["guard_handlers", "unguard_handlers"]

_state: dict[str, Any] = {}


def guard_handlers(redactor: Redactor, before: object) -> None:
    """Wrap ``Logger.callHandlers`` (once) so that an unredacted record is redacted with ``redactor`` first, while
    the record factory is not ``before`` (the one in place before record redaction was installed)."""
    _state["redactor"] = redactor
    _state["before"] = before
    current = logging.Logger.callHandlers
    if getattr(current, "__module__", None) != "logging":
        return  # ours already, or another wrapper (a test capture) on top of the standard one or of ours
    _state["original"] = current
    logging.Logger.callHandlers = _call_handlers  # type: ignore[method-assign]


def unguard_handlers() -> None:
    """Undo :func:`guard_handlers`: the wrapper stays in place, idle (a capture may have saved it to put it back)."""
    _state.pop("redactor", None)


def _call_handlers(self: logging.Logger, record: logging.LogRecord) -> None:
    redactor = _state.get("redactor")
    if (
        redactor is not None
        and not is_redacted_record(record)
        and logging.getLogRecordFactory() is not _state["before"]
    ):
        redact_record(record, redactor)
    _state["original"](self, record)
