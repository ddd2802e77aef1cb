"""The town a SQL statement filters a firm's own table by: ``SELECT ... FROM stores WHERE city ILIKE 'sa%'``.

A statement over the tables of an organisation and its sites (``facilities``, ``departments``, ``warehouses``,
``stores``) filters or sets their town column; that town is where a site is, not where a person lives, so its
literals are kept from the place, name and ZIP readers. A statement that names a person's table anywhere
(``JOIN patients``) is left to them.
"""

from __future__ import annotations

import re
from typing import Final

from ._keys import DEFAULT_CATALOGUE, tokens
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


def firm_statement(text: str) -> bool:
    """Whether the statement in ``text`` reads or writes a firm's or a site's table first and no person's table."""
    tables = [found[1] for found in _TABLE.finditer(text)]
    if not tables or not _site_table(tables[0]):
        return False
    return all(DEFAULT_CATALOGUE.info(table).person is None for table in tables)  # not "JOIN patients"


def town_column(column: str) -> bool:
    """Whether a column holds a town (``city``, ``dc_city``, ``town``)."""
    words = tokens(column)
    return bool(words) and words[-1].lower() in ("city", "town")


def firm_town_literals(text: str) -> list[Cleared]:
    """Where ``text`` compares a firm's table's town column with literals: the spans to keep (empty if none)."""
    if not firm_statement(text):
        return []
    return [Cleared(found.start(), found.end(), _KEPT) for found in _TOWN_FILTER.finditer(text)]


def _site_table(name: str) -> bool:
    words = tokens(name)
    return bool(words) and words[-1].lower() in _SITE_TABLES
