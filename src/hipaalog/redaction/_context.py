"""Detectors that need context: a cue word, a state, a street suffix, a field name, an HL7 segment.

Identifiers after cue words (MRN, member, account, license, serial and plate numbers), dates
about a person (birth, admission, discharge, death, service), ages over 89, ZIP codes, street
addresses and cities, person names (after cues, ``Last, First``, HL7 ``LAST^FIRST``), values of
``key=value`` / ``"key": "value"`` pairs whose key is a PHI field name, and HL7 v2 PID/NK1/GT1/IN1
fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import Detector, Span
from ._gate import ADDRESS, AGE, CUED, HL7, KV, NAME, ZIP
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue
from ._vocab import FIRST_NAMES, NAME_STOPWORDS, STATE_CODES, STATE_NAMES, STREET_SUFFIXES, SURNAMES

__all__ = [
    "AddressDetector",
    "AgeDetector",
    "CuedIdDetector",
    "DateDetector",
    "Hl7Detector",
    "KeyValueDetector",
    "NameDetector",
    "ZipDetector",
]

_MARKER: Final = re.compile(r"\[(?:REDACTED:[A-Z][A-Z0-9_]*|[A-Z][A-Z0-9_]*:[A-Za-z0-9_.-]+:[a-z2-7]{16})\]")
"""What hipaalog writes in place of an identifier in text (mask or bracketed pseudonym)."""

# -- identifiers after cue words -----------------------------------------------------------------
_NUMBER_WORD = r"(?:number|num|no\.?|#|id)"
_ID_CUES: Final = (
    ("MRN", rf"mrn|medical\s+record(?:\s+{_NUMBER_WORD})?|med\.?\s*rec(?:ord)?\.?(?:\s*{_NUMBER_WORD})?"
            rf"|chart\s*{_NUMBER_WORD}|patient\s*{_NUMBER_WORD}|pt\.?\s*(?:id|#)"),
    ("MEMBER_ID", rf"member\s*{_NUMBER_WORD}|subscriber(?:\s*{_NUMBER_WORD})?|beneficiary(?:\s*{_NUMBER_WORD})?"
                  rf"|medicaid(?:\s*{_NUMBER_WORD})?|medicare(?:\s*{_NUMBER_WORD})?|policy\s*{_NUMBER_WORD}"
                  rf"|insurance\s*{_NUMBER_WORD}|(?:health\s+)?plan\s+member"),
    ("ACCOUNT", rf"account\s*{_NUMBER_WORD}|acct\.?(?:\s*{_NUMBER_WORD})?|bank\s+account|iban"),
    ("LICENSE", rf"(?:driver'?s?\s+)?licen[cs]e(?:\s*{_NUMBER_WORD})?|dl\s*{_NUMBER_WORD}|certificate\s*{_NUMBER_WORD}"
                rf"|passport(?:\s*{_NUMBER_WORD})?|permit\s*{_NUMBER_WORD}"),
    ("VEHICLE", rf"license\s+plate|plate(?:\s*{_NUMBER_WORD})?|tag\s+number|vin"),
    ("DEVICE", rf"serial(?:\s*{_NUMBER_WORD})?|s/n|device\s*(?:id|serial)|imei|udi"),
)
_ID_CUED: Final = re.compile(
    "(?i:\\b(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _ID_CUES) + "))(?![A-Za-z])"
    r"[^\w\n]{0,3}(?:(?i:is|was|of|for)\s+)?[:=#]?\s?"
    r"(?P<val>[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){1,29}(?:[ ](?=[A-Za-z]*[0-9])[A-Za-z0-9]{2,4}\b)?)"
)


_DIGIT_RUN: Final = re.compile(r"\d{3}")


class CuedIdDetector(Detector):
    """Identifiers after cue words: ``MRN 00123456``, ``member ID XGH123456789``, ``acct# 4417-22``,
    ``license D1234567``, ``plate 7ABC123``, ``serial SN-99812``. The value must hold three digits in a row."""

    gate = CUED
    name = "cued_id"
    kinds = ("MRN", "MEMBER_ID", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE")

    def find(self, text: str) -> Iterator[Span]:
        for match in _ID_CUED.finditer(text):
            value = match["val"]
            if _DIGIT_RUN.search(value):
                kind = next(k for k, _ in _ID_CUES if match[k] is not None)
                yield match.start("val"), match.end("val"), kind


# -- dates about a person ------------------------------------------------------------------------
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_PATTERN: Final = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/])"
    r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{1,2}}-{_MONTH}-\d{{2,4}})"
)
_BIRTH_CUES = r"dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birth\s*day|born(?:\s+on)?|b\.?d\.?"
_EVENT_CUES = (
    r"admitted(?:\s+on)?|admission(?:\s+date)?|admit\s+date|discharged(?:\s+on)?|discharge\s+date|date\s+of\s+death"
    r"|died(?:\s+on)?|deceased(?:\s+on)?|death\s+date|expired\s+on|dos|date\s+of\s+service|service\s+date|visit\s+date"
    r"|seen\s+on|visited\s+on|appointment(?:\s+(?:on|date))?|surgery(?:\s+(?:on|date))?|procedure\s+date"
    r"|date\s+of\s+injury|injury\s+date|doi"
)
_DATE_CUED: Final = re.compile(
    rf"(?i:\b(?:(?P<DOB>{_BIRTH_CUES})|(?P<DATE>{_EVENT_CUES})))(?![A-Za-z])"
    rf"[^\w\n]{{0,4}}(?:(?i:is|was|on|of|at|:)\s*){{0,2}}(?P<date>{DATE_PATTERN})"
)


class DateDetector(Detector):
    """Dates about a person after a cue: birth (``DOB 03/12/1985``, ``born March 12, 1985``) as ``DOB``;
    admission, discharge, death, service and visit dates as ``DATE``. Other dates are left alone."""

    gate = CUED
    name = "date"
    kinds = ("DOB", "DATE")

    def find(self, text: str) -> Iterator[Span]:
        for match in _DATE_CUED.finditer(text):
            yield match.start("date"), match.end("date"), "DOB" if match["DOB"] is not None else "DATE"


# -- ages over 89 --------------------------------------------------------------------------------
_AGE: Final = re.compile(
    r"(?i:\b(?:age[ds]?|aged)\b)[^\w\n]{0,3}(?:(?i:is|was|of)\s+)?(?P<a>\d{2,3})(?![\d.+%])"
    r"|(?<![\d.])(?P<b>\d{2,3})(?:\s*-\s*|\s+)?(?i:years?[\s-]old|yrs?[\s-]old|y/o|y\.o\.?|yo\b|year-old|years\s+of\s+age)"
)


class AgeDetector(Detector):
    """Ages over 89 (``age 93``, ``aged 101``, ``92-year-old``, ``95 y/o``); younger ages are not PHI."""

    gate = AGE
    name = "age"
    kinds = ("AGE",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _AGE.finditer(text):
            group = "a" if match["a"] is not None else "b"
            if 89 < int(match[group]) < 140:
                yield match.start(group), match.end(group), "AGE"


# -- ZIP codes and addresses ---------------------------------------------------------------------
_STATES = "|".join(sorted(STATE_CODES))
_CITY_WORD = r"[A-Z][A-Za-z.'’-]+"
_ZIP_CUED: Final = re.compile(
    r"(?i:\b(?:zip(?:\s*code)?|zipcode|postal\s*code|post\s*code)\b)[^\w\n]{0,3}(?:(?i:is)\s+)?(?P<zip>\d{5}(?:-\d{4})?)(?![\d-])"
)
_CITY_STATE_ZIP: Final = re.compile(
    rf"(?:(?P<city>{_CITY_WORD}(?:[ ]{_CITY_WORD}){{0,3}}),[ ]?|(?<=[,^])[ ]?)"
    rf"(?:{_STATES}|{STATE_NAMES})(?:[ ]+|\^)(?P<zip>\d{{5}}(?:-\d{{4}})?)(?![\d-])"
)
_HL7_CITY: Final = re.compile(rf"\^(?P<city>[A-Z][A-Za-z .'-]{{1,30}})\^(?:{_STATES})\^(?P<zip>\d{{5}}(?:-\d{{4}})?)(?![\d-])")


class ZipDetector(Detector):
    """ZIP codes after a cue (``ZIP 02139``) or a state (``Cambridge, MA 02139``), with the city before them."""

    gate = ZIP | CUED
    name = "zip"
    kinds = ("ZIP", "ADDRESS")

    def find(self, text: str) -> Iterator[Span]:
        for match in _ZIP_CUED.finditer(text):
            yield match.start("zip"), match.end("zip"), "ZIP"
        for regex in (_CITY_STATE_ZIP, _HL7_CITY):
            for match in regex.finditer(text):
                if match["city"] is not None:
                    yield match.start("city"), match.end("city"), "ADDRESS"
                yield match.start("zip"), match.end("zip"), "ZIP"


_SUFFIXES = "|".join(sorted(STREET_SUFFIXES | {s.upper() for s in STREET_SUFFIXES}, key=len, reverse=True))
_STREET_WORD = r"(?:[A-Z][A-Za-z'’.-]*|\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH))"
_UNIT = r"(?:,?[ ](?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Fl\.?|Floor|Rm\.?|Room|Bldg\.?|Building|APT|STE|UNIT|#)[ ]?#?[A-Za-z0-9-]{1,6})"
_STREET: Final = re.compile(
    rf"(?<![\w.-])\d{{2,6}}[A-Za-z]?(?:-\d{{1,4}})?[ ]+(?:[NSEW]\.?[ ]+|(?:North|South|East|West|NORTH|SOUTH|EAST|WEST)[ ]+)?"
    rf"(?:{_STREET_WORD}[ ]+){{1,4}}(?:{_SUFFIXES})\b\.?(?:[ ]+(?:[NS][EW]|[NSEW])\b)?{_UNIT}?"
)
_PO_BOX: Final = re.compile(r"(?i:\b(?:p\.?\s?o\.?\s*box|post\s+office\s+box))\s+\d{1,6}\b")
_MILITARY: Final = re.compile(r"\b(?:PSC|CMR|Unit|UNIT)[ ]\d{1,5},?[ ]Box[ ]\d{1,5}\b")


class AddressDetector(Detector):
    """Street addresses (``1234 Oak Street Apt. 5``), PO boxes and military (PSC/CMR/Unit ... Box) addresses."""

    gate = ADDRESS
    name = "address"
    kinds = ("ADDRESS",)

    def find(self, text: str) -> Iterator[Span]:
        for regex in (_STREET, _PO_BOX, _MILITARY):
            for match in regex.finditer(text):
                yield match.start(), match.end(), "ADDRESS"


# -- person names --------------------------------------------------------------------------------
_NAME_WORD = r"(?:[A-Z]['’][A-Z][a-z]+|Ma?c[A-Z][a-z]+|[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*)"
_CAPS_WORD = r"(?:[A-Z]{2,}(?:['’-][A-Z]+)*)"
_INITIAL = r"(?:[A-Z]\.)"
_FULL_NAME = rf"(?:{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|{_INITIAL})){{0,3}}|{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{1,2}})"
_TITLED: Final = re.compile(rf"\b(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|DR|MR|MRS|MS)\.?[ ](?P<name>{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|{_INITIAL})){{0,2}}|{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,2}})")
_NAME_CUES = (
    r"patient|pt\.?|name(?:d|\s+is)?|(?:first|last|full|given|family|middle|maiden|legal|preferred)\s+name"
    r"|member|subscriber|insured|guarantor|beneficiary|resident|caregiver|guardian|spouse|wife|husband|mother"
    r"|father|son|daughter|parent|sibling|sister|brother|next\s+of\s+kin|emergency\s+contact|nok|decedent"
)
_CUED_NAME: Final = re.compile(
    rf"(?i:\b(?:{_NAME_CUES}))(?![A-Za-z])[ ]?[:=,-]?[ ]?(?:(?i:is|was)[ ])?['\"]?(?P<name>{_FULL_NAME})"
)
_FOR_NAME: Final = re.compile(rf"\b(?:for|For|FOR)[ ](?P<name>{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|{_INITIAL})){{1,2}})")
_LAST_FIRST: Final = re.compile(
    rf"(?<![\w,])(?P<last>{_NAME_WORD}|{_CAPS_WORD}),[ ]?(?P<first>{_NAME_WORD}|{_CAPS_WORD})(?P<rest>[ ](?:{_INITIAL}|{_NAME_WORD}))?(?![\w'])"
)
_HL7_NAME: Final = re.compile(r"(?<![\w^])(?P<name>[A-Z][A-Za-z'’-]+\^[A-Z][A-Za-z'’-]+(?:\^[A-Za-z'’.-]*){0,4})")
_SUFFIX_WORDS: Final = frozenset({"Jr", "Sr", "II", "III", "IV", "MD", "DDS", "DVM", "PhD", "RN", "NP", "DO", "Esq"})


def _trim_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the name in ``text[start:end]`` up to its first stopword, or ``None`` if it starts with one."""
    offset = start
    for word in text[start:end].split(" "):
        bare = word.rstrip(".")
        if bare in NAME_STOPWORDS or bare.title() in NAME_STOPWORDS:
            break
        offset += len(word) + 1
    if offset == start:
        return None
    return start, min(offset - 1, end)


def _known_name(first: str, last: str) -> bool:
    return first.title() in FIRST_NAMES or last.title() in SURNAMES


class NameDetector(Detector):
    """Person names where something says they are one.

    After a title (``Dr. Gregory House``, ``Mrs Patel``), after a cue word (``patient Jane Doe``,
    ``pt: DOE JANE``, ``name is John``, ``mother Ann``), after ``for`` when the name is a known given
    name or surname (``for Maria Garcia``), as ``Last, First`` with a known given name or surname,
    and in HL7 form ``DOE^JANE^Q``. Capitalized words that are not names (``patient Portal``) stop it.
    """

    gate = NAME
    name = "name"
    kinds = ("NAME",)

    def find(self, text: str) -> Iterator[Span]:
        for regex in (_TITLED, _CUED_NAME):
            for match in regex.finditer(text):
                trimmed = _trim_name(text, match.start("name"), match.end("name"))
                if trimmed is not None:
                    yield trimmed[0], trimmed[1], "NAME"
        for match in _FOR_NAME.finditer(text):
            words = match["name"].split(" ")
            if _known_name(words[0], words[-1]) and _trim_name(text, match.start("name"), match.end("name")):
                trimmed = _trim_name(text, match.start("name"), match.end("name"))
                if trimmed is not None and trimmed[1] - trimmed[0] > len(words[0]):
                    yield trimmed[0], trimmed[1], "NAME"
        for match in _LAST_FIRST.finditer(text):
            last, first = match["last"], match["first"]
            if (
                _known_name(first, last)
                and last.title() not in NAME_STOPWORDS
                and first.title() not in NAME_STOPWORDS
                and first not in _SUFFIX_WORDS
            ):
                yield match.start(), match.end(), "NAME"
        if "^" in text:
            for match in _HL7_NAME.finditer(text):
                parts = match["name"].split("^")
                if len(parts[1]) > 2 and parts[0] not in ("ADT", "ORU", "ORM", "SIU", "MDM", "DFT", "VXU", "ACK"):
                    yield match.start(), match.end(), "NAME"


# -- key=value pairs -----------------------------------------------------------------------------
_KV: Final = re.compile(r"(?<![\w.\-])([\"']?)([A-Za-z_][\w.\-]{0,63})\1[ ]?[:=][ \t]{0,3}(?!//)")
_PLAIN_VALUE: Final = re.compile(r"[^\s,;&|)\]}\"'<>]+")
_PHONE_VALUE: Final = re.compile(r"\+?[\d(][\d\s().-]{6,22}\d(?:\s?(?:x|ext\.?)\s?\d{1,6})?")
_DATE_VALUE: Final = re.compile(DATE_PATTERN)
_WORDS_VALUE: Final = re.compile(r"[^\s,;&|=:\"'<>\[\]{}()][^,;&|=\"'<>\[\]{}()\n]{0,100}?(?=\s*(?:[,;&|\"'<>\[\]{}()\n]|\s\S+\s?[:=]|$))")
_AGE_VALUE: Final = re.compile(r"\d{1,3}")


def _quoted_end(text: str, start: int, quote: str) -> int:
    """Index of the closing ``quote`` after ``start`` (backslash escapes honoured), or -1."""
    index = start
    limit = min(len(text), start + 4096)
    while index < limit:
        ch = text[index]
        if ch == "\\":
            index += 2
            continue
        if ch == quote:
            return index
        index += 1
    return -1


def _bracket_end(text: str, start: int) -> int:
    """Index just past the bracket closing the one at ``start`` (quotes honoured), or -1."""
    depth = 0
    index = start
    limit = min(len(text), start + 16384)
    in_string = False
    while index < limit:
        ch = text[index]
        if in_string:
            if ch == "\\":
                index += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return -1


class KeyValueDetector(Detector):
    """Values of ``key=value``, ``key: value`` and ``"key": "value"`` pairs in text whose key is a PHI
    field name (``ssn=123456789``, ``patient_name="Jane Doe"``, ``{"dob": "1985-03-12"}``)."""

    gate = KV
    name = "key_value"
    kinds = ("ID",)

    def __init__(self, catalogue: KeyCatalogue | None = None) -> None:
        self.catalogue = catalogue or DEFAULT_CATALOGUE

    def find(self, text: str) -> Iterator[Span]:
        catalogue = self.catalogue
        size = len(text)
        for match in _KV.finditer(text):
            kind = catalogue.kind(match[2])
            if kind is None:
                continue
            start = match.end()
            if start >= size:
                continue
            first = text[start]
            if first in "\"'":
                end = _quoted_end(text, start + 1, first)
                if end > start + 1:
                    span = (start + 1, end)
                else:
                    continue
            elif first in "[{":
                end = _bracket_end(text, start)
                if end < 0:
                    continue
                span = (start, end)
            else:
                found = self._value(text, start, kind)
                if found is None:
                    continue
                span = found
            value = text[span[0]:span[1]]
            if not value.strip() or _MARKER.fullmatch(value) or value in ("null", "None", "true", "false"):
                continue
            if kind == "AGE":
                number = _AGE_VALUE.match(value.strip())
                if number is None or int(number[0]) <= 89 or value.strip() == "90+":
                    continue
            yield span[0], span[1], kind

    @staticmethod
    def _value(text: str, start: int, kind: str) -> tuple[int, int] | None:
        regex = _PLAIN_VALUE
        if kind in ("NAME", "ADDRESS"):
            regex = _WORDS_VALUE
        elif kind in ("PHONE", "FAX"):
            regex = _PHONE_VALUE
        elif kind in ("DOB", "DATE"):
            regex = _DATE_VALUE
        match = regex.match(text, start)
        if match is None and regex is not _PLAIN_VALUE:
            match = _PLAIN_VALUE.match(text, start)
        if match is None:
            return None
        return match.start(), match.end()


# -- HL7 v2 segments -----------------------------------------------------------------------------
_HL7_FIELDS: Final[dict[str, dict[int, str]]] = {
    "PID": {2: "MRN", 3: "MRN", 4: "MRN", 5: "NAME", 6: "NAME", 7: "DOB", 9: "NAME", 11: "ADDRESS", 12: "ADDRESS",
            13: "PHONE", 14: "PHONE", 18: "ACCOUNT", 19: "SSN", 20: "LICENSE", 21: "ID", 23: "ADDRESS", 29: "DATE"},
    "NK1": {2: "NAME", 4: "ADDRESS", 5: "PHONE", 6: "PHONE", 16: "DOB", 30: "NAME", 31: "PHONE", 32: "ADDRESS",
            33: "ID", 37: "SSN"},
    "GT1": {2: "ID", 3: "NAME", 4: "NAME", 5: "ADDRESS", 6: "PHONE", 7: "PHONE", 8: "DOB", 12: "SSN"},
    "IN1": {16: "NAME", 18: "DOB", 19: "ADDRESS", 36: "MEMBER_ID", 49: "MEMBER_ID"},
}
_HL7_SEGMENT: Final = re.compile(r"(?:^|(?<=[\r\n])|(?<=\\r)|(?<=\\n)|(?<=\s))(PID|NK1|GT1|IN1)\|")
_HL7_END: Final = re.compile(r"[\r\n]|\\r|\\n")


class Hl7Detector(Detector):
    """Person fields of HL7 v2 PID, NK1, GT1 and IN1 segments (name, birth date, address, phones, SSN, ids)."""

    gate = HL7
    name = "hl7"
    kinds = ("NAME", "DOB", "ADDRESS", "PHONE", "SSN", "MRN", "ACCOUNT")

    def find(self, text: str) -> Iterator[Span]:
        if "|" not in text:
            return
        for match in _HL7_SEGMENT.finditer(text):
            fields = _HL7_FIELDS[match[1]]
            end_match = _HL7_END.search(text, match.end())
            end = end_match.start() if end_match else len(text)
            position = match.start()
            for index, field in enumerate(text[position:end].split("|")):
                kind = fields.get(index)
                if kind is not None and field.strip(" ^~&"):
                    yield position, position + len(field), kind
                position += len(field) + 1
