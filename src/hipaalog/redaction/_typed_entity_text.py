"""The identifier of a typed person record written as text: ``[{'ref': 'KH526056', 'type': 'patient'}]``.

The text form of :mod:`._typed_entities`: in JSON, a repr or ``key=value`` pairs, a type field naming a person
(``"type": "patient"``, ``kind='Member'``, ``"resourceType": "Patient"``, ``entity=beneficiary``) makes an
id-shaped value under an id field of the same object (from the ``{`` or ``(`` before it to the ``}`` or ``)`` after
it, or its line) that person's identifier. Kept: ids beside other types, hex keys, UUIDs, words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import CUED
from ._person_key_ids import id_shaped
from ._typed_entities import person_entity

__all__ = ["TypedEntityTextDetector"]

_TYPED: Final = re.compile(
    r"(?=[tTkKeEoOrRsS@_m])(?<![\w-])(?:(?:entity|object|resource|record|subject)[_ ]?[tT]ype|resourceType|[tT]ype"
    r"|[kK]ind|[eE]ntity|entity_?[kK]ind|@type|_type|model)[\"']?[ ]*[:=][ ]*[\"']?(?:[\w-]{1,40}[.:/])?"
    r"([A-Za-z_]{4,20})(?=[\"'\s,;})\]]|$)"
)
"""A type field and its value's last part (``"type": "patient"``, ``kind='app.Member'``)."""
_ID_FIELD: Final = re.compile(
    r"(?=[iIrRkKuUvVeEoOsSp])(?<![\w-])(?:id|Id|ID|ref|key|identifier|uid|value|pk"
    r"|(?:external|entity|object|record|subject)_?[iI]d)[\"']?[ ]*[:=][ ]*[\"']?([A-Za-z0-9-]{5,24})(?=[\"'\s,;})\]]|$)"
)
"""An id field and its value."""
_REACH: Final = 400
"""How far an object may reach on either side of its type field."""


def _scope(text: str, start: int, end: int) -> tuple[int, int]:
    """The object around ``text[start:end]``: from the brace or parenthesis before it to the one after, or its line."""
    low = max(0, start - _REACH)
    opened = max(text.rfind("{", low, start), text.rfind("(", low, start), text.rfind("\n", low, start))
    closed = [found for found in (text.find(c, end, end + _REACH) for c in "})\n") if found >= 0]
    return (opened + 1 if opened >= 0 else low), (min(closed) if closed else min(len(text), end + _REACH))


class TypedEntityTextDetector(BaseDetector):
    """Ids of records whose type names a person, in JSON, repr or ``key=value`` text."""

    gate = CUED
    name = "typed_entity"
    kinds = ("PATIENT", "MEMBER_ID", "ID")

    def find(self, text: str) -> Iterator[Span]:
        if "ype" not in text and "ind" not in text and "ntity" not in text and "odel" not in text:
            return  # no type field: substring checks at C speed
        for typed in _TYPED.finditer(text):
            kind = person_entity(typed[1])
            if kind is None:
                continue
            start, end = _scope(text, typed.start(), typed.end())
            for field in _ID_FIELD.finditer(text, start, end):
                if id_shaped(field[1]):
                    yield field.start(1), field.end(1), kind
