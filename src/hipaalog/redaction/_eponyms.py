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

A surname that names a condition far more often than a patient (:data:`_KNOWN_EPONYMS`) is kept after a person
word too (``pt Parkinson's disease``), and as a bare possessive before punctuation (``known Crohn's, on ...``).
Eponyms written head first in other languages (``enfermedad de Addison``, ``Morbus Bechterew``) are read by
:mod:`._foreign_eponyms`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import TITLES
from ._detector import BaseDetector, Span
from ._foreign_eponyms import foreign_eponyms
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
_HEADS: Final = "|".join(sorted(_CONDITION_HEADS | _PROCEDURE_HEADS, key=len, reverse=True))
"""Every head word as one alternation, longest first."""
_EPONYM: Final = re.compile(
    rf"[A-Z][a-z]{{2,}}(?:-[A-Z][a-z]{{2,}})?(?P<own>['’]s|s['’]|['’])?[ ](?P<head>{_HEADS})(?![\w-])"
)
"""A capitalised surname (or two joined, ``Cheyne-Stokes``), an optional possessive, then a lower-case head word."""
_ANY_HEAD: Final = re.compile(rf"[ ](?:{_HEADS})(?![\w-])")
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


_KNOWN_EPONYMS: Final = frozenset(
    (
        *("parkinson", "alzheimer", "crohn", "hodgkin", "hashimoto", "addison", "cushing", "huntington", "tourette"),
        *("asperger", "sjogren", "raynaud", "meniere", "dupuytren", "paget", "kawasaki", "hirschsprung", "peyronie"),
        *("marfan", "kaposi", "wilms", "ewing", "burkitt", "guillain", "wernicke", "korsakoff", "behcet", "takayasu"),
        *("kussmaul", "cheyne", "trousseau", "chvostek", "babinski", "romberg", "apgar", "gleason", "breslow"),
        *("mallampati", "heimlich", "lachman", "brugada", "zollinger", "boerhaave", "bankart", "schatzki", "zenker"),
        *("meckel", "ledderhose", "buerger", "fabry", "gaucher", "niemann", "krabbe", "menkes", "klinefelter"),
        *("alport", "bartter", "sheehan", "wolff", "ehlers", "danlos", "osgood", "schlatter", "legg", "perthes"),
        *("barre", "tay", "sachs", "kernig", "brudzinski", "virchow", "homans", "charcot", "reiter", "graves"),
        *("barrett", "basedow", "bechterew", "bekhterev", "horton", "chagas", "quincke", "strumpell", "pott"),
    )
)
"""Surnames that name a condition in clinical text far more often than a patient (lower case, ASCII): kept also
after a person word (``pt Parkinson's disease``) and as a bare possessive (``known Crohn's, on infliximab``)."""
_POSSESSIVE: Final = re.compile(
    r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?(?:['’]s|s['’])"
    r"(?=[,;:.)\]]|$|[ ](?:crisis|flare|flares|exacerbation|patients|type|workup|related|risk|screening)(?![\w-]))"
)
"""A capitalised word with a possessive and then punctuation, the end, or a word that only follows a condition
(``known Crohn's, on infliximab``, ``Addison's crisis``; not ``Parkinson's chart``)."""


def _word_before(text: str, start: int) -> str:
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return "" if before is None else before[1].rstrip(".")


def _named_before(word: str) -> bool:
    """Whether ``word`` before an eponym makes it a person's whatever the surname: a given name or a title."""
    return word in FIRST_NAMES or word in TITLES


def _known(surname: str) -> bool:
    """Whether each part of ``surname`` (``Guillain-Barre``) is a listed eponym."""
    return all(part.lower() in _KNOWN_EPONYMS for part in surname.split("-"))


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
                before = _word_before(text, start)
                if _named_before(before) or not _surname_only(surname):
                    continue
                if before.lower() not in PERSON_WORDS or _known(surname):
                    yield start, found.end(), KEEP
        if "'" in text or "’" in text:
            for found in _POSSESSIVE.finditer(text):
                surname = found[0][:-2] if found[0][-1] == "s" else found[0][:-1]  # Crohn's, Graves'
                if _known(surname) and not _named_before(_word_before(text, found.start())):
                    yield found.start(), found.end(), KEEP
        for start, end in foreign_eponyms(text, _known):  # "enfermedad de Addison", "Morbus Bechterew"
            yield start, end, KEEP
        if " of " in text:
            for found in _OF_EPONYM.finditer(text):
                if found[0].split(" ", 1)[0] in _OF_HEADS:
                    yield found.start(), found.end(), KEEP
