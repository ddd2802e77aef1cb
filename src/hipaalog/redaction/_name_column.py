"""A list of objects whose generic ``name`` holds a person's name in one of them holds people's names in all.

``[{"name": "Jane Roe"}, {"name": "Ann Lee"}]``: the first name reads as a person's by its shape alone
(:func:`~._names.name_shaped`), so the list is a list of people, and the others are read as a value under a
person's key is (:func:`~._person_values.person_value`: ``Ann Lee``, whose surname is also an English word).
A list without one clear name (``[{"name": "worker-pool"}, {"name": "Pine Grove"}]``) is left to each item.
"""

from __future__ import annotations

from typing import Any, Final

from ._firms import CELL_FIRM_ENDINGS, partners_list
from ._lexicon import unknown_word
from ._name_table import SURNAME_RANK
from ._names import name_shaped
from ._person_values import person_value

__all__ = ["NAME_COLUMN_KEYS", "column_names", "loosely_named"]

NAME_COLUMN_KEYS: Final = frozenset(("name", "Name", "NAME"))
"""Generic keys whose values the items of a list are compared by."""
_COMMON_SURNAME: Final = 1000
"""The rank a surname that is also an English word needs (``Lee``, ``Wood``; not ``Grove``, ``Bridge``, ``Call``)."""


def loosely_named(value: str) -> bool:
    """Whether ``value``, under a generic name key with a sign of a person beside it, is a person's name: read as
    under a person's key, but not a firm named after people (``Brown PLC``, ``Walker, Kim and Simpson``), nor a
    place or a phrase whose last word is English and rare as a surname (``Pine Grove``, ``Will Call``)."""
    if not person_value(value):
        return False
    last = value.rsplit(" ", 1)[-1].rstrip(".").lower()
    if last in CELL_FIRM_ENDINGS or partners_list(value, 0):
        return False
    return unknown_word(last) or SURNAME_RANK.get(last, _COMMON_SURNAME + 1) <= _COMMON_SURNAME


def column_names(items: list[Any]) -> list[tuple[int, Any]] | None:
    """``(index, key)`` of each item's generic name that reads as a person's when another item's clearly is one;
    ``None`` when no item holds a name by its shape (or no other item holds one by the looser reading)."""
    cells: list[tuple[int, Any, str]] = []
    for index, item in enumerate(items):
        if type(item) is dict and not NAME_COLUMN_KEYS.isdisjoint(item):
            for key in NAME_COLUMN_KEYS:
                value = item.get(key)
                if type(value) is str and " " in value:
                    cells.append((index, key, value))
    if len(cells) < 2 or not any(name_shaped(value) for _, _, value in cells):
        return None
    found = [(index, key) for index, key, value in cells if not name_shaped(value) and loosely_named(value)]
    return found or None
