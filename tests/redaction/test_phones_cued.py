"""Phone numbers of any country's shape after a phone word or a key of a message's ends."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._gate import PHONE, gate

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("OTP sent to (0172) 318 4406", "(0172) 318 4406"),
        ("dialing 0418 552 19 07 ...", "0418 552 19 07"),
        ("voicemail left at (07)41/236-5580", "(07)41/236-5580"),
        ("Telefon (030) 2718834", "(030) 2718834"),
        ("ph: 0388-614 2207 (home)", "0388-614 2207"),
        ("contact 09-713 448 21", "09-713 448 21"),
        ("tel +63 (45) 862 1930", "+63 (45) 862 1930"),
        ("twilio: to=(0411) 702 3396 status=undelivered", "(0411) 702 3396"),
        ("level=info msisdn=447911123456 delivered", "447911123456"),
        ("redial 4159983321 in 5 minutes", "4159983321"),
    ],
)
def test_a_number_after_a_phone_word_or_key_is_a_phone(text: str, number: str) -> None:
    assert gate(text) & PHONE
    out = REDACTOR.redact_text(text)
    assert number not in out and "[REDACTED:PHONE]" in out


@pytest.mark.parametrize(
    "text",
    [
        "call took 1200000 ms",
        "contact ticket 12345678 opened",
        "call 2024-03-05 10:30:00",
        "callback at 10:30:00",
        "contact support, order 12345678",
        "phone_validation_total=1234567",
        "sms sent to 12 recipients in 1234567 us",
        "to=2024-01-01",
        "number: 1234567.89",
        "from: 2025.11.30",
        "dialing plan v2 loaded 1234567 rules",
        "dialing 415 155 0134 is not possible",  # no North American exchange starts with 1
    ],
)
def test_numbers_that_are_no_phone_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
