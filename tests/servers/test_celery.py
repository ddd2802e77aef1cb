"""Celery for real: a prefork worker (2 processes) against a real redis-server on loopback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .._peers import free_port, require_binary
from .conftest import IDENTITY_ENV, PATIENT_SSN, ROOT, Run, Server

pytest.importorskip("celery")
pytest.importorskip("redis")

TASKS = 10


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A redis-server of its own on 127.0.0.1, nothing saved to disk."""
    binary = require_binary("redis-server")
    port = free_port()
    server = Server(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        port,
    )
    server.wait_ready()
    yield f"redis://127.0.0.1:{port}/0"
    server.stop()


def test_celery_prefork_children_deliver_every_task_record(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """10 tasks on 2 prefork children: every record arrives with task id and name; a warm shutdown loses none."""
    env = {
        **os.environ,
        **IDENTITY_ENV,
        "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": str(ROOT),
        "PORTAL_REDIS_URL": redis_url,
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "--quiet",  # no banner on stdout: every line there is a record
            "-A",
            "tests.servers.apps.celery_app",
            "worker",
            "--pool",
            "prefork",
            "--concurrency",
            "2",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--hostname",
            "hipaalog-test@127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        monkeypatch.setenv("PORTAL_REDIS_URL", redis_url)
        from .apps.celery_app import app

        results = [app.send_task("portal.refill", args=(n, PATIENT_SSN)) for n in range(TASKS)]
        assert sorted(r.get(timeout=30) for r in results) == list(range(TASKS))
        task_ids = {r.id for r in results}
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            out, err = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            out, err = worker.communicate()
    run = Run(out, err, worker.returncode).check(plain=r"|worker: Warm shutdown \(MainProcess\)")  # celery's print()
    assert run.returncode == 0, err[-3000:]
    assert run.numbered("refill checked") == list(range(TASKS))
    assert run.numbered("refill due") == list(range(TASKS))
    for record in run.records:
        if record["message"] in ("refill checked", "refill due"):
            assert record["task_name"] == "portal.refill" and record["task_id"] in task_ids
    assert any(
        r["message"].startswith("celery@") or "ready" in r["message"] for r in run.by_logger("celery.apps.worker")
    )
