"""A value put where a record's own reading of it leaves it: a copy of a masked value in another case or spacing,
a logger's name under a person's folder written with dashes, brackets or a surname first, a biometric template's
id where a template is enrolled, a thing's years read as a person's age."""

from __future__ import annotations

import logging

import pytest

from hipaalog.redaction import Redactor, redact_record
from hipaalog.redaction._record_repeats import echoed

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("lookup Odalys  Quist done", "Quist"),
        ("lookup oDaLyS qUiSt", "qUiSt"),
        ("ref h5811942 found", "5811942"),
        ("ref Odalys\tQuist", "Quist"),
    ],
)
def test_a_remembered_value_in_another_case_or_spacing_is_masked(text: str, secret: str) -> None:
    echoes = {"Odalys Quist": "[REDACTED:NAME]", "H5811942": "[REDACTED:MRN]"}
    out = echoed(text, echoes)
    assert secret not in out
    assert "[REDACTED:" in out


@pytest.mark.parametrize("text", ["Quistly and Odalysia", "ref XH5811942 and H58119420"])
def test_a_remembered_value_inside_a_longer_word_stays(text: str) -> None:
    echoes = {"Odalys Quist": "[REDACTED:NAME]", "H5811942": "[REDACTED:MRN]"}
    assert echoed(text, echoes) == text


def test_a_case_variant_in_the_message_of_a_record_is_masked() -> None:
    record = logging.LogRecord("clinic.visits", logging.INFO, __file__, 1, "lookup ODALYS  QUIST ok", None, None)
    record.patient_name = "Odalys Quist"
    redact_record(record, REDACTOR)
    assert "QUIST" not in record.getMessage()


def _logger_name(name: str) -> str:
    record = logging.LogRecord(name, logging.INFO, __file__, 1, "hello", None, None)
    redact_record(record, REDACTOR)
    return record.name


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("visits.maria-lopez", "lopez"),
        ("app.patients.jane_roe", "roe"),
        ("ehr-patients-H5811942", "5811942"),
        ("ehr.patients[H5811942]", "5811942"),
        ("app.pacientes.H5811942", "5811942"),
        ("app.patient.Lopez, Maria", "Lopez"),
    ],
)
def test_a_person_in_a_loggers_name_written_otherwise_is_masked(name: str, secret: str) -> None:
    out = _logger_name(name)
    assert secret not in out
    assert "[REDACTED" in out


@pytest.mark.parametrize(
    "name",
    [
        "app.integrations.mary-kay",
        "app.routes.john-deere",
        "ehr.patient-search",
        "app.patients.merge-duplicates",
        "app.jobs.send-reminders",
        "aiokafka.consumer.group_coordinator",
    ],
)
def test_words_joined_in_a_loggers_name_outside_a_persons_folder_stay(name: str) -> None:
    assert _logger_name(name) == name


def test_a_template_id_where_a_template_is_enrolled_is_masked() -> None:
    out = REDACTOR.redact_text("template=a81bc7d2e9f0 enrolled for patient Jane Roe")
    assert "a81bc7d2e9f0" not in out


def test_a_cms_template_stays() -> None:
    text = "rendered template=a81bc7d2e9f0 for page home"
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    "text", ["Apache Kafka, 10 years.", "Spring Boot, 10 years.", "Warranty Period, 3 years.", "Red Hat, 30 years;"]
)
def test_a_things_years_after_two_capitalised_words_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [("Cynthia Lee, 92 years.", "Lee"), ("Mia Kent, 87 J.", "Kent"), ("Anae Lee is a 90-year-old male", "Anae")],
)
def test_a_persons_age_after_their_name_is_still_read(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "key", [("H5811942",), frozenset({"H5811942"}), b"H5811942", " H5811942", ("visit", ("H5811942", 2))]
)
def test_an_id_as_a_missing_key_in_a_tuple_a_set_bytes_or_spaces_is_masked(key: object) -> None:
    from hipaalog._errors import redact_missing_key

    clean = redact_missing_key(key, REDACTOR)
    assert "5811942" not in repr(clean)
    assert "5811942" not in REDACTOR.redact_text(f"KeyError: {key!r}")


def test_a_missing_tuple_key_of_no_id_stays() -> None:
    from hipaalog._errors import redact_missing_key

    assert redact_missing_key(("visit", 2), REDACTOR) == ("visit", 2)
    assert REDACTOR.redact_text("KeyError: ('visit', 2)") == "KeyError: ('visit', 2)"
