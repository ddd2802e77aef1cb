"""Resetting per-process state in the child after ``os.fork()``.

Threads do not survive a fork, but their locks, queues and sockets are copied in whatever state
they were in. Objects that own such state register here and get ``_after_fork_in_child()`` called
in the child, before any other code of the child runs.
"""

from __future__ import annotations

import os
import weakref
from typing import Protocol

__all__ = ["ForkAware", "register"]


class ForkAware(Protocol):
    """An object that resets its locks, threads and connections in a forked child."""

    def _after_fork_in_child(self) -> None: ...


_objects: weakref.WeakSet[ForkAware] = weakref.WeakSet()


def register(obj: ForkAware) -> None:
    """Call ``obj._after_fork_in_child()`` in every child forked while ``obj`` is alive."""
    _objects.add(obj)


def _reset_in_child() -> None:
    for obj in list(_objects):
        try:
            obj._after_fork_in_child()
        except Exception:  # noqa: BLE001 - a child must come up even if one object cannot reset
            pass


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_in_child)
