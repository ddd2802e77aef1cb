"""One definition of an identifier's shape, for a value of a row and for a token of a text about a person."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._id_shapes import CELL_MIN_DIGITS, MIN_DIGITS, id_shape
from hipaalog.redaction._shaped_ids import shaped_ids

IDS = ("SN-88213-XK", "ABV5795", "T33-EIJ", "AB12 CDE", "B-AB 1234", "W123456789", "7ABC123", "127-422-284", "M12345")
NOT_IDS = (
    *("COVID-19", "HL7v2", "IN1-36", "ICD-10", "CVE-2024-1234", "ISO27001"),
    *("20240611", "2500000", "sha256", "1920x1080"),
)


@pytest.mark.parametrize("token", IDS + NOT_IDS)
def test_a_text_about_a_person_judges_a_token_as_its_shape_does(token: str) -> None:
    text = f"pt Jane Roe presented {token}"
    found = [text[start:end] for start, end, _ in shaped_ids(text)]
    assert (token in found) == (id_shape(token) is not None)
    assert (token in found) == (token in IDS)


ROW_NOT_IDS = ("COVID-19", "HL7v2", "IN1-36", "ICD-10", "CVE-2024-1234", "sha256", "1920x1080")
"""Values a row's reader keeps (a number or a date in a row about a person is for other readers to judge too)."""


@pytest.mark.parametrize("token", IDS + ROW_NOT_IDS)
def test_a_row_about_a_person_judges_a_value_as_its_shape_does(token: str) -> None:
    out = Redactor().redact_text(f"patient row ('Roe', 'Jane', '1961-04-03', '{token}')")
    assert (token in out) == (token in ROW_NOT_IDS)


def test_a_cell_takes_six_digits_and_a_text_seven() -> None:
    assert CELL_MIN_DIGITS == 6 and MIN_DIGITS == 7
    assert id_shape("482913", CELL_MIN_DIGITS) == "ID"
    assert id_shape("482913") is None
    assert "482913" not in Redactor().redact_text("patient row ('Roe', 'Jane', '1961-04-03', '482913')")


@pytest.mark.parametrize("token", ["AB12 CDE", "7ABC123", "B-AB 1234"])
def test_a_plate_is_a_vehicle_wherever_it_is(token: str) -> None:
    assert id_shape(token) == "VEHICLE"
