"""Where cue words are in a long text, found once: candidates far from every cue are skipped cheaply.

Detectors that need a cue check the words before each candidate (:func:`._cues.words_before`).
On a long text full of candidates (a 64 KB run of digit groups) that check, repeated, dominates;
one pass finding every cue word first lets each candidate with no cue word within reach be
skipped with a binary search. A cue is matched as a superset here (any case, any word boundary),
so skipping never hides what the full check would find.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Final

__all__ = ["LONG_TEXT", "CueIndex"]

LONG_TEXT: Final = 1024
"""Texts at least this long are worth indexing; shorter ones go straight to the full check."""


class CueIndex:
    """The positions where cue words end in a text, for :meth:`near` checks."""

    __slots__ = ("_regex",)

    def __init__(self, words: Iterable[str]) -> None:
        alternatives = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
        self._regex = re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE)

    def ends(self, text: str) -> list[int] | None:
        """Sorted end positions of cue words in ``text``; ``None`` for a short text (check every candidate)."""
        if len(text) < LONG_TEXT:
            return None
        return [match.end() for match in self._regex.finditer(text)]

    @staticmethod
    def near(ends: list[int] | None, position: int, window: int = 64) -> bool:
        """Whether a cue word ends within ``window`` characters before ``position`` (always, without an index)."""
        if ends is None:
            return True
        index = bisect_right(ends, position)
        return index > 0 and ends[index - 1] > position - window
