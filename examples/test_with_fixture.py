"""Tests that use the ``hipaalog_caplog`` fixture (installed with hipaalog as a pytest plugin).

Run the tests: ``pytest examples/test_with_fixture.py``. Run as a script
(``python examples/test_with_fixture.py``), it runs them with pytest in a child process, sends
pytest's report to stderr, and prints one JSON record with the outcome on stdout.
"""

from __future__ import annotations

import io
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
import structlog

import hipaalog
import hipaalog.structlog
from hipaalog.testing import LogCapture

log = logging.getLogger("claims.api")


# --- the code under test -------------------------------------------------------------------------
def accept_claim(claim_id: str, amount: float, member_ssn: str) -> None:
    """Accept a claim; logs it (the member's SSN is a PHI field: redaction masks it)."""
    with hipaalog.bind(claim_id=claim_id), hipaalog.timed("db.claims.insert", threshold_ms=0):
        log.info("claim %s accepted", claim_id, extra={"amount": amount, "member_ssn": member_ssn})


def price_claim(amount: float) -> float:
    """Price a claim; writes a structlog event on the native path."""
    events = structlog.wrap_logger(
        structlog.BytesLogger(io.BytesIO()),
        processors=[hipaalog.structlog.JsonRenderer(app_id="acme-health", platform="vm", microservice="pricing")],
    )
    price = round(amount * 0.92, 2)
    events.info("claim priced", amount=amount, price=price)
    return price


# --- the tests -----------------------------------------------------------------------------------
def test_accepted_claim_is_logged_with_its_fields(hipaalog_caplog: LogCapture) -> None:
    """The acceptance record carries the claim id (bound), the amount, and the timing of the insert."""
    hipaalog_caplog.set_level("info")
    accept_claim("CLM-20931", 1289.5, member_ssn="123-45-6789")
    record = hipaalog_caplog.assert_logged(level="info", message="claim CLM-20931 accepted", amount=1289.5)
    assert record["claim_id"] == "CLM-20931"
    hipaalog_caplog.assert_logged(operation="db.claims.insert", duration_ms=lambda ms: ms >= 0)
    hipaalog_caplog.assert_not_logged(level="error")
    assert "123-45-6789" not in str(record)  # the SSN was masked before the record left the encoder
    hipaalog_caplog.assert_no_phi()  # the detectors find nothing in what was emitted


def test_structlog_events_are_captured_too(hipaalog_caplog: LogCapture) -> None:
    """A structlog event ending in hipaalog's renderer is in the same capture."""
    assert price_claim(100.0) == 92.0
    hipaalog_caplog.assert_logged(message="claim priced", microservice="pricing", price=92.0)


def test_find_with_patterns_and_predicates(hipaalog_caplog: LogCapture, tmp_path: Path) -> None:
    """find() takes regular expressions and predicates; capture goes on after configure()."""
    hipaalog.configure(app_id="acme-health", platform="vm", microservice="claims-api", sinks=[tmp_path / "app.jsonl"])
    log.warning("payer %s slow", "acme", extra={"latency_ms": 2300})
    log.warning("payer %s slow", "umbrella", extra={"latency_ms": 450})
    slow = hipaalog_caplog.find(message=re.compile(r"^payer \w+ slow$"), latency_ms=lambda ms: ms > 1000)
    assert [r["latency_ms"] for r in slow] == [2300]


@pytest.mark.hipaalog_allow_violations
def test_declared_type_violation_is_visible(hipaalog_caplog: LogCapture, tmp_path: Path) -> None:
    """A wrongly typed declared field is moved to schema_violations (this test expects it, hence the marker)."""
    hipaalog.configure(
        app_id="acme-health",
        platform="vm",
        microservice="claims-api",
        fields={"amount": "number"},
        sinks=[tmp_path / "app.jsonl"],
    )
    log.info("claim accepted", extra={"amount": "1289.50"})
    ((index, violation),) = hipaalog_caplog.violations()
    assert (index, violation["field"], violation["actual"]) == (0, "amount", "string")


def main() -> int:
    """Run this file's tests with pytest (report on stderr) and log the outcome as one JSON record."""
    pytest_run = [sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:cacheprovider"]
    code = subprocess.run(pytest_run, stdout=sys.stderr, check=False, timeout=300).returncode
    handler = hipaalog.configure(app_id="acme-health", platform="vm", microservice="examples")
    logging.getLogger("examples.fixture").info(
        "fixture example tests %s", "passed" if code == 0 else "failed", extra={"pytest_exit_code": int(code)}
    )
    handler.close()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
