"""Whole values of structured data that are a person's: a name under a key the catalogue does not know,
and the full dates and bare phone numbers of a mapping or row that names a person.

A key rule needs the field's name; these read the value. A string that is a person's name and nothing
else (:func:`._names.name_shaped`: ``"Ayinde Iyanda"``, ``"bianca hurtado"``) is a name under any key but
those whose value is a thing (``service``, ``region``, ``medication``). A mapping or row that names a
person (a name, SSN, MRN, patient or member id, or birth date in it, by key or by value, or a person
around it) is about that person: its full dates (``"2024-08-18"``, ``datetime.date(1965, 6, 16)``) are
the person's, except under the keys of a record's own times (``created_at``, ``ts``), and a bare
ten-digit number is their phone.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Final

from ._lexicon import unknown_word
from ._months import FOREIGN_WRITTEN
from ._near import trie_alternation
from ._vocab import FIRST_NAMES, SURNAMES

__all__ = ["THING_WORDS", "foreign_name", "full_date", "maybe_date", "phone_words", "record_time", "searched_dates"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


THING_WORDS: Final = _words(
    """service services svc app apps application component module logger handler host hostname server node
    pod container image cluster namespace region zone env environment queue topic channel stream bucket
    table database schema index team org organization organisation company employer vendor manufacturer
    product products brand make model trim device browser os platform useragent library package framework plugin
    feature flag flags experiment cohort campaign category group role title specialty department dept unit
    ward facility site location clinic hospital practice pharmacy lab laboratory payer plan insurer carrier
    drug drugs medication medications med meds rx sku diagnosis diagnoses dx condition conditions problem
    procedure test tests panel specimen allergy allergies allergen vaccine immunization language locale
    timezone tz country currency font color colour theme event action method route endpoint status state
    level severity reason error exception code codes system"""
)
"""Last words of field names whose value is a thing, never a person: a name-shaped value there is kept
(``{"service": "Zalando Checkout"}``, ``{"medication": "Ozempic Semaglutide"}``)."""

_RECORD_EVENTS: Final = _words(
    """created updated modified deleted inserted logged emitted indexed synced cached expires expired expiry
    expiration lastupdated lastmodified"""
)
RECORD_TIMES: Final = _RECORD_EVENTS | _words("ts timestamp timestamps mtime ctime atime epoch")
"""Words of field names of a record's own times (``created_at``, ``updatedOn``, ``ts``, ``expires``):
when the system did something, not when something happened to the person. Their dates are kept."""
_TIME_HEADS: Final = _words("at on date time datetime ts dt")


def record_time(words: list[str]) -> bool:
    """Whether a field name's words name a record's own time (``created_at``, ``lastModified``, ``ts``)."""
    if not words:
        return False
    last = words[-1]
    if last in RECORD_TIMES:
        return True
    return len(words) > 1 and last in _TIME_HEADS and words[-2] in _RECORD_EVENTS


_PHONE_WORDS: Final = _words("reach cb callback callerid caller ani cli dialed dialled from to number num sms whatsapp")
"""Last words of field names under which a bare ten-digit number is a phone whoever the mapping is about
(``reach``, ``cb``, ``caller_id``, ``from``)."""
_NOT_PHONE_WORDS: Final = _words(
    """id ids uuid guid ref key seq sequence offset count total amount size bytes ms ns us epoch version port
    pid code hash checksum crc"""
)
"""Last words of field names whose bare number is a count, an id or a measure, even beside a person."""


def phone_words(words: list[str]) -> int:
    """1 when a field name announces a phone number (``reach``, ``cb``), -1 when its number is no phone
    (``order_id``, ``bytes``), else 0 (a bare phone number there is one beside a person only)."""
    if not words:
        return 0
    last = words[-1]
    if last in _PHONE_WORDS or (len(words) > 1 and words[-2:] == ["caller", "id"]):
        return 1
    return -1 if last in _NOT_PHONE_WORDS else 0


_MONTH: Final = (
    r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)"
)
_FOREIGN_MONTH: Final = "(?i:" + trie_alternation(FOREIGN_WRITTEN | {"august", "september", "november"}) + r")\.?"
"""A month name of another language (and the German names English spells the same: ``14. August 1958``)."""
_DAY: Final = r"(?:0?[1-9]|[12][0-9]|3[01])"
_MONTH_NUMBER: Final = r"(?:0?[1-9]|1[0-2])"
_YEAR: Final = r"(?:1[89]|20)[0-9]{2}"
_CLOCK: Final = r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?[ ]?(?:Z|[+-][0-9]{2}:?[0-9]{2}|UTC)?)?"
_FULL_DATE: Final = re.compile(
    rf"{_YEAR}([-/.]){_MONTH_NUMBER}\1{_DAY}{_CLOCK}"
    rf"|{_DAY}([-/.]){_DAY}\2{_YEAR}{_CLOCK}"
    rf"|{_MONTH_NUMBER}/{_DAY}/[0-9]{{2}}"
    rf"|{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    rf"|{_MONTH}[ ]{_DAY}(?:st|nd|rd|th)?,?[ ]{_YEAR}"
    rf"|{_DAY}(?:st|nd|rd|th)?[ -](?:of[ ])?{_MONTH},?[ -]{_YEAR}"
    rf"|{_DAY}(?:er|º|°|ª|o)?\.?[ ](?:de[ ])?{_FOREIGN_MONTH},?[ ](?:de[ ]|del[ ])?{_YEAR}"
    rf"|{_FOREIGN_MONTH}[ ]{_DAY},?[ ]{_YEAR}"
    rf"|{_YEAR}(?:年{_MONTH_NUMBER}月{_DAY}日|년[ ]?{_MONTH_NUMBER}월[ ]?{_DAY}일)"
)
"""A date with its day, month and year (a time of day after it allowed): ISO, ``MM/DD/YYYY``, ``DD.MM.YYYY``,
``YYYYMMDD``, ``March 12, 1948``, ``12-Mar-1948``, other languages' ``29 avril 2024``, ``3 de agosto de 2022``,
``6. März 2021``; not a year alone, a month alone or a version (``1.2.10``)."""


def maybe_date(value: str) -> bool:
    """Whether a string may be a full date (a cheap test before :func:`full_date`)."""
    return (
        6 <= len(value) <= 40
        and (value[-1].isdigit() or value[-1] in "ZC日일")  # a year, a time of day, a zone or a CJK day ends it
        and (value[0].isdigit() or value[0].isalpha())
    )


def full_date(value: object) -> bool:
    """Whether ``value`` is a full date: a ``date``/``datetime`` object, or a string of one and nothing else."""
    if type(value) is str:
        return maybe_date(value) and _FULL_DATE.fullmatch(value.strip()) is not None
    return isinstance(value, datetime.date)


_DATE_IN_TEXT: Final = re.compile(r"(?<![\w/.:-])(?:" + _FULL_DATE.pattern + r")(?![\w/-]|\.[0-9])")
_WORD: Final = re.compile(r"[^\W\d_]{2,}")
SEARCH_DATE_KEYS: Final = frozenset({"q", "query", "search", "searchterm", "term", "keyword", "lookup"})
"""Keys of what someone typed to find something: a full date beside a word there is whom they looked up."""


def searched_dates(text: str) -> list[tuple[int, int]]:
    """The full dates of a search typed with a word (``Myrcha 02/20/1954``: a name and a birth date); none
    in a search of a date alone or of numbers."""
    if len(text) > 200 or not any(ch.isdigit() for ch in text):
        return []
    if not any(_name_like(word) for word in _WORD.findall(text)):
        return []  # "errors since 2024-01-02": a search of logs, not of a person
    return [match.span() for match in _DATE_IN_TEXT.finditer(text)]


def _name_like(word: str) -> bool:
    """A word that may be a name: in the name tables, or no English word (any script)."""
    if not word.isascii():
        return True
    return word.title() in FIRST_NAMES or word.title() in SURNAMES or unknown_word(word)


_NAME_SEPARATOR: Final = re.compile(r",?[ ]+|\^")
_CJK_NAME: Final = re.compile(r"[\uac00-\ud7a3]{2,4}|[\u4e00-\u9fff]{2,4}")


def foreign_name(text: str) -> bool:
    """Whether ``text`` is two to four words of letters in a script other than Latin (``नंद तिवारी``,
    ``طقش, سالم``, ``Варфоломей Сидоров``, HL7's ``Сидоров^Варфоломей^K``): a name in a row beside a date,
    phone or number of its own."""
    if not 3 <= len(text) <= 60 or text.isascii():
        return False
    words = [word for word in _NAME_SEPARATOR.split(text.strip()) if word]
    if len(words) == 1 and _CJK_NAME.fullmatch(words[0]):
        return True  # a Korean or Chinese name written as one word (장현준, 王秀英)
    if len(words) > 2 and len(words[-1]) == 1 and words[-1].isupper():
        words.pop()  # an HL7 name's middle initial ("ابو السعود^نغم^D")
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        if not word or word.isascii():
            return False
        for ch in word:
            if not (ch.isalpha() or unicodedata.category(ch) in {"Mn", "Mc"}) or "a" <= ch.lower() <= "z":
                return False
    return True
