"""Delivering what is queued on the way out: at interpreter exit and on SIGTERM.

Every live :class:`~hipaalog.SinkHandler` is tracked here. At exit (``atexit``) each is closed, so
its queues drain within its ``close_timeout``. On SIGTERM, whose default action skips ``atexit``,
a handler installed once from the main thread flushes every handler and then does what the
signal would have done without us: it calls the handler the application had installed, ignores
the signal if it was ignored, or closes the handlers and terminates the process with SIGTERM.
An application that installs its own SIGTERM handler afterwards replaces ours; records then
reach the sinks through ``atexit`` and ``logging.shutdown()`` when it exits.
"""

from __future__ import annotations

import atexit
import os
import signal
import threading
import weakref
from types import FrameType
from typing import Any, Protocol

__all__ = ["close_all", "flush_all", "install_sigterm_handler", "track", "untrack"]


class _Handler(Protocol):
    def flush(self) -> None: ...

    def close(self) -> None: ...


_handlers: weakref.WeakSet[_Handler] = weakref.WeakSet()
_previous: Any = None
_installed = False


def track(handler: _Handler) -> None:
    """Close ``handler`` at interpreter exit and flush it on SIGTERM."""
    _handlers.add(handler)


def untrack(handler: _Handler) -> None:
    """Stop tracking ``handler`` (it was closed)."""
    _handlers.discard(handler)


def flush_all() -> None:
    """Flush every live handler (each within its own ``flush_timeout``)."""
    for handler in list(_handlers):
        try:
            handler.flush()
        except Exception:  # noqa: BLE001 - one handler's trouble must not keep others from flushing
            continue


def close_all() -> None:
    """Close every live handler (each within its own ``close_timeout``)."""
    for handler in list(_handlers):
        try:
            handler.close()
        except Exception:  # noqa: BLE001
            continue


def install_sigterm_handler() -> bool:
    """Chain a flushing SIGTERM handler in front of the current one (once, main thread only)."""
    global _previous, _installed
    if _installed:
        return True
    if threading.current_thread() is not threading.main_thread():
        return False
    try:
        previous = signal.getsignal(signal.SIGTERM)
        signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, OSError, AttributeError):  # not the main interpreter, or no SIGTERM here
        return False
    _previous, _installed = previous, True
    return True


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    previous = _previous
    if callable(previous):
        flush_all()
        previous(signum, frame)
        return
    if previous == signal.SIG_IGN:
        flush_all()
        return
    close_all()  # the default action ends the process: deliver (or spill) what is queued first
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


atexit.register(close_all)
