"""Chinese names romanised in pinyin: two short syllables, ``Lei Hou``, ``Fang Shao``, ``HE, LEI``.

Both parts are often English words or three-letter names the tables hold as ambiguous (``Fang``,
``Lei``, ``Sun``), so neither the census model nor the unlisted-word rule takes them. A pair of pinyin
syllables counts after a word that introduces a person (``for``, ``from``, ``by``, ``with``, ``of``, ``to``,
``as``, ``is``, ``patient``, ``caller``, a title) or as ``Last, First``, when one syllable at least is no
English word: ``for Fang Shao``, ``(Dr. Lei Pan)``; not ``for Long Run``, ``to Sun Java``. The syllables
are the standard pinyin inventory (initials and finals of Hanyu Pinyin, without tones).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._lexicon import ENGLISH

__all__ = ["has_pinyin_name", "pinyin_name_spans"]


_INITIALS: Final = "b p m f d t n l g k h j q x zh ch sh r z c s y w"
_FINALS: Final = """a o e ai ei ao ou an en ang eng ong er i ia ie iao iu ian in iang ing iong u ua uo uai ui uan un
uang ueng ue ve van vn"""


def _syllables() -> frozenset[str]:
    initials = ["", *_INITIALS.split()]
    finals = _FINALS.split()
    out = {initial + final for initial in initials for final in finals}
    out |= {"zhi", "chi", "shi", "ri", "zi", "ci", "si", "yi", "wu", "yu", "yue", "yuan", "yun", "ying", "yin"}
    out |= {"lv", "nv", "lue", "nue", "jue", "que", "xue", "ju", "qu", "xu", "juan", "quan", "xuan", "jun", "qun"}
    out |= {"xun"}
    return frozenset(syllable for syllable in out if len(syllable) > 1)


PINYIN: Final = _syllables()
"""Syllables of Hanyu Pinyin (a superset: combinations the language does not use do no harm)."""
_CUE: Final = r"(?:[Ff]or|[Ff]rom|by|[Ww]ith|of|to|as|is|[Pp]atient|[Cc]aller|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?)"
_SYLLABLE: Final = r"([A-Z][a-z]{1,5}|[A-Z]{2,6})"
_PAIR: Final = re.compile(rf"(?=[FfbWwotaiPpCcDM]){_CUE}[ ]{_SYLLABLE}(,?[ ]){_SYLLABLE}(?![\w'’@/-]|[ ][A-Z][a-z])")
_TWO_SHORT_WORDS: Final = re.compile(r"[ ][A-Z][A-Za-z]{1,5},?[ ][A-Z]")
"""Two short capitalised words after a space, what every :data:`_PAIR` match holds: asked first, from each space
(the pair's cues are tried at most letters of a text)."""


def _pinyin_pair(first: str, second: str) -> bool:
    one, two = first.lower(), second.lower()
    if (first.isupper()) != (second.isupper()):
        return False
    return one in PINYIN and two in PINYIN and (one not in ENGLISH or two not in ENGLISH)


def pinyin_name_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where a pinyin name stands after a person's cue in ``text``."""
    if _TWO_SHORT_WORDS.search(text) is None:
        return
    for match in _PAIR.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            continue  # the cue ends a longer word ("Thai", "photo")
        if _pinyin_pair(match[1], match[3]):
            yield match.start(1), match.end(3)


def has_pinyin_name(text: str) -> bool:
    """Whether :func:`pinyin_name_spans` finds one (the gate asks)."""
    for _ in pinyin_name_spans(text):
        return True
    return False
