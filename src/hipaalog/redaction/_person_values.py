"""A whole value under a key that names a person (``who``, ``attendee``, ``guarantor``, ``display``): their name.

Anywhere else a value must read as a name by its words alone (:func:`._names.name_shaped`). Under a
person's key the key vouches for it, so a name whose surname is also an English word (``Jon Page``,
``Tiffany Price``, ``Madelief Wright``), a given name no table lists (``Haeun Park``) and a name in
another script (``رجائي مذحج``, ``ابتهاج Müller-Lüdenscheidt``) count too. What a person's key also holds
is kept: words of English (``Front Desk``, ``self``, ``system``), a given name that is also a word
before another word (``Will Retry``), one word alone unless it reads as a name (:func:`lone_person_word`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

from ._checks import bare_number_kind
from ._lexicon import unknown_word
from ._name_table import AMBIGUOUS_GIVEN, GIVEN, SURNAME_RANK
from ._names import COMMON_GIVEN, NOT_SURNAMES, PLACE_STARTS, PRODUCT_GIVEN, foreign_word, name_shaped
from ._normalize import ascii_letters

__all__ = ["lone_person_word", "person_item_kind", "person_value"]

_LATIN_WORD: Final = re.compile(
    r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:['’ʼ-][A-Z]?[a-z]+)*|[A-Z](?:['’ʼ][a-z]+)+|[A-Z]\.?"
)
"""A capitalised word of a name (``Müller-Lüdenscheidt`` read as ``Muller-Ludenscheidt``), or an initial."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PARTICLES: Final = _words(
    "da de del della der di do dos das du la le van von den ter ten bin ibn al el zu af av y e st. ste. saint"
)

_FUNCTION_WORDS: Final = _words(
    "the a an my our your their his her its this that new old no not all any some to of in on for by with"
)
"""Words that open a phrase, never a name (``The Kubelet``, ``New Zalando``)."""

_NOT_PERSON: Final = _words(
    """clinic clinics hospital center centre health medical pharmacy lab labs laboratory care group inc llc ltd
    corp team department dept services service street road avenue county city university school bank
    insurance office desk unit ward"""
)
"""Words of organisations and places: a value holding one is not a person's name (``Mercy Clinic``)."""


def _caseless(word: str) -> bool:
    """Whether ``word`` is letters of a script other than Latin: without case (Arabic, Devanagari, Han...),
    or cased and written as a name's word is (``Зоряна``, ``Παππάς``)."""
    if not word or not all(unicodedata.category(ch)[0] in "LM" for ch in word):
        return False
    if all(ch.lower() == ch.upper() for ch in word):
        return True
    return not ascii_letters(word).isascii() and (word.istitle() or word.isupper())


def _listed_lower(words: list[str]) -> bool:
    """Two lower-case words that are a given name and a surname of the tables, one at least no English word
    (``victoria barrientos``; not ``will call``): the key vouches for a name part that is also a word."""
    if len(words) != 2:
        return False
    given, surname = words
    return (
        given in GIVEN
        and surname in SURNAME_RANK
        and (unknown_word(given) or unknown_word(surname))  # "will call": both words of English
        and (given not in COMMON_GIVEN or unknown_word(surname))
    )


_GLUED_PARTICLE: Final = re.compile(r"(?i:al|el|ul|bin|ibn|abu|ben|bint)[-‐]")


def _title_part(word: str) -> str:
    """A word of a name written with a capital as a title-case word reads (``KIPKORIR`` as ``Kipkorir``), with
    a particle glued to it by a hyphen left out (``al-Haddad`` as ``Haddad``)."""
    glued = _GLUED_PARTICLE.match(word)
    if glued is not None and len(word) > glued.end() + 1:
        word = word[glued.end() :]
        word = word[0].upper() + word[1:]
    return word.capitalize() if len(word) > 2 and word.isupper() else word


@functools.lru_cache(maxsize=4096)
def person_value(value: str) -> bool:
    """Whether ``value``, a whole value under a key that names a person, is that person's name."""
    if not 3 < len(value) <= 64:
        return False
    if name_shaped(value):
        return True
    words = value.strip().replace(",", " ").split()
    if not 1 < len(words) <= 4:
        return False
    caseless = [word for word in words if not word.isascii() and _caseless(word)]
    latin = [ascii_letters(word) for word in words if not (caseless and word in caseless)]
    latin = [word for word in latin if word.lower() not in _PARTICLES]
    if "," in value and len(latin) == len(words) == 2:
        latin.reverse()  # "Endo, Taro": Last, First
    if value.islower() and not all(unknown_word(word) for word in latin) and not _listed_lower(latin):
        return False  # "see chart": lower-case words of English
    if value.islower() or value.isupper():
        latin = [word.capitalize() for word in latin]
    else:
        latin = [_title_part(word) for word in latin]  # "KIPKORIR, Humaiya", "Noor al-Haddad"
    if not all(_LATIN_WORD.fullmatch(word) for word in latin):
        return False
    if caseless:
        return True  # a name in another script, or across two (``ابتهاج Müller-Lüdenscheidt``)
    parts = [word.lower().rstrip(".") for word in latin if len(word.rstrip(".")) > 1]
    if len(parts) < 2 or parts[0] in PLACE_STARTS or not _NOT_PERSON.isdisjoint(parts):
        return False
    given, surname = parts[0], parts[-1]
    if given in GIVEN and given not in COMMON_GIVEN:
        return True  # Jon Page, Tiffany Price
    if given in GIVEN or (given in SURNAME_RANK and not unknown_word(given)):
        return unknown_word(surname) or (surname in SURNAME_RANK and all(unknown_word(p) for p in parts[1:-1]))
    if unknown_word(surname) and len(surname) > 2 and given not in _FUNCTION_WORDS:
        return True  # Aria Gargallo, Firs Fedoseeva: a surname no dictionary holds
    return unknown_word(given) and surname in SURNAME_RANK  # Haeun Park


@functools.lru_cache(maxsize=4096)
def lone_person_word(value: str) -> bool:
    """Whether ``value``, one word alone under a key that names a person (``{"who": "Miki"}``), is a name:
    a word of another script, or a capitalised word that is a listed given name (no common word, brand or
    place), a listed surname no dictionary holds, or a word nobody lists (``Hiçsönmez``); not ``System``,
    ``Pharmacy``, ``Twilio``, ``unknown``."""
    if not 1 < len(value) <= 40 or not value[0].isalpha():
        return False
    if not value.isascii() and _caseless(value):
        return True
    word = ascii_letters(value)
    if not (word[0].isupper() and (word[1:].islower() or word.isupper() or "-" in word)):
        return False
    if not word.replace("-", "").replace("'", "").isalpha():
        return False
    bare = word.lower()
    if bare in PRODUCT_GIVEN:
        return False  # "Aurora", "Cassandra": a product's name as often as a person's
    if bare in GIVEN and bare not in COMMON_GIVEN:
        return bare not in AMBIGUOUS_GIVEN or unknown_word(bare)
    if bare in SURNAME_RANK and bare not in NOT_SURNAMES and unknown_word(bare):
        return True
    return len(bare) > 2 and foreign_word(word.title() if word.isupper() else word)


def person_item_kind(value: object) -> str | None:
    """The kind of a value under a person's key (``emergency_contact``) in a list or alone: a bare phone
    number or SSN, or a name (:func:`person_value`: ``Front Desk`` is none), else ``None``."""
    if type(value) is str:
        text = value.strip()
        if " " in text and person_value(text):
            return "NAME"
        return bare_number_kind(text)
    return bare_number_kind(value) if type(value) is int else None
