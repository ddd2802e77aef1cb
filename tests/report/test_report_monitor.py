"""The live monitor: windows trip at exactly the threshold, alerts are sealed and forwarded, memory stays bounded."""

from __future__ import annotations

import gzip
import http.server
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest

from hipaalog import _diagnostics
from hipaalog.audit import AuditStream
from hipaalog.exceptions import ConfigError, SinkError
from hipaalog.integrity import verify_files
from hipaalog.monitor import (
    Alert,
    Monitor,
    break_glass,
    bulk_export,
    default_rules,
    denied_access,
    failed_logins,
    record_reopened,
    success_after_failures,
    users_from_source,
)
from hipaalog.report._reader import read_merged
from hipaalog.sinks import EncodedRecord, FileSink

from .conftest import Dataset
from .test_report_rules import BASE, Stream

STREAM_KEY = "hex:" + "c3" * 32
PSEUDONYM_KEY = "hex:" + "7d" * 32


def feed(monitor: Monitor, stream: Stream) -> list[Alert]:
    alerts: list[Alert] = []
    for record in stream.records:
        alerts.extend(monitor.observe(record))
    return alerts


@pytest.mark.parametrize(("count", "span", "expected"), [(10, 300.0, 1), (9, 250.0, 0), (10, 300.001, 0)])
def test_failed_logins_trip_at_exactly_the_threshold(count: int, span: float, expected: int) -> None:
    """Ten failures within 300 s (inclusive) raise one alert citing all ten; nine, or ten over 300.001 s, raise none."""
    stream = Stream()
    seqs = [stream.login(BASE + span * i / (count - 1), "amy", "failure") for i in range(count)]
    alerts = feed(Monitor([failed_logins("actor", 10, 300.0)]), stream)
    assert len(alerts) == expected
    if expected:
        (alert,) = alerts
        assert (alert.rule, alert.count, alert.seqs, alert.subject) == (
            "failed-logins-per-actor",
            10,
            tuple(seqs),
            {"actor": "amy"},
        )


def test_the_window_starts_again_after_an_alert() -> None:
    """Twenty quick failures raise two alerts of ten, not one alert per failure after the tenth."""
    stream = Stream()
    for i in range(20):
        stream.login(BASE + i, "amy", "failure")
    alerts = feed(Monitor([failed_logins("actor", 10, 300.0)]), stream)
    assert [a.seqs for a in alerts] == [tuple(range(1, 11)), tuple(range(11, 21))]


def test_spraying_counts_distinct_users() -> None:
    """Repeated failures for one user do not count twice; the fifth distinct user from the source trips."""
    stream = Stream()
    for i in range(8):
        stream.login(BASE + i, "amy", "failure", source="198.51.100.7")
    last = [stream.login(BASE + 10 + i, f"user{i}", "failure", source="198.51.100.7") for i in range(4)]
    (alert,) = feed(Monitor([users_from_source(5, 3600.0)]), stream)
    assert alert.subject == {"source": "198.51.100.7"}
    assert alert.count == 5
    assert alert.seqs == (8, *last)  # the latest failure of each distinct user


@pytest.mark.parametrize(("failures", "expected"), [(5, 1), (4, 0)])
def test_success_after_failures_alerts_on_the_success(failures: int, expected: int) -> None:
    """A success after five failures within 15 minutes is a critical alert citing the failures and the success."""
    stream = Stream()
    seqs = [stream.login(BASE + 10 * i, "bob", "failure") for i in range(failures)]
    success = stream.login(BASE + 100, "bob", "success")
    alerts = feed(Monitor([success_after_failures(5, 900.0)]), stream)
    assert len(alerts) == expected
    if expected:
        assert alerts[0].severity == "critical"
        assert alerts[0].seqs == (*seqs, success)


def test_exports_sum_patients_and_break_glass_alerts_every_use() -> None:
    """Exports trip on the sum of patients; each emergency access alerts; denials trip at five."""
    stream = Stream()
    first = stream.add(BASE, event="export", actor="cy", patients=300, format="csv", destination="usb")
    second = stream.add(BASE + 60, event="export", actor="cy", patients=250, format="csv", destination="usb")
    glass = stream.access(BASE + 120, "dr.o", "PATIENT:k1:aaaaaaaaaaaaaaaa", emergency=True)
    denied = [stream.access(BASE + 200 + i, "lab1", "PATIENT:k1:bbbbbbbbbbbbbbbb", outcome="denied") for i in range(5)]
    alerts = feed(Monitor([bulk_export(500, 86400.0), break_glass(), denied_access(5, 3600.0)]), stream)
    assert [(a.rule, a.seqs) for a in alerts] == [
        ("bulk-export", (first, second)),
        ("break-glass", (glass,)),
        ("denied-access", tuple(denied)),
    ]
    assert alerts[0].count == 550


def test_rules_are_frozen_callables_with_a_useful_repr() -> None:
    """Rules say what they count in their repr, and bad arguments are configuration errors."""
    rule = record_reopened(20, 3600.0)
    assert repr(rule) == "<Rule record-reopened: 20 events per actor+patient within 3600s>"
    assert rule({"event": "access", "outcome": "success", "actor": "a", "patient": "p"}) == ("a\x1fp", None, 1, False)
    with pytest.raises(ConfigError):
        failed_logins("patient")
    with pytest.raises(ConfigError):
        failed_logins("actor", threshold=0)
    with pytest.raises(ConfigError):
        Monitor([rule], max_keys=0)


def test_memory_stays_bounded_however_long_it_runs() -> None:
    """100,000 events over 30 days from 5,000 users keep at most max_keys windows per rule; the excess is counted."""
    rules = [failed_logins("actor", 10, 300.0), record_reopened(20, 3600.0)]
    monitor = Monitor(rules, max_keys=500)
    bound = sum(rule.threshold for rule in rules) * 500
    highest = 0
    for i in range(100_000):
        at = BASE + i * 26
        stamp_record = Stream()
        if i % 2:
            stamp_record.login(at, f"user{i % 5000}", "failure")
        else:
            stamp_record.access(at, f"user{i % 5000}", f"PATIENT:k1:{i % 977:016d}")
        monitor.observe(stamp_record.records[0])
        if i % 1000 == 0:
            highest = max(highest, monitor.retained())
            assert monitor.windows() <= 2 * 500
    assert 0 < highest <= bound
    assert monitor.stats()["dropped_windows"] > 0
    assert _diagnostics.counts()["monitor-window-dropped"] == monitor.stats()["dropped_windows"]
    quiet = Stream()
    for i in range(1000):  # two days later: every old window has expired and is swept
        quiet.login(BASE + 100_000 * 26 + 2 * 86400 + i, "late", "success")
    feed(monitor, quiet)
    assert monitor.retained() < 10


@pytest.fixture
def audit_stream(tmp_path: Path) -> Iterator[AuditStream]:
    """A real sealed audit stream on disk."""
    stream = AuditStream(
        tmp_path / "audit.jsonl",
        key=STREAM_KEY,
        pseudonym_key=PSEUDONYM_KEY,
        app_id="clinic",
        platform="vm",
        microservice="ehr",
        fsync=False,
    )
    yield stream
    stream.close()


def test_attached_monitor_seals_its_alert_into_the_stream_and_forwards_it(
    audit_stream: AuditStream, tmp_path: Path
) -> None:
    """Ten failed log-ins in a real audit stream produce a sealed alert citing their seqs, also written to a file."""
    alerts_file = tmp_path / "alerts.jsonl"
    monitor = Monitor([failed_logins("actor", 10, 300.0)], sinks=[FileSink(alerts_file)], stream=audit_stream)
    for _ in range(10):
        assert audit_stream.login("amy", False, "203.0.113.5", "password")
    monitor.close()
    lines = (tmp_path / "audit.jsonl").read_bytes().splitlines()
    alert = orjson.loads(lines[-1])
    assert alert["seq"] == 11
    assert alert["audit"]["event"] == "alert"
    assert alert["audit"]["rule"] == "failed-logins-per-actor"
    assert alert["audit"]["evidence"] == list(range(1, 11))
    assert alert["audit"]["actor"] == "amy"
    assert orjson.loads(alerts_file.read_bytes()) == alert
    monitor.detach()
    audit_stream.close()
    assert verify_files([tmp_path / "audit.jsonl"], keys={"k1": STREAM_KEY}).ok


class _Hook(http.server.BaseHTTPRequestHandler):
    received: list[bytes]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        del format, args


def test_alert_is_forwarded_to_a_webhook() -> None:
    """With an http sink, the alert record is POSTed to a webhook on loopback."""
    received: list[bytes] = []
    handler = type("Hook", (_Hook,), {"received": received})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        monitor = Monitor([failed_logins("actor", 10, 300.0)], sinks=[f"http://127.0.0.1:{server.server_port}/hook"])
        stream = Stream()
        for i in range(10):
            stream.login(BASE + i, "amy", "failure")
        (alert,) = feed(monitor, stream)
        monitor.close()
    finally:
        server.shutdown()
        server.server_close()
    (body,) = received
    record = orjson.loads(body.splitlines()[0])
    assert record["logger"] == "hipaalog.monitor"
    assert record["audit"] == {
        "event": "alert",
        "actor": "amy",
        "outcome": "success",
        "rule": "failed-logins-per-actor",
        "detail": alert.detail,
        "evidence": list(range(1, 11)),
    }
    assert record["appId"] == "clinic"


class _BrokenSink:
    name = "broken"

    def write(self, batch: Sequence[EncodedRecord]) -> None:
        raise SinkError("down")

    def flush(self) -> None:
        """Nothing to flush."""

    def close(self) -> None:
        """Nothing to close."""


def test_a_failing_sink_or_callback_never_raises() -> None:
    """A sink that fails and a callback that raises are counted; the alert is still returned."""

    def explode(alert: Alert) -> None:
        raise RuntimeError("callback bug")

    monitor = Monitor([failed_logins("actor", 2, 60.0)], sinks=[_BrokenSink()], on_alert=explode)
    stream = Stream()
    stream.login(BASE, "amy", "failure")
    stream.login(BASE + 1, "amy", "failure")
    assert len(feed(monitor, stream)) == 1
    counts = _diagnostics.counts()
    assert counts["monitor-alert-undelivered"] == 1
    assert counts["monitor-callback-failed"] == 1
    assert monitor.observe_line(b"not json") == []
    assert monitor.stats()["unreadable"] == 1


def _replay(dataset: Dataset) -> list[Alert]:
    monitor = Monitor(default_rules())
    alerts: list[Alert] = []
    for _ts, _index, record in read_merged([str(p) for p in dataset.written.paths]):
        alerts.extend(monitor.observe(record))
    return alerts


def test_default_rules_replayed_over_the_planted_clinic(planted: Dataset) -> None:
    """Replayed over the planted stream, the default rules alert on the log-in, glass, denial and export incidents."""
    alerts = _replay(planted)
    incidents = {i.kind: set(i.seqs) for i in planted.written.incidents}
    by_rule: dict[str, list[Alert]] = {}
    for alert in alerts:
        by_rule.setdefault(alert.rule, []).append(alert)
    expected = {
        "failed-logins-per-actor": "password-guessing",
        "failed-logins-per-source": "password-guessing",
        "success-after-failures": "account-takeover",
        "users-from-source": "password-spraying",
        "break-glass": "break-glass",
        "denied-access": "access-denied",
        "bulk-export": "bulk-export",
    }
    assert set(by_rule) == set(expected)
    for rule, kind in expected.items():
        for alert in by_rule[rule]:
            assert set(alert.seqs) <= incidents[kind], (rule, alert.seqs)


def test_default_rules_stay_quiet_on_the_clean_clinic(clean: Dataset) -> None:
    """The clean baseline raises no live alert either."""
    assert _replay(clean) == []
