"""HL7 v2 segments parsed into lists or dicts, written as JSON or repr text: fields read by position.

Interface engines and HL7 libraries log a parsed message as a list of field lists
(``[["PID", "1", "", "00482913^^^HOSP^MR", "", "ROE^JANE", "", "19610304"]]``) or as a dict of
segments keyed by field number (``{"PID": {"5": "ROE^JANE", "7": "19610304"}}``). Written as text
(``json.dumps``, ``repr``, ``str``), the field numbers are gone from the text segment form, so this
reader counts them: item ``n`` after the segment id is field ``n``, a key ``"7"`` (``"PID.7"``,
``"PID-7"``, ``"7.1"``) is field 7. A field holding a list or dict (its components) is masked
whole. The care segments' dates (``OBR-7``) count when a person segment is in the same text; a
message header (``["MSH", "^~\\&", "LAB", ...]``) is kept whole, never read as a row of names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import HL7_PARSED
from ._hl7_fields import CARE_SEGMENTS, HL7_FIELDS
from ._json_values import value_end, value_spans
from ._kinds import KEEP

__all__ = ["Hl7ParsedDetector", "hl7_care_kinds", "hl7_list_kinds", "is_segment_list"]

_HEADERS: Final = frozenset({"MSH", "BHS", "FHS", "SFT", "MSA", "ERR", "UAC"})
"""Segments about the message itself (sender, receiver, when it was made, control ids): no person's fields."""
_SEGMENT_IDS: Final = "|".join((*HL7_FIELDS, *sorted(_HEADERS)))
_LIST: Final = re.compile(rf"""[\[(][ \t\r\n]*(["'])({_SEGMENT_IDS})\1[ \t\r\n]*,""")
"""A list (or tuple) whose first item is a segment id."""
_DICT: Final = re.compile(rf"""(["'])({_SEGMENT_IDS})\1[ \t\r\n]*:[ \t\r\n]*\{{""")
"""A segment id as a key, its fields a dict."""
_FIELD_KEY: Final = re.compile(
    rf"""[ \t\r\n,]*(["'])(?:(?:{_SEGMENT_IDS})[._-])?([0-9]{{1,2}})(?:[._-][0-9]{{1,2}}){{0,2}}\1[ \t\r\n]*:"""
)
_PERSON_SEGMENTS: Final = tuple(segment for segment in HL7_FIELDS if segment not in CARE_SEGMENTS)
_QUOTED_PERSON_SEGMENTS: Final = tuple(f"{quote}{segment}{quote}" for segment in _PERSON_SEGMENTS for quote in "\"'")
"""The person segments' ids as a list item or key of JSON or a repr (``"PID"``, ``'PID'``)."""
_MAX_ITEMS: Final = 72


def _names_a_patient(text: str) -> bool:
    """Whether ``text`` holds a person segment's id as a quoted item or key (``"PID"``, ``'NK1'``)."""
    for quoted in _QUOTED_PERSON_SEGMENTS:  # noqa: SIM110 - a loop of ``in`` tests, no generator
        if quoted in text:
            return True
    return False


class Hl7ParsedDetector(BaseDetector):
    """Person fields (and care dates beside a patient) of HL7 segments parsed into lists or dicts, as text."""

    gate = HL7_PARSED
    name = "hl7_parsed"
    kinds = ("NAME", "DOB", "ADDRESS", "PHONE", "SSN", "MRN", "ACCOUNT", "LICENSE", "ID", "MEMBER_ID", "DATE")

    def find(self, text: str) -> Iterator[Span]:
        person: bool | None = None
        for found in _LIST.finditer(text):
            segment = found[2]
            if segment in _HEADERS:
                end = value_end(text, found.start())
                if end > 0:
                    yield found.start(), end, KEEP  # a message header read as a row would lose its ids
                continue
            if segment in CARE_SEGMENTS:
                person = _names_a_patient(text) if person is None else person
                if not person:
                    continue  # a care segment's dates are a patient's only beside a person segment
            fields = HL7_FIELDS[segment]
            position = found.end()
            for index in range(1, _MAX_ITEMS):
                while position < len(text) and text[position] in " \t\r\n":
                    position += 1
                if position >= len(text) or text[position] in "])":
                    break
                end = value_end(text, position)
                if end < 0:
                    break
                kind = fields.get(index)
                if kind is not None:
                    yield from value_spans(text, position, end, kind)
                position = end
                while position < len(text) and text[position] in " \t\r\n":
                    position += 1
                if position >= len(text) or text[position] != ",":
                    break
                position += 1
        for found in _DICT.finditer(text):
            segment = found[2]
            if segment in _HEADERS:
                continue
            if segment in CARE_SEGMENTS:
                person = _names_a_patient(text) if person is None else person
                if not person:
                    continue  # a care segment's dates are a patient's only beside a person segment
            fields = HL7_FIELDS[segment]
            position = found.end()
            for _ in range(_MAX_ITEMS):
                key = _FIELD_KEY.match(text, position)
                if key is None:
                    break
                position = key.end()
                while position < len(text) and text[position] in " \t\r\n":
                    position += 1
                end = value_end(text, position)
                if end < 0:
                    break
                kind = fields.get(int(key[2]))
                if kind is not None:
                    yield from value_spans(text, position, end, kind)
                position = end


def hl7_list_kinds(items: list[object]) -> dict[int, str] | None:
    """Field index -> kind for a parsed segment (a list whose first item is a person segment's id), else ``None``."""
    first = items[0] if items else None
    if type(first) is not str or first in CARE_SEGMENTS:
        return None
    return HL7_FIELDS.get(first)


def is_segment_list(items: list[object]) -> bool:
    """Whether ``items`` is a parsed segment (its first item a segment id): read by position, never as a row."""
    first = items[0] if items else None
    return type(first) is str and (first in HL7_FIELDS or first in _HEADERS)


def hl7_care_kinds(items: object) -> dict[int, str] | None:
    """Field index -> kind for a parsed care segment (``["OBR", ...]``): for use beside a person segment."""
    if type(items) is not list or not items:
        return None
    first = items[0]
    return HL7_FIELDS.get(first) if type(first) is str and first in CARE_SEGMENTS else None
