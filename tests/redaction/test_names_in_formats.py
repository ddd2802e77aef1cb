"""Names in formats: SQL literals inside a function (``lower('...')``), FHIR XML displays of person references."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SELECT id FROM pt WHERE lower(last_name) = lower('Wisniewska')", "Wisniewska"),
        ("SELECT id FROM pt WHERE upper(family_name) = upper('van der Kolk')", "van der Kolk"),
        ("DELETE FROM pt WHERE TRIM(surname) LIKE TRIM('Abernathy-Quist')", "Abernathy-Quist"),
    ],
)
def test_a_name_literal_inside_a_function_of_a_name_column(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * FROM jobs WHERE lower(service_name) = lower('Billing Export')",
        "SELECT * FROM t WHERE lower(status) = lower('Cancelled')",
    ],
)
def test_other_columns_keep_their_literals(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            '<Claim><patient><reference value="Patient/9f1c"/><display value="Quispe"/></patient></Claim>',
            "Quispe",
        ),
        (
            '<Encounter><subject><reference value=\\"Patient/77\\"/>'
            '<display value=\\"Kessler, G\\u00fcnther\\"/></subject></Encounter>',
            "Kessler",
        ),
        (
            '<Consent><performer><reference value="RelatedPerson/4"/>\n  '
            '<display value="Nkemdirim"/></performer></Consent>',
            "Nkemdirim",
        ),
    ],
)
def test_the_display_of_a_person_reference_in_fhir_xml(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out


def test_the_display_of_an_organisation_reference_is_kept() -> None:
    text = '<Claim><insurer><reference value="Organization/12"/><display value="Acme Mutual"/></insurer></Claim>'
    assert REDACTOR.redact_text(text) == text
