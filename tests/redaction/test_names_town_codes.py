"""A town beside its own postal code as a pair's two values (``('Bellinzona', '6500')``), in any quotes the reader
gives it; a datacenter's town beside a year or a port stays."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("row=('Bellinzona', '6500')", ["Bellinzona", "6500"]),
        ("row=('Bersenbrück', '84540')", ["Bersenbr", "84540"]),
        ("('84540', 'Jülich')", ["84540", "lich"]),
        ("('Nashhaven', 'ST75 2GA')", ["Nashhaven", "ST75"]),
        ("('Schalkwijk', '2744 GS')", ["Schalkwijk", "2744"]),
    ],
)
def test_a_town_and_its_postcode_are_masked(text: str, secrets: list[str]) -> None:
    out = redact_text(text)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "('Frankfurt', '2024')",
        "('Frankfurt', '8443')",
        "('Dublin', '443')",
        "('Reading', '10000')",
        "('eu-west-1', '12345')",
        'print("a", "b")',
        "calling geocode('Springfield', '62704')",
        "top towns [('Jamesfort', 4123), ('Lake Heather', 97)]",
    ],
)
def test_towns_beside_other_numbers_stay(text: str) -> None:
    assert redact_text(text) == text
