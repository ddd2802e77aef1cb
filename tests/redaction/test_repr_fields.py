"""Objects printed as text are judged as mappings under their class: ``Vendor(city=...)`` is the firm's town."""

from __future__ import annotations

import collections
import dataclasses
import io
import json
import logging
import time
from typing import Any

import pytest
from faker import Faker

import hipaalog
from hipaalog.redaction import Redactor, install_record_redaction
from hipaalog.redaction._keys import DEFAULT_CATALOGUE
from hipaalog.redaction._repr_fields import repr_judgments


def _logged(message: str, *args: object) -> str:
    """One record's message through the default pipeline: the record factory, then the JSON formatter."""
    redactor = Redactor()
    install_record_redaction(redactor)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        hipaalog.JsonFormatter(app_id="clinic", platform="test", microservice="reprs", redaction=redactor)
    )
    logger = logging.getLogger("clinic.reprs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.info(message, *args)
    line: dict[str, Any] = json.loads(stream.getvalue().splitlines()[-1])
    return str(line["message"])


@dataclasses.dataclass
class Drug:
    ndc: str
    name: str
    strength: str


@dataclasses.dataclass
class Patient:
    license: str
    plan: str
    account: int


Vendor = collections.namedtuple("Vendor", ["company", "city", "state", "contract_no"])
Member = collections.namedtuple("Member", ["name", "phone"])


class _Written:
    """An object with a hand-written repr (``<Patient id=... name=...>``)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _raised(obj: object) -> str:
    try:
        raise RuntimeError(f"cannot sync {obj!r}")
    except RuntimeError as exc:
        return _logged("sync failed: %s", exc)


DRUG = Drug("48757-4911-86", "Metformin", "10 mg")
VENDOR = Vendor("Crawford PLC", "Springfield", "OR", "CN-75432")


@pytest.mark.parametrize(
    "out",
    [
        pytest.param(lambda: _logged("state %r", DRUG), id="dataclass-%r"),
        pytest.param(lambda: _logged("state %s", VENDOR), id="namedtuple-%s"),
        pytest.param(lambda: _logged(f"state {DRUG!r}"), id="f-string"),
        pytest.param(lambda: _raised(VENDOR), id="exception"),
        pytest.param(lambda: _logged("batch %s", [DRUG, VENDOR]), id="list"),
        pytest.param(
            lambda: _logged("%r", _Written("Facility(name='Hutchinson Medical Center', city='Springfield', beds=448)")),
            id="facility",
        ),
        pytest.param(lambda: _logged("%r", _Written("<Office name='North Annex' city='Springfield'>")), id="angle"),
    ],
)
def test_a_things_generic_fields_stay(out: Any) -> None:
    text = out()
    assert "REDACTED" not in text, text
    for value in ("Springfield", "Metformin", "Hutchinson Medical Center", "North Annex"):
        if value in text:
            break
    else:
        pytest.fail(text)


SECRETS = ["D1234567", "XGH882211903", "100234567812"]
PATIENT = Patient("D1234567", "XGH882211903", 100234567812)


@pytest.mark.parametrize(
    ("out", "secrets"),
    [
        pytest.param(lambda: _logged("state %r", PATIENT), SECRETS, id="dataclass-%r"),
        pytest.param(lambda: _logged(f"state {PATIENT!r}"), SECRETS, id="f-string"),
        pytest.param(lambda: _raised(PATIENT), SECRETS, id="exception"),
        pytest.param(lambda: _logged("batch %s", [PATIENT, PATIENT]), SECRETS, id="list"),
        pytest.param(lambda: _logged("%s", Member("Ann Lee", "3125550143")), ["Ann Lee", "3125550143"], id="member"),
        pytest.param(lambda: _logged("%r", _Written("Subscriber(id=48213377)")), ["48213377"], id="subscriber"),
        pytest.param(
            lambda: _logged("%r", _Written("<Patient id=48213377 name='Ann Lee' plan='XGH882211903'>")),
            ["48213377", "Ann Lee", "XGH882211903"],
            id="angle",
        ),
        pytest.param(lambda: _logged("%r", _Written("Patient<number='A3358105'>")), ["A3358105"], id="suffix"),
        pytest.param(
            lambda: _logged("loaded %r", _Written("models.Member(plan='KBH928736203', id=11405415)")),
            ["KBH928736203", "11405415"],
            id="module",
        ),
    ],
)
def test_a_persons_generic_fields_are_masked(out: Any, secrets: list[str]) -> None:
    text = out()
    assert [secret for secret in secrets if secret in text] == [], text


def test_the_kind_comes_from_the_class() -> None:
    out = Redactor().redact_text("state Patient(license='D1234567', plan='XGH882211903', account=100234567812)")
    assert out == (
        "state Patient(license='[REDACTED:LICENSE]', plan='[REDACTED:MEMBER_ID]', account=[REDACTED:ACCOUNT])"
    )


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Facility(name='Jane Roe', city='Springfield')", "Jane Roe"),  # a person's name under a thing, by its shape
        ("Vendor(city='Springfield', mrn='MR7781234')", "MR7781234"),  # a field with a rule of its own
        ("Order(city='Springfield')", "Springfield"),  # no organisation: a town as anywhere else
    ],
)
def test_what_a_things_class_does_not_keep(text: str, secret: str) -> None:
    assert secret not in Redactor().redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "PatientService(name='api', timeout=30)",
        "MemberCache(name='lru', size=128, id=12)",
        "<User id=5 name='admin'>",
        "HTTPConnectionPool(host='api.example.com', port=443)",
        "Retry(total=3, connect=None, read=False)",
    ],
)
def test_software_named_after_people_is_no_person(text: str) -> None:
    assert Redactor().redact_text(text) == text


def test_faker_objects_through_the_logging_path() -> None:
    fake = Faker("en_US")
    fake.seed_instance(4101)
    office = collections.namedtuple("Office", ["name", "city", "id"])
    guarantor = collections.namedtuple("Guarantor", ["name", "license", "account"])
    for index in range(12):
        kept = office(fake.company(), fake.city(), index + 10)
        text = _logged("synced %r", kept)
        assert kept.city in text and "REDACTED" not in text, text
        person = guarantor(fake.name(), f"D{fake.random_number(7, fix_len=True)}", fake.random_number(12, True))
        text = _logged("guarantor %s", _Written(repr(person)))
        assert [v for v in map(str, person) if v in text] == [], text


def _cost(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.process_time()  # this process's CPU time: other processes on the machine do not count
        repr_judgments(text, DEFAULT_CATALOGUE)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("unit", ["A(x=", "Patient(id=[", "Patient(name='", "<A x=", "A(x=[" + "(" * 40])
def test_nested_or_unclosed_objects_cost_about_what_ordinary_ones_do(unit: str) -> None:
    """Each opening's fields are read against one budget for the text: no opening reads far past another's."""
    size = 32768
    ordinary = _cost(("Vendor(city='Springfield', id=5) " * size)[:size])
    adversarial = _cost((unit * size)[:size])
    assert adversarial < 16 * ordinary + 5e-3, f"x{adversarial / ordinary:.0f}"


def test_long_digit_runs_and_other_digits_stay_text() -> None:
    text = "Patient(id=\u00b2\u00b3\u2074\u2075\u2076, account=" + "1" * 5000 + ")"
    assert Redactor().redact_text(text) == "Patient(id=[REDACTED:PATIENT], account=[REDACTED:ACCOUNT])"
