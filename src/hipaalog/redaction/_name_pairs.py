"""A person's name split over two fields with short generic keys: ``{"first": "Jane", "last": "Roe"}``.

``first``/``last``, ``fn``/``ln``, ``fname``/``lname``, ``given``/``family``, ``forename``/``surname``: each key
alone says little (``{"first": 0, "last": 100}`` pages a list, ``{"family": "Roboto"}`` is a font), and each value
alone is one word. Together, when the two values read as a person's name (given name, then surname: see
:func:`~._names.name_shaped`), they are one, and both fields are masked as ``NAME``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ._names import name_shaped

__all__ = ["FIRST_KEYS", "PAIR_WORDS", "name_pair"]

_PAIRS: Final = {
    "first": frozenset({"last", "surname", "lastname"}),
    "fn": frozenset({"ln", "sn"}),
    "fname": frozenset({"lname", "sname", "surname"}),
    "given": frozenset({"family", "surname"}),
    "forename": frozenset({"surname", "lastname"}),
    "givenname": frozenset({"familyname", "surname"}),
}
FIRST_KEYS: Final = frozenset(form for key in _PAIRS for form in (key, key.title(), key.upper()))
"""The keys of a given name, as written in lower case, title case and capitals (a cheap first look)."""
PAIR_WORDS: Final = frozenset(_PAIRS).union(*_PAIRS.values())
"""Every key of a pair, in lower case."""


def name_pair(value: Mapping[Any, object]) -> tuple[str, str] | None:
    """The keys of a given name and a surname in ``value`` whose values read as one person's name, or ``None``."""
    for key in value:
        if type(key) is not str or key not in FIRST_KEYS:
            continue
        given = value[key]
        if type(given) is not str:
            continue
        seconds = _PAIRS[key.lower()]
        for other in value:
            if type(other) is str and other.lower() in seconds:
                surname = value[other]
                if type(surname) is str and name_shaped(f"{given.strip()} {surname.strip()}"):
                    return key, other
    return None
