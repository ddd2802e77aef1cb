"""A value put in a shape a keep rule leaves alone: the product after a drug word, the surname of a head-first
eponym, a phone number after an id word, a name among other words of a picture's file name."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("patient Cloe Scott: dose of Scott increased", "Scott"),
        ("formulary tier for Valenzuela: 3 (member Domitila Valenzuela)", "Valenzuela"),
        ("paciente Heather Ullmann, enfermedad de Ullmann", "Ullmann"),
        ("Patientin Greta Dörschner, Morbus Dörschner", "Dörschner"),
        ("patient Roe, Jane: tier for Roe", "Roe"),
        ("Dr. Jane Addison: enfermedad de Addison", "Addison"),
        ("member Allegra Smith: dose of Allegra", "Allegra"),
    ],
)
def test_a_kept_word_the_same_text_gives_a_person_is_masked(text: str, value: str) -> None:
    out = REDACTOR.redact_text(text)
    assert value not in out
    assert "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "text",
    [
        "dose of Lyrica increased",
        "enfermedad de Addison, control anual",
        "Leitlinie Morbus Crohn",
        "seen Jane Roe; Morbus Crohn follow-up",
        "Rx Chantix 1mg for patient Jane Roe",
    ],
)
def test_a_kept_word_no_name_of_the_text_holds_stays(text: str) -> None:
    out = REDACTOR.redact_text(text)
    for word in ("Lyrica", "Addison", "Crohn", "Chantix"):
        if word in text:
            assert word in out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("contact Cloe Scott ticket 07700 900123", "900123"),
        ("Mme Roy order 06 42 62 94 18", "94 18"),
        ("patient ticket 07700 900123", "900123"),
        ("Sr. Ibáñez, ref 06.42.62.94.18", "94.18"),
    ],
)
def test_a_phone_shaped_number_after_an_id_word_beside_a_person_is_masked(text: str, value: str) -> None:
    out = REDACTOR.redact_text(text)
    assert value not in out
    assert "[REDACTED:PHONE]" in out


@pytest.mark.parametrize(
    "text",
    ["ticket 06 42 62 94 18", "Jira PROJ ticket 06 42 62 94 18", "Deploy Kubernetes build 07700 900123 failed"],
)
def test_a_phone_shaped_id_with_no_person_before_it_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("saved IMG_1_sunset_jane_lopez.jpg", "lopez"),
        ("IMG_4410_beach_katherineroth.png", "katherineroth"),
        ("wound_left_heel_sunset_maria_gonzalez.jpg", "gonzalez"),
        ("IMG_20240101_party_Maria_Hernandez.jpg", "Hernandez"),
    ],
)
def test_a_name_among_other_words_of_a_pictures_name_is_masked(text: str, value: str) -> None:
    out = REDACTOR.redact_text(text)
    assert value not in out
    assert "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "text",
    [
        "IMG_2041_sunset.jpg",
        "beach_katherineroth_party.png",
        "IMG_1_victoria_samsung_lobby.jpg",
        "george_washington_bridge.jpg",
        "new_york_skyline.jpg",
        "logo_small_dark.png",
    ],
)
def test_a_pictures_name_of_other_words_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("GET /room/maria-lopez?id=4461", "lopez"),
        ("GET /booking/joe-ortiz/confirm", "ortiz"),
        ("GET /waiting/maria-gonzalez HTTP/1.1", "gonzalez"),
    ],
)
def test_a_name_slug_on_a_persons_own_page_without_its_number_is_masked(text: str, value: str) -> None:
    out = REDACTOR.redact_text(text)
    assert value not in out
    assert "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "text",
    [
        "GET /room/rose-garden",
        "GET /room/weekly-standup",
        "GET /rooms/help-lauren-class",
        "GET /appointments/yoga-winter-kafka",
        "GET /p/kafka-streams",
        "GET /c/new-york",
    ],
)
def test_a_slug_of_other_words_on_a_page_without_a_number_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
