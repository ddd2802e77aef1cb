"""Containers and objects an application hands to logging, each holding planted values."""

from __future__ import annotations

import collections
import dataclasses
import enum
import types
from typing import Any, NamedTuple

import attrs
import pydantic


@dataclasses.dataclass
class Patient:
    patient_name: str
    ssn: str
    email: str


@attrs.define
class AttrsPatient:
    patient_name: str
    dob: str


class PydanticPatient(pydantic.BaseModel):
    patient_name: str
    mrn: str


class PatientRow(NamedTuple):
    patient_name: str
    phone: str


class SlotsPatient:
    __slots__ = ("email", "ssn")

    def __init__(self, ssn: str, email: str) -> None:
        self.ssn = ssn
        self.email = email


class Shown:
    """An object whose ``__str__`` and ``__repr__`` give the planted text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Shown({self.text!r})"


class Fragile:
    """An object whose properties raise: as Django's ``SimpleLazyObject`` when loading the user fails."""

    def __init__(self, text: str) -> None:
        self.text = text

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        raise RuntimeError("user could not be loaded")

    @property
    def email(self) -> str:
        raise RuntimeError("user could not be loaded")

    def __repr__(self) -> str:
        return f"<Fragile {self.text}>"


class BrokenRepr:
    """An object whose ``__repr__`` and ``__str__`` raise, holding PHI in its attributes."""

    def __init__(self, ssn: str) -> None:
        self.ssn = ssn

    def __repr__(self) -> str:
        raise RuntimeError("no repr")

    __str__ = __repr__


class Lookup(collections.UserDict[str, Any]):
    """A mapping that is not a dict."""


def enum_of(value: str) -> enum.Enum:
    """An enum member whose value is ``value`` (orjson writes members as their value)."""
    return enum.Enum("Contact", {"PRIMARY": value})["PRIMARY"]


def namespace(**fields: Any) -> types.SimpleNamespace:
    """A ``SimpleNamespace`` of ``fields``."""
    return types.SimpleNamespace(**fields)


def nested(value: Any, depth: int) -> Any:
    """``value`` at the bottom of ``depth`` alternating dicts and lists."""
    for level in range(depth):
        value = {"level": value} if level % 2 else [value]
    return value


class HidingDict(dict[str, Any]):
    """A dict whose items(), keys() and iteration show nothing; a serialiser reading the dict itself sees all."""

    def items(self) -> Any:  # type: ignore[override]
        return iter(())

    def keys(self) -> Any:  # type: ignore[override]
        return iter(())

    def __iter__(self) -> Any:
        return iter(())


class HidingList(list[Any]):
    """A list whose iteration shows nothing."""

    def __iter__(self) -> Any:
        return iter(())
