"""A person's page in a URL: a name slug with a number after a folder of rooms, visits or bookings
(``/room/anamaria-price-4461``, ``/waiting/maria-gomez-918``, ``/booking/joe-ortiz-22``).

Telehealth rooms, waiting rooms, booking pages and profiles are made per person: the service joins the person's
names and adds a counter to keep the page unique. After such a folder (or ``@``), a segment of two or three words
and a number, the words a given name and a surname side by side, either way round, no place's name, and not
both of them English words (``rose-garden-2`` is a room's name) unless a given name before a frequent surname
(``john-bush-8829``), has its words masked; with no number, only after a folder of a person's own pages, every
word a name's and one no English word (``/room/maria-lopez``). Titles, rooms and
products (``weekly-standup-42``, ``setup-guide-2``, ``room-deluxe-2``) hold a word no name table lists and stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import PATH
from ._lexicon import ENGLISH, PLACES
from ._name_table import GIVEN, SURNAME_RANK

__all__ = ["PageSlugDetector"]

_FOLDER: Final = (
    r"/(?:(?P<folder>rooms?|r|waiting|waitingroom|wait|visits?|sessions?|book|booking|bookings|schedule|meet|my"
    r"|telehealth|telemedicine|video|call|calls|consults?|join|appointments?|appt|u|users?|profiles?|providers?|dr"
    r"|doctors?|patients?|members?|people|persons?|c|s|p)/|@)"
)
_PAGE: Final = re.compile(
    rf"{_FOLDER}(?P<slug>[A-Za-z][a-z'’]+(?:[-_.][A-Za-z][a-z'’]+){{1,2}})(?P<number>[-_.][0-9]{{1,8}})?"
    r"(?=[/?#;\s\"',)]|$)"
)
"""A slug of two or three words, and a number or none, after a folder of people's pages, or after ``@``."""
_WORD: Final = re.compile(r"[A-Za-z]+")
_OWN_FOLDERS: Final = frozenset(
    (
        *("room", "rooms", "waiting", "waitingroom", "wait", "visit", "visits", "booking", "bookings"),
        *("telehealth", "telemedicine", "consult", "consults", "appointment", "appointments", "appt", "patient"),
        *("patients", "member", "members", "people", "person", "persons", "u", "user", "users", "profile", "profiles"),
    )
)
"""Folders whose pages are a person's own, where a name slug needs no number (not a product's ``/p/``, a
category's ``/c/`` or a search's ``/s/``)."""


_FREQUENT: Final = 1000
"""A surname that is also a word names someone beside a given name only when this frequent (``john-bush``)."""


def _pair(first: str, second: str) -> bool:
    """Whether two words side by side are a given name and a surname, either way round; when both are words of the
    language (``rose-garden``, ``jack-hammer``), only a given name before a frequent surname (``john-bush``)."""
    if first in PLACES or second in PLACES:
        return False  # new-york, san-diego: a place's page
    if first in ENGLISH and second in ENGLISH:
        return first in GIVEN and SURNAME_RANK.get(second, _FREQUENT) < _FREQUENT
    return (first in GIVEN and second in SURNAME_RANK) or (first in SURNAME_RANK and second in GIVEN)


def _person_slug(slug: str, *, numbered: bool) -> bool:
    """Whether the slug's words hold a given name and a surname side by side (each a word of its own: a word that
    only splits into names, ``darkorange``, is none); with no number after them, every word a name's (a word of
    the language only as a given name) and one of the two no word of the language (``/room/anamaria-price``; not
    ``/room/john-bush``, ``/room/help-lauren``)."""
    words = _WORD.findall(slug.lower())
    if not numbered:
        for word in words:
            if word not in GIVEN and (word not in SURNAME_RANK or word in ENGLISH):
                return False  # "help-lauren-class", "deluxe-diego": a page's title with a name in it
    for first, second in pairwise(words):
        if _pair(first, second) and (numbered or first not in ENGLISH or second not in ENGLISH):
            return True
    return False


class PageSlugDetector(BaseDetector):
    """A name slug with a number on a person's page (``/room/anamaria-price-4461``, ``/visit/joe-ortiz-22``)."""

    gate = PATH
    name = "page_slug"
    kinds = ("NAME",)

    def find(self, text: str) -> Iterator[Span]:
        for page in _PAGE.finditer(text):
            numbered = page["number"] is not None
            if (numbered or page["folder"] in _OWN_FOLDERS) and _person_slug(page["slug"], numbered=numbered):
                yield page.start("slug"), page.end("slug"), "NAME"
