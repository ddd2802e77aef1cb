"""FHIR, X12 and HL7 v2 as applications log them: other X12 separators, site segments, truncated bodies."""

from __future__ import annotations

import json

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._hl7 import Hl7Detector
from hipaalog.redaction._x12 import X12Detector

REDACTOR = Redactor()
LOOP = (
    "NM1{e}PR{e}2{e}ACME HEALTH{e}{e}{e}{e}{e}PI{e}12345{t}NM1{e}IL{e}1{e}QUIST{e}ODALYS{e}{e}{e}{e}MI{e}XQ240856357{t}"
    "REF{e}1W{e}R43689334{t}N3{e}12 ALDER ROW{t}N4{e}SALEM{e}MA{e}01970{t}DMG{e}D8{e}19810417{e}F{t}"
    "NM1{e}03{e}1{e}WICKHAM{e}TAMSIN{t}"
)
LOOP_SECRETS = ("QUIST", "ODALYS", "XQ240856357", "R43689334", "12 ALDER ROW", "SALEM", "01970", "19810417", "WICKHAM")


@pytest.mark.parametrize(
    ("element", "terminator"),
    [("|", "~"), ("^", "~"), ("|", "\n"), ("^", "~\n"), ("*", "'"), ("|", "'")],
    ids=["pipe", "caret", "pipe-newline", "caret-tilde-newline", "star-apostrophe", "pipe-apostrophe"],
)
def test_x12_loops_with_other_separators_and_no_header(element: str, terminator: str) -> None:
    text = LOOP.format(e=element, t=terminator)
    for form in (text, json.dumps({"edi": text}), f"271 segment dump: {text}"):
        out = REDACTOR.redact_text(form)
        for secret in LOOP_SECRETS:
            assert secret not in out, (secret, out)
        assert "ACME HEALTH" in out and "12345" in out  # the payer's loop stays


def test_x12_separator_comes_from_a_person_segment() -> None:
    text = "NM1|IL|1|ROE|JANE||||MI|XQ123456789~DMG|D8|19810417|F"
    found = {text[a:b]: kind for a, b, kind in X12Detector().find(text)}
    assert found == {"ROE": "NAME", "JANE": "NAME", "XQ123456789": "MEMBER_ID", "19810417": "DOB"}


@pytest.mark.parametrize(
    "text",
    [
        "DMG|segments parsed=804 NM1|count=14 for build 2024.9",
        "| parser | status |\n| NM1^ | ok |\n| DMG| | 12 |",
        "ValueError: bad NM1^ segment at offset 48213",
    ],
)
def test_pipes_and_carets_beside_segment_names_are_not_x12(text: str) -> None:
    assert list(X12Detector().find(text)) == [] and REDACTOR.redact_text(text) == text


MSH = "MSH|^~\\&|APP|FAC|RCV|FAC|20240101120000||ADT^A08|X1|P|2.3"
PID = "PID|1||00482913^^^HOSP^MR||ROE^JANE||19800312|F"


def test_site_segment_ids_and_dates_are_masked_beside_a_patient() -> None:
    text = f"{MSH}\r{PID}\rZIN|1|H48213077|Y|125.00|HOSP01|20240105~A-4412345^^X|ACTIVE"
    found = {text[a:b]: kind for a, b, kind in Hl7Detector().find(text)}
    assert found["H48213077"] == "ID" and found["A-4412345"] == "ID" and found["20240105"] == "DATE"
    out = REDACTOR.redact_text(text)
    assert "H48213077" not in out and "A-4412345" not in out
    assert "|Y|125.00|HOSP01|" in out and "ACTIVE" in out and "ZIN|1|" in out  # flags, amounts, codes stay


def test_site_segment_without_a_patient_is_left_alone() -> None:
    text = f"{MSH}\rZLB|1|H48213077|ACTIVE"
    assert not [span for span in Hl7Detector().find(text) if text[span[0] : span[1]] == "H48213077"]


PATIENT = {
    "resourceType": "Patient",
    "id": "pat-1",
    "identifier": [{"system": "urn:oid:1.2.3", "value": "MR9046037"}, {"type": {"coding": [{"code": "SS"}]}}],
    "name": [{"family": "Barrera", "given": ["Ysolde", "Marit"]}],
    "address": [{"line": ["12 Alder Row"], "city": "Salem", "postalCode": "01970"}],
}


@pytest.mark.parametrize(
    ("cut", "secret"),
    [
        ('"value": "MR9046037"}, {"type": {"co', "MR9046037"),
        ('"family": "Barr', "Barr"),
        ('"given": ["Ysolde", "Ma', "Ma"),
        ('"line": ["12 Alder Row"], "city": "Salem", "postalC', "12 Alder Row"),
    ],
    ids=["identifier", "family", "given", "address"],
)
def test_fhir_body_truncated_inside_a_value(cut: str, secret: str) -> None:
    body = json.dumps(PATIENT)
    text = "fhir response body=" + body[: body.index(cut) + len(cut)]
    assert secret not in REDACTOR.redact_text(text)
    escaped = json.dumps({"msg": "POST /fhir/Patient", "body": body[: body.index(cut) + len(cut)]})
    assert secret not in REDACTOR.redact_text(escaped)


@pytest.mark.parametrize(("value", "secret"), [('{"ssn": "123-45-67', "123-45-67"), ('{"memberId": "XQ12', "XQ12")])
def test_key_value_cut_at_the_end_of_the_text(value: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text("body=" + value)


def test_truncated_directory_resource_keeps_its_own_fields() -> None:
    organization = {
        "resourceType": "Organization",
        "id": "org-1",
        "name": "Mercy West Clinic",
        "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
    }
    body = json.dumps(organization)
    for length in (len(body) - 3, body.index("1234567893") + 4):
        text = "org sync: " + body[:length]
        assert REDACTOR.redact_text(text) == text


def test_an_unclosed_quote_in_prose_far_from_the_end_is_no_value() -> None:
    text = 'config name: "billing-api status ok ' + "x" * 300
    assert REDACTOR.redact_text(text) == text
