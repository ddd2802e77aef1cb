"""FHIR directory resources beside others: an organisation's own fields are kept in a Bundle's XML even when a
patient is in another entry, and a clinician's logical id is no patient's identifier."""

from __future__ import annotations

from hipaalog.redaction import Redactor, redact

REDACTOR = Redactor()

_ORGANIZATION = (
    '<entry><resource><Organization><id value="7c1f0e22aa"/><identifier><system value="http://example.org/sid/org"/>'
    '<value value="ORG-5521078"/></identifier><name value="Harbor Point Dialysis"/>'
    '<contact><name><family value="Adeyemi"/></name></contact></Organization></resource></entry>'
)
_PATIENT = (
    '<entry><resource><Patient><id value="31"/><identifier><value value="MRN-8830152"/></identifier>'
    '<name><family value="Lindqvist"/><given value="Ebba"/></name></Patient></resource></entry>'
)


def _bundle(*entries: str) -> str:
    return '<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/>' + "".join(entries) + "</Bundle>"


def test_an_organisation_in_a_bundle_keeps_its_own_fields() -> None:
    out = REDACTOR.redact_text(_bundle(_ORGANIZATION))
    assert "ORG-5521078" in out and "Harbor Point Dialysis" in out, out
    assert "Adeyemi" not in out, out  # its contact person is someone


def test_a_patient_in_another_entry_is_masked_and_the_organisation_kept() -> None:
    out = REDACTOR.redact_text(_bundle(_ORGANIZATION, _PATIENT))
    assert "ORG-5521078" in out, out
    for secret in ("MRN-8830152", "Lindqvist", "Ebba", "Adeyemi"):
        assert secret not in out, out


def test_a_practitioner_keeps_its_logical_id_not_its_name() -> None:
    resource = {
        "resourceType": "Practitioner",
        "id": "5be0c39a41d7",
        "name": [{"family": "Okonkwo", "given": ["Chidi"]}],
    }
    out = redact({"payload": resource})["payload"]
    assert out["id"] == "5be0c39a41d7"
    assert "Okonkwo" not in str(out["name"])
    assert redact({"resourceType": "Patient", "id": "5be0c39a41d7"})["id"] != "5be0c39a41d7"


def test_event_dates_and_periods_in_fhir_xml_are_masked() -> None:
    claim = (
        '<Claim xmlns="http://hl7.org/fhir"><id value="a91c"/><billablePeriod><start value="2023-06-14"/>'
        '<end value="2023-06-19"/></billablePeriod><created value="2023-07-01"/><accident><date value="2022-12-03"/>'
        '</accident><meta><lastUpdated value="2023-07-01T08:00:00Z"/></meta></Claim>'
    )
    out = REDACTOR.redact_text(claim)
    for secret in ("2023-06-14", "2023-06-19", "2022-12-03"):
        assert secret not in out, out
    assert "2023-07-01T08:00:00Z" in out and '<created value="2023-07-01"/>' in out, out
    observation = (
        '<Observation xmlns="http://hl7.org/fhir"><status value="final"/>'
        '<effectiveDateTime value="2024-03-02T10:00:00Z"/><valueQuantity><value value="7.2"/></valueQuantity>'
        "</Observation>"
    )
    out = REDACTOR.redact_text(observation)
    assert "2024-03-02" not in out and '<value value="7.2"/>' in out, out


def test_an_attachment_link_in_fhir_text_is_masked_and_bundle_links_kept() -> None:
    document = (
        '{"resourceType": "DocumentReference", "subject": {"reference": "Patient/7f2"}, "content": [{"attachment": '
        '{"contentType": "application/pdf", "url": "https://portal.example.org/u/okafor5521"}}], '
        '"link": [{"relation": "self", "url": "https://fhir.example.org/DocumentReference?_count=5"}]}'
    )
    out = REDACTOR.redact_text(f"payload: {document}")
    assert "okafor5521" not in out, out
    assert "https://fhir.example.org/DocumentReference?_count=5" in out, out
    xml = (
        '<DocumentReference xmlns="http://hl7.org/fhir"><content><attachment><contentType value="image/jpeg"/>'
        '<url value="https://photos.example.net/album/lindqvist-77"/></attachment></content></DocumentReference>'
    )
    assert "lindqvist-77" not in REDACTOR.redact_text(xml)
