"""Names of towns (GeoNames' towns of 1,000 people or more, CC BY 4.0), and how much a run of words reads as one.

The table (``places.txt.gz``, built by ``tools/build_places.py``) holds each name folded to lower-case
ASCII; it is read on first use (about 147,000 names, 0.6 MB in the wheel, some 60 ms). :func:`town_evidence` grades
words a reader might take for a town: a listed name that is no English word is strong evidence, a listed
English word (``Reading``) or a word no dictionary knows (``Fisherside``, ``Kyyjärvi``) is weak evidence,
English words alone are none.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Final

from ._lexicon import ENGLISH, PLACES, SOFTWARE, unknown_word

__all__ = ["COUNTRIES", "NONE", "STRONG", "WEAK", "fold", "listed_town", "town_evidence"]

NONE: Final = 0
WEAK: Final = 1
STRONG: Final = 2

_FOLD: Final = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE"}
)
_TOWN_PREFIXES: Final = frozenset(
    ("north", "south", "east", "west", "new", "old", "lake", "port", "mount", "fort", "saint", "st", "san", "santa")
)
"""Words that begin towns (``Port Dominic``, ``East Jorge``) and say nothing about the words after them."""
_TOWN_ENDINGS: Final = (
    *("ville", "ton", "town", "burg", "burgh", "borough", "bury", "wick", "wich", "haven", "field", "ford"),
    *("mouth", "dale", "port", "land", "stad", "furt", "side", "view", "shire", "chester", "caster", "berg"),
    *("heim", "dorf", "hausen", "stead", "worth", "thorpe", "fort", "ham"),
)
_SOFTWARE_WORDS: Final = SOFTWARE


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """``text`` in lower-case ASCII (``Żyrardów`` -> ``zyrardow``), words joined by one space."""
    plain = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("-", " ").split())


@lru_cache(maxsize=1)
def _table() -> frozenset[str]:
    data = resources.files(__package__).joinpath("places.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("ascii").split("\n"))  # the notice's lines start with "#"


def listed_town(words: str) -> bool:
    """Whether ``words`` (any case and script of Latin letters) is a town's name in the table."""
    key = fold(words)
    return bool(key) and (key in _table() or key in PLACES)


COUNTRIES: Final = frozenset(
    (
        *("afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia", "australia", "austria"),
        *("azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin"),
        *("bhutan", "bolivia", "bosnia and herzegovina", "botswana", "brazil", "brunei", "bulgaria", "burkina faso"),
        *("burundi", "cambodia", "cameroon", "canada", "cape verde", "chad", "chile", "china", "colombia", "comoros"),
        *("congo", "costa rica", "croatia", "cuba", "cyprus", "czechia", "czech republic", "denmark", "djibouti"),
        *("dominica", "dominican republic", "ecuador", "egypt", "el salvador", "eritrea", "estonia", "eswatini"),
        *("ethiopia", "fiji", "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana", "greece"),
        *("grenada", "guatemala", "guinea", "guinea-bissau", "guyana", "haiti", "honduras", "hong kong", "hungary"),
        *("iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "jamaica", "japan"),
        *("jordan", "kazakhstan", "kenya", "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon"),
        *("lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg", "macao", "madagascar"),
        *("malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius", "mexico", "micronesia"),
        *("moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "namibia", "nauru"),
        *("nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria", "north korea", "north macedonia"),
        *("norway", "oman", "pakistan", "palau", "palestine", "panama", "papua new guinea", "paraguay", "peru"),
        *("philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "samoa", "san marino"),
        *("saudi arabia", "senegal", "serbia", "seychelles", "sierra leone", "singapore", "slovakia", "slovenia"),
        *("solomon islands", "somalia", "south africa", "south korea", "south sudan", "spain", "sri lanka", "sudan"),
        *("suriname", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand"),
        *("timor-leste", "togo", "tonga", "trinidad and tobago", "tunisia", "turkey", "turkmenistan", "tuvalu"),
        *("uganda", "ukraine", "united arab emirates", "united kingdom", "united states", "uruguay", "uzbekistan"),
        *("vanuatu", "vatican city", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "greenland", "guernsey"),
        *("jersey", "puerto rico", "guam", "aruba", "bermuda", "gibraltar", "martinique", "guadeloupe", "reunion"),
        *("new caledonia", "french polynesia", "faroe islands", "isle of man", "cayman islands", "curacao"),
    )
)
"""Countries and territories (folded, in English): a country beside a number is no town and its postal code."""
_CAMEL: Final = re.compile(r"[A-Z][a-z]{3,}(?:[A-Z][a-z]+)+")
"""A word joined from capitalised words whose first is longer than a prefix of a surname-like town (``Mc``, ``De``)."""


def _coined(word: str) -> bool:
    """A word no dictionary knows, or an English compound with a town's ending (``Fisherside``)."""
    bare = fold(word).replace(" ", "")
    if word.isupper() and len(word) <= 4:
        return False  # an abbreviation (``DOB``, ``MRN``), not a town
    if not bare.isalpha() or len(bare) < 3 or bare in _SOFTWARE_WORDS:
        return False
    if _CAMEL.fullmatch(word) is not None:
        return False  # an identifier of code (``KeyboardInterrupt``, ``ValueError``), not ``McAllen`` or ``DeKalb``
    return unknown_word(bare) or (bare not in ENGLISH and bare.endswith(_TOWN_ENDINGS))


def town_evidence(words: list[str]) -> int:
    """How much ``words`` read as a town: ``STRONG``, ``WEAK`` or ``NONE``."""
    return _evidence(tuple(words)) if words else NONE


@lru_cache(maxsize=8192)
def _evidence(words: tuple[str, ...]) -> int:
    """:func:`town_evidence` of a tuple of words (remembered: a text repeats its words)."""
    phrase = " ".join(words)
    key = fold(phrase)
    if listed_town(phrase):
        return WEAK if key in ENGLISH or key in _SOFTWARE_WORDS else STRONG
    content = [word for word in words if fold(word) not in _TOWN_PREFIXES]
    coined = sum(1 for word in content if _coined(word))
    return WEAK if coined and (coined == len(content) or len(content) > 1) else NONE
