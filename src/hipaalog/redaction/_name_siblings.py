"""A mapping whose keys name a person's name parts and identifiers is about that person.

``{"given": "Solveig", "family": "Jonsson", "dob": ...}``, ``{"firstName": ..., "family": "Stone"}``: the FHIR
words ``given`` and ``family`` count only about a person (``{"family": "Roboto"}`` is a font, ``{"family":
"t3"}`` an instance type), and a sibling that names a person's name or identifier (a name part, a birth date,
an SSN, an MRN, a phone number, an e-mail address) says the mapping is about one. Its generic keys are then
read as a person's (``given``, ``family``, ``middle``, ``id``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ._keys import KeyCatalogue

__all__ = ["person_by_siblings"]

_PART_KEYS: Final = ("given", "family", "Given", "Family")
_PERSON_KINDS: Final = frozenset({"NAME", "DOB", "SSN", "MRN", "PATIENT", "MEMBER_ID", "MBI", "PHONE", "EMAIL"})


def person_by_siblings(value: Mapping[object, object], keys: KeyCatalogue) -> str | None:
    """``"ID"`` when ``value`` holds ``given`` or ``family`` beside a key of a person's name or identifier,
    else ``None`` (only mappings holding one of those two keys are read further)."""
    part = next((key for key in _PART_KEYS if key in value), None)
    if part is None:
        return None
    for key in value:
        if type(key) is str and key != part and keys.info(key).kind in _PERSON_KINDS:
            return "ID"
    return None
