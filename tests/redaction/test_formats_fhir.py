"""FHIR R4 resources by element: as dict fields (key rules) and as JSON or repr text inside strings."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()

PATIENT: dict[str, Any] = {
    "resourceType": "Patient",
    "id": "pat-1",
    "meta": {"versionId": "3", "lastUpdated": "2026-01-01T00:00:00Z"},
    "name": [{"use": "official", "family": "Quist", "given": ["Odalys", "Q"], "text": "Odalys Q Quist"}],
    "telecom": [{"system": "phone", "value": "617-555-0134"}],
    "birthDate": "1981-04-17",
    "address": [{"line": ["12 Alder Row"], "city": "Salem", "postalCode": "01970"}],
}
OBSERVATION: dict[str, Any] = {
    "resourceType": "Observation",
    "id": "obs-9",
    "status": "final",
    "code": {"coding": [{"system": "http://loinc.org", "code": "2345-7", "display": "Glucose"}]},
    "subject": {"reference": "Patient/pat-1", "display": "Odalys Quist"},
    "effectiveDateTime": "2024-03-02T10:00:00Z",
}
CLAIM: dict[str, Any] = {
    "resourceType": "Claim",
    "billablePeriod": {"start": "2024-02-01", "end": "2024-02-03"},
    "patient": {"reference": "Patient/pat-1", "display": "Odalys Quist"},
    "provider": {"reference": "Organization/7", "display": "North Clinic"},
}
ENCOUNTER_TEXT: dict[str, Any] = {
    "resourceType": "Encounter",
    "status": "finished",
    "subject": {"reference": "Patient/pat-1"},
    "period": {"start": "2024-01-05T08:00:00Z", "end": "2024-01-09T12:00:00Z"},
}
SECRETS = ("Quist", "Odalys", "617-555-0134", "1981-04-17", "12 Alder Row", "2024-03-02T10:00:00Z", "2024-02-01")


def _shown(value: Any) -> str:
    return json.dumps(value)


@pytest.mark.parametrize("resource", [PATIENT, OBSERVATION, CLAIM], ids=["patient", "observation", "claim"])
@pytest.mark.parametrize("form", ["dict", "json", "json-compact", "repr", "json-twice"])
def test_person_elements_are_masked_in_every_form(resource: dict[str, Any], form: str) -> None:
    if form == "dict":
        out = _shown(REDACTOR.redact({"resource": resource}))
    elif form == "json":
        out = REDACTOR.redact_text("created " + json.dumps(resource))
    elif form == "json-compact":
        out = REDACTOR.redact_text(json.dumps(resource, separators=(",", ":")))
    elif form == "repr":
        out = REDACTOR.redact_text(f"payload {resource!r}")
    else:
        out = REDACTOR.redact_text(json.dumps({"body": json.dumps(resource)}))
    for secret in SECRETS:
        assert secret not in out, (secret, out)
    assert "Glucose" in out or resource is not OBSERVATION  # codings stay
    assert "North Clinic" in out or resource is not CLAIM  # an organisation's display stays


def test_encounter_periods_in_text_are_masked() -> None:
    out = REDACTOR.redact_text("sync " + json.dumps(ENCOUNTER_TEXT))
    assert "2024-01-05" not in out and "2024-01-09" not in out
    assert '"finished"' in out


def test_logical_ids_versions_and_codings_survive() -> None:
    out = REDACTOR.redact({"resource": {**OBSERVATION, "subject": {"reference": "Patient/pat-1"}}})
    assert out["resource"]["id"] == "obs-9"
    assert out["resource"]["code"]["coding"][0]["display"] == "Glucose"
    assert REDACTOR.redact(PATIENT)["meta"]["versionId"] == "3"


def test_operation_outcome_diagnostics_mask_the_value_not_the_next_word() -> None:
    text = "Patient.birthDate: value '17 May 1993' is not a valid date; Observation.status: value 'final' ok"
    out = REDACTOR.redact_text(text)
    assert "17 May 1993" not in out
    assert "Patient.birthDate: value '" in out and "'final' ok" in out


def test_search_parameters_in_urls() -> None:
    out = REDACTOR.redact_text("GET /fhir/Patient?family=Quist&given=Odalys&_count=10 200")
    assert "Quist" not in out and "Odalys" not in out and "_count=10" in out


def test_model_reprs_and_plain_string_names_of_person_resources() -> None:
    text = "Patient(resource_type='Patient', name=[HumanName(family='Quist', given=['Odalys'])])"
    assert "Quist" not in REDACTOR.redact_text(text) and "Odalys" not in REDACTOR.redact_text(text)
    out = REDACTOR.redact_text('{"resourceType": "Patient", "name": "Odalys Quist"}')
    assert "Odalys Quist" not in out
    org = '{"resourceType": "Organization", "name": "North Clinic"}'
    assert REDACTOR.redact_text(org) == org


def test_fhir_xml_values() -> None:
    xml = (
        '<Patient xmlns="http://hl7.org/fhir"><id value="p1"/><identifier><system value="urn:mrn"/>'
        '<value value="00482913"/></identifier><name><family value="Quist"/><given value="Odalys"/></name>'
        '<telecom><system value="phone"/><value value="617-555-0134"/></telecom><birthDate value="1981-04-17"/>'
        '<address><line value="12 Alder Row"/><city value="Salem"/><postalCode value="01970"/></address></Patient>'
    )
    out = REDACTOR.redact_text(xml)
    for secret in ("00482913", "Quist", "Odalys", "617-555-0134", "1981-04-17", "12 Alder Row", "Salem", "01970"):
        assert secret not in out, secret
    assert '<id value="p1"/>' in out and '<system value="phone"/>' in out


def test_an_extension_value_is_judged_by_the_name_its_url_gives_it() -> None:
    patient = {
        "resourceType": "Patient",
        "extension": [
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": "F"},
            {"url": "http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName", "valueString": "Petrovic"},
            {"url": "http://example.org/fhir/mothers-maiden-name", "valueString": "Brankovic"},
            {"url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace", "valueAddress": {"city": "Novi Sad"}},
        ],
    }
    out = str(Redactor().redact(patient))
    assert "Petrovic" not in out and "Brankovic" not in out and "Novi Sad" not in out
    assert "'valueCode': 'F'" in out, "birth sex is not an identifier"
    bare = {"extension": [{"url": "http://example.org/ssn", "valueString": "219099999"}]}
    assert "219099999" not in str(Redactor().redact(bare))
    link = {"link": {"url": "https://api.example.org/patients", "value": "page-2"}}
    assert Redactor().redact(link) == link, "only value[x] elements are read by their url"


EVENTS: list[dict[str, Any]] = [
    {"resourceType": "Claim", "accident": {"date": "2022-05-14", "type": {"text": "MVA"}}, "created": "2026-01-02"},
    {"resourceType": "ExplanationOfBenefit", "procedure": [{"sequence": 1, "date": "2022-05-14"}]},
    {"resourceType": "Procedure", "performedDateTime": "2022-05-14T09:00:00Z"},
    {"resourceType": "Procedure", "performedPeriod": {"start": "2022-05-14"}},
    {"resourceType": "Condition", "onsetPeriod": {"start": "2022-05-14"}, "recordedDate": "2022-05-14"},
    {"resourceType": "Condition", "abatementDateTime": "2022-05-14"},
    {"resourceType": "Observation", "issued": "2022-05-14T10:30:00Z", "effectiveInstant": "2022-05-14T10:00:00Z"},
    {"resourceType": "MedicationRequest", "authoredOn": "2022-05-14"},
    {"resourceType": "Immunization", "occurrenceDateTime": "2022-05-14"},
    {"resourceType": "DiagnosticReport", "effectivePeriod": {"start": "2022-05-14"}, "issued": "2022-05-14"},
    {"resourceType": "Coverage", "period": {"start": "2022-05-14"}},
    {"resourceType": "Patient", "deceasedDateTime": "2022-05-14"},
]


@pytest.mark.parametrize("resource", EVENTS, ids=[f"{r['resourceType']}-{i}" for i, r in enumerate(EVENTS)])
@pytest.mark.parametrize("form", ["dict", "json", "pretty"])
def test_event_dates_of_a_patients_resources_are_masked(resource: dict[str, Any], form: str) -> None:
    if form == "dict":
        out = _shown(REDACTOR.redact({"resource": resource}))
    elif form == "json":
        out = REDACTOR.redact_text("stored " + json.dumps(resource))
    else:
        out = REDACTOR.redact_text("response:\n" + json.dumps(resource, indent=2))
    assert "2022-05-14" not in out, out
    assert "2026-01-02" in out or resource["resourceType"] != "Claim"  # when the claim was made stays


def test_given_names_of_indented_json_are_masked() -> None:
    out = REDACTOR.redact_text(json.dumps(PATIENT, indent=2))
    assert "Odalys" not in out and "Quist" not in out
    out = REDACTOR.redact_text(json.dumps({"resourceType": "RelatedPerson", "name": [{"text": "Ivo Quist"}]}, indent=4))
    assert "Ivo" not in out


DIRECTORY: list[dict[str, Any]] = [
    {
        "resourceType": "Organization",
        "id": "org-8",
        "name": "Kestrel Valley Health PPO",
        "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
    },
    {"resourceType": "Location", "id": "loc-2", "name": "Harper Wing Pharmacy", "status": "active"},
    {"resourceType": "HealthcareService", "name": "Mercer Cardiology Clinic"},
    {"resourceType": "Endpoint", "name": "Lab Results Feed", "address": "https://lab.example.org/fhir"},
    {"resourceType": "CapabilityStatement", "software": {"name": "Kestrel FHIR Server", "version": "7.2.0"}},
    {
        "resourceType": "Bundle",
        "type": "searchset",
        "link": [{"relation": "self", "url": "https://fhir.example.org/r4/Observation?code=2339-0&_count=50"}],
    },
]


@pytest.mark.parametrize("resource", DIRECTORY, ids=[r["resourceType"] for r in DIRECTORY])
@pytest.mark.parametrize("indent", [None, 2])
def test_names_identifiers_and_links_of_directory_resources_stay(resource: dict[str, Any], indent: int | None) -> None:
    text = json.dumps(resource, indent=indent)
    assert REDACTOR.redact_text(text) == text
    assert REDACTOR.redact(resource).get("name") == resource.get("name")


def test_a_patient_beside_an_organisation_is_still_masked() -> None:
    bundle = {
        "resourceType": "Bundle",
        "entry": [
            {"resource": DIRECTORY[0]},
            {"resource": {**PATIENT, "identifier": [{"value": "QX551207"}]}},
        ],
        "link": [{"relation": "self", "url": "https://fhir.example.org/r4/Patient?name=Quist"}],
    }
    out = REDACTOR.redact_text(json.dumps(bundle))
    for secret in ("Quist", "Odalys", "QX551207", "1981-04-17"):
        assert secret not in out, secret
    assert "Kestrel Valley Health PPO" in out and "1234567893" in out
