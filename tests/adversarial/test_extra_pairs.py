"""A person's name split over two ``extra=`` fields with short generic keys (``first``/``last``, ``fn``/``ln``,
``given``/``family``), and a birth date under ``birth``, reach neither hipaalog's file nor a third-party handler
raw. Pairs whose values are no person's name (page bounds, product words) stay."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

from .canaries import DEFAULT
from .harness import Harness

GIVEN, SURNAME = DEFAULT.name.value.split()
REDACTOR = Redactor()


@pytest.mark.parametrize(
    "fields",
    [
        {"first": GIVEN, "last": SURNAME},
        {"fn": GIVEN, "ln": SURNAME},
        {"given": GIVEN, "family": SURNAME},
        {"First": GIVEN, "Last": SURNAME},
        {"forename": GIVEN, "surname": SURNAME},
        {"birth": DEFAULT.dob.value},
    ],
    ids=["first-last", "fn-ln", "given-family", "title-case", "forename-surname", "birth"],
)
def test_split_fields_are_masked_everywhere(harness: Harness, fields: dict[str, str]) -> None:
    harness.logger.warning("visit", extra=fields)
    harness.logger.warning("visit", extra={"user": fields})
    assert harness.leaks(DEFAULT.all()) == []
    assert '"visit"' in harness.written()


@pytest.mark.parametrize(
    "fields",
    [{"first": 0, "last": 100}, {"first": "Acme", "last": "Widget"}, {"first": "Monday", "last": "Friday"}],
)
def test_pairs_that_name_no_one_stay(fields: dict[str, object]) -> None:
    assert REDACTOR.redact(fields) == fields
    assert REDACTOR.redact_event({"message": "page", **fields}) == {"message": "page", **fields}
