"""One labelled evaluation record, and the tagged JSON that stands for Python objects in it.

A record is what one log call receives: a logger, a level, a message with ``%`` arguments, ``extra``
fields and, optionally, an exception. Arguments and fields may hold Python objects (tuples,
namedtuples, dataclasses, dates, bytes, multidicts); they are stored as small tagged objects
(``{"$py": "tuple", ...}``) and rebuilt by :func:`build` before the call, so the logging path sees
real objects. ``phi`` lists every planted value with its Safe Harbor kind; a record without any is
*benign* and measures damage.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "KINDS",
    "Record",
    "build",
    "py_bytes",
    "py_dataclass",
    "py_date",
    "py_datetime",
    "py_multidict",
    "py_namedtuple",
    "py_tuple",
    "raw_text",
    "validation_error",
]

KINDS = (
    "NAME", "SSN", "PHONE", "EMAIL", "MRN", "DOB", "DATE", "ADDRESS", "CITY", "ZIP",
    "IP", "URL", "ACCOUNT", "HEALTH_PLAN", "AGE", "DEVICE", "VIN",
)  # fmt: skip
"""The Safe Harbor kinds the set plants (DOB: a birth date; DATE: admission, discharge, service)."""


@dataclass
class Record:
    """A log call to make and the PHI planted in it."""

    format: str
    shape: str
    msg: str
    args: list[Any] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    exc: dict[str, Any] | None = None
    logger: str = "app"
    level: str = "info"
    phi: list[tuple[str, str]] = field(default_factory=list)

    def plant(self, value: Any, kind: str) -> Any:
        """Note ``value`` (its text) as planted PHI of ``kind``; returns ``value`` for inline use."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        text = str(value)
        if (text, kind) not in self.phi:
            self.phi.append((text, kind))
        return value

    def plant_all(self, pairs: Iterable[tuple[Any, str]]) -> None:
        for value, kind in pairs:
            self.plant(value, kind)

    @property
    def benign(self) -> bool:
        return not self.phi

    def to_json(self, record_id: str) -> dict[str, Any]:
        return {
            "id": record_id,
            "format": self.format,
            "shape": self.shape,
            "logger": self.logger,
            "level": self.level,
            "msg": self.msg,
            "args": self.args,
            "extra": self.extra,
            "exc": self.exc,
            "phi": [{"value": v, "kind": k} for v, k in self.phi],
            "benign": self.benign,
        }


# -- tagged Python objects ---------------------------------------------------------------------------
def py_tuple(*items: Any) -> dict[str, Any]:
    return {"$py": "tuple", "items": list(items)}


def py_namedtuple(type_name: str, /, **fields: Any) -> dict[str, Any]:
    return {"$py": "namedtuple", "name": type_name, "fields": [[k, v] for k, v in fields.items()]}


def py_dataclass(type_name: str, /, **fields: Any) -> dict[str, Any]:
    return {"$py": "dataclass", "name": type_name, "fields": [[k, v] for k, v in fields.items()]}


def py_date(day: dt.date) -> dict[str, Any]:
    return {"$py": "date", "iso": day.isoformat()}


def py_datetime(moment: dt.datetime) -> dict[str, Any]:
    return {"$py": "datetime", "iso": moment.isoformat()}


def py_bytes(data: bytes) -> dict[str, Any]:
    return {"$py": "bytes", "latin1": data.decode("latin-1")}


def py_multidict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    return {"$py": "multidict", "pairs": [[k, v] for k, v in pairs]}


class ImmutableMultiDict(list):  # type: ignore[type-arg]
    """Stands in for werkzeug's class of the same name: the same repr, a list of pairs."""

    def __repr__(self) -> str:
        return f"ImmutableMultiDict({list.__repr__(self)})"

    __str__ = __repr__


@functools.cache
def _eligibility_model() -> Any:
    import pydantic

    class EligibilityRequest(pydantic.BaseModel):
        member_id: int
        birth_date: dt.date
        ssn: str = pydantic.Field(pattern=r"^\d{3}-\d{2}-\d{4}$")
        phone: str = pydantic.Field(min_length=10)

    return EligibilityRequest


def validation_error(data: dict[str, Any]) -> Exception:
    """The pydantic ``ValidationError`` an eligibility request model raises for ``data``."""
    import pydantic

    try:
        _eligibility_model().model_validate(data)
    except pydantic.ValidationError as exc:
        return exc
    raise ValueError(f"{data!r} is valid; an invalid request was meant")


_TYPES: dict[tuple[str, str, tuple[str, ...]], type] = {}


def _type(kind: str, name: str, names: tuple[str, ...]) -> type:
    key = (kind, name, names)
    made = _TYPES.get(key)
    if made is None:
        if kind == "namedtuple":
            made = collections.namedtuple(name, names)  # type: ignore[misc]
        else:
            made = dataclasses.make_dataclass(name, list(names))
        _TYPES[key] = made
    return made


def build(value: Any) -> Any:
    """The Python object a tagged JSON value stands for (recursively); plain JSON is returned as is."""
    if isinstance(value, list):
        return [build(v) for v in value]
    if not isinstance(value, dict):
        return value
    tag = value.get("$py")
    if tag is None:
        return {k: build(v) for k, v in value.items()}
    if tag == "tuple":
        return tuple(build(v) for v in value["items"])
    if tag in ("namedtuple", "dataclass"):
        names = tuple(k for k, _ in value["fields"])
        return _type(tag, value["name"], names)(*(build(v) for _, v in value["fields"]))
    if tag == "date":
        return dt.date.fromisoformat(value["iso"])
    if tag == "datetime":
        return dt.datetime.fromisoformat(value["iso"])
    if tag == "bytes":
        return value["latin1"].encode("latin-1")
    if tag == "multidict":
        return ImmutableMultiDict((k, build(v)) for k, v in value["pairs"])
    if tag == "validation_text":
        return str(validation_error(value["input"]))
    raise ValueError(f"unknown tag {tag!r}")


_EXCEPTIONS: dict[str, type[BaseException]] = {
    "KeyError": KeyError,
    "ValueError": ValueError,
    "FileNotFoundError": FileNotFoundError,
}


def exception_of(spec: dict[str, Any]) -> BaseException:
    """The exception a record's ``exc`` entry stands for."""
    if spec["type"] == "ValidationError":
        return validation_error(spec["input"])
    return _EXCEPTIONS[spec["type"]](*build(spec.get("args", [])))


def raw_text(record: dict[str, Any]) -> str:
    """What the log call holds before any redaction, as plain text: the formatted message, every
    ``extra`` value (``str`` of objects) and the exception's one-line description.

    Independent of hipaalog; the planted values must all occur in it.
    """
    import traceback

    args = tuple(build(record["args"]))
    if len(args) == 1 and isinstance(args[0], dict):  # logging passes a lone mapping as the mapping
        message = record["msg"] % args[0]
    else:
        message = record["msg"] % args if args else record["msg"]
    parts = [message]

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                parts.append(str(key))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        else:
            parts.append(str(value))

    walk(build(record["extra"]))
    if record["exc"] is not None:
        parts.append("".join(traceback.format_exception_only(exception_of(record["exc"]))))
    return "\n".join(parts)
