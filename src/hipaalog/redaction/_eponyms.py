"""Medical eponyms: a disease, sign, test or procedure named after whoever described it is no one's name in a record.

``history of Parkinson's disease``, ``Dx: Barrett esophagus``, ``Murphy's sign negative``, ``Tanner stage 3``,
``Cheyne-Stokes respiration``, ``tetralogy of Fallot``: the capitalised word is a surname, but of a physician long
dead, and the phrase names a condition. This detector reports such a phrase as :data:`KEEP`, so a name reader
that took the surname for a patient's (after ``history of``, ``Dx:``, ``cohort of``) leaves it.

A phrase is kept only when it cannot be a person's:

* the word before it is no given name, title or person word (``Jane Wilson's disease clinic``,
  ``Mr. Okafor's syndrome``, ``patient Roe's sign`` stay a person's, and are masked as before);
* the surname is no given name alone (``Jane's syndrome`` is someone's);
* a head word any possession could precede (``test``, ``score``, ``stage``, ``procedure``...) counts only without
  a possessive (``Allen test``, ``Gleason score``; not ``Okafor's test results``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import TITLES
from ._detector import BaseDetector, Span
from ._keys import PERSON_WORDS
from ._kinds import KEEP
from ._name_table import SURNAME_RANK
from ._vocab import FIRST_NAMES

__all__ = ["EponymDetector"]

_CONDITION_HEADS: Final = frozenset(
    (
        *("disease", "diseases", "syndrome", "syndromes", "sign", "signs", "palsy", "phenomenon", "lymphoma"),
        *("sarcoma", "carcinoma", "tumor", "tumour", "dementia", "triad", "fracture", "lesion", "diverticulum"),
        *("malformation", "encephalopathy", "aphasia", "arteritis", "thyroiditis", "esophagus", "oesophagus"),
        *("contracture", "deformity", "respiration", "breathing", "anomaly", "reflex", "granulomatosis", "ataxia"),
        *("chorea", "dystrophy", "neuroma", "neuralgia", "ulcer", "angina", "aneurysm", "hernia", "cyst", "nodes"),
        *("node", "nodules", "tear", "fundoplication", "disorder", "anemia", "anaemia", "encephalitis", "myopathy"),
    )
)
"""Head words only a condition, sign or finding takes: kept after a surname, possessive or not."""
_PROCEDURE_HEADS: Final = frozenset(
    (
        *("test", "score", "scale", "criteria", "classification", "stage", "staging", "procedure", "operation"),
        *("maneuver", "manoeuvre", "catheter", "incision", "repair", "shunt", "technique", "index", "rule"),
    )
)
"""Head words a person's own thing can take too (``Okafor's test``): kept only without a possessive."""
_EPONYM: Final = re.compile(
    r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?(?P<own>['’]s|s['’]|['’])?[ ]"
    rf"(?P<head>{'|'.join(sorted(_CONDITION_HEADS | _PROCEDURE_HEADS, key=len, reverse=True))})(?![\w-])"
)
"""A capitalised surname (or two joined, ``Cheyne-Stokes``), an optional possessive, then a lower-case head word."""
_ANY_HEAD: Final = re.compile(
    rf"[ ](?:{'|'.join(sorted(_CONDITION_HEADS | _PROCEDURE_HEADS, key=len, reverse=True))})(?![\w-])"
)
"""A head word after a space: most texts hold none, and one search settles it."""
_OF_EPONYM: Final = re.compile(r"[a-z]{5,10} of [A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?(?![\w-])")
"""``tetralogy of Fallot``, ``pentalogy of Cantrell``, ``islets of Langerhans``, ``triad of Virchow``."""
_OF_HEADS: Final = frozenset(("tetralogy", "pentalogy", "triad", "islets", "circle", "ampulla", "sphincter", "loop"))
_WORD_BEFORE: Final = re.compile(r"([\w.]+)[ ]*$")


_GIVEN_AS_SURNAME: Final = 2500
"""A given name counts as an eponym's surname only when it is at least this frequent a surname (``Allen``, ``Tanner``,
``Addison``; not ``Jane`` or ``Mary``)."""


def _surname_only(word: str) -> bool:
    """Whether no part of ``word`` is a given name first (``Jane``; ``Allen`` is a frequent surname too)."""
    for part in word.split("-"):
        if part in FIRST_NAMES and SURNAME_RANK.get(part.lower(), _GIVEN_AS_SURNAME) >= _GIVEN_AS_SURNAME:
            return False
    return True


def _person_before(text: str, start: int) -> bool:
    """Whether the word before ``start`` makes the phrase a person's: a given name, a title or a person word."""
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return False
    word = before[1].rstrip(".")
    return word in FIRST_NAMES or word in TITLES or word.lower() in PERSON_WORDS


class EponymDetector(BaseDetector):
    """Diseases, signs, tests and procedures named after a person (``Crohn's disease``, ``Allen test``), kept."""

    gate = None  # with every detector the gate selects: a name any of them finds may be an eponym's
    name = "eponym"
    kinds = (KEEP,)

    def find(self, text: str) -> Iterator[Span]:
        for found in _EPONYM.finditer(text) if _ANY_HEAD.search(text) is not None else ():
            head = found["head"]
            if head in _CONDITION_HEADS or (head in _PROCEDURE_HEADS and found["own"] is None):
                start = found.start()
                surname = text[start : found.start("own") if found["own"] else found.end() - len(head) - 1]
                if _surname_only(surname) and not _person_before(text, start):
                    yield start, found.end(), KEEP
        if " of " in text:
            for found in _OF_EPONYM.finditer(text):
                if found[0].split(" ", 1)[0] in _OF_HEADS:
                    yield found.start(), found.end(), KEEP
