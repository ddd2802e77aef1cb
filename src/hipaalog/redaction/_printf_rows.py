"""The arguments of a ``%`` call read together as a positional row: ``log.info("%r %r %r", last, first, dob)``.

A template of bare placeholders (``"%r %r %r"``, ``"%s|%s|%s"``, ``"lookup %r -> %r"``) gives its values no
names, and each value alone may read as nothing (``'Howe'``, ``'Marion'``). Written as the tuple they are, the
same values are a row the positional-record readers judge (:mod:`._person_rows`, :mod:`._name_rows`): a surname,
a given name and a birth date together are a person's record. A value the row reader masks whole is masked as
an argument; a value it masks only in part is left to the message's own pass. Rows of no person (``('GET',
'/api/v1/health', 200)``, ``('timeout', 30, True)``) come out of the reader unchanged and cost one scan.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Final

from ._redactor import Redactor

__all__ = ["row_masked"]

_PLACEHOLDER: Final = re.compile(r"%(?P<key>\()?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conv>.)", re.DOTALL)
_CELL_TYPES: Final = frozenset({str, int, float, bool, type(None), datetime.date, datetime.datetime})
_NAME_LIKE: Final = re.compile(r"[A-Z][^\W\d_]*(?:[ ,'.-]{1,2}[A-Z]?[^\W\d_]+){0,3}")
"""A value shaped like a name or a part of one (``Howe``, ``Roe, Jane``, ``Karl-Heinrich``, ``Jane Q. Roe``)."""
_DIGITS: Final = re.compile(r"[0-9]{2}")


def row_masked(template: str, args: tuple[Any, ...], redactor: Redactor) -> tuple[Any, ...] | None:
    """``args`` with the values a row reader masks whole replaced by their masks; ``None`` when none is.

    Only for two or more positional placeholders (no keys, no ``*``), each value a scalar, one of them shaped like
    a name and another a name, a number or text with digits (a date, an id).
    """
    if len(args) < 2:
        return None
    convs: list[str] = []
    for spec in _PLACEHOLDER.finditer(template):
        conv = spec["conv"]
        if conv == "%":
            continue
        if spec["key"] is not None or "*" in spec[0]:
            return None
        convs.append(conv)
    if len(convs) != len(args):
        return None
    named = numbered = 0
    for value in args:  # a loop, not any() over a generator: this runs on every call with several arguments
        if type(value) not in _CELL_TYPES:
            return None
        if type(value) is str:
            if _NAME_LIKE.fullmatch(value) is not None:
                named += 1
            elif _DIGITS.search(value) is not None:
                numbered += 1
        elif type(value) is not bool and type(value) is not float and value is not None:
            numbered += 1  # a number, a date
    if not named or named + numbered < 2:
        return None  # no capitalised word, or nothing beside it: no person's row (the common call costs no scan)
    cells: list[tuple[int, int]] = []
    parts: list[str] = []
    position = 1
    for value in args:
        shown = repr(value) if type(value) is str else repr(str(value))
        cells.append((position + 1, position + len(shown) - 1))  # the value inside its quotes
        parts.append(shown)
        position += len(shown) + 2
    row = "(" + ", ".join(parts) + ")"
    findings = redactor.find(row)
    if not findings:
        return None
    masked = list(args)
    changed = False
    for finding in findings:
        if finding.span is None or finding.kind == "ID":
            continue  # a bare id beside a name (a request's tag, a trace id) is judged by the message's own pass
        start, end = finding.span
        for index, (low, high) in enumerate(cells):
            if start <= low and high <= end and high > low and convs[index] in "sra":
                masked[index] = redactor.strategy_for(finding.kind).text(finding.kind, str(args[index]))
                changed = True
    return tuple(masked) if changed else None
