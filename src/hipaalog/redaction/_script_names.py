"""Names written in a script other than Latin, found by where they stand rather than by a cue word.

A log line of an English-speaking service is written in Latin letters; a short run of Cyrillic,
Greek, Arabic, Hebrew, Indic, Thai, Hangul, Kana or Han words inside it (``booked for Ювеналий
Петров``, ``cardholder 엄지영``, ``(हजारिका, दीप्ति)``) is text someone typed: in a health service,
almost always a person's name. Such a run counts when it has one to four words (hyphens,
``Last, First``, HL7's ``^``, a Latin initial, and ``bin``/``Abu``/``ben`` besides; one word alone
only in Han or Hangul, or after ``for``, ``to``, ``with``, ``by``, a greeting or a query's ``=``) and
the text around it is mostly Latin; a whole value that is such a run counts too (``"who": "Оксана Лещенко"``),
alone as one word only in Han or Hangul (``"who": "김정자"``). What is kept:

* text written in that script (a localized message): a run of five words or more, or a text with
  two more words of the script than Latin ones, or (Chinese, Japanese, Korean: no spaces between
  words) more than six of its letters and more of them than Latin letters;
* Greek letters of science (``TNF-α``, ``β-blocker``, ``μg``): a letter glued to a word, a digit or a
  hyphen, and a run of fewer than three Greek letters;
* a language's own name (``Русский``, ``日本語``), as locale pickers log it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import Span

__all__ = ["script_letters", "script_name_spans"]

_LETTER: Final = (
    "\u0370-\u0373\u0376-\u037d\u0386\u0388-\u03ff"  # Greek (no numeral signs, question mark, ano teleia)
    "\u0400-\u0482\u048a-\u052f"  # Cyrillic (no thousands sign)
    "\u0531-\u0556\u0561-\u0587"  # Armenian
    "\u05d0-\u05ea\u05b0-\u05c2"  # Hebrew letters and points
    "\u0620-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06ff\u0750-\u077f"  # Arabic (no punctuation, digits)
    "\u0900-\u0963\u0971-\u0dff"  # Devanagari to Sinhala (no danda, Devanagari digits)
    "\u0e01-\u0e4e"  # Thai
    "\u10a0-\u10ff\u1100-\u11ff\u1200-\u137f"  # Georgian, Hangul jamo, Ethiopic
    "\u3005\u3041-\u309f\u30a1-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"  # Kana, Han, Hangul
    "\u200c\u200d"  # joiners inside Indic and Persian words
)
_WORD: Final = rf"[{_LETTER}]+(?:[-'’][{_LETTER}]+)*"
_RUN: Final = re.compile(
    rf"(?<![\w\-./]){_WORD}(?:(?:[ ]|,[ ]?|\^|[ ][A-Z]\.?[ ]){_WORD})*(?![\w\-])(?:\^[A-Z](?![\w]))?"
)
"""A run of words of other scripts; a trailing HL7 component of one capital belongs to it (``Petrova^Ivan^Y``)."""
_SCRIPT_LETTER: Final = re.compile(f"[{_LETTER}]")
_EAST_ASIAN_NAME: Final = re.compile("[\u3005\u3400-\u4dbf\u4e00-\u9fff]{2,4}|[\uac00-\ud7af]{2,4}")
"""A Chinese, Japanese or Korean name written as one word (``王秀英``, ``김정자``)."""
_EAST_ASIAN_LETTERS: Final = re.compile("[\u3005\u3041-\u309f\u30a1-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LATIN_LETTERS: Final = re.compile("[A-Za-z]")
_MAX_NAME_LETTERS: Final = 6
"""Letters of a Chinese, Japanese or Korean name at most (``欧阳娜娜``, ``佐々木 花子``); more is a sentence."""
_SPLIT: Final = re.compile(r"[ ,^]+")
_GREEK: Final = re.compile(r"[\u0370-\u03ff\s,^-]+")
_LATIN_WORD: Final = re.compile(r"[A-Za-z]{2,}")
_MAX_WORDS: Final = 4
_BEFORE_ONE_WORD: Final = re.compile(
    r"(?:(?:^|[^A-Za-z])(?:[Ff]or|to|[Ww]ith|from|by|and|[Dd]ear|[Hh]i|[Hh]ello)[ ]|[A-Za-z]=)$"
)
"""What makes a lone word of another script a name: ``booked for Оксана``, ``Hi Оксана``, a query's ``q=Оксана``."""
_PARTICLES: Final = frozenset(("بن", "بنت", "ابن", "بنو", "أبو", "ابو", "آل", "عبد", "ال", "בן", "בת"))
"""Words of Arabic and Hebrew names that join their parts (``bin``, ``bint``, ``Abu``, ``Abd``, ``Al``, ``ben``):
they do not count towards a name's words."""
_ENDONYMS: Final = frozenset(
    (
        "русский",
        "українська",
        "беларуская",
        "български",
        "српски",
        "қазақ тілі",
        "ελληνικά",
        "עברית",
        "العربية",
        "فارسی",
        "اردو",
        "हिन्दी",
        "हिंदी",
        "मराठी",
        "नेपाली",
        "বাংলা",
        "ਪੰਜਾਬੀ",
        "ગુજરાતી",
        "தமிழ்",
        "తెలుగు",
        "ಕನ್ನಡ",
        "മലയാളം",
        "ไทย",
        "ქართული",
        "հայերեն",
        "አማርኛ",
        "日本語",
        "中文",
        "简体中文",
        "繁體中文",
        "普通话",
        "廣東話",
        "한국어",
    )
)
"""Languages' own names: a locale picker's value, no one's name."""


def script_letters(text: str) -> bool:
    """Whether ``text`` holds a letter of a script this module reads (the gate asks, for non-ASCII text)."""
    return _SCRIPT_LETTER.search(text) is not None


def _script_words(run: str) -> list[str]:
    """The words of ``run`` in the other script (no Latin initial, no HL7 component of one capital)."""
    return [word for word in _SPLIT.split(run) if word and not word[0].isascii()]


def script_name_spans(text: str) -> Iterator[Span]:
    """Runs of another script's words in ``text`` that are a person's name by where they stand."""
    runs = list(_RUN.finditer(text))
    if not runs:
        return
    whole = len(runs) == 1 and runs[0][0] == text.strip(" \t\"'()[]")
    if whole and len(_script_words(runs[0][0])) == 1 and _EAST_ASIAN_NAME.fullmatch(runs[0][0]) is None:
        return  # one word alone ("Привет", "شكرا"): a name only beside a Latin line, or as Han or Hangul
    if not whole:
        script = 0
        for match in runs:
            words = _script_words(match[0])
            script += len(words) - len(_PARTICLES.intersection(words))
        if script > len(_LATIN_WORD.findall(text)) + 1:
            return  # a text written in that script: a localized message, not a name in an English line
        east_asian = len(_EAST_ASIAN_LETTERS.findall(text))
        if east_asian > _MAX_NAME_LETTERS and east_asian > len(_LATIN_LETTERS.findall(text)):
            return  # Chinese, Japanese, Korean text: no spaces between its words, so counted by letters
    for match in runs:
        run = match[0]
        words = _script_words(run)
        if not 0 < len(words) - len(_PARTICLES.intersection(words)) <= _MAX_WORDS:
            continue
        if (
            len(words) == 1
            and not whole
            and _EAST_ASIAN_NAME.fullmatch(words[0]) is None
            and _BEFORE_ONE_WORD.search(text, 0, match.start()) is None
        ):
            continue  # one word in a Latin line ("unicode Привет"): a name after "for", "to", "with"... only
        letters = sum(len(word) for word in words)
        if letters < 2 or (letters < 3 and _GREEK.fullmatch(run) is not None):
            continue
        if run.lower() in _ENDONYMS:
            continue
        yield match.start(), match.end(), "NAME"
