"""The gate's screen for aligned text tables (see :mod:`._aligned`): a few C-level passes, no row splitting."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["ROW_DATE", "aligned_table", "header_word"]

_SCREEN: Final = re.compile(
    r"(?m)^(?:[ |│┃║┆┊]*(?:[^\W\d][\w.'#%/-]*|\.\.\.?)(?:[ ]*[|│┃║┆┊][ ]*|[ \t]+)(?:[^\W\d]|\.\.\.)[^\n]*"
    r"|[ ]{2,}[^\W\d][\w.'#%/-]*[ ]*)\n"
    r"(?:[ \t]*[-=+|│┃║┆┊─━═┼├┤╞╪╡┄][^\n]*\n)*[^\n]*[^\s]"
)
"""The gate's screen: a line opening with two words (a header; or one word after an index's place), then after
rules a line with something in it."""
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
