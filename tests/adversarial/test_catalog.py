"""Every attack of the catalog, with the fixed canary set: no canary written, no raise, no record lost."""

from __future__ import annotations

import pytest

from .canaries import DEFAULT
from .cases import CASES, Attack, run_attack
from .harness import Harness

# Attacks on classes other engineers are closing (issue 11): expected to fail until the fix lands.
# The lead removes an entry when its fix is in; a fixed attack that is still listed fails (strict).
WAITING: dict[str, str] = {
    "1-forked_child_dataclass": "forked children exiting through os._exit lose their records (issue 13)",
    "5-form_encoded_plus": "form encoding: '+' for a space (q=phone+415-555-0134, a name split by '+') (class 5)",
    "12-cue_after_field_name": "a cue word after a field name (data=MRN 00482913) is not read (class 5, detectors)",
}


def _param(case: Attack) -> object:
    reason = WAITING.get(case.id)
    marks = [pytest.mark.xfail(reason=f"issue 11: {reason}", strict=True)] if reason else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_attack_fails(case: Attack, harness: Harness) -> None:
    """The attack leaks nothing anywhere, raises nothing into the caller, loses no record."""
    assert run_attack(case, harness, DEFAULT) == []
