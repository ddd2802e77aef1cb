"""Street addresses as other countries write them: the street type before the name (``Calle Mayor 12``,
``ul. Fredry 70/67``, ``Rua das Flores 9``), after the number (``37, boulevard Peltier``), or glued to the
end of the name (``Niendorfweg 781``, ``Hauptstraße 5``), with the postcode and town after them.

US addresses (a number, a name, a suffix: ``1234 Oak Street``) are :class:`._context.AddressDetector`'s.
Letters with marks are read as ASCII before this runs (``Żwirowa`` is ``Zwirowa``); the street types that
are also English words (``Place``, ``Route``, ``Via``) must be capitalised and followed by a name and a
number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import STREET_TYPE_AFTER_NUMBER as _TYPE_AFTER_NUMBER
from ._cues import STREET_TYPE_FIRST as _TYPE_FIRST
from ._cues import STREET_TYPE_FIRST_WEAK as _TYPE_WEAK
from ._cues import STREET_TYPE_GLUED as _GLUED_TYPE
from ._cues import STREET_TYPE_HYPHENED as _HYPHENED_TYPE
from ._detector import BaseDetector, Span
from ._gate import ADDRESS, POSTCODE_TOWN, glued_street_hint
from ._lexicon import ENGLISH, SOFTWARE
from ._near import expansions, initials_first
from ._street_forms import address_hint, address_spans

__all__ = ["ForeignAddressDetector"]

_PARTICLE: Final = (
    r"(?:de|del|della|delle|dei|da|do|dos|das|di|du|des|la|le|los|las|van|von|der|den|im|am|an|en|aan|bei|sur|sous"
    r"|upon|on|vor|vorm|bij|op|y)"
)
_NAME_WORD: Final = r"[A-Z][A-Za-z'’.-]*"
_SHORT_WORD: Final = r"[A-Z][A-Za-z'’.]{0,30}"
"""A capitalised word with no hyphen, of 31 letters at most: a pattern starting with it at any capital stays linear."""
_NUMBER: Final = r"(?:(?:n[o°º]\.?[ ]?)?[0-9]{1,5}[A-Za-z]?(?:[ ]?[/-][ ]?[0-9]{1,5}[A-Za-z]?)?|S/N|s/n)"
_FRENCH_TYPE: Final = r"(?:rue|avenue|boulevard|bd|chemin|all[ée]e|impasse|quai)"
"""Street types written in lower case before a name with no number (``boulevard Sarrail, 31400 Montval``); not
``via``, ``route`` or ``place``, English words too (``sent via Kafka, 12345 Messages``)."""
_GLUED_BEFORE_POSTCODE: Final = (
    r"(?:ring|hof|park|berg|feld|markt|graben|dreef|kade|singel|baan|torget|boulevard|kaai|dijk)"
)
"""Endings of street names that are also endings of words (``Lindenring``, ``Keypad``): a street only before a
postcode and a town (``Lindenring 4, 10115 Berlin``)."""
_UNIT_WORDS: Final = (
    r"(?:[ ]?,?[ ]+(?:Interior|Int\.|Edif\.|Depto\.?|Dpto\.?|Apto\.?|Apt\.?|Piso|Puerta|Bloco|Casa|Lote|Local"
    r"|Appartamento|Interno|Piano|Scala)"
    r"[ ]?[0-9]{1,5}[A-Za-z]?){1,2}"
)
_UNIT: Final = rf"(?:{_UNIT_WORDS})?(?:[ ][0-9]{{1,4}}[A-Za-z]?(?=[ ]*(?:[,;)\]\n\"']|$)))?"
"""What follows the building number: the floor, flat or building (``Edif. 4 , Depto. 12``, ``Interior 8``,
``Piso 3``), or a flat's number alone (``Cerrada Olmo 961 108``)."""
_POSTCODE: Final = (
    r"(?:[0-9]{2}-[0-9]{3}|[0-9]{4,5}-[0-9]{3,4}|[0-9]{8}|[0-9]{4,6}|[0-9]{4}[ ]?[A-Z]{2}(?![A-Za-z])"
    r"|[A-Z][0-9][A-Z][ ]?[0-9][A-Z][0-9])"
)
"""Postcodes of other countries: ``00-950``, ``01310-100``, ``2830-166``, ``01310100``, ``10115``, ``1017 XN``,
``K1A 0B1``, ``101000``; a US ZIP+4 (``09139-0996``)."""
_TOWN_NAME: Final = (
    rf"(?![A-Z]{{1,4}}(?![A-Za-z]))(?:(?:da|de|do|dos|das|la|le|les|el)[ ])?{_NAME_WORD}"
    rf"(?:[ -](?:{_PARTICLE}[ ]){{0,2}}{_NAME_WORD}){{0,4}}"
    rf"(?:[ ](?:{_PARTICLE}[ ]){{1,2}}[a-z]+)?"
)
_DISTRICT_WORD: Final = rf"(?:{_NAME_WORD}|[0-9]{{1,2}}[ªºao])"
"""A word of a district's name, its ordinal too (``Vila Nova 2ª Seção``)."""
_DISTRICT: Final = rf"(?:,[ ]?{_NAME_WORD}(?:[ ](?:{_PARTICLE}[ ])?{_DISTRICT_WORD}){{0,6}}(?=,[ ]?{_POSTCODE}[ ,]))?"
"""A district between a street and its postcode (``Vila Nova, 01310-100 Campinas``)."""
_TOWN: Final = (
    rf"(?:[ ]?,[ ]?|[ ]+-[ ]+)(?:{_NAME_WORD}(?:[ ](?:{_PARTICLE}[ ])?{_DISTRICT_WORD}){{0,6}},[ ]?"
    rf"(?={_POSTCODE}[ ,]))?"
    rf"(?:{_POSTCODE},?[ ])?{_TOWN_NAME}(?:,?[ ]?(?:(?:[A-Z]\.[ ]?)?[A-Z]{{2,5}}[ ])?{_POSTCODE}(?![\w-]))?"
)
"""The town after a street, with its postcode before or after it, a district before them (``Castelo, 01661-318
Serra``) and a state code before a postcode after it (``San Pedro, COL 09139``)."""
# A Brazilian address by its shape, whatever its street type (``Vale Rosa, 14, Vila Rica, 66826-240 Serra``),
# is the alternative before the glued one below: words, a number, a district, a CEP and a town.
_STREET: Final = initials_first(
    rf"(?<![\w/])(?:{_TYPE_FIRST}|{_TYPE_WEAK}|{_FRENCH_TYPE})[ ]+(?:(?:{_PARTICLE}|d['’])[ ]?){{0,2}}"
    rf"{_NAME_WORD}(?:[ ]+{_NAME_WORD}){{0,3}}{_DISTRICT},[ ]?{_POSTCODE},?[ ]{_TOWN_NAME}(?![\w@])|"
    rf"(?<![\w/])(?:"
    rf"{_TYPE_FIRST}[ ]+(?:{_PARTICLE}[ ]+){{0,2}}{_NAME_WORD}(?:[ ]+(?:{_PARTICLE}[ ]+){{0,2}}{_NAME_WORD}){{0,3}}"
    rf",?[ ]+{_NUMBER}"
    rf"|[0-9]{{1,5}}(?:[ ]?(?:bis|ter))?,?[ ]+{_TYPE_AFTER_NUMBER}[ ]+(?:(?:{_PARTICLE}|d['’])[ ]?){{0,2}}"
    rf"{_NAME_WORD}(?:[ ]+{_NAME_WORD}){{0,3}}"
    rf"|[A-Z][a-z]*{_GLUED_TYPE}[ ]+{_NUMBER}"
    rf"|(?P<hyphened>(?:[A-Z][a-z]+[ -]){{1,3}}[A-Z][a-z]+)-{_HYPHENED_TYPE}[ ]+{_NUMBER}"
    rf")(?:{_UNIT})(?:{_TOWN})?(?![\w@])"
    rf"|(?<![\w/]){_TYPE_WEAK}[ ]+(?:{_PARTICLE}[ ]+){{0,2}}{_NAME_WORD}"
    rf"(?:[ ]+(?:{_PARTICLE}[ ]+){{0,2}}{_NAME_WORD}){{0,3}}"
    rf"(?:,[ ]?{_NUMBER}(?:{_UNIT})|[ ]+{_NUMBER}(?:{_UNIT_WORDS}|[ ][0-9]{{1,4}}(?=[ ]?,[ ]?[A-Z0-9])"
    rf"|(?=[ ]?,[ ]?{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,3}},[ ]?{_POSTCODE}(?![\w-]))))"
    rf"(?:{_TOWN})?(?![\w@])"
    rf"|(?<![\w/]){_SHORT_WORD}(?:[ ](?:{_PARTICLE}[ ])?{_SHORT_WORD}){{1,4}},[ ]?{_NUMBER},[ ]?{_NAME_WORD}"
    rf"(?:[ ](?:{_PARTICLE}[ ])?{_DISTRICT_WORD}){{0,6}},[ ]?[0-9]{{5}}-?[0-9]{{3}}[ ]{_TOWN_NAME}(?![\w@])"
    rf"|(?<![\w/])(?P<glued>[A-Z][a-z]+{_GLUED_BEFORE_POSTCODE})[ ]+{_NUMBER},[ ]?{_POSTCODE},?[ ]{_TOWN_NAME}"
    r"(?![\w@])"
)
"""A street written the way of another country, and the postcode and town after it."""


_PARTS: Final = re.compile(r"[ -]")

_TYPE_BEFORE: Final = initials_first(rf"(?<![\w/])(?:{_TYPE_FIRST}|{_TYPE_WEAK})[ ]")
_NUMBER_THEN_TYPE: Final = re.compile(rf"[0-9],?[ ]+{_TYPE_AFTER_NUMBER}[ ]")
_TYPE_GLUED: Final = re.compile(rf"[a-z]{_GLUED_TYPE}[ ]+[0-9]")
_TYPE_HYPHENED: Final = re.compile(rf"-(?<=[a-z]-){_HYPHENED_TYPE}[ ]+[0-9]")
"""The four parts of :data:`._gate.FOREIGN_STREET`, each asked apart behind its own cheap screen."""
_LETTERS: Final = bytes(b if 65 <= b <= 90 or 97 <= b <= 122 else 32 for b in range(256))
_TYPE_WORDS: Final = frozenset(
    re.split(r"[^A-Za-z]", form, maxsplit=1)[0].encode()
    for form in expansions(f"(?:{_TYPE_FIRST}|{_TYPE_WEAK})")
    if form.isascii()
)
"""The run of ASCII letters each street type written before a name opens with (``Calle``, ``Ul`` of ``Ul.``,
``C`` of ``C/``): in ASCII text, :data:`_TYPE_BEFORE` matches only where one of them is a run of letters."""


def _street_hint(text: str) -> bool:
    """Whether :data:`._gate.FOREIGN_STREET` matches somewhere in ``text``, asked part by part: a street type
    first only if an ASCII text holds one of :data:`_TYPE_WORDS` as a word, glued and hyphened types only
    where their letters and a dash are (the whole pattern is tried at every letter and costs many times more)."""
    if text.isascii() and _TYPE_WORDS.isdisjoint(text.encode().translate(_LETTERS).split()):
        pass
    elif _TYPE_BEFORE.search(text) is not None:
        return True
    return (
        _NUMBER_THEN_TYPE.search(text) is not None
        or (glued_street_hint(text) and _TYPE_GLUED.search(text) is not None)
        or ("-" in text and _TYPE_HYPHENED.search(text) is not None)
    )


def _word(text: str) -> bool:
    """Whether ``text`` is an English word or a name of software (not a name or a street's)."""
    lowered = text.lower()
    return lowered in ENGLISH or lowered in SOFTWARE


class ForeignAddressDetector(BaseDetector):
    """Streets of other countries (``Calle Mayor 12, 28013 Madrid``, ``ul. Fredry 70/67, Wejherowo``)."""

    gate = ADDRESS
    name = "address_intl"
    kinds = ("ADDRESS",)

    def find(self, text: str) -> Iterator[Span]:
        if address_hint(text):
            for start, end in address_spans(text):  # "9 Tern Court, Lowmoor, SL8 6YT", "ул. Садовая, д. 5"
                yield start, end, "ADDRESS"
        if not _street_hint(text) and POSTCODE_TOWN.search(text) is None:
            return
        for match in _STREET.finditer(text):
            glued = match["glued"]
            if glued is not None and _word(glued):
                continue  # "String 3, 1024 Bytes", "Spring 5, 10000 Requests": words, no street
            hyphened = match["hyphened"]
            if hyphened is not None and all(_word(part) for part in _PARTS.split(hyphened)):
                continue  # "Kafka-Consumer-Ring 3", "Consistent-Hash-Ring 4": a thing's name
            yield match.start(), match.end(), "ADDRESS"
