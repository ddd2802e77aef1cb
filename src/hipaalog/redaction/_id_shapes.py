"""The shapes of a person's identifier: one definition for a value of a row and for a token of a text.

A value is judged whole, without the words around it (those are :mod:`._shaped_ids`'s to weigh in a text):

- capitals (one to four) glued to five digits or more, two capitals after at most (``W123456789``,
  ``XGH882211903``), unless the capitals name a standard, a patch or an error (``ISO13485``, ``KB5034441``);
- a plate: digits, capitals, digits with three digits at least (``7ABC123``), or written with a space or dashes
  (``ABC-1234``, ``AB12 CDE``, ``AB-123-CD``, ``1-ABC-123``, ``B-AB 1234``);
- :data:`MIN_DIGITS` digits or more (:data:`CELL_MIN_DIGITS` for a value of its own), plain or in dashed groups
  (``48213377``, ``127-422-284``), unless they are a date (``20240611``), an epoch time of this decade or a round
  number (``2500000``);
- letters and digits mixed, hyphens between, three digits at least or two between letters (``SN-88213-XK``,
  ``AB1-234``, ``T33-EIJ``), unless dimensions (``1920x1080``), a short hash (``3fa85f64``), an HL7 field's name
  (``IN1-36``), a standard's number (``CVE-2024-1234``) or lower case with fewer than five digits (``sha256``,
  ``x86-64``); a name ending in two digits stays (``COVID-19``, ``HL7v2``, ``ICD-10``).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["CELL_MIN_DIGITS", "MIN_DIGITS", "STANDARDS", "digits_date", "epoch", "id_shape", "spaced_letters"]

MIN_DIGITS: Final = 7
"""Fewest digits of a number in running text read as an identifier (six changed 38 of the dev split's 2400
records, masking FHIR resources' own ids, ``"id": "439637"``, in the records about a person)."""
CELL_MIN_DIGITS: Final = 6
"""Fewest digits of a number read as an identifier when it is a value of its own (a row's cell): the value is
whole, and a six-digit record number is common."""
STANDARDS: Final = frozenset(("ISO", "IEC", "RFC", "CVE", "KB", "ERR", "HTTP", "UTF", "SHA", "EN", "DIN", "NIST"))
"""Letters before a number that name a standard, a patch or an error, never a person."""
_LEAD: Final = re.compile(r"(?P<lead>[A-Z]{1,4})[0-9]{5,16}[A-Z]{0,2}")
_PLATE: Final = re.compile(r"[0-9]{1,3}[A-Z]{2,4}[0-9]{1,4}")
_SPACED: Final = re.compile(
    r"[A-Z]{2,3}[ -][0-9]{3,4}|[A-Z]{2}[0-9]{2}[ ]?[A-Z]{3}|[A-Z]{2}-[0-9]{3}-[A-Z]{2}"
    r"|[0-9]-[A-Z]{3}-[0-9]{3}|[A-Z]{1,3}-[A-Z]{1,2}[ ][0-9]{1,4}"
)
_GROUPS: Final = re.compile(r"[0-9]{2,6}(?:-[0-9]{2,6}){1,4}")
_MIXED: Final = re.compile(r"(?=[A-Za-z0-9-]{0,20}[0-9][^0-9]{0,20}[0-9])[A-Za-z0-9](?:[A-Za-z0-9]|-(?!-)){4,19}")
"""Letters and at least two digits, hyphens between (``7ABC123``, ``SN-88213-XK``, ``D1234567``)."""
_DIMENSIONS: Final = re.compile(r"[0-9]{1,5}[xX][0-9]{1,5}")
_HEX: Final = re.compile(r"[0-9a-f]{8,}")
_SEGMENT_FIELD: Final = re.compile(r"[A-Z][A-Z0-9]{2}-[0-9]{1,3}(?:-[0-9]{1,3}){0,2}")
"""A field of an HL7 segment named by its number (``IN1-36``, ``PID-3-1``): a name, not a value."""
_EPOCH_SECONDS: Final = (1_577_836_800, 1_893_456_000)
"""Seconds since 1970 of this decade (2020 to 2030): a timestamp, not an id."""


def epoch(digits: str) -> bool:
    """Whether ``digits`` is an epoch time of this decade in seconds, milliseconds, microseconds or nanoseconds."""
    low, high = _EPOCH_SECONDS
    for scale in (1, 1000, 1_000_000, 1_000_000_000):
        if low * scale <= int(digits) < high * scale and len(digits) == len(str(low * scale)):
            return True
    return False


def digits_date(digits: str) -> bool:
    """Whether eight digits are a date (``20240611``, ``06112024``), or twelve or fourteen a date and a time
    (``20260715050200``)."""
    if len(digits) in (12, 14):
        hour, minute = int(digits[8:10]), int(digits[10:12])
        return hour < 24 and minute < 60 and digits_date(digits[:8])
    if len(digits) != 8:
        return False
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    if 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31:
        return True
    month, day, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def _number(digits: str, least: int) -> bool:
    """Whether plain digits are shaped as an identifier: long enough, no date, epoch time or round number."""
    return least <= len(digits) <= 19 and not digits.endswith("000") and not digits_date(digits) and not epoch(digits)


def _groups(value: str, least: int) -> bool:
    """Whether dashed groups of digits are an identifier (``127-422-284``), not a date (``2024-06-11``)."""
    parts = value.split("-")
    joined = "".join(parts)
    if len(joined) < least:
        return False
    return not (len(parts) == 3 and len(joined) == 8 and digits_date(joined))


def spaced_letters(value: str) -> str:
    """The capitals a plate written with a space or dashes starts with (``ABC`` of ``ABC-1234``)."""
    for at, ch in enumerate(value):
        if not ch.isalpha():
            return value[:at]
    return value


def _mixed(value: str) -> bool:
    """Whether letters and digits mixed are an identifier: no dimensions, short hash or lower-case word."""
    if _MIXED.fullmatch(value) is None or _DIMENSIONS.fullmatch(value) is not None:
        return False
    if _HEX.fullmatch(value) is not None or _SEGMENT_FIELD.fullmatch(value) is not None:
        return False  # a short hash or a commit (``3fa85f64``), an HL7 field's name (``IN1-36``)
    if spaced_letters(value).upper() in STANDARDS:
        return False  # ``CVE-2024-1234``, ``ISO-27001``
    digits = sum(ch.isdigit() for ch in value)
    if digits >= 5:
        return True
    if value.islower():
        return False  # ``sha256``, ``x86-64``
    return digits >= 3 or (value[0].isalpha() and value[-1].isalpha())  # ``T33-EIJ``; ``COVID-19``, ``HL7v2`` stay


def id_shape(value: str, least: int = MIN_DIGITS) -> str | None:
    """The kind of ``value``, a whole token, when it is shaped as a person's identifier (``ID``, or ``VEHICLE``
    for a plate), else ``None``; ``least``: the fewest digits of a number that is one."""
    if not value or len(value) > 24:
        return None
    if value.isdigit():
        return "ID" if _number(value, least) else None
    lead = _LEAD.fullmatch(value)
    if lead is not None:
        return None if lead["lead"] in STANDARDS else "ID"
    if _PLATE.fullmatch(value) is not None:
        return "VEHICLE" if sum(ch.isdigit() for ch in value) >= 3 else None
    if _SPACED.fullmatch(value) is not None:
        return None if spaced_letters(value) in STANDARDS else "VEHICLE"
    if _GROUPS.fullmatch(value) is not None:
        return "ID" if _groups(value, least) else None
    return "ID" if _mixed(value) else None
