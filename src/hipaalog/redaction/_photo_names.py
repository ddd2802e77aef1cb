"""A person's name in a picture's file name: ``IMG_65789568_montgomery.jpeg``, ``DSC72749_katherineroth.JPG``,
``patel-damian-wound-273.heic``.

Clinic staff rename a phone's pictures after the patient: the camera's prefix and counter stay (``IMG_``,
``DSC``, ``PXL_20240311``) and a surname, a name or a name written as one word is added, often with what the
picture shows (``wound``, ``ulcer``, ``left-heel``, ``day``). A picture's name (its stem, the extension
``.jpg``, ``.png``, ``.heic``... left out) is cut into letter and digit runs; it names someone when every letter
run is a camera's word, a word of what a clinical picture shows, or a name part, and a name is among them:

* a listed given name or surname that is no English word and no place (``montgomery``, ``gonzalez``), with a
  camera's word, a clinical word or a number beside it: a lone name needs one (one that is also a word, ``maria``,
  ``rose``, counts only beside such a name, or capitalised after a camera's word and counter: ``IMG_4410_Hall``);
* two name parts side by side (``patel-damian``), either order;
* one run that is a given name and a surname written together (``katherineroth``, ``williamsjohn``).

A stem holding any other word (``IMG_2041_sunset``, ``logo_small``, ``team_photo``) stays, and so does one of
only a camera's words and numbers (``IMG_0001``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import PATH
from ._lexicon import ENGLISH, PLACES, SOFTWARE
from ._name_table import GIVEN, SURNAME_RANK
from ._names import COMMON_GIVEN
from ._slugs import TECH_WORDS

__all__ = ["PhotoNameDetector", "photo_name_spans"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_IMAGE: Final = re.compile(
    r"\.(?:jpe?g|JPE?G|Jpe?g|png|PNG|heic|HEIC|heif|HEIF|webp|WEBP|tiff?|TIFF?|dng|DNG|bmp|BMP|gif|GIF)(?![\w.])"
)
"""A picture's extension ending a file name (case by case: a case-blind alternation scans slower)."""
_STEM_STOPS: Final = frozenset(" \t\r\n\"'<>|(){}[],;:=`/\\@")
"""What ends a picture's stem backwards: a separator of text, a path or a key."""
_LONGEST_STEM: Final = 96
_RUN: Final = re.compile(r"[^\W\d_]+|[0-9]+")
CAMERA_WORDS: Final = _words(
    """img image images dsc dscn dscf dcim pxl mvimg vid photo photos pic pics picture scan screenshot gopr wp wa
    mp burst edited edit hdr pano live cover portrait original copy final crop cropped small large thumb thumbnail
    resized p pic"""
)
"""Words a camera, a phone or an editor puts in a picture's name: no one's."""
CLINICAL_WORDS: Final = _words(
    """wound wounds ulcer ulcers rash lesion lesions burn burns incision scar mole moles skin site pre post op preop
    postop before after left right lt rt foot feet heel toe toes leg legs knee ankle arm arms hand hands back chest
    abdomen abd face facial sacrum sacral coccyx hip buttock day days wk week fu followup dressing debridement
    healing pressure injury stage eye eyes ear mouth oral tooth teeth dental derm intake closeup close up front
    side lateral medial anterior posterior headshot selfie id card license insurance avatar profile"""
)
"""Words of what a clinical or identity picture shows (``wound``, ``left``, ``heel``, ``day``)."""
_MIN_JOINED_PART: Final = 3
_MIN_PART_AMONG_WORDS: Final = 4
"""Beside other words, a name written as one word has parts this long (``katherineroth``; not ``samsung``)."""
_FREQUENT: Final = 1000
"""Two words of the language run together are a name only as a given name that is rarely a word's and a surname
this frequent (``johnsmith``; not ``rosewood``)."""
_WORD_SURNAME_RANK: Final = 2000
"""A surname that is also an English word counts beside a given name only when this frequent (``roth``,
``price``, ``king``)."""

_CAMERA, _CLINICAL, _NUMBER, _NAME, _JOINED, _MAYBE, _TITLED, _OTHER = range(8)


def _plain_name(lower: str) -> bool:
    """A listed given name or surname that is no English word, no place and no software's word."""
    return (
        len(lower) >= _MIN_JOINED_PART
        and (lower in GIVEN or lower in SURNAME_RANK)
        and lower not in ENGLISH
        and lower not in PLACES
        and lower not in TECH_WORDS
        and lower not in SOFTWARE
    )


def _surname(lower: str) -> bool:
    """A surname beside a given name: one no word spells, or a frequent one (``roth``, ``price``)."""
    rank = SURNAME_RANK.get(lower)
    return rank is not None and (lower not in ENGLISH or rank < _WORD_SURNAME_RANK)


def _given(lower: str) -> bool:
    return lower in GIVEN and lower not in ENGLISH and lower not in PLACES


def joined_person(lower: str, shortest: int = _MIN_JOINED_PART) -> bool:
    """Whether one word is a given name and a surname written together (``katherineroth``, ``williamsjohn``),
    each of ``shortest`` letters or more."""
    if lower in ENGLISH or lower in SOFTWARE or lower in TECH_WORDS or len(lower) < 2 * shortest + 1:
        return False
    for cut in range(shortest, len(lower) - shortest + 1):
        head, tail = lower[:cut], lower[cut:]
        if head in ENGLISH and tail in ENGLISH:
            if head in GIVEN and head not in COMMON_GIVEN and SURNAME_RANK.get(tail, _FREQUENT) < _FREQUENT:
                return True  # johnsmith
            continue  # rosewood, markdown: two words of the language
        if (head in GIVEN and _surname(tail)) or (_surname(head) and tail in GIVEN):
            return True
    return False


def _label(run: str) -> int:
    if run.isdigit():
        return _NUMBER
    lower = run.lower()
    if lower in CAMERA_WORDS:
        return _CAMERA
    if lower in CLINICAL_WORDS:
        return _CLINICAL
    if _plain_name(lower):
        return _NAME
    if joined_person(lower):
        return _JOINED
    if len(lower) >= _MIN_JOINED_PART and lower not in PLACES and (lower in GIVEN or _surname(lower)):
        return _TITLED if run[0].isupper() and _surname(lower) else _MAYBE  # maria, rose, king
    return _OTHER


def _named_among_words(text: str, runs: list[tuple[int, int]], labels: list[int]) -> Iterator[Span]:
    """A name a stem holds beside other words (``IMG_1_sunset_jane_lopez``, ``IMG_4410_beach_katherineroth``).

    With a camera's word and a number, or a clinical word, in the stem: a given name and a surname side by side,
    one of them no word of the language, or a name written as one word. Without: only a given name and a name
    that is a surname alone (``sunset_jane_lopez``; not ``charles_tesla``, ``monroe_chevy``).
    """
    sign = (_CAMERA in labels and _NUMBER in labels) or _CLINICAL in labels
    for first, second in pairwise(range(len(labels))):
        pair = labels[first], labels[second]
        if sign and _JOINED in pair:
            low, high = runs[first] if pair[0] == _JOINED else runs[second]
            if joined_person(text[low:high].lower(), _MIN_PART_AMONG_WORDS):
                yield low, high, "NAME"
        if _NAME not in pair or _OTHER in pair or _JOINED in pair:
            continue
        one, two = (text[low:high].lower() for low, high in (runs[first], runs[second]))
        if sign:
            named = (one in GIVEN and _surname(two)) or (_surname(one) and two in GIVEN)
        else:
            named = (_given(one) and _surname(two) and two not in GIVEN) or (
                _surname(one) and one not in GIVEN and _given(two)
            )
        if named:
            yield runs[first][0], runs[second][1], "NAME"


def photo_name_spans(text: str, start: int, end: int) -> Iterator[Span]:
    """The name in the picture's stem ``text[start:end]``, if it holds one."""
    runs = [found.span() for found in _RUN.finditer(text, start, end)]
    labels = [_label(text[low:high]) for low, high in runs]
    camera = _CAMERA in labels and _NUMBER in labels
    for index, label in enumerate(labels):
        if label in (_MAYBE, _TITLED):
            beside = labels[index - 1 : index] + labels[index + 1 : index + 2]
            named = _NAME in beside or (label == _TITLED and camera)
            labels[index] = _NAME if named else _OTHER  # PXL_20241123_Turner: a capitalised surname after a camera's
    if _OTHER in labels:
        yield from _named_among_words(text, runs, labels)
        return
    if _NAME not in labels and _JOINED not in labels:
        return
    names = [index for index, label in enumerate(labels) if label in (_NAME, _JOINED)]
    sign = _CAMERA in labels or _CLINICAL in labels or _NUMBER in labels
    paired = any(second - first == 1 for first, second in pairwise(names))
    if not (sign or paired or _JOINED in labels):
        return  # a lone word that may be a name: nothing says it is a picture of someone
    yield runs[names[0]][0], runs[names[-1]][1], "NAME"


class PhotoNameDetector(BaseDetector):
    """A person's name in a picture's file name (``IMG_65789568_montgomery.jpeg``, ``patel-damian-wound-273.heic``)."""

    gate = PATH
    name = "photo_name"
    kinds = ("NAME",)

    def find(self, text: str) -> Iterator[Span]:
        for extension in _IMAGE.finditer(text):
            end = extension.start()
            start = end
            floor = max(0, end - _LONGEST_STEM)
            while start > floor and text[start - 1] not in _STEM_STOPS:
                start -= 1
            if start < end:
                yield from photo_name_spans(text, start, end)
