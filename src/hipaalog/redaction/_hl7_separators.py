"""HL7 v2 messages that declare their own separators in MSH-1 and MSH-2, read through a view in the usual ones.

``MSH#$~\\&#EPIC#...`` writes fields apart with ``#`` and components with ``$``. The view swaps each declared
separator for the standard one (``|``, ``^``, ``~``, ``&``), character for character, so every offset found in
it is the same in the text. It is taken only when ``MSH`` (in either case) is followed by four or five distinct
punctuation characters, the field separator among them not ``|``.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["custom_separators", "standard_view"]

_HEADER: Final = re.compile(r"(?<![A-Za-z0-9])(?:MSH|msh)([^\w\s|])([^\w\s])([^\w\s])([^\w\s])([^\w\s])?(?=\1)")
"""MSH, the field separator (MSH-1), then MSH-2: component, repetition, escape and subcomponent separators; the
field separator again after them (a subcomponent separator may be left out)."""
_STANDARD: Final = "|^~\\&"
_NEUTRAL: Final = 0x1A
"""What a standard separator written as text becomes in the view when the message does not declare it."""


def custom_separators(text: str) -> dict[int, int] | None:
    """The translation from a message's declared separators to the standard ones (the escape character left as
    it is), or ``None`` when the text has no MSH segment declaring separators other than ``|``."""
    if "MSH" not in text and "msh" not in text:
        return None
    found = _HEADER.search(text)
    if found is None:
        return None
    declared = [part for part in found.groups() if part is not None]
    if len(set(declared)) != len(declared):
        return None  # MSH#$$\\&#: not a list of separators (each is written once)
    table: dict[int, int] = {}
    for index, mark in enumerate(declared):
        if index != 2:
            table[ord(mark)] = ord(_STANDARD[index])
    for standard in "|^~&":
        if standard not in declared:
            table[ord(standard)] = _NEUTRAL  # a '|' in a message that separates with '#' is a value's
    return table


def standard_view(text: str, table: dict[int, int]) -> str:
    """The text with the declared separators written as the standard ones: the same length, the same offsets."""
    return text.translate(table)
