"""Street addresses as other countries write them: the street type before the name (``Calle Mayor 12``,
``ul. Fredry 70/67``, ``Rua das Flores 9``), after the number (``37, boulevard Peltier``), or glued to the
end of the name (``Niendorfweg 781``, ``Hauptstraße 5``), with the postcode and town after them.

US addresses (a number, a name, a suffix: ``1234 Oak Street``) are :class:`._context.AddressDetector`'s.
Letters with marks are read as ASCII before this runs (``Żwirowa`` is ``Zwirowa``); the street types that
are also English words (``Place``, ``Route``, ``Via``) must be capitalised and followed by a name and a
number.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ._cues import STREET_TYPE_AFTER_NUMBER as _TYPE_AFTER_NUMBER
from ._cues import STREET_TYPE_FIRST as _TYPE_FIRST
from ._cues import STREET_TYPE_GLUED as _GLUED_TYPE
from ._detector import BaseDetector, Span
from ._gate import ADDRESS, FOREIGN_STREET
from ._near import initials_first

__all__ = ["ForeignAddressDetector"]

_PARTICLE: Final = r"(?:de|del|della|delle|dei|da|do|dos|das|di|du|des|la|le|los|las|van|von|der|den|im|am)"
_NAME_WORD: Final = r"[A-Z][A-Za-z'’.-]*"
_NUMBER: Final = r"(?:n[o°º]\.?[ ]?)?[0-9]{1,5}[A-Za-z]?(?:[ ]?[/-][ ]?[0-9]{1,5}[A-Za-z]?)?"
_TOWN: Final = (
    r"(?:,[ ]?|[ ]+-[ ]+)(?:(?:[0-9]{2}-[0-9]{3}|[0-9]{5}-[0-9]{3}|[0-9]{4,5}"
    r"|[A-Z][0-9][A-Z][ ]?[0-9][A-Z][0-9])[ ])?"
    rf"{_NAME_WORD}(?:[ -](?:{_PARTICLE}[ ])?{_NAME_WORD}){{0,2}}"
)
_STREET: Final = initials_first(
    rf"(?<![\w/])(?:"
    rf"{_TYPE_FIRST}[ ]+(?:{_PARTICLE}[ ]+){{0,2}}{_NAME_WORD}(?:[ ]+(?:{_PARTICLE}[ ]+)?{_NAME_WORD}){{0,3}}"
    rf",?[ ]+{_NUMBER}"
    rf"|[0-9]{{1,5}}(?:[ ]?(?:bis|ter))?,?[ ]+{_TYPE_AFTER_NUMBER}[ ]+(?:(?:{_PARTICLE}|d['’])[ ]?){{0,2}}"
    rf"{_NAME_WORD}(?:[ ]+{_NAME_WORD}){{0,3}}"
    rf"|[A-Z][a-z]*{_GLUED_TYPE}[ ]+{_NUMBER}"
    rf")(?:{_TOWN})?(?![\w@])"
)
"""A street written the way of another country, and the postcode and town after it."""


class ForeignAddressDetector(BaseDetector):
    """Streets of other countries (``Calle Mayor 12, 28013 Madrid``, ``ul. Fredry 70/67, Wejherowo``)."""

    gate = ADDRESS
    name = "address_intl"
    kinds = ("ADDRESS",)

    def find(self, text: str) -> Iterator[Span]:
        if FOREIGN_STREET.search(text) is None:
            return
        for match in _STREET.finditer(text):
            yield match.start(), match.end(), "ADDRESS"
