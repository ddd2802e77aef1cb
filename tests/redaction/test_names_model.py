"""Names without a cue word: census given names and surnames, capitalisation and neighbours."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._name_table import GIVEN, SURNAME_RANK
from hipaalog.redaction._names import PersonNameDetector

REDACTOR = Redactor()
DETECTOR = PersonNameDetector()


def test_the_census_table_ships_with_the_package() -> None:
    assert len(GIVEN) > 5000 and len(SURNAME_RANK) > 20000
    assert "jennifer" in GIVEN and SURNAME_RANK["smith"] == 0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("appointment booked for Jennifer Okafor at 10", "Jennifer Okafor"),
        ("KeyError: Mary Ann Whitfield", "Mary Ann Whitfield"),
        ("escalated by Harold Q. Bexley today", "Harold Q. Bexley"),
        ("chart owner Whitfield, Jennifer", "Whitfield, Jennifer"),
        ("chart owner WHITFIELD, JENNIFER", "WHITFIELD, JENNIFER"),
        ("note from Patrick O'Brien", "Patrick O'Brien"),
        ("sent by Maria Garcia-Lopez", "Maria Garcia-Lopez"),
        ("May Johnson called back", "May Johnson"),
        ("Subject: Appointment reminder for Glynda", "Glynda"),
        ("Message from Harrison: please call me back", "Harrison"),
    ],
)
def test_names_are_found_without_a_cue(text: str, name: str) -> None:
    assert name in [text[a:b] for a, b, _ in DETECTOR.find(text)]
    assert name not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Grant Type client_credentials rejected",
        "Will Retry in 5s",
        "Chase Bank declined the card",
        "OrderService started by JacksonParser",
        'File "/app/services/jane.py", line 3, in handle',
        "Content-Type: application/json; Accept-Language: en-US",
        "Mark Complete clicked",
        "Error, Service unavailable",
        "Kafka Connect worker rebalanced",
        "Max Retries exceeded for Redis Cluster",
        "Washington Post feed and Austin Texas office",
        "waiting for Jenkins.",
        "Hello, World",
        "jane.roe.module imported; org.apache.kafka.Consumer started",
        "Page Service returned 503",
    ],
)
def test_log_text_that_looks_like_names_survives(text: str) -> None:
    assert list(DETECTOR.find(text)) == []
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [("Jennifer Okafor's chart was updated", "Jennifer Okafor"), ("Mary-Jane Whitfield called", "Mary-Jane Whitfield")],
)
def test_possessives_and_hyphenated_given_names(text: str, name: str) -> None:
    assert name not in REDACTOR.redact_text(text)


def test_names_in_capitals_alone_but_not_sentences_in_capitals() -> None:
    assert "MARIA GARCIA" not in REDACTOR.redact_text("see MARIA GARCIA. at desk 4")
    assert "JOHN Q SMITH" not in REDACTOR.redact_text("JOHN Q SMITH arrived")
    for text in ("ERROR SERVICE DOWN", "MARK COMPLETE", "GET /api HTTP/1.1 200", "RETRY LIMIT REACHED FOR JOB 7"):
        assert list(DETECTOR.find(text)) == [], text


def test_a_frequent_surname_alone_after_for_ends_a_phrase() -> None:
    assert "Holland" not in REDACTOR.redact_text("pump SN15368534 paired for Holland")
    for text in ("waiting for Jenkins.", "retry for Kafka", "built for Production", "tuned for Speed, then"):
        assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("appointment booked for Priya Raman at 10", "Priya Raman"),  # 2020 given name, 2010 surname
        ("escalated by Wojciech Kowalski today", "Wojciech Kowalski"),
        ("note from Oluwaseun Adeyemi", "Oluwaseun"),
        ("KeyError: Svetlana Ivanova", "Svetlana Ivanova"),
        ("chart owner Nguyen, Thanh", "Nguyen, Thanh"),
    ],
)
def test_names_of_the_newer_census_tables_are_found(text: str, name: str) -> None:
    """The 2020 first names and 2010 surnames reach names the 1990 files never held."""
    assert name not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "waiting for Cassandra Driver",
        "retry for Apollo Server",
        "mailing to Cambridge, MA 02139-4307",
        "London Bridge deploy finished",
        "Tesla Model sync done",
        "Dev Team notified",
    ],
)
def test_newer_given_names_that_are_also_words_need_a_frequent_surname(text: str) -> None:
    """Given names the newer tables add that are places, brands or words (``[given-ambiguous]``) and
    surnames that are English words (``Driver``) do not make a name on their own."""
    assert "[REDACTED:NAME]" not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Can someone call Marisol? She's at the front desk", "Marisol"),
        ("per Meghan, her new number is on file", "Meghan"),
        ("Your lab results are ready, Desmond", "Desmond"),
        ("transferred Jozef Pastucha to the nurse line", "Pastucha"),
    ],
)
def test_a_given_name_inside_a_sentence(text: str, name: str) -> None:
    """A census given name (no common word) between lower-case words and punctuation is a person's,
    alone or with the capitalised word after it."""
    assert name not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Release Alpha Build on 02/09/2022",
        "deployed to Dallas today",
        "connected to Redis Cluster",
        "waiting on Jenkins",
        "per Jones, ok",
        "Hello, World",
    ],
)
def test_capitalised_words_in_sentences_that_are_no_given_names_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
