"""Overload: a bounded queue per sink, and what block / drop_newest / drop_oldest do when it is full."""

from __future__ import annotations

import time
from collections.abc import Callable

from hipaalog import _diagnostics

from ._ingest import Fault, Ingest
from .conftest import MakeLogger, wait_until


def hanging(ingest: Callable[[str], Ingest]) -> Ingest:
    server = ingest("jsonl")
    server.mode = Fault("hang")
    return server


def log_timed(log: object, n: int) -> list[float]:
    costs = []
    for i in range(n):
        start = time.monotonic()
        log.info("record", extra={"n": i})  # type: ignore[attr-defined]
        costs.append(time.monotonic() - start)
    return costs


def test_drop_newest_keeps_calls_fast_and_counts_every_drop(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """With the sink hanging, log calls never wait; the newest records are dropped, counted and reported."""
    server = hanging(ingest)
    log, handler = make_logger([server.url], overflow="drop_newest", queue_size=10, batch_size=5, flush_interval=0)
    log.info("first", extra={"n": -1})
    assert wait_until(lambda: len(server.requests) == 1)  # the worker is stuck on it
    costs = log_timed(log, 100)
    assert max(costs) < 1.0  # the sink hangs for 30 s: nobody waited for it
    stats = handler.stats()
    assert stats["dropped"] == 90 and stats["queued"] == 11
    assert _diagnostics.counts()["record-dropped"] == 90
    server.mode = None
    server.release()
    handler.flush()
    assert sorted(server.seqs()) == list(range(-1, 10))
    assert handler.stats()["delivered"] + handler.stats()["dropped"] == 101


def test_drop_oldest_keeps_the_newest_records(make_logger: MakeLogger, ingest: Callable[[str], Ingest]) -> None:
    """drop_oldest evicts queued records to make room: the last queue_size records survive."""
    server = hanging(ingest)
    log, handler = make_logger([server.url], overflow="drop_oldest", queue_size=10, flush_interval=0)
    log.info("first", extra={"n": -1})
    assert wait_until(lambda: len(server.requests) == 1)  # the worker is stuck on it
    log_timed(log, 100)
    assert handler.stats()["dropped"] == 90
    server.mode = None
    server.release()
    handler.flush()
    assert sorted(server.seqs()) == [-1, *range(90, 100)]


def test_block_waits_a_bounded_time_then_drops(make_logger: MakeLogger, ingest: Callable[[str], Ingest]) -> None:
    """Under block a full queue makes the call wait block_timeout (never longer), then drop and count."""
    server = hanging(ingest)
    log, handler = make_logger([server.url], overflow="block", queue_size=5, block_timeout=0.1, flush_interval=0)
    log.info("first", extra={"n": -1})
    assert wait_until(lambda: len(server.requests) == 1)  # the worker is stuck on it
    costs = log_timed(log, 10)
    assert handler.stats()["dropped"] == 5
    assert sum(c >= 0.09 for c in costs) == 5  # the five calls that found the queue full did wait
    assert max(costs) < 2.0
    server.mode = None
    server.release()
    handler.flush()
    assert sorted(server.seqs()) == list(range(-1, 5))


def test_block_loses_nothing_when_the_sink_keeps_up_within_the_wait(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """A slow sink with a tiny queue: block makes callers wait for room, and every record arrives in order."""
    server = ingest("jsonl")
    server.mode = Fault("slow", seconds=0.02)
    log, handler = make_logger([server.url], overflow="block", queue_size=5, batch_size=5, block_timeout=5.0)
    log_timed(log, 100)
    handler.flush()
    assert server.seqs() == list(range(100))
    assert handler.stats()["dropped"] == 0
