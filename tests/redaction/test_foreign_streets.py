"""Streets written the way of other countries, with their postcode and town."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._gate import ADDRESS, gate

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("wohnhaft pl. Bronowska 12/4, Wejherowo", ["Bronowska", "12/4", "Wejherowo"]),
        ("address on file: aleja Zielona 51/81", ["Zielona", "51/81"]),
        ("domicilio Calle de la Sierra 14, 28013 Madrid", ["Sierra", "28013", "Madrid"]),
        ("mora na Rua das Acacias 9, 01310-100 Campinas", ["Acacias", "01310-100", "Campinas"]),
        ("lives at 27, avenue Montclar, Villeneuve", ["Montclar", "Villeneuve"]),
        ("Anschrift: Birkenweg 781, 15363 Neuenhagen", ["Birkenweg", "15363", "Neuenhagen"]),
        ("Anschrift: Lindenstraße 5", ["Lindenstraße"]),
        ("residente in Via Garibaldi 10, 00184 Roma", ["Garibaldi", "00184"]),
    ],
)
def test_streets_of_other_countries_are_masked(text: str, secrets: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, out
    assert gate(text) & ADDRESS


@pytest.mark.parametrize(
    "text",
    [
        "sent via Kafka 3 times",
        "Place Order 2 clicked",
        "routed via Envoy 1.28",
        "Keyring 3 loaded",
        "Brigade 5 assigned",
        "retry via Celery 5 workers",
    ],
)
def test_words_that_are_street_types_elsewhere_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
