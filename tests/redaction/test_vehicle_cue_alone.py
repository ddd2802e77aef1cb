"""A plate after the word ``vehicle`` alone, and a 17-character VIN written where a plate would be."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("vehicle KD-XR 4471 towed from lot", "KD-XR 4471"),
        ("tow request: vehicle RT58 WQZ", "RT58 WQZ"),
        ("Vehicle: MN-4417-BT flagged by security", "MN-4417-BT"),
        ("car reg 3FAHP0HA7ARZ4KWLT", "3FAHP0HA7ARZ4KWLT"),
    ],
)
def test_vehicle_values_are_masked(text: str, value: str) -> None:
    out = redact_text(text)
    assert value not in out
    assert "[REDACTED:VEHICLE]" in out


@pytest.mark.parametrize(
    "text",
    [
        "vehicle type SUV unavailable",
        "vehicle count 42 in garage",
        "vehicle routing v2 enabled",
        "vehicle API returned 200",
        "car reg lookup timed out",
    ],
)
def test_vehicle_words_without_a_plate_stay(text: str) -> None:
    assert redact_text(text) == text
