"""What describes things, places and systems stays: directory resources, device models, server timestamps,
codes' words, GraphQL declarations, span names, machines' addresses, facility names."""

from __future__ import annotations

import json

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()

CLINIC = {
    "resourceType": "Organization",
    "id": "organization-4417",
    "meta": {"versionId": "3", "lastUpdated": "2026-11-10T18:43:26Z"},
    "name": "Mercy West Clinic",
    "address": [{"city": "Lakeside", "state": "CA", "country": "US"}],
    "telecom": [{"system": "phone", "value": "415-555-0100"}],
    "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
    "contact": [{"name": {"text": "Yolanda Okafor"}, "telecom": [{"value": "415-555-0134"}]}],
}


def test_an_organisations_own_fields_stay_and_its_contact_person_is_masked() -> None:
    out = REDACTOR.redact(CLINIC)
    for key in ("name", "address", "telecom", "identifier", "meta"):
        assert out[key] == CLINIC[key], key
    assert "Okafor" not in json.dumps(out) and "415-555-0134" not in json.dumps(out)
    text = REDACTOR.redact_text("could not process payload: " + json.dumps(CLINIC))
    assert "Mercy West Clinic" in text and "2026-11-10T18:43:26Z" in text and "Lakeside" in text
    assert "Okafor" not in text


def test_a_device_model_stays_and_its_serial_number_is_masked() -> None:
    device = {
        "resourceType": "Device",
        "id": "device-67585",
        "deviceName": [{"name": "Athena Clinicals", "type": "manufacturer-name"}],
        "modelNumber": "MX-67585",
        "serialNumber": "SN-99812734",
    }
    out = REDACTOR.redact(device)
    assert out["id"] == "device-67585" and out["modelNumber"] == "MX-67585"
    assert out["deviceName"] == device["deviceName"]
    assert "99812734" not in json.dumps(out)
    assert "Athena Clinicals" in REDACTOR.redact_text(json.dumps(device))


def test_fhir_xml_directory_resources_keep_their_fields_but_not_a_contained_patient() -> None:
    location = (
        '<Location xmlns="http://hl7.org/fhir"><id value="location-10398"/><meta><lastUpdated '
        'value="2026-11-27T10:19:14Z"/></meta><name value="Hope Valley Dialysis"/><address><city value="Hope"/>'
        '</address><contact><name><text value="Yolanda Okafor"/></name></contact></Location>'
    )
    out = REDACTOR.redact_text(location)
    assert "Hope Valley Dialysis" in out and 'city value="Hope"' in out and "2026-11-27T10:19:14Z" in out
    assert "Okafor" not in out
    contained = (
        '<Organization xmlns="http://hl7.org/fhir"><name value="Mercy West Clinic"/><contained><Patient><name>'
        '<family value="Okafor"/></name><address><city value="Salem"/></address></Patient></contained></Organization>'
    )
    out = REDACTOR.redact_text(contained)
    assert "Okafor" not in out and "Salem" not in out


def test_server_timestamps_stay_beside_a_patient_and_the_patients_dates_do_not() -> None:
    patient = {"resourceType": "Patient", "meta": {"lastUpdated": "2026-11-10T18:43:26Z"}, "birthDate": "1961-02-03"}
    patient["name"] = [{"family": "Okafor", "given": ["Yolanda"]}]
    out = REDACTOR.redact_text(json.dumps(patient))
    assert "2026-11-10T18:43:26Z" in out and "1961-02-03" not in out and "Okafor" not in out


@pytest.mark.parametrize(
    "text",
    [
        '<section><code code="J45.909" codeSystem="2.16.840.1.113883.6.1" displayName="Asthma"/></section>',
        "OBR|1|ORD8784||E11.9^TYPE 2 DIABETES^I10",
        "query Facilities($city: String, $zip: String!) { facilities(city: $city, zip: $zip) { id name } }",
        '{"name": "POST /v1/claims", "kind": "SERVER", "attributes": {"server.address": "claims-api.svc.local"}}',
        "{'attributes': {'server.address': 'claims-api.prod.svc.cluster.local'}}",
        'SELECT * FROM "core_facility" WHERE "core_facility"."name" = \'Grace Street Pharmacy\' LIMIT 21',
    ],
)
def test_things_that_look_like_fields_of_people_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('<user displayName="Yolanda Okafor" id="u1"/>', "Okafor"),
        ('query { patients(city: "Salem") { id } }', "Salem"),
        ("{'patient.address': '12 Alder Row, Salem'}", "Alder"),
        ('SELECT * FROM "core_facility" WHERE "core_facility"."name" = \'Yolanda Okafor\' LIMIT 21', "Okafor"),
    ],
)
def test_the_same_fields_of_people_are_still_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)
