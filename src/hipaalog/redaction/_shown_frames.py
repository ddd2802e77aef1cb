"""An exception whose traceback prints PHI, handed to other handlers without its traceback.

A traceback prints each frame's source line: ``raise LookupError("no chart for jane.roe@example.org")`` shows the
address in the line even after the exception's message is redacted, and other handlers format the traceback
themselves (OpenTelemetry's logging handler writes ``traceback.format_exception(*record.exc_info)`` into the
``exception.stacktrace`` attribute). When the redacted traceback text still changes under redaction, the record's
exception becomes a copy with no traceback (its causes and contexts too); the redacted text stays in
``exc_text``, which formatters print, and hipaalog's own formatter reads the frames from the copy (kept under a
private attribute).
"""

from __future__ import annotations

from typing import Final

from .._errors import KEPT_TRACEBACK
from ._exc_copy import copy_exception

__all__ = ["without_tracebacks"]

_MAX_CHAIN: Final = 16


def without_tracebacks(exc: BaseException) -> BaseException | None:
    """A copy of ``exc`` and of its causes and contexts with no traceback to print; ``None`` when a copy fails."""
    try:
        return _stripped(exc, {}, 0)
    except Exception:  # noqa: BLE001 - an exception that cannot be copied: the caller keeps what it has
        return None


def _stripped(exc: BaseException, made: dict[int, BaseException], depth: int) -> BaseException:
    twin = made.get(id(exc))
    if twin is not None:
        return twin
    twin = copy_exception(exc)
    made[id(exc)] = twin
    tb = twin.__traceback__
    twin.__traceback__ = None
    twin.__dict__[KEPT_TRACEBACK] = tb
    cause, context = twin.__cause__, twin.__context__
    if depth >= _MAX_CHAIN:
        twin.__cause__ = twin.__context__ = None
        return twin
    if cause is not None:
        twin.__cause__ = _stripped(cause, made, depth + 1)
    if context is not None:
        twin.__context__ = _stripped(context, made, depth + 1)
    return twin
