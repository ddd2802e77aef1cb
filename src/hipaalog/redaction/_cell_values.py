"""Whether a table cell's value can be of its column's kind: ``127.0.0.1:5432`` under ``address`` is a socket's,
``5d`` under ``age`` how long a process has run, ``NaN`` and ``None`` no value at all."""

from __future__ import annotations

from typing import Final

__all__ = ["EMPTY_CELLS", "plausible"]

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


def plausible(kind: str, value: str) -> bool:
    """Whether ``value`` can be of ``kind`` at all (``127.0.0.1:5432`` under ``Foreign Address`` is a socket's)."""
    if value in EMPTY_CELLS:
        return False
    if kind == "AGE":
        return value.isdigit()  # ``5d``, ``3h12m``: how long a process has run
    if kind in _NUMERIC_KINDS:
        return any(c.isdigit() for c in value)
    if kind in _LETTER_KINDS:
        return any(c.isalpha() for c in value)
    return True
