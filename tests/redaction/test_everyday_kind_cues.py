"""Vehicle ids, dates of care, ages over 89, record, member and licence numbers and ZIP codes in the words of
everyday application logs: snake_case keys followed by a space, short forms (``d/c date``, ``93yoF``, ``pt (93)``),
the same cues in Spanish, French, German and Portuguese, a plate's owner between its cue and its value, European
VINs (no check digit) after a vehicle's word, ZIP+4 after a postcode word. Look-alikes of no person keep their text."""

from __future__ import annotations

import logging

import pytest

from hipaalog.redaction import RedactingFilter, redact_text

# Synthetic values only: made-up numbers, plates, VINs and dates.
DAY = "2024-03-12"
EU_DAY = "12.03.2024"
SLASHED = "12/03/2024"


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("discharge_date 2024-03-12 to SNF", DAY),
        ("last_visit_date 2024-03-12 ok", DAY),
        ("d/c date 2024-03-12", DAY),
        ("dc date 2024-03-12 home", DAY),
        ("date of discharge 2024-03-12", DAY),
        ("fecha de servicio 12/03/2024", SLASHED),
        ("fecha de alta 12/03/2024 paciente", SLASHED),
        ("date de soins 12/03/2024", SLASHED),
        ("date de sortie: 12/03/2024", SLASHED),
        ("Leistungsdatum 12.03.2024", EU_DAY),
        ("Entlassungsdatum=12.03.2024 station=4B", EU_DAY),
        ("data de internação 12/03/2024", SLASHED),
    ],
)
def test_dates_of_care_in_keys_and_other_languages(line: str, secret: str) -> None:
    assert secret not in redact_text(line)


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("pt (93) confused", "93"),
        ("Patient (101) fell in bathroom", "101"),
        ("resident (95) wandering", "95"),
        ("93yoF with CHF", "93"),
        ("patient_age 93 flagged", "93"),
        ("pt_age: 95 for review", "95"),
    ],
)
def test_ages_after_an_owner_in_brackets_and_with_the_sex_glued(line: str, secret: str) -> None:
    out = redact_text(line)
    assert f"{secret}" not in out.replace("90+", "")


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("patient 61-96461 not found", "61-96461"),
        ("KeyError: 'patient 74-45101'", "74-45101"),
        ("Krankenaktennummer E8909761", "E8909761"),
        ("medical record number 82-93355 locked", "82-93355"),
        ("numéro de dossier 4455667 introuvable", "4455667"),
        ("policy holder id ABC987654321", "ABC987654321"),
        ("policyholder W123456789 termed", "W123456789"),
        ("member_id W123456789 inactive", "W123456789"),
        ("licencia de conducir W827030663", "W827030663"),
        ("nº permis de conduire 123456789012", "123456789012"),
        ("Führerschein-Nr. B072RRE2I55 geprüft", "B072RRE2I55"),
        ("Postleitzahl 64663-8297", "64663-8297"),
        ("zip5=02139 out of network", "02139"),
        ("pt address zip5 02139", "02139"),
    ],
)
def test_ids_after_their_cues_in_other_forms(line: str, secret: str) -> None:
    assert secret not in redact_text(line)


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("FIN WVWZZZ1JZXW000001", "WVWZZZ1JZXW000001"),
        ("Fahrzeug-Ident-Nr. WVWZZZ1JZXW000001", "WVWZZZ1JZXW000001"),
        ("numéro de série du véhicule VF1AB000123456789", "VF1AB000123456789"),
        ("ride for pt, van VF1AB000123456789", "VF1AB000123456789"),
        ("Placa del paciente: ABC-1234", "ABC-1234"),
        ("plate of the patient: 7ABC123", "7ABC123"),
        ("patient's car 8XYZ 442 towed", "8XYZ 442"),
        ("Nummernschild M-AB 1234", "M-AB 1234"),
        ("placa do carro ABC1D23", "ABC1D23"),
    ],
)
def test_vehicle_ids(line: str, secret: str) -> None:
    assert secret not in redact_text(line)


@pytest.mark.parametrize(
    "line",
    [
        "build_date 2024-03-12 commit 4f3a2b1",
        "last_run_date 2024-03-12 status ok",
        "retry_count 95 exceeded",
        "max_age 93 for cookie",
        "cache_age=95 evicting",
        "worker_id 12-34567 started",
        "process (95) exited with code 1",
        "patient_count 12345 in cohort export",
        "car rental API returned 2 quotes for SKU CAR-12345",
        "artifact 2F3A9B7C1D0E54321 uploaded",
        "car 7ABC123 lookup failed in vehicle catalogue test",
        "cache age 95 seconds, evicting",
        "zip5 validation enabled for 12 states",
        "pt 2024-03-12",
        "patient 120-80",
        "record # 1024 skipped",
        "batch record 95 of 100",
    ],
)
def test_look_alikes_keep_their_text(line: str) -> None:
    assert redact_text(line) == line


def test_a_log_record_message_is_masked() -> None:
    record = logging.LogRecord("app.billing", logging.INFO, __file__, 1, "claim line %s", ("svc_dt 12MAR2024",), None)
    RedactingFilter().filter(record)
    assert "12MAR2024" not in record.getMessage()
