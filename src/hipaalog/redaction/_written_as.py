"""What ``%r``, ``%s`` and ``%a`` print for an object the walk converted: the object's own text, redacted.

The walk writes a dataclass, attrs class or pydantic model as a mapping of its fields, a path as
its text and an enum as its value, so that field-name rules apply to them. A message argument is
printed, though: ``"order %r" % Order(order_id='A-1', qty=3)`` reads ``Order(order_id='A-1', qty=3)``,
and a log line must read the same, with only the identifiers masked. Each field's value is shown
as the walk left it in the record (a field masked for its name or for the person in the record
shows its mask); values the walk left alone print as they would, redacted as text.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from pathlib import PurePath
from typing import Any, Final

from ._redactor import Redactor

__all__ = ["written_as"]

MAX_DEPTH: Final = 4
"""Objects inside objects shown in their own shape at most; deeper ones print as the walk wrote them."""


def written_as(
    value: Any,
    clean: Any,
    conv: str,
    redactor: Redactor,
    *,
    field_text: Callable[[Any, Any, int], str],
    depth: int = 0,
) -> str | None:
    """``value`` as ``%`` + ``conv`` prints it, redacted, given ``clean`` (the walk's copy); ``None`` when unsure.

    ``field_text(original, clean, depth)`` gives the text of one field's value. Never raises.
    """
    try:
        if isinstance(value, enum.Enum):
            inner = value.value
            if redactor.redact(inner) != inner:
                return None  # the member's value itself holds an identifier: its mask is what prints
            return _escaped(redactor.redact_text(repr(value) if conv == "r" else _text(value, conv)), conv)
        if isinstance(value, PurePath):
            if type(clean) is not str or clean != str(value):
                return None
            return _escaped(redactor.redact_text(repr(value) if conv == "r" else _text(value, conv)), conv)
        if type(clean) is not dict or depth >= MAX_DEPTH:
            return None
        shape = _fields_shown(type(value))
        if getattr(value, "__pydantic_extra__", None):
            return None  # a model with extra fields: its repr shows them too
        if shape is None:
            return None
        name, fields, spaced = shape
        name = redactor.redact_text(name)  # a class made at run time may be named from data
        if not all(field in clean for field in fields):
            return None  # a field name the walk changed: the mapping says more truthfully what was written
        parts = [f"{field}={field_text(getattr(value, field), clean[field], depth + 1)}" for field in fields]
        if spaced and conv == "s":  # pydantic's str(): fields only, separated by spaces
            return _escaped(" ".join(parts), conv)
        return _escaped(f"{name}({', '.join(parts)})", conv)
    except Exception:  # noqa: BLE001 - an object that resists inspection prints as the walk wrote it
        return None


def _text(value: Any, conv: str) -> str:
    return ascii(value) if conv == "a" else str(value)


def _escaped(text: str, conv: str) -> str:
    return text.encode("ascii", "backslashreplace").decode("ascii") if conv == "a" else text


def _fields_shown(cls: type) -> tuple[str, list[str], bool] | None:
    """The class name its repr prints, the fields it shows, and whether ``str()`` separates them by spaces
    (pydantic); ``None`` unless the class's repr is the one its library generated."""
    if not _generated_repr(cls):
        return None
    if dataclasses.is_dataclass(cls):
        return cls.__qualname__, [f.name for f in dataclasses.fields(cls) if f.repr], False
    declared = getattr(cls, "__attrs_attrs__", None)
    if declared is not None:
        if any(callable(a.repr) for a in declared):
            return None  # a field with its own repr function
        return _short(cls.__qualname__), [a.name for a in declared if a.repr], False
    model_fields = getattr(cls, "model_fields", None)
    if isinstance(model_fields, dict) and callable(getattr(cls, "model_dump", None)):
        if getattr(cls, "model_computed_fields", None):
            return None  # computed fields print too
        return cls.__name__, [n for n, f in model_fields.items() if getattr(f, "repr", True)], True
    return None


def _short(qualname: str) -> str:
    return qualname.rsplit(">.", 1)[-1]  # attrs: a class made in a function prints without "<locals>."


def _generated_repr(cls: type) -> bool:
    """Whether ``cls.__repr__`` is the one dataclasses, attrs or pydantic wrote (not the class's own)."""
    method = getattr(cls, "__repr__", None)
    if (getattr(method, "__module__", None) or "").startswith("pydantic"):
        return True
    wrapped = getattr(method, "__wrapped__", None)  # dataclasses wrap theirs against recursion
    if wrapped is not None:
        return _compiled_from_text(wrapped, "<string>")
    return _compiled_from_text(method, "<attrs generated")


def _compiled_from_text(function: Any, origin: str) -> bool:
    code = getattr(function, "__code__", None)
    return code is not None and code.co_filename.startswith(origin)
