"""Lower-case names after a cue written in any case (``Name=``, ``NAME:``, ``Mrs.``, ``this is``), and names
written with Latin letters that have no decomposition (``ə``, ``ɛ``, ``ŋ``, ``ɓ``)."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text
from hipaalog.redaction._normalize import ascii_letters


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Name: jonas weber", "jonas weber"),
        ("NAME=jonas weber", "jonas weber"),
        ("reminder for Name=greta lindqvist (plate)", "greta lindqvist"),
        ("Mrs. ingrid solberg called back", "ingrid solberg"),
        ("Hi, this is marco bianchi. I need a refill", "marco bianchi"),
        ("caller identified as paolo ferri, verified", "paolo ferri"),
    ],
)
def test_lower_case_name_after_cue_in_any_case(text: str, name: str) -> None:
    out = redact_text(text)
    assert name not in out
    assert "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Patient HIKMƏT ƏSƏDLI", "ƏSƏDLI"),
        ("Pt name Nurlan Məmmədli", "Məmmədli"),
        ("spoke with aynur məmmədova today", "məmmədova"),
        ("patient Ɔbɛna Mɛnsah seen", "Mɛnsah"),
        ("patient Ŋozi Ɓello seen", "Ɓello"),
    ],
)
def test_names_with_undecomposed_latin_letters(text: str, name: str) -> None:
    assert name not in redact_text(text)


def test_undecomposed_letters_read_one_for_one() -> None:
    assert ascii_letters("ƏSƏDLI Mɛnsah Ŋozi") == "ESEDLI Mensah Nozi"


@pytest.mark.parametrize(
    "text",
    [
        "Name: worker pool drained",
        "NAME=default queue",
        "This is fine, retry later",
        "For more details see the runbook",
        "Identified as duplicate request, skipped",
        "Message delivered to queue orders",
        "With retries enabled the job succeeded",
        "Hi, this is the nightly build bot",
        "Owner: platform team",
    ],
)
def test_benign_text_after_capitalised_cues_stays(text: str) -> None:
    assert redact_text(text) == text
