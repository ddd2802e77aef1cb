"""Strategies: mask, keyed pseudonym, partial, drop; per kind and per rule; and their configuration errors."""

from __future__ import annotations

import re

import pytest

from hipaalog._pseudonym import Pseudonymizer
from hipaalog.exceptions import ConfigError
from hipaalog.redaction import Redactor, by_pattern

KEY = "hex:" + "11" * 32
OTHER_KEY = "hex:" + "22" * 32
TOKEN = re.compile(r"[A-Z_]+:k1:[a-z2-7]{16}")


def test_mask_shows_the_kind() -> None:
    """The default strategy replaces an identifier by ``[REDACTED:KIND]``."""
    assert Redactor().redact_text("SSN 123-45-6789") == "SSN [REDACTED:SSN]"


def test_pseudonym_is_keyed_stable_and_separated_by_kind() -> None:
    """Pseudonyms are HMAC tokens with the key id: same input, same token; an MRN and an SSN with equal
    digits get different tokens; another key gives another token."""
    redactor = Redactor(strategy="pseudonym", pseudonym_key=KEY)
    first = redactor.redact({"ssn": "123-45-6789", "mrn": "123456789", "note": "SSN 123-45-6789"})
    again = redactor.redact({"ssn": "123456789"})
    assert TOKEN.fullmatch(first["ssn"]) and first["ssn"].startswith("SSN:k1:")
    assert again["ssn"] == first["ssn"], "spellings of one SSN share a token"
    assert first["mrn"].split(":")[2] != first["ssn"].split(":")[2]
    assert first["note"] == f"SSN [{first['ssn']}]"
    expected = Pseudonymizer({"k1": KEY}).token("SSN", "123456789")
    assert first["ssn"] == expected
    assert Redactor(strategy="pseudonym", pseudonym_key=OTHER_KEY).redact({"ssn": "123456789"})["ssn"] != expected


def test_patient_ids_pseudonymise_like_the_audit_trail() -> None:
    """A patient id field gets the same PATIENT token the audit trail writes for that patient."""
    redactor = Redactor(strategies={"PATIENT": "pseudonym"}, pseudonym_key=KEY)
    assert redactor.redact({"patient_id": " MRN-0000042 "}) == {
        "patient_id": Pseudonymizer({"k1": KEY}).token("PATIENT", "MRN-0000042")
    }


def test_key_rotation_names_the_active_key() -> None:
    """With several keys, new tokens carry the active key's id."""
    redactor = Redactor(strategy="pseudonym", pseudonym_keys={"k1": KEY, "k2": OTHER_KEY}, active_key="k2")
    assert redactor.redact({"email": "a@b.org"})["email"].startswith("EMAIL:k2:")


def test_pseudonym_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pseudonym_key, HIPAALOG_PSEUDONYM_KEY supplies it."""
    monkeypatch.setenv("HIPAALOG_PSEUDONYM_KEY", KEY)
    assert TOKEN.fullmatch(Redactor(strategy="pseudonym").redact({"ssn": "123-45-6789"})["ssn"])


def test_pseudonyms_without_a_key_are_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asking for pseudonyms with no key anywhere fails at configuration, saying what to set."""
    monkeypatch.delenv("HIPAALOG_PSEUDONYM_KEY", raising=False)
    with pytest.raises(ConfigError, match=r"pseudonym_key.*HIPAALOG_PSEUDONYM_KEY"):
        Redactor(strategies={"NAME": "pseudonym"})
    with pytest.raises(ConfigError, match="at least 16"):
        Redactor(strategy="pseudonym", pseudonym_key="short")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("ssn", "123-45-6789", "***-**-6789"),
        ("phone", "(415) 555-0132", "(***) ***-0132"),
        ("card_number", "4111 1111 1111 1111", "**** **** **** 1111"),
        ("dob", "1985-03-12", "1985"),
        ("admission_date", "03/12/2024", "2024"),
        ("zip", "02139-4307", "021**"),
        ("zip", "03601", "000**"),
        ("email", "jane@example.org", "***@example.org"),
        ("client_ip", "203.0.113.7", "203.0.*.*"),
        ("first_name", "Jane", "[REDACTED:NAME]"),
        ("mrn", "A12", "[REDACTED:MRN]"),
    ],
)
def test_partial_keeps_only_what_safe_harbor_allows(field: str, value: str, expected: str) -> None:
    """Partial keeps the last 4 digits, the year of a date, 3 ZIP digits (000 for small areas); else masks."""
    assert Redactor(strategy="partial").redact({field: value}) == {field: expected}


def test_partial_in_text() -> None:
    """Partial forms apply inside messages too."""
    out = Redactor(strategy="partial").redact_text("SSN 123-45-6789, DOB 03/12/1985, age 97")
    assert out == "SSN ***-**-6789, DOB 1985, age 90+"


def test_drop_removes_the_field() -> None:
    """The drop strategy leaves a PHI field out entirely; in text it masks."""
    redactor = Redactor(strategies={"SSN": "drop"})
    assert redactor.redact({"ssn": "123-45-6789", "ok": 1, "note": "SSN 123-45-6789"}) == {
        "ok": 1,
        "note": "SSN [REDACTED:SSN]",
    }


def test_strategies_per_kind_and_per_rule() -> None:
    """Kinds take their own strategy; a custom rule's strategy applies unless ``strategies`` names the kind."""
    redactor = Redactor(
        strategies={"NAME": "pseudonym", "ACME": "mask"},
        pseudonym_key=KEY,
        rules=[by_pattern(r"ACME-\d{6}", "ACME", strategy="drop"), by_pattern(r"ZZ-\d{8}", "ZZ", strategy="partial")],
    )
    out = redactor.redact_text("patient Jane Doe, ref ACME-123456, code ZZ-12345678")
    assert re.fullmatch(r"patient \[NAME:k1:[a-z2-7]{16}\], ref \[REDACTED:ACME\], code \[REDACTED:ZZ\]", out)


def test_unknown_strategy_is_a_config_error() -> None:
    """A misspelt strategy name is rejected with the list of valid ones."""
    with pytest.raises(ConfigError, match="mask, pseudonym, partial, drop"):
        Redactor(strategies={"SSN": "hash"})
