"""The cells of the delimited lines of a text without a header: CSV, TSV, pipe- or semicolon-separated rows.

A line holds a row when one delimiter (a tab, written out ``\\t`` too, ``|``, ``;`` or ``,``) splits it into four
cells or more; lines end at a newline, written out ``\\n`` too (a row logged inside a quoted text). A line opened by
a segment id (HL7's ``PID|``, NCPDP's ``B1|``) is that format's, not a row. The cells of the rows of one block
of lines (the same delimiter, the same number of cells) share their columns.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["Cell", "delimited_rows"]

Cell = tuple[int, int, str, bool]
"""A cell's span in the text (spaces and quotes left out), its value, and ``True`` (it is text)."""
_SEGMENT: Final = re.compile(r"[A-Z][A-Z0-9]{1,2}")
"""A message format's segment id opening a line (``PID|``, ``NK1|``, ``B1|``): that format's detector reads it."""
_LINE_END: Final = re.compile(r"\n|\\n|\r")
_DELIMITERS: Final = ("\t", "\\t", "|", ";", ",")
_MIN_CELLS: Final = 4
_MAX_CELLS: Final = 40
_MAX_LINES: Final = 200
_MAX_LINE: Final = 2000
"""Longer lines are not read as rows (a row of a person is short)."""


def _delimiter(line: str) -> str | None:
    """The delimiter splitting ``line`` into the most cells, four at least."""
    best, most = None, _MIN_CELLS - 2
    for delimiter in _DELIMITERS:
        count = line.count(delimiter)
        if count > most:
            best, most = delimiter, count
    return best if most < _MAX_CELLS else None


def _cells(text: str, start: int, end: int, delimiter: str) -> list[Cell]:
    """The cells of ``text[start:end]`` split at ``delimiter``."""
    cells: list[Cell] = []
    position = start
    while position <= end:
        found = text.find(delimiter, position, end)
        stop = end if found < 0 else found
        left, right = position, stop
        while left < right and text[left] in " \"'":
            left += 1
        while right > left and text[right - 1] in " \"'":
            right -= 1
        if not cells:  # words before the row on its line: "row rejected: 4411,..."
            label = max(text.rfind(": ", left, right), text.rfind("= ", left, right))
            left = label + 2 if label >= 0 else left
        cells.append((left, right, text[left:right], True))
        if found < 0:
            break
        position = found + len(delimiter)
    return cells


def delimited_rows(text: str) -> list[tuple[str, list[Cell]]]:
    """The rows of ``text``'s delimited lines, each with its block's key (delimiter and number of cells)."""
    rows: list[tuple[str, list[Cell]]] = []
    position = 0
    size = len(text)
    while position < size and len(rows) < _MAX_LINES:
        found = _LINE_END.search(text, position)
        end = size if found is None else found.start()
        if end - position <= _MAX_LINE:
            line = text[position:end]
            delimiter = _delimiter(line)
            if delimiter is not None:
                cells = _cells(text, position, end, delimiter)
                if len(cells) >= _MIN_CELLS and _SEGMENT.fullmatch(cells[0][2]) is None:
                    rows.append((f"{delimiter}{len(cells)}", cells))
        if found is None:
            break
        position = found.end()
    return rows
