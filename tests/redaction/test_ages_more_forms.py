"""Ages over 89 in more languages, with CJK signs of years, and as bands under age field names."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    "text", ["пациентке 93 лет", "ему 92 года", "kvinna, 95 år", "93 vuotta", "93 éves", "93岁", "93세"]
)
def test_ages_over_89_in_more_languages_are_masked(text: str) -> None:
    out = REDACTOR.redact_text(text)
    assert "93" not in out and "92" not in out and "95" not in out
    assert "90+" in out


@pytest.mark.parametrize(
    "text", ["vor 3 år", "in 93 years", "93 years ago", "took 93 s", "93 vuotta sitten", "93 år sedan", "92 года назад"]
)
def test_numbers_that_are_no_age_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"age_group": "90-94"}, {"age_group": "90+"}),
        ({"ageRange": "85-94"}, {"ageRange": "90+"}),
        ({"years_old": 95}, {"years_old": 90}),
        ({"ageBand": "30-39"}, {"ageBand": "30-39"}),
        ({"age_range": "85+"}, {"age_range": "85+"}),
    ],
)
def test_age_bands_reaching_over_89_are_aggregated(record: dict[str, object], expected: dict[str, object]) -> None:
    assert REDACTOR.redact(record) == expected


_HL7_A03: str = (
    "MSH|^~\\&|ADT1|GOOD HEALTH|GHH LAB|ELAB|20240105083000||ADT^A03|MSG00042|P|2.5.1{sep}"
    "PID|1||MRN778899^^^GH^MR||Vasquez^Elena^M||19310204|F{sep}PV1|1|I|3N^301^A{sep}NTE|1||{note}"
)


@pytest.mark.parametrize("sep", ["\r", "\n", "\\r"])
@pytest.mark.parametrize("note", ["aged 97; family at bedside", "age 97", "Pt is 97"])
def test_an_age_in_an_hl7_note_is_read_past_the_field_separator(sep: str, note: str) -> None:
    """``NTE|1||aged 97``: the ``|`` before a note's first word separates words as a space does."""
    out = REDACTOR.redact_text(_HL7_A03.format(sep=sep, note=note))
    assert "97" not in out.rsplit("NTE", 1)[1]


def test_an_age_column_of_a_pipe_table_is_masked_and_its_other_numbers_stay() -> None:
    assert REDACTOR.redact_text("status|age 97|took 97 ms") == "status|age 90+|took 97 ms"
