"""The delivery policy of one handler, checked once at configuration time."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

from .._sizes import parse_size
from ..exceptions import ConfigError

__all__ = ["OVERFLOW_POLICIES", "DeliveryOptions"]

OVERFLOW_POLICIES = ("block", "drop_newest", "drop_oldest")
"""What a full queue does with one more record: wait (bounded), refuse it, or evict the oldest."""


def _number(value: object, what: str, *, minimum: float = 0.0, integer: bool = False) -> Any:
    ok = isinstance(value, int if integer else (int, float)) and not isinstance(value, bool)
    if not ok or not math.isfinite(value) or value < minimum:  # type: ignore[arg-type, operator]
        kind = "an integer" if integer else "a number"
        raise ConfigError(f"{what} must be {kind} >= {minimum:g}, not {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class DeliveryOptions:
    """How records travel from the application thread to every sink.

    Attributes:
        queue_size: records each sink's queue holds in memory before ``overflow`` applies.
        batch_size: most records handed to a sink in one ``write``.
        flush_interval: longest a record waits for its batch to fill, in seconds.
        overflow: ``"block"`` (wait up to ``block_timeout``, then drop and count), ``"drop_newest"``
            or ``"drop_oldest"``.
        block_timeout: longest a log call waits for room under ``"block"``, in seconds.
        retry_attempts: retries of a failing batch before it is spilled (with a spill directory;
            without one, retries go on while the queue absorbs new records).
        backoff_initial, backoff_max: exponential backoff bounds between retries, in seconds.
        spill_dir: directory for records that could not be delivered (``None``: memory only).
        spill_max_bytes: disk the spill may use per sink; beyond it records are dropped and counted.
        durable: write and ``fsync`` each record to the spill directory before the log call returns.
        flush_timeout, close_timeout: bounds on ``flush()`` and ``close()`` (and on exit and SIGTERM).
        stats_interval: seconds between self-records with the counters (``0``: never).
    """

    queue_size: int = 10_000
    batch_size: int = 512
    flush_interval: float = 0.2
    overflow: str = "block"
    block_timeout: float = 0.5
    retry_attempts: int = 5
    backoff_initial: float = 0.2
    backoff_max: float = 30.0
    spill_dir: str | None = None
    spill_max_bytes: int = 256 * 1024 * 1024
    durable: bool = False
    flush_timeout: float = 5.0
    close_timeout: float = 5.0
    stats_interval: float = 60.0

    def __post_init__(self) -> None:
        _number(self.queue_size, "queue_size", minimum=1, integer=True)
        _number(self.batch_size, "batch_size", minimum=1, integer=True)
        _number(self.retry_attempts, "retry_attempts", minimum=0, integer=True)
        for name in ("flush_interval", "block_timeout", "backoff_initial", "flush_timeout", "close_timeout"):
            _number(getattr(self, name), name)
        _number(self.stats_interval, "stats_interval")
        _number(self.backoff_max, "backoff_max", minimum=self.backoff_initial)
        if self.overflow not in OVERFLOW_POLICIES:
            raise ConfigError(f"overflow must be one of {', '.join(OVERFLOW_POLICIES)}, not {self.overflow!r}")
        if not isinstance(self.durable, bool):
            raise ConfigError(f"durable must be true or false, not {self.durable!r}")
        if self.durable and self.spill_dir is None:
            raise ConfigError("durable=True writes every record to disk first: give spill_dir='/var/lib/app/spill'")

    @classmethod
    def build(
        cls, *, spill_dir: str | os.PathLike[str] | None = None, spill_max_bytes: int | str, **values: Any
    ) -> DeliveryOptions:
        """Options from configuration values (paths and sizes such as ``"64MiB"`` accepted)."""
        if spill_dir is not None and not isinstance(spill_dir, (str, os.PathLike)):
            raise ConfigError(f"spill_dir must be a directory path, not {spill_dir!r}")
        return cls(
            spill_dir=None if spill_dir is None else os.path.abspath(os.fspath(spill_dir)),
            spill_max_bytes=parse_size(spill_max_bytes, "spill_max_bytes"),
            **values,
        )
