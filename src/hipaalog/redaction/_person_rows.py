"""The other values of a positional row about a person: its record numbers, plates, serials, towns and great ages.

A row logged by position (a tuple or list printed with ``%s``/``%r``/``str()``, a named tuple's repr, a DB-API
row or its bound parameters, ``VALUES (...)``, a task's ``args=(...)``, ``KeyError(('Roe', ...))``) has lost the
names of its columns. It is about a person when it holds one of their identifiers (a name, a birth date, an SSN,
a record or member number, a phone number, an e-mail or street address, a plate or VIN), hipaalog's mask of one,
when the words right before it say whose it is (``patient row=``, ``INSERT INTO patients VALUES``), or when a list
of column names before it names a person's (``('mrn', 'plate', 'town')``: its values are masked by column). Then
its other values shaped as a person's are too: ids mixing letters and digits (``W123456789``, ``7ABC123``,
``SN-88213-XK``), numbers of six digits or more (quoted or not), a town (listed, shaped as one, or capitalised beside
a state code or ZIP code, and that code; a four-digit postcode beside a town), a street in one cell, and an age
over 89. A row with none of that evidence stays as it is (``('GET',
'/api/v1/items', 200)``, ``('us-east-1', 'i-0abc...')``, ``(host, port)``), and so do uuids, hashes, dimensions,
dates and times.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Final

from ._delimited_rows import delimited_rows
from ._detector import Span
from ._gazetteer import listed_town
from ._id_shapes import CELL_MIN_DIGITS, digits_date, id_shape
from ._keys import DEFAULT_CATALOGUE
from ._lexicon import ENGLISH, SOFTWARE
from ._record_cells import TOWN_WORD, care_date, coined_town, record_cells, street_cell
from ._row_cells import cell_kind, name_cell
from ._vocab import STATE_CODES

__all__ = ["person_id_shaped", "row_sibling_spans"]

_EVIDENCE: Final = frozenset(
    (
        *("NAME", "DOB", "SSN", "MRN", "PATIENT", "MEMBER_ID", "MBI", "PHONE", "FAX", "EMAIL", "ADDRESS"),
        *("VEHICLE", "LICENSE", "CARD", "ACCOUNT", "AGE"),
    )
)
"""Kinds of a value that make the row holding it a person's."""
_EVIDENCE_MARKER: Final = re.compile(
    r"\[(?:REDACTED:)?(?:NAME|DOB|SSN|MRN|PATIENT|MEMBER_ID|MBI|PHONE|FAX|EMAIL|ADDRESS|VEHICLE|LICENSE|CARD"
    r"|ACCOUNT|AGE|DATE)[:\]]"
)
"""hipaalog's mask or pseudonym of a person's value, already in the text."""
_CUE_WORDS: Final = (
    r"(?:patients?|members?|subscribers?|pt|claims?|enrollees?|beneficiar(?:y|ies)|insured|guarantors?|claimants?"
    r"|dependents?)"
)
_CUE: Final = re.compile(rf"(?i)(?=[bcdegimps])(?<![\w./-]){_CUE_WORDS}(?![\w./-])")
"""A word of a person standing alone (not in ``patient-api``, ``claims_etl`` or ``/patients/``)."""
_CUED_ROW: Final = re.compile(
    rf"(?i)(?<![\w./-]){_CUE_WORDS}"
    r"(?:[ ]*(?:[:=]|->|[ ])[ ]*(?:rows?|records?|data|values|tuple|params|parameters|args|fields|details"
    r"|demographics|lookup|query|result|search|update|insert|failed|not[ ]found|missing"
    r"|fetch(?:one|all|many)\(\))){0,3}"
    r"[ ]*(?:[:=]|->)?[ ]*(?:[A-Za-z_][\w.]{0,40})?\(?$"
)
"""A word of a person right before a row, a few words of a row at most between (``patient row=``, ``INSERT INTO
patients VALUES``, ``member not found: KeyError(``, ``patient record Row(``)."""
_OPENERS: Final = re.compile(r"[(\[{]|<Record[ ]")
"""The opening of a row: a tuple's, a list's, a dict's (its keys skipped) or an ``asyncpg`` record's."""
_SHAPED_HINT: Final = re.compile(r"[(\[{ ,=:][ ]?(?:['\"][A-Z0-9]|[0-9]{5}|datetime\.|date\()")
"""A row's value that may be shaped as a person's (a quoted code, a long number, a date): the rows are read."""
_KEYWORD: Final = re.compile(r"([A-Za-z_]\w{0,40})(?:=|['\"]:[ ]?)$")
"""The keyword or dict key right before a value."""
_UNTELLING: Final = re.compile(r"(?i)[a-z][0-9]{0,2}|(?:arg|param|val|value|field|col|item)_?[0-9]{0,2}")
"""A keyword that says nothing of its value (``a``, ``v``, ``x1``, ``arg0``); ``id=`` and ``ts=`` say what it is."""
_COLUMNS_BEFORE: Final = re.compile(r"(?i)\)[ ]*VALUES[ ]*$")
_PLACEHOLDER: Final = re.compile(r"(?:[=<>]|(?i:like|in))[ ]*\(?[ ]*(?:%s|\?|\$[0-9]{1,3}|:[A-Za-z_]\w*|%\(\w+\)s)")
"""A statement's placeholder (``batch_id = %s``, ``= ?``, ``= $1``, ``= :id``): a row after it is its parameters,
judged by their columns (the SQL reader's), not by their shapes."""
"""SQL's ``(col, ...) VALUES`` before a row: its columns' names judge it, not its shapes."""
_CLOSERS: Final = {"(": ")", "[": "]", "{": "}", "<": ">"}
_HEADER_HINT: Final = re.compile(r"['\"][A-Za-z_][\w ]{0,40}['\"],[ ]?['\"][A-Za-z_]")
"""Two quoted words in a row: maybe a list of column names (``('mrn', 'plate', 'town')``)."""
_COLUMN: Final = re.compile(r"[A-Za-z_][A-Za-z_ ]{0,40}[0-9]?")
"""A column's name: words, at most one digit at its end (``addr2``), never an id (``MRN00482913``)."""
_COLUMN_KINDS: Final = frozenset(
    (
        *("NAME", "DOB", "SSN", "MRN", "PATIENT", "MEMBER_ID", "MBI", "PHONE", "FAX", "EMAIL", "ADDRESS", "ZIP"),
        *("VEHICLE", "DEVICE", "LICENSE", "ACCOUNT", "AGE"),
    )
)
"""Kinds of a column masked in the rows under a list of column names about a person."""
_PERSON_COLUMNS: Final = _COLUMN_KINDS - {"ADDRESS", "ZIP", "AGE", "DEVICE"}
"""Kinds of a column that make a list of column names a person's (a town's or an age's column alone is in tables of
counts too: ``('city', 'visits')``)."""
_EMPTY: Final = frozenset(("", "None", "NULL", "True", "False", "TRUE", "FALSE"))
_ITEM: Final = re.compile(
    r"[ ]*(?:\n[ ]{0,40})?(?:[A-Za-z_]\w{0,40}=|'[A-Za-z_]\w{0,40}':[ ]?"
    r"|\"(?:[A-Za-z][0-9]{0,2}|(?:arg|param|val|value|field|col|item)_?[0-9]{0,2})\":[ ]?)?"
    r"('(?:[^'\\\n]|\\.|''){0,200}'|\"(?:[^\"\\\n]|\\.){0,200}\"|\[(?:REDACTED|[A-Z][A-Z0-9_]*)[^\]\n]{0,60}\]"
    r"|-?[0-9][0-9.]{0,30}|None|True|False|NULL|TRUE|FALSE"
    r"|(?:datetime\.)?(?:date|datetime|Decimal)\([^()\n]{0,80}\)|<[A-Za-z][^<>\n]{0,100}>)[ ]*"
)
"""One value of a row (a keyword before it, as a named tuple writes it, or a dict's key, is allowed: a JSON key only
when it says nothing, ``{"a": ..., "x1": ...}``, so that a JSON object of named fields is no row); an object's
repr in angle brackets (``<function sync at 0x7f...>`` of a ``functools.partial``) is a value of none of a person's
shapes."""
_TOWN: Final = re.compile(rf"{TOWN_WORD}(?:[ ]{TOWN_WORD}){{0,2}}")
"""A town's capitalised words, of Latin letters with their accents (``Elmira``, ``Lübben``, ``Częstochowa``)."""
_ZIP: Final = re.compile(r"[0-9]{5}(?:-[0-9]{4})?")
_PLACE_MARKER: Final = re.compile(r"\[(?:REDACTED:)?(?:ADDRESS|ZIP)[:\]]")
_BIRTH_DATE: Final = re.compile(
    r"(?=[0-9d])(?P<y>19[0-9]{2}|20[0-9]{2})-[01][0-9]-[0-3][0-9]|[01]?[0-9]/[0-3]?[0-9]/(?P<y2>19[0-9]{2}|20[0-9]{2})"
    r"|(?:datetime\.)?date\((?P<y3>19[0-9]{2}|20[0-9]{2}),[ ]?[0-9]{1,2},[ ]?[0-9]{1,2}\)"
    r"|[0-3]?[0-9](?P<s4>[-.])[0-3]?[0-9](?P=s4)(?P<y4>19[0-9]{2}|20[0-9]{2})"
    r"|(?P<y5>19[0-9]{2}|20[0-9]{2})(?P<s5>[/.])[01]?[0-9](?P=s5)[0-3]?[0-9]"
    r"|(?P<y6>19[0-9]{2}|20[0-9]{2})年[01]?[0-9]月[0-3]?[0-9]日"
)
"""A full date of a row (an ISO or US date, day and month first with dashes or dots, the year first with slashes or
dots or in Chinese, a ``date`` object's repr): a birth date when its year is long past."""
_LABEL: Final = re.compile(r"[A-Za-z_]\w{0,40}$")
"""A keyword ending where the search ends (the field name before ``=``)."""
_AMOUNT: Final = re.compile(r"-?[0-9]{1,4}(?:[.,][0-9]{1,2})?")
"""A count or an amount of a cell: never typed by its column."""
_ROW_EVIDENCE: Final = 2
"""Fewest cells of a delimited row found (or masked) that make it a person's row."""
_LAST_BIRTH_YEAR: Final = datetime.date.today().year - 16
_MAX_ROWS: Final = 64
_MAX_ITEMS: Final = 16
_MAX_OPENERS: Final = 1024
"""Most brackets read as the opening of a row in one text (each read is bounded by :data:`_MAX_ITEMS`)."""
_CUE_REACH: Final = 120
"""How far before a row (on its line) a word of a person is read."""

Item = tuple[int, int, str, bool]
"""A value's span in the text (quotes left out), the value, and whether it was quoted (text, not a literal)."""


def _items(text: str, opened: int) -> tuple[list[Item], int]:
    """The values of the row opening at ``opened`` and where it ends (``-1``: no row of plain values)."""
    closing = _CLOSERS[text[opened]]
    spaced = closing == ">"  # an asyncpg record: ``<Record a=1 b='x'>``, its values apart by spaces
    items: list[Item] = []
    index = opened + (8 if spaced else 1)
    while len(items) < _MAX_ITEMS:
        found = _ITEM.match(text, index)
        if found is None:
            return [], -1
        start, end = found.span(1)
        quoted = text[start] in "'\""
        if quoted:
            start, end = start + 1, end - 1
        items.append((start, end, text[start:end], quoted))
        index = found.end()
        if index >= len(text):
            return [], -1
        if text[index] == closing:
            return items, index + 1
        if spaced and text[index - 1] == " ":
            continue
        if text[index] != ",":
            return [], -1
        index += 1
    return [], -1


def _about_person(text: str, opened: int, closed: int, evidence: list[tuple[int, int]]) -> bool:
    """Whether the row ``text[opened:closed]`` holds a person's value or mask, or its line says whose it is."""
    for start, end in evidence:
        if opened < end and start < closed:
            return True
    if "[" in text[opened:closed] and _EVIDENCE_MARKER.search(text, opened, closed) is not None:
        return True
    line_start = max(text.rfind("\n", 0, opened) + 1, opened - _CUE_REACH)
    return _CUE.search(text, line_start, opened) is not None and _CUED_ROW.search(text, line_start, opened) is not None


def person_id_shaped(value: str) -> bool:
    """Whether ``value`` is shaped as a person's identifier (:func:`._id_shapes.id_shape`)."""
    return id_shape(value, CELL_MIN_DIGITS) is not None


def _state_or_zip(value: str) -> bool:
    return value in STATE_CODES or _ZIP.fullmatch(value) is not None or _PLACE_MARKER.match(value) is not None


def _after_place(item: Item) -> bool:
    """Whether a five-digit value after ``item`` is a ZIP code: after a town or a state code, quoted."""
    value = item[2]
    if not item[3]:
        return _PLACE_MARKER.match(value) is not None
    return value in STATE_CODES or _TOWN.fullmatch(value) is not None or _PLACE_MARKER.match(value) is not None


def _birth_date(value: str) -> bool:
    """Whether ``value`` is a full date of a year long past (``1961-04-02``, ``datetime.date(1931, 2, 17)``)."""
    if not value[:1].isdigit() and value[:1] != "d":
        return False
    found = _BIRTH_DATE.fullmatch(value)
    if found is None:
        return False
    year = found["y"] or found["y2"] or found["y3"] or found["y4"] or found["y5"] or found["y6"]
    return 1900 <= int(year) <= _LAST_BIRTH_YEAR


def _town(value: str) -> bool:
    """Whether capitalised words are a town's (``Springfield``, ``Lake Charlesburgh``), no word of English or
    software (``Main``, ``Redis``)."""
    bare = value.lower()
    if bare in ENGLISH or bare in SOFTWARE:
        return False
    return listed_town(value) or coined_town(value)


def _town_cell(items: list[Item], index: int) -> bool:
    """Whether the quoted value ``items[index]`` is a town: shaped as one, or before a state or ZIP code."""
    value = items[index][2]
    return _TOWN.fullmatch(value) is not None and (_town(value) or _before_state(items, index))


def _beside_town(items: list[Item], index: int) -> bool:
    """Whether a cell next to ``items[index]`` is a town (a four-digit postal code's: ``'Kolding', '6000'``)."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(items):
            value = items[other][2]
            if _PLACE_MARKER.match(value) is not None or (items[other][3] and _TOWN.fullmatch(value) and _town(value)):
                return True
    return False


def _before_state(items: list[Item], index: int) -> bool:
    """Whether the value after ``items[index]`` is a state code or a ZIP code (``'Dunmore', 'PA'``)."""
    return index + 1 < len(items) and _state_or_zip(items[index + 1][2])


def _birth_dated(items: list[Item], text: str) -> bool:
    """Whether a value of the row is a birth date: unlabelled, or under a birth field's name (``dob=``); a date
    under another field's name (``Facility(opened=datetime.date(1984, 6, 20))``) is that field's, no birth."""
    for item in items:
        if _birth_date(item[2]):
            label = _label(text, item[0] - item[3])
            if label is None or DEFAULT_CATALOGUE.info(label).kind == "DOB":
                return True
    return False


def _label(text: str, start: int) -> str | None:
    """The keyword written right before the value at ``start`` (``opened`` in ``opened=...``), or ``None``."""
    if text[start - 1 : start] != "=":
        return None
    found = _LABEL.search(text, max(0, start - 42), start - 1)
    return None if found is None else found[0]


def _covered(start: int, end: int, covered: list[tuple[int, int]]) -> bool:
    """Whether a span of ``covered`` overlaps ``start:end`` (a loop: rows are short, spans few)."""
    for s, e in covered:  # noqa: SIM110 - no generator on the hot path
        if s < end and start < e:
            return True
    return False


def _named(item: Item, names: list[tuple[int, int]]) -> bool:
    """Whether ``item`` is a name found or hipaalog's mask of one."""
    return item[2].startswith(("[REDACTED:NAME", "[NAME")) or _covered(item[0], item[1], names)


def _name_beside(items: list[Item], index: int, names: list[tuple[int, int]]) -> bool:
    """Whether the text value ``items[index]`` is a word of a name: beside a name, or beside another such word."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(items) and items[other][3] and (_named(items[other], names) or name_cell(items[other][2])):
            return True
    return False


def _siblings(
    items: list[Item],
    covered: list[tuple[int, int]],
    names: list[tuple[int, int]],
    dates: bool = False,
    text: str | None = None,
) -> Iterator[Span]:
    """Spans of the values of a person's row shaped as theirs, those no span covers yet; ``dates``: its full dates
    of any year too (a visit's, an admission's), as a positional row's are. With ``text``, a value under a keyword
    that names a thing's attribute (``make='Toyota'``, ``model='Camry'``, ``carrier='UPS'``) is the thing's."""
    for index, (start, end, value, quoted) in enumerate(items):
        if not value or value[:1] == "[" or _covered(start, end, covered):
            continue
        if text is not None:
            key = _KEYWORD.search(text, max(0, start - 48), start - 1 if quoted else start)
            if key is not None and DEFAULT_CATALOGUE.info(key[1]).thing:
                continue
        if _birth_date(value):
            yield start, end, "DOB"
        elif dates and (care_date(value) or (quoted and len(value) == 8 and value.isdigit() and digits_date(value))):
            yield start, end, "DATE"
        elif _ZIP.fullmatch(value) is not None and index > 0 and _after_place(items[index - 1]):
            yield start, end, "ZIP"
        elif len(value) == 4 and value.isdigit() and _beside_town(items, index):
            yield start, end, "ZIP"  # Australia's, Denmark's, Switzerland's, Austria's, Belgium's, Norway's
        elif (kind := id_shape(value, CELL_MIN_DIGITS)) is not None:
            yield start, end, kind
        elif value.isdigit() and 89 < int(value) < 130:
            yield start, end, "AGE"
        elif quoted and (_town_cell(items, index) or street_cell(value)):
            yield start, end, "ADDRESS"
        elif quoted and (kind := cell_kind(value)) is not None:
            yield start, end, kind
        elif quoted and name_cell(value) and _name_beside(items, index, names):
            yield start, end, "NAME"


def _header(items: list[Item]) -> list[str | None] | None:
    """The kinds of the columns a row of quoted column names names (``('mrn', 'plate', 'status')``), or ``None``
    when it is no such row or names no column of a person."""
    kinds: list[str | None] = []
    personal = False
    for _, _, value, quoted in items:
        if not quoted or _COLUMN.fullmatch(value) is None:
            return None
        kind = DEFAULT_CATALOGUE.kind(value)
        kinds.append(kind if kind in _COLUMN_KINDS else None)
        personal = personal or kind in _PERSON_COLUMNS
    return kinds if personal else None


def _by_column(items: list[Item], kinds: list[str | None], covered: list[tuple[int, int]]) -> Iterator[Span]:
    """Spans of the values of a row under a list of column names, by their column's kind."""
    for (start, end, value, _), kind in zip(items, kinds, strict=True):
        if kind is not None and value not in _EMPTY and value[:1] != "[" and not _covered(start, end, covered):
            yield start, end, kind


def _cell_kind(cell: Item, found: list[Span]) -> str | None:
    """The kind of the span covering ``cell``, or of hipaalog's mask it is, or ``None``."""
    start, end, value, _ = cell
    for s, e, kind in found:
        if s < end and start < e:
            return kind
    if value[:1] == "[" and _EVIDENCE_MARKER.match(value) is not None:
        return value[1:].removeprefix("REDACTED:").split(":")[0].rstrip("]")
    return None


def _delimited_siblings(found: list[Span], text: str) -> list[Span]:
    """``found``, and the cells of the delimited rows of ``text`` about a person: those shaped as a person's value
    and those in a column holding a person's value in another row of the block."""
    rows = delimited_rows(text)
    if not rows:
        return found
    people: list[tuple[str, list[Item], list[str | None]]] = []
    columns: dict[str, list[str | None]] = {}
    for block, cells in rows:
        kinds = [_cell_kind(cell, found) for cell in cells]
        known = 0
        for kind in kinds:
            known += kind is not None
        if known < _ROW_EVIDENCE:
            continue
        people.append((block, cells, kinds))
        seen = columns.setdefault(block, [None] * len(cells))
        for index, kind in enumerate(kinds):
            if kind is not None and seen[index] is None:
                seen[index] = kind
    if not people:
        return found
    covered = [(start, end) for start, end, _ in found]
    names = [(start, end) for start, end, kind in found if kind == "NAME"]
    added: list[Span] = []
    for block, cells, kinds in people:
        for span in _siblings(cells, covered, names):
            if span[2] != "AGE":  # a count of a table's row (124 items) is no age without its column's name
                added.append(span)
                covered.append((span[0], span[1]))
        for cell, kind, column in zip(cells, kinds, columns[block], strict=True):
            start, end, value, _ = cell
            typed = kind is None and column is not None and value not in _EMPTY and _AMOUNT.fullmatch(value) is None
            if typed and column is not None and not _covered(start, end, covered):
                added.append((start, end, column))
    return found + added if added else found


def _untold(text: str, items: list[Item]) -> list[tuple[str, bool]]:
    """The values of a row and whether each was quoted, a value whose keyword names what it is left out (empty):
    ``company=``, ``city=`` and ``contract_no=`` are judged by the catalogue, ``a=``, ``x1=`` and ``arg0=`` say
    nothing."""
    values: list[tuple[str, bool]] = []
    for start, _, value, quoted in items:
        key = _KEYWORD.search(text, max(0, start - 48), start - 1 if quoted else start)
        told = key is not None and _UNTELLING.fullmatch(key[1]) is None
        values.append(("", False) if told else (value, quoted))
    return values


def row_sibling_spans(found: list[Span], text: str) -> list[Span]:
    """``found``, and the values shaped as a person's in the positional and delimited rows of ``text`` about a
    person."""
    if found and len(found) > 1:
        found = _delimited_siblings(found, text)
    if "(" not in text and "[" not in text and "{" not in text and "<Record " not in text:
        return found
    evidence = [(start, end) for start, end, kind in found if kind in _EVIDENCE]
    if (
        not evidence
        and _SHAPED_HINT.search(text) is None
        and _CUE.search(text) is None
        and ("[" not in text or _EVIDENCE_MARKER.search(text) is None)
        and _BIRTH_DATE.search(text) is None
        and _HEADER_HINT.search(text) is None
    ):
        return found
    covered = [(start, end) for start, end, _ in found]
    names = [(start, end) for start, end, kind in found if kind == "NAME"]
    added: list[Span] = []
    columns: list[str | None] | None = None
    rows = tried = 0
    position = 0
    while rows < _MAX_ROWS and tried < _MAX_OPENERS:
        opener = _OPENERS.search(text, position)
        if opener is None:
            break
        opened = opener.start()
        position = opened + 1
        tried += 1
        items, closed = _items(text, opened)
        if len(items) < 2:
            continue
        rows += 1
        position = closed
        about = _about_person(text, opened, closed, evidence)
        named = None if about else _header(items)
        if named is not None:
            columns = named  # the rows after it are a person's, their values of the kinds of their columns
            continue
        if columns is not None and len(columns) == len(items):
            by_column = list(_by_column(items, columns, covered))
            added.extend(by_column)
            covered = covered + [(start, end) for start, end, _ in by_column]
        if (
            not about
            and columns is None
            and _COLUMNS_BEFORE.search(text, max(0, opened - 12), opened) is None
            and _PLACEHOLDER.search(text, 0, opened) is None
        ):
            about = record_cells(_untold(text, items), text, (text.rfind("\n", 0, opened) + 1, opened))
        if about or columns is not None or _birth_dated(items, text):
            added.extend(_siblings(items, covered, names, dates=True, text=text))
    return found + added if added else found
