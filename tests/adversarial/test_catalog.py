"""Every attack of the catalog, with the fixed canary set: no canary written, no raise, no record lost."""

from __future__ import annotations

import pytest

from .canaries import DEFAULT
from .cases import CASES, Attack, run_attack
from .harness import Harness

# Known limits, expected to fail (strict: an attack that starts failing to get through must be taken off the list).
WAITING: dict[str, str] = {}


def _param(case: Attack) -> object:
    reason = WAITING.get(case.id)
    marks = [pytest.mark.xfail(reason=f"issue 11: {reason}", strict=True)] if reason else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_attack_fails(case: Attack, harness: Harness) -> None:
    """The attack leaks nothing anywhere, raises nothing into the caller, loses no record."""
    assert run_attack(case, harness, DEFAULT) == []
