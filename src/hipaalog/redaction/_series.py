"""A pandas ``Series`` printed as text: its values are judged by the name its footer gives them.

``print(df["patient"])`` writes one row a line, the index then the value, and ends with ``Name: patient, dtype:
object`` (``Length: 120,`` between them for a long one). No header row names the column, so the table readers see
none; the footer does. When it names a PHI field (``full_name``, ``dob``, ``phone``) every value is of that kind;
when it names a person (``patient``, ``member``), a value shaped as a name is their name and one shaped as an
identifier their id. The line of the index's name (``mrn``, alone above the rows) types the index cells the same
way. Empty cells (``NaN``, ``None``) and values that cannot be of the kind (a date's cell with no digit) stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cell_values import plausible
from ._detector import Span
from ._keys import KeyCatalogue
from ._person_key_ids import person_key_id

__all__ = ["series_spans"]

_FOOTER: Final = re.compile(r"^Name: ([^\W\d][\w .#-]{0,63}), (?:Length: [0-9]+, )?dtype: [a-z0-9\[\], ]+$", re.M)
_ROW: Final = re.compile(r"([^ \n]+(?: [^ \n]+)*?)[ ]{2,}([^ \n](?:[^\n]*[^ \n])?)[ ]*$")
"""A row: the index (words apart by single spaces), two spaces or more, the value (right-aligned)."""
_INDEX_NAME: Final = re.compile(r"[^\W\d][\w.#-]{0,40}")
_NAME_VALUE: Final = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:[ -][^\W\d_][^\W\d_'’.-]*){1,4}")
"""A value shaped as a person's name: two to five words of letters."""
_LINE: Final = re.compile(r"([^\n]*)\n")
_MAX_CHARS: Final = 200_000
"""How far above its footer a Series' rows are read."""


def _kind(name: str, catalogue: KeyCatalogue, value: str) -> str | None:
    """The kind of ``value`` in a column called ``name`` (``None``: not PHI, or not plausibly of its kind)."""
    info = catalogue.info(name)
    if info.kind is not None:
        return info.kind if plausible(info.kind, value) else None
    if info.names_person and info.person is not None:
        if _NAME_VALUE.fullmatch(value):
            return "NAME"
        return person_key_id(info.person, "patient", value)
    return None


def series_spans(text: str, catalogue: KeyCatalogue) -> Iterator[Span]:
    """The values (and index cells) of each printed ``Series`` in ``text`` whose name is a PHI field's."""
    previous = 0  # the end of the last footer: a Series' rows follow the one printed before it
    for footer in _FOOTER.finditer(text):
        name = footer[1].strip()
        block_start = max(text.rfind("\n\n", previous, footer.start()) + 1, footer.start() - _MAX_CHARS, previous)
        previous = footer.end()
        index_name: str | None = None
        for line in _LINE.finditer(text, block_start, footer.start()):
            row = line[1].rstrip("\r")
            match = _ROW.fullmatch(row)
            if match is None:
                if _INDEX_NAME.fullmatch(row.strip()):
                    index_name = row.strip()
                continue
            start = line.start()
            kind = _kind(name, catalogue, match[2])
            if kind is not None:
                yield start + match.start(2), start + match.end(2), kind
            if index_name is not None and (index_kind := _kind(index_name, catalogue, match[1])) is not None:
                yield start + match.start(1), start + match.end(1), index_kind
