"""hipaalog's own trouble, counted and told: nothing that goes wrong inside logging is silent.

Problems are counted by kind (readable with :func:`counts`) and described on stderr, at most once
per kind every ``interval`` seconds so that a failing sink cannot flood the console.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import Counter

__all__ = ["counts", "problem", "reset"]

_lock = threading.Lock()
_counts: Counter[str] = Counter()
_last_told: dict[str, float] = {}
_INTERVAL = 30.0


def problem(kind: str, detail: str, *, count: int = 1) -> None:
    """Count ``count`` occurrences of ``kind`` and tell stderr about it (rate-limited). Never raises."""
    try:
        now = time.monotonic()
        with _lock:
            _counts[kind] += count
            last = _last_told.get(kind)
            if last is not None and now - last < _INTERVAL:
                return
            _last_told[kind] = now
            total = _counts[kind]
        stream = sys.__stderr__ or sys.stderr
        if stream is not None:
            stream.write(f"hipaalog: {kind}: {detail} (total {total})\n")
            stream.flush()
    except Exception:  # noqa: BLE001 - the last line of defence must not raise
        pass


def _after_fork_in_child() -> None:
    """A child forked while another thread held the lock would deadlock on it: start afresh."""
    global _lock
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def counts() -> dict[str, int]:
    """Problems seen in this process, by kind."""
    with _lock:
        return dict(_counts)


def reset() -> None:
    """Forget counts and rate limits (for tests)."""
    with _lock:
        _counts.clear()
        _last_told.clear()
