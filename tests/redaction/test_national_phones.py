"""Phone numbers in European national forms: alone when the shape is one, else a few words after a person."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor, redact

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("RDV confirmé 06 42 62 94 18 merci", "06 42 62 94 18"),
        ("RDV 06.42.62.94.18 merci", "06.42.62.94.18"),
        ("rappel 01 45 78 22 09", "01 45 78 22 09"),
        ("msg left 07700 900123", "07700 900123"),
    ],
)
def test_a_national_form_no_other_number_takes_is_masked_alone(text: str, value: str) -> None:
    out = REDACTOR.redact_text(text)
    assert value not in out
    assert "[REDACTED:PHONE]" in out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sra. García 612 34 56 78", "612 34 56 78"),
        ("Signora Rossi 347 123 4567", "347 123 4567"),
        ("Frau Meier: 030 1234567", "030 1234567"),
        ("paciente Ruiz, 612 345 678", "612 345 678"),
        ("Frau Meier 0171 2345678", "2345678"),
    ],
)
def test_a_national_form_after_a_person_is_masked(text: str, value: str) -> None:
    out = REDACTOR.redact_text(text)
    assert value not in out
    assert "[REDACTED:PHONE]" in out


@pytest.mark.parametrize(
    "text",
    [
        "cita 612 34 56 78 confirmada",
        "Zentrale 030 1234567",
        "order 0171 2345678 shipped",
        "invoice 06 42 62 94 18 paid",
        "ticket 06 42 62 94 18",
        "build 07700 900123 failed",
        "version 01.02.03.04.05",
        "processed 612 34 56 78 rows",
        "v1.06.42.62.94.18",
        "mother board serial 06 12 34 56 78 x",
        "Rückfrage 0171 2345678 bis 18 Uhr",
    ],
)
def test_the_same_digits_without_a_person_or_after_an_id_word_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_a_french_number_is_masked_as_a_fields_value_and_inside_a_sentence_of_a_list() -> None:
    out = redact({"callback": "06 42 62 94 18", "notes": ["RDV 06.42.62.94.18 confirmé"]})
    assert "94 18" not in str(out)
    assert "94.18" not in str(out)
