"""Logger and thread names built from data, read part by part: the value after its key, a key and value joined,
a person's name as a part; the names code gives its loggers stay."""

from __future__ import annotations

import logging

import pytest

from hipaalog.redaction import Redactor, redact_record

_REDACTOR = Redactor()


def _name_of(logger_name: str, thread_name: str = "MainThread") -> tuple[str, str]:
    record = logging.LogRecord(logger_name, logging.INFO, __file__, 1, "hello", None, None)
    record.threadName = thread_name
    redact_record(record, _REDACTOR)  # in place
    return record.name, record.threadName


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("worker.mrn.MRN00482913", "MRN00482913"),
        ("sessions.DOB-1954-07-07", "1954-07-07"),
        ("jobs.patient_id=H5811942", "H5811942"),
        ("ehr.patients.H5811942", "H5811942"),
        ("visits.Maria Lopez", "Maria Lopez"),
        ("chart/ssn/219-09-9999", "219-09-9999"),
        ("dob=1954-07-07", "1954-07-07"),
    ],
)
def test_a_value_in_a_logger_name_is_masked(name: str, secret: str) -> None:
    clean, _ = _name_of(name)
    assert secret not in clean
    assert "[REDACTED" in clean


def test_a_thread_named_after_a_patient_is_masked_too() -> None:
    _, thread = _name_of("visits", "visit-mrn-MRN00482913")
    assert "MRN00482913" not in thread


@pytest.mark.parametrize(
    "name",
    [
        "uvicorn.access",
        "app.patient.service",
        "app.patient.v2",
        "app.ssn_check",
        "api.v1.patients.search",
        "mrn_lookup.worker",
        "hl7.PID-3.parser",
        "kafka.consumer-group-1234",
        "sqlalchemy.engine.Engine",
        "ThreadPoolExecutor-0_1",
        "jobs.email.r00123",
        "app.email.worker2024",
        "notify.phone.v20241",
    ],
)
def test_names_code_gives_its_loggers_stay(name: str) -> None:
    assert _name_of(name, name) == (name, name)
