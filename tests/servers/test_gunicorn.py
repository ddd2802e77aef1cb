"""gunicorn with two workers for real: every worker's records delivered, access records structured."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import PATIENT_SSN, Server

pytest.importorskip("gunicorn")

REQUESTS = 8


def wait_for_workers(ready: Path, count: int, timeout: float = 20.0) -> None:
    """Wait until ``count`` workers have set up their own signal handlers (``post_worker_init``)."""
    deadline = time.monotonic() + timeout
    while len(list(ready.iterdir())) < count:
        assert time.monotonic() < deadline, f"{len(list(ready.iterdir()))} of {count} workers ready"
        time.sleep(0.05)


def test_gunicorn_workers_deliver_every_record(start_server: Callable[..., Server], tmp_path: Path) -> None:
    """2 workers, 8 requests, SIGTERM to the master: every numbered record and access record arrives, as JSON."""
    server = start_server(
        [
            "-m",
            "gunicorn",
            "-c",
            "tests/servers/apps/gunicorn_conf.py",
            "--no-control-socket",
            "-b",
            "127.0.0.1:{port}",
            "tests.servers.apps.wsgi_app:app",
        ],
        env={"GUNICORN_READY_DIR": str(tmp_path)},
    )
    # A worker still booting has the master's signal handlers: gunicorn loses a SIGTERM sent then and
    # kills that worker (SIGKILL) after graceful_timeout, before it could log "Worker exiting".
    wait_for_workers(tmp_path, 2)
    for n in range(REQUESTS):
        assert server.get(f"/charts?n={n}&ssn={PATIENT_SSN}") == 200
    run = server.stop(signal.SIGTERM).check()
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.numbered("chart opened") == list(range(REQUESTS))
    booted = [r for r in run.by_logger("gunicorn.error") if r["message"].startswith("Booting worker")]
    assert len(booted) == 2
    exited = [r for r in run.by_logger("gunicorn.error") if r["message"].startswith("Worker exiting")]
    assert len(exited) == 2  # logged by each worker as it leaves: its queue was delivered after that
    access = run.by_logger("gunicorn.access")
    assert len(access) == REQUESTS
    for record in access:
        assert (record["message"], record["http_status"], record["http_client"]) == (
            "GET /charts 200",
            200,
            "[REDACTED:IP]",
        )
        assert record["http_query"].startswith("n=[REDACTED]&ssn=")
        assert record["duration_ms"] >= 0
