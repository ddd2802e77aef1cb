"""An identifier under a key that names a person: ``{"patient": "E3092577"}``, ``{"subject": 41920507}``.

Under ``patient``, ``pt``, ``subject``, ``resident``, ``participant``... a name is masked as a name and a bare phone
number as one; a value shaped like a record number is that person's identifier just as ``patient=E3092577``
in text is. The shape: one token of five digits or more, with up to four letters before or after it and
dashes between groups (``E3092577``, ``3477-870306``, ``HF111446``, ``W164100379``), or an integer of five
digits or more. Kept: counts and flags (``{"patient": 3}``), hex and UUIDs (a server's key), words.

``pid`` is a patient identifier (HL7's segment) as often as a process id: a value of the shape above that no
process id can take (letters or a dash in it, more than seven digits, a number past Linux's ``pid_max`` of
4194304) is the patient's (``{"pid": "MR715892"}``); ``{"pid": 4120}`` and ``{"pid": "31337"}`` stay.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["id_shaped", "patient_pid", "person_key_id"]

_ID: Final = re.compile(r"[A-Za-z0-9](?<![^\x00-\x7f])[A-Za-z]{0,3}-?[0-9]{2,}(?:-[0-9]{2,})*[A-Za-z]{0,2}")
_MIN_DIGITS: Final = 5


_SUBJECTS: Final = frozenset({"patient", "pt", "subject", "resident", "participant", "enrollee", "beneficiary"})
"""Keys of the person a record is about; under a relative's or a contact's key (``guardian``, ``contact``) a
number that is no phone number may be anything (a count, a CRM row) and stays."""


def person_key_id(person: str | None, key: str, item: object) -> str | None:
    """The kind of ``item`` under ``key`` (compact), a key that names the person a record is about (``person``:
    the kind of their id), when it is shaped like an identifier (see the module), else ``None``."""
    if person is None or key not in _SUBJECTS:
        return None
    return person if id_shaped(item) else None


def id_shaped(item: object) -> bool:
    """Whether ``item`` is shaped like a person's identifier (see the module): an int of five digits or more, or
    one token of five digits or more with a few letters and dashes; not a hex key."""
    if type(item) is int:
        return item >= 10**4
    if type(item) is not str or not 5 <= len(item) <= 24 or _ID.fullmatch(item) is None:
        return False
    digits = sum(ch.isdigit() for ch in item)
    if digits < _MIN_DIGITS:
        return False
    letters = len(item) - digits - item.count("-")
    return not (letters and all(ch in "abcdefABCDEF" for ch in item if ch.isalpha()) and len(item) >= 12)  # hex


_PID_MAX: Final = 4_194_304
"""The largest process id Linux hands out (``pid_max`` on 64-bit systems)."""


def patient_pid(item: object) -> bool:
    """Whether ``item``, the value of a ``pid`` field, is a patient's identifier rather than a process id."""
    if type(item) is int:
        return item > _PID_MAX
    if type(item) is not str:
        return False
    if item.isdigit():
        return len(item) > len(str(_PID_MAX))
    return person_key_id("PATIENT", "patient", item) is not None
