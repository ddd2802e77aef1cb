"""SQL literals whose column is named away from an ``INSERT ... VALUES`` list or a ``column = value`` comparison.

* an aliased literal: ``SELECT 'W123456789' AS member_id`` (a ``MERGE ... USING (SELECT ...)`` source, a CTE,
  ``'...'::text AS col``);
* a row assigned or compared: ``SET (member_id, last_name) = ('W1234', 'Roe')``, ``WHERE (mrn, dob) = (...)``;
* an ``INSERT INTO t (a, b) SELECT 'x', 'y'`` (the values of a select, no ``VALUES`` list);
* the rows of a ``COPY t (a, b) FROM STDIN`` (tab-separated, or comma-separated in CSV), up to ``\\.``.

Each is yielded as the span of the value (inside its quotes) and the column's name; the caller types the column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

__all__ = ["sql_shaped"]

_LITERAL: Final = r"'(?:[^'\\\n]|\\.|''){0,200}'"
_ALIASED: Final = re.compile(
    r"(?<![\w'])(" + _LITERAL + r")(?:::[A-Za-z_][\w ]{0,30}?)?[ ]+(?:AS|as)[ ]+[\"`\[]?([A-Za-z_]\w{0,63})"
)
"""A quoted literal named by an alias (the cast, if any, between)."""
_COLUMNS: Final = r"\(([\w\"`\[\]. ,]{1,400})\)"
_ROW: Final = re.compile(_COLUMNS + r"[ ]*=[ ]*(?:ROW[ ]*)?(?=\()")
"""A list of columns assigned or compared to a row: ``(a, b) = (...)``."""
_INSERT_SELECT: Final = re.compile(
    r"(?i:insert|replace|upsert)[ ]+(?i:into)[ ]+[\w.\"`\[\]]+[ ]*" + _COLUMNS + r"[ ]*(?i:select)[ ]+"
)
_VALUE: Final = re.compile(r"[ ]*(" + _LITERAL + r"|[^,()'\n]{0,80}?)[ ]*(?=[,)\n;]|$|(?i:[ ]from\b))")
"""One value of a row or a select list, up to its comma or end."""
_MAX_VALUES: Final = 40
_COPY: Final = re.compile(
    r"(?:COPY|copy)[ ]+[\w.\"`]+[ ]*" + _COLUMNS + r"[ ]+(?:FROM|from)[ ]+(?:STDIN|stdin)([^\n]{0,200})\n"
)
"""A ``COPY ... FROM STDIN`` and its options (``WITH (FORMAT csv)``): its rows follow, one a line."""
_MAX_ROWS: Final = 200


def _copy_rows(text: str, found: re.Match[str]) -> Iterator[tuple[int, int, str]]:
    """The cells of the rows after a ``COPY ... FROM STDIN``, named by its columns (``\\N`` is a null), as long as
    each line has a cell for each column."""
    columns = _columns(found[1])
    delimiter = "," if "csv" in found[2].lower() else "\t"
    position = found.end()
    for _ in range(_MAX_ROWS):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        if line.count(delimiter) != len(columns) - 1 or line in {"\\.", "."}:
            return  # the end of the data (``\\.``, or a line that is no row of these columns)
        start = position
        for cell, column in zip(line.split(delimiter), columns, strict=False):
            value = cell.strip('"')
            if value and value not in {"\\N", "N"}:
                offset = start + cell.index(value)
                yield offset, offset + len(value), column
            start += len(cell) + 1
        position = end + 1


def _columns(listed: str) -> list[str]:
    return [column.strip().strip('"`[]').rpartition(".")[2] for column in listed.split(",")]


def _values(text: str, position: int) -> Iterator[tuple[int, int]]:
    """The spans of the values of a comma list from ``position`` (inside their quotes), up to its end."""
    for _ in range(_MAX_VALUES):
        value = _VALUE.match(text, position)
        if value is None:
            return
        start, end = value.span(1)
        if end - start > 1 and text[start] == "'" and text[end - 1] == "'":
            yield start + 1, end - 1
        else:
            yield start, end
        position = value.end()
        if position >= len(text) or text[position] != ",":
            return
        position += 1


def sql_shaped(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, column)`` of the literals of ``text`` named by a column away from a ``VALUES`` list."""
    if " AS " in text or " as " in text:
        for found in _ALIASED.finditer(text):
            start, end = found.span(1)
            yield start + 1, end - 1, found[2]
    if ")" in text and "=" in text:
        for found in _ROW.finditer(text):
            values = _values(text, found.end() + 1)
            yield from ((start, end, column) for (start, end), column in zip(values, _columns(found[1]), strict=False))
    if "STDIN" in text or "stdin" in text:
        for found in _COPY.finditer(text):
            yield from _copy_rows(text, found)
    if "SELECT" in text or "select" in text:
        for found in _INSERT_SELECT.finditer(text):
            values = _values(text, found.end())
            yield from ((start, end, column) for (start, end), column in zip(values, _columns(found[1]), strict=False))
