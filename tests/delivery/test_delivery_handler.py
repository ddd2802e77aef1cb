"""SinkHandler: queue and worker per sink, batching, flush and close, counters, configuration."""

from __future__ import annotations

import logging
import logging.config
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import hipaalog
from hipaalog import ConfigError, SinkHandler, _diagnostics

from ._ingest import Fault, Ingest
from .conftest import MakeLogger, read_jsonl, wait_until


def test_log_calls_return_before_delivery_and_flush_waits_for_it(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """Formatting happens on the caller's thread, writing on the worker; flush() returns once records arrived."""
    server = ingest("jsonl").then(Fault("slow", seconds=0.3))
    log, handler = make_logger([f"{server.url}/ingest"])
    caller = threading.get_ident()
    log.info("claim %s accepted", "C-1", extra={"n": 0})
    assert server.stored == []  # the slow first request is still on its way
    handler.flush()
    assert server.seqs() == [0]
    assert server.requests[0].path == "/ingest"
    assert caller == threading.get_ident()
    assert handler.stats() == {
        "emitted": 1, "enqueued": 1, "written": 1, "delivered": 1, "retried": 0, "resent": 0, "spilled": 0,
        "dropped": 0, "failed": 0, "recovered": 0, "queued": 0, "backlog": 0,
    }  # fmt: skip


def test_batches_are_bounded_by_batch_size(make_logger: MakeLogger, ingest: Callable[[str], Ingest]) -> None:
    """Records travel in batches of at most batch_size, in order."""
    server = ingest("jsonl")
    log, handler = make_logger([server.url], batch_size=50, flush_interval=5.0)
    for i in range(500):
        log.info("record", extra={"n": i})
    handler.flush()
    sizes = [len(r.records) for r in server.requests]
    assert server.seqs() == list(range(500))
    assert max(sizes) <= 50 and len(sizes) >= 10


def test_a_partial_batch_leaves_after_flush_interval_without_flush(make_logger: MakeLogger, tmp_path: Path) -> None:
    """A lone record is written once flush_interval passes, with nobody calling flush()."""
    path = tmp_path / "app.jsonl"
    log, _ = make_logger([str(path)], flush_interval=0.05, batch_size=1000)
    log.info("lonely", extra={"n": 1})
    assert wait_until(lambda: [r["n"] for r in read_jsonl(path)] == [1])


def test_a_hanging_sink_never_holds_back_another(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """While one sink hangs on a request, the file sink beside it receives every record."""
    server = ingest("jsonl")
    server.mode = Fault("hang")
    path = tmp_path / "app.jsonl"
    log, handler = make_logger([server.url, str(path)], flush_timeout=0.5, close_timeout=0.5)
    for i in range(200):
        log.info("record", extra={"n": i})
    assert wait_until(lambda: len(read_jsonl(path)) == 200)
    assert [r["n"] for r in read_jsonl(path)] == list(range(200))
    per_sink = handler.sink_stats()
    assert per_sink[f"file:{path}"]["delivered"] == 200
    assert per_sink[f"http:jsonl:{server.url}/"]["delivered"] == 0
    server.mode = None
    server.release()
    handler.flush()
    assert sorted(server.seqs()) == list(range(200))  # the stuck sink catches up once its peer answers


def test_close_delivers_what_is_queued_and_refuses_later_records(make_logger: MakeLogger, tmp_path: Path) -> None:
    """close() drains the queue; a record logged after close is counted as dropped and reported."""
    path = tmp_path / "app.jsonl"
    log, handler = make_logger([str(path)], flush_interval=10.0, batch_size=10_000)
    for i in range(1000):
        log.info("record", extra={"n": i})
    handler.close()
    assert [r["n"] for r in read_jsonl(path)] == list(range(1000))
    log.info("too late")
    handler.close()  # idempotent
    assert handler.stats()["dropped"] == 1
    assert _diagnostics.counts()["record-after-close"] == 1


def test_close_without_spill_counts_what_a_down_sink_never_took(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest]
) -> None:
    """Without spill_dir, records still undeliverable at close_timeout are counted as failed and reported."""
    server = ingest("jsonl")
    server.mode = Fault("status", 503)
    log, handler = make_logger([server.url], close_timeout=0.3, backoff_initial=0.01, backoff_max=0.05)
    for i in range(5):
        log.info("record", extra={"n": i})
    handler.close()
    stats = handler.stats()
    assert (stats["delivered"], stats["failed"], stats["queued"]) == (0, 5, 0)
    assert _diagnostics.counts()["undelivered-at-close"] == 5


def test_close_gives_up_on_a_hanging_sink_in_bounded_time(
    make_logger: MakeLogger, ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """A sink that never answers: close() returns after close_timeout, queued records go to the spill,
    the batch in flight is counted as failed, and the next handler replays the spilled ones."""
    server = ingest("jsonl")
    server.mode = Fault("hang")
    spill = tmp_path / "spill"
    log, handler = make_logger([server.url], spill_dir=spill, close_timeout=0.3, flush_interval=0)
    log.info("in flight", extra={"n": 0})
    assert wait_until(lambda: len(server.requests) == 1)
    for i in range(1, 4):
        log.info("queued", extra={"n": i})
    handler.close()
    stats = handler.stats()
    assert (stats["failed"], stats["spilled"], stats["backlog"]) == (1, 3, 3)
    assert _diagnostics.counts()["sink-not-closed"] == 1
    server.mode = None
    server.release()
    _, second = make_logger([server.url], spill_dir=spill)
    second.flush()
    assert [n for n in server.seqs() if n] == [1, 2, 3]


def test_self_record_reports_the_counters(make_logger: MakeLogger, tmp_path: Path) -> None:
    """Every stats_interval a record of logger hipaalog.delivery carries the counters, per sink too."""
    path = tmp_path / "app.jsonl"
    log, handler = make_logger([str(path)], stats_interval=0.05)
    log.info("first")
    handler.flush()
    assert wait_until(lambda: (log.info("tick") or handler.flush() or True) and any(
        r["logger"] == "hipaalog.delivery" for r in read_jsonl(path)
    ), timeout=5)  # fmt: skip
    report = next(r for r in read_jsonl(path) if r["logger"] == "hipaalog.delivery")
    counters = report["hipaalog_delivery"]
    assert report["level"] == "info" and counters["delivered"] >= 1
    assert set(counters["sinks"]) == {f"file:{path}"}
    assert {"enqueued", "delivered", "retried", "spilled", "dropped", "failed"} <= set(counters)


def test_dictconfig_builds_the_handler_with_delivery_options(tmp_path: Path, identity_env: dict[str, str]) -> None:
    """Delivery options are plain extra keys of a dictConfig handler; sinks may be mappings with options."""
    path = tmp_path / "app.jsonl"
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"json": {"()": "hipaalog.JsonFormatter"}},
            "handlers": {
                "app": {
                    "class": "hipaalog.SinkHandler",
                    "formatter": "json",
                    "sinks": [{"type": "file", "path": str(path), "max_bytes": "1MiB", "compress": True}],
                    "queue_size": 100,
                    "overflow": "drop_oldest",
                    "batch_size": 10,
                    "spill_dir": str(tmp_path / "spill"),
                    "spill_max_bytes": "8MiB",
                    "handle_sigterm": False,
                }
            },
            "root": {"level": "INFO", "handlers": ["app"]},
        }
    )
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, SinkHandler)
    assert (handler.options.queue_size, handler.options.overflow) == (100, "drop_oldest")
    assert handler.options.spill_max_bytes == 8 * 1024 * 1024
    logging.getLogger("claims").info("via dictConfig", extra={"n": 7})
    handler.flush()
    assert [r["n"] for r in read_jsonl(path)] == [7]


@pytest.mark.parametrize(
    ("options", "needle"),
    [
        ({"overflow": "lossy"}, "overflow must be one of block, drop_newest, drop_oldest"),
        ({"queue_size": 0}, "queue_size must be an integer >= 1"),
        ({"batch_size": 2.5}, "batch_size must be an integer"),
        ({"block_timeout": -1}, "block_timeout must be a number >= 0"),
        ({"backoff_initial": 5, "backoff_max": 1}, "backoff_max must be a number >= 5"),
        ({"durable": True}, "give spill_dir="),
        ({"spill_max_bytes": "lots"}, "spill_max_bytes must be a positive number of bytes"),
        ({"spill_dir": 42}, "spill_dir must be a directory path"),
    ],
)
def test_bad_delivery_options_are_config_errors(options: dict[str, Any], needle: str) -> None:
    """Each bad option is a ConfigError that says what to write instead."""
    with pytest.raises(ConfigError, match=needle):
        SinkHandler(["stdout"], **options)


def test_an_unusable_spill_dir_fails_at_configuration(tmp_path: Path) -> None:
    """A spill_dir that cannot be created is a ConfigError at construction, not a loss later."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match=r"spill_dir .* is not usable"):
        SinkHandler(["stdout"], spill_dir=blocker / "spill")


def test_configure_rejects_unknown_handler_options(tmp_path: Path) -> None:
    """configure(handler_options=...) names an unknown option and lists the known ones."""
    with pytest.raises(ConfigError, match=r"unknown SinkHandler option.*queue_sise.*known: level, queue_size"):
        hipaalog.configure(
            app_id="claims", platform="vm", microservice="claims-api", sinks=[str(tmp_path / "a.jsonl")],
            handler_options={"queue_sise": 10},
        )  # fmt: skip


def test_configure_passes_handler_options(tmp_path: Path) -> None:
    """configure(handler_options=...) reaches the handler."""
    handler = hipaalog.configure(
        app_id="claims", platform="vm", microservice="claims-api", sinks=[str(tmp_path / "a.jsonl")],
        handler_options={"overflow": "drop_newest", "queue_size": 64, "handle_sigterm": False},
    )  # fmt: skip
    assert (handler.options.overflow, handler.options.queue_size) == ("drop_newest", 64)


def test_a_formatter_that_raises_is_counted_per_sink(make_logger: MakeLogger, tmp_path: Path) -> None:
    """A record that cannot be formatted is counted as failed for every sink and reported."""

    class Broken(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            raise RuntimeError("no")

    log, handler = make_logger([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")])
    handler.setFormatter(Broken())
    log.info("x")
    stats = handler.stats()
    assert (stats["emitted"], stats["enqueued"], stats["failed"]) == (1, 2, 2)
    assert _diagnostics.counts()["record-not-encoded"] == 1
