"""The kind of one cell of a row already known to be a person's, judged by its shape alone.

A row that holds a person's identifiers (:mod:`._person_rows`) has lost its column names, so its other cells are
typed by shape: a postal code of any common national form (``K1A 0B1``, ``SW1A 2AA``, ``1011 AB``, ``00-950``,
``100-0001``, ``110 00``), a phone number written with separators or a country code (``(02) 9374 4000``,
``0171-23 45 67``, ``+353 1 234 5678``, ``555.013.2288x12``), a date in any order of its parts (``12.04.1961``,
``1961/04/12``, ``4/12/61``, ``1961年4月12日``) and a word of a name beside a name (``Okonkwo``, ``Łukasz``, ``박``).
Plain amounts (``53.00``), counts, versions (``1.2.3``) and words of English stay.
"""

from __future__ import annotations

import re
from typing import Final

from ._lexicon import ENGLISH, SOFTWARE

__all__ = ["cell_kind", "name_cell", "written_phone"]

_POSTCODE: Final = re.compile(
    r"(?=[0-9A-Z])(?:[A-Z]{1,2}[0-9][A-Z0-9]?[ ]?[0-9][A-Z]{2}"  # British
    r"|[A-Z][0-9][A-Z][ -]?[0-9][A-Z][0-9]"  # Canadian
    r"|[1-9][0-9]{3}[ ]?[A-Z]{2}"  # Dutch
    r"|[0-9]{2}-[0-9]{3}|[0-9]{3}-[0-9]{4}|[0-9]{3}[ ][0-9]{2}"  # Polish, Japanese, Czech and Swedish
    r"|[0-9]{5}(?:-[0-9]{4})?)"  # US (and five-digit codes of most of Europe)
)
"""A postal code's whole value."""
_PHONE: Final = re.compile(r"(?=[+(0-9])\+?(?:[(]?[0-9]{1,5}[)]?[ .-]{0,2}){2,7}(?:[ ]?(?:x|ext\.?)[ ]?[0-9]{1,6})?")
"""Digits in groups with a phone number's separators (an extension after)."""
_DATE: Final = re.compile(
    r"(?=[0-9])(?:[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{2}|[0-9]{4})|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"
    r"|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)"
)
"""A full date, day, month and year in any order."""
_EXTENSION: Final = re.compile(r"[ ]?(?:x|ext\.?)[ ]?[0-9]{1,6}$")
_NOT_DIGIT: Final = re.compile(r"[^0-9]+")
_TOLL_FREE: Final = re.compile(r"8(?:00|33|44|55|66|77|88)")
_QUAD: Final = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}")
"""A dotted quad (an IPv4 address)."""
_AMOUNT: Final = re.compile(r"-?[0-9]{1,4}(?:\.[0-9]{1,2})?")
"""A count or an amount: no person's value."""
_NAME_WORD: Final = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_])){0,29}")
"""One word of letters of any script (an apostrophe or hyphen inside)."""


def _phone(value: str) -> bool:
    """Whether ``value`` is a phone number: eight to fifteen digits (an extension apart) in two groups or more, or
    after ``+``."""
    if _QUAD.fullmatch(value) is not None or _PHONE.fullmatch(value) is None:
        return False
    digits = 0
    for ch in _EXTENSION.sub("", value):
        if ch.isdigit():
            digits += 1
    return 8 <= digits <= 15 and (value[:1] == "+" or not value.isdigit())


def _month_day(value: str) -> bool:
    """Whether the parts of a date are a month and a day in one of their orders (no version ``1.2.3``)."""
    parts = re.split(r"[-/.年月日]", value)
    numbers = [int(part) for part in parts if part]
    if len(numbers) != 3:
        return False
    first, second, third = numbers
    if first > 31:  # year first: month, day
        return 1 <= second <= 12 and 1 <= third <= 31
    return 1 <= first <= 31 and 1 <= second <= 31 and (first <= 12 or second <= 12)


def cell_kind(value: str) -> str | None:
    """The kind of a person's row cell by its shape (``ZIP``, ``PHONE``, ``DATE``), or ``None``."""
    if not value or len(value) > 32 or _AMOUNT.fullmatch(value) is not None:
        return None
    if _DATE.fullmatch(value) is not None and _month_day(value):
        return "DATE"
    if _POSTCODE.fullmatch(value) is not None:
        return "ZIP"
    if _phone(value):
        return "PHONE"
    return None


def name_cell(value: str) -> bool:
    """Whether ``value`` may be a word of a name: one or two words of letters, capitalised (not all capitals) or in
    a script without case, none a word of English or software."""
    words = value.split(" ")
    if not 1 <= len(words) <= 2:
        return False
    for word in words:
        if _NAME_WORD.fullmatch(word) is None:
            return False
        first = word[:1]
        if first.islower() or (len(word) > 1 and word.isupper()):
            return False  # a word in lower case, or a code in capitals (HMO, PPO)
        bare = word.lower()
        if first.isupper() and (bare in ENGLISH or bare in SOFTWARE):
            return False
    return True


def written_phone(value: str) -> bool:
    """Whether ``value`` is a person's phone number written in groups (``06 38 52 75 36``, ``+7-(925)-416-28-66``):
    no date, postal code, amount or address, nor a North American toll-free line (``(888) 555-0123``, a firm's)."""
    if cell_kind(value) != "PHONE":
        return False
    digits = _NOT_DIGIT.sub("", value)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    return len(digits) != 10 or _TOLL_FREE.match(digits) is None
