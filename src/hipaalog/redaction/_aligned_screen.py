"""The gate's screen for aligned text tables (see :mod:`._aligned`): a few C-level passes, no row splitting."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["ROW_DATE", "aligned_table", "delimited_header_word", "header_word"]

_WORD: Final = r"[^\W\d][\w.'#%/-]*"
_HEAD: Final = rf"[ |│┃║┆┊]*(?:{_WORD}|\.\.\.?)(?:[ ]*[|│┃║┆┊][ ]*|[ \t]+)(?:[^\W\d]|\.\.\.)[^\n]*"
"""A line opening with two words (or pandas' ``...``), apart by spaces, a bar or a tab."""
_APART: Final = r"(?:[ ]{2}|[|│┃║┆┊\t])"
_SCREEN: Final = re.compile(
    rf"(?m)^(?:(?=[ ]*[^ \n][^\n]*?{_APART}){_HEAD}|[ ]{{2,}}{_WORD}[ ]*)\n"
    r"(?:[ \t]*[-=+|│┃║┆┊─━═┼├┤╞╪╡┄][^\n]*\n)*[^\n]*\S"
    rf"|^{_HEAD}\n[ ]*[^ \n][^\n]*?{_APART}"
    rf"|^{_WORD}[ ]*\n[ ]+\S+[ ]*$"
)
"""The gate's screen: a header and a line after it (rules between skipped), where the header holds a run of
spaces, a bar or a tab, or the line after it does (``df.to_string(index=False)`` under narrow names); or one word
after an index's place (a one-column frame), or over one value."""
ROW_DATE: Final = re.compile(
    r"(?m)[ ]{2}(?:(?:1[89]|20)[0-9]{2}-[01][0-9]-[0-3][0-9]|[0-3]?[0-9][./-][0-3]?[0-9][./-](?:1[89]|20)[0-9]{2})"
    r"(?:[ ]{2}|[ ]*$)"
)
"""A date cell between runs of spaces: a headerless aligned row may be a person's."""
_GAP: Final = re.compile(r"[ ]{2,}")
_COLUMN_NAME: Final = re.compile(r"[^\W\d][\w.#%/-]*|%[^\W\d]\w*")


def aligned_table(text: str) -> bool:
    """Whether ``text`` may hold an aligned table (a header line, then a row under it), or an aligned row with a
    date cell (typed from its values)."""
    if "\n" not in text:
        return False
    if "  " in text and ROW_DATE.search(text) is not None:
        return True
    return _SCREEN.search(text) is not None


def header_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one word in a header row of one-word column names aligned by runs of spaces
    (``NAME    READY   STATUS``, ``Name   Stmts   Miss  Cover``): a column's name, not a person's after a cue."""
    if start < 2 or text[start - 2 : start] != "  " or " " in text[start:end]:
        return False
    line_end = text.find("\n", end)
    if line_end < 0 or line_end + 1 >= len(text) or text[line_end + 1] == "\n":
        return False  # no row under it
    cells = _GAP.split(text[text.rfind("\n", 0, start) + 1 : line_end].strip())
    return len(cells) > 2 and all(map(_COLUMN_NAME.fullmatch, cells))


_HEADER_DELIMITERS: Final = ",;\t|"


def delimited_header_word(text: str, start: int, end: int, given: frozenset[str]) -> bool:
    """Whether ``text[start:end]`` is one word in a delimited header row of one-word column names, none of them a
    given name of ``given`` (``Name,Region,Balance``): a column's name after the column ``Name``, not a person's."""
    if not start or text[start - 1] not in _HEADER_DELIMITERS or " " in text[start:end]:
        return False
    delimiter = text[start - 1]
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : len(text) if line_end < 0 else line_end].strip()
    cells = [cell.strip().strip("\"'") for cell in line.strip(delimiter).split(delimiter)]
    return len(cells) > 2 and all(map(_COLUMN_NAME.fullmatch, cells)) and given.isdisjoint(c.lower() for c in cells)
