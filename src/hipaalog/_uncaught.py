"""Uncaught exceptions, redacted: Python's own hooks print a crashing exception's text to stderr as it is.

An exception that nothing catches reaches ``sys.excepthook`` (the main thread), ``threading.excepthook``
(other threads) or ``sys.unraisablehook`` (errors in ``__del__``, finalizers, callbacks), and their
standard versions print its message, often holding the very values it was raised about, raw to stderr.
Importing hipaalog replaces each hook that is still the standard one with a hook that prints the same
text redacted by the default policy; after :func:`hipaalog.configure` the exception is also logged, as a
``critical`` record of the ``hipaalog.uncaught`` logger, to the configured sinks. A hook the application
installed itself is left alone. A ``KeyboardInterrupt`` is printed redacted too, and not logged (Python still
exits as interrupted).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

__all__ = ["LOGGER_NAME", "install", "log_uncaught"]

LOGGER_NAME = "hipaalog.uncaught"

_state: dict[str, bool] = {"log": False}

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_uncaught(enabled: bool) -> None:
    """Whether an uncaught exception is also logged as a ``critical`` record (``configure()`` sets it)."""
    _state["log"] = enabled


def install() -> None:
    """Put the redacting hooks in place of those of Python's that are still the standard ones."""
    if sys.excepthook is sys.__excepthook__:
        sys.excepthook = _excepthook
    if threading.excepthook is threading.__excepthook__:
        threading.excepthook = _thread_excepthook
    if sys.unraisablehook is sys.__unraisablehook__:
        sys.unraisablehook = _unraisablehook


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook``: the main thread's uncaught exception, redacted."""
    interrupted = issubclass(exc_type, KeyboardInterrupt)
    _report("Uncaught exception", (exc_type, exc, tb), headline_on_stderr=False, log=not interrupted)
    if interrupted:
        _still_interrupted()


def _still_interrupted() -> None:
    """Mark the interpreter's exit as interrupted again (status 130, killed by SIGINT), as it was before the hook.

    Python marks it when the main code ends in ``KeyboardInterrupt``, and clears the mark whenever code runs from a
    string (``exec`` of text: loading the redactor does, through named tuples and dataclasses). Running a string that
    ends in ``KeyboardInterrupt`` marks it again.
    """
    try:
        exec("raise KeyboardInterrupt")  # a constant string: only its way of ending matters
    except KeyboardInterrupt:
        pass


def _thread_excepthook(args: Any) -> None:
    """``threading.excepthook``: a thread's uncaught exception, redacted (``SystemExit`` is silent, as usual)."""
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    name = getattr(args.thread, "name", None) or threading.get_ident()
    _report(f"Exception in thread {name}", (args.exc_type, args.exc_value, args.exc_traceback))


def _unraisablehook(args: Any) -> None:
    """``sys.unraisablehook``: an exception Python could not raise (in ``__del__``, a finalizer), redacted."""
    if args.exc_value is None:
        return
    where = args.err_msg or "Exception ignored in"
    if args.object is not None:
        where = f"{where}: {_safe_repr(args.object)}"
    _report(where, (args.exc_type, args.exc_value, args.exc_traceback))


def _report(headline: str, exc_info: ExcInfo, *, headline_on_stderr: bool = True, log: bool = True) -> None:
    """Log the exception when configured, and print it redacted to stderr, as Python would have printed it."""
    if log and _state["log"]:
        try:
            logging.getLogger(LOGGER_NAME).critical("%s", headline, exc_info=exc_info)
        except Exception:  # noqa: BLE001 - a hook must not raise; stderr below still says what happened
            pass
    try:
        from .redaction import default_redactor

        redactor = default_redactor()
        lines = traceback.format_exception(*exc_info)
        text = redactor.redact_text("".join(lines))
        if headline_on_stderr:
            text = redactor.redact_text(headline) + ":\n" + text
    except Exception:  # noqa: BLE001 - the redactor itself is broken: say where, withhold what
        text = _locations_only(exc_info)
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(text)
            stream.flush()
        except Exception:  # noqa: BLE001 - nowhere left to report to
            pass


def _locations_only(exc_info: ExcInfo) -> str:
    """The stack's files, lines and functions and the exception's type, without its message or source lines."""
    try:
        lines = [f'  File "{f.filename}", line {f.lineno}, in {f.name}\n' for f in traceback.extract_tb(exc_info[2])]
    except Exception:  # noqa: BLE001 - a frame that cannot be read leaves the type alone
        lines = []
    head = "Traceback (most recent call last; its text withheld, hipaalog could not redact it):\n"
    return head + "".join(lines) + f"{exc_info[0].__name__}: (message withheld)\n"


def _safe_repr(value: object) -> str:
    """``repr(value)``, or a stand-in naming its type when the repr itself fails."""
    try:
        return repr(value)
    except Exception:  # noqa: BLE001 - a broken repr must not hide the exception being reported
        return f"<{type(value).__name__} object>"
