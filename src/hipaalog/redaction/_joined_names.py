"""A person's name written as one token after a cue: ``pt roe-jane``, ``patient wendell_okafor``,
``user=wendell.okafor``, ``member okafor.w``.

The lower-case and capitalized name readers take words parted by spaces; joined by a dash, an underscore or a dot
the parts make one token, which they read as one word or cut after its first part (``wendell`` of
``wendell_okafor``, the surname left). After a person's cue, a token of two or three letter runs, each a given
name, a surname (a word of the language only if a frequent one) or an initial, with a given name and a surname
among them (either order) or an initial and a surname, and not every run an English word, is the name, a year or
a count after it included. Tokens with another part (``jane-roe-laptop``, ``api-gateway``) stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import Span
from ._lexicon import ENGLISH
from ._name_parts import names_someone
from ._name_table import GIVEN, SURNAME_RANK
from ._vocab import FIRST_NAMES, SURNAMES

__all__ = ["joined_names"]

_RUNS: Final = re.compile(r"[A-Za-z]+")
_WORD_SURNAME_RANK: Final = 5000
"""An English word counts as a surname only if it ranks above this (``roe``, ``king``; not ``service``)."""


def _name_part(run: str) -> bool:
    """Whether one letter run is an initial, a given name or a surname (a word of the language only if frequent)."""
    lowered = run.lower()
    if len(run) == 1 or lowered in GIVEN:
        return True
    if lowered in ENGLISH:
        return SURNAME_RANK.get(lowered, _WORD_SURNAME_RANK) < _WORD_SURNAME_RANK
    return lowered in SURNAME_RANK or run.title() in FIRST_NAMES or run.title() in SURNAMES


def joined_name(token: str) -> bool:
    """Whether ``token`` (``roe-jane``, ``Wendell_Okafor``, ``okafor.w.1961``) spells one person's name."""
    runs = _RUNS.findall(token)
    if not 2 <= len(runs) <= 3 or not all(map(_name_part, runs)):
        return False
    if all(run.lower() in ENGLISH for run in runs):
        return False
    return names_someone(token) or (len(runs) == 2 and min(map(len, runs)) == 1)


def joined_names(text: str, cued: re.Pattern[str]) -> Iterator[Span]:
    """Spans of joined names right after a match of ``cued`` (whose group 1 is the token)."""
    for match in cued.finditer(text):
        if match.start() and text[match.start() - 1].isalpha():
            continue  # the cue is the end of a longer word ("report" is no "pt")
        if joined_name(match[1]):
            yield match.start(1), match.end(1), "NAME"
