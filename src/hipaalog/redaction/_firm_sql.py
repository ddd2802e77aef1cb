"""The town a SQL statement filters a firm's own table by: ``SELECT ... FROM stores WHERE city ILIKE 'sa%'``.

A statement over the tables of an organisation and its sites (``facilities``, ``departments``, ``warehouses``,
``stores``) filters or sets their town column; that town is where a site is, not where a person lives, so its
literals are kept from the place, name and ZIP readers. A statement that names any other table (``JOIN patients``,
``FROM stores s, customers c``), or a literal with digits or a person's name, is left to them.
"""

from __future__ import annotations

import re
from typing import Final

from ._keys import tokens
from ._names import name_shaped
from ._organisations import ORG_WORDS
from ._repr_fields import Cleared

__all__ = ["firm_statement", "firm_town_literals", "town_column"]

_TABLE: Final = re.compile(
    r"[FfUuIiJj](?<![\w.][FfUuIiJj])(?:(?<=[Ff])(?i:rom)|(?<=[Uu])(?i:pdate)|(?<=[Ii])(?i:nto)|(?<=[Jj])(?i:oin))"
    r"[ ]+[\"`\[]?(?:\w+\.)?(\w+)"
)
_SITE_TABLES: Final = ORG_WORDS | frozenset(
    ("department", "departments", "dept", "depts", "unit", "units", "location", "locations", "region", "regions")
)
"""Last words of a table's name that say its rows are an organisation or one of its sites."""
_TOWN_FILTER: Final = re.compile(
    r"[CcTt](?:(?<=[Cc])(?i:ity)|(?<=[Tt])(?i:own))(?!\w)[\"`\]]?(?i:[ ]*(?:=|<>|!=|(?:not[ ]+)?i?like|in)[ ]*)"
    r"\(?'[^'\n]{0,80}'(?:[ ]*,[ ]*'[^'\n]{0,80}'){0,31}\)?"
)
"""A town column compared with literals: ``city ILIKE 'sa%'``, ``city = 'Lake Amanda'``, ``city IN ('A', 'B')``."""
_KEPT: Final = frozenset(("ADDRESS", "CITY", "ZIP", "NAME"))
_MOST_TABLES: Final = 16


_LISTED: Final = re.compile(
    r"(?:[ ]+(?i:as[ ]+)?(?!(?i:where|join|on|set|group|order|limit)\b)\w+)?[ ]*,[ ]*(?:\w+\.)?(\w+)"
)
"""A further table of a ``FROM`` list after a comma (``FROM stores s, patients p``), its alias skipped."""
_LITERAL: Final = re.compile(r"'([^'\n]*)'")


def firm_statement(text: str) -> bool:
    """Whether the statement in ``text`` reads or writes only firms' or sites' tables: a person's or any other
    table joined or listed beside them (``JOIN patients``, ``FROM stores s, customers c``) may own the town."""
    tables = []
    for found in _TABLE.finditer(text):
        tables.append(found[1])
        at = found.end()
        while len(tables) < _MOST_TABLES and (listed := _LISTED.match(text, at)) is not None:
            tables.append(listed[1])
            at = listed.end()
    return bool(tables) and all(_site_table(table) for table in tables)


def _town_literals(found: re.Match[str]) -> bool:
    """Whether the literals compared with a town column read as towns: no digits (a street, a ZIP) and no
    person's name (``city = 'Jane Roe'``)."""
    for literal in _LITERAL.finditer(found[0]):
        if any(c.isdigit() for c in literal[1]) or name_shaped(literal[1]):
            return False
    return True


def town_column(column: str) -> bool:
    """Whether a column holds a town (``city``, ``dc_city``, ``town``)."""
    words = tokens(column)
    return bool(words) and words[-1].lower() in ("city", "town")


def firm_town_literals(text: str) -> list[Cleared]:
    """Where ``text`` compares a firm's table's town column with literals: the spans to keep (empty if none)."""
    if not firm_statement(text):
        return []
    found = _TOWN_FILTER.finditer(text)
    return [Cleared(match.start(), match.end(), _KEPT) for match in found if _town_literals(match)]


def _site_table(name: str) -> bool:
    words = tokens(name)
    return bool(words) and words[-1].lower() in _SITE_TABLES
