"""A field's key written inside a sentence as the cue of its value: ``set admitDt to 2024-03-05``, ``ageYrs is 92``,
``lookup failed for postCd 14901``, ```dob` changed from ... to ...``, ``mrn: now A8812345``.

A word is read as a key only when it is written as one: in camel case (``postCd``), words joined by ``_``
(``age_years``), in backticks or quotes (```age```), or an abbreviation no English word spells (``dob``, ``mrn``);
the catalogue says its kind. What links it to its value is a closed list of words (a copula, ``to``, ``from``,
``now``, a verb of change) and marks (an arrow, ``=``, ``:``); a key written in camel or snake case or quoted may
also stand right before its value. Whether the value fits the kind is the detector's to judge
(:mod:`._sentence_keys`); this module reads the keys and links, and screens a text for the gate.
"""

from __future__ import annotations

import re
from typing import Final

from ._keys import KeyCatalogue
from ._lexicon import ENGLISH

__all__ = ["KEY_PHRASE", "LINK_WORD", "RANGE_TO", "key_form", "phrase_kind", "sentence_key"]

KEY_PHRASE: Final = re.compile(
    r"[`'\"A-Za-z](?<![\w.$@/\\`'\"-][`'\"A-Za-z])"
    r"(?:(?<=`)([A-Za-z][\w.]{1,40})`|(?<=')([A-Za-z]\w{1,40})'|(?<=\")([A-Za-z]\w{1,40})\""
    r"|(?<=[A-Za-z])([A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|(?<=[a-z])[a-z0-9]*(?:[A-Z][a-z0-9]*)+"
    r"|(?<=[a-z])[a-z]{1,4}|(?<=[A-Z])[A-Z]{1,4})(?![\w.-]))"
    r"(?P<link>[ ]*(?::=|==|=>|->|→|[:=])[ ]*|[ ]+)"
)
"""A key (quoted, camel or snake case, or a short word in small letters; for the last three the letter before the
group is its first) and the separator or space after it."""
LINK_WORD: Final = re.compile(
    r"(?:is|was|are|were|now|still|set|reset|changed|updated|corrected|modified|becomes|became|to|from)[ ]+"
    r"|(?:=>|->|→|:|=)[ ]*"
)
"""A word or mark between a key and its value (``is``, ``changed from``, ``now``, ``->``)."""
RANGE_TO: Final = re.compile(r"[ ]+(?:to|->|=>|→)[ ]+")
"""What goes between the old and the new value after ``from`` (``changed from X to Y``)."""
_ABBREVIATION: Final = re.compile(r"[a-z]{2,5}|[A-Z]{2,5}")


def key_form(match: re.Match[str]) -> tuple[str, bool] | None:
    """The key of a :data:`KEY_PHRASE` match, and whether it is written as one (quoted, camel or snake case)
    rather than a bare abbreviation (which needs a link word). ``None`` for an English word."""
    quoted = match[1] or match[2] or match[3]
    if quoted:
        return quoted, True
    key = text_of(match)
    if _ABBREVIATION.fullmatch(key) is not None:
        return (key, False) if key.lower() not in ENGLISH else None
    return key, True


def text_of(match: re.Match[str]) -> str:
    """The bare key of a :data:`KEY_PHRASE` match (its first letter is before group 4)."""
    return match.string[match.start() : match.end(4)]


def phrase_kind(match: re.Match[str], catalogue: KeyCatalogue) -> str | None:
    """The kind of the key of a :data:`KEY_PHRASE` match, when it is written as a key."""
    form = key_form(match)
    return None if form is None else catalogue.kind(form[0])


def sentence_key(text: str, catalogue: KeyCatalogue) -> bool:
    """Whether ``text`` may hold a key written in a sentence whose kind the catalogue knows (``False`` is certain
    for :class:`._sentence_keys.SentenceKeyDetector`)."""
    return any(phrase_kind(match, catalogue) is not None for match in KEY_PHRASE.finditer(text))
