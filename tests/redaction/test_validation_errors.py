"""pydantic's ValidationError: its type, its text and its links kept; inputs redacted by their field; its wording
never read as a name."""

from __future__ import annotations

import logging
import typing
from collections.abc import Iterator
from typing import Any

import pytest

from hipaalog.redaction import Redactor, install_record_redaction
from hipaalog.testing import LogCapture, capture

pydantic = pytest.importorskip("pydantic")
pydantic_core = pytest.importorskip("pydantic_core")

EMAIL, NAME, SSN = "g.lindqvist@example.com", "Greta Lindqvist", "219-09-9999"


class Settings(pydantic.BaseModel):
    workers: int
    queue: str = pydantic.Field(max_length=6)


class Contact(pydantic.BaseModel):
    contact: int
    guardian: str = pydantic.Field(max_length=4)
    email: str

    @pydantic.field_validator("email")
    @classmethod
    def _known(cls, value: str) -> str:
        if value.endswith(".com"):
            raise ValueError(f"no account for {value}")
        if value == "custom":
            raise pydantic_core.PydanticCustomError("account_locked", "account of {who} locked", {"who": EMAIL})
        return value


def _error(model: Any, data: dict[str, Any]) -> Any:
    try:
        model.model_validate(data)
    except pydantic.ValidationError as error:
        return error
    raise AssertionError("valid")


@pytest.fixture
def captured() -> Iterator[LogCapture]:
    install_record_redaction()
    with capture() as cap:
        yield cap


def _log(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        logging.getLogger("clinic.forms").exception("form rejected")


def test_a_clean_validation_error_comes_out_unaltered(captured: LogCapture) -> None:
    """No PHI: the same exception object on the record, and pydantic's own text (links included) in the line."""
    error = _error(Settings, {"workers": "eight", "queue": "overnight"})
    _log(error)
    assert captured.records[-1]["error"] == {
        "type": "pydantic_core._pydantic_core.ValidationError",
        "message": str(error),
        "stack": captured.records[-1]["error"]["stack"],
    }
    assert "For further information visit https://errors.pydantic.dev/" in str(error)


def test_a_validation_error_with_phi_keeps_its_type_wording_and_links(captured: LogCapture) -> None:
    """Inputs are redacted by their field, a validator's message as text; the type, the field names, pydantic's
    wording and its links stay; a handler gets a ValidationError whose errors() hold the redacted inputs."""
    error = _error(Contact, {"contact": f"{NAME} ssn {SSN}", "guardian": "Roberta Vasquez", "email": EMAIL})
    _log(error)
    record = captured.records[-1]
    message = record["error"]["message"]
    assert record["error"]["type"] == "pydantic_core._pydantic_core.ValidationError"
    assert message.startswith("3 validation errors for Contact\ncontact\n  Input should be a valid integer")
    assert message.count("For further information visit https://errors.pydantic.dev/") == 3
    assert "Value error, no account for [REDACTED:EMAIL]" in message
    for raw in (SSN, EMAIL, "Vasquez", "Lindqvist"):
        assert raw not in message
    clean = logging.getLogger("x").makeRecord("x", 40, "f", 1, "m", None, (type(error), error, None)).exc_info
    assert clean is not None and type(clean[1]) is type(error)
    assert all(EMAIL not in str(item["input"]) for item in clean[1].errors())


def test_a_custom_error_type_is_kept_with_its_message_redacted(captured: LogCapture) -> None:
    error = _error(Contact, {"contact": 1, "guardian": "x", "email": "custom"})
    _log(error)
    message = captured.records[-1]["error"]["message"]
    assert "account of [REDACTED:EMAIL] locked [type=account_locked" in message and EMAIL not in message


def _messages() -> list[tuple[str, str]]:
    """Every pydantic v2 error type's message, its context filled with made-up values."""
    from pydantic_core import PydanticKnownError, core_schema

    numbers = ["min_length", "max_length", "actual_length", "lt", "le", "gt", "ge", "multiple_of", "max_digits"]
    numbers += ["decimal_places", "whole_digits", "tz_expected", "tz_actual", "required_version", "version"]
    words = ["error", "class_name", "tag", "discriminator", "field_type", "pattern", "expected_schemes", "reason"]
    ctx: dict[str, Any] = dict.fromkeys([*numbers, "expected_version"], 1) | dict.fromkeys([*words, "constraint"], "x")
    ctx |= {"expected": "'a' or 'b'", "expected_tags": "'a', 'b'", "expected_plural": "strings", "class": "Form"}
    ctx |= {"attribute": "a", "method_name": "m", "encoding": "utf-8", "function_name": "f", "argument_name": "a"}
    found = []
    for kind in typing.get_args(core_schema.ErrorType):
        try:
            found.append((kind, PydanticKnownError(kind, ctx).message()))
        except Exception:
            continue
    return found


MESSAGES = _messages()


def test_the_messages_cover_the_error_types() -> None:
    assert len(MESSAGES) > 90


@pytest.mark.parametrize("field", ["contact", "guardian", "patient", "caller", "emergency_contact", "mother"])
def test_pydantic_wording_after_a_person_field_is_no_name(field: str) -> None:
    """A field named for a person on its own line (or before ``: ``) does not make pydantic's text a name."""
    redactor = Redactor()
    for kind, message in MESSAGES:
        line = f"  {message} [type={kind}, input_value=7, input_type=int]"
        for text in (f"1 validation error for Form\n{field}\n{line}", f"{field}: {message}"):
            clean = redactor.redact_text(text)
            assert "REDACTED:NAME" not in clean, (kind, clean)


def test_a_name_after_a_person_field_is_still_one() -> None:
    redactor = Redactor()
    assert redactor.redact_text("contact\n  Roberta Vasquez-Ilunga") == "contact\n  [REDACTED:NAME]"
    assert redactor.redact_text("patient Input Vasquez seen") != "patient Input Vasquez seen"


class Note(pydantic.BaseModel):
    note: str = pydantic.Field(max_length=4)


@pytest.mark.parametrize(
    ("value", "masked"),
    [("Tadeusz Kuziora", True), ("SIGRUN HALVORSEN", True), ("overnight batch", False), ("Payment Failed", False)],
)
def test_an_input_that_is_a_name_and_nothing_else_is_masked(captured: LogCapture, value: str, masked: bool) -> None:
    """As a ``%s`` argument is: a whole input that reads as a person's name, in any field; words stay."""
    error = _error(Note, {"note": value})
    _log(error)
    logging.getLogger("clinic.forms").warning("rejected", extra={"errors": error.errors()})
    message, listed = captured.records[-2]["error"]["message"], captured.records[-1]["errors"]
    assert (value not in message) is masked and (listed[0]["input"] != value) is masked
    if not masked:
        assert message == str(error)


@pytest.mark.parametrize(
    "message",
    [
        "Fraction input should be an integer, float, string or Fraction object",  # a newer pydantic's type
        "Widget should have at most 3 items after validation",  # a type no list of ours names
    ],
)
def test_any_types_wording_after_a_person_field_is_no_name(message: str) -> None:
    text = f"1 validation error for Form\ncontact\n  {message} [type=x, input_value=7, input_type=int]"
    assert "REDACTED:NAME" not in Redactor().redact_text(text)


def test_a_validation_line_of_any_wording_is_no_name() -> None:
    """Whatever a newer pydantic writes before ``[type=``, the words are the library's (the input is in brackets)."""
    head = "1 validation error for Form\nmother\n"
    text = head + "  Gizmo is not a valid fraction [type=x, input_value=7, input_type=int]"
    assert "REDACTED:NAME" not in Redactor().redact_text(text)
    text = head + "  Sprocket refused [type=x, input_value='Odalys Quist', input_type=str]"
    assert "Quist" not in Redactor().redact_text(text)
