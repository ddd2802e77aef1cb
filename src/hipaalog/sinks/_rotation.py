"""Rotation helpers for :class:`FileSink`: periods, segment names, gzip."""

from __future__ import annotations

import gzip
import os
import shutil
import time

from ..exceptions import ConfigError

__all__ = ["compress_segment", "parse_interval", "period_of", "rotated_name"]

_NAMED = {"hourly": 3600.0, "daily": 86400.0}
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def parse_interval(value: object) -> float | None:
    """Seconds per rotation period from ``"hourly"``, ``"daily"``, a number, or ``None``."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in _NAMED:
        return _NAMED[value.strip().lower()]
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 1:
        return float(value)
    raise ConfigError(f"rotate_every must be 'hourly', 'daily' or a number of seconds >= 1, not {value!r}")


def period_of(when: float, interval: float) -> int:
    """The number of the rotation period (aligned to the epoch, so ``daily`` means UTC days)."""
    return int(when // interval)


def rotated_name(path: str, now: float) -> str:
    """``<path>.<YYYYmmddTHHMMSSffffffZ>`` for ``now`` (UTC), with ``-<n>`` if that is taken."""
    seconds = int(now)
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(seconds)) + f"{int((now - seconds) * 1e6):06d}Z"
    candidate, n = f"{path}.{stamp}", 1
    while os.path.exists(candidate) or os.path.exists(candidate + ".gz"):
        candidate, n = f"{path}.{stamp}-{n}", n + 1
    return candidate


def compress_segment(path: str, *, mode: int, fsync: bool) -> str:
    """Gzip ``path`` to ``path + ".gz"`` (through a ``.gz.tmp`` file), remove ``path``, return the new path."""
    final, tmp = path + ".gz", path + ".gz.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _CLOEXEC, mode)
    try:
        with os.fdopen(fd, "wb") as raw:
            with open(path, "rb") as source, gzip.GzipFile(os.path.basename(path), "wb", 6, raw) as packed:
                shutil.copyfileobj(source, packed, 1024 * 1024)
            raw.flush()
            if fsync:
                os.fsync(raw.fileno())
        os.replace(tmp, final)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    os.unlink(path)
    return final
