"""Addresses of any country after an address word, and the postcode and town after a postcode word."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._gate import ADDRESS, gate

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("lives at Mäntykuja 14", ["Mäntykuja", "14"]),
        ("resides at Rákóczi utca 7.", ["Rákóczi", "7"]),
        ("address line 1: Strada Morii Nr. 12 Bl. 4", ["Morii", "Bl. 4"]),
        ("resides at Nad Lesem 31, 252 41 Dolní Břežany", ["Nad Lesem", "252 41", "Břežany"]),
        ("shipping to 41 Kereru Rise, Tawa 5028", ["Kereru", "Tawa", "5028"]),
        ("adresse 12/440 Quay Parade, Lindfield 2070", ["Quay Parade", "Lindfield", "2070"]),
        ("PLZ 6331 Hünenberg", ["6331", "Hünenberg"]),
        ("code postal 7021, Vorstadt", ["7021", "Vorstadt"]),
        ("CP 46011 Valencia", ["46011", "Valencia"]),
    ],
)
def test_an_address_after_a_cue_is_masked(text: str, parts: list[str]) -> None:
    assert gate(text) & ADDRESS
    out = REDACTOR.redact_text(text)
    for part in parts:
        assert part not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "IP address 10.0.0.1 unreachable",
        "bind address 0.0.0.0:8080",
        "address 0x7ffd5e8a freed",
        "listening on address 10.2.3.4",
        "ship to warehouse 5",
        "cap 5000 reached",
        "cp 1200 files",
        "PLZ invalid",
        "delivery to 3 recipients failed",
    ],
)
def test_other_addresses_and_numbers_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
