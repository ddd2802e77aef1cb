"""FHIR search parameters that carry a person's identifiers, in URLs of messages and access logs."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._gate import SEARCH, gate

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("url", "secrets"),
    [
        ("GET /fhir/Patient?name=Quennell&birthdate=1969-08-14 HTTP/1.1", ("Quennell", "1969-08-14")),
        ("GET /fhir/Patient?name=Odessa+Quennell", ("Odessa", "Quennell")),
        ("GET /Patient?name=Odessa%20Quennell&_count=5", ("Odessa", "Quennell")),
        ("GET /Patient?family:exact=Quennell&given=Odessa&birthdate=eq1969-08-14", ("Quennell", "1969-08-14")),
        ("GET /Patient?address-city=Fenwick&address-postalcode=04401", ("Fenwick", "04401")),
        ("GET /Patient?phone=2075550148&email=oq@mailbox.example", ("2075550148", "oq@mailbox.example")),
        ("GET /Patient?identifier=urn:oid:2.16.840.1.113883.19|QX551207", ("QX551207",)),
        ("GET /Patient?death-date=2021-11-02", ("2021-11-02",)),
        ("GET /Encounter?subject.name=Quennell&date=ge2021-10-30", ("Quennell", "2021-10-30")),
        ("GET /Observation?subject:Patient.name=Quennell&code=2345-7", ("Quennell",)),
        ("GET /Coverage?beneficiary:Patient.birthdate=1969-08-14&subscriber-id=ZQ7730021", ("1969-08-14", "ZQ7730021")),
        ("GET /Patient?_has:Encounter:patient:date=lt2021-10-30", ("2021-10-30",)),
        ("GET /Observation?patient=Patient/QX551207&date=2021-10-31", ("QX551207", "2021-10-31")),
        ("GET /api/v2/patients/search?name=Quennell&page=2", ("Quennell",)),
        ("GET /members?name=Quennell HTTP/1.1", ("Quennell",)),
    ],
)
def test_person_search_parameters_are_masked(url: str, secrets: tuple[str, ...]) -> None:
    out = REDACTOR.redact_text(url)
    for secret in secrets:
        assert secret not in out, (secret, out)


def test_a_date_keeps_its_search_prefix() -> None:
    assert REDACTOR.redact_text("GET /Encounter?date=ge2021-10-30&_count=10") == (
        "GET /Encounter?date=ge[REDACTED:DATE]&_count=10"
    )


@pytest.mark.parametrize(
    "url",
    [
        "GET /fhir/Observation?code=2339-0&_count=50&_sort=-date",
        "GET /fhir/Organization?name=Harbor",
        "GET /fhir/Location?name=Westfield&_elements=name",
        "GET /api/services?name=claims-api&date=2026-12-01",
        "GET /fhir/r4/Patient/pat-77/$everything?_since=2026-11-01T00:00:00Z 200",
        "GET /fhir/ValueSet/$expand?url=http://loinc.org/vs&filter=glucose",
        "GET /fhir/Medication?code=860975&_include=Medication:manufacturer",
    ],
)
def test_searches_about_no_one_stay(url: str) -> None:
    assert REDACTOR.redact_text(url) == url


@pytest.mark.parametrize(
    ("text", "selected"),
    [
        ("GET /fhir/Patient?name=Quennell", True),
        ("url=https://fhir.example.org/r4/Encounter?date=ge2021-10-30", True),
        ("GET /api/patients/search?q=x", True),
        ("GET /register?family=Quennell", True),
        ('"GET /api/v1/orders/ORD-7/status?include=items&page=2 HTTP/1.1" 200', False),
        ("is it ok? a=b", False),
    ],
)
def test_the_gate_selects_searches_on_paths_about_people(text: str, selected: bool) -> None:
    assert bool(gate(text) & SEARCH) is selected


@pytest.mark.parametrize(
    "url",
    [
        "https://fhir.example.org/r4/Observation?code=http://loinc.org|2339-0&_count=50",
        "https://fhir.example.org/r4/Condition/_search?clinical-status=active&code:in=http://vs.example/7781",
        "https://fhir.example.org/r4/MedicationRequest?status=active&_include=MedicationRequest:medication",
    ],
)
def test_urls_searching_records_by_code_survive(url: str) -> None:
    text = f"GET {url} 200"
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    "url",
    [
        "https://fhir.example.org/r4/Observation?code=2339-0&subject=Patient/448201",
        "https://fhir.example.org/r4/Observation?code=2339-0&date=ge2023-07-20",
        "https://portal.example.com/oauth/callback?code=4412/0AX4XfWh",
    ],
)
def test_urls_with_a_person_beside_a_code_or_outside_fhir_are_masked(url: str) -> None:
    assert url not in REDACTOR.redact_text(f"GET {url} 200")
