"""Identifiers in a text about a person, after a word that only says "an identifier".

``ref``, ``id``, ``record``, ``chart``, ``confirmation``, ``ins``, ``certificate``, ``DEA``, ``encounter``,
``visit``, ``accession``, ``case`` and ``statement`` announce no person by themselves (``ref 20240611`` may be
a build's, ``id`` a row's, ``certificate 2048`` a key's size), so the cued detectors leave them. In a text that
names a person (a name, a record or member number, an SSN, a birth date, or hipaalog's mask of one)
the number after such a word is one of theirs: ``Hi Jane, your results are ready. Ref 49243532``,
``timeout fetching record MR82271058 for Jane Roe``. A number in brackets right after the person
(``Jane Roe (MR14242278)``) is theirs too, as is a phone number right after them (``Jane Roe 4155550132``),
and so are the numbers listed after the first one (``merge charts 25790140 -> 70205-965``). A record or chart
whose owner is said after its number is a patient's in any text (``opened record E7781234 for patient``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

__all__ = ["ids_beside_person", "records_of_patients"]

_KINDS: Final = {
    "chart": "MRN",
    "charts": "MRN",
    "record": "MRN",
    "records": "MRN",
    "ins": "MEMBER_ID",
    "insurance": "MEMBER_ID",
    "certificate": "LICENSE",
    "cert": "LICENSE",
    "dea": "LICENSE",
    "encounter": "ACCOUNT",
    "visit": "ACCOUNT",
    "accession": "ID",
    "case": "ID",
    "statement": "ACCOUNT",
}
"""The kind of an id by its word; the others (``ref``, ``id``, ``confirmation``...) are ``ID``."""
_VALUE: Final = r"([A-Za-z]{0,4}-?[0-9][0-9A-Za-z]*(?:-[0-9A-Za-z]+)*)"
_AFTER_WORD: Final = re.compile(
    r"(?=[IiRrCcDdEeVvAaSs])(?<![\w.-])(?i:(id|ids|ref|refs|reference|record|records|chart|charts|conf|confirmation|ins|insurance"
    r"|certificate|cert|dea|encounter|visit|accession|case|statement))(?=[ :=#])"
    r"(?:[ ]?(?:#|(?i:no|nr|num|number)\.?))?[ ]?[:=#]?[ ]{0,2}" + _VALUE + r"(?![\w@/])"
)
"""A generic id word, a number word or ``#`` or ``:`` if any, then a token with a digit (the look-ahead at the
words' first letters lets the engine skip every other position at one character test)."""
_RECORD_FOR: Final = re.compile(
    r"(?=[RrCc])(?<![\w.-])(?i:records?|charts?)[ ]?(?:#|(?i:no|nr|num|number)\.?)?[ ]?[:=#]?[ ]?"
    r"([A-Za-z]{0,4}-?[0-9][0-9A-Za-z]*)(?![\w@/-])[ ]+(?i:for|of)[ ]+(?i:(?:the|this|a|that)[ ]+)?"
    r"(?i:patient|pt|member|resident|enrollee|beneficiary)(?![A-Za-z])"
)
"""A record or chart, its number, then whose it is (``opened record E7781234 for patient``)."""
_NEXT: Final = re.compile(r"[ ]*(?:->|→|,|/|&|and|or|to)[ ]*" + _VALUE + r"(?![\w@/])")
"""Another id listed after the first (``25790140 -> 70205-965``, ``A1234567, A7654321``)."""
_BRACKETED: Final = re.compile(r"[ ]?\(([A-Za-z]{0,4}-?[0-9]{5,14})\)")
"""An id in brackets right after a person (``Jane Roe (MR14242278)``)."""
_PHONE_AFTER: Final = re.compile(
    r"[ ]?:?[ ]?(\([2-9][0-9]{2}\)[ ]?|[2-9][0-9]{2}[ .-]?)[2-9][0-9]{2}[ .-]?[0-9]{4}(?![\w-])"
)
"""A North American number right after the person (``Jane Roe 4155550132``, ``Jane Roe: (415) 555-0132``)."""
_NANP: Final = re.compile(r"[2-9][0-9]{2}[2-9][0-9]{6}")
_HEX: Final = re.compile(r"[0-9a-f]{7,}")
_MIN_DIGITS: Final = 5
_NEXT_LIMIT: Final = 4


def _id_shaped(value: str) -> bool:
    """Five digits or more, and not a commit hash or hex digest (``3f9a2b1c0d``)."""
    digits = sum(ch.isdigit() for ch in value)
    if digits < _MIN_DIGITS:
        return False
    return digits == len(value.replace("-", "")) or _HEX.fullmatch(value) is None


def ids_beside_person(text: str, ends: list[int]) -> Iterator[tuple[int, int, str]]:
    """Spans of ids in ``text``, a text about a person; ``ends`` are where the person's names or masks end."""
    for match in _AFTER_WORD.finditer(text):
        if not _id_shaped(match[2]):
            continue
        kind = _KINDS.get(match[1].lower(), "ID")
        yield match.start(2), match.end(2), kind
        position = match.end()
        for _ in range(_NEXT_LIMIT):
            listed = _NEXT.match(text, position)
            if listed is None or not _id_shaped(listed[1]):
                break
            yield listed.start(1), listed.end(1), kind
            position = listed.end()
    size = len(text)
    for end in ends:
        if end < size and text[end] in " (":
            bracketed = _BRACKETED.match(text, end)
            if bracketed is not None and not _NANP.fullmatch(bracketed[1]):  # a phone: the phone detector's
                yield bracketed.start(1), bracketed.end(1), "ID"
        if end < size and text[end] in " :":
            phone = _PHONE_AFTER.match(text, end)
            if phone is not None:
                yield phone.start(1), phone.end(), "PHONE"


def records_of_patients(text: str) -> Iterator[tuple[int, int, str]]:
    """Spans of record numbers whose owner follows them (``record MR989101 for pt``), in any text."""
    for match in _RECORD_FOR.finditer(text):
        if _id_shaped(match[1]):
            yield match.start(1), match.end(1), "MRN"
