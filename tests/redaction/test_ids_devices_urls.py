"""Device identifiers without a cue (GS1 UDIs) and personal URLs: social hosts on any domain, family sites, handles."""

from __future__ import annotations

import json

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("neurostimulator (01)30817604211939(21)AK88120 implanted", "AK88120"),
        ("lot recall: (01)10614559902288(17)270331(10)L55017X, notify clinic", "L55017X"),
        ("scan (01)20385083001147 (21)7730014 ok", "7730014"),
    ],
)
def test_gs1_udis_of_one_device_or_lot(text: str, secret: str) -> None:
    out = REDACTOR.redact_text(text)
    assert secret not in out and "[REDACTED:DEVICE]" in out


def test_a_udi_ends_before_the_punctuation_after_it() -> None:
    out = REDACTOR.redact_text("serial (01)30817604211939(21)AK88120, paired")
    assert out == "serial [REDACTED:DEVICE], paired"


@pytest.mark.parametrize(
    "text",
    [
        "restocked gtin (01)00614141999996 x 40",  # a device identifier alone names a model
        "see (01) overview, (21) appendix",
    ],
)
def test_model_identifiers_and_numbered_lists_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    "url",
    [
        "https://m.facebook.com/odalys.brennan.77",
        "https://de.linkedin.com/in/helmut-kratochwil",
        "https://www.instagram.co.uk/marisol_quintero",
        "https://twitter.example/velkova_daria",
        "https://thebrennanfamily.org/photos",
        "https://quintero-family.net/",
        "https://adebanjofamily.org/news",
        "https://portal.example-clinic.org/u/okafor2271",
    ],
)
def test_personal_urls(url: str) -> None:
    out = REDACTOR.redact_text(f"profile linked: {url}")
    assert url not in out and "[REDACTED:URL]" in out


@pytest.mark.parametrize(
    "url",
    [
        "https://mail.google.com/mail/u/0/",
        "https://www.facebook.com/login",
        "https://facebook.github.io/react/docs",
        "https://familysearch.org/",
        "https://smithfamilydental.com/contact",
        "https://happyfamily.com/recipes",
        "https://status.example.com/incidents",
        "https://cdn.example.com/assets/logo.png?v=693fae27",
        "https://auth.example.com/oauth2/callback?state=2ace83d5a12c73c8&code=ENyzGjzCvcoXGAMADHlf",
        "https://api.example.com/blobs?etag=d41d8cd98f00b204e9800998ecf8427e",
        "https://cdn.example.com/app.js?v=2c689519",
        "https://bucket.example.com/scan.pdf?X-Amz-Signature=5e7c0a91d2&X-Amz-Expires=3600",
    ],
)
def test_urls_of_things_stay(url: str) -> None:
    text = f"fetched {url}"
    assert REDACTOR.redact_text(text) == text


def test_a_fhir_attachment_url_is_judged_as_any_url() -> None:
    """Bundle links are a server's; an Attachment's url says where a person's document is."""
    resource = {
        "resourceType": "DocumentReference",
        "subject": {"reference": "Patient/8812", "display": "Odalys Brennan"},
        "content": [{"attachment": {"contentType": "image/jpeg", "url": "https://brennanfamily.net/scan/3.jpg"}}],
    }
    out = REDACTOR.redact_text(json.dumps(resource))
    assert "brennanfamily" not in out


def test_bundle_links_stay() -> None:
    bundle = {
        "resourceType": "Bundle",
        "link": [{"relation": "next", "url": "https://fhir.example.org/r4/Observation?code=8867-4&_count=50"}],
    }
    text = json.dumps(bundle)
    assert "https://fhir.example.org/r4/Observation?code=8867-4&_count=50" in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("https://portal.example.org/lookup?id=ab123456", "ab123456"),
        ("https://portal.example.org/lookup?ref=0048213377", "0048213377"),
        ("https://portal.example.org/lookup?mrn=1a2b3c4d5e", "1a2b3c4d5e"),
        ("https://portal.example.org/lookup?v=jane.roe@example.org", "jane.roe@example.org"),
    ],
)
def test_ids_in_a_query_stay_masked_beside_the_hex_digests_kept(url: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(f"opened {url}")


@pytest.mark.parametrize(
    "url",
    [
        "https://api.example.org/v2/formulary?ndc=03610-0180-99&page=6",
        "https://api.example.org/v2/fee-schedule?cpt=99213&pos=11",
        "https://api.example.org/v2/claims/edits?icd10=E11.9&hcpcs=J1100",
        "https://shop.example.com/cart?sku=88412-0031&upc=012345678905",
        "https://api.example.org/v1/labs?loinc=2339-0&rxcui=860975",
    ],
)
def test_query_parameters_naming_a_code_or_product_stay(url: str) -> None:
    text = f"GET {url} -> 200"
    assert REDACTOR.redact_text(text) == text


def test_a_person_parameter_beside_a_code_parameter_is_still_masked() -> None:
    out = REDACTOR.redact_text("GET https://api.example.org/v2/claims?cpt=99213&member=W123456789 200")
    assert "W123456789" not in out and "cpt=99213" in out
