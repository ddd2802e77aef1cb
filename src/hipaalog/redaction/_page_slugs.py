"""A person's page in a URL: a name slug with a number after a folder of rooms, visits or bookings
(``/room/anamaria-price-4461``, ``/waiting/maria-gomez-918``, ``/booking/joe-ortiz-22``).

Telehealth rooms, waiting rooms, booking pages and profiles are made per person: the service joins the person's
names and adds a counter to keep the page unique. After such a folder (or ``@``), a segment of two or three words
and a number, the words a given name and a surname side by side, either way round, no place's name, and not
both of them English words (``rose-garden-2`` is a room's name) unless a given name before a frequent surname
(``john-bush-8829``), has its words masked. A rare name no table lists (a word no dictionary, software list or
gazetteer knows) counts beside a listed one (``jolanda-soffici-4373``), and two of them side by side count after
a folder that only people's pages use (``/room/quirina-abeln-6304``; not ``/p/`` or ``/u/``). Titles, rooms and
products (``weekly-standup-42``, ``setup-guide-2``, ``room-deluxe-2``) hold an English word and stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import PATH
from ._gazetteer import listed_town
from ._lexicon import ENGLISH, PLACES
from ._name_table import GIVEN, SURNAME_RANK
from ._photo_names import FIRM_PARTS, joined_person, rare_word

__all__ = ["PageSlugDetector"]

_PAGE: Final = re.compile(
    r"/(?:(?P<folder>rooms?|r|waiting|waitingroom|wait|visits?|sessions?|book|booking|bookings|schedule|meet|my|telehealth"
    r"|telemedicine|video|call|calls|consults?|join|appointments?|appt|u|users?|profiles?|providers?|dr|doctors?"
    r"|patients?|members?|people|persons?|c|s|p)/|@)"
    r"(?P<slug>[A-Za-z][a-z'’]+(?:[-_.][A-Za-z][a-z'’]+){1,2})(?P<number>[-_.][0-9]{1,8})?(?=[/?#;\s\"',)]|$)"
)
"""A slug of two or three words, and a number or none, after a folder of people's pages, or after ``@``."""
_OWN_FOLDERS: Final = frozenset(
    (
        *("room", "rooms", "waiting", "waitingroom", "wait", "visit", "visits", "booking", "bookings"),
        *("telehealth", "telemedicine", "consult", "consults", "appointment", "appointments", "appt", "patient"),
        *("patients", "member", "members", "people", "person", "persons", "u", "user", "users", "profile", "profiles"),
    )
)
"""Folders whose pages are a person's own, where a name slug needs no number (not a product's ``/p/``, a
category's ``/c/`` or a search's ``/s/``)."""
_WORD: Final = re.compile(r"[A-Za-z]+")


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


_PERSONAL_FOLDERS: Final = frozenset(
    (
        *("room", "rooms", "waiting", "waitingroom", "wait", "visit", "visits", "book", "booking", "bookings"),
        *("telehealth", "telemedicine", "consult", "consults", "appointment", "appointments", "appt", "patient"),
        *("patients", "provider", "providers", "dr", "doctor", "doctors", "meet", "session", "sessions", "r"),
    )
)
"""The folders that hold only a person's page: after them two rare words side by side are a name."""


_TWO: Final = 2
"""Two rare words are a name only as the slug's only words (``quirina-abeln``; not ``paradigma-sicura-reciproca``)."""


def _known(word: str) -> bool:
    """A listed name part that is no English word and no town (``amsterdam`` is a surname too)."""
    return (word in GIVEN or word in SURNAME_RANK) and word not in ENGLISH and not listed_town(word)


def _rare_pair(first: str, second: str, personal: bool) -> bool:
    """Whether a listed name beside a rare one (``jolanda-soffici``), or after a personal folder two rare words
    (``quirina-abeln``), are someone's names."""
    if rare_word(first) and (_known(second) or (personal and rare_word(second))):
        return True
    return rare_word(second) and first in GIVEN and first not in PLACES and first not in ENGLISH


def _person_slug(slug: str, personal: bool) -> bool:
    """Whether the slug's words hold a given name and a surname side by side (each a word of its own: a word that
    only splits into names, ``darkorange``, is none)."""
    words = _WORD.findall(slug.lower())
    if not FIRM_PARTS.isdisjoint(words):
        return False  # perret-dias-sarl: a firm's page
    if any(_pair(first, second) for first, second in pairwise(words)):
        return True
    return any(_rare_pair(first, second, personal and len(words) == _TWO) for first, second in pairwise(words))


_URL_PATH: Final = re.compile(r"[a-z][a-z0-9+.-]{0,15}://[^\s/?#\"'<>]{1,253}(/[^\s?#\"'<>)]{1,1024})")
"""A URL's path."""
_SEGMENT: Final = re.compile(
    r"[A-Za-z][a-z]{2,}(?:[-_.][A-Za-z][a-z]{2,})?(?:[-_.](?:[0-9]{1,8}|obituary|memorial|tribute))?(?:\.html?)?"
)
"""A path segment of one or two words (and perhaps a number, an obituary's word or ``.html`` after them)."""
_NAME_WORDS: Final = re.compile(r"[A-Za-z]+(?:[-_.][A-Za-z]+)?(?=[-_.][0-9a-z]|\.html?$|$)")
"""The one or two words a segment opens with."""


def _names_only(slug: str) -> bool:
    """Whether a segment on any site is a given name then a surname and nothing else (``maria-lopez``,
    ``marialopez``): no place's name, not two words of the language, and a surname that is a word only when frequent
    (``john-smith``; not ``jordan-brand``, ``grace-period``)."""
    words = _WORD.findall(slug.lower())
    if len(words) == 1:
        return joined_person(words[0])
    first, second = words
    return (
        first in GIVEN
        and second in SURNAME_RANK
        and not (first in ENGLISH and second in ENGLISH)
        and (second not in ENGLISH or SURNAME_RANK[second] < _FREQUENT)
        and first not in PLACES
        and second not in PLACES
        and not listed_town(f"{first} {second}")
    )


class PageSlugDetector(BaseDetector):
    """A name slug with a number on a person's page (``/room/anamaria-price-4461``, ``/visit/joe-ortiz-22``)."""

    gate = PATH
    name = "page_slug"
    kinds = ("NAME",)

    def find(self, text: str) -> Iterator[Span]:
        for page in _PAGE.finditer(text):
            folder = (page["folder"] or "").lower()
            if page["number"] is None:  # /room/maria-lopez?id=4461: only a person's own folder, every word a name's
                named = folder in _OWN_FOLDERS and page["slug"].count("-") + page["slug"].count("_") < 2
                if named and _names_only(page["slug"]):
                    yield page.start("slug"), page.end("slug"), "NAME"
            elif _person_slug(page["slug"], folder in _PERSONAL_FOLDERS):
                yield page.start("slug"), page.end("slug"), "NAME"
        if "://" in text:
            for url in _URL_PATH.finditer(text):  # caringbridge.org/visit/marialopez, /memorial/123/maria-lopez
                at = url.start(1)
                for segment in url[1].split("/"):
                    if _SEGMENT.fullmatch(segment) is not None:
                        words = _NAME_WORDS.match(segment)
                        if words is not None and _names_only(words[0]):
                            yield at, at + words.end(), "NAME"
                    at += len(segment) + 1
