"""The spill directory: records that outlive the retry budget wait on disk and come back in order."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from hipaalog import _diagnostics

from ._ingest import Fault, Ingest
from .conftest import MakeLogger, wait_until

FAST = {"backoff_initial": 0.01, "backoff_max": 0.05, "retry_attempts": 1}


def spill_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.seg"))


def test_an_outage_spills_to_disk_then_replays_in_order_once(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """Down for a while then back: every record delivered, in logging order, none twice; files are owner-only."""
    server = ingest("jsonl")
    server.mode = Fault("status", 503)
    spill = tmp_path / "spill"
    log, handler = make_logger([server.url], spill_dir=spill, batch_size=16, **FAST)
    for i in range(100):
        log.info("during outage", extra={"n": i})
    handler.flush()  # returns: the records are safe on disk while the sink fails
    stats = handler.stats()
    assert (stats["spilled"], stats["backlog"], stats["delivered"]) == (100, 100, 0)
    segments = spill_files(spill)
    assert segments and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in segments)
    assert all(stat.S_IMODE(p.parent.stat().st_mode) == 0o700 for p in segments)
    server.mode = None
    for i in range(100, 150):
        log.info("after recovery", extra={"n": i})
    handler.flush()
    assert server.seqs() == list(range(150))
    stats = handler.stats()
    assert (stats["delivered"], stats["backlog"], stats["dropped"], stats["failed"]) == (150, 0, 0, 0)
    assert spill_files(spill) == []


def test_a_restarted_handler_replays_what_an_earlier_one_left(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """Records spilled before close() are delivered by the next handler on that spill_dir, before its own."""
    server = ingest("jsonl")
    server.mode = Fault("status", 503)
    spill = tmp_path / "spill"
    log, first = make_logger([server.url], spill_dir=spill, close_timeout=1.0, **FAST)
    for i in range(40):
        log.info("first life", extra={"n": i})
    first.close()
    assert first.stats()["backlog"] == 40 and server.seqs() == []
    server.mode = None
    log, second = make_logger([server.url], spill_dir=spill, **FAST)
    assert second.stats()["recovered"] == 40
    for i in range(40, 60):
        log.info("second life", extra={"n": i})
    second.flush()
    assert server.seqs() == list(range(60))
    assert _diagnostics.counts()["spill-recovered"] == 1


def test_a_live_handlers_spill_is_not_taken_by_another(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """Two handlers on one spill_dir (two processes, say) each keep their own store."""
    server = ingest("jsonl")
    server.mode = Fault("status", 503)
    spill = tmp_path / "spill"
    log_a, a = make_logger([server.url], spill_dir=spill, **FAST)
    for i in range(10):
        log_a.info("a", extra={"n": i})
    a.flush()
    log_b, b = make_logger([server.url], spill_dir=spill, **FAST)
    assert b.stats()["recovered"] == 0
    log_b.info("b", extra={"n": 100})
    b.flush()
    assert len({p.parent for p in spill_files(spill)}) == 2
    server.mode = None
    a.flush()
    b.flush()
    assert sorted(server.seqs()) == [*range(10), 100]


def test_a_full_spill_drops_and_reports(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """Past spill_max_bytes records are dropped, counted and reported, never silently lost."""
    server = ingest("jsonl")
    server.mode = Fault("status", 503)
    log, handler = make_logger([server.url], spill_dir=tmp_path / "spill", spill_max_bytes=4096, batch_size=5, **FAST)
    for i in range(100):
        log.info("record %s", "x" * 100, extra={"n": i})
    handler.flush()
    stats = handler.stats()
    assert stats["dropped"] > 0 and stats["spilled"] > 0
    assert stats["spilled"] + stats["dropped"] == 100
    assert _diagnostics.counts()["record-dropped"] == stats["dropped"]
    server.mode = None
    handler.flush()
    assert server.seqs() == sorted(server.seqs()) and len(server.seqs()) == stats["spilled"]


def test_a_torn_spill_tail_is_skipped_and_reported(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """A half-written frame left by a crash is skipped; every whole record before it is replayed."""
    server = ingest("jsonl")
    server.mode = Fault("status", 503)
    spill = tmp_path / "spill"
    log, first = make_logger([server.url], spill_dir=spill, **FAST)
    for i in range(10):
        log.info("record", extra={"n": i})
    first.close()
    [segment] = spill_files(spill)
    with open(segment, "ab") as f:
        f.write(b"\x00\x00\x01\x00garbage")  # a frame header promising 256 bytes, then too few
    server.mode = None
    _, second = make_logger([server.url], spill_dir=spill, **FAST)
    second.flush()
    assert server.seqs() == list(range(10))
    assert _diagnostics.counts()["spill-damaged"] == 1


def test_durable_mode_has_the_record_on_disk_when_the_call_returns(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """durable=True: the record is in the spill (fsynced) before the log call returns, then delivered."""
    server = ingest("jsonl")
    server.mode = Fault("status", 503)
    spill = tmp_path / "spill"
    log, handler = make_logger([server.url], spill_dir=spill, durable=True, **FAST)
    log.info("durable", extra={"n": 1})
    [segment] = spill_files(spill)
    assert b'"n":1' in segment.read_bytes()
    server.mode = None
    log.info("durable", extra={"n": 2})
    handler.flush()
    assert server.seqs() == [1, 2]
    assert wait_until(lambda: spill_files(spill) == [])
    assert os.listdir(spill)  # the per-sink directory stays for the next run
