"""Turning anything a caller logs into JSON-native values, without ever raising.

Two tools: :func:`to_json_native`, the ``default=`` hook orjson calls for types it does not know,
and :func:`sanitize`, a slow deep copy used only when orjson refused a whole record (cycles,
surrogates, integers beyond 64 bits, keys that are not strings).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import enum
import math
import uuid
from collections.abc import Callable, Mapping
from pathlib import PurePath
from typing import Any, Final

__all__ = [
    "MAX_DEPTH",
    "attributes_of",
    "fields_of",
    "key_text",
    "sanitize",
    "table_rows",
    "to_json_native",
    "truncate",
]

MAX_DEPTH: Final = 32
"""Nesting deeper than this is replaced by a marker string."""
_REPR_CHARS: Final = 1024


def truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with a marker saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…[truncated {len(text) - limit} chars]"


def _safe_repr(obj: object) -> str:
    try:
        text = repr(obj)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not break logging
        return f"<unrepresentable {type(obj).__qualname__}>"
    return truncate(text, _REPR_CHARS)


_UTF32_BOMS: Final = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"))
_UTF16_BOMS: Final = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _wide_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding ``data`` is written in, by its byte-order mark or, without one, by
    the zero bytes every other (or three in four) byte of ASCII-range text holds; ``None`` for anything else."""
    for bom, name in _UTF32_BOMS + _UTF16_BOMS:
        if data.startswith(bom):
            return name
    size = len(data)
    if size < 4 or size % 2 or data.count(0) < size // 3:
        return None
    if size % 4 == 0 and data[1::4].count(0) == data[2::4].count(0) == data[3::4].count(0) == size // 4:
        return "utf-32-le"
    if size % 4 == 0 and data[0::4].count(0) == data[1::4].count(0) == data[2::4].count(0) == size // 4:
        return "utf-32-be"
    if data[1::2].count(0) >= size // 2 - 1 and data[0::2].count(0) == 0:
        return "utf-16-le"
    if data[0::2].count(0) >= size // 2 - 1 and data[1::2].count(0) == 0:
        return "utf-16-be"
    return None


def bytes_text(data: bytes) -> str:
    """``data`` as text: UTF-16 and UTF-32 decoded as such (a reader would), anything else as UTF-8 with
    the bytes that are no UTF-8 written as ``\\xNN``."""
    wide = _wide_encoding(data) if 0 in data[:4096] or data[:2] in (b"\xff\xfe", b"\xfe\xff") else None
    if wide is not None:
        try:
            return data.decode(wide).lstrip("\ufeff")
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", "backslashreplace")


def to_json_native(obj: object) -> Any:
    """A JSON-native stand-in for ``obj`` (orjson's ``default=`` hook).

    Numbers stay numbers (``Decimal`` becomes a float), sets become lists, bytes become text,
    anything else its ``repr``. Never raises.
    """
    if isinstance(obj, decimal.Decimal):
        try:
            value = float(obj)
        except (OverflowError, ValueError):
            return str(obj)
        return value if math.isfinite(value) else None
    if isinstance(obj, (set, frozenset)):
        items = list(obj)
        try:
            items.sort()
        except TypeError:
            pass
        return items
    if isinstance(obj, (bytes, bytearray, memoryview)):
        return bytes_text(bytes(obj))
    if isinstance(obj, PurePath):
        return str(obj)
    if isinstance(obj, BaseException):
        return f"{type(obj).__name__}: {_safe_str(obj)}"
    if isinstance(obj, int):  # beyond 64 bits: keep every digit as text
        return str(obj)
    number = numpy_number(obj)
    if number is not None:
        return number
    return _safe_repr(obj)


MAX_NUMPY_ITEMS: Final = 10_000
"""Elements of a numeric numpy array written as a JSON array at most; a larger one is written as its repr."""


def numpy_number(obj: object) -> Any:
    """A numpy number, bool or numeric array as the Python number, bool or list it holds (``np.int64(7)`` is
    ``7``, so a field keeps its JSON type whichever library made the value), or ``None``. numpy is not imported."""
    if type(obj).__module__ != "numpy":
        return None
    dtype = getattr(obj, "dtype", None)
    if getattr(dtype, "kind", None) not in _NUMERIC_KINDS or getattr(dtype, "names", None):
        return None
    try:
        if getattr(obj, "ndim", 0) == 0:
            value = obj.item()  # type: ignore[attr-defined]
        elif getattr(obj, "size", MAX_NUMPY_ITEMS + 1) <= MAX_NUMPY_ITEMS:
            value = obj.tolist()  # type: ignore[attr-defined]
        else:
            return None
    except Exception:  # noqa: BLE001 - an object that only looks like numpy's: written as its repr
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None  # NaN and infinities have no JSON form: their repr says what they were
    return value


_NUMERIC_KINDS: Final = frozenset("biuf")


def fields_of(value: object) -> dict[str, Any] | None:
    """The named fields of a record-like object, as hipaalog writes them, or ``None``.

    Dataclasses, attrs classes, pydantic models (v2 and v1) and named tuples are written as what
    they are: fields under their names. Knowing the names lets field-name rules apply to them (a
    ``Patient`` dataclass's ``ssn`` is redacted like an ``ssn`` key). Looks at ``type(value)``, never
    at ``value.__class__`` (a lazy proxy's ``__class__`` may run code that raises). May raise.
    """
    cls = type(value)
    if isinstance(value, tuple):
        names = getattr(cls, "_fields", None)
        if isinstance(names, tuple) and len(names) == len(value):
            return dict(zip(names, value, strict=True))
        return None
    if dataclasses.is_dataclass(cls):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}  # type: ignore[arg-type]
    declared = getattr(cls, "__attrs_attrs__", None)
    if declared is not None:
        return {a.name: getattr(value, a.name) for a in declared}
    if hasattr(cls, "model_fields") and callable(getattr(cls, "model_dump", None)):
        dumped = value.model_dump()  # type: ignore[attr-defined]
        return dumped if isinstance(dumped, dict) else None
    if hasattr(cls, "__fields__") and callable(getattr(cls, "dict", None)) and hasattr(cls, "__config__"):
        dumped = value.dict()  # type: ignore[attr-defined]
        return dumped if isinstance(dumped, dict) else None
    return None


MAX_TABLE_ROWS: Final = 200
"""Rows of a structured array or data frame walked at most; the rest is left out (and said so)."""


def table_rows(value: object) -> list[Any] | dict[str, Any] | None:
    """A numpy structured array or record, or a pandas ``DataFrame`` or ``Series``, as rows of named fields
    (``[{"ssn": ..., "dob": ...}]``; a record or a ``Series``: one mapping), so field-name rules apply to its
    columns; ``None`` for anything else. Neither library is imported. May raise."""
    module = type(value).__module__
    if module.startswith("numpy"):
        dtype = getattr(value, "dtype", None)
        names = getattr(dtype, "names", None)
        if not names:
            return None
        if getattr(value, "ndim", 0) == 0:  # one record (np.void, np.record)
            return dict(zip(names, value.tolist(), strict=False))  # type: ignore[attr-defined]
        flat = value.reshape(-1)  # type: ignore[attr-defined]
        rows: list[Any] = [dict(zip(names, row, strict=False)) for row in flat[:MAX_TABLE_ROWS].tolist()]
        if len(flat) > MAX_TABLE_ROWS:
            rows.append(f"[{len(flat) - MAX_TABLE_ROWS} more rows left out]")
        return rows
    if module.startswith("pandas"):
        kind = type(value).__name__
        if kind == "DataFrame":
            size = len(value)  # type: ignore[arg-type]
            head = value.head(MAX_TABLE_ROWS)  # type: ignore[attr-defined]
            rows = [{str(k): v for k, v in row.items()} for row in head.to_dict(orient="records")]
            if size > MAX_TABLE_ROWS:
                rows.append(f"[{size - MAX_TABLE_ROWS} more rows left out]")
            return rows
        if kind == "Series" and len(value) <= MAX_TABLE_ROWS:  # type: ignore[arg-type]
            return {str(k): v for k, v in value.to_dict().items()}  # type: ignore[attr-defined]
    return None


def attributes_of(value: object) -> dict[str, Any]:
    """An object's own attributes (``__dict__`` and ``__slots__``), read without running properties. Never raises."""
    found: dict[str, Any] = {}
    try:
        own = object.__getattribute__(value, "__dict__")
    except Exception:  # noqa: BLE001 - no __dict__, or one that cannot be read
        own = None
    if isinstance(own, dict):
        found.update((k, v) for k, v in own.items() if isinstance(k, str))
    for klass in type(value).__mro__:
        slots = klass.__dict__.get("__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if isinstance(name, str) and name not in ("__dict__", "__weakref__") and name not in found:
                try:
                    found[name] = object.__getattribute__(value, name)
                except Exception:  # noqa: BLE001 - an unset slot
                    continue
    return found


def key_text(key: object) -> str:
    """The text a mapping key is written as (orjson's non-string-key forms, or ``str``). Never raises."""
    if isinstance(key, str):
        return str.__str__(key)
    if isinstance(key, enum.Enum):
        return key_text(key.value)
    if isinstance(key, bool) or key is None:
        return "true" if key is True else "false" if key is False else "null"
    if isinstance(key, (_dt.datetime, _dt.date, _dt.time)):
        return key.isoformat()
    return _safe_str(key)


def _safe_str(obj: object) -> str:
    try:
        return str(obj)
    except Exception:  # noqa: BLE001
        return f"<unprintable {type(obj).__qualname__}>"


def _clean_str(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


_NATIVE_LEAVES = (bool, float, type(None), _dt.datetime, _dt.date, _dt.time, uuid.UUID)


def sanitize(
    value: object,
    default: Callable[[object], Any] = to_json_native,
    *,
    max_string: int = 65536,
    _depth: int = 0,
    _active: frozenset[int] = frozenset(),
) -> Any:
    """A deep copy of ``value`` that orjson always accepts.

    Cycles and excess depth become marker strings, lone surrogates become U+FFFD, integers outside
    64 bits become strings, mapping keys become strings, long strings are truncated.
    """
    if isinstance(value, str):
        return truncate(_clean_str(value), max_string)
    if isinstance(value, int) and not isinstance(value, bool):
        return value if -(2**63) <= value < 2**64 else str(value)
    if isinstance(value, _NATIVE_LEAVES):
        return value
    if _depth >= MAX_DEPTH:
        return "[hipaalog: nested too deep]"
    if id(value) in _active:
        return "[hipaalog: circular reference]"
    if isinstance(value, enum.Enum):
        return sanitize(value.value, default, max_string=max_string, _depth=_depth + 1, _active=_active)
    active = _active | {id(value)}
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        try:
            items = list(value.items())
        except Exception:  # noqa: BLE001
            return _safe_repr(value)
        for key, item in items:
            name = key if isinstance(key, str) else _safe_str(key)
            out[_clean_str(name)] = sanitize(item, default, max_string=max_string, _depth=_depth + 1, _active=active)
        return out
    if isinstance(value, (list, tuple)):
        return [sanitize(item, default, max_string=max_string, _depth=_depth + 1, _active=active) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        try:
            fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        except Exception:  # noqa: BLE001
            return _safe_repr(value)
        return sanitize(fields, default, max_string=max_string, _depth=_depth + 1, _active=active)
    try:
        replaced = default(value)
    except Exception:  # noqa: BLE001 - a caller's json_default that raises falls back to repr
        replaced = _safe_repr(value)
    if replaced is value:
        return _safe_repr(value)
    return sanitize(replaced, default, max_string=max_string, _depth=_depth + 1, _active=active)
