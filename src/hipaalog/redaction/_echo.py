"""A SQL echo logged as two records: the statement, then its parameters (SQLAlchemy's ``echo``).

``INSERT INTO patient (name, city) VALUES (?, ?)`` is one record of ``sqlalchemy.engine.Engine``; the next one,
``[generated in 0.0002s] ('Roe', 'Lake Amanda')``, holds the values with no column beside them. A bounded memory
keeps, per logger and thread, the kinds of the last statement's parameters (by position and by placeholder name),
and the next parameters record of that logger and thread is typed by them (every formatter that shares the redactor
reads it, so the statement stays until another record). Any other record of that logger and
thread forgets the statement (``COMMIT`` in between); records of other loggers never touch it.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Final

from ._firm_sql import firm_statement

__all__ = ["Remembered", "StatementMemory", "parameters_start"]

Remembered = tuple[list[str | None], dict[str, str | None]]
"""The kinds of a statement's parameters: by position, and by placeholder name."""

_STATEMENT: Final = re.compile(
    r"[ \t\n(]*(?i:select|insert|update|delete|with|replace|upsert|merge)(?![\w]).{0,4000}?"
    r"(?:%s|\?|\$[0-9]|:[A-Za-z_]|%\()",
    re.DOTALL,
)
"""A statement with placeholders, its verb first (as an engine logs it)."""
_TAG: Final = re.compile(
    r"\[(?:generated in|cached since|no key|raw sql|insertmanyvalues|dialect )[^\]\n]{0,100}\][ ]*(?=[(\[{])"
)
"""SQLAlchemy's tag before the parameters: ``[generated in 0.0004s]``, ``[cached since 12.1s ago]``."""
_SITE_KINDS: Final = frozenset(("ADDRESS", "CITY", "ZIP", "NAME", "NAME?"))
"""Kinds a firm's or site's own table holds of itself (``INSERT INTO stores (name, street, city)``)."""
_LIST_WORDS: Final = ("None", "True", "False")
"""Words a list of parameters may open with (``[None, 'Roe']``); any other word opens a note."""
_CAP: Final = 64
_MAX_CHARS: Final = 4096


def parameters_start(message: str) -> int:
    """Where the parameters of a parameters record open (after the echo tag, or at once), or -1."""
    if message[:1] == "[":
        tag = _TAG.match(message)
        if tag is not None:
            return tag.end()
        if message[1:2].isalpha() and not message.startswith(_LIST_WORDS, 1):
            return -1  # [SQL parameters hidden due to hide_parameters=True]
    return 0 if message[:1] in "([{" else -1


class StatementMemory:
    """The last statement's parameter kinds per (logger, thread), for at most ``cap`` of them (least recent
    forgotten first). Thread-safe; every operation is O(1) apart from reading a statement once."""

    def __init__(self, read: Callable[[str], Remembered], cap: int = _CAP) -> None:
        self._read = read  # TabularDetector.parameter_kinds
        self._cap = cap
        self._entries: OrderedDict[tuple[str, object], Remembered] = OrderedDict()
        self._lock = threading.Lock()

    def parameters_for(self, key: tuple[str, object], message: str) -> tuple[Remembered, int] | None:
        """The remembered kinds and where the parameters open when ``message`` is the parameters record of the
        statement logged just before it under ``key``; otherwise ``None`` (a statement is remembered, any other
        record of ``key`` forgets)."""
        start = parameters_start(message)
        if start >= 0:
            if not self._entries:
                return None
            remembered = self._entries.get(key)  # kept: a second formatter sharing the redactor reads it again
            return None if remembered is None else (remembered, start)
        if len(message) <= _MAX_CHARS and _STATEMENT.match(message) is not None:
            kinds = self._kinds(message)
            with self._lock:
                if kinds is None:
                    self._entries.pop(key, None)
                else:
                    self._entries[key] = kinds
                    self._entries.move_to_end(key)
                    while len(self._entries) > self._cap:
                        self._entries.popitem(last=False)
            return None
        if self._entries:
            with self._lock:
                self._entries.pop(key, None)
        return None

    def _kinds(self, statement: str) -> Remembered | None:
        kinds, named = self._read(statement)
        if firm_statement(statement):  # a store's street and town, a vendor's name: the site's own
            kinds = [None if kind in _SITE_KINDS else kind for kind in kinds]
            named = {name: None if kind in _SITE_KINDS else kind for name, kind in named.items()}
        return (kinds, named) if any(kinds) or any(named.values()) else None

    def __len__(self) -> int:
        return len(self._entries)
