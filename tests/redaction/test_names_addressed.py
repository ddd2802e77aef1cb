"""Names a label of a name part, a greeting or a preposition of address points at; given/family beside a person."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._gate import NAME, PERSON, gate

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("surname Ędrzejczak did not match the card", "Ędrzejczak"),
        ("last name 'quilbarro' has unexpected characters", "quilbarro"),
        ('family name "Nettleworth" exceeds 35 characters', "Nettleworth"),
        ("Nachname Wübbenhorst fehlt im Formular", "Wübbenhorst"),
        ("apellido Zaldumbide no coincide con el padrón", "Zaldumbide"),
        ("prénom: Ombeline", "Ombeline"),
        ("cognome Sgarbozza non valido", "Sgarbozza"),
        ("middle name is Thaddeus", "Thaddeus"),
        ("фамилия Голубкова не совпадает", "Голубкова"),
    ],
)
def test_a_value_after_a_label_of_a_name_part_is_a_name(text: str, name: str) -> None:
    assert gate(text) & (NAME | PERSON)
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thanks Wojtaszek!", "Wojtaszek"),
        ("welcome back, Ifeyinwa", "Ifeyinwa"),
        ("Dear brambillo, please sign the consent form", "brambillo"),
        ("Hello quetzali ozomatlan, your results are ready", "quetzali ozomatlan"),
        ("Bonjour Ysaline, votre rendez-vous est confirmé", "Ysaline"),
        ("Hallo Jorinde! Ihr Termin", "Jorinde"),
        ("Thanks, Jie", "Jie"),  # a listed given name after a greeting and its comma
    ],
)
def test_a_name_after_a_greeting_is_a_name(text: str, name: str) -> None:
    assert gate(text) & (NAME | PERSON)
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("user nurse7 opened chart of Victoria Pennefather", "Victoria Pennefather"),
        ("sms to Anatole Brisebarre failed (carrier error)", "Anatole Brisebarre"),
        ("refill requested by Oyelowo Adebisi-Kuti", "Oyelowo Adebisi-Kuti"),
        ("rendez-vous confirmé pour ombeline quennehen", "ombeline quennehen"),
        ("Termin für Jorinde Wübbenhorst verschoben", "Jorinde Wübbenhorst"),
    ],
)
def test_a_name_after_a_preposition_of_address_is_a_name(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out
    for part in name.split(" "):
        assert part not in out


@pytest.mark.parametrize(
    "text",
    [
        "last name field is required",
        "First name must not be empty",
        "surname: null",
        "Hi there, welcome",
        "Hello World!",
        "thanks for waiting",
        "Hi team,",
        "Dear Customer,",
        "Good morning, everyone",
        "for Blue Cross Blue Shield",
        "connected to Amazon Web Services",
        "forwarded to Quest Diagnostics",
        "upload to Azure Blob failed",
        "triggered by Jenkins Pipeline",
        "migrated from Cerner Millennium",
        "request to Epic Systems timed out",
        "rate limit for AWS KMS exceeded",
        "shipped from San Diego",
        "plugin for Visual Studio Code",
    ],
)
def test_words_that_are_no_one_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    "value",
    [
        {"given": "Ottilie", "family": "Brennecke", "geburtsdatum": "1951-04-09"},
        {"firstName": "Ottilie", "family": "Brennecke"},
        {"given": "Ottilie", "last_name": "Brennecke", "tel": "+49 30 1234 5678"},
        {"payload": {"data": {"given": "Ottilie", "nom": "Brennecke", "birthDate": "1951-04-09"}}},
    ],
)
def test_given_and_family_beside_a_persons_field_are_a_name(value: dict[str, object]) -> None:
    out = repr(REDACTOR.redact(value))
    assert "Ottilie" not in out and "Brennecke" not in out


@pytest.mark.parametrize(
    "value",
    [
        {"family": "Roboto", "size": 12, "weight": "bold"},  # a font
        {"family": "t3", "given": "2 vCPU", "region": "us-east-1"},  # nothing about a person beside them
        {"family": "inet", "port": 5432, "given": "ipv4"},  # an address family: no person's key beside it
    ],
)
def test_given_and_family_alone_are_kept(value: dict[str, object]) -> None:
    assert REDACTOR.redact(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "MWANGI, Wanjiru",  # a surname in capitals before a given name in title case
        "Rania al-Tamimi",  # a particle glued to the surname by a hyphen
        "N'golo Kanteh",  # an apostrophe after the first letter
        "Halyna Kovalʼchuk",  # the modifier letter apostrophe of Ukrainian transliteration
    ],
)
def test_names_written_in_other_conventions_under_a_persons_key_are_masked(value: str) -> None:
    assert REDACTOR.redact({"beneficiary": value}) == {"beneficiary": "[REDACTED:NAME]"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tamsin okorafor checked in", "tamsin okorafor"),
        ("[intake] Ysolde accepted the terms", "Ysolde"),
        ("event: wojciech brzeczyszczykiewicz logged in", "wojciech brzeczyszczykiewicz"),
        ("Anselm Quigleybottom cancelled", "Anselm Quigleybottom"),
    ],
)
def test_a_name_opening_a_sentence_before_a_persons_act_is_a_name(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "text",
    ["jsmith logged in", "user logged in", "Redis logged in", "job cancelled", "System checked in", "admin signed in"],
)
def test_a_login_a_role_or_software_before_an_act_is_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
