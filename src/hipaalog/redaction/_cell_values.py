"""Whether a value can be of its column's or key's kind: ``127.0.0.1:5432`` under ``address`` is a socket's,
``5d`` under ``age`` how long a process has run, ``NaN`` and ``None`` no value at all."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["EMPTY_CELLS", "network_endpoint", "plausible"]

EMPTY_CELLS: Final = frozenset(
    ["", "NaN", "nan", "None", "<NA>", "NaT", "null", "NULL", "-", "--", "...", "…", "N/A", "n/a", "True", "False"]
)
_NUMERIC_KINDS: Final = frozenset(
    [
        "ZIP",
        "MRN",
        "PATIENT",
        "MEMBER_ID",
        "MBI",
        "PHONE",
        "FAX",
        "SSN",
        "DOB",
        "DATE",
        "AGE",
        "ACCOUNT",
        "CARD",
        "LICENSE",
        "NPI",
        "DEA",
        "ID",
        "IP",
    ]
)
"""Kinds whose values hold a digit: a cell without one under such a column is something else (a word, a flag)."""
_LETTER_KINDS: Final = frozenset(["NAME", "ADDRESS", "NAME?"])
_ENDPOINT: Final = re.compile(r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]{0,252})?:[0-9]{1,5}|unix:/[\w./-]+")
"""A network endpoint (``0.0.0.0:8080``, ``[::1]:8080``, ``:8080``, ``db.internal:5432``, ``unix:/run/app.sock``)."""


def network_endpoint(value: str) -> bool:
    """Whether ``value`` is a network endpoint, not a postal address (``0.0.0.0:8080``, ``db.internal:5432``)."""
    return _ENDPOINT.fullmatch(value) is not None


def plausible(kind: str, value: str) -> bool:
    """Whether ``value`` can be of ``kind`` at all (``127.0.0.1:5432`` under ``Foreign Address`` is a socket's)."""
    if value in EMPTY_CELLS:
        return False
    if kind == "AGE":
        return value.isdigit()  # ``5d``, ``3h12m``: how long a process has run
    if kind in _NUMERIC_KINDS:
        return any(c.isdigit() for c in value)
    if kind == "ADDRESS" and network_endpoint(value):
        return False  # a socket's address: its IP, if any, is judged as any IP
    if kind in _LETTER_KINDS:
        return any(c.isalpha() for c in value)
    return True
