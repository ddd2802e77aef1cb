"""Names with a double surname joined by ``e`` or ``y`` and surnames with a saint's prefix, in reprs and keyword
arguments (``owner='Liz Araújo e da Rocha'``, ``user='Lotte St. John'``); a family firm's ``e Figli`` stays."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("created Session(id=7, owner='Liz Araújo e da Rocha', active=True)", ["Rocha"]),
        ("Account(user='Gustavo Carvalho e Caldeira')", ["Carvalho", "Caldeira"]),
        ('user="Laetitia Clerc y Vallet" status=ok', ["Clerc", "Vallet"]),
        ('<Booking id=42 patient="Brit St. John">', ["Brit", "John"]),
        ("update owner: 'Vanessa St. John'", ["Vanessa", "John"]),
        ('name="Kimberly Ste. Marie" status=ok', ["Kimberly", "Marie"]),
        ('update user: "Juan Luis St. John"', ["Juan", "John"]),
    ],
)
def test_joined_and_saint_surnames_are_masked(text: str, secrets: list[str]) -> None:
    out = redact_text(text)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "invoice from Roe & Sons Ltd. paid",
        "vendor Bocca e Figli site registry.npmjs.org",
        "deployed to St. Louis region",
        "Worker(name='celery@host-3', pool='prefork')",
    ],
)
def test_firms_and_places_stay(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("appointment for Robert Jones Ltd. on 1933-05-03 confirmed", ["Robert", "Jones", "1933-05-03"]),
        ("patient Clara Macedo GmbH referred, DOB 1977-05-31", ["Clara", "Macedo"]),
    ],
)
def test_a_legal_form_after_a_cared_for_name_is_no_firm(text: str, secrets: list[str]) -> None:
    out = redact_text(text)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    ["vendor Jane Roe Ltd paid", "appointment booked with Acme Holdings Ltd.", "supplier Hines Ltd invoiced"],
)
def test_firms_outside_care_stay(text: str) -> None:
    assert redact_text(text) == text
