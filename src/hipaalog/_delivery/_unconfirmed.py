"""Records a sink wrote but its peer has not confirmed yet, kept until it does or loses them.

A sink whose ``write`` returns before the peer has confirmed anything (syslog over TCP: the
kernel took the bytes, nothing more) says so by having a ``settle()`` method. ``settle()`` returns
``(acknowledged, lost)`` about the records its earlier writes accepted and it has not reported on
yet, oldest first: the first ``acknowledged`` of them are confirmed; the ``lost`` ones after them
never reached the peer (a connection reset) and must be written again. A sink without
``settle()`` confirms every record when ``write`` returns.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence

from .._encoded import EncodedRecord
from ..typing import Sink

__all__ = ["Unconfirmed", "settle_of"]

Settle = Callable[[], "tuple[int, int]"]


def settle_of(sink: Sink) -> Settle | None:
    """The sink's ``settle`` method, or ``None`` if its writes are confirmed when they return."""
    settle = getattr(sink, "settle", None)
    return settle if callable(settle) else None


class Unconfirmed:
    """The records awaiting confirmation, oldest first. The lane's lock guards every call."""

    __slots__ = ("_items",)

    def __init__(self) -> None:
        self._items: deque[EncodedRecord] = deque()

    def __len__(self) -> int:
        return len(self._items)

    def add(self, records: Sequence[EncodedRecord]) -> None:
        """Records a write just accepted."""
        self._items.extend(records)

    def apply(self, acknowledged: int, lost: int) -> tuple[int, list[EncodedRecord]]:
        """Drop the ``acknowledged`` oldest; take the ``lost`` after them: ``(acknowledged, lost records)``."""
        items = self._items
        acknowledged = max(0, min(acknowledged, len(items)))
        for _ in range(acknowledged):
            items.popleft()
        lost = max(0, min(lost, len(items)))
        return acknowledged, [items.popleft() for _ in range(lost)]

    def take_all(self) -> list[EncodedRecord]:
        """Every record still awaiting confirmation (the lane gives up on them)."""
        out = list(self._items)
        self._items.clear()
        return out
