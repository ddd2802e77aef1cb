"""Retries: backoff with jitter, Retry-After, only the failed items of a bulk request, no duplicates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import orjson
import pytest

from hipaalog import SinkError, _diagnostics
from hipaalog._delivery import Backoff
from hipaalog.sinks import EncodedRecord, HttpSink

from .._peers import free_port
from ._ingest import Fault, Ingest
from .conftest import MakeLogger

FAST = {"backoff_initial": 0.01, "backoff_max": 0.05}


def test_backoff_doubles_with_jitter_and_honours_retry_after() -> None:
    """Delays double up to the maximum, stay within [half, all] of it, and wait at least Retry-After."""
    low, high = Backoff(0.5, 8.0, rand=lambda: 0.0), Backoff(0.5, 8.0, rand=lambda: 1.0)
    assert [low.delay(n) for n in (1, 2, 3, 4, 5, 9)] == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0]
    assert [high.delay(n) for n in (1, 2, 3, 4, 5, 9)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert low.delay(1, retry_after=3.0) == 3.0
    assert low.delay(9, retry_after=1.0) == 4.0
    assert Backoff(0.5, 8.0, retry_after_max=60).delay(1, retry_after=86400) == 60


def test_server_errors_are_retried_until_delivered_once_in_order(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """Two 503 answers, then success: every record arrives exactly once, in order, and retries are counted."""
    server = ingest("jsonl").then(Fault("status", 503), Fault("status", 503))
    log, handler = make_logger([server.url], **FAST)
    for i in range(20):
        log.info("record", extra={"n": i})
    handler.flush()
    assert server.seqs() == list(range(20))
    stats = handler.stats()
    assert (stats["delivered"], stats["retried"], stats["failed"]) == (20, 40, 0)
    assert _diagnostics.counts()["sink-write-failed"] == 2


def test_retry_after_is_honoured(make_logger: MakeLogger, ingest: Callable[[str], Ingest]) -> None:
    """After 429 with Retry-After: 1 the next attempt waits at least that second."""
    server = ingest("jsonl").then(Fault("status", 429, headers={"Retry-After": "1"}))
    log, handler = make_logger([server.url], **FAST)
    log.info("record", extra={"n": 0})
    handler.flush()
    first, second = server.requests
    assert second.at - first.at >= 0.95
    assert server.seqs() == [0]


def test_only_failed_bulk_items_are_retried(make_logger: MakeLogger, ingest: Callable[[str], Ingest]) -> None:
    """OpenSearch _bulk: items answered 429 are resent alone; an item refused with 400 is counted, never resent."""
    server = ingest("opensearch").then(Fault("partial", items={2: 429, 5: 429, 7: 400}))
    log, handler = make_logger([{"type": "opensearch", "url": server.url, "index": "logs-claims-%Y.%m"}], **FAST)
    for i in range(10):
        log.info("record", extra={"n": i})
    handler.flush()
    assert [len(r.records) for r in server.requests] == [10, 2]
    assert [r["doc"]["n"] for r in server.requests[1].records] == [2, 5]
    assert sorted(server.seqs()) == [0, 1, 2, 3, 4, 5, 6, 8, 9]
    assert len(server.seqs()) == 9  # none twice
    assert server.requests[0].records[0]["action"]["create"]["_index"].startswith("logs-claims-20")
    stats = handler.stats()
    assert (stats["delivered"], stats["failed"], stats["retried"]) == (9, 1, 2)
    assert _diagnostics.counts()["records-rejected"] == 1


def test_splunk_invalid_event_is_refused_and_later_events_resent(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """HEC's invalid-event-number: events before it count as delivered, it fails, the rest are resent once."""
    server = ingest("splunk").then(Fault("partial", items={3: 400}))
    log, handler = make_logger([{"type": "splunk", "url": server.url, "token": "hec-token"}], **FAST)
    for i in range(6):
        log.info("record", extra={"n": i})
    handler.flush()
    assert server.seqs() == [0, 1, 2, 4, 5]
    assert server.requests[0].headers["Authorization"] == "Splunk hec-token"
    assert (handler.stats()["delivered"], handler.stats()["failed"]) == (5, 1)


def test_a_dropped_connection_is_retried_without_duplicates(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """The server closes the connection without answering: the batch is resent and stored once."""
    server = ingest("loki").then(Fault("drop"))
    log, handler = make_logger([{"type": "loki", "url": server.url}], **FAST)
    for i in range(5):
        log.info("record", extra={"n": i})
    handler.flush()
    assert sorted(server.seqs()) == list(range(5)) and len(server.requests) == 2
    stats = handler.stats()
    assert (stats["retried"], stats["resent"]) == (5, 5)  # the server had the request: it might have kept it


def test_a_refused_connection_sent_nothing() -> None:
    """No server listening: the request never went out, so no record of it may be counted as resent."""
    sink = HttpSink(f"http://127.0.0.1:{free_port()}/ingest")
    record = EncodedRecord(b'{"n":0}', 20, 6, 1.7e9, "claims", "claims", "k8s", "api")
    with pytest.raises(SinkError) as info:
        sink.write([record, record])
    assert info.value.retryable and info.value.failed == [0, 1] and info.value.maybe_sent == []
    sink.close()


def test_a_client_error_is_counted_as_failed_not_retried(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """400 means the request will never be accepted: its records are failed and reported, with no retry."""
    server = ingest("jsonl").then(Fault("status", 400))
    log, handler = make_logger([server.url], **FAST)
    for i in range(3):
        log.info("record", extra={"n": i})
    handler.flush()
    log.info("next", extra={"n": 3})
    handler.flush()
    assert server.seqs() == [3]
    assert (handler.stats()["failed"], handler.stats()["retried"]) == (3, 0)


def test_without_spill_a_long_outage_keeps_records_in_memory(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """With no spill_dir, retries continue past retry_attempts while the queue holds the records."""
    server = ingest("jsonl").then(*[Fault("status", 502)] * 8)
    log, handler = make_logger([server.url], retry_attempts=2, **FAST)
    for i in range(30):
        log.info("record", extra={"n": i})
    handler.flush()
    assert server.seqs() == list(range(30))
    assert (handler.stats()["spilled"], handler.stats()["dropped"]) == (0, 0)


def test_a_too_large_request_is_split(make_logger: MakeLogger, ingest: Callable[[str], Ingest]) -> None:
    """After 413 the sink sends smaller requests; every record arrives once."""
    server = ingest("jsonl").then(Fault("status", 413))
    log, handler = make_logger([server.url], batch_size=200, flush_interval=5.0, **FAST)
    for i in range(200):
        log.info("record %s", "x" * 100, extra={"n": i})
    handler.flush()
    assert sorted(server.seqs()) == list(range(200)) and len(server.seqs()) == 200
    assert len(server.requests) >= 3


@pytest.mark.parametrize("status", [401, 403, 404, 500, 503])
def test_statuses_that_may_pass_later_are_retried(
    status: int, make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """Authentication trouble, a missing endpoint and server errors keep records for another attempt."""
    server = ingest("jsonl").then(Fault("status", status))
    log, handler = make_logger([server.url], **FAST)
    log.info("record", extra={"n": 1})
    handler.flush()
    assert server.seqs() == [1] and handler.stats()["failed"] == 0


class BreaksOff:
    """A sink whose writes break off as scripted: ``(failed, maybe_sent)`` per write, then success."""

    name = "breaks-off"

    def __init__(self, *script: tuple[list[int] | None, list[int]]) -> None:
        self.script = list(script)
        self.writes: list[list[int]] = []

    def write(self, batch: Sequence[EncodedRecord]) -> None:
        self.writes.append([orjson.loads(r.line)["n"] for r in batch])
        if self.script:
            failed, maybe_sent = self.script.pop(0)
            raise SinkError("connection broke mid-write", failed=failed, maybe_sent=maybe_sent)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_records_a_broken_write_may_have_sent_count_as_resent(make_logger: MakeLogger) -> None:
    """Only failed records the sink says may have gone out count as resent, once per broken write."""
    sink = BreaksOff((None, [0, 1, 2]), ([6, 7, 8, 9], [0, 6, 7]), (None, []))
    log, handler = make_logger([sink], flush_interval=5, batch_size=10, **FAST)
    for i in range(10):
        log.info("record", extra={"n": i})
    handler.flush()
    assert sink.writes == [list(range(10)), list(range(10)), [6, 7, 8, 9], [6, 7, 8, 9]]
    stats = handler.stats()
    assert (stats["delivered"], stats["retried"], stats["failed"]) == (10, 18, 0)
    assert stats["resent"] == 3 + 2  # record 0 of the second write was delivered, not resent


def test_a_replay_from_disk_that_breaks_off_counts_its_resends(make_logger: MakeLogger, tmp_path: Path) -> None:
    """A batch replayed from the spill whose write breaks off midway counts what may have gone out as resent."""
    sink = BreaksOff((None, []), (None, [0, 1]))
    log, handler = make_logger([sink], spill_dir=tmp_path, retry_attempts=0, flush_interval=5, batch_size=5, **FAST)
    for i in range(5):
        log.info("record", extra={"n": i})
    handler.flush()  # the first write fails with nothing sent: the batch goes to disk
    assert handler.stats()["spilled"] == 5
    handler.flush()  # the replay breaks off after two records, the next one goes through
    handler.flush()
    assert sink.writes == [list(range(5))] * 3
    stats = handler.stats()
    assert (stats["delivered"], stats["resent"], stats["backlog"]) == (5, 2, 0)
