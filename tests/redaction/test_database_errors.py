"""Database errors that name the columns of the values they quote: Postgres key details, MySQL duplicate entries."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "DETAIL:  Key (first_name, last_name)=(Ysolde, Marchetti-Quinn) already exists.",
            "DETAIL:  Key (first_name, last_name)=([REDACTED:NAME], [REDACTED:NAME]) already exists.",
        ),
        (
            "DETAIL:  Key (patient_name, birth_date)=(Dörte Ølstad, 1951-07-23) already exists.",
            "DETAIL:  Key (patient_name, birth_date)=([REDACTED:NAME], [REDACTED:DOB]) already exists.",
        ),
        (
            "unique constraint\nDETAIL:  Key (surname, dob)=(Marchetti, 1951-07-23).",
            "unique constraint\nDETAIL:  Key (surname, dob)=([REDACTED:NAME], [REDACTED:DOB]).",
        ),
        (
            "DETAIL:  Key (lower(email::text))=(ysolde.mq@example.org) already exists.",
            "DETAIL:  Key (lower(email::text))=([REDACTED:EMAIL]) already exists.",
        ),
        (  # a value holding ", ": the values no longer split as the columns do; masked as one
            "DETAIL:  Key (full_name, dob)=(Marchetti, Ysolde, 1951-07-23) already exists.",
            "DETAIL:  Key (full_name, dob)=([REDACTED:NAME]) already exists.",
        ),
        (  # a failing row, by the columns of the statement beside it
            "DETAIL:  Failing row contains (17, Ysolde, 4155550142, 12 Elm Street, null).\n"
            "[SQL: INSERT INTO patients (id, first_name, phone, street, email) VALUES ($1, $2, $3, $4, $5)]",
            "DETAIL:  Failing row contains ([REDACTED:PATIENT], [REDACTED:NAME], [REDACTED:PHONE], "
            "[REDACTED:ADDRESS], null).\n"
            "[SQL: INSERT INTO patients (id, first_name, phone, street, email) VALUES ($1, $2, $3, $4, $5)]",
        ),
        (  # without one, by its neighbours: a name beside a date of birth and a phone number
            "DETAIL:  Failing row contains (17, Ysolde Marchetti, 1951-07-23, 4155550142).",
            "DETAIL:  Failing row contains (17, [REDACTED:NAME], [REDACTED:DOB], [REDACTED:PHONE]).",
        ),
        (
            "(1062, \"Duplicate entry 'ysolde-marchetti-1951-07-23' for key 'patients.idx_name_dob'\")",
            "(1062, \"Duplicate entry '[REDACTED:NAME]' for key 'patients.idx_name_dob'\")",
        ),
        (
            "Duplicate entry 'Ysolde Marchetti' for key 'uq_full_name'",
            "Duplicate entry '[REDACTED:NAME]' for key 'uq_full_name'",
        ),
        (
            "Duplicate entry '4155550142' for key 'contacts.phone_UNIQUE'",
            "Duplicate entry '[REDACTED:PHONE]' for key 'contacts.phone_UNIQUE'",
        ),
    ],
)
def test_values_are_read_by_the_columns_the_error_names(redactor: Redactor, text: str, expected: str) -> None:
    assert redactor.redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "DETAIL:  Key (service_name)=(billing-api) already exists.",
        "DETAIL:  Key (name)=(nightly-export) already exists.",
        "DETAIL:  Key (sku, warehouse_id)=(AB-1234, 7) already exists.",
        'DETAIL:  Key (order_id)=(48213) is not present in table "orders".',
        "DETAIL:  Key (room, during)=(101, [2024-01-01,2024-01-02)) conflicts with existing key (room, during)=(101, "
        "[2024-01-01,2024-01-03)).",
        "DETAIL:  Failing row contains (42, nightly-export, 2024-05-01 10:00:00, t).",
        "DETAIL:  Failing row contains (7, Aurora Borealis, null, 2021-03-04).\n"
        "[SQL: INSERT INTO jobs (id, name, owner, started) VALUES (?, ?, ?, ?)]",
        "Duplicate entry '42' for key 'PRIMARY'",
        "Duplicate entry 'billing-api' for key 'services.uq_name'",
        "Duplicate entry '2024-05-01-7' for key 'uq_day_slot'",
        "UNIQUE constraint failed: services.slug",
    ],
)
def test_values_of_other_columns_are_kept(redactor: Redactor, text: str) -> None:
    assert redactor.redact_text(text) == text
