"""An insured's group or policy number (X12 ``SBR``/``COB``, a FHIR ``Coverage.class`` typed by text), the display
of a FHIR XML reference to a person by identifier, and phone numbers cued by a verb and a pronoun, under a key of a
message's ends, or written in pairs of digits."""

from __future__ import annotations

import json

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("HL*2*1*22*0~SBR*P*18*PLN-44817******CI~NM1*IL*1*DOE*JOHN****MI*XQ7781~", "PLN-44817"),
        ("SBR*S*01*77120938*ACME WIDGETS*****MC~NM1*IL*1*ROE*ANN~", "77120938"),
        ("HL*3*2*22*0\r\nSBR*P*18*QX55X021******CI\r\nNM1*IL*1*RUIZ*ELENA", "QX55X021"),
        ("INS*Y*18*030*XN*A~COB*P*HX-30912*1~", "HX-30912"),
    ],
)
def test_x12_policy_numbers(text: str, secret: str) -> None:
    out = REDACTOR.redact_text(text)
    assert secret not in out
    assert "SBR*" in out or "COB*" in out


def test_x12_group_name_is_kept() -> None:
    out = REDACTOR.redact_text("SBR*S*01*77120938*ACME WIDGETS*****MC~")
    assert "ACME WIDGETS" in out


@pytest.mark.parametrize("label", ["group", "Group", "subgroup", "GROUP"])
def test_fhir_coverage_class_typed_by_text(label: str) -> None:
    coverage = {
        "resourceType": "Coverage",
        "beneficiary": {"reference": "Patient/p7"},
        "class": [
            {"type": {"text": label}, "value": "GX-55120", "name": "Silver 2000"},
            {"type": {"text": "plan"}, "value": "B22", "name": "Basic"},
        ],
    }
    for out in (REDACTOR.redact_text(json.dumps(coverage)), json.dumps(REDACTOR.redact(coverage))):
        assert "GX-55120" not in out
        assert "Silver 2000" in out
        assert "Basic" in out


@pytest.mark.parametrize("quote", ['"', '\\"'])
def test_fhir_xml_coverage_class_typed_by_text(quote: str) -> None:
    xml = (
        '<Coverage xmlns="http://hl7.org/fhir"><beneficiary><reference value="Patient/p7"/></beneficiary>'
        '<class><type><text value="group"/></type><value value="SG-4410"/></class></Coverage>'
    ).replace('"', quote)
    assert "SG-4410" not in REDACTOR.redact_text(xml)


@pytest.mark.parametrize(
    ("element", "name"),
    [("patient", "Marguerite Oyelaran"), ("subject", "Tomasz Wierzbicki"), ("beneficiary", "Ha-eun Seo")],
)
def test_fhir_xml_display_of_a_person_by_identifier(element: str, name: str) -> None:
    xml = (
        f'<Claim xmlns="http://hl7.org/fhir"><{element}><identifier><system value="urn:oid:1.2.3"/>'
        f'<value value="QQ-22"/></identifier><display value="{name}"/></{element}>'
        '<provider><display value="Northside Clinic"/></provider></Claim>'
    )
    out = REDACTOR.redact_text(xml)
    assert name not in out
    assert "Northside Clinic" in out


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("You can reach me at 092 3 633.", "092 3 633"),
        ("Call us anytime at 8 862 208 48 27.", "8 862 208 48 27"),
        ("called pt at (03).7451.2219 with result", "(03).7451.2219"),
        ("texted him on +33 6 47 29 23 67 with result", "47 29 23 67"),
        ("phone me back on 0412 555 019, thanks", "0412 555 019"),
    ],
)
def test_phones_after_a_verb_and_a_pronoun(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text", ["call me at 10:30 tomorrow", "reach us at ticket 12345678", "call took 1234567.89 ms", "v 1.2.3.4"]
)
def test_not_phones_after_a_phone_word(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize("number", ["06 38 52 75 36", "732 408 365", "+7-(925)-416-28-66", "0044 20 7946 0321"])
def test_phone_in_groups_under_a_key_of_a_message_end(number: str) -> None:
    assert REDACTOR.redact({"to": number, "body": "your results are ready"})["to"] != number


@pytest.mark.parametrize(
    "fields",
    [
        {"to": "2024-01-05"},
        {"from": "10.0.12.200"},
        {"to": "1.2.3"},
        {"to": "v2.14.3"},
        {"to": "queue-7"},
        {"toll_free_number": "(888) 555-0123"},
    ],
)
def test_not_phones_under_a_key_of_a_message_end(fields: dict[str, str]) -> None:
    assert REDACTOR.redact(fields) == fields
