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

Rare surnames and given names are in no table: a word no dictionary, software list or gazetteer knows
(``klorek``, ``peukert``) counts as a name part alone after a camera's word and counter
(``IMG_46858773_klorek``), beside a listed name in a picture's name with a camera's word or a number
(``binet-christopher-wound-399``), as two side by side before a word of a wound (``quirina-abeln-ulcer-12``),
and written together with a listed given name (``piedadpeukert``, ``dominczakjacek``).

A stem holding any other word (``IMG_2041_sunset``, ``logo_small``, ``team_photo``) stays, and so does one of
only a camera's words and numbers (``IMG_0001``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Final

from ._detector import BaseDetector, Span
from ._firms import COMPANY_FORMS, FIRM_WORDS
from ._gate import PATH
from ._gazetteer import listed_town
from ._lexicon import ENGLISH, PLACES, SOFTWARE, VOWELS, compound_word, unknown_word
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
    resized p pic lowres hires hq lq hd uhd sd insta ig fb exif srgb avif webp bw bnw orig proc dup opt web xl xxl
    xs sm md lg"""
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
WOUND_WORDS: Final = _words(
    """wound wounds ulcer ulcers rash lesion lesions burn burns incision scar mole moles derm debridement sacrum
    sacral coccyx pressure injury dressing preop postop"""
)
"""The clinical words that only a patient's picture holds: beside them, two words no table knows are a name."""
_MIN_UNKNOWN: Final = 4
_SURNAME_ENDINGS: Final = (
    *("ski", "ska", "cki", "cka", "dzki", "wicz", "czyk", "czak", "czuk", "chuk", "szyk", "enko", "ovic", "evic"),
    *("ovich", "evich", "sson", "ssen", "sen", "son", "dottir", "qvist", "kvist", "vist", "strom", "lund", "gren"),
    *("ez", "az", "oz", "ini", "elli", "etti", "otti", "ucci", "acci", "mann", "ner", "ler", "dt", "berg"),
    *("stein", "feld", "baum", "ian", "yan", "escu", "oglu", "idis", "opoulos", "akis", "eiro", "eira", "inho"),
    *("ak", "ek", "ik", "uk", "yk", "ich", "itz", "witz", "ov", "ova", "ev", "eva", "ier"),
)
"""How surnames of many countries end (``klorek``, ``matusewicz``, ``einarsson``, ``giulietti``): a word no table
knows alone after a camera's counter is a name only when it ends so (``IMG_5521_bokeh``, ``_figma`` stay)."""
_WORD_LIKE: Final = 5
_JOINED_RARE: Final = 6
"""A rare part joined to a given name has six letters or more (``peukert``; ``slaap`` + ``kamer`` is a word)."""
_NEIGHBOUR: Final = 4
"""A listed name a rare word leans on has four letters or more (not ``del``, ``van``)."""
FIRM_PARTS: Final = frozenset(
    {form.lower() for form in COMPANY_FORMS | FIRM_WORDS}
    | {"group", "groep", "gruppe", "stichting", "fils", "figli", "sohn", "soehne", "hijos", "filhos", "sons"}
)
"""Legal forms and firm words (``sarl``, ``llc``, ``groep``, ``figli``): a firm's name, not a person's."""
_MIN_JOINED_PART: Final = 3
_MIN_PART_AMONG_WORDS: Final = 4
"""Beside other words, a name written as one word has parts this long (``katherineroth``; not ``samsung``)."""
_FREQUENT: Final = 1000
"""Two words of the language run together are a name only as a given name that is rarely a word's and a surname
this frequent (``johnsmith``; not ``rosewood``)."""
_WORD_SURNAME_RANK: Final = 2000
"""A surname that is also an English word counts beside a given name only when this frequent (``roth``,
``price``, ``king``)."""

_CAMERA, _CLINICAL, _NUMBER, _NAME, _JOINED, _MAYBE, _TITLED, _UNKNOWN, _OTHER = range(9)


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


def rare_word(lower: str) -> bool:
    """Whether a word may be a rare name part: four letters or more with a vowel, in no dictionary, software list,
    placeholder list or gazetteer, and no two English words run together (``klorek``; not ``bali``, ``lowres``)."""
    return (
        len(lower) >= _MIN_UNKNOWN
        and lower.isascii()
        and not VOWELS.isdisjoint(lower)
        and unknown_word(lower)
        and lower not in TECH_WORDS
        and lower not in CAMERA_WORDS
        and not compound_word(lower)
        and not listed_town(lower)
    )


def _given_with_rare(lower: str) -> bool:
    """Whether one word is a listed given name and a word no table knows written together (``piedadpeukert``,
    ``dominczakjacek``): the given name has five letters or more and is no English word, and no English word of
    five letters or more opens or ends the word (``annabanner``, ``elenaproject`` are a name and a word)."""
    for cut in range(_WORD_LIKE, len(lower)):
        if lower[:cut] in ENGLISH or lower[-cut:] in ENGLISH:
            return False
    if lower.endswith(tuple(part for part in FIRM_PARTS if len(part) > 2)):
        return False  # andersonllc, charlesetfils
    for cut in range(_MIN_UNKNOWN, len(lower) - _MIN_UNKNOWN + 1):
        head, tail = lower[:cut], lower[cut:]
        if (len(head) >= _WORD_LIKE and _given(head) and len(tail) >= _JOINED_RARE and rare_word(tail)) or (
            len(head) >= _JOINED_RARE and rare_word(head) and len(tail) >= _WORD_LIKE and _given(tail)
        ):
            return True
    return False


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
    if run.isupper() and len(run) > 1:
        return _OTHER  # an acronym
    if rare_word(lower):
        return _JOINED if _given_with_rare(lower) else _UNKNOWN
    return _OTHER


def _rare_names(labels: list[int], runs: list[str], camera: bool) -> None:
    """Read the words no table knows as name parts where the picture's name says they are (in place): not in a
    town's name (``civitella_del_tronto``) or beside a firm's word."""
    rare = [index for index, label in enumerate(labels) if label == _UNKNOWN]
    named = [run for run, label in zip(runs, labels, strict=True) if label not in (_CAMERA, _NUMBER, _CLINICAL)]
    if not FIRM_PARTS.isdisjoint(named) or (len(named) > 1 and listed_town(" ".join(named))):
        return
    wound = not WOUND_WORDS.isdisjoint(runs)
    surname_like = named[0].endswith(_SURNAME_ENDINGS)
    words = [label for label in labels if label not in (_CAMERA, _NUMBER, _CLINICAL)]
    if len(rare) == 1 and len(words) == 1 and camera and surname_like:
        labels[rare[0]] = _NAME  # IMG_46858773_klorek: the one word after a camera's counter
        return
    sign = _CAMERA in labels or _CLINICAL in labels  # nike-airmax-270: a number alone says no picture of someone
    wound = wound and _NUMBER in labels
    for index in rare:
        beside = [
            labels[near] for near in (index - 1, index + 1) if 0 <= near < len(labels) and len(runs[near]) >= _NEIGHBOUR
        ]
        if sign and (_NAME in beside or _JOINED in beside):
            labels[index] = _NAME  # binet-christopher-wound-399
        elif wound and len(rare) == 2 and len(words) == 2 and rare[1] - rare[0] == 1:
            labels[index] = _NAME  # quirina-abeln-ulcer-12


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
    if _UNKNOWN in labels:
        _rare_names(labels, [text[low:high].lower() for low, high in runs], camera)
    if _OTHER in labels or _UNKNOWN in labels:
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
