"""A number printed by a conversion that rewrites its digits (``%x``, ``%X``, ``%o``, ``%e`` with enough
precision) still reads as the number it is: the message is judged with the number in decimal, and shows it
masked when it is an identifier. Numbers that identify no one keep their hexadecimal or octal form."""

from __future__ import annotations

import logging

import pytest

from hipaalog import Encoder, JsonFormatter
from hipaalog._identity import Identity
from hipaalog.redaction import Redactor
from hipaalog.redaction._records import clean_message

REDACTOR = Redactor()
FORMATTER = JsonFormatter(encoder=Encoder(Identity("app", "vm", "attack")))
SSN_NUMBER = 536228174
PHONE_NUMBER = 3125550178

HIDING = [
    ("ssn %x", (SSN_NUMBER,)),
    ("ssn %X", (SSN_NUMBER,)),
    ("ssn %#x", (SSN_NUMBER,)),
    ("ssn %o", (SSN_NUMBER,)),
    ("ssn %#o", (SSN_NUMBER,)),
    ("ssn %.8e", (SSN_NUMBER,)),
    ("phone %010x", (PHONE_NUMBER,)),
    ("ssn %(ssn)x", {"ssn": SSN_NUMBER}),
    ("patient %s ssn %x", ("seen", SSN_NUMBER)),
]
HIDDEN_FORMS = [format(SSN_NUMBER, "x"), format(SSN_NUMBER, "o"), format(PHONE_NUMBER, "x"), "5.36228174"]


def _record(template: str, args: object) -> logging.LogRecord:
    packed = (args,) if isinstance(args, dict) else args  # as Logger._log hands a mapping over
    return logging.LogRecord("app", logging.INFO, __file__, 1, template, packed, None)  # type: ignore[arg-type]


def _clean(text: str) -> bool:
    lowered = text.lower()
    return not any(form.lower() in lowered for form in HIDDEN_FORMS) and str(SSN_NUMBER) not in text


@pytest.mark.parametrize(("template", "args"), HIDING, ids=[t for t, _ in HIDING])
def test_the_record_and_its_arguments_are_clean(template: str, args: object) -> None:
    msg, clean_args = clean_message(template, args, REDACTOR)
    message = msg % clean_args if clean_args else msg
    assert _clean(message) and "[REDACTED:" in message, message
    assert _clean(repr(clean_args)), clean_args


@pytest.mark.parametrize(("template", "args"), HIDING, ids=[t for t, _ in HIDING])
def test_the_json_line_is_clean_without_record_redaction(template: str, args: object) -> None:
    line = FORMATTER.format(_record(template, args))
    assert _clean(line) and "[REDACTED:" in line, line


@pytest.mark.parametrize(
    ("template", "args"),
    [("at 0x%08x", (SSN_NUMBER,)), ("mode %o", (0o755,)), ("ratio %.3e", (0.00123,)), ("id %x", (48879,))],
)
def test_numbers_that_identify_no_one_keep_their_form(template: str, args: tuple[object, ...]) -> None:
    assert clean_message(template, args, REDACTOR) == (template, args)
    assert template % args in FORMATTER.format(_record(template, args))
