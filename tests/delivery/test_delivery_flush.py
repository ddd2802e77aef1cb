"""flush() with a spill directory: what cannot be delivered now is on disk when it returns, within one attempt."""

from __future__ import annotations

import re
import signal
import time
from collections.abc import Callable
from pathlib import Path

from ._ingest import Fault, Ingest
from .conftest import CHILD_PRELUDE, MakeLogger, run_child

RECORDS = 1000
RUNS = 3


def test_flush_with_the_sink_down_from_the_start_then_sigkill_loses_nothing(
    ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """Sink down from the start, default retry schedule: flush() returns with every record on disk, well within
    flush_timeout; SIGKILL right after; a new process replays them all, in order. Every run."""
    server = ingest("jsonl")
    for run in range(RUNS):
        server.mode = Fault("status", 503)
        spill = tmp_path / f"spill{run}"
        first = run_child(
            CHILD_PRELUDE
            + f"""
log, handler = make([{server.url!r}], spill_dir={str(spill)!r})
for i in range({RECORDS}):
    log.info("while the sink is down", extra={{"n": i}})
started = time.monotonic()
handler.flush()
print("flushed", round(time.monotonic() - started, 3), handler.stats()["backlog"], flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""
        )
        assert first.returncode == -signal.SIGKILL, first.stderr
        found = re.search(r"flushed ([0-9.]+) (\d+)", first.stdout)
        assert found, first.stdout + first.stderr
        took, backlog = float(found.group(1)), int(found.group(2))
        assert backlog == RECORDS, f"run {run}: only {backlog} on disk when flush() returned"
        assert took < 2.0, f"run {run}: flush() took {took}s"
        assert "flush-timeout" not in first.stderr
        server.mode = None
        before = len(server.stored)
        second = run_child(
            CHILD_PRELUDE
            + f"""
log, handler = make([{server.url!r}], spill_dir={str(spill)!r})
print("recovered", handler.stats()["recovered"], flush=True)
handler.close()
print("delivered", handler.stats()["delivered"], flush=True)
"""
        )
        assert second.returncode == 0, second.stderr
        assert f"recovered {RECORDS}" in second.stdout and f"delivered {RECORDS}" in second.stdout
        assert [r["n"] for r in server.stored[before:]] == list(range(RECORDS))
        print(f"run {run}: flush() {took:.2f}s, {backlog} on disk, {RECORDS} replayed, 0 lost")


def test_a_flush_cuts_a_retry_short_and_spills(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """A batch sleeping between retries is tried once more when flush() is called, then kept on disk."""
    server = ingest("jsonl")
    server.mode = Fault("status", 503)
    log, handler = make_logger(
        [server.url], spill_dir=tmp_path / "spill", retry_attempts=50, backoff_initial=10.0, backoff_max=10.0
    )
    log.info("while the sink is down", extra={"n": 0})
    time.sleep(0.4)  # the first attempt failed; the retry waits 5-10 s
    started = time.monotonic()
    handler.flush()
    assert time.monotonic() - started < 2.0
    stats = handler.stats()
    assert (stats["spilled"], stats["backlog"], stats["queued"]) == (1, 1, 0)
    assert len(server.requests) >= 2  # the first attempt, and the one flush() asked for
