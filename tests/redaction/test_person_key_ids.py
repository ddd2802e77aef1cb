"""An identifier under a key that names a person is that person's: ``{"patient": "E3092577"}``."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ({"patient": "K7720413"}, "PATIENT"),
        ({"pt": "5512-880731"}, "PATIENT"),
        ({"patient": 40917733}, "PATIENT"),
        ({"subject": "RX90031562"}, "ID"),
        ({"resident": "T66120045"}, "ID"),
        ({"payload": {"data": {"patient": "MQ4471920"}}}, "PATIENT"),
    ],
)
def test_an_id_shaped_value_under_a_persons_key_is_their_id(value: dict[str, object], kind: str) -> None:
    out = repr(REDACTOR.redact(value))
    assert f"[REDACTED:{kind}]" in out
    for digits in ("7720413", "880731", "40917733", "90031562", "66120045", "4471920"):
        assert digits not in out


@pytest.mark.parametrize(
    "value",
    [
        {"patient": 3},  # a count
        {"patient": True},
        {"patient": "3f2a9c1e-7b4d-4c1a-9e2f-0a1b2c3d4e5f"},  # a server's key
        {"patient": "deadbeefcafe1234"},
        {"subject": "Re: invoice 12345"},
        {"contact": "email"},
        {"patient_count": 123456},
    ],
)
def test_other_values_under_a_persons_key_are_kept(value: dict[str, object]) -> None:
    assert REDACTOR.redact(value) == value
