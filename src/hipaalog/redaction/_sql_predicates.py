"""Literals in a SQL condition about a person's column, whatever the operator or function around them.

The literal reader takes ``column <op> 'value'`` for the operators it lists (``=``, ``LIKE``, ``~*``). A condition
compares a column in many more ways: ``last_name <> 'Roe'``, ``NOT IN ('Roe', ...)``, ``SOUNDS LIKE 'Roe'``,
``= ANY(ARRAY['Roe'])``, ``IS DISTINCT FROM 'Roe'``, ``LIKE CONCAT('%', 'Roe', '%')``, ``= _utf8'Roe'``,
``= BINARY 'Roe'``, ``= CAST('Roe' AS text)``, ``position('Roe' in last_name)``, ``'Roe' = last_name``.
Each condition of a statement (the text between ``WHERE``, ``HAVING``, ``AND``, ``OR``, ``ON``, ``WHEN`` and the
next of them or the clause's end; ``BETWEEN ... AND ...`` is one) whose columns are of one kind (the catalogue's,
or a name's) has its quoted literals read as that kind. A condition with no such column, or columns of two kinds,
is left to the other readers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final

from ._detector import Span

__all__ = ["predicate_literals"]

_STATEMENT: Final = re.compile(r"(?<![\w.])(?:SELECT|UPDATE|DELETE|select|update|delete)(?![\w.])")
_CLAUSE: Final = re.compile(r"(?<![\w.])(?:WHERE|HAVING|where|having)(?![\w.])")
"""Where conditions open, after a statement's word (``ON`` and ``WHEN`` only part them, once inside)."""
_BOUNDARY: Final = re.compile(
    r"(?<![\w.])(?i:and|or|where|having|on|when|then|else|end|order[ ]+by|group[ ]+by|limit|offset|union|returning"
    r"|set|values|join|select)(?![\w.])|;|\n"
)
_BETWEEN: Final = re.compile(r"(?<![\w.])(?i:between)(?![\w.])")
_LITERAL: Final = re.compile(r"(?:(?<![\w'])[NnEeXxBb]|_\w{1,12})?'((?:[^'\\\n]|\\.|''){1,200})'")
"""A string literal with its prefix (``N'..'``, ``E'..'``, ``_utf8'..'``): group 1 is its text."""
_IDENTIFIER: Final = re.compile(r"[\"`\[]?([A-Za-z_][\w]{0,63})[\"`\]]?(?![\w(])")
"""A column's name (a function's is followed by its parenthesis)."""
_KEYWORDS: Final = frozenset(
    (
        *("not", "in", "is", "null", "like", "ilike", "rlike", "regexp", "glob", "similar", "to", "sounds", "escape"),
        *("distinct", "from", "any", "all", "some", "array", "as", "cast", "collate", "binary", "between", "exists"),
        *("date", "time", "timestamp", "interval", "text", "varchar", "char", "nvarchar", "int", "integer", "true"),
        *("false", "nocase", "case", "asc", "desc", "the", "a"),
    )
)
"""SQL's own words in a condition (``IS DISTINCT FROM``, ``DATE '...'``, ``COLLATE nocase``): no column's name."""
_REACH: Final = 600
"""Characters one condition may span."""


def _conditions(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of each condition after a ``WHERE``, ``HAVING``, ``ON`` or ``WHEN``."""
    statement = _STATEMENT.search(text)
    clause = None if statement is None else _CLAUSE.search(text, statement.end())
    if clause is None:
        return
    start = clause.end()
    while start < len(text):
        boundary = _BOUNDARY.search(text, start, start + _REACH)
        end = len(text) if boundary is None else boundary.start()
        between = _BETWEEN.search(text, start, end)
        if between is not None and boundary is not None and boundary[0].lower() == "and":
            following = _BOUNDARY.search(text, boundary.end(), boundary.end() + _REACH)
            end = len(text) if following is None else following.start()
            boundary = following
        yield start, min(end, start + _REACH)
        if boundary is None:
            return
        word = boundary[0].lower()
        if word not in ("and", "or", "where", "having", "on", "when"):
            clause = _CLAUSE.search(text, boundary.end())
            if clause is None:
                return
            start = clause.end()
        else:
            start = boundary.end()


def _bare(text: str, start: int, end: int) -> str:
    """The condition with its literals blanked (their words are no columns)."""
    return _LITERAL.sub(lambda m: " " * len(m[0]), text[start:end])


def predicate_literals(text: str, kind_of: Callable[[str], str | None]) -> Iterator[Span]:
    """Spans of the literals of each condition on one person's column (``kind_of`` names a column's kind)."""
    for start, end in _conditions(text):
        if "'" not in text[start:end]:
            continue
        kinds: set[str] = set()
        for name in _IDENTIFIER.findall(_bare(text, start, end)):
            kind = None if name.lower() in _KEYWORDS else kind_of(name)
            if kind is not None:
                kinds.add(kind)
        if len(kinds) != 1:
            continue
        (kind,) = kinds
        for literal in _LITERAL.finditer(text, start, end):
            yield literal.start(1), literal.end(1), kind
