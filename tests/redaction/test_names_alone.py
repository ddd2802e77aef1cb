"""One name word alone: after a role word, or after ``for``/``with``/``to`` in a text about a person."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._lone_names import with_lone_names

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("video visit link texted to [REDACTED:PHONE] for Wojciech", "Wojciech"),
        ("went over inhaler technique with Oluwadamilare, callback [REDACTED:PHONE]", "Oluwadamilare"),
        ("reminder e-mailed to [REDACTED:EMAIL] for Przemysław", "Przemysław"),
        ("card mailed to Zofia-Wiktoria, DOB [REDACTED:DOB]", "Zofia-Wiktoria"),
    ],
)
def test_a_lone_name_word_in_a_text_about_a_person(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("push notice delivered (recipient Ngozi)", "Ngozi"),
        ("interpreter Bartholomäus joined the call", "Bartholomäus"),
        ("consent witnessed; signer Evangelina", "Evangelina"),
        ("claim 88 paid to cardholder Radosław", "Radosław"),
    ],
)
def test_a_name_word_after_a_role_word(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "text",
    [
        "claim batch sent for Waystar, callback [REDACTED:PHONE]",  # a vendor
        "sync with Redis failed for [REDACTED:EMAIL]",  # software
        "billed to Medicare for [REDACTED:NAME]",  # a payer
        "SMS to [REDACTED:PHONE] for Blue Cross",  # a longer capitalised run
        "link for Aurora sent to [REDACTED:PHONE]",  # a product's name as much as a person's
        "escalated to Tier 2 for [REDACTED:PHONE]",
    ],
)
def test_lone_words_that_are_no_one_are_kept(text: str) -> None:
    assert [span for span in with_lone_names([], text) if span[2] == "NAME"] == []


def test_a_lone_word_needs_a_text_about_a_person() -> None:
    assert with_lone_names([], "double booking detected for Volkhardt at 14:00") == []
    assert with_lone_names([(0, 10, "PHONE")], "4155550143 booked for Volkhardt")[-1] == (22, 31, "NAME")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("who", "Wojciech"),
        ("patient", "Quispe"),
        ("guarantor", "Oyelaran"),
        ("caregiver", "Ιωάννα"),
        ("who", "민서"),
        ("guest", "Vaillancourt"),
        ("participant", "Oyelaran"),
        ("assignedTo", "Vaillancourt"),
        ("assigned_to", "Quispe"),
    ],
)
def test_one_name_word_under_a_key_that_names_a_person(key: str, value: str) -> None:
    assert REDACTOR.redact({"q1": "yes", key: value})[key] == "[REDACTED:NAME]"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("who", "System"),
        ("caller", "Twilio"),
        ("recipient", "Pharmacy"),
        ("patient", "unknown"),
        ("who", "Cron"),
        ("who", "Aurora"),  # a product's name as often as a person's
        ("display", "Keytruda"),  # a coding's display: no person's key
        ("service", "Lejeune"),  # a thing's key
        ("guest_network", "Vaillancourt"),  # a guest's network is no guest
        ("assigned_to", "oncall-sre"),  # a team's handle, no name
    ],
)
def test_one_word_that_is_no_one_or_under_no_person_key_is_kept(key: str, value: str) -> None:
    assert REDACTOR.redact({key: value})[key] == value
