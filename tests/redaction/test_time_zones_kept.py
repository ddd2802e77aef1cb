"""IANA time zones name places, not people: ``America/Sao_Paulo`` is no surname and given name joined by ``_``."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    "text",
    [
        "timezone=America/Sao_Paulo",
        "tz America/Santo_Domingo loaded",
        "clinic zone: Asia/Ho_Chi_Minh",
        "America/Argentina/Buenos_Aires",
        '{"tz": "America/Porto_Velho"}',
    ],
)
def test_a_time_zone_is_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("/uploads/Okafor_Chidinma_card.jpg", "Okafor_Chidinma"),
        ("Europe/Okafor_Chidinma/scan.pdf", "Okafor_Chidinma"),  # a folder below an area is no zone
    ],
)
def test_a_name_in_a_path_is_still_masked(text: str, name: str) -> None:
    assert name not in REDACTOR.redact_text(text)
