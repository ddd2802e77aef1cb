"""Patients', devices' and accounts' ids after their words in German, Spanish, French and Italian, and German ages."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor, redact

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gerät X dem Patienten KH115685 zugeordnet", "KH115685"),
        ("paciente H937424505 ingresado", "H937424505"),
        ("la patiente 31-563-551 est arrivée", "31-563-551"),
        ("sensor paired to patient 76-220-334", "76-220-334"),
        ("il paziente 3345987 dimesso", "3345987"),
        ("Patientin AB-448812 entlassen", "AB-448812"),
        ("Pat. 4471920 verlegt", "4471920"),
        ("Befund für Pat. GK925634 liegt vor", "GK925634"),
        ("patient 412-883-109 moved", "412-883-109"),
    ],
)
def test_an_id_after_a_patient_word_of_any_language_is_masked(text: str, value: str) -> None:
    out = REDACTOR.redact_text(text)
    assert value not in out
    assert "[REDACTED:PATIENT]" in out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gerät 574712580101446 registriert", "574712580101446"),
        ("Geraet 574712580101446 registriert", "574712580101446"),
        ("Gerät PM-35672225-8N aktiv", "PM-35672225-8N"),
        ("dispositivo SN-T958-73365 conectado", "SN-T958-73365"),
        ("appareil USA007178510 connecté", "USA007178510"),
        ("Pumpe GLUQ9ON2ZUS Alarm", "GLUQ9ON2ZUS"),
        ("Insulinpumpe 88317265 gekoppelt", "88317265"),
        ("Sensor AB12CD34EF verbunden", "AB12CD34EF"),
        ("apparecchio QX7730215 associato", "QX7730215"),
        ("dispositif 35-918273-4 appairé", "35-918273-4"),
    ],
)
def test_an_id_after_a_device_word_of_any_language_is_masked(text: str, value: str) -> None:
    out = REDACTOR.redact_text(text)
    assert value not in out
    assert "[REDACTED:DEVICE]" in out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("cuenta ES12 3456 7890 1234 5678 9012 bloqueada", "3456 7890 1234 5678"),
        ("Konto DE12345678901234567890 belastet", "DE12345678901234567890"),
        ("Kontonummer: DE12345678901234567890 hinterlegt", "DE12345678901234567890"),
        ("compte FR12 3456 7890 1234 5678 9012 345", "7890 1234 5678"),
        ("conta PT12345678901234567890123", "PT12345678901234567890123"),
        ("IBAN GB12 ABCD 1234 5612 3456 78", "1234 5612 3456"),
        ("cuenta 0394 3357 2767", "3357 2767"),
        ("Konto 1234 5678 90 gesperrt", "5678 90"),
        ("acct 0394 3357 2767 on file", "3357 2767"),
    ],
)
def test_an_account_after_its_word_is_masked_whatever_its_check_digits(text: str, value: str) -> None:
    out = REDACTOR.redact_text(text)
    assert value not in out
    assert "[REDACTED:ACCOUNT]" in out


def test_an_iban_whose_check_digits_fail_is_kept_without_an_accounts_word() -> None:
    assert REDACTOR.redact_text("build DE12345678901234567890") == "build DE12345678901234567890"


@pytest.mark.parametrize(
    "text",
    [
        "patient 120/80 stable",
        "Patienten 12 betroffen",
        "paciente 2 de 5",
        "Gerät 2 von 5 aktiv",
        "Sensor 3 meldet 101 Grad",
        "temperature sensor 4417 reading 38",
        "temperature sensor 243180 ok",
        "dispositivo móvil conectado",
        "cuenta 2024 10 15",
        "Konto 2024 Bericht 12 Seiten",
    ],
)
def test_counts_and_dates_after_those_words_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_the_same_ids_are_masked_as_a_fields_value_and_in_a_list() -> None:
    out = redact({"msg": "Pumpe GLUQ9ON2ZUS Alarm", "notes": ["paciente H937424505", "cuenta 0394 3357 2767"]})
    assert "GLUQ9ON2ZUS" not in str(out)
    assert "H937424505" not in str(out)
    assert "3357" not in str(out)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patientin Meier, 95 J., stationär", "90+ J."),
        ("Meier, 95 J. alt", "Meier, 90+ J. alt"),
        ("aufgenommen mit 93J.", "aufgenommen mit 90+J."),
    ],
)
def test_an_age_over_89_before_germans_abbreviation_of_years_is_aggregated(text: str, expected: str) -> None:
    assert expected in REDACTOR.redact_text(text)


@pytest.mark.parametrize("text", ["Seite 95 J. Smith", "Artikel 95 J.R.R. Tolkien"])
def test_a_number_before_an_initial_is_no_age(text: str) -> None:
    out = REDACTOR.redact_text(text)
    assert "95 " in out
    assert "90+" not in out


def test_an_aging_bucket_of_90_days_is_kept() -> None:
    assert REDACTOR.redact_text("AR 90+ days bucket: 12 accounts") == "AR 90+ days bucket: 12 accounts"


def test_a_resource_id_glued_to_pat_is_kept() -> None:
    text = '{"resourceType":"Observation","id":"pat-2944135009","status":"final"}'
    assert REDACTOR.redact_text(text) == text
