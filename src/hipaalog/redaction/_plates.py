"""Licence plates after their cue word, written in pieces: ``plate AB12 CDE``, ``Kennzeichen B-MW 1234``.

:class:`._context.CuedIdDetector` reads one token holding three digits in a row; a plate is often
written as two to four short groups of capitals and digits (British, German, French, Indian, Greek
plates), with spaces, dashes or a middle dot between them, and may hold fewer digits (``ELX O16``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import INVENTORY_WORDS
from ._detector import BaseDetector, Span
from ._gate import CUED

__all__ = ["GLUED_TAG_WORDS", "PLATE_CUE_WORDS", "PlateDetector"]

PLATE_CUE_WORDS: Final = frozenset(
    {"plates", "tag", "tags", "veh", "placa", "placas", "plaque", "plaques", "reg", "registration", "nummernschild"}
    | {"car", "vehicle", "dmv", "tagno", "tagnumber", "tagnum", "tagnbr", "tagnr", "truck", "van", "suv", "motorcycle"}
)
"""Words of a plate's cue the cued-id table does not hold (the gate selects this detector for them)."""
GLUED_TAG_WORDS: Final = frozenset(
    f"{tag}{number}" for tag in ("tag", "Tag", "TAG") for number in ("No", "Nr", "Num", "Number", "Nbr", "NO", "NUMBER")
)
"""A tag's key written in camel case (``tagNo``, ``TagNumber``): the gate keeps their case (``tagno`` is cased)."""
_OWNERS: Final = (
    r"of[ ](?:the[ ])?patient|del[ ]paciente|de[ ]la[ ]paciente|du[ ]patient|de[ ]la[ ]patiente|des[ ]patienten"
    r"|der[ ]patientin|do[ ]paciente|da[ ]paciente|do[ ]carro|del[ ]coche|del[ ]auto|du[ ]v[ée]hicule"
)
"""Whose the plate is, between its cue and its value (``placa del paciente:``, ``plate of the patient``)."""
_PLATE: Final = re.compile(
    r"(?=[LlNnRrPpKkIiMmTtVvCc])(?<![A-Za-z])"
    r"(?i:tag[_-]?(?:no|nr|num|number|nbr)(?=[^A-Za-z]|$)|"
    r"(?:(?:license|licence|number|registration|reg|vehicle|veh|car|parking)[ _-]?)?(?:plate|tag)s?|"
    r"(?:car|veh|vehicle)[ _-]?reg(?:istration)?|vehicle|veh|reg(?:istration)?(?=[ ]?(?i:no|nr|number|#))|"
    r"(?:(?<=[Pp]atient's[ ])|(?<=[Pp]t's[ ])|(?<=[Hh]is[ ])|(?<=[Hh]er[ ]))car|"
    r"kennzeichen|nummernschild|immatriculation|plaques?|placas?|matr[ií]cula|targa|kenteken|rego)(?![A-Za-z])"
    rf"(?:[ ](?i:{_OWNERS}))?(?:[ ]?(?i:no\.?|nr\.?|number|num|#))?"
    r"(?:[ ](?:scanned|entered|recorded|updated|changed|set)(?=[ :=]))?"
    r"(?:[ ]to(?=[ ]))?[ ]*[:=#]?[ ]*[\"'(\[]?"
    r"([A-HJ-NPR-Z0-9]{17}|[A-Z0-9]{1,8}(?:(?:[ ]|[ ]?[-•·][ ]?)[A-Z0-9]{1,8}){0,3})(?![A-Za-z0-9])"
)
"""A plate cue (``tagNo`` and ``tag_number`` only with a vehicle word near: :data:`_VEHICLE_NEAR`), what was
done to it (``plate scanned:``, ``car reg updated to``), then up to four groups of capitals
and digits, or one VIN (the value is group 1)."""
_VEHICLE_NEAR: Final = re.compile(
    r"(?<![A-Za-z])(?i:vehicles?|veh|plates?|cars?|autos?|dmv|vin|motor|trucks?|vans?|parking|driver)(?![A-Za-z])"
)
"""Words that make a glued ``tagNo`` a car's tag, not a pallet's or an image's."""
_GLUED_TAG: Final = re.compile(r"(?i:tag)[_-]?(?i:no|nr|num|number|nbr)(?![A-Za-z])")
_NEXT_PLATE: Final = re.compile(
    r"[\"')\]]?(?:[ ]*[,;/&][ ]*|[ ]+(?:and|or)[ ]+)[\"'(\[]?"
    r"([A-Z0-9]{1,8}(?:(?:[ ]|[ ]?[-•·][ ]?)[A-Z0-9]{1,8}){0,3})(?![A-Za-z0-9])"
)
"""The next plate of a list after one cue (``plates: AB12 CDE, XY34 ZZZ``)."""
_CUE_AFTER: Final = re.compile(
    r"(?<![\w-])([A-Z0-9]{1,8}(?:(?:[ ]|[ ]?[-•·][ ]?)[A-Z0-9]{1,8}){0,2})[ ]?\((?i:(?:license[ ])?plate|tag|reg)\)"
)
"""A plate named after it (``GMT 7752 (plate)``)."""


_PERSONS_VEHICLE: Final = re.compile(
    r"(?=[CcTtVvSsMmRr])(?<![A-Za-z])(?i:car|truck|van|suv|motorcycle|reg)[ ]*[:=#]?[ ]*"
    r"([A-ZÄÖÜ0-9]{1,8}(?:(?:[ ]|[ ]?[-•·][ ]?)[A-ZÄÖÜ0-9]{1,8}){0,3})(?![\w-])"
)
"""A vehicle word and a plate right after it (``car SE-F-64``, ``truck 7302 PWB``, ``reg TT00 OEE``): a plate only
in a text about a person (:data:`_PERSON_BEFORE`), as ``car`` and ``reg`` are other things' words too."""
_PERSON_BEFORE: Final = re.compile(
    r"(?<![A-Za-z])(?i:patient|pt|visitor|member|caller|client|resident|driver|her|his|their|my|family)(?![A-Za-z])"
    r"|\[REDACTED:(?:NAME|PATIENT|MRN)\]"
)
"""A person up to 50 characters before a vehicle word: whose the car is."""


class PlateDetector(BaseDetector):
    """Licence plates after ``plate``, ``license plate``, ``tag``, ``veh``, ``car reg``, ``reg no``, ``Kennzeichen``,
    ``immatriculation``, ``plaque``, ``placa``, ``matrícula``, ``targa``, ``kenteken`` or ``rego``: four to ten
    letters and digits, one of each at least, in up to four groups (``plate WX68 ZYT``, ``Kennzeichen M-AB 123``,
    ``immatriculation AA-123-BB``, ``plate KA 01 AB 1234``); not ``plate count 96`` nor ``plate 384`` (digits
    alone are the cued-id detector's to judge)."""

    gate = CUED
    name = "plate"
    kinds = ("VEHICLE",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _PLATE.finditer(text):
            if INVENTORY_WORDS.intersection(text[max(0, match.start() - 24) : match.start()].lower().split()[-1:]):
                continue  # "asset tag IT-264162", "git tag V2024": the service's, no car's
            near = _VEHICLE_NEAR.search(text, max(0, match.start() - 80), match.end() + 80)
            if near is None and _GLUED_TAG.match(match[0]):
                continue  # "tagNo 4411 for pallet": a tag of no car
            value: re.Match[str] | None = match
            while value is not None and _plate_like(value[1]):
                yield value.start(1), value.end(1), "VEHICLE"
                value = _NEXT_PLATE.match(text, value.end())
        for owned in _PERSONS_VEHICLE.finditer(text):
            if _plate_like(owned[1]) and _PERSON_BEFORE.search(text, max(0, owned.start() - 50), owned.start()):
                yield owned.start(1), owned.end(1), "VEHICLE"  # "patient car SE-F-64 in lot B"
        if "(" in text:
            for named in _CUE_AFTER.finditer(text):
                if _plate_like(named[1]):
                    yield named.start(1), named.end(1), "VEHICLE"


def _plate_like(value: str) -> bool:
    """Four to ten letters and digits, one of each at least; or a vehicle's 17-character identification number
    written where its plate would be (``car reg 1M8GDM9AXKP042788``)."""
    size = sum(ch.isalnum() for ch in value)
    fits = 4 <= size <= 10 or (size == 17 and value.isalnum())
    return fits and not value.isdigit() and any(ch.isdigit() for ch in value)
