"""``Last, First`` whose parts no table lists: a pair of words no dictionary knows, capitalised alike."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._gate import PERSON, gate

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("statement reissued to Ogunleye, Ebunoluwa for overpayment", "Ogunleye, Ebunoluwa"),
        ("wristband reprinted (Kowalczyk, Bożydar), bed 4", "Kowalczyk, Bożydar"),
        ("prior auth denied for DURMUŞ, ASALET on appeal", "DURMUŞ, ASALET"),
        ("hold placed: Terzioğlu, Nurettin - awaiting callback", "Terzioğlu, Nurettin"),
        ("row 9 rejected: Achterberg, Wietske|1961-02-03", "Achterberg, Wietske"),
        ("wristband for Fujita, Aoi printed", "Fujita, Aoi"),  # a short listed given name after a surname
    ],
)
def test_last_first_of_unlisted_parts_is_a_name(text: str, name: str) -> None:
    assert gate(text) & PERSON
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out
    for part in name.split(", "):
        assert part not in out


@pytest.mark.parametrize(
    "text",
    [
        "clearinghouse fallbacks: Waystar, Availity, Zelis",  # a list
        "queues drained: Kafka, Redis and RabbitMQ",
        "levels seen: ERROR, WARN",
        "protocols negotiated HTTP, TLS",
        "shipped to Ibadan, Oyo warehouse",  # a town and its state
        "office in Kraków, Polska reopened",
        "refill: Metformin, Lisinopril",
        "Hello, World",
        "retrying Zookeeper, attempt 3",
        "Noted, Jie",  # a word of English before the comma
        "Florence, Italy",
    ],
)
def test_pairs_that_are_no_one_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
