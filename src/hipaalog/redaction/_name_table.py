"""The census name table shipped in the wheel (``census_names.txt``), as sets of words.

Given names and surnames in lower case, with each surname's frequency rank (0 is the most
frequent). Built by ``tools/build_name_table.py`` from public US Census 1990 data.
"""

from __future__ import annotations

from importlib import resources
from typing import Final

__all__ = ["GIVEN", "SURNAME_RANK"]


def _load() -> tuple[frozenset[str], dict[str, int]]:
    text = resources.files(__package__).joinpath("census_names.txt").read_text(encoding="ascii")
    given: list[str] = []
    surnames: list[str] = []
    section = given
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        if line.startswith("["):
            section = given if line == "[given]" else surnames
            continue
        section.extend(line.split())
    return frozenset(given), {name: rank for rank, name in enumerate(surnames)}


_TABLE: Final = _load()
GIVEN: Final = _TABLE[0]
"""Given names (lower case)."""
SURNAME_RANK: Final = _TABLE[1]
"""Surname (lower case) -> frequency rank."""
