"""A person's town in everyday application logs, with no street: after ``in``/``from``/``to`` or set off beside
the person (a name, a record number, hipaalog's mask of an argument), in a repr's items, before a state and a
ZIP code with no comma, after a shipping word and a state, after ``city`` in any script; and the same templates
where the town is a warehouse's, a vendor's or a data centre's, which are kept."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from faker import Faker

from hipaalog.redaction import Redactor
from hipaalog.testing import LogCapture, capture

REDACTOR = Redactor()


def _invented_towns() -> list[str]:
    """Towns Faker makes up (``Lake Jessicaberg``, ``North Ronaldville``), which no table of towns lists."""
    fake = Faker("en_US")
    fake.seed_instance(9)
    towns: list[str] = []
    while len(towns) < 12:
        town = fake.city()
        if town.split()[-1].endswith(("berg", "ville", "furt", "burgh", "mouth", "land", "haven", "side")):
            towns.append(town)
    return towns


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("visit scheduled in Lake Jessicaberg for [REDACTED:NAME]", "Jessicaberg"),
        ("caller from North Ronaldville asked about claim status, dob [REDACTED:DOB]", "Ronaldville"),
        ("new patient [REDACTED:NAME], Port Wayneberg", "Wayneberg"),
        ("appointment booked for [REDACTED:NAME] (South Frankmouth)", "Frankmouth"),
        ("member [REDACTED:NAME] (Dennisburgh, AZ)", "Dennisburgh"),
        ("[REDACTED:NAME] from Millet-sur-Pichon checked in", "Millet-sur-Pichon"),
        ("PATIENT [REDACTED:NAME] FROM GRÆSTED", "GRÆSTED"),
    ],
)
def test_a_town_beside_a_person_masked_before_is_masked(text: str, town: str) -> None:
    assert town not in REDACTOR.redact_text(text)


@pytest.mark.parametrize("template", ["caller from {} asked about a refill, MRN 48213377", "new patient Jane Roe, {}"])
def test_invented_towns_beside_a_person_are_masked(template: str) -> None:
    towns = _invented_towns()
    left = [town for town in towns if town.split()[-1] in REDACTOR.redact_text(template.format(town))]
    assert not left, left


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("row={'last': 'Speer', 'first': 'Hugo', 'home': 'Ansbach'}", "Ansbach"),  # Hugo is also a town
        ("{'name': 'Jane Roe', 'home': 'North Ronaldville'}", "Ronaldville"),
    ],
)
def test_a_town_in_a_repr_beside_a_name_is_masked(text: str, town: str) -> None:
    assert town not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("East Erinhaven CO 33400", ("Erinhaven", "33400")),
        ("mailing label: Barcelona CO 25275", ("Barcelona", "25275")),
        ("ship to: Lake Jessicaberg, NY", ("Jessicaberg",)),
        ("deliver to: Randers, WA", ("Randers",)),
        ("caller [REDACTED:NAME], phone [REDACTED:PHONE], city Saint-Étienne", ("Étienne",)),
        ("caller [REDACTED:NAME], city Duval-la-Forêt", ("Duval",)),
    ],
)
def test_a_town_by_its_state_its_zip_or_its_word_is_masked(text: str, values: tuple[str, ...]) -> None:
    out = REDACTOR.redact_text(text)
    for value in values:
        assert value not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "warehouse scheduled in Lake Jessicaberg",
        "deployed release 4.2.1 to North Ronaldville",
        "vendor Olsen & Søn ApS (Lake Jessicaberg, CA)",
        "row=('Walton LLC', 'Laurenshire', 'PA')",
        "row=('Cunha Pimenta - EI', 'Lake Jessicaberg', 'IA')",
        "Williams Group HQ in Atlanta, GA",
        "ship from: Randers warehouse",
        "order 4411 shipped to Dallas fulfillment center",
        "mail server relocated to Frankfurt",
        "patient Jane Roe transferred to Radiology",
        "member Jane Roe from Aetna",
        "user Jane Roe logged in to Epic",
        "location Main Lobby",
        "town hall meeting at noon",
    ],
)
def test_a_town_of_no_person_and_words_beside_a_person_are_kept(text: str) -> None:
    out = REDACTOR.redact_text(text)
    assert "[REDACTED:ADDRESS]" not in out and "[REDACTED:ZIP]" not in out, out


def test_a_town_that_holds_the_only_name_found_is_no_persons() -> None:
    # The name reader may take part of a town for a name: that guess alone makes no text about a person.
    out = REDACTOR.redact_text("warehouse scheduled in São José dos Campos")
    assert "[REDACTED:ADDRESS]" not in out, out


def test_the_town_reader_follows_the_detectors_chosen() -> None:
    without_places = Redactor(disable=["places"])
    out = without_places.redact_text("pharmacy pickup in Lake Jessicaberg for [REDACTED:NAME]")
    assert "Jessicaberg" in out, out


@pytest.fixture
def captured() -> Iterator[LogCapture]:
    with capture() as cap:
        yield cap


def test_a_town_argument_beside_a_name_argument_is_masked_when_logged(captured: LogCapture) -> None:
    # The name is masked before the message is formatted: the town's reader sees only the mask.
    logging.getLogger("app.pharmacy").warning("pharmacy pickup in %s for %s", "Frederiksværk", "Lærke Winther")
    message = captured.records[-1]["message"]
    assert "Frederiksværk" not in message and "Winther" not in message, message


def test_a_town_in_a_dict_repr_argument_is_masked_when_logged(captured: LogCapture) -> None:
    logging.getLogger("app.members").warning("row=%r", {"name": "Jane Roe", "home": "North Ronaldville"})
    message = captured.records[-1]["message"]
    assert "Ronaldville" not in message, message


def test_a_warehouse_town_argument_is_kept_when_logged(captured: LogCapture) -> None:
    logging.getLogger("app.stock").warning("warehouse scheduled in %s", "Lake Jessicaberg")
    assert captured.records[-1]["message"] == "warehouse scheduled in Lake Jessicaberg"
