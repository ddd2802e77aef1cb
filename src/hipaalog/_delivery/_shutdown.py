"""Delivering what is queued on the way out: at interpreter exit and on SIGTERM.

Every live :class:`~hipaalog.SinkHandler` is tracked here. At exit (``atexit``) each is closed, so
its queues drain within its ``close_timeout``. On SIGTERM, whose default action skips ``atexit``,
a handler installed once from the main thread flushes every handler and then does what the
signal would have done without us: it calls the handler the application had installed, ignores
the signal if it was ignored, or terminates the process with SIGTERM.
An application that installs its own SIGTERM handler afterwards replaces ours; records then
reach the sinks through ``atexit`` and ``logging.shutdown()`` when it exits.

Children of :mod:`multiprocessing` (and of Celery's ``billiard``) end with ``os._exit``, which
skips ``atexit``: every pool worker and every forked ``Process`` would leave its queue behind. Such
a child runs its library's exit finalizers first, so each live handler is flushed from one of
them (registered in the child after a fork, or when the handler is made in a spawned child).
A process that calls ``os._exit`` itself (the usual end of a child forked by hand) runs no hook at
all, so while a handler lives ``os._exit`` is wrapped: it flushes every handler (each within its
``flush_timeout``), then exits as asked.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading
import weakref
from types import FrameType
from typing import Any, NoReturn, Protocol

__all__ = ["close_all", "flush_all", "install_sigterm_handler", "track", "untrack"]


class _Handler(Protocol):
    def flush(self) -> None: ...

    def close(self) -> None: ...


_handlers: weakref.WeakSet[_Handler] = weakref.WeakSet()
_previous: Any = None
_installed = False

_PROCESS_LIBRARIES = ("multiprocessing", "billiard")  # same ``util`` API: Finalize, register_after_fork
_EXIT_PRIORITY = -100  # finalizers run from the highest priority down: ours after the application's
_hooked: set[str] = set()  # libraries whose children call us after a fork (inherited by forked children)
_finalizer_pid: dict[str, int] = {}  # the process in which each library's exit finalizer is registered
_exit_behind = os._exit  # what the wrapped ``os._exit`` calls once the handlers are flushed
_LANE_THREAD_PREFIX = "hipaalog "  # a lane's own thread must not wait for itself


class _Token:
    """Kept alive for good: ``register_after_fork`` holds its object weakly."""


_TOKEN = _Token()


def track(handler: _Handler) -> None:
    """Close ``handler`` at interpreter exit, flush it on SIGTERM, at a multiprocessing child's exit and
    at ``os._exit``."""
    _handlers.add(handler)
    _arm_child_exit()
    _wrap_os_exit()


def _wrap_os_exit() -> None:
    """Put :func:`_flush_then_exit` in front of ``os._exit`` (once; whatever ``os._exit`` is then stays behind it)."""
    global _exit_behind
    if os._exit is _flush_then_exit:
        return
    _exit_behind = os._exit
    os._exit = _flush_then_exit


def _flush_then_exit(status: int) -> NoReturn:
    """``os._exit(status)`` after delivering what every live handler has queued (bounded by its ``flush_timeout``)."""
    try:
        if _handlers and not threading.current_thread().name.startswith(_LANE_THREAD_PREFIX):
            flush_all()
    except BaseException:  # noqa: BLE001 - nothing may keep the process from exiting as asked
        pass
    _exit_behind(status)


def _arm_child_exit() -> None:
    """Hook the process libraries that are loaded: flush at the end of each of their children."""
    for library in _PROCESS_LIBRARIES:
        util = sys.modules.get(f"{library}.util")
        if util is None:
            continue
        try:
            if library not in _hooked:
                util.register_after_fork(_TOKEN, lambda _token, library=library: _flush_at_exit(library))
                _hooked.add(library)
            process = sys.modules.get(f"{library}.process")
            if process is not None and getattr(process, "_parent_process", None) is not None:
                _flush_at_exit(library)  # a spawned or forkserver child made this handler itself
        except Exception:  # noqa: BLE001 - an unexpected library version costs the hook, never the handler
            continue


def _flush_at_exit(library: str) -> None:
    """Register (once in this process) a finalizer that the library's child runs before ``os._exit``."""
    pid = os.getpid()
    if _finalizer_pid.get(library) == pid:
        return
    util = sys.modules.get(f"{library}.util")
    if util is None:
        return
    util.Finalize(None, flush_all, exitpriority=_EXIT_PRIORITY)
    _finalizer_pid[library] = pid


def _after_fork_in_child() -> None:
    if _handlers:
        _arm_child_exit()  # a library loaded after the handler was made still gets its hook


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
    # The default action ends the process: deliver (or spill) what is queued first. A flush, not a
    # close: the signal may interrupt this thread inside a lane's lock (a log call, or a flush at a
    # pool worker's exit), and only a flush waits in a way that lets the lane's worker go on.
    flush_all()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


atexit.register(close_all)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
