"""The census name table shipped in the wheel (``census_names.txt``), as sets of words.

Given names and surnames in lower case, with each surname's frequency rank (0 is the most
frequent). Built by ``tools/build_name_table.py`` from public US Census data (1990 name files,
2020 first names, 2010 surnames).
"""

from __future__ import annotations

from importlib import resources
from typing import Final

__all__ = ["AMBIGUOUS_GIVEN", "GIVEN", "SURNAME_RANK", "SURNAME_WORDS"]


def _load() -> tuple[frozenset[str], frozenset[str], dict[str, int], frozenset[str]]:
    text = resources.files(__package__).joinpath("census_names.txt").read_text(encoding="ascii")
    sections: dict[str, list[str]] = {"[given]": [], "[given-ambiguous]": [], "[surname]": [], "[surname-words]": []}
    section = sections["[given]"]
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        if line.startswith("["):
            section = sections[line]
            continue
        section.extend(line.split())
    ambiguous = frozenset(sections["[given-ambiguous]"])
    given = frozenset(sections["[given]"]) | ambiguous
    surnames = {name: rank for rank, name in enumerate(sections["[surname]"])}
    return given, ambiguous, surnames, frozenset(sections["[surname-words]"])


_TABLE: Final = _load()
GIVEN: Final = _TABLE[0]
"""Given names (lower case), the ambiguous ones included."""
AMBIGUOUS_GIVEN: Final = _TABLE[1]
"""Given names that are also place, brand or frequent surnames, or three letters long (``london``,
``tesla``, ``campbell``, ``dev``): a person's only before a frequent surname."""
SURNAME_RANK: Final = _TABLE[2]
"""Surname (lower case) -> frequency rank."""
SURNAME_WORDS: Final = _TABLE[3]
"""Frequent surnames that are also English words (``baker``, ``driver``, ``long``)."""
