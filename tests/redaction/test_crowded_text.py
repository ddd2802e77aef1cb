"""A value found in a short text is found the same way in a text crowded with other candidates.

Detectors that need a cue word index the cue words of a text once it has shown a few
candidates (:mod:`hipaalog.redaction._near`) and skip candidates with no cue within reach. That
shortcut must never skip what the full check finds: a cue glued to its value (``MRN-00482913``),
a date in parentheses after a name, a date far after a birth field. Each case below is read on
its own and after fillers that hold many candidates of every kind (numbers, dates, capitalised
words), and must give the same findings.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipaalog.redaction import Redactor

CASES = [
    ("MRN-00482913 admitted", "00482913"),
    ("see chart&mbr=H765527939 for details", "H765527939"),
    ("acct# 4417-2290 closed", "4417-2290"),
    ("member id XQZ882910044 verified", "XQZ882910044"),
    ("Jane Roe (03/07/1984) checked in", "03/07/1984"),
    ("birth_date " + "x" * 120 + " input_value='03/07/1984'", "03/07/1984"),
    ("DOB 04/11/1950 confirmed", "04/11/1950"),
    ("ssn 219099999 on file", "219099999"),
    ("patient Marisol Quintero arrived", "Marisol Quintero"),
    ("Dr. Okonkwo paged", "Okonkwo"),
]

FILLERS = {
    "numbers": " ".join(f"item{i} qty 100{i} lot 5{i:03d}" for i in range(40)),
    "dates": " ".join(f"batch {i} ran 2024-01-{i % 28 + 1:02d} at 10:{i % 60:02d}" for i in range(40)),
    "capitals": " ".join(f"Service Alpha{i} Node Beta Gamma" for i in range(40)),
}


def _redacted(text: str) -> str:
    return Redactor().redact_text(text)


@pytest.mark.parametrize(("case", "value"), CASES, ids=[c[1] for c in CASES])
@pytest.mark.parametrize("filler", sorted(FILLERS))
def test_a_value_is_found_however_crowded_the_text(case: str, value: str, filler: str) -> None:
    alone = _redacted(case)
    assert value not in alone, f"the case itself must be found: {alone!r}"
    crowded = _redacted(FILLERS[filler] + ". " + case)
    assert value not in crowded
    assert crowded.endswith(alone), "the case must be redacted the same way after the filler"


@settings(max_examples=60, deadline=None)
@given(
    count=st.integers(min_value=0, max_value=80),
    case=st.sampled_from(CASES),
    filler=st.sampled_from(sorted(FILLERS)),
)
def test_the_number_of_candidates_before_a_value_does_not_matter(
    count: int, case: tuple[str, str], filler: str
) -> None:
    words = FILLERS[filler].split(" ")
    prefix = " ".join(words[: count * 3])
    text, value = case
    assert value not in _redacted(f"{prefix}. {text}" if prefix else text)
