"""Whether the parts of a machine-made word (a host label, a mailbox's local part) spell a person's name.

``jane-roe-laptop``, ``roe_jane``, ``jane.roe1961``, ``janeroe``: a given name and a surname next to each other
(either way round, or run together) is someone's name whatever the word is used as. Two frequent surnames
(``davies-warner``) are a firm's.
"""

from __future__ import annotations

import re
from typing import Final

from ._lexicon import ENGLISH
from ._name_table import GIVEN, SURNAME_RANK
from ._personal_hosts import frequent_surname
from ._vocab import FIRST_NAMES, SURNAMES

__all__ = ["names_someone", "surname_word"]

_PARTS: Final = re.compile(r"[A-Za-z]{2,}")
_RARE: Final = 2000
"""A given name after a surname counts only if it ranks at least this as a surname."""


def _given(word: str) -> bool:
    return word in GIVEN or word.title() in FIRST_NAMES


def _surname(word: str) -> bool:
    return word in SURNAME_RANK or word.title() in SURNAMES


def surname_word(word: str) -> bool:
    """Whether ``word`` is a listed surname no English word spells, or one of the most frequent (``okafor``,
    ``smith``; not ``ward``, ``build``)."""
    lowered = word.lower()
    return frequent_surname(lowered) or (lowered not in ENGLISH and _surname(lowered))


def names_someone(word: str) -> bool:
    """Whether letter runs of ``word`` spell a person's name (``jane-roe-laptop``, ``janeroe``)."""
    parts = _PARTS.findall(word.lower())
    for part in parts:
        if _joined(part):
            return True
    for index in range(len(parts) - 1):
        first, second = parts[index], parts[index + 1]
        if frequent_surname(first) and frequent_surname(second):
            continue  # "davies-warner": two surnames, a firm's
        if _given(first) and _surname(second):
            return True
        if _surname(first) and _given(second) and SURNAME_RANK.get(second, _RARE) >= _RARE:
            return True  # "roe-jane"; not "runner-lee": a given name after a surname is one if rare as a surname
    return False


def _joined(part: str) -> bool:
    """Whether one letter run is a given name of four letters or more and a surname run together (``janeroe``)."""
    if len(part) < 7 or _given(part) or _surname(part):
        return False
    for cut in range(4, len(part) - 2):  # noqa: SIM110 - no generator on the hot path
        if _given(part[:cut]) and _surname(part[cut:]):
            return True
    return False
