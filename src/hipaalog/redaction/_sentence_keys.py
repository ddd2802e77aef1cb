"""Values named by a key inside a sentence (``set admitDt to 2024-03-05``, ``ageYrs is 92``, ``dob changed from
1931-02-07 to 1931-02-08``), and dates of care written as seconds or milliseconds since 1970 after an event of
care (``discharged 1717009200``), and a record's number whose owner is said after it (``opened record E7781234 for
patient``, :func:`._person_ids.records_of_patients`).

The key and its link are read by :mod:`._key_phrases`; the value must then have the shape of its kind: a date (or
an epoch count) for a date, a person's age over 89, five digits for a ZIP code, a token with a digit for an id.
Keys of no kind (``setting maxRetries to 5``, ``cacheTtl is 300``) are never read, and a value of another
shape stays (``birthDate is required``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._context import DATE_PATTERN
from ._cues import DATES
from ._detector import BaseDetector, Span
from ._gate import CUED, KV
from ._key_phrases import KEY_PHRASE, LINK_WORD, RANGE_TO, key_form
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue
from ._machine_seen import seen_by_machine
from ._person_ids import records_of_patients

__all__ = ["SentenceKeyDetector"]

_EPOCH: Final = r"1[0-9]{9}(?:[0-9]{3})?(?![\w.:/-])"
"""Seconds (or milliseconds) since 1970, from 2001 to 2033."""
_DATE_VALUE: Final = re.compile(rf"(?:{DATE_PATTERN}|{_EPOCH})(?![\w/-])")
_BIRTH_VALUE: Final = re.compile(rf"(?:{DATE_PATTERN}|-?[0-9]{{6,13}}(?![\w.:/-]))(?![\w/-])")
"""A birth date, or its count of seconds or milliseconds since 1970 (negative before it: ``-275097600``)."""
_AGE: Final = re.compile(
    r"([0-9]{2,3})(?![0-9.,%]|[ ]?(?i:ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?"
    r"|mo|months?|[kmg]i?b)(?![A-Za-z]))"
)
_ZIP: Final = re.compile(r"[0-9]{5}(?:-[0-9]{4})?(?![\w-])")
_PHONE: Final = re.compile(r"\+?[0-9(][0-9 ().-]{6,18}[0-9](?![\w-])")
_TOKEN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{2,30}(?<![-])(?![\w-])")
_NAME: Final = re.compile(r"[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){0,3}")
"""A name as written inside quotes (``'Roe'``, ``"Jane Q. Roe"``)."""
_CARE_CONTEXT: Final = re.compile(
    r"(?<![A-Za-z])(?:(?i:patient|pt|member|resident|inpatient|icu|ward|hospital|clinic|encounter|mrn|bed)|ED|ER)"
    r"(?![A-Za-z])"
)
"""Words that make a text one about a person's care."""
_PLAIN: Final = re.compile(r"[^\s,;]{1,40}")
_ID_KINDS: Final = frozenset(
    {"MRN", "SSN", "PATIENT", "MEMBER_ID", "ACCOUNT", "CARD", "NPI", "DEA", "MBI", "LICENSE", "VEHICLE", "DEVICE", "ID"}
)
"""Kinds whose value is one token holding three digits at least (``A8812345``)."""
_EVENT_EPOCH: Final = re.compile(r"1(?<![\w.:/=-]1)[0-9]{9}(?:[0-9]{3})?(?![\w.:/-])")
"""An epoch count in seconds or milliseconds (``discharged 1717009200``), read after an event of care only."""


def _value(text: str, position: int, kind: str) -> tuple[int, int] | None:
    """The span of a value of ``kind`` at ``position`` (inside its quotes, if quoted), when it has that kind's
    shape."""
    quote = text[position : position + 1]
    if quote in ("'", '"'):
        close = text.find(quote, position + 1, position + 80)
        if close < 0:
            return None
        span = _shaped(text[position + 1 : close], 0, kind)
        return (position + 1, close) if span is not None and span[1] == close - position - 1 else None
    return _shaped(text, position, kind)


def _shaped(text: str, start: int, kind: str) -> tuple[int, int] | None:
    """The span of a value of ``kind``'s shape at ``start``."""
    if kind == "DOB":
        found = _BIRTH_VALUE.match(text, start)
    elif kind == "DATE":
        found = _DATE_VALUE.match(text, start)
    elif kind == "AGE":
        age = _AGE.match(text, start)
        found = age if age is not None and 89 < int(age[1]) <= 125 else None
    elif kind == "ZIP":
        found = _ZIP.match(text, start)
    elif kind in ("PHONE", "FAX"):
        found = _PHONE.match(text, start)
        if found is not None and sum(ch.isdigit() for ch in found[0]) < 7:
            return None
    elif kind == "NAME":
        found = _NAME.match(text, start) if start == 0 else None  # a name only inside quotes
    elif kind in _ID_KINDS:
        found = _TOKEN.match(text, start)
        if found is not None and sum(ch.isdigit() for ch in found[0]) < 3:
            return None
    else:
        return None
    return None if found is None else found.span()


def _care_epoch(text: str, start: int) -> bool:
    """Whether the epoch count at ``start`` follows an event of care in a text about care (``deceased`` and
    ``died`` say so alone; a request is admitted and a queue discharged too)."""
    if DATES.before(text, start, 2) != "DATE" or seen_by_machine(text, start):
        return False
    last = text[max(0, start - 12) : start].split()[-1:]
    return last in (["deceased"], ["died"]) or _CARE_CONTEXT.search(text) is not None


class SentenceKeyDetector(BaseDetector):
    """A key written in a sentence and the value linked to it (:mod:`._key_phrases`), an epoch count after an
    event of care, and a record's number before its owner."""

    gate = KV | CUED
    name = "sentence_key"
    kinds = ("DATE", "DOB", "AGE", "ZIP", "PHONE", "FAX", "NAME", *sorted(_ID_KINDS))

    def __init__(self, catalogue: KeyCatalogue | None = None) -> None:
        self.catalogue = catalogue or DEFAULT_CATALOGUE

    def find(self, text: str) -> Iterator[Span]:
        yield from self._keyed(text)
        for match in _EVENT_EPOCH.finditer(text):
            start = match.start()
            if _care_epoch(text, start):
                yield start, match.end(), "DATE"  # "discharged 1717009200": a care event's moment in seconds
        if "for " in text or "of " in text:
            yield from records_of_patients(text)  # "opened record E7781234 for patient": an id named around it

    def _keyed(self, text: str) -> Iterator[Span]:
        catalogue = self.catalogue
        for match in KEY_PHRASE.finditer(text):
            form = key_form(match)
            if form is None:
                continue
            kind = catalogue.kind(form[0])
            if kind is None:
                continue
            position = match.end()
            separator = match["link"].strip()
            words = 0
            ranged = False
            for _ in range(3):
                word = LINK_WORD.match(text, position)
                if word is None:
                    break
                words += 1
                ranged = ranged or word[0].startswith("from")
                position = word.end()
            if not words and separator in (":", "=", ":=", "=="):
                continue  # "dob: 1931-...", 'displayName="Asthma"': a key and its value, the key=value reader's
            if not words and not separator and not form[1]:
                continue  # "dob 1931-...": a bare abbreviation is a cue the cue readers judge
            span = _value(text, position, kind)
            if span is not None:
                yield span[0], span[1], kind
            if ranged:  # "changed from 1931-02-07 to 1931-02-08", "ageYrs changed from 88 to 105"
                quoted = text[position : position + 1] in ("'", '"')
                first = span[1] if span is not None and not quoted else _skip(text, position)
                gap = RANGE_TO.match(text, first)
                if gap is not None and (second := _value(text, gap.end(), kind)) is not None:
                    yield second[0], second[1], kind


def _skip(text: str, position: int) -> int:
    """The end of the one value at ``position`` (quoted or not) that did not have its kind's shape."""
    quote = text[position : position + 1]
    if quote in ("'", '"'):
        close = text.find(quote, position + 1, position + 80)
        return close + 1 if close > 0 else position
    found = _PLAIN.match(text, position)
    return found.end() if found is not None else position
