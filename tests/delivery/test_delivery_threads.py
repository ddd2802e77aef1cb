"""Many threads at once: every record is accounted for, delivered or counted as dropped."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from ._ingest import Ingest
from .conftest import MakeLogger, read_jsonl

THREADS, PER_THREAD = 8, 12_500


def hammer(log: object, per_thread: int = PER_THREAD) -> None:
    def work(t: int) -> None:
        for i in range(per_thread):
            log.info("record", extra={"t": t, "i": i})  # type: ignore[attr-defined]

    threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_100k_records_from_8_threads_all_arrive_in_per_thread_order(make_logger: MakeLogger, tmp_path: Path) -> None:
    """Under block with room to spare, all 100,000 records reach the file once, each thread's in its order."""
    path = tmp_path / "app.log"
    log, handler = make_logger([str(path)], queue_size=200_000, batch_size=2048)
    handler.setFormatter(logging.Formatter("%(t)d %(i)d"))  # plain lines: this test is about delivery, not JSON
    hammer(log)
    handler.close()
    lines = path.read_bytes().splitlines()
    assert len(lines) == THREADS * PER_THREAD
    by_thread: dict[int, list[int]] = {}
    for line in lines:
        t, i = map(int, line.split())
        by_thread.setdefault(t, []).append(i)
    assert all(seqs == list(range(PER_THREAD)) for seqs in by_thread.values()) and len(by_thread) == THREADS
    stats = handler.stats()
    assert (stats["enqueued"], stats["delivered"], stats["dropped"], stats["failed"]) == (100_000, 100_000, 0, 0)


def test_records_from_8_threads_with_drops_are_all_accounted_for(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """With a small queue and drop_newest, delivered + dropped is exactly what was logged, none twice."""
    server = ingest("jsonl")
    log, handler = make_logger([server.url], queue_size=256, overflow="drop_newest", batch_size=256)
    hammer(log, 2500)
    handler.close()
    stats = handler.stats()
    received = {(doc["t"], doc["i"]) for doc in server.stored}
    assert len(received) == len(server.stored) == stats["delivered"]
    assert stats["delivered"] + stats["dropped"] == stats["enqueued"] == THREADS * 2500
    assert stats["failed"] == 0 and stats["dropped"] > 0


def test_without_a_worker_thread_records_are_written_on_the_callers_thread(
    make_logger: MakeLogger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At interpreter shutdown (Python 3.12+ refuses new threads) each record is written before the call returns."""
    path = tmp_path / "late.jsonl"
    log, handler = make_logger([str(path)], flush_interval=10.0, batch_size=10_000)

    def refuse(self: threading.Thread) -> None:
        raise RuntimeError("can't create new thread at interpreter shutdown")

    monkeypatch.setattr(threading.Thread, "start", refuse)  # what threading does once finalization began
    for n in range(3):
        log.info("written during shutdown", extra={"n": n})
        assert [record["n"] for record in read_jsonl(path)] == list(range(n + 1))
    assert handler.stats()["delivered"] == 3
