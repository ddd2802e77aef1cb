"""How long to wait before the next attempt: exponential, jittered, and never sooner than asked."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Backoff"]


@dataclass(frozen=True)
class Backoff:
    """Delays that double from ``initial`` up to ``maximum``, with "equal jitter".

    Attempt ``n`` waits between half and all of ``min(maximum, initial * 2**(n-1))``, so that many
    processes retrying one peer spread out while each still backs off. A peer's ``Retry-After``
    is honoured (up to ``retry_after_max``) when it asks for longer than that.
    """

    initial: float
    maximum: float
    retry_after_max: float = 600.0
    rand: Callable[[], float] = field(default=random.random, repr=False, compare=False)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before attempt number ``attempt + 1`` (``attempt`` >= 1)."""
        ceiling = min(self.maximum, self.initial * 2.0 ** min(max(attempt, 1) - 1, 60))
        wait = ceiling / 2 + self.rand() * ceiling / 2
        if retry_after is not None and retry_after > wait:
            wait = min(retry_after, self.retry_after_max)
        return wait
