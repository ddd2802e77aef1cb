"""OpenTelemetry: trace_id and span_id on records while a span is active, on every path; the API stays optional."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import subprocess
import sys

import orjson
import pytest
import structlog
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

import hipaalog.structlog as hipaalog_structlog
from hipaalog.testing import LogCapture

log = logging.getLogger("claims.api")


@pytest.fixture
def tracer() -> trace.Tracer:
    """A tracer from a real SDK provider (not installed globally, so tests stay independent)."""
    return TracerProvider().get_tracer("hipaalog-tests")


def _ids(span: trace.Span) -> tuple[str, str]:
    ctx = span.get_span_context()
    return format(ctx.trace_id, "032x"), format(ctx.span_id, "016x")


def test_active_span_ids_are_on_stdlib_records(hipaalog_caplog: LogCapture, tracer: trace.Tracer) -> None:
    """A record logged inside a span carries that span's trace_id and span_id as lowercase hex."""
    with tracer.start_as_current_span("GET /claims") as span:
        log.warning("inside span")
    log.warning("outside span")
    inside, outside = hipaalog_caplog.records
    assert (inside["trace_id"], inside["span_id"]) == _ids(span)
    assert len(inside["trace_id"]) == 32
    assert len(inside["span_id"]) == 16
    assert "trace_id" not in outside
    assert "span_id" not in outside


def test_nested_span_gives_the_innermost_span_id(hipaalog_caplog: LogCapture, tracer: trace.Tracer) -> None:
    """Inside a child span, records carry the child's span id and the shared trace id."""
    with tracer.start_as_current_span("parent") as parent, tracer.start_as_current_span("child") as child:
        log.warning("in child")
    record = hipaalog_caplog.records[0]
    assert record["trace_id"] == _ids(parent)[0]
    assert record["span_id"] == _ids(child)[1]
    assert record["span_id"] != _ids(parent)[1]


def test_span_ids_follow_asyncio_tasks(hipaalog_caplog: LogCapture, tracer: trace.Tracer) -> None:
    """Each asyncio task logs the ids of the span it runs in."""
    spans: dict[str, trace.Span] = {}

    async def handle(name: str) -> None:
        with tracer.start_as_current_span(name) as span:
            spans[name] = span
            await asyncio.sleep(0)
            log.warning(name)

    async def main() -> None:
        await asyncio.gather(handle("a"), handle("b"))

    asyncio.run(main())
    for record in hipaalog_caplog.records:
        assert (record["trace_id"], record["span_id"]) == _ids(spans[record["message"]])


def test_api_only_span_context_is_used(hipaalog_caplog: LogCapture) -> None:
    """A span context set through the API alone (a propagated parent, no SDK) is written too."""
    ctx = trace.SpanContext(
        trace_id=0x0AF7651916CD43DD8448EB211C80319C,
        span_id=0x00F067AA0BA902B7,
        is_remote=True,
        trace_flags=trace.TraceFlags(trace.TraceFlags.SAMPLED),
    )
    with trace.use_span(trace.NonRecordingSpan(ctx)):
        log.warning("propagated")
    record = hipaalog_caplog.records[0]
    assert record["trace_id"] == "0af7651916cd43dd8448eb211c80319c"
    assert record["span_id"] == "00f067aa0ba902b7"


def test_span_ids_are_on_structlog_native_events(identity_env: dict[str, str], tracer: trace.Tracer) -> None:
    """structlog's native path writes the same trace_id and span_id."""
    renderer = hipaalog_structlog.JsonRenderer()
    out = io.BytesIO()
    logger = structlog.wrap_logger(structlog.BytesLogger(out), processors=[renderer])
    with tracer.start_as_current_span("task") as span:
        logger.info("structlog in span")
    record = orjson.loads(out.getvalue())
    assert (record["trace_id"], record["span_id"]) == _ids(span)


def test_hipaalog_works_without_opentelemetry_installed() -> None:
    """With opentelemetry not importable, records are written normally, without trace fields."""
    code = (
        "import sys; sys.modules['opentelemetry'] = None\n"
        "import logging, hipaalog\n"
        "f = hipaalog.JsonFormatter(app_id='a', platform='vm', microservice='m')\n"
        "r = logging.LogRecord('x', logging.INFO, 'app.py', 1, 'no otel', None, None)\n"
        "print(f.format(r))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIPAALOG_")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=60
    )
    record = orjson.loads(result.stdout)
    assert record["message"] == "no otel"
    assert "trace_id" not in record
