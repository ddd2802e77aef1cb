"""The audit API: event shapes (the contract the reports read), pseudonyms, durability, configuration."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import orjson
import pytest

import hipaalog
import hipaalog.audit
from hipaalog import _diagnostics
from hipaalog._pseudonym import Pseudonymizer
from hipaalog.exceptions import ConfigError
from hipaalog.integrity import verify_files
from hipaalog.sinks import FileSink, StreamSink

from ..conftest import validate_line
from .conftest import AUDIT_KEY, IDENTITY, KEYS, PSEUDONYM_KEY, StreamFactory


def records(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_access_record_has_the_contract_fields(make_stream: StreamFactory, tmp_path: Path) -> None:
    """access() writes one schema-valid line: core fields, audit object, seq/chain/key_id."""
    stream = make_stream()
    assert stream.access("dr.lee", "MRN-0042", "read", "Observation", "success", reason="treatment")
    line = (tmp_path / "audit.jsonl").read_bytes().splitlines()[0]
    record = validate_line(line)
    assert record["logger"] == "hipaalog.audit"
    assert (record["appId"], record["platform"], record["microservice"]) == ("ehr", "vm", "chart-api")
    assert record["audit"] == {
        "event": "access",
        "actor": "dr.lee",
        "outcome": "success",
        "patient": Pseudonymizer({"k1": PSEUDONYM_KEY}).token("PATIENT", "MRN-0042"),
        "action": "read",
        "resource": "Observation",
        "reason": "treatment",
    }
    assert record["seq"] == 1
    assert record["key_id"] == "k1"
    assert len(record["chain"]) == 64 and int(record["chain"], 16) >= 0
    assert list(record)[-3:] == ["seq", "key_id", "chain"]


def test_patient_identifier_is_never_written_raw(make_stream: StreamFactory, tmp_path: Path) -> None:
    """The raw patient id appears nowhere in the stream; the same patient always gets the same token."""
    stream = make_stream()
    stream.access("dr.lee", "MRN-7731-XQ", "read", "Observation", "success")
    stream.change("dr.lee", "MRN-7731-XQ", "Patient", ["address"])
    stream.access("dr.lee", 88123, "read", "Observation", "success")
    # The chain (hex) and the timestamp (digits) may spell any short number by chance: they are left out.
    written = [
        {k: v for k, v in r.items() if k not in ("chain", "timestamp")} for r in records(tmp_path / "audit.jsonl")
    ]
    data = json.dumps(written).encode()
    assert b"7731" not in data and b"88123" not in data
    first, second, third = (r["audit"]["patient"] for r in records(tmp_path / "audit.jsonl"))
    assert first == second != third
    assert first.startswith("PATIENT:k1:") and len(first.split(":")[2]) == 16
    assert stream.patient_token("MRN-7731-XQ") == first


def test_an_existing_patient_token_is_kept(make_stream: StreamFactory, tmp_path: Path) -> None:
    """A caller that already holds the pseudonym passes it through unchanged (not hashed twice)."""
    stream = make_stream()
    token = stream.patient_token("MRN-1")
    stream.access("dr.lee", token, "read", "Observation", "success")
    assert records(tmp_path / "audit.jsonl")[0]["audit"]["patient"] == token


def test_every_event_kind_matches_the_contract(make_stream: StreamFactory, tmp_path: Path) -> None:
    """login, logout, change, export, alert and break-glass access carry their documented fields."""
    stream = make_stream()
    assert stream.login("nurse.kim", False, "10.1.2.3", "password", reason="bad password")
    assert stream.login("nurse.kim", True, "10.1.2.3", "password")
    assert stream.logout("nurse.kim", "10.1.2.3", "timeout")
    assert stream.change("nurse.kim", "MRN-5", "Patient", {"address": "12 Elm St", "phone": "555-0100"})
    assert stream.export("nurse.kim", ["MRN-1", "MRN-2", "MRN-3"], "csv", "sftp://partner.example/in")
    assert stream.access("dr.ray", "MRN-5", "read", "Observation", "success", emergency=True, reason="ED")
    assert stream.access("dr.ray", "MRN-6", "read", "Observation", "denied")
    assert stream.alert("failed-logins", "10 failures in 5 min", evidence=[1, 2])
    audits = [r["audit"] for r in records(tmp_path / "audit.jsonl")]
    assert audits[0] == {
        "event": "login",
        "actor": "nurse.kim",
        "outcome": "failure",
        "source": "10.1.2.3",
        "method": "password",
        "reason": "bad password",
    }
    assert audits[1]["outcome"] == "success"
    assert audits[2] == {
        "event": "logout",
        "actor": "nurse.kim",
        "outcome": "success",
        "source": "10.1.2.3",
        "method": "timeout",
    }
    assert audits[3]["fields"] == ["address", "phone"]
    assert b"Elm" not in (tmp_path / "audit.jsonl").read_bytes()
    assert audits[4] == {
        "event": "export",
        "actor": "nurse.kim",
        "outcome": "success",
        "patients": 3,
        "format": "csv",
        "destination": "sftp://partner.example/in",
    }
    assert "patient" not in audits[4]
    assert audits[5]["emergency"] is True and audits[5]["reason"] == "ED"
    assert audits[6]["outcome"] == "denied" and "emergency" not in audits[6]
    assert audits[7] == {
        "event": "alert",
        "actor": "hipaalog",
        "outcome": "success",
        "rule": "failed-logins",
        "detail": "10 failures in 5 min",
        "evidence": [1, 2],
    }
    levels = [r["level"] for r in records(tmp_path / "audit.jsonl")]
    assert levels == ["warning", "info", "info", "info", "info", "warning", "warning", "warning"]
    assert [r["seq"] for r in records(tmp_path / "audit.jsonl")] == list(range(1, 9))


def test_source_can_be_pseudonymized(make_stream: StreamFactory, tmp_path: Path) -> None:
    """With pseudonymize_source, log-in sources are tokens that still compare equal."""
    stream = make_stream(pseudonymize_source=True)
    stream.login("u1", True, "10.9.8.7", "sso")
    stream.login("u1", False, "10.9.8.7", "sso")
    first, second = (r["audit"]["source"] for r in records(tmp_path / "audit.jsonl"))
    assert first == second and first.startswith("IP:k1:")
    assert b"10.9.8.7" not in (tmp_path / "audit.jsonl").read_bytes()


def test_outcomes_are_normalized_and_unknown_ones_counted(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Booleans and common spellings map to the three outcomes; an unknown one is noted, counted, not raised."""
    stream = make_stream()
    stream.access("u", "p", "read", "Observation", True)
    stream.access("u", "p", "read", "Observation", "Forbidden")
    stream.access("u", "p", "read", "Observation", "maybe")
    audits = [r["audit"] for r in records(tmp_path / "audit.jsonl")]
    assert [a["outcome"] for a in audits] == ["success", "denied", "failure"]
    assert "unknown outcome 'maybe'" in audits[2]["reason"]
    assert _diagnostics.counts()["audit-invalid-argument"] == 1


def test_audit_is_not_filtered_by_level(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Even with the root logger at CRITICAL and logging disabled, audit events are written."""
    logging.getLogger().setLevel(logging.CRITICAL)
    logging.disable(logging.CRITICAL)
    try:
        stream = make_stream()
        assert stream.login("u1", True, "10.0.0.1", "password")
    finally:
        logging.disable(logging.NOTSET)
    assert len(records(tmp_path / "audit.jsonl")) == 1


def test_module_functions_write_to_the_configured_stream(tmp_path: Path) -> None:
    """hipaalog.audit.configure() then access()/login()/... write to that stream; close() writes a checkpoint."""
    stream = hipaalog.audit.configure(tmp_path / "a.jsonl", key=AUDIT_KEY, pseudonym_key=PSEUDONYM_KEY, **IDENTITY)
    try:
        assert hipaalog.audit.get_stream() is stream
        assert hipaalog.audit.access("u1", "MRN-1", "read", "Observation", "success")
        assert hipaalog.audit.login("u1", True, "10.0.0.1", "password")
        assert hipaalog.audit.logout("u1", "10.0.0.1")
        assert hipaalog.audit.change("u1", "MRN-1", "Patient", ["phone"])
        assert hipaalog.audit.export("u1", 4, "pdf", "printer")
        assert hipaalog.audit.alert("rule", "detail")
    finally:
        hipaalog.audit.close()
    assert len(records(tmp_path / "a.jsonl")) == 6
    assert (tmp_path / "a.jsonl.checkpoints").exists()
    assert verify_files([tmp_path / "a.jsonl"], keys=KEYS).ok


def test_unconfigured_audit_returns_false_and_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without configuration an audit call does not raise: it returns False and counts the event."""
    monkeypatch.delenv("HIPAALOG_AUDIT_PATH", raising=False)
    hipaalog.audit.close()
    assert hipaalog.audit.access("u1", "MRN-1", "read", "Observation", "success") is False
    assert _diagnostics.counts()["audit-not-configured"] == 1


def test_configuration_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With HIPAALOG_AUDIT_* variables set, the first audit call opens the stream by itself."""
    for name, value in {
        "HIPAALOG_AUDIT_PATH": str(tmp_path / "env.jsonl"),
        "HIPAALOG_AUDIT_KEY": AUDIT_KEY,
        "HIPAALOG_AUDIT_KEY_ID": "ops1",
        "HIPAALOG_PSEUDONYM_KEY": PSEUDONYM_KEY,
        "HIPAALOG_APP_ID": "ehr",
        "HIPAALOG_PLATFORM": "vm",
        "HIPAALOG_MICROSERVICE": "chart-api",
    }.items():
        monkeypatch.setenv(name, value)
    hipaalog.audit.close()
    hipaalog.audit._env_tried = False
    try:
        assert hipaalog.audit.login("u1", True, "10.0.0.1", "password")
    finally:
        hipaalog.audit.close()
        hipaalog.audit._env_tried = False
    assert records(tmp_path / "env.jsonl")[0]["key_id"] == "ops1"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"key": None}, "HMAC key"),
        ({"key": "short"}, "at least 16"),
        ({"pseudonym_key": None}, "pseudonym_key"),
        ({"key_id": "has space"}, "key id"),
        ({"max_bytes": 10}, "max_bytes"),
        ({"checkpoint_interval": 0}, "checkpoint_interval"),
        ({"colour": "blue"}, "unknown option"),
        ({"signing_key": "hex:00"}, "Ed25519"),
    ],
)
def test_configuration_errors_say_what_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: dict, message: str
) -> None:
    """A wrong configuration is a ConfigError at configure time naming the problem."""
    for name in ("HIPAALOG_AUDIT_KEY", "HIPAALOG_PSEUDONYM_KEY"):
        monkeypatch.delenv(name, raising=False)
    settings = {"key": AUDIT_KEY, "pseudonym_key": PSEUDONYM_KEY, **IDENTITY, **options}
    with pytest.raises(ConfigError, match=message):
        hipaalog.audit.configure(tmp_path / "bad.jsonl", **settings)


def test_a_second_writer_of_one_stream_is_refused(make_stream: StreamFactory) -> None:
    """Two writers would fork the chain: opening an open stream again is a ConfigError."""
    make_stream()
    with pytest.raises(ConfigError, match="already open"):
        make_stream()


def test_reconfiguring_the_same_path_continues_the_stream(tmp_path: Path) -> None:
    """configure() twice on one path closes the first stream and continues its sequence."""
    options = {"key": AUDIT_KEY, "pseudonym_key": PSEUDONYM_KEY, **IDENTITY}
    try:
        hipaalog.audit.configure(tmp_path / "s.jsonl", **options)
        hipaalog.audit.login("u1", True, "10.0.0.1", "password")
        hipaalog.audit.configure(tmp_path / "s.jsonl", **options)
        hipaalog.audit.login("u1", True, "10.0.0.1", "password")
    finally:
        hipaalog.audit.close()
    assert [r["seq"] for r in records(tmp_path / "s.jsonl")] == [1, 2]
    assert verify_files([tmp_path], keys=KEYS).ok


def test_forwarding_to_a_handler_a_sink_and_listeners(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Sealed events reach a logging handler (whatever its level), a sink (exact line, via a worker), listeners."""
    handler_out = io.StringIO()
    handler = logging.StreamHandler(handler_out)
    handler.setFormatter(hipaalog.JsonFormatter(**IDENTITY))
    handler.setLevel(logging.CRITICAL)  # forwarding hands records over directly: never filtered by level
    seen: list[dict] = []
    stream = make_stream(forward=[handler, FileSink(tmp_path / "search.jsonl")])
    stream.subscribe(seen.append)
    stream.access("u1", "MRN-1", "read", "Observation", "success")
    stream.unsubscribe(seen.append)
    stream.access("u1", "MRN-1", "read", "Observation", "success")
    stream.close()  # sinks are delivered by a worker thread; closing drains it
    sealed = (tmp_path / "audit.jsonl").read_bytes().splitlines()
    assert (tmp_path / "search.jsonl").read_bytes().splitlines() == sealed
    forwarded = [orjson.loads(line) for line in handler_out.getvalue().splitlines()]
    assert [f["seq"] for f in forwarded] == [1, 2]
    assert forwarded[0]["audit"] == orjson.loads(sealed[0])["audit"]
    assert forwarded[0]["chain"] == orjson.loads(sealed[0])["chain"]
    assert seen == [orjson.loads(sealed[0])]


def test_a_failing_forward_target_does_not_lose_the_event(make_stream: StreamFactory, tmp_path: Path) -> None:
    """A listener or forward target that raises is counted; the sealed record is written and True returned."""

    class Broken(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            raise RuntimeError("down")

        def handleError(self, record: logging.LogRecord) -> None:
            raise RuntimeError("down")

    stream = make_stream(forward=[Broken()])
    stream.subscribe(lambda record: 1 / 0)
    assert stream.access("u1", "MRN-1", "read", "Observation", "success")
    assert len(records(tmp_path / "audit.jsonl")) == 1
    assert stream.stats()["forward_failed"] == 1
    assert _diagnostics.counts()["audit-listener-failed"] == 1


def test_bound_context_cannot_spoof_integrity_fields(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Context fields named seq/chain/audit are kept under the collision prefix; the real ones stay last."""
    stream = make_stream()
    with hipaalog.bind(seq=999, audit="fake", request_id="r-1"):
        stream.login("u1", True, "10.0.0.1", "password")
    record = records(tmp_path / "audit.jsonl")[0]
    assert record["seq"] == 1 and record["extra_seq"] == 999
    assert record["audit"]["event"] == "login" and record["extra_audit"] == "fake"
    assert record["request_id"] == "r-1"
    assert verify_files([tmp_path], keys=KEYS).ok


def test_a_write_that_keeps_failing_blocks_then_reports_false(make_stream: StreamFactory, tmp_path: Path) -> None:
    """When the disk refuses writes, the call waits up to block_timeout, then returns False and counts it."""
    stream = make_stream(block_timeout=0.3)
    assert stream.login("u1", True, "10.0.0.1", "password")
    stream._writer.close()
    (tmp_path / "audit.jsonl").unlink()
    (tmp_path / "audit.jsonl").mkdir()  # the path is now a directory: every open fails
    assert stream.login("u1", True, "10.0.0.1", "password") is False
    assert stream.stats()["failed"] == 1 and stream.seq == 1
    assert _diagnostics.counts()["audit-write-failed"] == 1


def test_hipaalog_configure_opens_the_audit_stream(tmp_path: Path) -> None:
    """hipaalog.configure(audit={...}) opens the audit stream with the same identity."""
    try:
        hipaalog.configure(
            **IDENTITY,
            sinks=[StreamSink(io.BytesIO())],
            audit={"path": str(tmp_path / "c.jsonl"), "key": AUDIT_KEY, "pseudonym_key": PSEUDONYM_KEY, "fsync": False},
        )
        assert hipaalog.audit.access("u1", "MRN-1", "read", "Observation", "success")
    finally:
        hipaalog.audit.close()
    record = records(tmp_path / "c.jsonl")[0]
    assert record["microservice"] == "chart-api" and record["audit"]["event"] == "access"


def test_free_text_and_bound_context_are_redacted(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Reasons, destinations and bound context pass through redaction before they are sealed."""
    stream = make_stream()
    with hipaalog.bind(ssn="219-09-9999"):
        stream.access("dr.lee", "MRN-1", "read", "Observation", "success", reason="asked by jane.doe@example.com")
    stream.export("dr.lee", 2, "csv", "mailto:jane.doe@example.com")
    data = (tmp_path / "audit.jsonl").read_bytes()
    assert b"219-09-9999" not in data and b"jane.doe" not in data
    assert data.count(b"REDACTED") >= 3
    assert verify_files([tmp_path], keys=KEYS).ok


def test_forward_to_the_audit_logger(make_stream: StreamFactory) -> None:
    """forward=["logging"] hands each event to the hipaalog.audit logger's handlers, whatever the levels."""
    received: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            received.append(record)

    logger = logging.getLogger("hipaalog.audit")
    logger.addHandler(Collect())
    logger.setLevel(logging.CRITICAL)
    stream = make_stream(forward=["logging"])
    stream.login("u1", False, "10.0.0.1", "password")
    assert len(received) == 1
    assert received[0].audit["outcome"] == "failure" and received[0].seq == 1  # type: ignore[attr-defined]


def test_a_hanging_forward_sink_never_holds_up_the_audit_call(make_stream: StreamFactory, tmp_path: Path) -> None:
    """A forward sink that blocks does not block audit calls: it is delivered by its own worker."""
    import threading

    release = threading.Event()
    delivered: list[bytes] = []

    class Hanging:
        name = "hanging"

        def write(self, batch: object) -> None:
            release.wait(10)
            delivered.extend(record.line for record in batch)  # type: ignore[attr-defined]

        def flush(self) -> None:
            pass

        def close(self) -> None:
            pass

    stream = make_stream(forward=[Hanging()])
    results = [stream.access("u1", f"MRN-{i}", "read", "Observation", "success") for i in range(5)]
    assert results == [True] * 5
    assert len(records(tmp_path / "audit.jsonl")) == 5
    assert delivered == []  # still held by the sink, yet every audit call has returned
    release.set()
    stream.close()
    assert delivered == (tmp_path / "audit.jsonl").read_bytes().splitlines()
