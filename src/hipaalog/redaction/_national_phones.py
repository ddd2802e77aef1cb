"""Phone numbers in a European country's national form, with no phone word before them.

Some national forms are shapes no other number takes: France's five pairs with the trunk ``0`` (``06 42 62 94 18``,
``06.42.62.94.18``) and a British mobile (``07700 900123``). These are numbers anywhere. Others are written like
counts, codes and ids in groups (``0171 2345678`` and ``030 1234567`` in Germany, ``612 34 56 78`` in Spain,
``347 123 4567`` in Italy): they are numbers only a few words after a person (a title, ``Frau Meier``, ``Sra.
García``, or a patient word, ``paciente``). An id word before any of them (``order``, ``ticket``, ``board serial``)
keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._checks import NATIONAL_PHONE_SCREEN, PHONE_LOCAL, PHONE_NATIONAL
from ._cues import CUED_IDS, TITLES, words_after, words_before
from ._detector import BaseDetector, Span
from ._gate import CUED, NAME, PHONE
from ._lexicon import ENGLISH
from ._name_table import GIVEN

__all__ = ["NationalPhoneDetector"]

_PERSON_WORDS: Final = frozenset(
    {title.lower() for title in TITLES}
    | {"patient", "patients", "patienten", "patientin", "paciente", "patiente", "paziente", "pt", "pacjent"}
    | {"client", "cliente", "kunde", "kundin", "name", "nom", "nombre", "nome", "angehoriger", "angehorige", "sig.ra"}
)
"""Words a few words before a number that make it a person's (titles lower-cased: :func:`words_before` lowers)."""
_NOT_PHONE: Final = frozenset(
    {"id", "#", "no", "nr", "order", "invoice", "ref", "ticket", "case", "build", "version", "seq", "port", "sku"}
    | {"bestellung", "auftrag", "rechnung", "pedido", "factura", "commande", "facture", "ordine", "fattura", "lot"}
)
"""Words right before a number that make it a thing's id, not a phone number."""
_NOT_PHONE_AFTER: Final = frozenset({"ms", "s", "sec", "bytes", "kb", "mb", "gb", "rows", "items", "eur", "usd", "%"})
"""Words right after a number that make it a measure or an amount."""


def _kept(text: str, start: int, end: int) -> bool:
    """Whether an id word is right before the number, or a unit right after it."""
    before = words_before(text, start, 3)
    if before and (before[-1] in _NOT_PHONE or CUED_IDS.match(before) not in (None, "PATIENT")):
        return True  # "order 0171 2345678", "mother board serial 06 12 34 56 78": a thing's number
    after = words_after(text, end, 1)
    return bool(after) and after[0] in _NOT_PHONE_AFTER


_CAPITALISED: Final = re.compile(r"\b[A-ZÀ-Þ][a-zß-ÿ]{2,}\b")


def _person_before(text: str, start: int) -> bool:
    """Whether a person stands a few words before a number of a phone's own shape, so an id word between them
    (``Cloe Scott ticket 07700 900123``, ``Mme Roy order 06 42 62 94 18``) does not make it a thing's."""
    if not _PERSON_WORDS.isdisjoint(words_before(text, start, 6)):
        return True
    for word in _CAPITALISED.findall(text, max(0, start - 48), start):
        lower = word.lower()
        if lower in GIVEN and lower not in ENGLISH:
            return True
    return False


class NationalPhoneDetector(BaseDetector):
    """Phone numbers in European national forms: alone when the shape is one (``06 42 62 94 18``, ``07700
    900123``), else after a person a few words before (``Sra. García 612 34 56 78``, ``Frau Meier 0171 2345678``)."""

    gate = PHONE | NAME | CUED
    name = "national_phone"
    kinds = ("PHONE",)

    def find(self, text: str) -> Iterator[Span]:
        for match in NATIONAL_PHONE_SCREEN.finditer(text):
            if not _kept(text, match.start(), match.end()) or _person_before(text, match.start()):
                yield match.start(), match.end(), "PHONE"
        if " " not in text:
            return
        for pattern in (PHONE_NATIONAL, PHONE_LOCAL):
            for match in pattern.finditer(text):
                if " " not in match[0] and "/" not in match[0] and "." not in match[0] and "-" not in match[0]:
                    continue  # one run of digits: a count or an id as often as a number
                if _PERSON_WORDS.isdisjoint(words_before(text, match.start(), 6)):
                    continue
                if not _kept(text, match.start(), match.end()):
                    yield match.start(), match.end(), "PHONE"
