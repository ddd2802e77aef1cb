"""Ages over 89 said of a person without an age word, with a fraction, a unit label or a sex letter."""

from __future__ import annotations

import logging

import pytest

from hipaalog.redaction import Redactor
from hipaalog.testing import capture

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pt is 93", "pt is 90+"),
        ("he is 93.", "he is 90+."),
        ("she was 94 female", "she was 90+ female"),
        ("patient was 95, lives alone", "patient was 90+, lives alone"),
        ("pt 93F", "pt 90+F"),
        ("pt 93M chest pain", "pt 90+M chest pain"),
        ("age 93.5", "age 90+"),
        ("age 93.", "age 90+."),
        ("age in years: 93", "age in years: 90+"),
        ("DOB 1931 (93)", "DOB 1931 (90+)"),
    ],
)
def test_a_persons_age_over_89_is_aggregated(text: str, expected: str) -> None:
    assert REDACTOR.redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "heap 94M",
        "member 95M premium",
        "client 93 requests",
        "he has 95 tickets",
        "he is 93 km away",
        "pt 93 ml",
        "version 93.5 released",
        "cache age 93.5 s",
        "rate 93.",
        "build 2021 (93)",
        "she is 100% sure",
        "pt is 54",
    ],
)
def test_numbers_that_are_no_age_over_89_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_the_same_ages_arrive_masked_as_arguments_extras_and_mappings() -> None:
    log = logging.getLogger("tests.ages")
    with capture() as logs:
        log.warning("pt is %s", 93)
        log.warning("pt %dF", 94)
        log.warning("%(who)s was %(age)d", {"who": "she", "age": 95})
        log.warning("note", extra={"note": "he is 96 male"})
    texts = [record["message"] for record in logs.records] + [logs.records[-1]["note"]]
    assert texts == ["pt is 90+", "pt 90+F", "she was 90+", "note", "he is 90+ male"]
