"""Names in rows (CSV, TSV, pipe-separated lines, SQL value tuples) by the evidence of the row and its column.

The same word prior that reads free text (:func:`._name_evidence.cell_prior`) judges each cell; a row adds
its own evidence: a cell is a person's name part when the row is about a person (it holds a birth date or a
phone number, or a header names such columns) and

* the header names the cell's column as a name (``last``, ``first_name``, ``patient``), or
* the cell reads as a name by itself (a listed given name or surname, or words no dictionary knows), or
* the cell's column reads as names in the other rows (``Perk Koç`` under rows of names), or
* the cell is written in another script (``Қабаева``), where no table of Latin names can say more.

A cell of English, clinical or software words stays (``follow-up``, ``Glucose``), and so does any row
without a person's data in it (``2345-7,Glucose,mg/dL``).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator
from typing import Any, Final

from ._detector import BaseDetector, Span
from ._firms import CELL_FIRM_ENDINGS
from ._gate import PERSON, TABLE
from ._keys import DEFAULT_CATALOGUE
from ._name_evidence import cell_prior
from ._person_values import person_value

__all__ = ["NameRowDetector", "row_name_spans"]

Cell = tuple[int, int]
"""A cell's span in the text (quotes and spaces around it left out)."""

_DELIMITERS: Final = ("\t", "|", ";", ",")
_PERSON_DATA: Final = re.compile(
    r"(?<![\w.-])(?:(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]|[01]?[0-9]/[0-3]?[0-9]/(?:19|20)[0-9]{2}"
    r"|\(?[2-9][0-9]{2}\)?[ .-]?[0-9]{3}[ .-][0-9]{4})(?![\w-])"
)
"""A birth date or a phone number in a cell: what makes a row about a person."""
_HEADER_NAME: Final = re.compile(
    r"(?i:(?:patient|member|person|full|first|last|given|family|middle|sur|f|l|m|guarantor|subscriber)?[ _]?"
    r"(?:name|nm)|first|last|given|family|surname|middle|patient|lname|fname)"
)
"""A header cell naming a column of names (``last``, ``first_name``, ``Name``, ``lname``)."""
_GENERIC_HEADERS: Final = frozenset({"name", "nm", "full name", "full_name", "fullname"})
"""Header cells that name anything (a product, a pod): a person's only in a row with a person's data."""
_HEADER_PERSON: Final = re.compile(r"(?i:dob|birth|phone|mobile|ssn|mrn|zip|postcode|postal|sex|gender)")
"""A header cell naming a person's data: the rows under it are about people."""
_TUPLE: Final = re.compile(r"\((?=[^()'\"\n]{0,40}['\"])")
"""Where a tuple of quoted values may open (``VALUES (812, 'Roe', ...)``, ``params: ('Roe', ...)``)."""
_QUOTED: Final = re.compile(r"'((?:[^'\\\n]|\\.|''){0,200})'|\"((?:[^\"\\\n]|\\.){0,200})\"")
_TUPLE_ITEM: Final = re.compile(
    r"[ ]*(?:[A-Za-z]+[ ]?)?(?:'(?:[^'\\\n]|\\.|''){0,200}'|\"(?:[^\"\\\n]|\\.){0,200}\"|[^,()'\"\n]{0,40})[ ]*"
)
_PLACEHOLDER: Final = re.compile(r"[=(,][ ]*(?:\?|%s|:[0-9A-Za-z_]+|\$[0-9]+|%\(\w+\)s)[ ]*[,)]?")
"""A bound parameter's placeholder after a comparison or in a list (``= :1``, ``(?, ?)``, ``= %s``)."""
_IN_COLUMN: Final = re.compile(r"[\"`]?([A-Za-z_]\w{0,40})[\"`]?[ ]+(?:IN|in)[ ]*$")
"""A column before ``IN (``: the items of the list are its values."""
_PEOPLE: Final = re.compile(
    r"(?i:patient|member|person|people|subscriber|contact|guarantor|employee|customer|enrollee|user|client"
    r"|first_?name|last_?name|surname|given|family)"
)
_PAIR: Final = re.compile(
    r"[\[(][ ]*(?:'([A-Za-z_][\w.]{0,63})'|\"([A-Za-z_][\w.]{0,63})\")[ ]*,[ ]*"
    r"(?:'([^'\\\n]{1,80})'|\"([^\"\\\n]{1,80})\")[ ]*[\])]"
)
_PARAMETERS: Final = re.compile(r"(?:==>[ ]*)?Parameters:[ ]*")
_TYPED_ITEM: Final = re.compile(r"[ ]*([^,()\n]{1,80})\([A-Za-z]{2,20}\)(?:,|$)")
"""An item of a MyBatis parameter list: the value, its Java type in parentheses (``Roe(String)``)."""
_BINDING: Final = re.compile(r"binding parameter \[([0-9]{1,3})\] as \[[A-Z_]{2,20}\] - \[([^\]\n]{1,80})\]")
"""Hibernate's trace of one bound parameter (``binding parameter [1] as [VARCHAR] - [Roe]``)."""
_TABULAR: list[Any] = []
""":class:`._tabular.TabularDetector`, made on first use (it reads the statement's columns)."""
_MAX_ROWS: Final = 500
_RECENT_YEAR: Final = datetime.date.today().year - 1
_THRESHOLD: Final = 2.5
"""What a cell's score must reach to be a name."""
_BIRTH_ERA: Final = 0.8
_RECENT: Final = 0.2
_PHONE: Final = 1.0
_HEADER: Final = 3.0
_COLUMN: Final = 3.0
_PARTNER: Final = 0.6
_BOUND: Final = 0.3
"""The values bound to one statement: a row, though nothing in it says whose."""
_SCRIPT_PRIOR: Final = 1.4
"""A cell in another script: no Latin table can judge it, so it counts as a word no dictionary knows."""
_COLUMN_PRIOR: Final = 1.0
"""What the mean prior of a column's other cells must reach for the column to be one of names."""
_NOT_NAMES: Final = -2.5
"""Below this a cell is made of dictionary words: it stays whatever its column says."""
_CODE: Final = re.compile(r"[A-Z]{2,4}")
"""A cell of two to four capitals: an airport, a unit, a ticker or a state (``JFK``, ``ICU``, ``AAPL``)."""
_LISTED_GIVEN: Final = 2.0
"""The prior of a listed given name (``ANN``, ``MIA``): in a row of codes it may still be a person's."""
_SEGMENT: Final = re.compile(r"[A-Z][A-Z0-9]{2}[|*^]")
"""An HL7 or X12 segment's opening (``PID|``, ``NM1*``): their own readers know their fields."""


def _wordy(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is made of words only: letters with their marks (``हजारिका``), spaces,
    apostrophes, hyphens and dots of initials, at most five words."""
    if end <= start or end - start > 80 or text.count(" ", start, end) > 4:
        return False
    letters = 0
    for ch in text[start:end]:
        if ch.isalpha():
            letters += 1
        elif ch not in " '’-." and not unicodedata.category(ch).startswith("M"):
            return False
    return letters > 1


def _script(cell: str) -> bool:
    """Whether ``cell`` is written in letters of a script other than Latin (``Қабаева``, ``Γκόφας``)."""
    return any(ch.isalpha() and ord(ch) >= 0x370 for ch in cell) and not any(
        ch.isalpha() and ch.isascii() for ch in cell
    )


def _split(text: str, start: int, end: int, delimiter: str) -> list[Cell]:
    """The cells of ``text[start:end]`` split at ``delimiter``, with quoted cells kept whole."""
    cells: list[Cell] = []
    position = start
    while position <= end:
        while position < end and text[position] == " ":
            position += 1
        if position < end and text[position] == '"':
            close = text.find('"', position + 1, end)
            if close < 0:
                close = end
            cells.append((position + 1, close))
            after = text.find(delimiter, close, end)
            position = (after if after >= 0 else end) + 1
            continue
        after = text.find(delimiter, position, end)
        stop = after if after >= 0 else end
        cell_end = stop
        while cell_end > position and text[cell_end - 1] == " ":
            cell_end -= 1
        cells.append((position, cell_end))
        position = stop + 1
    return cells


def _row_evidence(text: str, row: list[Cell]) -> float:
    """How much the row's other data say it is about a person: a phone number, a date from before last year
    (a birth date; the log's own dates are recent) or, much less, a recent date."""
    evidence = 0.0
    for a, b in row:
        for found in _PERSON_DATA.finditer(text, a, b):
            value = found[0]
            if "-" in value[:5] or "/" in value:
                year = int(value[:4]) if value[4:5] == "-" else int(value[-4:])
                evidence = max(evidence, _BIRTH_ERA if year < _RECENT_YEAR else _RECENT)
            else:
                evidence = max(evidence, _PHONE)
    return evidence


def _judge(
    text: str, rows: list[list[Cell]], header: list[str] | None, person_header: bool, base: float = 0.0
) -> Iterator[Span]:
    """Name cells of ``rows`` (each a list of cells): the cell's prior, its column's, its row's data and the
    header, added up."""
    width = max(len(row) for row in rows)
    priors: list[list[float | None]] = []
    for row in rows:
        row_priors: list[float | None] = []
        for a, b in row:
            if not _wordy(text, a, b):
                row_priors.append(None)
            elif _script(text[a:b]):
                row_priors.append(_SCRIPT_PRIOR if b - a > 2 else 0.0)
            else:
                row_priors.append(cell_prior(text[a:b]))
        priors.append(row_priors)
    column_sum = [0.0] * width
    column_count = [0] * width
    for row_priors in priors:
        for index, prior in enumerate(row_priors):
            if prior is not None:
                column_sum[index] += prior
                column_count[index] += 1
    things = [DEFAULT_CATALOGUE.info(cell).thing if cell else False for cell in header or ()]
    for row, row_priors in zip(rows, priors, strict=True):
        evidence = max(_row_evidence(text, row), _HEADER if person_header else 0.0, base)
        if not evidence:
            continue
        namely = sum(1 for prior in row_priors if prior is not None and prior >= 1.0)
        mixed = any(text[a:b] != text[a:b].upper() for a, b in row)  # then a cell in capitals is a code (HMO)
        if not mixed:
            mixed = _codes_only(text, row, row_priors)  # ('JFK', 'SFO', '2024-05-01'): airports, not a person
        for index, (a, b) in enumerate(row):
            prior = row_priors[index]
            if prior is None or text[a:b].rpartition(" ")[2].rstrip(".").lower() in CELL_FIRM_ENDINGS:
                continue
            if index < len(things) and things[index]:
                continue  # a column of things (``brand``, ``payer``, ``facility``): names there are firms'
            named = header is not None and index < len(header) and _HEADER_NAME.fullmatch(header[index]) is not None
            generic = named and not person_header and evidence < _BIRTH_ERA and header is not None
            if generic and header is not None and header[index].strip().lower() in _GENERIC_HEADERS:
                named = False  # a product's or a pod's "name": its cells are judged by themselves
            if mixed and not named and text[a:b].isupper():
                continue
            others = column_count[index] - 1
            column = (named or not generic) and others > 0 and (column_sum[index] - prior) / others >= _COLUMN_PRIOR
            if prior <= _NOT_NAMES and not named and not column:
                continue  # words of a dictionary, in a column of anything but names ("follow-up")
            score = max(prior, 0.0) + evidence + (_HEADER if named else 0.0) + (_COLUMN if column else 0.0)
            if namely > (prior >= 1.0):
                score += _PARTNER  # another cell of the row reads as a name part too
            if score >= _THRESHOLD:
                yield a, b, "NAME"


def _codes_only(text: str, row: list[Cell], row_priors: list[float | None]) -> bool:
    """Whether every word cell of a row in capitals is a short code and none a listed given name: the row
    names airports, units or tickers (``('ORD', 'LAX')``), not a person written in capitals."""
    words = [(a, b, prior) for (a, b), prior in zip(row, row_priors, strict=True) if prior is not None]
    return bool(words) and all(_CODE.fullmatch(text, a, b) and prior < _LISTED_GIVEN for a, b, prior in words)


def _delimited(text: str) -> Iterator[Span]:
    lines: list[tuple[int, int]] = []
    position = 0
    while position <= len(text) and len(lines) < _MAX_ROWS:
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        lines.append((position, end))
        position = end + 1
    best, most = "", 0
    for delimiter in _DELIMITERS:
        count = sum(1 for a, b in lines if text.count(delimiter, a, b) >= 2)
        if count > most:
            best, most = delimiter, count
    if not most:
        return
    rows: list[list[Cell]] = []
    header: list[str] | None = None
    person_header = False
    for a, b in lines:
        if text.count(best, a, b) < 2 or _SEGMENT.match(text, a) is not None:
            continue
        label = text.rfind(": ", a, text.find(best, a, b))
        start = label + 2 if label >= 0 else a  # "row rejected: 63281|Roe|..."
        cells = _split(text, start, b, best)
        words = [text[x:y] for x, y in cells]
        if (
            not rows
            and header is None
            and not any(ch.isdigit() for ch in text[start:b])
            and (any(_HEADER_NAME.fullmatch(word) for word in words) or any(_HEADER_PERSON.search(w) for w in words))
        ):
            header = words
            person_header = any(_HEADER_PERSON.search(word) for word in words)
            continue
        rows.append(cells)
    if rows:
        yield from _judge(text, rows, header, person_header)


def _cells(text: str, position: int) -> tuple[list[Cell], int]:
    """The items of a tuple opening at ``position`` (quoted ones by their inside) and where they end."""
    cells: list[Cell] = []
    while len(cells) < 64:
        item = _TUPLE_ITEM.match(text, position)
        if item is None:
            break
        quoted = _QUOTED.search(text, item.start(), item.end())
        if quoted is not None:
            group = 1 if quoted.start(1) >= 0 else 2
            cells.append(quoted.span(group))
        else:
            cells.append((item.start(), item.start()))
        position = item.end()
        if text[position : position + 1] != ",":
            break
        position += 1
    return cells, position


def _about_people(text: str) -> bool:
    """Whether a table or column of ``text`` is about people (``patients``, ``member``, ``last_name``)."""
    return _PEOPLE.search(text) is not None


def _pairs(text: str) -> Iterator[Span]:
    """``["first_name", "Roe"]``, ``('last_name', 'Roe')``: a column's name paired with its value."""
    for pair in _PAIR.finditer(text):
        column = pair[1] or pair[2]
        field = column.rpartition(".")[2]
        if _HEADER_NAME.fullmatch(field) is not None:
            group = 3 if pair.start(3) >= 0 else 4
            a, b = pair.span(group)
            if field.lower() in _GENERIC_HEADERS and not person_value(text[a:b]):
                continue  # ("name", "billing-api"): a name of anything, a person's only when it reads as one
            if _wordy(text, a, b):
                yield a, b, "NAME"


def _parameter_lists(text: str) -> Iterator[Span]:
    """A parameter list on a line of its own after a statement (MyBatis' ``==> Parameters: Roe(String),
    Jane(String)``; Hibernate's ``binding parameter [1] as [VARCHAR] - [Roe]``), each by its column."""
    found = _PARAMETERS.search(text)
    if found is not None:
        header = _statement_names(text[: found.start()])
        if header is None:
            return
        position = found.end()
        line_end = text.find("\n", position)
        for index, item in enumerate(_TYPED_ITEM.finditer(text, position, line_end if line_end >= 0 else len(text))):
            if index < len(header) and header[index] and _wordy(text, *item.span(1)):
                yield item.start(1), item.end(1), "NAME"
        return
    bindings = list(_BINDING.finditer(text))
    if not bindings:
        return
    header = _statement_names(text[: bindings[0].start()])
    cells = [binding.span(2) for binding in bindings]
    if header is None:  # the statement was logged apart: the values are one row, judged by their priors
        yield from _judge(text, [cells], None, False, _BOUND)
        return
    for binding, (a, b) in zip(bindings, cells, strict=True):
        index = int(binding[1]) - 1
        if 0 <= index < len(header) and header[index] and _wordy(text, a, b):
            yield a, b, "NAME"


def _statement_names(statement: str) -> list[str] | None:
    """A header for the parameters of ``statement`` when it names their columns (``family_name = :1``,
    ``INSERT INTO t (given, family) VALUES (?, ?)``): ``"name"`` where a parameter's column holds a name."""
    if _PLACEHOLDER.search(statement) is None:
        return None
    if not _TABULAR:
        from ._tabular import TabularDetector

        _TABULAR.append(TabularDetector())
    kinds, _ = _TABULAR[0].parameter_kinds(statement[-4096:])
    return ["name" if kind in ("NAME", "NAME?") else "" for kind in kinds] if "NAME" in kinds else None


_HEADER_TRIES: Final = 8
"""Tuples before the first row whose statement is read for a header (each read costs up to 4 KB of text)."""


def _tuples(text: str) -> Iterator[Span]:
    """Tuples of quoted values (SQL ``VALUES (...)``, parameters ``('Roe', 'Jane', '1980-03-12')``) as rows;
    the statement before them names their columns when it has placeholders."""
    rows: list[list[Cell]] = []
    header: list[str] | None = None
    placeholder = _PLACEHOLDER.search(text)  # none before a tuple: no statement names its columns (read once)
    tries = _HEADER_TRIES
    for opening in _TUPLE.finditer(text):
        listed = _IN_COLUMN.search(text, max(0, opening.start() - 80), opening.start())
        if listed is not None:  # "last_name IN ('Roe', 'Poe')": every item is of that column
            cells = _cells(text, opening.end())[0]
            if _HEADER_NAME.fullmatch(listed[1]) is not None and _about_people(text):
                yield from ((a, b, "NAME") for a, b in cells if _wordy(text, a, b))
            continue
        if header is None and not rows and tries and placeholder is not None and placeholder.start() < opening.start():
            tries -= 1
            header = _statement_names(text[: opening.start()])
        cells, position = _cells(text, opening.end())
        if len(cells) > 1 and text[position : position + 1] == ")":
            rows.append(cells)
    if rows:
        yield from _judge(text, rows, header, header is not None)


def row_name_spans(text: str) -> Iterator[Span]:
    """Name cells of the rows, value tuples, column-value pairs and parameter lists in ``text``."""
    if "arameter" in text:
        yield from _parameter_lists(text)
    if "', '" in text or '", "' in text or "','" in text:
        yield from _pairs(text)
    if "\n" in text or text.count("|") > 1 or text.count("\t") > 1 or text.count(";") > 1:
        yield from _delimited(text)
    if "('" in text or '("' in text or ", '" in text:
        yield from _tuples(text)


class NameRowDetector(BaseDetector):
    """Name cells of rows and value tuples, by the evidence of the cell, its row and its column."""

    gate = TABLE | PERSON
    name = "name_rows"
    kinds = ("NAME",)

    def find(self, text: str) -> Iterator[Span]:
        return row_name_spans(text)
