"""A phone number written with its punctuation as a field's whole value: ``+33 6 12 34 56 78``, ``(021) 555 0142``.

The text detectors look for phone numbers by the shapes of a few countries; a field that names a phone's holder
or a line (``contact``, ``cb_number``, a contact point labelled ``home``) may hold one in any country's shape.
There, a value of seven to fifteen digits with the usual punctuation (spaces, dashes, dots, brackets, a leading
``+``), an extension allowed, is one, unless it reads as a date or an IPv4 address. Bare digits are one only
when they start with a country's trunk ``0`` (``0612448719``: no count or SSN is written so; ``0000412`` pads an
id); other bare digits are left to the readers of bare numbers (a count, an SSN, a record number look the same).
"""

from __future__ import annotations

import re
from typing import Final

from ._service_lines import phone_line
from ._values import full_date

__all__ = ["CONTACT_USES", "spelled_phone"]

_DOTTED_QUAD: Final = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}")
_MIN_DIGITS: Final = 8
_TRUNK_DIGITS: Final = (9, 11)
_COUNT_UP: Final = "01234567890"
"""Digits of a national number written with its trunk ``0`` and nothing else (``0612448719``)."""
CONTACT_USES: Final = frozenset(
    {"home", "work", "mobile", "cell", "cellular", "personal", "landline", "daytime", "evening", "temp", "old"}
)
"""Labels of a contact point (FHIR's ``use`` and the like) whose phone-shaped value is a person's number."""


def spelled_phone(value: object) -> bool:
    """Whether ``value`` is text of one phone number with punctuation (see the module)."""
    if type(value) is not str or not phone_line(value):
        return False
    text = value.strip()
    if text.isdigit():
        trunk = text[0] == "0" and text[1] != "0" and _TRUNK_DIGITS[0] <= len(text) <= _TRUNK_DIGITS[1]
        return trunk and text not in _COUNT_UP  # "0123456789": a placeholder typed along the keyboard
    if full_date(text) or _DOTTED_QUAD.fullmatch(text) is not None:
        return False
    return text[:1] in "+(" or sum(ch.isdigit() for ch in text) >= _MIN_DIGITS
