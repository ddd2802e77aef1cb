"""Chinese names in pinyin after a person's cue: two syllables, one at least no English word."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._gate import PERSON, gate
from hipaalog.redaction._pinyin_names import PINYIN, pinyin_name_spans

REDACTOR = Redactor()


def test_the_syllable_inventory() -> None:
    assert {"zhang", "xue", "qiong", "shuang", "lv"} <= PINYIN
    assert not {"page", "java", "a", "x"} & PINYIN


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("portal message from Jun Qiao: please call back", "Jun Qiao"),
        ("pharmacy hold for Xiu Zhen, pickup Friday", "Xiu Zhen"),
        ("caller verified as Shuang Kou, member on file", "Shuang Kou"),
        ("fax cover for QIAN, RUO failed", "QIAN, RUO"),
    ],
)
def test_a_pinyin_name_after_a_cue(text: str, name: str) -> None:
    assert gate(text) & PERSON
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "text",
    ["retry for Long Run jobs", "ported to Sun Java", "see for Man Page", "by Dan Lee", "merged to Main Line"],
)
def test_english_pairs_are_no_pinyin_name(text: str) -> None:
    assert list(pinyin_name_spans(text)) == []
