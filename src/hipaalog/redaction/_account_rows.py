"""Account columns of a table whose only other column of people is a generic ``Name``.

``Name,Account,Balance`` may list people and their bank or billing accounts, or services and their cloud accounts
(``prod,123456789012,...``). The table is about people once one of its names reads as a person's: from then on
its account cells are accounts and its name cells written as names (capitalised words) are names, in the rows
before that one too. Until then they are held, and a table that never names a person keeps them all.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["MAYBE_ACCOUNT", "AccountHold"]

MAYBE_ACCOUNT: Final = "ACCOUNT?"
"""The kind of an account column in a table that may not be about people."""
_WRITTEN_NAME: Final = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ'’-]+(?:[ ][A-ZÀ-Þ][a-zß-ÿ'’.-]*){1,3}")
"""Two to four capitalised words (``John Park``, ``María de la Cruz`` is left: a lower-case particle)."""

Span = tuple[int, int, str]


class AccountHold:
    """The held name and account cells of one table (see the module)."""

    __slots__ = ("confirmed", "pending")

    def __init__(self) -> None:
        self.confirmed = False
        self.pending: list[Span] = []

    def row(self, text: str, cells: list[Span], named: bool) -> list[Span]:
        """What to report of a row's name and account ``cells``; ``named``: whether one of its names reads as a
        person's (then the table's held cells are reported too)."""
        kept = [cell for cell in cells if _written(text[cell[0] : cell[1]].strip(), cell[2])]
        if named and not self.confirmed:
            self.confirmed = True
            kept = [*self.pending, *kept]
            self.pending = []
        if not self.confirmed:
            self.pending.extend(kept)
            return []
        return [(start, end, "ACCOUNT" if kind == MAYBE_ACCOUNT else "NAME") for start, end, kind in kept]


def _written(value: str, kind: str) -> bool:
    """Whether ``value`` is written as a value of ``kind``: an account holds a digit, a name is capitalised words."""
    if kind == MAYBE_ACCOUNT:
        return any(ch.isdigit() for ch in value)
    return _WRITTEN_NAME.fullmatch(value) is not None
