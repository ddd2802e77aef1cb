"""XML text: elements and attributes named like PHI fields, HL7 CDA documents, SOAP bodies."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._xml import XmlDetector

REDACTOR = Redactor()

_CDA = (
    '<ClinicalDocument xmlns="urn:hl7-org:v3"><recordTarget><patientRole>'
    '<id extension="00482913" root="2.16.840.1.113883.19.5"/>'
    "<addr><streetAddressLine>4417 Larchmont Ave</streetAddressLine><city>Evanston</city>"
    "<postalCode>60201</postalCode></addr>"
    '<telecom value="tel:+1-415-555-0199" use="HP"/>'
    "<patient><name><given>Marisol</given><family>Quintero</family></name>"
    '<administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1"/>'
    '<birthTime value="19610304"/></patient></patientRole></recordTarget></ClinicalDocument>'
)


def test_a_cda_patient_is_masked_and_its_codes_kept() -> None:
    out = REDACTOR.redact_text(_CDA)
    for value in ("00482913", "Larchmont", "Evanston", "60201", "555-0199", "Marisol", "Quintero", "19610304"):
        assert value not in out
    assert 'code="F"' in out and 'root="2.16.840.1.113883.19.5"' in out and 'use="HP"' in out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("<patient><ssn>219099999</ssn></patient>", "219099999"),
        ("<m:GetMember><m:memberId>XQZ882910044</m:memberId></m:GetMember>", "XQZ882910044"),
        ("<req><dob>03/04/1961</dob></req>", "03/04/1961"),
        ('<patient ssn="219099999" status="active"/>', "219099999"),
        ("<row>\n  <phone>\n    415 555 0199\n  </phone>\n</row>", "415 555 0199"),
    ],
)
def test_an_element_or_attribute_named_like_a_phi_field_is_masked(text: str, value: str) -> None:
    assert value not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "<config><name>billing-service</name><id>42</id><timeout>30</timeout><version>1.2.3</version></config>",
        '<Patient xmlns="http://hl7.org/fhir"><id value="p1"/><active value="true"/></Patient>',
        "if a < b and c > d: pass </div>",
        "<patient><status>UNK</status><gender>F</gender></patient>",
    ],
)
def test_other_xml_is_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_elements_are_judged_with_the_configured_catalogue() -> None:
    detector = XmlDetector()
    assert [kind for _, _, kind in detector.find("<caseRef>C-1</caseRef>")] == []
    custom = Redactor(phi_fields={"caseRef": "ID"})
    assert "C-1" not in custom.redact_text("<caseRef>C-1</caseRef>")
