"""Names written in capitals after a cue word, towns after a place cue, postcodes after a compound address word."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("CALLER ROSALIND FAIRWEATHER REQUESTED CALLBACK", "ROSALIND FAIRWEATHER"),
        ("Caller ROSALIND FAIRWEATHER ASKED ABOUT COPAY", "ROSALIND FAIRWEATHER"),
        ("CALLER: EVANGELINE THORNBURY LEFT VOICEMAIL", "EVANGELINE THORNBURY"),
        ("REFILL AUTHORIZED BY CORDELIA MCALLISTER TODAY", "CORDELIA MCALLISTER"),
        ("CLIENT TOMASZ WIERZBICKI NO SHOW", "TOMASZ WIERZBICKI"),
    ],
)
def test_a_name_in_capitals_after_a_cue_in_a_line_of_capitals(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and name.rsplit(maxsplit=1)[-1] not in out and "[REDACTED:NAME]" in out
    assert out.split()[0] == text.split(maxsplit=1)[0]  # the cue word stays


@pytest.mark.parametrize(
    "text",
    [
        "ERROR CONNECTION RESET BY PEER",
        "BATCH JOB CLAIMS RUN COMPLETE",
        "CALLER SERVICE BILLING FAILED",
        "CALLER ID BLOCKED BY CARRIER",
        "MEMBER ELIGIBILITY CHECK COMPLETE FOR GROUP PLAN",
        "REQUEST FORWARDED TO BILLING QUEUE",
        "PATIENT RECORD NOT FOUND",
        "TASK OWNED BY PLATFORM TEAM",
    ],
)
def test_a_line_of_capitals_without_a_name_is_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("LOCATION ZELLWOODBURY FL", "ZELLWOODBURY"),
        ("geo lookup city Port Delmarsh state OR", "Port Delmarsh"),
        ("resolved location Kettlewick, VT", "Kettlewick"),
        ("town Ambrosedale flagged for outreach", "Ambrosedale"),
        ("CITY NORTH QUILLAN STATE NE", "NORTH QUILLAN"),
        ("hometown Lake Orvalle", "Lake Orvalle"),
    ],
)
def test_a_town_after_a_place_cue_without_a_zip(text: str, place: str) -> None:
    out = REDACTOR.redact_text(text)
    assert place not in out and "[REDACTED:" in out


@pytest.mark.parametrize(
    "text",
    [
        "location eu-west-1",
        "LOCATION US-EAST-1",
        "location Main Lobby",
        "LOCATION DATACENTER CA",
        "town hall meeting at noon",
        "city field missing from payload",
        "cache location Redis",
    ],
)
def test_a_place_cue_before_no_town_keeps_the_text(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Versandadresse: 35578 Weilburgtal", ("35578", "Weilburgtal")),
        ("Lieferadresse 20457 Hamburg", ("20457", "Hamburg")),
        ("Rechnungsanschrift: Hauptgasse 4, 79098 Freiburg", ("79098", "Hauptgasse")),
        ("bezorgadres: 3512 JK Utrecht", ("3512 JK",)),
        ("Lieferadresse: Ottersby KT4 7QP", ("Ottersby", "KT4 7QP")),
        ("Postanschrift Fennimore Cross LS6 1AN", ("Fennimore", "LS6 1AN")),
    ],
)
def test_a_postcode_and_town_after_a_compound_or_foreign_address_word(text: str, hidden: tuple[str, ...]) -> None:
    out = REDACTOR.redact_text(text)
    assert all(part not in out for part in hidden), out


@pytest.mark.parametrize(
    "text",
    [
        "IP-Adresse 10.0.0.1 gesperrt",
        "Serveradresse 10.2.3.4:8080",
        "Lieferadresse fehlt im Auftrag",
        "Rechnungsadresse: unbekannt",
    ],
)
def test_a_technical_address_word_keeps_the_text(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
