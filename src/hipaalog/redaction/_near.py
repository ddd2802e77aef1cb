"""Where cue words are in a text, found once when many candidates need them.

Detectors that need a cue check the words before each candidate (:func:`._cues.words_before`).
On a text full of candidates (a 64 KB run of digit groups, an X12 interchange of capitalised
codes) that check, repeated, dominates; one pass finding every cue word first lets each candidate
with no cue word within reach be skipped with a binary search. The pass is made once a text has
shown a few candidates, so ordinary text, with one or two, never pays for it. The text is
lowered the way :func:`._cues.words_before` lowers words, and a cue is matched at any word
boundary (``patient_name`` holds ``name``), so skipping never hides what the full check finds.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any, Final

__all__ = [
    "EAGER_AFTER",
    "CueIndex",
    "CueScope",
    "expansions",
    "first_char_alternation",
    "initials_first",
    "trie_alternation",
    "word_regex",
]

EAGER_AFTER: Final = 24
"""Candidates checked the full way in a text before its cue words are indexed (by default)."""


def trie_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, nested by shared prefixes (``p(?:t|atient)``).

    Python's engine tries every branch of a flat alternation at every position; nested by prefix,
    a position whose first character starts no word fails at one character-set test.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in sorted(set(words)):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return pattern(trie)


def first_char_alternation(words: Iterable[str], not_after: str) -> str:
    """``(?<!not_after)(?:w1|w2|...)`` written so that each branch opens with its word's first character.

    ``not_after`` is a character class (``[A-Za-z_]``). Words keep their order among those sharing a
    first character (only those can match at one place), so the match is the one the plain form makes;
    the engine skips to a possible first character instead of trying every position.
    """
    firsts: dict[str, list[str]] = {}
    for word in words:
        firsts.setdefault(word[0], []).append(re.escape(word[1:]))
    branches = []
    for first, rests in firsts.items():
        char = re.escape(first)
        body = "|".join(rests)
        branches.append(f"{char}(?<!{not_after}{char})(?:{body})")
    return "(?:" + "|".join(branches) + ")"


def word_regex(words: Iterable[str]) -> re.Pattern[str]:
    """A regex finding any of ``words`` (lower case) in lowered text, not inside a longer run of ``[a-z]``.

    Written as ``(?<![a-z])(?:words)(?![a-z])`` would be, but each branch opens with its first
    character (``p(?<![a-z]p)(?:t|atient)``): a leading lookbehind makes the engine try the whole
    pattern at every position, a leading character lets it skip to the next possible start.
    """
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in by_first.items():
        body = trie_alternation(rest for rest in rests if rest)
        if body and "" in rests:
            body = f"(?:{body})?"
        char = re.escape(first)
        branches.append(f"{char}(?<![a-z]{char}){body}")
    return re.compile(f"(?:{'|'.join(branches)})(?![a-z])")


def _parser() -> tuple[Any, Any]:
    """The standard library's regex parser and its constants (``re._parser`` from 3.11, ``sre_parse`` before)."""
    try:
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module("sre_parse"), importlib.import_module("sre_constants")


def _initials(items: Sequence[Any], c: Any) -> set[str] | None:
    """The characters a match of the parsed ``items`` can start with (``None``: not known, or any)."""
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width: the next item reads the first character
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 256:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None  # a category or a negated set
            return chars
        if op is c.BRANCH:
            chars = set()
            for branch in av[1]:
                part = _initials(branch.data, c)
                if not part:
                    return None
                chars |= part
            return chars
        if op is c.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return None
            return _initials(av[3].data, c)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return _initials(av[2].data, c)
        return None  # anything else (an optional item, a group reference): not worth telling
    return None


def initials_first(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled behind a look-ahead at the characters a match of it can start with.

    For patterns that open with a look-behind and an alternation (``(?<![\\w/])(?:Calle|Rua|...)``), which Python's
    engine tries whole at every position: with ``(?=[CR...])`` first it fails most positions at one character-set
    test. The look-ahead only restates what the pattern requires, so the matches are the same; when the first
    characters cannot be told (a category such as ``\\w``, an optional first item, ignored case), none is added.
    """
    initials: set[str] | None = None
    if not flags & re.IGNORECASE:
        try:
            parser, constants = _parser()
            parsed = parser.parse(pattern, flags)
            if not parsed.state.flags & re.IGNORECASE:
                initials = _initials(parsed.data, constants)
        except Exception:  # noqa: BLE001 - a parser of another Python version: no look-ahead, same matches
            initials = None
    if not initials:
        return re.compile(pattern, flags)
    chars = "".join(re.escape(ch) if ch in "\\]^-[" else ch for ch in sorted(initials))
    return re.compile(f"(?=[{chars}])" + pattern, flags)


_EXPANSIONS_LIMIT: Final = 4096


def expansions(pattern: str) -> frozenset[str]:
    """Every string a small regex of literals, character sets, groups, alternatives and bounded repeats matches
    (look-arounds ignored: a superset). Raises ``ValueError`` for anything else or for too many strings."""
    parser, constants = _parser()
    return frozenset(_expand(parser.parse(pattern).data, constants))


def _expand(items: Sequence[Any], c: Any) -> list[str]:
    forms = [""]
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL:
            options = [chr(av)]
        elif op is c.IN and all(kind in (c.LITERAL, c.RANGE) for kind, _ in av):
            options = [
                chr(ch)
                for kind, value in av
                for ch in ([value] if kind is c.LITERAL else range(value[0], value[1] + 1))
            ]
        elif op is c.SUBPATTERN:
            options = _expand(av[3].data, c)
        elif op is c.BRANCH:
            options = [form for branch in av[1] for form in _expand(branch.data, c)]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] <= 4:
            inner = _expand(av[2].data, c)
            options, layer = [], [""]
            for count in range(av[1] + 1):
                if count >= av[0]:
                    options.extend(layer)
                layer = [a + b for a in layer for b in inner]
        else:
            raise ValueError(f"cannot list the strings of {op}")
        forms = [form + option for form in forms for option in options]
        if len(forms) > _EXPANSIONS_LIMIT:
            raise ValueError("too many strings")
    return forms


class CueIndex:
    """Cue words to look for; :meth:`scope` gives the checker for one text.

    Args:
        words: the cue words (any case: they are matched in the lowered text).
        eager_after: candidates of one text checked the full way before the index is built.
    """

    __slots__ = ("_eager_after", "_regex")

    def __init__(self, words: Iterable[str], *, eager_after: int = EAGER_AFTER) -> None:
        # Lowering the text and matching lower-case words is several times faster than IGNORECASE.
        self._regex = word_regex(w.lower() for w in words)
        self._eager_after = eager_after

    def scope(self, text: str) -> CueScope:
        """The checker of candidates in ``text``."""
        return CueScope(self._regex, text, self._eager_after)


class CueScope:
    """Answers whether a cue word may be near a candidate of one text (``True`` unless certainly not)."""

    __slots__ = ("_calls", "_eager_after", "_ends", "_regex", "_text")

    def __init__(self, regex: re.Pattern[str], text: str, eager_after: int = EAGER_AFTER) -> None:
        self._regex = regex
        self._text = text
        self._calls = 0
        self._eager_after = eager_after
        self._ends: list[int] | None = None

    def near(self, position: int, window: int = 64) -> bool:
        """Whether a cue word may end within ``window`` characters before ``position``."""
        ends = self._ends
        if ends is None:
            self._calls += 1
            if self._calls <= self._eager_after:
                return True
            lowered = self._text.lower()
            if len(lowered) != len(self._text):  # a character lowered to two: positions would drift
                self._eager_after = 1 << 62
                return True
            ends = self._ends = [match.end() for match in self._regex.finditer(lowered)]
        index = bisect_right(ends, position)
        return index > 0 and ends[index - 1] > position - window
