"""Cleaning the ``LogRecord`` itself, so that no handler (hipaalog's or anyone's) sees raw PHI.

hipaalog's formatter redacts what it writes, but other handlers on the same loggers read the
record directly: OpenTelemetry's ``LoggingHandler`` ships every ``extra`` attribute as it is,
Sentry's reads the message and the exception. Two ways to clean the record first:

* :func:`install_record_redaction` (process-wide): wraps the log record factory, so every record
  any logger makes is redacted as it is made: message, arguments, exception, stack, and the
  ``extra=`` fields as ``logging`` stores them. Nothing can see a raw record. Use this in
  applications (``hipaalog.configure()`` does it by default).
* :class:`RedactingFilter` (per logger or handler): redacts records passing through it. Use it
  when a process-wide hook is not yours to install (a library, a framework that manages
  logging), on each third-party handler (``otel_handler.addFilter(RedactingFilter())``) or on the
  loggers records come from. A filter on a logger does not see records propagated from its
  children, and handlers that ran before it saw the raw record: prefer handler filters.

A redacted record carries ``hipaalog_redacted = True`` and is not redacted twice.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any, Final

from .. import _diagnostics
from ._kinds import UNINSPECTED
from ._redactor import Redactor
from ._strategies import mask_text

__all__ = [
    "MARKER_ATTRIBUTE",
    "RedactingFilter",
    "install_record_redaction",
    "record_redaction_installed",
    "redact_record",
    "uninstall_record_redaction",
]

MARKER_ATTRIBUTE: Final = "hipaalog_redacted"
"""Set to ``True`` on records already redacted."""

_FRESH: Final = tuple(logging.LogRecord("", 0, "", 0, "", None, None).__dict__)
"""The attributes ``LogRecord.__init__`` sets, in order: a record holding just these has no caller field."""
_STANDARD: Final = frozenset(_FRESH) | {
    "message",
    "asctime",
    MARKER_ATTRIBUTE,
}
_MAX_CAUSES: Final = 8


def _redacted_exception(exc: BaseException, redactor: Redactor, depth: int = 0) -> BaseException:
    """A copy of ``exc`` whose message, causes and notes are redacted (same type when it can be copied)."""
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001 - an exception whose __str__ raises is shown by type only
        text = ""
    clean = redactor.redact_text(text)
    twin: BaseException | None = exc if clean == text else _same_type_twin(exc, clean, redactor)
    if twin is None:
        twin = RedactedException(clean, type(exc))
    if twin is not exc:
        twin.__traceback__ = exc.__traceback__
        twin.__suppress_context__ = exc.__suppress_context__
    notes = getattr(exc, "__notes__", None)
    if isinstance(notes, list) and notes:
        if twin is exc:
            clean_notes = [redactor.redact_text(str(n)) for n in notes]
            if clean_notes != notes:
                twin = copy.copy(exc)
                twin.__traceback__ = exc.__traceback__
        if twin is not exc:
            twin.__notes__ = [redactor.redact_text(str(n)) for n in notes]  # type: ignore[attr-defined]
    if depth < _MAX_CAUSES:
        for attr in ("__cause__", "__context__"):
            linked = getattr(exc, attr)
            if linked is not None:
                clean_linked = _redacted_exception(linked, redactor, depth + 1)
                if clean_linked is not linked:
                    if twin is exc:
                        twin = copy.copy(exc)
                        twin.__traceback__ = exc.__traceback__
                    setattr(twin, attr, clean_linked)
                elif twin is not exc:
                    setattr(twin, attr, linked)
    return twin


def _same_type_twin(exc: BaseException, clean: str, redactor: Redactor) -> BaseException | None:
    """A copy of ``exc`` with redacted arguments whose text holds no PHI, or ``None``."""
    for args in (tuple(redactor.redact(arg) for arg in exc.args), (clean,)):
        try:
            twin = copy.copy(exc)
            twin.args = args
            text = str(twin)
        except Exception:  # noqa: BLE001 - try the next form, then a stand-in
            continue
        if redactor.redact_text(text) == text:
            return twin
    return None


class RedactedException(Exception):
    """Stands in for an exception whose message held PHI and which could not be copied faithfully."""

    def __init__(self, message: str, original: type[BaseException]) -> None:
        super().__init__(message)
        self.original_type = f"{original.__module__}.{original.__qualname__}"


def redact_record(record: logging.LogRecord, redactor: Redactor) -> None:
    """Redact ``record`` in place: message and arguments, ``extra`` fields, exception, stack. Never raises."""
    if record.__dict__.get(MARKER_ATTRIBUTE):
        return
    try:
        _redact_message(record, redactor)
        attrs = record.__dict__
        if len(attrs) != len(_FRESH) or next(reversed(attrs)) != _FRESH[-1]:
            for key in [k for k in attrs if k not in _STANDARD]:
                attrs[key] = redactor.redact_field(key, attrs[key])
        _redact_exception_info(record, redactor)
        if record.stack_info:
            record.stack_info = redactor.redact_text(str(record.stack_info))
    except Exception as exc:  # noqa: BLE001 - fail closed: the record keeps no caller content
        _diagnostics.problem("record-redaction-failed", f"a LogRecord could not be redacted ({type(exc).__name__})")
        record.msg, record.args = mask_text(UNINSPECTED), None
        record.exc_info, record.exc_text = None, None
        for key in [k for k in record.__dict__ if k not in _STANDARD]:
            record.__dict__[key] = mask_text(UNINSPECTED)
    record.__dict__[MARKER_ATTRIBUTE] = True


def _redact_message(record: logging.LogRecord, redactor: Redactor) -> None:
    msg = record.msg
    if isinstance(msg, Mapping):  # structlog's ProcessorFormatter hands event dicts as msg
        record.msg = redactor.redact(msg)
        return
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - arguments that do not fit: keep the template, drop the arguments
        record.msg, record.args = redactor.redact_text(str(msg)), None
        return
    clean = redactor.redact_text(message)
    if clean != message or not isinstance(msg, str):
        record.msg, record.args = clean, None


_TRACEBACKS: Final = logging.Formatter()


def _redact_exception_info(record: logging.LogRecord, redactor: Redactor) -> None:
    if record.exc_info and record.exc_info[1] is not None:
        _, exc, tb = record.exc_info
        clean = _redacted_exception(exc, redactor)
        if clean is not exc:
            record.exc_info = (type(clean), clean, tb)
        # Formatters reuse exc_text when it is set: give them the traceback text already redacted
        # (source lines shown in it may hold PHI too).
        record.exc_text = redactor.redact_text(_TRACEBACKS.formatException(record.exc_info))
    elif record.exc_text:
        record.exc_text = redactor.redact_text(record.exc_text)


class _RedactingDict(dict[str, Any]):
    """A record's ``__dict__`` that redacts what ``Logger.makeRecord`` stores from ``extra=``."""

    __slots__ = ("redactor",)
    redactor: Redactor

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in _STANDARD:
            value = self.redactor.redact_field(key, value)
        dict.__setitem__(self, key, value)

    def update(self, *args: Any, **kwargs: Any) -> None:
        """``logging.makeLogRecord`` fills records this way."""
        for key, value in dict(*args, **kwargs).items():
            self[key] = value


class RedactingFilter(logging.Filter):
    """A ``logging.Filter`` that redacts each record passing through it (in place) and lets it pass.

    Args:
        redactor: the :class:`Redactor` to use (default: hipaalog's default policy), or a policy mapping.
        name: passed to :class:`logging.Filter` (records of other loggers pass unredacted).
    """

    def __init__(self, redactor: Redactor | Mapping[str, Any] | None = None, name: str = "") -> None:
        super().__init__(name)
        self.redactor = _as_redactor(redactor)

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact ``record``; always keep it."""
        if super().filter(record):
            redact_record(record, self.redactor)
        return True


def _as_redactor(redactor: Redactor | Mapping[str, Any] | None) -> Redactor:
    if redactor is None:
        from ._api import default_redactor

        return default_redactor()
    if isinstance(redactor, Redactor):
        return redactor
    return Redactor.from_config(redactor)


class _Factory:
    """The installed record factory: makes the record with the previous factory, then redacts it."""

    def __init__(self, previous: Callable[..., logging.LogRecord], redactor: Redactor) -> None:
        self.previous = previous
        self.redactor = redactor

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self.previous(*args, **kwargs)
        try:
            redact_record(record, self.redactor)
            attrs = _RedactingDict(record.__dict__)
            attrs.redactor = self.redactor
            record.__dict__ = attrs
        except Exception as exc:  # noqa: BLE001 - a record must always be made
            _diagnostics.problem("record-redaction-failed", f"record factory could not redact ({type(exc).__name__})")
        return record


_lock = threading.Lock()


def install_record_redaction(redactor: Redactor | Mapping[str, Any] | None = None) -> None:
    """Redact every log record as it is made, process-wide (idempotent; the redactor is replaced)."""
    resolved = _as_redactor(redactor)
    with _lock:
        current = logging.getLogRecordFactory()
        if isinstance(current, _Factory):
            current.redactor = resolved
            return
        logging.setLogRecordFactory(_Factory(current, resolved))


def uninstall_record_redaction() -> None:
    """Undo :func:`install_record_redaction` (only when no other factory was installed on top of it)."""
    with _lock:
        current = logging.getLogRecordFactory()
        if isinstance(current, _Factory):
            logging.setLogRecordFactory(current.previous)


def record_redaction_installed() -> bool:
    """Whether the current log record factory is hipaalog's redacting one."""
    return isinstance(logging.getLogRecordFactory(), _Factory)
