"""RFC 3339 timestamps (UTC, microseconds, ``Z``) from epoch seconds, cached per second."""

from __future__ import annotations

import time

__all__ = ["rfc3339"]

_cache: tuple[int, str] = (-1, "")


def rfc3339(created: float) -> str:
    """``1700000000.123456`` -> ``"2023-11-14T22:13:20.123456Z"``.

    The date-and-seconds prefix is computed once per second; a race between threads at worst
    computes it twice, since the cache is one tuple replaced atomically.
    """
    global _cache
    seconds = int(created)
    micros = round((created - seconds) * 1_000_000)
    if micros >= 1_000_000:  # float rounding just below the next second
        seconds += 1
        micros -= 1_000_000
    cached_seconds, prefix = _cache
    if cached_seconds != seconds:
        prefix = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
        _cache = (seconds, prefix)
    return f"{prefix}.{micros:06d}Z"
