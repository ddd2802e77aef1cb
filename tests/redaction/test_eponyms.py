"""Diseases, signs, tests and procedures named after a person are no one's name; a person before them still is."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._eponyms import EponymDetector

REDACTOR = Redactor()

EPONYMS = [
    "Parkinson's disease",
    "Crohn's disease",
    "Alzheimer's dementia",
    "Hodgkin's lymphoma",
    "Wilson's disease",
    "Murphy's sign",
    "Bell's palsy",
    "Cushing's triad",
    "Tanner stage 3",
    "Cheyne-Stokes respiration",
    "Mallory-Weiss tear",
    "Barrett esophagus",
    "Allen test",
    "Whipple procedure",
    "tetralogy of Fallot",
]


@pytest.mark.parametrize("eponym", EPONYMS)
@pytest.mark.parametrize(
    "template", ["{} noted", "Dx: {}", "history of {}, stable", "cohort of {} patients: 14 enrolled", "Noted {} today"]
)
def test_an_eponym_after_a_cue_stays(template: str, eponym: str) -> None:
    text = template.format(eponym)
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("patient Jane Wilson's disease clinic visit", "Jane Wilson"),
        ("Mr. Okafor's syndrome worsened", "Okafor"),
        ("patient Okafor's test results ready", "Okafor"),
        ("patient Roe's sign off today", "Roe"),
        ("seen Jane Roe, Parkinson's disease, MRN 12345678", "Jane Roe"),
    ],
)
def test_a_person_before_an_eponym_shape_is_still_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


def test_the_detector_only_keeps() -> None:
    spans = list(EponymDetector().find("history of Crohn's disease and tetralogy of Fallot"))
    assert [kind for _, _, kind in spans] == ["KEEP", "KEEP"]
    assert list(EponymDetector().find("for Jane's syndrome")) == []


@pytest.mark.parametrize(
    "text",
    [
        "pt Parkinson's disease, f/u 3 mo",
        "patient with Crohn's disease flare",
        "pt Guillain-Barre syndrome, improving",
        "known Crohn's, on infliximab",
        "Addison's crisis ruled out",
        "Dx: Hashimoto's.",
    ],
)
def test_a_listed_eponym_stays_after_a_person_word_and_as_a_bare_possessive(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("patient Parkinson's chart reviewed", "Parkinson"),
        ("Mr. Parkinson's disease clinic", "Parkinson"),
        ("Jane Crohn's visit today", "Jane Crohn"),
    ],
)
def test_a_listed_eponym_that_is_someone_is_still_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


def test_an_eponym_stays_in_a_field_in_bytes_and_in_a_labelled_pair() -> None:
    record = {
        "dx": "history of Parkinson's disease",
        "note": b"pt Parkinson's disease, stable",
        "items": [("diagnosis", "Crohn's disease")],
    }
    assert REDACTOR.redact(record) == {
        "dx": "history of Parkinson's disease",
        "note": "pt Parkinson's disease, stable",
        "items": [["diagnosis", "Crohn's disease"]],
    }
