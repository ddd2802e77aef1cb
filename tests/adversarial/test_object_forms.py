"""Objects whose ``__repr__``, ``__str__`` and ``__format__`` print different texts, and attrs and pydantic models
with PHI in catalogued fields, in vague fields beside a cue and under a person's key: every form hipaalog prints
(``%s``, ``%r``, ``{}``, an ``extra=`` field, an item of a list) is redacted."""

from __future__ import annotations

from collections.abc import Callable

import attr
import attrs
import pydantic
import pytest

from .canaries import DEFAULT, Canary
from .harness import Harness

MRN = DEFAULT.mrn
DOB = DEFAULT.dob
WHO_ID = Canary("MRN", "M0204424", "mrn", "MRN")


class Shown:
    """An object printing ``text`` in one of its three forms and nothing personal in the others."""

    def __init__(self, form: str) -> None:
        self.form = form

    def _text(self, form: str) -> str:
        return f"patient DOB {DOB.value} MRN {MRN.value}" if form == self.form else "Shown()"

    def __repr__(self) -> str:
        return self._text("repr")

    def __str__(self) -> str:
        return self._text("str")

    def __format__(self, spec: str) -> str:
        return self._text("format")


@attrs.define
class Intake:
    patient_name: str
    dob: str
    ref: str


@attr.s
class Claim:
    mrn = attr.ib()
    who = attr.ib()


class Enrolment(pydantic.BaseModel):
    ssn: str
    patient: str
    info: str


def _forms(harness: Harness, make: Callable[[], object]) -> None:
    harness.logger.warning("seen %s", make())
    harness.logger.warning("seen %r", make())
    harness.logger.warning("seen {}".format(make()))  # noqa: UP032 - the object's __format__ is the point
    harness.logger.warning("seen", extra={"obj": make(), "objs": [make()]})
    harness.logger.warning("seen %s", harness.tag)


@pytest.mark.parametrize("form", ["repr", "str", "format"])
def test_each_printed_form_is_redacted(harness: Harness, form: str) -> None:
    _forms(harness, lambda: Shown(form))
    assert harness.leaks([MRN, DOB]) == []
    assert harness.delivered()


@pytest.mark.parametrize(
    ("make", "canaries"),
    [
        (lambda: Intake(DEFAULT.name.value, DOB.value, "r1"), [DEFAULT.name, DOB]),
        (lambda: Claim(MRN.value, "ok"), [MRN]),
        (lambda: Claim("a1", WHO_ID.value), [WHO_ID]),
        (
            lambda: Enrolment(ssn=DEFAULT.ssn.value, patient=WHO_ID.value, info=f"DOB {DOB.value}"),
            [
                DEFAULT.ssn,
                WHO_ID,
                DOB,
            ],
        ),
    ],
    ids=["attrs-define", "attr-s", "attr-s-who", "pydantic"],
)
def test_models_are_redacted(harness: Harness, make: Callable[[], object], canaries: list[Canary]) -> None:
    _forms(harness, make)
    assert harness.leaks(canaries) == []
    assert harness.delivered()
