"""One name word alone after ``for``, ``with``, ``to``, in a text that is about a person.

``SMS join link sent to [REDACTED:PHONE] for Volkhard``, ``spoke with Ibidapo about side effects, callback
...``: a given name or a surname alone says little by itself, and ``for Waystar`` names a vendor. A text
that holds a person's identifier (a phone number, an e-mail, a date of birth, an MRN, found in it or
masked before it was formatted) is about a person, and there one capitalised word after ``for``,
``with``, ``to`` or ``from`` that no dictionary, software list or place knows (``Volkhard``,
``Żelasko``), or a listed given name that is no common word, is that person's name. Kept: English
words and software (``for Medicare``, ``with Redis``), a word that opens a longer capitalised run
(``for Blue Cross``), a word glued to an identifier.
"""

from __future__ import annotations

import re
from typing import Final

from ._detector import Span
from ._name_table import GIVEN
from ._names import COMMON_GIVEN, PRODUCT_GIVEN, foreign_word

__all__ = ["with_lone_names"]

_PERSON_KINDS: Final = frozenset({"PHONE", "EMAIL", "DOB", "MRN", "SSN", "MEMBER_ID", "PATIENT", "NAME", "MBI"})
_PERSON_MARK: Final = re.compile(r"\[REDACTED:(?:PHONE|EMAIL|DOB|MRN|SSN|MEMBER_ID|PATIENT|NAME|MBI)\]")
_LONE: Final = re.compile(
    r"(?:[Ff]or|[Ww]ith|to|from|recipient|dependent)[ ]"
    r"([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)(?![\w'’@/.-]|\.\w|[ ][A-Z(])"
)
"""A word after ``for``... (the word before it is checked apart: a leading look-behind would run at every character)."""


def _name_word(word: str) -> bool:
    """A word alone that is a name's: listed as a given name and no common word, or no word anyone lists."""
    bare = word.lower()
    if not word[1:].islower() and "-" not in word:
        return False
    if bare in PRODUCT_GIVEN:
        return False  # "for Aurora": a product's name as often as a person's
    return (bare in GIVEN and bare not in COMMON_GIVEN) or foreign_word(word)


def with_lone_names(found: list[Span], text: str) -> list[Span]:
    """``found`` and the lone name words after ``for``/``with``/``to``/``from`` of a text about a person."""
    if " " not in text:
        return found
    about = False
    for _, _, kind in found:
        if kind in _PERSON_KINDS:
            about = True
            break
    if not about and ("[REDACTED:" not in text or _PERSON_MARK.search(text) is None):
        return found
    added: list[Span] = []
    for match in _LONE.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            continue  # "Therefor", "auto-from": the end of a longer word
        if _name_word(match[1]):
            added.append((match.start(1), match.end(1), "NAME"))
    return found + added if added else found
