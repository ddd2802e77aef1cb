"""Tracebacks the standard library prints itself, redacted: they reach stderr without ``sys.excepthook``.

Some of Python's own code prints an exception as it is rather than raising it: a ``multiprocessing`` child
whose target raised (``traceback.print_exc()`` in its bootstrap), a ``multiprocessing`` finalizer, queue
feeder or manager, ``socketserver`` and ``wsgiref`` request errors; and ``logging.Handler.handleError``,
which prints the failing record's message and arguments, raw, after the traceback ("--- Logging error ---").
Importing hipaalog replaces ``traceback.print_exception`` (``print_exc`` and ``print_last`` call it) and
``logging.Handler.handleError``, each only while it is still the standard library's, with versions that print
the same text redacted by the default policy. ``print_exception`` is redacted only when it writes to the
process's stdout or stderr: text printed into a buffer or file the caller reads (``logging.Formatter`` does)
is left as it is.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import traceback
from types import FrameType, TracebackType
from typing import Any

__all__ = ["install", "write_redacted"]

_standard_print_exception = traceback.print_exception
_FILE = 4
"""The position of ``file`` among ``print_exception``'s parameters (exc, value, tb, limit, file, chain)."""


def install() -> None:
    """Put the redacting versions in place of those still the standard library's."""
    global _standard_print_exception
    current = traceback.print_exception
    if current is not _print_exception and _is_standard(current, "traceback"):
        _standard_print_exception = current
        traceback.print_exception = _print_exception
    if _is_standard(logging.Handler.handleError, "logging"):
        logging.Handler.handleError = _handle_error  # type: ignore[method-assign]


def _is_standard(function: object, module: str) -> bool:
    return getattr(function, "__module__", None) == module


def _standard_stream(stream: object) -> bool:
    """Whether ``stream`` is the process's stdout or stderr (as replaced by a test runner, or the originals)."""
    return stream is sys.stderr or stream is sys.stdout or stream is sys.__stderr__ or stream is sys.__stdout__


def _print_exception(*args: Any, **kwargs: Any) -> None:
    """``traceback.print_exception``, redacted when it prints to stdout or stderr."""
    file = kwargs["file"] if "file" in kwargs else (args[_FILE] if len(args) > _FILE else None)
    stream = sys.stderr if file is None else file
    if stream is None or not _standard_stream(stream):
        _standard_print_exception(*args, **kwargs)
        return
    buffer = io.StringIO()
    if len(args) > _FILE:
        args = (*args[:_FILE], buffer, *args[_FILE + 1 :])
    else:
        kwargs["file"] = buffer
    _standard_print_exception(*args, **kwargs)
    write_redacted(stream, buffer.getvalue())


def _handle_error(self: logging.Handler, record: logging.LogRecord) -> None:
    """``logging.Handler.handleError``: the same report ("--- Logging error ---"), redacted."""
    stream = sys.stderr
    if not (logging.raiseExceptions and stream):
        return
    exc_type, exc, tb = sys.exc_info()
    try:
        text = _logging_error_text(record, exc_type, exc, tb)
    except RecursionError:
        raise
    except Exception:  # noqa: BLE001 - handleError must not raise; say that something failed, not what
        text = f"--- Logging error ---\nA record of logger {record.name!r} could not be written\n"
    finally:
        del exc_type, exc, tb
    write_redacted(stream, text)


def _logging_error_text(
    record: logging.LogRecord,
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
) -> str:
    """What the standard ``handleError`` prints: the error, the logging call's stack, the message and arguments."""
    out = io.StringIO()
    out.write("--- Logging error ---\n")
    if exc_type is not None:
        out.write("".join(traceback.format_exception(exc_type, exc, tb)))
    out.write("Call stack:\n")
    frame = _caller_frame(tb)
    if frame is not None:
        out.write("".join(traceback.format_stack(frame)))
    else:
        out.write(f"Logged from file {record.filename}, line {record.lineno}\n")
    try:
        out.write(f"Message: {record.msg!r}\nArguments: {record.args}\n")
    except RecursionError:
        raise
    except Exception:  # noqa: BLE001 - what the standard library says in this case
        out.write(
            "Unable to print the message and arguments - possible formatting error.\n"
            "Use the traceback above to help find the error.\n"
        )
    return out.getvalue()


def _caller_frame(tb: TracebackType | None) -> FrameType | None:
    """The first frame outside the ``logging`` package, walking out from where the error was raised."""
    frame = tb.tb_frame if tb is not None else None
    package = os.path.dirname(logging.__file__)
    while frame is not None and os.path.dirname(frame.f_code.co_filename) == package:
        frame = frame.f_back
    return frame


def write_redacted(stream: Any, text: str) -> None:
    """Write ``text`` redacted by the default policy; when it cannot be redacted, only that it was withheld."""
    try:
        from .redaction import default_redactor

        text = default_redactor().redact_text(text)
    except Exception:  # noqa: BLE001 - the redactor is broken: nothing of the text is shown
        text = "hipaalog: a traceback was withheld (it could not be redacted)\n"
    try:
        stream.write(text)
        stream.flush()
    except Exception:  # noqa: BLE001 - the stream is gone; nowhere left to say it
        pass
