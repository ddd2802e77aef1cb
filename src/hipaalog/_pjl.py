"""What python-json-logger writes that hipaalog's encoder does not do by itself.

Object conversions python-json-logger users rely on (a class by its name, an Enum class as its
values, a traceback object as text, ``"__could_not_encode__"`` for objects that cannot even be
printed), chained after any ``json_default`` a caller gives. Whatever these return still goes
through the encoder's own conversion and redaction.
"""

from __future__ import annotations

import decimal
import enum
import traceback
from collections.abc import Callable
from pathlib import PurePath
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from .redaction import Redactor

__all__ = ["COULD_NOT_ENCODE", "DROPPED", "before_rename", "chain_default"]

COULD_NOT_ENCODE: Final = "__could_not_encode__"
"""What python-json-logger writes for an object whose ``str`` and ``repr`` both raise."""

# Types hipaalog's encoder converts itself; everything else is checked for a working repr here.
_ENCODER_HANDLES: Final = (decimal.Decimal, set, frozenset, bytes, bytearray, memoryview, PurePath, BaseException, int)
_BYTES: Final = (bytes, bytearray, memoryview)
DROPPED: Final = object()
"""What :func:`before_rename` returns for a field the redaction policy drops."""


def _python_json_logger_default(obj: object) -> Any:
    if isinstance(obj, type):
        if issubclass(obj, enum.Enum):
            return [member.value for member in obj]
        return obj.__name__
    if isinstance(obj, TracebackType):
        return "".join(traceback.format_tb(obj)).strip()
    if not isinstance(obj, _ENCODER_HANDLES):
        try:
            repr(obj)
        except Exception:  # noqa: BLE001 - a broken __repr__ must not break logging
            try:
                return str(obj)
            except Exception:  # noqa: BLE001
                return COULD_NOT_ENCODE
    return obj


def chain_default(caller: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """The ``json_default`` an encoder gets: the caller's first, then python-json-logger's conversions.

    Bytes never reach the caller's function: they are written as text, so that redaction reads
    what they say (base64 or hex would hide PHI from it).
    """
    if caller is None:
        return _python_json_logger_default

    def default(obj: Any) -> Any:
        if isinstance(obj, _BYTES):
            return obj
        try:
            value = caller(obj)
        except Exception:  # noqa: BLE001 - as the encoder does: fall back to hipaalog's conversion
            value = obj
        return _python_json_logger_default(obj) if value is obj else value

    return default


def before_rename(redactor: Redactor | None, source: str, value: Any) -> Any:
    """``value`` redacted under its own field name, before ``rename_fields`` moves it (``ssn`` -> ``ref``).

    The record is redacted after renaming, by the new names: a new name that is no PHI key must not
    hide what the old one said. A field whose old name says nothing is left as it is (the caller's
    ``json_default`` still converts it); ``DROPPED`` when the policy drops the field.
    """
    if redactor is None or redactor.keys.info(source).plain:
        return value
    clean = redactor.redact_field(source, value)
    return DROPPED if clean is None and value is not None else clean
