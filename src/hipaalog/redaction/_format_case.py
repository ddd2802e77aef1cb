"""Formats written in the other case (a log line lower- or upper-cased whole), read through a view in theirs.

HL7 v2 and X12 lower-cased (``pid|1||...``, ``nm1*il*1*...``) are read upper-cased; FHIR JSON upper-cased
(``"GIVEN": ["JANE"]``) is read lower-cased. A view changes ASCII letters only, so every offset found in it is the
same in the text; it is taken only when a format's mark appears in the other case, a few substring tests.
"""

from __future__ import annotations

import string
from typing import Final

from ._cues import X12_MARKS, X12_OTHER_MARKS
from ._hl7_fields import HL7_MARKS

__all__ = ["lower_hl7", "lower_view", "lower_x12", "upper_fhir", "upper_view"]

_UPPER: Final = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_LOWER: Final = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_FHIR_UPPER: Final = ('"GIVEN"', '"FAMILY"', '"BIRTHDATE"', '"RESOURCETYPE"')
_HL7_LOWER: Final = tuple(mark.lower() for mark in HL7_MARKS)
_X12_LOWER: Final = (*(mark.lower() for mark in (*X12_MARKS, *X12_OTHER_MARKS)), "isa*", "isa|", "isa^")


def upper_view(text: str) -> str:
    """The text with ASCII letters upper-cased: the same length, the same offsets."""
    return text.translate(_UPPER)


def lower_view(text: str) -> str:
    """The text with ASCII letters lower-cased: the same length, the same offsets."""
    return text.translate(_LOWER)


def _has(text: str, marks: tuple[str, ...]) -> bool:
    return any(mark in text for mark in marks)


def lower_hl7(text: str) -> bool:
    """Whether an HL7 segment is written in lower case (``pid|1||...``)."""
    return "|" in text and _has(text, _HL7_LOWER)


def lower_x12(text: str) -> bool:
    """Whether an X12 segment is written in lower case (``nm1*il*1*...``)."""
    return ("*" in text or "|" in text or "^" in text) and _has(text, _X12_LOWER)


def upper_fhir(text: str) -> bool:
    """Whether FHIR JSON keys are written in upper case (``"FAMILY": "ROE"``)."""
    return '"' in text and _has(text, _FHIR_UPPER)
