"""hipaalog.timed: slow and failing operations are logged with their duration; fast ones are not."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

import hipaalog
from hipaalog import timing
from hipaalog.exceptions import ConfigError
from hipaalog.testing import LogCapture


class FakeClock:
    """A monotonic clock the test moves by hand (seconds)."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance_ms(self, ms: float) -> None:
        self.now += ms / 1000.0


@pytest.fixture(autouse=True)
def _restore_thresholds() -> Iterator[None]:
    saved = timing.thresholds()
    yield
    timing.configure_thresholds(saved)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_slow_block_logs_a_warning_with_duration_threshold_and_operation(
    hipaalog_caplog: LogCapture, clock: FakeClock
) -> None:
    """A block slower than its threshold is one warning with operation, duration_ms and threshold_ms."""
    with hipaalog.timed("db.claims.select", threshold_ms=50, clock=clock) as timer:
        clock.advance_ms(73.4)
    record = hipaalog_caplog.assert_logged(level="warning", operation="db.claims.select")
    assert record["duration_ms"] == pytest.approx(73.4)
    assert record["threshold_ms"] == 50
    assert record["message"] == "db.claims.select took 73.4 ms (threshold 50 ms)"
    assert record["logger"] == "hipaalog.timing"
    assert timer.duration_ms == pytest.approx(73.4)
    assert len(hipaalog_caplog.records) == 1


def test_block_within_threshold_logs_nothing(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """A block that finishes within its threshold writes no record, but its duration is kept."""
    with hipaalog.timed("db.claims.select", threshold_ms=50, clock=clock) as timer:
        clock.advance_ms(50)
    assert hipaalog_caplog.records == []
    assert timer.duration_ms == pytest.approx(50)


def test_every_call_logs_fast_operations_at_debug(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """every_call=True writes the calls within the threshold at debug."""
    hipaalog_caplog.set_level("debug")
    with hipaalog.timed("cache.get", threshold_ms=5, every_call=True, clock=clock):
        clock.advance_ms(1.5)
    record = hipaalog_caplog.assert_logged(level="debug", operation="cache.get", message="cache.get took 1.5 ms")
    assert record["duration_ms"] == pytest.approx(1.5)
    assert record["threshold_ms"] == 5


def test_exception_is_logged_with_duration_and_reraised(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """An exception inside is logged at error with its duration and a structured error, then re-raised as is."""
    boom = LookupError("claim not found")

    def look_up() -> None:
        with hipaalog.timed("db.claims.get", threshold_ms=1000, clock=clock):
            clock.advance_ms(12)
            raise boom

    with pytest.raises(LookupError) as raised:
        look_up()
    assert raised.value is boom
    record = hipaalog_caplog.assert_logged(level="error", operation="db.claims.get")
    assert record["message"] == "db.claims.get failed after 12.0 ms"
    assert record["duration_ms"] == pytest.approx(12)
    assert record["error"]["type"] == "LookupError"
    assert record["error"]["message"] == "claim not found"


def test_decorator_measures_each_call_and_keeps_the_function(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """As a decorator, every call is measured separately and the result and metadata pass through."""

    @hipaalog.timed("pricing.quote", threshold_ms=10, clock=clock)
    def quote(amount: int) -> int:
        """Quote a price."""
        clock.advance_ms(amount)
        return amount * 2

    assert quote(5) == 10
    assert quote(25) == 50
    assert quote.__name__ == "quote"
    assert quote.__doc__ == "Quote a price."
    slow = hipaalog_caplog.find(operation="pricing.quote")
    assert [r["duration_ms"] for r in slow] == [pytest.approx(25)]


def test_decorated_coroutine_is_measured_across_awaits(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """An async function is timed from call to completion, including the time it spends awaiting."""

    @hipaalog.timed("payer.eligibility", threshold_ms=300, clock=clock)
    async def check(member: str) -> str:
        await asyncio.sleep(0)
        clock.advance_ms(420)
        await asyncio.sleep(0)
        return member.upper()

    assert asyncio.iscoroutinefunction(check)
    assert asyncio.run(check("m-1")) == "M-1"
    record = hipaalog_caplog.assert_logged(level="warning", operation="payer.eligibility")
    assert record["duration_ms"] == pytest.approx(420)


def test_decorated_coroutine_failure_is_logged_and_reraised(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """An async function that raises is logged at error and the exception reaches the caller."""

    @hipaalog.timed("payer.eligibility", threshold_ms=300, clock=clock)
    async def check() -> None:
        clock.advance_ms(3)
        raise TimeoutError("payer did not answer")

    with pytest.raises(TimeoutError, match="payer did not answer"):
        asyncio.run(check())
    record = hipaalog_caplog.assert_logged(level="error", operation="payer.eligibility")
    assert record["error"]["type"] == "TimeoutError"


def test_async_with_block_is_timed(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """``async with timed(...)`` measures the block like ``with`` does."""

    async def main() -> None:
        async with hipaalog.timed("queue.publish", threshold_ms=1, clock=clock) as timer:
            await asyncio.sleep(0)
            clock.advance_ms(2)
            timer.add(topic="claims")

    asyncio.run(main())
    hipaalog_caplog.assert_logged(level="warning", operation="queue.publish", topic="claims", duration_ms=2.0)


def test_real_monotonic_clock_measures_a_sleep(hipaalog_caplog: LogCapture) -> None:
    """With the default clock, a 20 ms sleep is measured as at least 20 ms."""
    with hipaalog.timed("sleepy", threshold_ms=1):
        time.sleep(0.02)
    record = hipaalog_caplog.assert_logged(operation="sleepy")
    assert record["duration_ms"] >= 20


def test_extra_and_added_fields_reach_the_record_without_clobbering(
    hipaalog_caplog: LogCapture, clock: FakeClock
) -> None:
    """extra= and add() fields are written; names logging or timing owns are kept under extra_."""
    extra = {"table": "claims", "message": "spoof", "duration_ms": "spoof", "args": 1}
    with hipaalog.timed("db.claims.select", threshold_ms=0, extra=extra, clock=clock) as timer:
        clock.advance_ms(1)
        timer.add(rows=3, operation="spoof")
    record = hipaalog_caplog.assert_logged(operation="db.claims.select", table="claims", rows=3)
    assert record["duration_ms"] == pytest.approx(1)
    assert record["extra_message"] == "spoof"
    assert record["extra_duration_ms"] == "spoof"
    assert record["extra_operation"] == "spoof"
    assert record["extra_args"] == 1
    assert record["message"].startswith("db.claims.select took")


def test_level_and_logger_can_be_chosen(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """level= and logger= set the slow record's level and logger."""
    with hipaalog.timed("report.build", threshold_ms=1, level="error", logger="claims.reports", clock=clock):
        clock.advance_ms(5)
    hipaalog_caplog.assert_logged(level="error", logger="claims.reports", operation="report.build")
    assert "error" not in hipaalog_caplog.records[0]


def test_disabled_logger_writes_nothing(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """A slow operation on a logger set above warning writes nothing."""
    logging.getLogger("quiet").setLevel(logging.CRITICAL)
    with hipaalog.timed("x", threshold_ms=1, logger="quiet", clock=clock):
        clock.advance_ms(5)
    assert hipaalog_caplog.records == []


def test_timer_is_reusable_and_nests_on_one_thread(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """One Timer entered twice in sequence, and nested, measures each block on its own."""
    timer = hipaalog.timed("step", threshold_ms=0, clock=clock)
    with timer:
        clock.advance_ms(1)
        with timer:
            clock.advance_ms(2)
        clock.advance_ms(4)
    with timer:
        clock.advance_ms(8)
    assert [r["duration_ms"] for r in hipaalog_caplog.records] == [2.0, 7.0, 8.0]


def test_configured_thresholds_by_pattern(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """Without threshold_ms, the most specific configured pattern (or the exact name) applies."""
    timing.configure_thresholds({"db.*": 50, "db.claims.*": 10, "db.claims.count": 500, "*": 1000})
    assert timing.threshold_for("db.members.get") == 50
    assert timing.threshold_for("db.claims.select") == 10
    assert timing.threshold_for("db.claims.count") == 500
    assert timing.threshold_for("http.get") == 1000
    for name in ("db.members.get", "db.claims.select", "db.claims.count", "http.get"):
        with hipaalog.timed(name, clock=clock):
            clock.advance_ms(20)
    assert [r["operation"] for r in hipaalog_caplog.records] == ["db.claims.select"]
    assert hipaalog_caplog.records[0]["threshold_ms"] == 10


def test_configured_threshold_change_applies_to_existing_timers(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """A timer made before the thresholds changed uses the new ones (no stale cache)."""
    timing.configure_thresholds({"db.*": 100})
    timer = hipaalog.timed("db.x", clock=clock)
    with timer:
        clock.advance_ms(20)
    timing.configure_thresholds({"db.*": 10})
    with timer:
        clock.advance_ms(20)
    assert len(hipaalog_caplog.records) == 1
    assert timer.threshold_ms == 10


def test_no_threshold_anywhere_logs_only_failures(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """With no threshold given or configured, slow calls are not logged but failures are."""
    timing.configure_thresholds({})
    with hipaalog.timed("anything", clock=clock):
        clock.advance_ms(10_000)
    with pytest.raises(ValueError, match="bad"), hipaalog.timed("anything", clock=clock):
        raise ValueError("bad")
    assert [r["level"] for r in hipaalog_caplog.records] == ["error"]
    assert "threshold_ms" not in hipaalog_caplog.records[0]


def test_configure_timing_option_sets_thresholds(identity_env: dict[str, str], tmp_path: Path) -> None:
    """configure(timing=...) sets the pattern thresholds, and a timed line lands in the configured file."""
    out = tmp_path / "app.jsonl"
    handler = hipaalog.configure(sinks=[f"file://{out}"], timing={"db.*": 5})
    clock = FakeClock()
    with hipaalog.timed("db.claims.select", clock=clock):
        clock.advance_ms(6)
    handler.flush()
    (line,) = out.read_bytes().splitlines()
    record = orjson.loads(line)
    assert record["operation"] == "db.claims.select"
    assert record["threshold_ms"] == 5
    assert record["duration_ms"] == 6.0
    assert record["appId"] == "claims"


@pytest.mark.parametrize(
    "bad",
    [{"db.*": -1}, {"db.*": "fast"}, {"db.*": True}, {"": 5}, {"db.*": float("nan")}, ["db.*"]],
)
def test_bad_thresholds_are_config_errors_that_change_nothing(bad: object, identity_env: dict[str, str]) -> None:
    """A bad threshold table is a ConfigError naming the problem, and the previous table stays."""
    timing.configure_thresholds({"db.*": 50})
    with pytest.raises(ConfigError, match="timing threshold"):
        timing.configure_thresholds(bad)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="timing threshold"):
        hipaalog.configure(timing=bad)  # type: ignore[arg-type]
    assert timing.thresholds() == {"db.*": 50.0}


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"name": ""}, "operation name"),
        ({"name": "x", "threshold_ms": -5}, "threshold_ms"),
        ({"name": "x", "level": "loud"}, "unknown level"),
        ({"name": "x", "logger": 42}, "logger must be"),
        ({"name": "x", "clock": 3}, "clock must be"),
    ],
)
def test_bad_timed_arguments_are_config_errors(kwargs: dict[str, object], match: str) -> None:
    """timed() refuses a bad name, threshold, level, logger or clock with a ConfigError."""
    with pytest.raises(ConfigError, match=match):
        hipaalog.timed(**kwargs)  # type: ignore[arg-type]


def test_unbalanced_exit_is_counted_not_raised(clock: FakeClock) -> None:
    """Leaving a timer that was never entered is counted as a problem and does not raise."""
    from hipaalog import _diagnostics

    timer = hipaalog.timed("x", threshold_ms=0, clock=clock)
    timer.__exit__(None, None, None)
    assert _diagnostics.counts().get("timing-unbalanced") == 1


def test_timed_record_fields_are_redacted(hipaalog_caplog: LogCapture, clock: FakeClock) -> None:
    """PHI in a timed operation's fields is redacted; its own fields are untouched."""
    with hipaalog.timed("db.patient.get", threshold_ms=1, extra={"patient_email": "jane.roe@example.org"}, clock=clock):
        clock.advance_ms(2.5)
    (record,) = hipaalog_caplog.records
    assert "jane.roe@example.org" not in str(record)
    assert (record["operation"], record["duration_ms"], record["threshold_ms"]) == ("db.patient.get", 2.5, 1)
    hipaalog_caplog.assert_no_phi()
