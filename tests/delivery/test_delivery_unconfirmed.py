"""Sinks that confirm later than write returns (the settle() protocol): counted, resent, given up in bounded time."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

import orjson
import pytest

from hipaalog import SinkError, _diagnostics
from hipaalog.sinks import EncodedRecord

from .conftest import MakeLogger, wait_until

FAST = {"backoff_initial": 0.01, "backoff_max": 0.02}


class LaterSink:
    """Takes records at once; confirms them (or loses them, or raises) when settle() is asked."""

    name = "later"

    def __init__(self) -> None:
        self.sent: list[int] = []
        self.pending = 0
        self.confirm = True
        self.lose = False
        self.settle_raises = False
        self.down = False
        self._lock = threading.Lock()

    def write(self, batch: Sequence[EncodedRecord]) -> None:
        if self.down:
            raise SinkError("down")
        with self._lock:
            self.sent.extend(orjson.loads(r.line)["n"] for r in batch)
            self.pending += len(batch)

    def settle(self) -> tuple[int, int]:
        if self.settle_raises:
            raise RuntimeError("settle broke")
        with self._lock:
            n = self.pending
            if self.lose and n:
                self.pending, self.lose = 0, False
                return 0, n
            if self.confirm:
                self.pending = 0
                return n, 0
            return 0, 0

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_records_lost_while_idle_are_written_again_then_confirmed(make_logger: MakeLogger) -> None:
    """Written, unconfirmed, then lost with no write in sight: the lane asks, resends, and counts the resend."""
    sink = LaterSink()
    sink.confirm = False
    log, handler = make_logger([sink], **FAST)
    for i in range(5):
        log.info("claim", extra={"n": i})
    assert wait_until(lambda: len(sink.sent) == 5)
    assert handler.sink_stats()["later"]["unconfirmed"] == 5 and handler.stats()["delivered"] == 0
    sink.lose, sink.confirm = True, True
    handler.flush()
    assert sink.sent == [0, 1, 2, 3, 4] * 2
    stats = handler.stats()
    assert (stats["written"], stats["resent"], stats["delivered"], stats["queued"]) == (10, 5, 5, 0)


@pytest.mark.parametrize("spill", [False, True])
def test_records_never_confirmed_are_given_up_at_close_in_bounded_time(
    make_logger: MakeLogger, tmp_path: Path, capfd: pytest.CaptureFixture[str], spill: bool
) -> None:
    """A peer that never confirms: at the close deadline the records go to the spill, or are counted as failed."""
    sink = LaterSink()
    sink.confirm = False
    _diagnostics.reset()
    options = {"spill_dir": tmp_path / "spill"} if spill else {}
    log, handler = make_logger([sink], close_timeout=0.5, **options, **FAST)
    for i in range(3):
        log.info("claim", extra={"n": i})
    assert wait_until(lambda: len(sink.sent) == 3)
    handler.close()
    stats = handler.stats()
    if spill:
        assert (stats["spilled"], stats["backlog"], stats["failed"], stats["resent"]) == (3, 3, 0, 3)
    else:
        assert (stats["failed"], stats["delivered"]) == (3, 0)
        assert "3 written record(s) never confirmed before shutdown" in capfd.readouterr().err


def test_a_settle_that_raises_is_reported_and_asked_again(
    make_logger: MakeLogger, capfd: pytest.CaptureFixture[str]
) -> None:
    """settle() raising never breaks delivery: reported, then asked again until it answers."""
    sink = LaterSink()
    sink.settle_raises = True
    _diagnostics.reset()
    log, handler = make_logger([sink], **FAST)
    log.info("claim", extra={"n": 0})
    assert wait_until(lambda: "sink-settle-failed" in _diagnostics.counts())
    sink.settle_raises = False
    handler.flush()
    assert handler.stats()["delivered"] == 1
    assert "RuntimeError raised by settle()" in capfd.readouterr().err


def test_replayed_records_wait_for_confirmation_too(make_logger: MakeLogger, tmp_path: Path) -> None:
    """Records replayed from the spill to a sink that confirms later count as delivered once confirmed."""
    sink = LaterSink()
    sink.down = True
    log, handler = make_logger([sink], spill_dir=tmp_path / "spill", retry_attempts=0, **FAST)
    for i in range(4):
        log.info("claim", extra={"n": i})
    handler.flush()
    assert handler.stats()["backlog"] == 4
    sink.down, sink.confirm = False, False
    assert wait_until(lambda: len(sink.sent) == 4)
    assert handler.stats()["delivered"] == 0
    sink.confirm = True
    started = time.monotonic()
    handler.flush()
    assert time.monotonic() - started < 2.0  # not the flush_timeout: replayed records count in the flush's target
    stats = handler.stats()
    assert (stats["delivered"], stats["backlog"], stats["queued"], stats["written"]) == (4, 0, 0, 4)
    assert sink.sent == [0, 1, 2, 3]
