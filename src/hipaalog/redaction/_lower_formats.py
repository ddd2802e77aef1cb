"""HL7 v2 and X12 written in lower case (a log line lower-cased whole): read through an upper-case view.

The view upper-cases ASCII letters only, so every offset found in it is the same in the text. It is taken only
when a segment id appears in lower case (``pid|``, ``nm1*``), so ordinary messages cost a few substring tests.
"""

from __future__ import annotations

import string
from typing import Final

from ._cues import X12_MARKS, X12_OTHER_MARKS
from ._hl7_fields import HL7_MARKS

__all__ = ["lower_hl7", "lower_x12", "upper_view"]

_UPPER: Final = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_HL7_LOWER: Final = tuple(mark.lower() for mark in HL7_MARKS)
_X12_LOWER: Final = (*(mark.lower() for mark in (*X12_MARKS, *X12_OTHER_MARKS)), "isa*", "isa|", "isa^")


def upper_view(text: str) -> str:
    """The text with ASCII letters upper-cased: the same length, the same offsets."""
    return text.translate(_UPPER)


def _has(text: str, marks: tuple[str, ...]) -> bool:
    return any(mark in text for mark in marks)


def lower_hl7(text: str) -> bool:
    """Whether an HL7 segment is written in lower case (``pid|1||...``)."""
    return "|" in text and _has(text, _HL7_LOWER)


def lower_x12(text: str) -> bool:
    """Whether an X12 segment is written in lower case (``nm1*il*1*...``)."""
    return ("*" in text or "|" in text or "^" in text) and _has(text, _X12_LOWER)
