"""Tables aligned in text: pandas reprs, ``tabulate`` output, database CLI results, ``column -t`` and reports.

A header row names the columns and the rows under it line up with it, whatever separates the columns: runs of
spaces (``repr(df)``, ``df.to_string()``, sqlite's column mode), ``|`` or box-drawing bars (psql, mysql, tabulate's
``psql``/``grid``/``github``...), with rules between (``+----+``, ``----  ---``). A column's cells are judged by
its name as a key is (``mrn``, ``zip_code``, ``Date of Birth``), so only columns named as PHI are masked:
``pip list``, ``ps``, metrics and timing tables keep their cells. Without columns split by bars, a column is a run
of character positions some row fills; a header word over no row's cells joins its neighbour (``Mounted on``), and
a cell split at a space no other row fills (``Orrin Vale`` in a one-row frame) joins the column whose header it
lies under. pandas' index column (and the line of index names under the header), multi-level headers, ``...``
columns and rows, ``NaN``/``None``/``<NA>``, and frames wrapped into blocks (a header ending in ``\\``) are read as
pandas prints them.

Rows without a PHI header (none, or pandas' ``0  1  2``) are typed from their values, as bare CSV rows are: a name
beside a date of birth makes the row about a person.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Generator, Iterator
from typing import Final

from ._aligned_screen import ROW_DATE, aligned_table
from ._cell_values import EMPTY_CELLS, plausible
from ._detector import Span
from ._gate import TABLE
from ._name_table import GIVEN, SURNAME_RANK
from ._series import series_spans
from ._tabular import Item, TabularDetector, settled

__all__ = ["AlignedTableDetector"]

_BARS: Final = "|│┃║┆┊"
"""Column separators drawn as bars (ASCII, and tabulate's and sqlite's box drawing)."""
_RULE_CHARS: Final = " \t-=+:|│┃║┆┊─━═┄┈┼┬┴├┤╞╪╡╤╧╒╕╘╛┌┐└┘╔╗╚╝╠╣╦╩╬╭╮╯╰╫╟╢╥╨"
_RULE_MARKS: Final = "-=─━═┄┈"
_WORD: Final = r"(?:[^\W\d][\w.'#%/-]*|%[^\W\d]\w*|#|\.\.\.?|…)"
_HEADER_LINE: Final = re.compile(rf"[ \t|│┃║┆┊]*{_WORD}(?:[ \t|│┃║┆┊]+{_WORD})*[ \t|│┃║┆┊]*\\?[ ]*")
"""A header row: field names separated by spaces or bars (pandas ends a wrapped block's header with ``\\``)."""
_FOOTER: Final = re.compile(r"\[[0-9]+ rows? x [0-9]+ columns?\]|\(?[0-9]+ rows?(?:\)| in set\b.*)|Empty set\b.*")
_CELLS: Final = re.compile(r"[^ ]+")
_SEPARATORS: Final = {bar: re.compile(re.escape(bar)) for bar in _BARS} | {"\t": re.compile(r"\t+")}
_FILLED: Final = re.compile(rb"\x01+")
_GAP: Final = re.compile(r"[ ]{2,}")
_KEY_CELL: Final = re.compile(r"[^\W\d][\w.#-]*(?: [^\W\d][\w.#-]*){0,3}")
"""A field's name in a table's first column (``mrn``, ``Date of Birth``)."""
_MAYBE_NAME: Final = "NAME?"
_NAME_CELL: Final = re.compile(r"(?:[^\W\d_](?:[^\W\d_]|['’.-])*,?[ ]){1,5}[^\W\d_](?:[^\W\d_]|['’.-])*")
"""A person's name as a cell holds it: two to six words of letters (``Dipl.-Ing. Anni Losekann B.A.``)."""
_BIRTH_DATE: Final = re.compile(
    r"(?:1[89]|20)[0-9]{2}-[01][0-9]-[0-3][0-9]|[0-3]?[0-9][./-][0-3]?[0-9][./-](?:1[89]|20)[0-9]{2}"
)
_YEAR: Final = re.compile(r"(?:1[89]|20)[0-9]{2}")
_RECENT_YEAR: Final = datetime.date.today().year - 1
_CELL_KINDS: Final = (
    (re.compile(r"[0-9]{5}(?:-[0-9]{4})?"), "ZIP"),
    (re.compile(r"[A-Za-z]{0,4}[-#]?[0-9]{5,15}"), "ID"),
    (re.compile(r"(?:\+?1[ .-]?)?\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-][0-9]{4}"), "PHONE"),
)
"""Shapes of whole columns in rows about people."""
_MAX_LINES: Final = 2000
_MAX_WIDTH: Final = 4000
_LONE_ROWS: Final = 64
"""How many lines under a one-word header are read to tell a one-column table from a heading."""
_SLACK: Final = 40
"""How much wider than its header a row may be (the last column's cells, which no header pads)."""


def _rule(line: str) -> bool:
    """Whether ``line`` is a rule between rows (``+----+----+``, ``|---|:--:|``, ``----  ----``, ``╞═══╪═══╡``)."""
    return not line.strip(_RULE_CHARS) and any(mark in line for mark in _RULE_MARKS)


def _bar(line: str) -> str:
    """The bar ``line`` separates its cells with (a run of tabs: ``\\t``), or ``""``."""
    for bar in _BARS:
        if bar in line:
            return bar
    return "\t" if "\t" in line else ""


def _split(line: str, bar: str) -> list[Item]:
    """The spans of ``line``'s cells between its bars (a run of tabs is one separator)."""
    cells: list[Item] = []
    start = 0
    for found in _SEPARATORS[bar].finditer(line):
        cells.append((start, found.start()))
        start = found.end()
    cells.append((start, len(line)))
    return cells


def _lone(lines: list[tuple[int, str]], index: int) -> bool:
    """Whether a header-like line is one word at its start over lines that are not one value each under it: a
    field's name over its errors (pydantic), a heading. A one-column frame's header stands over its values, which
    start where it starts or end by where it ends (a wider value pads the header), or over its index
    (``    member_id``)."""
    line = lines[index][1]
    if len(line.strip(" |").split()) > 1 or line.startswith("  "):
        return False
    head_end = len(line.rstrip())
    for _, below in lines[index + 1 : index + _LONE_ROWS]:
        if not below.strip():
            return False
        if _rule(below):
            continue
        if " " in below.strip(" |") or (below.startswith(" ") and len(below.rstrip()) > head_end and not _bar(below)):
            return True
    return False


def _trimmed(text: str, item: Item) -> Item:
    """A cell's span without the spaces around its value."""
    start, end = item
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _phi(kind: str, value: str) -> str | None:
    """The kind of a cell's value in a column of ``kind``, if it is PHI (an age of 89 or under is not)."""
    return settled(kind, value) if plausible(kind, value) else None


class AlignedTableDetector(TabularDetector):
    """Cells of text tables aligned under a header (pandas, tabulate, CLI results), by their column's name."""

    gate = TABLE
    name = "aligned_table"

    def find(self, text: str) -> Iterator[Span]:
        if ", dtype: " in text:
            yield from series_spans(text, self.catalogue)  # print(df["patient"]): named by its footer
        if not aligned_table(text):
            return
        lines: list[tuple[int, str]] = []
        position = 0
        for _ in range(_MAX_LINES):
            end = text.find("\n", position)
            stop = len(text) if end < 0 else end
            lines.append((position, text[position:stop].rstrip("\r")))
            if end < 0:
                break
            position = end + 1
        dated = "  " in text and ROW_DATE.search(text) is not None
        index = 0
        while index < len(lines):
            index = yield from self._table(text, lines, index, dated)
        if "  " in text:
            yield from self._keyed_rows(text, lines)

    def _keyed_rows(self, text: str, lines: list[tuple[int, str]]) -> Iterator[Span]:
        """A table whose first column names the fields (a transposed frame, ``df.T``; a report of one row per
        field): each row's cells by its name, when two rows at least are named as PHI."""
        rows: list[tuple[str, list[Item]]] = []
        for offset, line in lines:
            if not line[:1].isalpha() or "  " not in line:
                continue
            cells: list[Item] = []
            start = 0
            for gap in _GAP.finditer(line):
                cells.append((offset + start, offset + gap.start()))
                start = gap.end()
            if start < len(line):
                cells.append((offset + start, offset + len(line)))
            key = text[cells[0][0] : cells[0][1]]
            if len(cells) > 2 and _KEY_CELL.fullmatch(key):
                rows.append((key, cells[1:]))
        if len(rows) < 2:
            return
        kinds = self._table_kinds([key for key, _ in rows], "")
        if sum(kind is not None and kind != _MAYBE_NAME for kind in kinds) < 2:
            return
        for (_, cells), kind in zip(rows, kinds, strict=True):
            if kind is None:
                continue
            for start, end in cells:
                found = _phi(kind, text[start:end])
                if found is not None:
                    yield start, end, found

    def _table(self, text: str, lines: list[tuple[int, str]], index: int, dated: bool) -> Generator[Span, None, int]:
        """The table whose header is ``lines[index]``, if it is one; returns where to look next."""
        line = lines[index][1]
        if len(line) > _MAX_WIDTH or _rule(line) or _HEADER_LINE.fullmatch(line) is None or _lone(lines, index):
            if dated and "  " in line and ROW_DATE.search(line) is not None:
                return (yield from self._typed_block(text, lines, index))
            return index + 1
        above = index
        header = index
        kinds = self._header(line)
        # A multi-level header: the row of field names is the last header-like one (``patient`` over ``name``).
        while header + 1 < len(lines):
            below = lines[header + 1][1]
            if _rule(below) or _HEADER_LINE.fullmatch(below) is None or len(below.split()) <= len(line.split()):
                break
            lower_kinds = self._header(below)
            if not any(lower_kinds):
                break
            header, line, kinds = header + 1, below, lower_kinds
        if not any(kinds):
            if dated:
                return (yield from self._typed_block(text, lines, header + 1))
            return header + 1
        body, after = self._body(lines, header + 1, len(line.rstrip()) + _SLACK)
        if not body:
            return after
        context = "\n".join(lines[row][1] for row in range(max(0, above - 2), header))
        bar = _bar(line)
        if bar and sum(bar in lines[row][1] for row in body) * 2 > len(body):
            yield from self._barred(text, lines, header, body, bar=bar, context=context)
        else:
            yield from self._spaced(text, lines, header, body, context)
        return after

    def _header(self, line: str) -> list[str | None]:
        """Kinds of the words or bar-separated fields of a header line (a first look: any PHI name at all?)."""
        bar = _bar(line)
        fields = [line[start:end] for start, end in _split(line, bar)] if bar else line.split()
        names = [field.strip() for field in fields if field.strip() and field.strip() != "\\"]
        return self._table_kinds(names, "")

    @staticmethod
    def _body(lines: list[tuple[int, str]], start: int, width: int) -> tuple[list[int], int]:
        """The rows under a header (rules skipped) up to a blank line, a footer or a line far wider than the header
        (text after the table: a rows' cells are as wide as their column, whose name the header pads to it); and the
        line after them."""
        body: list[int] = []
        index = start
        while index < len(lines):
            line = lines[index][1]
            if not line or len(line.rstrip()) > width or _FOOTER.fullmatch(line.strip()):
                break
            if line.strip() and not _rule(line):  # a line of spaces: a row of empty cells (psql)
                body.append(index)
            index += 1
        return body, index

    def _barred(
        self, text: str, lines: list[tuple[int, str]], header: int, body: list[int], *, bar: str, context: str
    ) -> Iterator[Span]:
        """A table with bars (or tabs) between cells: cells by their place between them."""
        head = lines[header][1]
        names = [head[start:end].strip() for start, end in _split(head, bar)]
        table: list[list[Item]] = []
        for row in body:
            offset, line = lines[row]
            cells = _split(line, bar)
            if len(cells) == len(names):
                table.append([(offset + start, offset + end) for start, end in cells])
        yield from self._cells(text, names, table, context)

    def _spaced(
        self, text: str, lines: list[tuple[int, str]], header: int, body: list[int], context: str
    ) -> Iterator[Span]:
        """A table aligned by spaces: columns are the runs of positions some row fills."""
        head = lines[header][1]
        first_word = len(head) - len(head.lstrip())
        names_line = ""
        if body and not lines[body[0]][1][first_word:].strip(" .…"):
            names_line = lines[body[0]][1]  # pandas' index names, under the header, before its first word
            body = body[1:]
        rows = [lines[row][1] for row in body]
        width = max(len(row) for row in [head, names_line, *rows])
        filled = bytearray(width)
        for filler in [head.replace("\\", " "), names_line, *rows]:
            for cell in _CELLS.finditer(filler):
                filled[cell.start() : cell.end()] = b"\x01" * (cell.end() - cell.start())
        spans = [[found.start(), found.end()] for found in _FILLED.finditer(bytes(filled))]
        spans = _joined(spans, head, names_line, rows)
        names = [(head[start:end].replace("\\", " ").strip() or names_line[start:end].strip()) for start, end in spans]
        table = []
        for number in body:
            offset, line = lines[number]
            table.append([(offset + min(start, len(line)), offset + min(end, len(line))) for start, end in spans])
        yield from self._cells(text, names, table, context)

    def _cells(self, text: str, names: list[str], table: list[list[Item]], context: str) -> Iterator[Span]:
        """The cells of columns named as PHI, trimmed, each if it can be of its column's kind. A column none of
        whose cells can be (``address`` holding ``0.0.0.0:8080``, ``age`` holding ``12``) is no evidence that the
        table is about people: the kinds are judged again without it."""
        kinds = self._table_kinds(names, context)
        values = [[_trimmed(text, item) for item in row] for row in table]
        for _ in range(2):
            idle = [
                index
                for index, kind in enumerate(kinds)
                if kind is not None and not any(_phi(kind, text[row[index][0] : row[index][1]]) for row in values)
            ]
            if not idle:
                break
            names = ["" if index in idle else name for index, name in enumerate(names)]
            kinds = self._table_kinds(names, context)
        for row in values:
            for (start, end), kind in zip(row, kinds, strict=True):
                found = _phi(kind, text[start:end]) if kind is not None else None
                if found is not None:
                    yield start, end, found

    def _typed_block(self, text: str, lines: list[tuple[int, str]], index: int) -> Generator[Span, None, int]:
        """Rows without a PHI header, aligned by runs of spaces: each typed from its values (a name beside a
        date of birth); two rows at least, with as many cells each."""
        block: list[list[Item]] = []
        row = index
        while row < len(lines) and lines[row][1].strip():
            offset, line = lines[row]
            items: list[Item] = []
            position = len(line) - len(line.lstrip(" "))
            for gap in _GAP.finditer(line, position):
                items.append((offset + position, offset + gap.start()))
                position = gap.end()
            if position < len(line.rstrip()):
                items.append((offset + position, offset + len(line.rstrip())))
            block.append(items)
            row += 1
        width = len(block[-1]) if block else 0
        typed = [items for items in block if len(items) == width and width > 2]
        if len(typed) < 2:
            return max(row, index + 1)
        votes: list[dict[str, int]] = [{} for _ in range(width)]
        about = 0  # rows found to be about a person
        for items in typed:
            starts = {start: column for column, (start, _) in enumerate(items)}
            spans = list(self._typed(text, items))
            about += bool(spans)
            for start, end, kind in spans:
                column = starts.get(start)
                if column is not None:
                    votes[column][kind] = votes[column].get(kind, 0) + 1
                yield start, end, kind
        kinds = _column_kinds(text, typed)
        if about * 2 >= len(typed):
            # The rows are a person's each: a column typed in half the rows at least is typed in all of them.
            for column, counted in enumerate(votes):
                voted = max(counted, key=counted.__getitem__) if counted else None
                if voted is not None and counted[voted] * 2 >= about:
                    kinds[column] = kinds[column] or voted
        for column, typed_as in enumerate(kinds):
            if typed_as is None:
                continue
            for items in typed:
                start, end = items[column]
                if plausible(typed_as, text[start:end]):
                    yield start, end, typed_as
        return max(row, index + 1)


def _column_kinds(text: str, rows: list[list[Item]]) -> list[str | None]:
    """Kinds of the columns of headerless rows typed as columns: a column of names (two to six words, half of
    them with a listed given name or surname) beside a column of dates before last year (birth dates) makes
    the rows people's; then columns of ZIP codes and of record numbers are theirs too."""
    width = len(rows[0])
    columns = [[text[row[column][0] : row[column][1]].strip() for row in rows] for column in range(width)]
    kinds: list[str | None] = [None] * width
    for column, cells in enumerate(columns):
        if all(_NAME_CELL.fullmatch(cell) for cell in cells) and sum(map(_listed, cells)) * 2 >= len(cells):
            kinds[column] = "NAME"
        elif all(_born(cell) for cell in cells):
            kinds[column] = "DOB"
    if "NAME" not in kinds or "DOB" not in kinds:
        return [None] * width
    for column, cells in enumerate(columns):
        if kinds[column] is None:
            shaped = [
                kind
                for regex, kind in _CELL_KINDS
                if all(regex.fullmatch(cell) or cell in EMPTY_CELLS for cell in cells)
            ]
            kinds[column] = shaped[0] if shaped else None
    return kinds


def _listed(cell: str) -> bool:
    """Whether a cell holds a given name or a surname of the tables."""
    return any(word.lower() in GIVEN or word.lower() in SURNAME_RANK for word in cell.replace(",", " ").split())


def _born(cell: str) -> bool:
    """Whether a cell is a full date before last year."""
    if _BIRTH_DATE.fullmatch(cell) is None:
        return False
    year = _YEAR.search(cell)
    return year is not None and int(year[0]) < _RECENT_YEAR


def _joined(spans: list[list[int]], head: str, names_line: str, rows: list[str]) -> list[list[int]]:
    """Columns merged where a run of filled positions is half a column: a header word over no cell joins its
    left neighbour (``Mounted on``); cells under no header word join the column whose header is nearest
    (``Orrin`` of ``Orrin Vale`` in a one-row frame) unless they are the index (the first column)."""
    merged: list[list[int]] = []
    for span in spans:
        start, end = span
        empty = all(not row[start:end].strip() for row in rows)
        if empty and merged and head[start:end].strip():
            merged[-1][1] = end
            continue
        merged.append(span)
    result: list[list[int]] = []
    index = 0
    while index < len(merged):
        start, end = merged[index]
        named = head[start:end].replace("\\", " ").strip() or names_line[start:end].strip()
        if named or index == 0:
            result.append([start, end])
            index += 1
            continue
        left = start - result[-1][1] if result else None
        right = merged[index + 1][0] - end if index + 1 < len(merged) else None
        if right is not None and (
            left is None or right < left or (right == left and _right_aligned(head, merged[index + 1]))
        ):
            merged[index + 1][0] = start
        elif result:
            result[-1][1] = end
        else:
            result.append([start, end])
        index += 1
    return result


def _right_aligned(head: str, span: list[int]) -> bool:
    """Whether the header word of a column ends where the column does (pandas' strings, numbers)."""
    return head[span[0] : span[1]].rstrip() == head[span[0] : span[1]] and head[span[0] : span[1]].strip() != ""
