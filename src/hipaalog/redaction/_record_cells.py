"""Whether a positional row with no name nor cue in it is one person's record, read from its cells' shapes alone.

A tuple, a task's ``args=(...)``, a ``kwargs={...}`` with keys that say nothing (``a``, ``x1``, ``arg0``; quoted
as Python or as JSON writes them) or an ``asyncpg`` record may carry a person's record without their name:
``('MRN00418822', datetime.date(2024, 3, 5), 'Elmira', '14901')``. Its cells are weighed one by one:

- strong: an id of capitals and five digits or more (``A8812345``, ``SN-88213-XK``, a VIN), a plate, a phone
  number, a street address (``742 Evergreen Terrace``, ``Vejlegade 5``), a birth date (a full date before 2010);
  a town's postal code after it weighs with the town;
- a listed town (``Elmira``, ``Częstochowa``): strong beside a strong cell or a code written as text
  (``'34396741'``, ``'94-705'``), never beside a count (``('Chicago', 104)``, ``('Denver', 2746388)``), a date
  (a warehouse's shipment) or its own postal code alone;
- weak: a number of six digits or more (a row's key or a record number), a full date since 2010 (a visit's), an
  age over 89, a quoted code (five digits, a postal code's or a date's shape), an id after a business word
  (``ORD-2024-00042``, ``INV-88213``) or with fewer digits (``UA1234``), a parcel's tracking number.

Words shaped as a town no table lists (``Jamesfort``, ``East Lisaville``, ``Port Amanda``, ``Sindrefjord``) weigh
as a town beside a strong cell only.

The row is a person's record when it holds two strong cells, a strong and a weak one (or a town's words), a town
and a code, or a strong cell or a town on a line that names a person's or a visit's record (``patient``,
``member``, ``visit``, ``admit``, ``chart``, ``encounter``, ``claim``, ``lookup``, also in a task's name). On such
a line weak cells make one too when a record's number comes before a date (``visit (6193583, '70400463',
datetime.date(2025, 6, 17))``) or two numbers are, one written as text. Elsewhere weak cells alone never do:
``(4412093, 94)``, ``('2024-03-01', '2024-03-31')`` and ``(datetime.date(2024, 3, 5), 12)`` stay, and so does a
series after a record's word, its date first (``admissions by day [('2024-03-01', 1234567)]``). Ids in lower
case (``i-0abc123def4567890``, ``web-7f9c8d6b5-xk2lp``), hashes, versions, hosts and ports, paths, header pairs
and other words weigh nothing, and so does a value whose keyword names it (``city=``, ``contract_no=``: the
catalogue judges those); SQL's ``(cols) VALUES (...)`` is judged by its columns.
"""

from __future__ import annotations

import re
from typing import Final

from ._gazetteer import NONE, fold, listed_town, town_evidence
from ._id_shapes import CELL_MIN_DIGITS, id_shape
from ._lexicon import ENGLISH, SOFTWARE
from ._row_cells import cell_kind
from ._vocab import STREET_SUFFIXES

__all__ = ["TOWN_WORD", "care_date", "coined_town", "record_cells", "street_cell"]

TOWN_WORD: Final = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:['’-][A-ZÀ-ÖØ-ÞĀ-Ž]?[a-zß-öø-ÿā-ž]+){0,3}"
"""One capitalised word of a town's name, in Latin letters with their accents, its parts joined by hyphens
(``Faulx-les-Tombes``, ``Ramskapelle-Knokke-Heist``)."""

_RECORD_CUE: Final = re.compile(
    r"(?i)(?=[acdeilmpv])(?<![a-z'\"])(?:patients?|members?|visits?|admi(?:t|ts|tted|ssions?)|discharge[ds]?|charts?"
    r"|encounters?|claims?|lookups?|enrollees?|beneficiar(?:y|ies)|episodes?)(?![a-z])(?!\w*['\"])"
)
"""A word of a person's or a visit's record before the row on its line, also inside a task's name
(``sync_patient_chart``), never inside a quoted value (``'visits_total'``, a column's name)."""
_CARE_DATE: Final = re.compile(
    r"(?=[0-9d])(?:(?:datetime\.)?(?:date|datetime)\((?:19|20)[0-9]{2},[ ]?[0-9]{1,2},[ ]?[0-9]{1,2}"
    r"(?:,[^()\n]{0,40})?\)"
    r"|(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9](?:[T ][0-9:.]{5,15})?|[01]?[0-9]/[0-3]?[0-9]/(?:19|20)[0-9]{2})"
)
"""A full date (an ISO or US date, a ``date`` or ``datetime`` object's repr), a time after it allowed."""
_TICKET: Final = re.compile(r"[A-Z]{3,}-[0-9]")
"""A business word before a number (``ORD-2024-00042``, ``INV-88213``, ``SKU-48213``): an order's id, no person's."""
_VIN: Final = re.compile(
    r"(?=[A-Z0-9]{0,16}[A-Z][A-Z0-9]{0,15}[A-Z])(?=[A-Z0-9]{0,16}[0-9][A-Z0-9]{0,15}[0-9])[A-HJ-NPR-Z0-9]{17}"
)
"""A vehicle's identification number: seventeen capitals and digits, no ``I``, ``O`` or ``Q``."""
_PARCEL: Final = re.compile(r"1Z[0-9A-Z]{16}")
"""A carrier's parcel tracking number (``1Z`` and sixteen capitals and digits): a shipment's, no person's."""
_TOWN_WORDS: Final = re.compile(rf"{TOWN_WORD}(?:[ ]{TOWN_WORD}){{0,2}}")
_FIVE: Final = re.compile(r"[0-9]{5}")
_ID: Final = "ID"
"""A strong cell: an id, a phone number, a birth date, a postal code after a town."""
_BIRTH: Final = _ID
_TOWN: Final = "TOWN"
"""A listed town: strong beside a strong cell or a date, never beside a count (``('Chicago', 104)``)."""
_PLACE: Final = "PLACE"
"""Words shaped as a town no table lists (``Jamesfort``, ``East Lisaville``, ``Port Amanda``): a town beside a
strong cell only."""
_JOINED: Final = re.compile(r"-(?:l[aeo]s?|lez|sur|sous|et|en|d[eu]|des|aux|a[mn]|im|bei|upon|on)-")
"""A French, Belgian, German or English word joining a town's hyphenated name (``Fayt-le-Franc``,
``Biesme-sous-Thuin``); another hyphenated word is a town only when listed (``Content-Type`` is none)."""
_STREET: Final = re.compile(
    r"(?=[0-9A-ZÀ-ÖØ-Þ])(?:[0-9]{1,6}[A-Z]?(?P<words>(?:[ ](?:[A-Z][a-z'’.]+|[0-9]{1,3}(?:st|nd|rd|th))){1,3})"
    r"|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,30}(?:stra(?:ss|ß|s)e|weg|platz|gasse|allee|damm|straat|laan|plein|gracht|dreef"
    r"|singel|kaai|hof|gatan|v[aä]gen|veien|vegen|vej|gade|gata|gate)[ ][0-9]{1,4}[A-Za-z]?)"
)
"""A street address written in one cell: a number, a name and a street's type (``6 Jonathan Fairway``,
``742 Evergreen Terrace``), or a name glued to its type and a number (``Vejlegade 5``, ``Hauptstraße 12``,
``Guidodreef 829``)."""
_PREFIXES: Final = frozenset(("north", "south", "east", "west", "new", "lake", "port", "mount", "fort"))
"""Words that begin a coined town's name (``Port Amanda``, ``Lake Heather``): the word after is any name."""
_DATE: Final = "DATE"
_STAMP: Final = "STAMP"
"""A recent date with its time of day (``'2026-09-15 07:15:51'``, ``datetime.datetime(2026, 9, 15, 7, 15)``): when
something happened in a system as often as a visit's time, so it makes a record only after a record's word."""
_AGE: Final = "AGE"
_WEAK: Final = "WEAK"
_CODE: Final = "CODE"
"""A weak cell written as text (``'34396741'``, ``'94-705'``): a code, never a count, so strong beside a town."""
_ID_DIGITS: Final = 5
"""Fewest digits of a strong id that is no plate (``A8812345``, ``SN-88213-XK``; ``UA1234`` is weak)."""
_MIN_AGE: Final = 90
_MAX_AGE: Final = 129


def care_date(value: str) -> bool:
    """Whether ``value`` is a full date (a visit's, an admission's, a birth's), a time after it allowed."""
    return value[:1] in "0123456789d" and _CARE_DATE.fullmatch(value) is not None


def _weight(value: str, quoted: bool, after: str) -> str | None:
    """How one cell reads as a person's value (``ID``, ``TOWN``, ``DATE``, ``AGE``, ``WEAK``, or ``None``: it
    does not); ``after``: the quoted cell before it."""
    if not value or value[:1] in "[<":
        return None
    first = value[:1]
    if first.isdigit() or first == "d":
        if care_date(value):
            year = int(value[value.index("(") + 1 : value.index("(") + 5]) if first == "d" else _year(value)
            if year < _RECENT:
                return _BIRTH
            return _STAMP if ":" in value or value.startswith(("datetime(", "datetime.datetime(")) else _DATE
        if value.isdigit():
            if not quoted and _MIN_AGE <= int(value) <= _MAX_AGE and len(value) <= 3:
                return _AGE
            if quoted and _FIVE.fullmatch(value) is not None:
                return None if _TOWN_WORDS.fullmatch(after) is not None else _CODE  # a town's code: its place
            if id_shape(value, CELL_MIN_DIGITS) is None:
                return None
            return _CODE if quoted else _WEAK
    if not quoted:
        return None
    if first.isupper() and (value.isalpha() or _TOWN_WORDS.fullmatch(value) is not None):
        bare = value.lower()
        if bare in ENGLISH or bare in SOFTWARE:
            return None
        if listed_town(value):
            return _TOWN
        return _PLACE if (_JOINED.search(value) is not None or "-" not in value) and coined_town(value) else None
    if (kind := id_shape(value, CELL_MIN_DIGITS)) is not None:
        if not _upper(value):
            return None
        if _VIN.fullmatch(value) is not None:
            return _ID
        if _TICKET.match(value) is not None or _PARCEL.fullmatch(value) is not None:
            return _WEAK
        if kind != "VEHICLE" and _digits(value) < _ID_DIGITS:
            return _WEAK  # an order's or a flight's number (``ORD-2024-00042``, ``UA1234``)
        return _ID
    if street_cell(value):
        return _ID
    kind = cell_kind(value)
    return _ID if kind == "PHONE" else _CODE if kind is not None else None


def coined_town(value: str) -> bool:
    """Whether capitalised words no table lists are shaped as a town's name: words no dictionary knows or with a
    town's ending (``Raymonddan``, ``Jamesfort``, ``Sindrefjord``), or a town's first word before a name
    (``Lake Heather``, ``Port Amanda``)."""
    words = value.split()
    if len(words) > 1 and fold(words[0]) in _PREFIXES:
        return True
    return town_evidence(words) != NONE


def street_cell(value: str) -> bool:
    """Whether ``value`` is a street address written in one cell (:data:`_STREET`)."""
    found = _STREET.fullmatch(value)
    if found is None:
        return False
    words = found["words"]
    return words is None or words.rsplit(" ", 1)[1].rstrip(".") in STREET_SUFFIXES


def _digits(value: str) -> int:
    """How many digits ``value`` has."""
    count = 0
    for ch in value:
        count += ch.isdigit()
    return count


def _upper(value: str) -> bool:
    """Whether an id has no lower-case letter (``i-0abc123def``, a cloud's or a pod's, has)."""
    for ch in value:  # noqa: SIM110 - no generator on the hot path
        if ch.islower():
            return False
    return True


def _year(value: str) -> int:
    """The year of an ISO or US date."""
    return int(value[:4]) if value[4:5] == "-" else int(value[-4:])


_RECENT: Final = 2010
"""Years before this are a birth's (a visit's date is of this or the last decade)."""


def record_cells(values: list[tuple[str, bool]], text: str, line: tuple[int, int]) -> bool:
    """Whether the cells ``values`` (a value and whether it was quoted) are one person's record; ``line``: the span
    of the row's line in ``text`` (read for a word of a record)."""
    strong = towns = places = dates = codes = numbers = weak = 0
    keyed = False  # a number before the row's first date: a record's key (a series writes its date first)
    after = ""
    for value, quoted in values:
        weight = _weight(value, quoted, after)
        after = value if quoted else ""
        if weight == _ID:
            strong += 1
        elif weight == _TOWN:
            towns += 1
        elif weight == _PLACE:
            places += 1
        elif weight == _DATE:
            dates += 1
            keyed = keyed or codes + numbers > 0
        elif weight == _STAMP:
            keyed = keyed or codes + numbers > 0  # counts as a date only after a record's word (below)
        elif weight == _CODE:
            codes += 1
        elif weight is not None:
            weak += 1
            numbers += weight == _WEAK
    if strong >= 2 or (strong and (towns or places or dates or codes or weak)) or (towns and codes):
        return True
    ids = codes + numbers
    if not (strong or towns) and not (keyed or (codes and ids >= 2)):
        return False  # a record's number and a date of care, or two numbers one written as text, after a record's word
    return _RECORD_CUE.search(text, line[0], line[1]) is not None
