"""A Celery-style task whose steps are timed, with the task id bound to every record.

Run: python examples/celery_task.py
With Celery installed the task runs through Celery in eager mode (no broker needed); without it,
the same function is called directly. Either way every step is measured by ``hipaalog.timed``:
slow steps and failures are logged with ``operation``, ``duration_ms`` and ``threshold_ms``, and
the thresholds come from configuration by name pattern.
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

import hipaalog

log = logging.getLogger("claims.worker")


@hipaalog.timed("claims.fetch")
def fetch_claim(claim_id: str) -> dict[str, Any]:
    """Load the claim (a stand-in for a database read)."""
    return {"claim_id": claim_id, "lines": [{"code": "99213", "amount": 120.0}, {"code": "85025", "amount": 32.5}]}


@hipaalog.timed("claims.price")
def price(claim: dict[str, Any]) -> float:
    """Price the claim's lines; slower than its 5 ms threshold, so it is logged."""
    time.sleep(0.01)
    return round(sum(line["amount"] for line in claim["lines"]) * 0.92, 2)


def submit_to_payer(claim_id: str, amount: float) -> None:
    """Send the claim to the payer; the payer refuses it here, and the failure is logged with its duration."""
    with hipaalog.timed("payer.submit", extra={"payer": "acme-health-plan"}) as timer:
        timer.add(amount=amount)
        raise ConnectionError(f"payer refused claim {claim_id}")


def process_claim(claim_id: str, task_id: str | None = None) -> dict[str, Any]:
    """The task body: every record it writes carries the task and claim ids."""
    with hipaalog.bind(task_id=task_id or uuid.uuid4().hex, claim_id=claim_id):
        log.info("task started")
        claim = fetch_claim(claim_id)
        amount = price(claim)
        try:
            submit_to_payer(claim_id, amount)
        except ConnectionError:
            log.warning("claim queued for retry", extra={"retry_in_s": 60})
            return {"claim_id": claim_id, "amount": amount, "submitted": False}
        return {"claim_id": claim_id, "amount": amount, "submitted": True}


def run_with_celery_if_available(claim_id: str) -> dict[str, Any]:
    """Run ``process_claim`` as a Celery task in eager mode when Celery is installed, else directly."""
    try:
        from celery import Celery
    except ImportError:
        Celery = None
    if Celery is None:
        log.info("celery is not installed: calling the task function directly")
        return process_claim(claim_id)
    app = Celery("claims", broker="memory://localhost/", backend="cache+memory://")
    app.conf.task_always_eager = True

    @app.task(bind=True)
    def process_claim_task(self: Any, claim_id: str) -> dict[str, Any]:
        return process_claim(claim_id, task_id=self.request.id)

    result: dict[str, Any] = process_claim_task.delay(claim_id).get(disable_sync_subtasks=False)
    return result


def main() -> None:
    """Configure hipaalog with per-pattern thresholds and run the task once."""
    handler = hipaalog.configure(
        app_id="acme-health",
        platform="auto",
        microservice="claims-worker",
        timing={"claims.*": 5, "payer.*": 2000},
        loggers={"celery": "warning", "kombu": "warning"},
    )
    result = run_with_celery_if_available("CLM-20931")
    log.info("task finished", extra={"submitted": result["submitted"], "amount": result["amount"]})
    handler.close()


if __name__ == "__main__":
    main()
