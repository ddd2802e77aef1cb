"""A postal code under a generic key of an address written out field by field: ``{"line1": ..., "code": ...}``.

``code``, ``pc`` (post code) and ``cp`` (código postal) say nothing alone (``{"code": "E1042"}`` is an error's,
``{"pc": 12}`` a program counter); in a mapping that also holds a line of the address (a street, a town: any
field the catalogue calls an ``ADDRESS`` holding text) they are its postal code, however the mapping itself is
named (``mailing``, ``ship_to``, ``residence``) and whatever the code's country shape (``94107``, ``SW1A 2AA``,
``1011 AB``, ``75008``). The value must read as one: up to ten letters and digits with at most two spaces or
dashes, at least one digit (every postal code has one), or a non-negative integer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from ._keys import KeyCatalogue

__all__ = ["POSTAL_KEYS", "postal_key"]

_GENERIC: Final = ("code", "pc", "cp")
POSTAL_KEYS: Final = frozenset(form for key in _GENERIC for form in (key, key.title(), key.upper()))
"""The generic keys of a postal code, in lower case, title case and capitals (a cheap first look)."""
_CODE: Final = re.compile(r"[A-Za-z0-9]{1,8}(?:[ -][A-Za-z0-9]{1,8}){0,2}")
_MAX_CODE: Final = 12
_MAX_NUMBER: Final = 10**10


def _code_shaped(value: object) -> bool:
    if type(value) is int:
        return 0 <= value < _MAX_NUMBER
    if type(value) is not str or not 3 <= len(value) <= _MAX_CODE or _CODE.fullmatch(value) is None:
        return False
    return any(ch.isdigit() for ch in value)


def _address_line(key: object, value: object, keys: KeyCatalogue) -> bool:
    """Whether ``key`` names a line of an address and ``value`` is text of one (not coordinates, not empty)."""
    return (
        type(key) is str
        and type(value) is str
        and any(ch.isalpha() for ch in value)
        and keys.info(key).kind == "ADDRESS"
    )


def postal_key(value: Mapping[Any, object], keys: KeyCatalogue, trusted: frozenset[str] = frozenset()) -> Any:
    """The generic key of ``value`` that holds the postal code of the address beside it, or ``None``.

    ``trusted``: keys read as an organisation's own (its town): an address with such a line is the
    organisation's, and so is its code.
    """
    code_key = next((key for key in value if type(key) is str and key in POSTAL_KEYS), None)
    if code_key is None or not _code_shaped(value[code_key]):
        return None
    found = None
    for key, item in value.items():
        if key != code_key and _address_line(key, item, keys):
            if key in trusted:
                return None
            found = code_key
    return found
