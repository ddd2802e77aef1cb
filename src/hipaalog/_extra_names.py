"""``extra=`` fields named like ``LogRecord`` attributes: kept as ``extra_<name>`` instead of raising.

``logging.Logger.makeRecord`` raises ``KeyError`` into the log call when an ``extra=`` key is
``message``, ``asctime`` or any attribute a record already has (``name``, ``args``, ``filename``,
``module``, ``process``...), and ``TypeError`` when ``extra`` is no mapping: a payload passed as
``extra=`` fails in production on the first record that carries such a key. Importing hipaalog
replaces ``Logger.makeRecord``, while it is still the standard one, with a version that makes the
same record and keeps each colliding field as ``extra_<name>`` (``extra_extra_<name>`` if that is
taken too), the rule hipaalog's schema applies to caller fields named like its own; an ``extra``
that is no mapping is kept whole as ``extra``. Loggers whose class defines its own ``makeRecord``
keep it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Final

__all__ = ["install"]

_STANDARD: Final = logging.Logger.makeRecord
_ALWAYS_TAKEN: Final = frozenset({"message", "asctime"})  # set later by Formatter.format()

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None] | None


def install() -> None:
    """Put :func:`_make_record` in place of ``logging.Logger.makeRecord`` when it is still the standard one."""
    if logging.Logger.makeRecord is _STANDARD:
        logging.Logger.makeRecord = _make_record  # type: ignore[method-assign]


def _make_record(  # noqa: PLR0917 - the signature Logger.makeRecord has
    self: logging.Logger,
    name: str,
    level: int,
    fn: str,
    lno: int,
    msg: object,
    args: Any,
    exc_info: ExcInfo,
    func: str | None = None,
    extra: Mapping[str, object] | None = None,
    sinfo: str | None = None,
) -> logging.LogRecord:
    """``Logger.makeRecord``, keeping ``extra=`` fields that collide with the record's own as ``extra_<name>``."""
    if extra is None:
        return _STANDARD(self, name, level, fn, lno, msg, args, exc_info, func, None, sinfo)
    try:
        return _STANDARD(self, name, level, fn, lno, msg, args, exc_info, func, extra, sinfo)
    except (KeyError, TypeError, AttributeError):
        pass
    record = _STANDARD(self, name, level, fn, lno, msg, args, exc_info, func, None, sinfo)
    attributes = record.__dict__
    try:
        items = list(extra.items()) if isinstance(extra, Mapping) else None
    except Exception:  # noqa: BLE001 - a mapping that cannot be read is kept whole, as any other value
        items = None
    if items is None:
        attributes[_free_name("extra", attributes)] = extra
        return record
    colliding = []
    for key, value in items:  # the fields that collide go last: a caller's own extra_<name> keeps its name
        field = key if type(key) is str else str(key)
        if field in _ALWAYS_TAKEN or field in attributes:
            colliding.append((field, value))
        else:
            attributes[field] = value
    for field, value in colliding:
        attributes[_free_name(f"extra_{field}", attributes)] = value
    return record


def _free_name(name: str, attributes: Mapping[str, object]) -> str:
    while name in _ALWAYS_TAKEN or name in attributes:
        name = f"extra_{name}"
    return name
