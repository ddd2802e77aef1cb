"""Values named by a sibling (FHIR Parameters, OTLP attributes) and YAML list items under a key."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._person_values import person_item_kind

REDACTOR = Redactor()
MATCH = {
    "resourceType": "Parameters",
    "parameter": [
        {"name": "family", "valueString": "Vukovic"},
        {"name": "birthdate", "valueDate": "1972-11-05"},
        {"name": "count", "valueInteger": 5},
        {"name": "resource", "part": [{"name": "given", "valueString": "Teodora"},
                                      {"name": "phone", "valueString": "+1 630 555 0147"}]},
        {"name": "onlyCertainMatches", "valueBoolean": True},
    ],
}  # fmt: skip
OPERATION = {
    "resourceType": "Parameters",
    "parameter": [
        {"name": "url", "valueUri": "http://terminology.example.org/ValueSet/lab-units"},
        {"name": "count", "valueInteger": 20},
        {"name": "displayLanguage", "valueCode": "en-US"},
    ],
}
OTLP = {
    "attributes": [
        {"key": "app.patient.display", "value": {"stringValue": "Vukovic, Teodora"}},
        {"key": "http.route", "value": {"stringValue": "/v2/encounters"}},
        {"key": "service.name", "value": {"stringValue": "encounter-api"}},
    ]
}
SECRETS = ("Vukovic", "1972-11-05", "Teodora", "630 555 0147")


@pytest.mark.parametrize("form", [json.dumps, repr, lambda v: v], ids=["json", "repr", "object"])
@pytest.mark.parametrize("value", [MATCH, OTLP], ids=["parameters", "otlp"])
def test_a_value_named_by_its_sibling_is_masked(form: Any, value: Any) -> None:
    out = str(REDACTOR.redact(form(value)))
    assert [secret for secret in SECRETS if secret in out] == [], out
    assert "/v2/encounters" in out or value is MATCH
    assert "onlyCertainMatches" in out or value is OTLP


@pytest.mark.parametrize("form", [json.dumps, repr, lambda v: v], ids=["json", "repr", "object"])
def test_parameters_naming_no_person_are_kept(form: Any) -> None:
    text = form(OPERATION)
    out = REDACTOR.redact(text)
    assert out == (OPERATION if isinstance(text, dict) else text)


YAML = """patient:
  emergency_contact:
    - Bartholomew Quennell
    - "6305550147"
  allergies:
    - Penicillin
    - Shellfish
services:
  - Front Desk
  - Radiology"""


def test_yaml_list_items_take_their_parents_key() -> None:
    out = REDACTOR.redact_text(YAML)
    assert "Bartholomew Quennell" not in out and "6305550147" not in out, out
    assert "- Penicillin" in out and "- Shellfish" in out and "- Front Desk" in out and "- Radiology" in out


def test_json_list_items_under_a_persons_key_are_masked() -> None:
    value = {"emergency_contacts": ["Bartholomew Quennell", "6305550147", "see chart"]}
    assert REDACTOR.redact(value)["emergency_contacts"][2] == "see chart"
    assert "Quennell" not in json.dumps(REDACTOR.redact(value))
    assert "Quennell" not in REDACTOR.redact_text(json.dumps(value))


@pytest.mark.parametrize(
    ("value", "kind"),
    [("Bartholomew Quennell", "NAME"), ("Ann-Marie O'Dowd", "NAME"), ("6305550147", "PHONE"), ("see chart", None),
     ("ICU", None), ("2 Quennell", None)],
)  # fmt: skip
def test_person_item_kind(value: str, kind: str | None) -> None:
    assert person_item_kind(value) == kind


def test_parameters_in_fhir_xml() -> None:
    text = (
        '<Parameters xmlns="http://hl7.org/fhir"><parameter><name value="family"/><valueString value="Vukovic"/>'
        '</parameter><parameter><name value="count"/><valueInteger value="5"/></parameter></Parameters>'
    )
    out = REDACTOR.redact_text(text)
    assert "Vukovic" not in out and '<valueInteger value="5"/>' in out


def test_names_in_other_scripts_under_a_persons_key() -> None:
    out = REDACTOR.redact_text("emergency_contact:\n  - Зоряна Ковальчук\n  - Ανδρέας Παππάς\n")
    assert "Ковальчук" not in out and "Παππάς" not in out, out


@pytest.mark.parametrize("text", ["last_name=O'Brien first_name=Ann", "patient:\n  last_name: D'Souza\n  mrn: 4471"])
def test_an_apostrophe_between_letters_stays_inside_a_keyed_name(text: str) -> None:
    out = REDACTOR.redact_text(text)
    assert "Brien" not in out and "Souza" not in out, out


@pytest.mark.parametrize("label", ["field", "key", "attribute", "label", "name", "column", "property"])
def test_a_value_labelled_by_a_sibling_is_judged_by_the_label_in_a_dict(label: str) -> None:
    out = REDACTOR.redact({"data": [{label: "mrn", "value": "5529301"}, {label: "retries", "value": "5"}]})
    assert out == {"data": [{label: "mrn", "value": "[REDACTED:MRN]"}, {label: "retries", "value": "5"}]}


def test_an_audit_trails_old_and_new_values_are_judged_by_the_attribute() -> None:
    change = {"attribute": "phone", "old": "217-555-0199", "new": "217-555-0142", "by": "u-17"}
    out = REDACTOR.redact({"changes": [change, {"attribute": "status", "old": "new", "new": "done"}]})
    masked = "[REDACTED:PHONE]"
    assert out["changes"][0] == {"attribute": "phone", "old": masked, "new": masked, "by": "u-17"}
    assert out["changes"][1] == {"attribute": "status", "old": "new", "new": "done"}


@pytest.mark.parametrize("rows_key", ["data", "rows", "values", "records"])
def test_a_table_as_columns_and_rows_masks_the_cells_of_phi_columns(rows_key: str) -> None:
    table = {"columns": ["mrn", "zip", "visits"], rows_key: [["A0048213", "62704", 3], ["B7731920", "10115", 1]]}
    out = REDACTOR.redact({"frame": table})["frame"]
    assert out[rows_key] == [["[REDACTED:MRN]", "[REDACTED:ZIP]", 3], ["[REDACTED:MRN]", "[REDACTED:ZIP]", 1]]
    assert out["columns"] == ["mrn", "zip", "visits"]


def test_a_table_without_phi_columns_is_kept() -> None:
    table = {"columns": ["service", "p50_ms", "p99_ms"], "data": [["ingest", 12, 88], ["api", 4, 31]]}
    assert REDACTOR.redact({"latency": table}) == {"latency": table}


def test_labelled_values_in_json_and_repr_text_are_judged_by_the_label() -> None:
    text = json.dumps([{"field": "zip", "value": "62704"}, {"field": "retries", "value": "40961"}])
    out = REDACTOR.redact_text(text)
    assert "62704" not in out and "40961" in out
    assert "2175550199" not in REDACTOR.redact_text(str([{"attribute": "phone", "value": "2175550199"}]))


@pytest.mark.parametrize("pair_type", [tuple, list])
def test_name_value_pairs_are_judged_by_the_name(pair_type: type) -> None:
    pairs = [pair_type(("mrn", "5529301")), pair_type(("X-Patient-Zip", "62704")), pair_type(("page", "2"))]
    out = REDACTOR.redact({"query": pairs})["query"]
    assert [list(pair) for pair in out] == [
        ["mrn", "[REDACTED:MRN]"],
        ["X-Patient-Zip", "[REDACTED:ZIP]"],
        ["page", "2"],
    ]


def test_pairs_of_other_things_are_kept() -> None:
    ranges = {"ranges": [["a", 1], ["b", 2]], "headers": [["Accept", "application/fhir+json"]]}
    assert REDACTOR.redact(ranges) == ranges
