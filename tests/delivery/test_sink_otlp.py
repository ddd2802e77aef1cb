"""The OTLP logs sink against a receiver decoding with opentelemetry-proto: the data model, every answer kind."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from typing import Any

import pytest

from hipaalog import ConfigError, _diagnostics
from hipaalog.sinks import EncodedRecord, HttpSink, create_sink
from hipaalog.sinks import _protobuf as pb
from hipaalog.sinks._otlp import severity_number

from ._otlp import Answer, OtlpReceiver
from .conftest import MakeLogger

TRACE, SPAN = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
FAST = {"backoff_initial": 0.01, "backoff_max": 0.05}


@pytest.fixture
def receiver() -> Iterator[OtlpReceiver]:
    server = OtlpReceiver()
    yield server
    server.close()


def attributes(kvs: Any) -> dict[str, Any]:
    """An OTLP attribute list as plain Python values."""
    return {kv.key: value(kv.value) for kv in kvs}


def value(any_value: Any) -> Any:
    kind = any_value.WhichOneof("value")
    if kind == "kvlist_value":
        return attributes(any_value.kvlist_value.values)
    if kind == "array_value":
        return [value(v) for v in any_value.array_value.values]
    return None if kind is None else getattr(any_value, kind)


def record(fields: dict[str, Any], levelno: int = logging.INFO, logger: str = "claims.api") -> EncodedRecord:
    line = {"timestamp": "2026-01-05T10:00:00.250000Z", "level": "info", "severity": 6, "message": "m", **fields}
    line |= {"logger": logger, "appId": "claims", "platform": "k8s", "microservice": "claims-api"}
    return EncodedRecord(json.dumps(line).encode(), levelno, 6, 1767607200.25, logger, "claims", "k8s", "claims-api")


@pytest.mark.parametrize("encoding", ["protobuf", "json"])
def test_schema_fields_map_onto_the_otlp_log_data_model(receiver: OtlpReceiver, encoding: str) -> None:
    """Resource, scope, time, severity, body, attributes and ids decode as the official definitions read them."""
    sink = HttpSink(receiver.url, preset="otlp", encoding=encoding)
    error = {"type": "ValueError", "message": "bad amount", "stack": [{"file": "claims.py", "line": 3}]}
    sink.write(
        [
            record({"message": "claim C-1 accepted", "trace_id": TRACE, "span_id": SPAN, "amount": 12.5}),
            record(
                {
                    "message": "payer slow",
                    "codes": ["J06.9", 7],
                    "big": 2**63 + 5,
                    "huge": 2**70,
                    "ok": True,
                    "none": None,
                },
                30,
            ),
            record({"message": "failed", "error": error}, logging.ERROR, logger="claims.worker"),
        ]
    )
    sink.close()
    [request] = receiver.received
    assert request.content_type == f"application/{'x-protobuf' if encoding == 'protobuf' else 'json'}"
    assert request.encoding == "gzip"
    [resource_logs] = request.request.resource_logs
    assert attributes(resource_logs.resource.attributes) == {
        "service.name": "claims-api",
        "service.namespace": "claims",
        "hipaalog.platform": "k8s",
    }
    assert [s.scope.name for s in resource_logs.scope_logs] == ["claims.api", "claims.worker"]
    (_, _, first), (_, _, second), (_, scope, third) = receiver.logs()
    assert scope.version
    assert first.time_unix_nano == first.observed_time_unix_nano == 1767607200250000000
    assert (first.severity_number, first.severity_text) == (9, "INFO")
    assert first.body.string_value == "claim C-1 accepted"
    assert (first.trace_id.hex(), first.span_id.hex()) == (TRACE, SPAN)
    assert attributes(first.attributes) == {"amount": 12.5}
    assert (second.severity_number, second.severity_text) == (13, "WARNING")
    assert attributes(second.attributes) == {
        "codes": ["J06.9", 7], "big": str(2**63 + 5), "huge": float(2**70), "ok": True, "none": None,
    }  # fmt: skip
    assert (second.trace_id, second.span_id) == (b"", b"")
    assert third.severity_number == 17
    assert attributes(third.attributes) == {
        "error": {"type": "ValueError", "message": "bad amount", "stack": [{"file": "claims.py", "line": 3}]},
        "exception.type": "ValueError",
        "exception.message": "bad amount",
    }


@pytest.mark.parametrize("encoding", ["protobuf", "json"])
def test_partial_success_counts_the_rejected_as_failed_with_the_reason(
    receiver: OtlpReceiver, make_logger: MakeLogger, capfd: pytest.CaptureFixture[str], encoding: str
) -> None:
    """A 200 with partial_success: the rejected count is failed (never resent) and the collector's reason told."""
    receiver.then(Answer(rejected=2, message="log record too old"))
    _diagnostics.reset()
    sink = {"type": "otlp", "url": receiver.url, "encoding": encoding}
    log, handler = make_logger([sink], batch_size=5, flush_interval=1, **FAST)
    for i in range(5):
        log.info("claim %d", i)
    handler.flush()
    stats = handler.stats()
    assert (stats["delivered"], stats["failed"], stats["retried"]) == (3, 2, 0)
    assert len(receiver.attempts) == 1
    assert "2 log record(s) rejected: log record too old" in capfd.readouterr().err
    receiver.then(Answer(message="some attributes were truncated"))  # rejected 0: a warning, all delivered
    log.info("claim 5")
    handler.flush()
    assert handler.stats()["delivered"] == 4
    assert "OTLP partial success with a warning: some attributes were truncated" in capfd.readouterr().err


@pytest.mark.parametrize("status", [429, 503])
def test_retryable_answers_wait_for_retry_after(receiver: OtlpReceiver, make_logger: MakeLogger, status: int) -> None:
    """429 and 503 are retried no sooner than Retry-After says; then everything is delivered once."""
    receiver.then(Answer(status, retry_after="1", message="busy"))
    log, handler = make_logger([{"type": "otlp", "url": receiver.url}], **FAST)
    log.info("claim accepted")
    handler.flush()
    assert len(receiver.attempts) == 2 and receiver.attempts[1] - receiver.attempts[0] >= 0.95
    stats = handler.stats()
    assert (stats["delivered"], stats["retried"], stats["failed"]) == (1, 1, 0)
    assert len(receiver.logs()) == 1


@pytest.mark.parametrize("encoding", ["protobuf", "json"])
@pytest.mark.parametrize("status", [400, 500])
def test_other_errors_refuse_the_batch_for_good_with_the_collectors_message(
    receiver: OtlpReceiver, make_logger: MakeLogger, capfd: pytest.CaptureFixture[str], status: int, encoding: str
) -> None:
    """400 (and, under OTLP, 500 too) is not retried: the records are failed, the google.rpc.Status message told."""
    receiver.then(Answer(status, message="invalid severity"))
    _diagnostics.reset()
    log, handler = make_logger([{"type": "otlp", "url": receiver.url, "encoding": encoding}], **FAST)
    log.info("claim accepted")
    log.info("claim paid")
    handler.flush()
    time.sleep(0.1)
    stats = handler.stats()
    assert (stats["delivered"], stats["failed"], stats["retried"]) == (0, 2, 0)
    assert len(receiver.attempts) == 1
    assert f"HTTP {status}: invalid severity (not retryable under OTLP)" in capfd.readouterr().err


def test_severity_numbers() -> None:
    """Python levels on the OTLP severity scale, custom levels in between."""
    levels = [0, 5, 10, 15, 20, 25, 30, 40, 50, 60, 100]
    assert [severity_number(n) for n in levels] == [1, 3, 5, 7, 9, 11, 13, 17, 21, 22, 24]


def test_protobuf_reader_refuses_truncated_messages() -> None:
    """The hand-written reader walks what it can and raises ValueError on anything cut short."""
    good = pb.uint(1, 300) + pb.fixed64(2, 7) + pb.string(3, "x") + pb.double(4, 0.5)
    assert list(pb.fields(good)) == [(1, 300), (2, 7), (3, b"x"), (4, 0x3FE0000000000000)]
    assert pb.varint(-1) == b"\xff" * 9 + b"\x01"
    for cut in (b"\x08", b"\x11\x00", b"\x1a\x05ab", b"\x0b"):
        with pytest.raises(ValueError, match=r"truncated|unsupported"):
            list(pb.fields(cut))


def test_otlp_settings() -> None:
    """The preset is chosen by type or preset name; a wrong encoding is a ConfigError."""
    sink = create_sink({"type": "otlp", "url": "https://collector.example.internal:4318", "encoding": "json"})
    assert sink.name == "http:otlp:https://collector.example.internal:4318/v1/logs"
    with pytest.raises(ConfigError, match="OTLP encoding must be"):
        create_sink({"type": "otlp", "url": "http://collector:4318", "encoding": "yaml"})
