"""Names whose parts no table lists: a listed given name before an unknown word, and whole ``%s`` arguments."""

from __future__ import annotations

import logging

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._lexicon import ENGLISH, unknown_word
from hipaalog.redaction._names import PersonNameDetector, name_shaped
from hipaalog.redaction._records import clean_message
from hipaalog.testing import capture

REDACTOR = Redactor()
DETECTOR = PersonNameDetector()


def _message(template: str, *args: object, redactor: Redactor = REDACTOR) -> str:
    msg, clean_args = clean_message(template, args, redactor)
    return str(msg % clean_args)


def test_the_english_word_list_ships_with_the_package() -> None:
    assert len(ENGLISH) > 50_000 and {"payment", "mercy", "west"} <= ENGLISH
    assert unknown_word("Wrzesniak") and not unknown_word("Payment") and not unknown_word("Grafana")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ian Fogaça checked in at front desk", "Ian Fogaça"),
        ("ticket #4411: Tadeusz Wrzesniak cannot log in", "Tadeusz Wrzesniak"),
        ("paged Bethany Okonkwo-Adeyemi about the result", "Bethany Okonkwo-Adeyemi"),
        ("Ana Luisa Montaño is disputing the charge", "Ana Luisa Montaño"),
    ],
)
def test_a_listed_given_name_before_a_word_no_table_or_dictionary_knows(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "text",
    [
        "Ian Kubernetes cluster restarted",  # software, not a surname
        "Heather Payment plan accepted",  # an English word
        "Will Zorbax retry?",  # a given name that is also a word needs a listed surname
        "deploying to San Francisco",  # a place's first word
        "Santa Clara region healthy",
        "Started Uvicorn Server on port 8000",
        "Grafana Loki ingester ready",
    ],
)
def test_capitalised_words_that_are_no_name_survive(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    "value",
    [
        "Tadeusz Wrzesniak",
        "Bento Silveira",
        "SARAH SCHACHT",
        "steven lewis",
        "Ian Fogaça",
        "Siobhan Van Der Merwe",
        "Van Der Merwe, Siobhan",
        "Casa Grande, Brenda",
        "Thandiwe B. Fitzgerald-Oyelaran",
        "Nguyen Thi Brzęczyszczykiewicz",
        "John Smith",
        "Julia Pires",  # a given name that is also software's, before a surname no dictionary holds
        "HEATHER DAVIDSON",
    ],
)
def test_whole_values_shaped_like_names(value: str) -> None:
    assert name_shaped(value)


@pytest.mark.parametrize(
    "value",
    [
        "Payment Failed",
        "Internal Server Error",
        "New York",
        "San Francisco",
        "Los Angeles",
        "Claims API",
        "Grafana Loki",
        "Kaiser Permanente",
        "Jordan Valley",  # a given name that is also a word or place, before an English word
        "Grace Hopper",
        "Julia Kubernetes",
        "Amber Alert",
        "not found",
        "in progress",
        "Mobile Safari",
        "Jane",  # one word
        "Room 12",
        "A" * 80,
    ],
)
def test_whole_values_that_are_no_names(value: str) -> None:
    assert not name_shaped(value)


@pytest.mark.parametrize(
    ("template", "args"),
    [
        ("Pharmacist %s counselled %s on warfarin", ("Blanka Bogumil", "Bento Silveira")),
        ("date of death %s recorded for %s", ("December 5, 2020", "Iwo Jasica")),
        ("pathology report for %s signed out", ("YUSUF FEATHERSTONEHAUGH",)),
        ("Rx #33141 filled for %s: atorvastatin 20 mg tab", ("Yasti Palla",)),
        ("transferred %(who)s to the nurse line", {"who": "steven lewis"}),
    ],
)
def test_arguments_that_are_names_are_masked(template: str, args: tuple[object, ...] | dict[str, object]) -> None:
    msg, clean_args = clean_message(template, args, REDACTOR)
    out = msg % clean_args
    values = args.values() if isinstance(args, dict) else args
    for value in values:
        for part in str(value).split():
            if part.isalpha() and len(part) > 3 and part[0].isupper() and part not in ("December",):
                assert part not in out, out
    assert "[REDACTED:NAME]" in out


def test_arguments_that_are_no_names_are_kept() -> None:
    assert _message("status %s for %s", "Payment Failed", "Claims API") == "status Payment Failed for Claims API"
    assert _message("deploying to %s", "Los Angeles") == "deploying to Los Angeles"


def test_the_argument_rule_follows_the_name_model_being_disabled() -> None:
    redactor = Redactor(disable=["person_name"])
    assert _message("notified %s", "Tadeusz Wrzesniak", redactor=redactor) == "notified Tadeusz Wrzesniak"


def test_arguments_that_are_names_through_a_real_logger() -> None:
    with capture() as logs:
        logging.getLogger("unlisted-names").warning("Pacjent %s zadzwonił", "Tadeusz Wrzesniak")
    assert logs.messages == ["Pacjent [REDACTED:NAME] zadzwonił"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("appointment booked for Obiageli Nwachukwu on 2024-05-01", "Obiageli Nwachukwu"),
        ("referral to cardiology for Yvon Lemarchand, lives nearby", "Yvon Lemarchand"),
        ("Pacjent Zbyszko Wrzesniak zadzwonil w sprawie wynikow", "Zbyszko Wrzesniak"),
        ("ADEBOLA OKUNADE d/c home w/ daughter", "ADEBOLA OKUNADE"),
        ("pathology report ready S. L. Okafor", "S. L. Okafor"),
        ("lab drawn by R. Wrzesniak", "R. Wrzesniak"),
    ],
)
def test_whole_names_no_table_lists(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and name.rsplit(maxsplit=1)[-1] not in out, out
    assert "[REDACTED:NAME]" in out


def test_a_cue_opening_the_run_is_kept() -> None:
    assert REDACTOR.redact_text("Pacjent Zbyszko Wrzesniak zadzwonil").startswith("Pacjent [REDACTED:NAME]")


@pytest.mark.parametrize(
    "text",
    [
        "Datacenter Frankfurt latency p99 151 ms",  # a compound of English words is software's name
        "Webhook Dispatcher started",
        "PACS DICOM router restarted",  # acronyms of health IT standards
        "AWS KMS key rotated",
        "Washington Post feed and Austin Texas office",
        "Connected to Mirth Connect channel ADT",
        "Figure A. Results table",
        "Will Zorbax retry?",
    ],
)
def test_runs_of_capitalised_words_that_are_no_names(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_the_gate_selects_the_names_model_for_names_no_table_lists() -> None:
    from hipaalog.redaction._gate import PERSON, gate

    assert gate("booked for Obiageli Nwachukwu") & PERSON
    assert not gate("restarted Kubernetes Ingress") & PERSON


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("pt obiageli nwachukwu 80f c/o sob", "obiageli nwachukwu"),
        ("patient zbyszko wrzesniak arrived", "zbyszko wrzesniak"),
        ("hi its tamiko can i move my appt", "tamiko"),
        ("hello, i'm oyelaran calling back about the bill", "oyelaran"),
    ],
)
def test_lower_case_names_no_table_lists_after_a_strong_cue_or_greeting(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "pt metoprolol tartrate 25mg",  # a drug, by its ending
        "pt lisinopril 10 mg daily",
        "pt npo after midnight",  # clinical abbreviations
        "pt nkda",
        "patient ambulated well",
        "hi its me again",
        "this is fine",
        "hi kubernetes",
        "caller zorbak wants refill",  # one unknown word after a cue that is no greeting
    ],
)
def test_lower_case_clinical_words_are_no_names(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("rn note: Bethany ambulated 20ft w/ walker", "Bethany"),
        ("Reginald refused meds this am", "Reginald"),
        ("Warning: Yolanda is waiting in room 4", "Yolanda"),
    ],
)
def test_a_given_name_opening_a_sentence_before_a_verb(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out, out


@pytest.mark.parametrize(
    "text",
    ["Jenkins started build 41", "Travis started build 9", "Celery received task", "Austin deployed", "Nova started"],
)
def test_software_named_like_people_opening_a_sentence_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("la señora Gomez de 104 años pidió cita", "Gomez"),
        ("Rückruf an frau Wrzesniak erbeten", "Wrzesniak"),
        ("Rückruf an Frau Wrzesniak erbeten", "Wrzesniak"),
        ("rappeler Mme Lemarchand au sujet du rendez-vous", "Lemarchand"),
    ],
)
def test_titles_of_other_languages_are_cues(text: str, name: str) -> None:
    assert name not in REDACTOR.redact_text(text)
