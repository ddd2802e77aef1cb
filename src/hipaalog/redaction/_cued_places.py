"""A town with no ZIP after a word that says a place follows (``city Lake Orvalle state GA``, ``LOCATION
ZELLWOODBURY FL``, ``town Ambrosedale``).

After ``city``, ``town``, ``village``, ``hometown`` or ``municipality`` (any case, a space, ``:`` or ``=`` after
it), up to three capitalised words (or words in capitals) are the town when a US state follows them (``, VT``,
``state GA``) or a word of them is a known place or no English word. After ``location`` or ``locality``, words
that name many things, a state must follow as well. Kept: ``location Main Lobby``, ``LOCATION DATACENTER CA``
(a compound of English words), ``location eu-west-1``, ``town hall``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import ZIP
from ._gazetteer import listed_town
from ._lexicon import PLACES, compound_word, unknown_word
from ._vocab import STATE_CODES, STATE_NAMES

__all__ = ["PLACE_CUE_WORDS", "CuedPlaceDetector"]

_STRONG: Final = frozenset({"city", "town", "village", "hometown", "municipality"})
_WEAK: Final = frozenset({"location", "locality"})
PLACE_CUE_WORDS: Final = _STRONG | _WEAK
"""The cue words in lower case (the gate reads them in any of three cases)."""
_CUE: Final = re.compile(
    r"[CcTtVvHhMmLl](?<![\w-][CcTtVvHhMmLl])(?i:ity|own|illage|ometown|unicipality|ocation|ocality)"
    r"(?:[ ]?[:=][ ]?|[ ]|(?=[(\[]))(?P<open>[(\[]?[\"']|[(\[])?(?=[^\W\d_])"
)
_CLOSERS: Final = {"(": ")", "[": "]", '"': '"', "'": "'"}
_WORD: Final = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+){0,3}(?![\w.'’@/\\-])")
_HYPHEN_PARTICLES: Final = frozenset(
    ("la", "le", "les", "sur", "sous", "en", "de", "du", "des", "lès", "am", "an", "bei")
)
"""Particles in lower case between a town's hyphens (``Duval-la-Forêt``, ``Frankfurt-am-Main``)."""


def _capitalised(word: str) -> bool:
    """Whether ``word`` is written as a town's name is: ``Ambrosedale``, ``ZELLWOODBURY``, ``Saint-Étienne``,
    ``Duval-la-Forêt`` (any script's capitals); not ``town hall``, ``McAfee``."""
    first, *rest = word.split("-")
    if not first[0].isupper() or not (first[1:].islower() or first.isupper()):
        return False
    for part in rest:
        if part in _HYPHEN_PARTICLES:
            continue
        if not part[0].isupper() or not (part[1:].islower() or part.isupper() or len(part) == 1):
            return False
    return True


_STATE_WORD: Final = re.compile(r"(?i:state|st)(?:[ ]?[:=][ ]?|[ ])")
_STATE: Final = re.compile(rf"(?:[A-Z]{{2}}|{STATE_NAMES}|{STATE_NAMES.upper()})(?![\w-])")
_MAX_WORDS: Final = 3


def _state_after(text: str, position: int) -> bool:
    """Whether a US state follows at ``position`` (``, VT``, `` state GA``, `` Oregon``)."""
    if text.startswith(",", position):
        position += 1
    if not text.startswith(" ", position):
        return False
    position += 1
    label = _STATE_WORD.match(text, position)
    state = _STATE.match(text, label.end() if label is not None else position)
    return state is not None and (len(state[0]) != 2 or state[0] in STATE_CODES)


_TOWN_ENDINGS: Final = (
    *("ville", "ton", "town", "burg", "borough", "bury", "wick", "wich", "haven", "field", "ford", "mouth", "dale"),
    *("port", "land", "wood", "brook", "stead", "worth", "ham", "chester", "caster", "cester", "by", "thorpe"),
    *("ley", "leigh", "mont", "berg", "heim", "dorf", "hausen"),
)
"""How towns end: a compound of English words with such an ending is a town's (``Kettlewick``), not software's."""


def _place_word(word: str) -> bool:
    """A word that names a town: a known place, or no English word nor a compound of two unless a town's (a
    hyphen's particles aside: ``Duval-la-Forêt``)."""
    bare = word.lower()
    return (
        bare in PLACES
        or ("-" in bare and listed_town(bare))
        or all(
            part in _HYPHEN_PARTICLES
            or (unknown_word(part) and (not compound_word(part) or part.endswith(_TOWN_ENDINGS)))
            for part in bare.split("-")
        )
    )


def _places(text: str) -> Iterator[Span]:
    for cue in _CUE.finditer(text):
        strong = text[cue.start() : cue.start("open") if cue["open"] else cue.end()].strip(" :=").lower() in _STRONG
        start = end = cue.end()
        if cue["open"]:
            quoted = _quoted(text, start, cue["open"])
            if quoted is not None and strong:
                yield start, quoted, "ADDRESS"  # "city 'Port Ashlee'", "town (\"Vieja Iraq\")"
            continue
        words: list[str] = []
        while len(words) < _MAX_WORDS and (word := _WORD.match(text, end)) is not None and _capitalised(word[0]):
            if _STATE_WORD.fullmatch(word[0] + " ") or (words and word[0].isupper() != words[0].isupper()):
                break  # "STATE NE" after the town, or a change of case
            if len(word[0]) == 2 and word[0] in STATE_CODES:
                break  # "ZELLWOODBURY FL": the state after the town
            words.append(word[0])
            end = word.end()
            if not text.startswith(" ", end):
                break
            end += 1
        end = start + len(" ".join(words))
        if not words:
            continue
        state = _state_after(text, end)
        known = any(_place_word(word) for word in words)
        if known and (state or strong):
            yield start, end, "ADDRESS"


def _quoted(text: str, start: int, opener: str) -> int | None:
    """The end of a town written in quotes or brackets from ``start`` (opened by ``opener``): up to three
    capitalised words, one of them a town's word, and the closing mark right after them."""
    close = text.find(_CLOSERS[opener[-1]], start, start + 64)
    if close < 0:
        return None
    words = text[start:close].split(" ")
    if len(words) > _MAX_WORDS or not all(_WORD.fullmatch(word) and _capitalised(word) for word in words):
        return None
    return close if any(_place_word(word) for word in words) else None


class CuedPlaceDetector(BaseDetector):
    """A town after a place word, with no ZIP: ``city Lake Orvalle state GA``, ``LOCATION ZELLWOODBURY FL``."""

    gate = ZIP
    name = "cued_place"
    kinds = ("ADDRESS",)

    def find(self, text: str) -> Iterator[Span]:
        return _places(text)
