"""Ages over 89 in chart shorthand (``97 M``, ``105F``, ``99 yrs``) and IBANs found by their check digits."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text
from hipaalog.redaction._iban import valid_iban


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Triage: Marta Olsen, 96 F. Sent to radiology.", "96"),
        ("CC: 93 M presents with chest pain", "93"),
        ("Consult note -- 102F pt with hx of CKD", "102"),
        ("Mr Kowalczyk is a 94 M admitted overnight", "94"),
        ("the resident is a 99 yrs woman", "99"),
        ("Seen in clinic today, 91 yrs.", "91"),
        ("Summary: 97 yrs, lives with son", "97"),
        ("O: 100 F with s/p hip fix", "100"),
    ],
)
def test_age_in_chart_shorthand_is_masked(text: str, age: str) -> None:
    out = redact_text(text)
    assert age not in out
    assert "90+" in out


@pytest.mark.parametrize(
    "text",
    [
        "heap: 120M",
        "Memory: 100 M",
        "rows processed, 100 M records",
        "Loaded Users, 95 M rows",
        "retention for 99 yrs",
        "temp 101F overnight",
        "cache 128M, db 96M",
        "disk usage 93M; quota 200M",
        "uploaded 91 M of 120 M",
        "Q3 revenue, 99 M.",
    ],
)
def test_sizes_and_spans_stay(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        ("refund queued to DE50526018159083016613 tomorrow", "DE50526018159083016613"),
        ("payer NL04KEMU0181590830, amount 12.50", "NL04KEMU0181590830"),
        ("standing order FR92 5260 1815 9083 0166 1318 609 renewed", "FR92 5260 1815 9083 0166 1318 609"),
        ("transfer failed for GB17KEMU01815908301661", "GB17KEMU01815908301661"),
        ("sepa debit PL40526018159083016613186091 returned", "PL40526018159083016613186091"),
    ],
)
def test_iban_without_cue_is_masked(text: str, iban: str) -> None:
    out = redact_text(text)
    assert iban not in out
    assert "[REDACTED:ACCOUNT]" in out


@pytest.mark.parametrize(
    "text",
    [
        "build DE50526018159083016614 finished",
        "ticket AB12CDEF3456GHIJ7890 closed",
        "release GB17KEMU01815908301662 tagged",
        "AWS region EU12ABCD1234 is up",
        "sha XY99ABCDEF0123456789ABCD pinned",
    ],
)
def test_iban_shapes_failing_the_check_stay(text: str) -> None:
    assert redact_text(text) == text


def test_valid_iban_checks_length_and_digits() -> None:
    assert valid_iban("ES4352601815169083016613")
    assert not valid_iban("ES4352601815169083016614")  # one digit off
    assert not valid_iban("ES435260181516908301661")  # one short for Spain
    assert not valid_iban("QQ4352601815169083016613")  # no such country


LOWER_OR_DASHED = [
    ("refund queued to de50526018159083016613 tomorrow", "de50526018159083016613"),
    ("payer nl04kemu0181590830, amount 12.50", "nl04kemu0181590830"),
    ("standing order FR92-5260-1815-9083-0166-1318-609 renewed", "FR92-5260-1815-9083-0166-1318-609"),
    ("sepa debit pl40 5260 1815 9083 0166 1318 6091 returned", "pl40 5260 1815 9083 0166 1318 6091"),
]


@pytest.mark.parametrize(("text", "iban"), LOWER_OR_DASHED)
def test_iban_lower_cased_or_dashed_is_masked(text: str, iban: str) -> None:
    """The same number written in lower case or with dashes between its groups."""
    out = redact_text(text)
    assert iban not in out and "[REDACTED:ACCOUNT]" in out, out


@pytest.mark.parametrize(
    "text",
    ["request de75a1b2-c3d4-e5f6-a7b8-c9d0e1f2a3b4 done", "commit de50526018159083016614 reverted"],
)
def test_lower_case_and_dashed_look_alikes_failing_the_check_stay(text: str) -> None:
    assert redact_text(text) == text
