"""Names in lower case no table lists: after a person cue or a preposition, as a whole value, under a person's key."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._gate import NAME, gate
from hipaalog.redaction._names import name_shaped

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("home health referral sent for chinonso ezeudu", "chinonso ezeudu"),
        ("prior auth faxed by tolulope adebanjo at noon", "tolulope adebanjo"),
        ("rideshare voucher issued to ifunanya okeke, pickup 9am", "ifunanya okeke"),
        ("claim held: cardholder wiremu tamihana", "wiremu tamihana"),
        ("called back, she is ebunoluwa fashola", "ebunoluwa fashola"),
    ],
)
def test_a_lower_case_name_no_table_lists_after_a_cue(text: str, name: str) -> None:
    assert gate(text) & NAME
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "text",
    [
        "sorted by name asc",
        "caused by upstream timeout",
        "failed for unknwon reason",
        "message from pgbouncer pool",
        "owned by platform team",
        "retry of kafka consumer group",
        "install by pip install",
        "sent to lorem ipsum placeholder",
    ],
)
def test_lower_case_log_text_is_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_a_whole_lower_case_value_of_two_unknown_words_is_a_name() -> None:
    assert name_shaped("chiamaka okafor-eze")
    assert not name_shaped("asdf qwer") and not name_shaped("lorem ipsum") and not name_shaped("nginx ingress")
    assert not name_shaped("xyz abc")  # short words: codes, not names


@pytest.mark.parametrize(
    ("key", "value"),
    [("patient", "Kono, Taro"), ("guarantor", "victoria barrientos"), ("attendee", "Sato, Minami")],
)
def test_a_person_key_vouches_for_last_first_and_lower_case(key: str, value: str) -> None:
    assert REDACTOR.redact({key: value, "n": 1})[key] == "[REDACTED:NAME]"


@pytest.mark.parametrize("value", ["will call", "front desk", "see chart", "self pay"])
def test_a_person_key_keeps_words_of_english(value: str) -> None:
    assert REDACTOR.redact({"caller": value})["caller"] == value
