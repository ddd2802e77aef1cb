"""Hypothesis profiles of the adversarial suite: ``ci`` (default, bounded) and ``long`` (nox -s adversarial)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from .harness import Harness

settings.register_profile(
    "adversarial-ci",
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "adversarial-long",
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = os.environ.get("HIPAALOG_ADVERSARIAL_PROFILE", "adversarial-ci")


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[Harness]:
    """The default configuration with a file sink in ``tmp_path`` and a third-party handler."""
    made = Harness(tmp_path)
    yield made
    made.close()
