"""A drug's brand name that is also a given name (``Allegra``, ``Lyrica``, ``Bonita``) beside a drug word is kept.

``formulary tier for Allegra: 3``, ``dose of Lyrica increased``, ``Rx Chantix 1mg``, ``Lyrica 75 mg capsule``: one
capitalised word right after a drug word (formulary, tier, dose, Rx, refill, an NDC) or right before a strength or a
dosage form names a product. A person stays a person: a second capitalised word (``patient Allegra Smith``), a person
word, given name or title before it, or ``for`` after an order word (``refill for Maria``) leaves it to the name
readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import TITLES
from ._detector import BaseDetector, Span
from ._gate import KV, NAME, PERSON
from ._keys import PERSON_WORDS
from ._kinds import KEEP
from ._vocab import FIRST_NAMES

__all__ = ["DrugWordDetector"]

_WORD: Final = r"[A-Z][a-z]{2,}(?:-[A-Z]{1,3}(?![\w-]))?"
"""A brand name, with a release suffix (``Allegra-D``)."""
_BEFORE: Final = re.compile(
    r"(?i:\b(?:formulary(?:[ ]tier)?|tier(?:[ ][0-9])?)(?:[ ]for)?|\b(?:doses?|dosage|mg|mcg|tablets?|capsules?)"
    r"(?:[ ]of)?|\b(?:rx|prescribed|refill(?:ed|s)?|ndc(?:[ :#]*[0-9][0-9-]*)?)|\bmg[ ]of)"
    rf"[ ]?[:=]?[ ](?P<word>{_WORD})(?![\w'’@/.-]|[ ][A-Z]|\.\w)"
)
"""A drug word, then the product (``tier for Allegra``, ``dose of Lyrica``, ``Rx Chantix``)."""
_AFTER: Final = re.compile(
    rf"\b(?P<word>{_WORD})(?<![A-Za-z][ ][A-Z][a-z]{{2}})[ ](?:[0-9]+(?:\.[0-9]+)?[ ]?(?i:mg|mcg|ml|g|iu|units?)\b"
    r"|(?i:tablets?|tabs?|capsules?|caps|oral|er|xr|xl|sr|cr|odt)\b)"
)
"""The product, then a strength or a dosage form (``Lyrica 75 mg``, ``Allegra tablet``)."""
_WORD_BEFORE: Final = re.compile(r"([\w.]+)[ ]*$")


def _person_before(text: str, start: int) -> bool:
    """Whether the word before ``start`` makes what follows a person's: a given name, a title or a person word."""
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return False
    word = before[1].rstrip(".")
    return word in FIRST_NAMES or word in TITLES or word.lower() in PERSON_WORDS


class DrugWordDetector(BaseDetector):
    """A single capitalised word a drug word stands beside (``dose of Lyrica``, ``Allegra 180 mg``), kept."""

    gate = NAME | PERSON | KV  # where a name reader or a key may have taken the product for a person
    name = "drug_word"
    kinds = (KEEP,)

    def find(self, text: str) -> Iterator[Span]:
        for found in _BEFORE.finditer(text) if " " in text else ():
            yield found.start("word"), found.end("word"), KEEP
        for found in _AFTER.finditer(text) if " " in text else ():
            start = found.start("word")
            if not _person_before(text, start):
                yield start, found.end("word"), KEEP
