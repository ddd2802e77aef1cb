"""Ages over 89, towns and plates as everyday logs write them: FHIR Age quantities, lists of ages, years of birth,
towns after a verb of place with no table entry, towns with a state after ``address``, plates after ``car``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from hipaalog.redaction import Redactor

R = Redactor()
OLD = dt.date.today().year - 95
"""A year of birth that gives an age over 89 whenever the test runs."""


@pytest.mark.parametrize(
    "value",
    [
        {"valueAge": {"value": 93, "unit": "a", "system": "http://unitsofmeasure.org"}},
        {"age": {"value": 101, "unit": "years"}},
        {"patient": {"onsetAge": {"value": "95", "unit": "a"}}},
        {"ages": [33, 94]},
        {"patient_ages": [33, "96"]},
    ],
)
def test_age_quantities_and_lists_under_age_keys(value: dict[str, Any]) -> None:
    out = repr(R.redact(value))
    assert not any(age in out for age in ("93", "101", "94", "95", "96"))


@pytest.mark.parametrize(
    "value",
    [
        {"age": {"value": 43, "unit": "a"}},
        {"ages": [33, 41]},
        {"cache_ages": [12, 95]},
        {"proc": {"age": 120, "rss_mb": 512, "uptime": 3600}},
    ],
)
def test_young_ages_and_ages_of_things_stay(value: dict[str, Any]) -> None:
    assert R.redact(value) == value


@pytest.mark.parametrize(
    ("text", "age"),
    [("ages=[33, 93], ambulating", "93"), ("ages: 41, 95", "95"), ("fall risk ages=[32, 106]", "106")],
)
def test_ages_in_a_list(text: str, age: str) -> None:
    assert age not in R.redact_text(text)


@pytest.mark.parametrize(
    "template",
    [
        "patient 4411 born {year}, ambulating",
        "yob={year}",
        "birth_year: {year}",
        "year of birth {year}",
        "geb. {year}",
        "née en {year}",
        "nacido en {year}",
    ],
)
def test_a_year_of_birth_over_89_is_masked(template: str) -> None:
    text = template.format(year=OLD)
    assert str(OLD) not in R.redact_text(text)


@pytest.mark.parametrize(
    "text", ["born 1985, ambulating", "founded 1931", "build 1931 born", "worker-3 heartbeat age=95 max_age=120"]
)
def test_younger_birth_years_and_other_years_stay(text: str) -> None:
    assert R.redact_text(text) == text


@pytest.mark.parametrize("key", ["birth_year", "yob", "yearOfBirth"])
def test_birth_year_keys(key: str) -> None:
    assert R.redact({key: OLD}) != {key: OLD}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("patient 123456 lives in Rasun Anterselva", "Rasun"),
        ("pt moved to South Charlotte last month", "Charlotte"),
        ("caller from Lobenstein asked about bill", "Lobenstein"),
        ("patient 4411 address Lake Jadeville, PA", "Jadeville"),
        ("hometown: Keila, OR", "Keila"),
    ],
)
def test_towns_after_a_person_place_cue(text: str, town: str) -> None:
    assert town not in R.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "server address Dallas, TX",
        "the job moved to Redis Streams",
        "service relocated to Kubernetes Cluster",
        "IP address Dallas, TX",
        "service lives in Kubernetes Operators",
        "Service born in Kubernetes",
    ],
)
def test_towns_of_things_stay(text: str) -> None:
    assert R.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("patient car SE-F-64 in lot B", "SE-F-64"),
        ("patient car KÜN-NB-9756 in lot B", "9756"),
        ("visitor for patient 4411, truck 7302 PWB", "7302 PWB"),
        ("patient parked, reg TT00 OEE", "TT00 OEE"),
        ("her car S-730-FD was towed", "S-730-FD"),
    ],
)
def test_plates_after_a_persons_vehicle_word(text: str, plate: str) -> None:
    assert plate not in R.redact_text(text)


@pytest.mark.parametrize("text", ["deploy car V2 done", "patient reg A1 form", "truck 716621 arrived at dock"])
def test_vehicle_words_without_a_plate_stay(text: str) -> None:
    assert R.redact_text(text) == text
