"""The Celery app of the server test; its broker and result backend come from ``PORTAL_REDIS_URL``."""

from __future__ import annotations

import logging
import os

from celery import Celery

from hipaalog.integrations.celery import install

app = Celery("portal", broker=os.environ["PORTAL_REDIS_URL"], backend=os.environ["PORTAL_REDIS_URL"])
app.conf.update(worker_prefetch_multiplier=1, broker_connection_retry_on_startup=True)
install()

log = logging.getLogger("portal.tasks")


@app.task(name="portal.refill")
def refill(n: int, ssn: str) -> int:
    """Logs two numbered records (one carries synthetic PHI) and returns ``n``."""
    log.info("refill checked", extra={"n": n, "ssn": ssn, "worker_pid": os.getpid()})
    log.warning("refill due", extra={"n": n})
    return n
