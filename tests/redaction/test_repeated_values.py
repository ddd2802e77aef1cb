"""A value found once by its context is masked wherever the same text repeats it."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("(0.002) SELECT * FROM chart WHERE \"mrn\" = 'Q7730412' LIMIT 21; args=('Q7730412',)", "Q7730412"),
        ("Dear Ms. Okonkwo, your refill is ready. Okonkwo household notified", "Okonkwo"),
        ("patient Talia Brennock: ok. Brennock called back", "Brennock"),
        ("dob=1961-08-30 retry with 1961-08-30 failed", "1961-08-30"),
    ],
)
def test_a_value_found_once_is_masked_where_it_repeats(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("patient Talia Brennock: ok. Brennocks Bakery and xBrennock stay", "Brennocks Bakery and xBrennock"),
        ("dob=1961-08-30; build 11961-08-301 stays", "11961-08-301"),
    ],
)
def test_repeats_count_as_whole_words_only(text: str, kept: str) -> None:
    out = REDACTOR.redact_text(text)
    assert kept in out and out != text


def test_lower_case_words_are_not_repeated() -> None:
    """A repeat must be written as found: ``Roe`` masked does not take ``roe`` with it."""
    out = REDACTOR.redact_text("patient Jane Roe seen; fish roe served")
    assert "fish roe served" in out and "Roe" not in out


def test_a_bare_mask_is_never_taken_for_a_value() -> None:
    """The server integrations write ``[REDACTED]`` for every query value: it is hipaalog's own mark."""
    text = "n=[REDACTED]&name=[REDACTED]&ssn=[REDACTED]&email=[REDACTED]"
    assert REDACTOR.redact_text(text) == text
