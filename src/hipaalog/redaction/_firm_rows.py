"""Header-less delimited rows of an organisation: a vendor file, a store list, a directory of hospitals.

A row whose cell names a firm (a legal form or a firm's word last: ``Guzman & Lowery LLP``, ``Parker LLC``,
``Dalton and Sons``; partners listed: ``Williams, Tran and Harris``) or a place of business (``Allen Pharmacy``,
``Kellyport General Hospital``, ``Store #640``) is about that organisation: its street address, town, postal
code, phone line, dates and ids are the firm's, no one's PHI. A column holding a firm in one row of a block (the
same delimiter, the same number of cells) holds firms in the others too. A row that also names a person (a given
name and a surname in one cell, or in two cells side by side: ``Roe|Jane``) or holds a birth date, an SSN, a
record or member number or an e-mail address stays a person's, and those stay masked in any row.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from ._delimited_rows import Cell, delimited_rows
from ._detector import Span
from ._firms import CELL_FIRM_ENDINGS, partners_list
from ._gazetteer import listed_town
from ._name_table import GIVEN, SURNAME_RANK
from ._row_cells import cell_kind

__all__ = ["firm_row_spans"]

_BUSINESS_WORDS: Final = frozenset(
    (
        *("hospital", "hospitals", "clinic", "clinics", "pharmacy", "pharmacies", "dental", "hospice", "laboratories"),
        *("healthcare", "store", "stores", "warehouse", "depot", "bank", "hotel", "restaurant", "bakery", "market"),
        *("supermarket", "motors", "logistics", "solutions", "systems", "technologies", "services", "industries"),
        *("enterprises", "corporation", "incorporated", "limited", "holdings", "associates", "partners", "group"),
    )
)
"""Capitalised words of a cell that name a place of business or a firm (lower case)."""
_BUSINESS_PAIRS: Final = frozenset(
    ("health center", "health centre", "medical center", "medical centre", "urgent care", "family medicine")
)
"""Two words that end a clinic's name (``Frey Health Center``)."""
_FORMS: Final = frozenset((*CELL_FIRM_ENDINGS, "lp", "pllc", "ag", "sa", "nv", "bv", "kg", "srl", "spa", "oy"))
"""Legal forms last in a cell of two words or more (``Gehringer Wiek AG``)."""
_HINT: Final = re.compile(
    r"(?i)(?=[a-z])(?<![\w])(?:llc|plc|inc|ltd|llp|corp|gmbh|pty|sarl|ag|sa|nv|bv|kg|srl|spa|lp|oy|group"
    r"|sons|company|partners|hospitals?|clinics?|pharmac(?:y|ies)|dental|hospice|laboratories|healthcare|stores?"
    r"|warehouse|depot|bank|hotel|restaurant|bakery|(?:super)?market|motors|logistics|solutions|systems"
    r"|technologies|services|industries|enterprises|corporation|incorporated|limited|holdings|associates|co"
    r"|health[ ]cent(?:er|re)|medical[ ]cent(?:er|re)|urgent[ ]care|family[ ]medicine|[a-z]+,[ ][a-z]+[ ](?:and|&))"
    r"\b"
)
"""A word of a firm anywhere in a text: only then are its rows read."""
_FIRM_KINDS: Final = frozenset(("NAME", "ADDRESS", "ZIP", "PHONE", "FAX", "ID", "DATE", "URL"))
"""Kinds of a span in a firm's row that are the firm's values (its e-mail, an SSN or a record number stay)."""
_LONE_FORMS: Final = frozenset(("llc", "plc", "inc", "ltd", "llp", "corp", "gmbh", "group"))
"""A legal form alone in a cell after a firm's name split at its comma (``Smith-Cantu, Inc``)."""
_COMMA_PARTNERS: Final = re.compile(
    r"([A-Z][a-z]+)(?:-[A-Z][a-z]+)?,[ ]?([A-Z][a-z]+)(?:-[A-Z][a-z]+)?[ ](?:and|&)[ ][A-Z][a-z]+(?![\w-])"
)
"""Partners listed, the row's comma after them (``Martin, Gonzales and Frost, LLC``)."""
_FREQUENT: Final = 8000
_RARE: Final = 2000
"""Partners' surnames rank below :data:`_FREQUENT`; one that is a given name too, below :data:`_RARE`."""
_YEAR: Final = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_LAST_BIRTH_YEAR: Final = datetime.date.today().year - 16
_TITLES: Final = frozenset(("dr", "mr", "mrs", "ms", "miss", "prof"))
_WORD: Final = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?\.?")


def _firm_cell(text: str, cell: Cell) -> bool:
    """Whether ``cell`` names a firm or a place of business."""
    start, _, value, _ = cell
    if not value[:1].isupper():
        return False
    if partners_list(text, start):
        return True
    partners = _COMMA_PARTNERS.match(text, start)
    if partners is not None and _partner(partners[1]) and _partner(partners[2]):
        return True
    words = value.replace(".", "").replace(",", "").split()
    if len(words) < 2:
        return len(words) == 1 and words[0].lower() in _LONE_FORMS
    last = words[-1].lower()
    if last in _FORMS or last in _BUSINESS_WORDS or " ".join(words[-2:]).lower() in _BUSINESS_PAIRS:
        return True
    for word in words:  # noqa: SIM110 - no generator on the hot path ("Store #640", "Hospital of St Jude")
        if word[:1].isupper() and word.lower() in _BUSINESS_WORDS:
            return True
    return False


def _partner(word: str) -> bool:
    """Whether ``word`` is a frequent surname, more often one than a given name (``Martin``; not ``Jeffrey``)."""
    bare = word.lower()
    rank = SURNAME_RANK.get(bare, _FREQUENT)
    return rank < _FREQUENT and (bare not in GIVEN or rank < _RARE)


def _given(word: str) -> bool:
    return _WORD.fullmatch(word) is not None and word.lower() in GIVEN


def _surname(word: str) -> bool:
    return _WORD.fullmatch(word) is not None and word.lower() in SURNAME_RANK


def _full_name(value: str) -> bool:
    """Whether ``value`` is a given name and a surname (a title and a middle initial allowed: ``Dr. Jane Q. Roe``)."""
    words = value.replace(",", " ").split()
    if words and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    if not 2 <= len(words) <= 3 or (len(words) == 3 and len(words[1].rstrip(".")) != 1):
        return False
    first, last = words[0], words[-1]
    if len(words) == 2 and listed_town(value):
        return False  # a place named like a person (San Marino, Santa Clara)
    return (_given(first) and _surname(last)) or ("," in value and _surname(first) and _given(last))


def _names_person(cells: list[Cell], firms: set[int]) -> bool:
    """Whether a cell of the row, no firm's, is a person's full name, or two cells side by side a name's parts."""
    for index, cell in enumerate(cells):
        if index in firms:
            continue
        value = cell[2]
        if _full_name(value):
            return True
        if index + 1 < len(cells) and index + 1 not in firms:
            other = cells[index + 1][2]
            if (_surname(value) and _given(other)) or (_given(value) and _surname(other)):
                return True
    return False


def _holds(spans: list[tuple[int, int]], low: int, high: int) -> bool:
    """Whether a span of ``spans`` lies in ``low:high``."""
    for start, end in spans:  # noqa: SIM110 - no generator on the hot path
        if low <= start and end <= high:
            return True
    return False


def _birth_dated(cells: list[Cell]) -> bool:
    """Whether a cell is a full date of a year long past (``04/12/1961``, ``1961-04-12``): a birth date."""
    for cell in cells:
        value = cell[2]
        if cell_kind(value) == "DATE":
            year = _YEAR.search(value)
            if year is not None and int(year[0]) <= _LAST_BIRTH_YEAR:
                return True
    return False


def firm_row_spans(found: list[Span], text: str) -> list[Span]:
    """``found`` without the spans of a firm's values inside the delimited rows of ``text`` about a firm."""
    if not found or _HINT.search(text) is None:
        return found
    rows = delimited_rows(text)
    if not rows:
        return found
    firm_columns: dict[str, set[int]] = {}
    row_firms: list[set[int]] = []
    for block, cells in rows:
        firms = {index for index, cell in enumerate(cells) if _firm_cell(text, cell)}
        row_firms.append(firms)
        if firms:
            firm_columns.setdefault(block, set()).update(firms)
    people = [(start, end) for start, end, kind in found if kind not in _FIRM_KINDS]
    spans: list[tuple[int, int]] = []
    for (block, cells), firms in zip(rows, row_firms, strict=True):
        columns = firm_columns.get(block)
        if columns is None or _holds(people, cells[0][0], cells[-1][1]) or _birth_dated(cells):
            continue  # a birth date, an SSN, a record number or an e-mail address: a person's row
        if not firms and not _names_person(cells, columns):
            firms = columns
        if firms and not _names_person(cells, firms):
            spans.append((cells[0][0], cells[-1][1]))
    if not spans:
        return found
    kept: list[Span] = []
    for span in found:
        start, end, kind = span
        inside = False
        if kind in _FIRM_KINDS:
            for low, high in spans:
                if low <= start and end <= high:
                    inside = True
                    break
        if not inside:
            kept.append(span)
    return kept
