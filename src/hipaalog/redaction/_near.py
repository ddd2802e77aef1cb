"""Where cue words are in a text, found once when many candidates need them.

Detectors that need a cue check the words before each candidate (:func:`._cues.words_before`).
On a text full of candidates (a 64 KB run of digit groups) that check, repeated, dominates; one
pass finding every cue word first lets each candidate with no cue word within reach be skipped
with a binary search. The pass is made only once a text has shown many candidates, so ordinary
text, with a few, never pays for it. A cue is matched as a superset here (any case, any word
boundary), so skipping never hides what the full check would find.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Final

__all__ = ["EAGER_AFTER", "CueIndex", "CueScope"]

EAGER_AFTER: Final = 24
"""Candidates checked the full way in a text before its cue words are indexed."""


class CueIndex:
    """Cue words to look for; :meth:`scope` gives the checker for one text."""

    __slots__ = ("_regex",)

    def __init__(self, words: Iterable[str]) -> None:
        alternatives = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
        self._regex = re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE)

    def scope(self, text: str) -> CueScope:
        """The checker of candidates in ``text``."""
        return CueScope(self._regex, text)


class CueScope:
    """Answers whether a cue word may be near a candidate of one text (``True`` unless certainly not)."""

    __slots__ = ("_calls", "_ends", "_regex", "_text")

    def __init__(self, regex: re.Pattern[str], text: str) -> None:
        self._regex = regex
        self._text = text
        self._calls = 0
        self._ends: list[int] | None = None

    def near(self, position: int, window: int = 64) -> bool:
        """Whether a cue word may end within ``window`` characters before ``position``."""
        ends = self._ends
        if ends is None:
            self._calls += 1
            if self._calls <= EAGER_AFTER:
                return True
            ends = self._ends = [match.end() for match in self._regex.finditer(self._text)]
        index = bisect_right(ends, position)
        return index > 0 and ends[index - 1] > position - window
