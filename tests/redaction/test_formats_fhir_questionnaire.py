"""FHIR values named by something beside them: QuestionnaireResponse answers by their question, extensions by
their url (dicts, JSON or repr text, FHIR XML), and a surname written first echoed elsewhere in the text."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()

INTAKE: dict[str, Any] = {
    "resourceType": "QuestionnaireResponse",
    "status": "completed",
    "item": [
        {"linkId": "1.1", "text": "Date of birth", "answer": [{"valueDate": "1974-11-29"}]},
        {"linkId": "ssn", "answer": [{"valueString": "402718836"}]},
        {"linkId": "1.3", "text": "Emergency contact", "answer": [{"valueString": "Wendeline"}]},
        {"linkId": "1.4", "text": "Guardian", "answer": [{"valueString": "508 555 0172"}]},
        {
            "linkId": "1.5",
            "definition": "http://hl7.org/fhir/StructureDefinition/Patient#Patient.address",
            "answer": [{"valueString": "Tornbuskvegen 61, Lillemyr"}],
        },
        {"linkId": "2.1", "text": "Pain score", "answer": [{"valueInteger": 6}]},
        {"linkId": "2.2", "text": "Smoker?", "answer": [{"valueBoolean": False}]},
    ],
}
SECRETS = ("1974-11-29", "402718836", "Wendeline", "508 555 0172", "Tornbuskvegen 61")


def _xml(items: list[dict[str, Any]]) -> str:
    out = ['<QuestionnaireResponse xmlns="http://hl7.org/fhir"><status value="completed"/>']
    for item in items:
        out.append(f'<item><linkId value="{item["linkId"]}"/>')
        for label in ("definition", "text"):
            if label in item:
                out.append(f'<{label} value="{item[label]}"/>')
        for answer in item["answer"]:
            ((key, value),) = answer.items()
            shown = str(value).lower() if isinstance(value, bool) else value
            out.append(f'<answer><{key} value="{shown}"/></answer>')
        out.append("</item>")
    out.append("</QuestionnaireResponse>")
    return "\n".join(out)


@pytest.mark.parametrize("form", ["dict", "json", "indented", "repr", "xml"])
def test_answers_are_masked_by_their_question(form: str) -> None:
    if form == "dict":
        shown = json.dumps(REDACTOR.redact(INTAKE))
    else:
        text = {
            "json": json.dumps(INTAKE),
            "indented": json.dumps(INTAKE, indent=2),
            "repr": repr(INTAKE),
            "xml": _xml(INTAKE["item"]),
        }[form]
        shown = REDACTOR.redact_text(text)
    for secret in SECRETS:
        assert secret not in shown
    assert "Pain score" in shown
    assert "6" in shown.replace("[REDACTED", "")


def test_answers_to_questions_about_no_one_survive() -> None:
    survey = {
        "resourceType": "QuestionnaireResponse",
        "item": [
            {"linkId": "q1", "text": "Pain score", "answer": [{"valueInteger": 4}]},
            {"linkId": "q2", "text": "Preferred pharmacy", "answer": [{"valueString": "Harbor Street Pharmacy"}]},
        ],
    }
    assert REDACTOR.redact(survey) == survey
    assert REDACTOR.redact_text(json.dumps(survey)) == json.dumps(survey)


EXTENDED: dict[str, Any] = {
    "resourceType": "Patient",
    "extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName", "valueString": "Brekkestad"},
        {"url": "http://example.org/fhir/StructureDefinition/member-ssn", "valueString": "402718836"},
        {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": "F"},
    ],
}


@pytest.mark.parametrize("form", ["json", "indented", "repr", "xml"])
def test_extension_values_in_text_are_named_by_their_url(form: str) -> None:
    if form == "xml":
        text = '<Patient xmlns="http://hl7.org/fhir">' + "".join(
            f'<extension url="{e["url"]}"><{k} value="{v}"/></extension>'
            for e in EXTENDED["extension"]
            for k, v in e.items()
            if k != "url"
        )
        text += "</Patient>"
    else:
        text = {"json": json.dumps(EXTENDED), "indented": json.dumps(EXTENDED, indent=2), "repr": repr(EXTENDED)}[form]
    shown = REDACTOR.redact_text(text)
    assert "Brekkestad" not in shown
    assert "402718836" not in shown
    assert "us-core-birthsex" in shown
    assert '"F"' in shown or "'F'" in shown


def test_fhir_xml_values_of_phi_elements_are_masked_and_ids_kept() -> None:
    text = (
        '<Device xmlns="http://hl7.org/fhir"><id value="dev-77"/><serialNumber value="KX-4471920"/>'
        '<patient><reference value="Patient/pat-9"/></patient></Device>'
    )
    shown = REDACTOR.redact_text(text)
    assert "KX-4471920" not in shown
    assert 'value="dev-77"' in shown
    assert "Patient/pat-9" in shown


def test_a_surname_written_first_is_masked_where_it_recurs() -> None:
    text = "{'conclusion': 'Brekkestad, Wendeline: no acute findings', 'title': 'report_Brekkestad_final.pdf'}"
    assert "Brekkestad" not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "reference",
    [
        {"reference": "Organization/org-3", "display": "Harbor Valley Pharma"},
        {"reference": "https://fhir.example.org/r4/Medication/med-8", "display": "Whitaker Pharma"},
        {"reference": "Location/ward-4", "display": "Vance Holloway"},
    ],
)
def test_display_of_a_reference_to_a_thing_is_kept(reference: dict[str, str]) -> None:
    resource = {"resourceType": "MedicationRequest", "performer": reference}
    assert REDACTOR.redact(resource) == resource


@pytest.mark.parametrize("target", ["Patient/pat-9", "RelatedPerson/rp-2", "Practitioner/pr-5", "Group/g-1"])
def test_display_of_a_reference_to_a_person_is_masked(target: str) -> None:
    resource = {"resourceType": "Observation", "performer": {"reference": target, "display": "Wendeline Brekkestad"}}
    assert "Brekkestad" not in json.dumps(REDACTOR.redact(resource))
