"""Places and names written in capitals or lower case: a town, state code and ZIP code with no street
(``GLENDALE AZ 85301``, ``glendale, az 85301``), a town after *lives in* with a state code that is also a
word, and cued lower-case names with a spaced colon or the surname first."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("MEMBER ADDR ON FILE: NORTH QUILLANVILLE TX 75482", ("QUILLANVILLE", "75482")),
        ("BILL TO KETTERWICK NJ 07031-2219 STATUS OPEN", ("KETTERWICK", "07031-2219")),
        ("moved to west brambleford, oh 43017 last spring", ("brambleford", "43017")),
        ("mailing: fernhollow, ga 30324", ("fernhollow", "30324")),
        ("PHOENIX AZ 85004", ("PHOENIX", "85004")),
    ],
)
def test_a_town_state_and_zip_in_capitals_or_lower_case_is_masked(text: str, values: tuple[str, ...]) -> None:
    out = REDACTOR.redact_text(text)
    for value in values:
        assert value not in out, out
    assert "[REDACTED:ZIP]" in out


@pytest.mark.parametrize(
    ("text", "town"),
    [("lives in Marrowfield, ME", "Marrowfield"), ("grandson living in Coppervale, OK", "Coppervale")],
)
def test_a_town_after_lives_in_with_a_word_state_code_is_masked(text: str, town: str) -> None:
    assert town not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("pt name: gallagher, monica dob on file", ("gallagher", "monica")),
        ("member: alvarez, teresa", ("alvarez", "teresa")),
        ("emergency contact : gregory whitfield (brother)", ("gregory", "whitfield")),
        ("caller = patricia holloway", ("patricia", "holloway")),
    ],
)
def test_a_lower_case_name_after_a_cue_is_masked(text: str, parts: tuple[str, str]) -> None:
    out = REDACTOR.redact_text(text)
    assert parts[0] not in out and parts[1] not in out, out
    assert "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "text",
    [
        "BATCH JOB CA 40000 RECORDS",
        "ERROR CODE IN 12345",
        "RETRY QUEUE NY 20000 MESSAGES",
        "timed out, in 30000 ms",
        "Ticket moved to Done, OK",
        "name: redis, cache",
        "status: up, ready",
        "contact : support team",
        "ERROR CONNECTION RESET BY PEER",
    ],
)
def test_benign_capitals_and_lower_case_survive(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
