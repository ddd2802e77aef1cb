"""Per-call cost of structlog with hipaalog, beside the stdlib's plain-text logging, in one run.

Every variant logs the same event (the message, one argument, five fields, one nested) through a
whole log call to a writer that discards the bytes, so what is measured is the logging path itself:
the stdlib's ``logging.Formatter`` text line, structlog's native path with its own renderers, and
hipaalog's ``JsonRenderer`` (schema and default redaction on) on the native and stdlib paths. The
figures are medians of repeats, shown as ratios to the stdlib text formatter.
"""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path
from typing import Any

import orjson
import structlog

sys.path.insert(0, str(Path(__file__).parent))
from _common import compare, print_table

import hipaalog.structlog as hipaalog_structlog

IDENTITY = {"app_id": "claims", "platform": "k8s", "microservice": "claims-api"}
FIELDS: dict[str, Any] = {
    "request_id": "6f1c2a9e-3b7d-4f0e-9a51-0c8d2e4b7a13",
    "amount": 1289.5,
    "line_count": 4,
    "payer": "acme-health",
    "claim": {"type": "professional", "codes": ["99213", "J06.9"], "in_network": True},
}
BASELINE = "stdlib logging.Formatter (text), full call"


class NullBytes(io.RawIOBase):
    """A binary file that accepts and drops everything."""

    def write(self, data: Any) -> int:
        return len(data)

    def flush(self) -> None:
        pass


class NullText(io.TextIOBase):
    """A text stream that accepts and drops everything."""

    def write(self, data: str) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def _stdlib_logger(name: str, formatter: logging.Formatter) -> logging.Logger:
    logger = logging.getLogger(name)
    handler = logging.StreamHandler(NullText())
    handler.setFormatter(formatter)
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger


def _native(processors: list[Any], text: bool = False) -> Any:
    return structlog.wrap_logger(
        structlog.WriteLogger(NullText()) if text else structlog.BytesLogger(NullBytes()),
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(logging.INFO),
        cache_logger_on_first_use=True,
    )


def _stdlib_structlog(formatter: logging.Formatter) -> Any:
    return structlog.wrap_logger(
        _stdlib_logger("bench.structlog.stdlib", formatter),
        processors=[structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def breakdown(renderer: hipaalog_structlog.JsonRenderer) -> None:
    """Where the native path's time goes: structlog itself, building the record, schema, redaction, JSON."""
    encoder = renderer.encoder
    plain = hipaalog_structlog.JsonRenderer(**IDENTITY, redaction=False)
    bare = _native([lambda _logger, _name, _event: b""])
    event = encoder.base_event(1_700_000_000.0, logging.INFO, "info", "claim accepted", "root")
    event.update(claim_id="C-20931", **FIELDS)
    redactor = encoder.redactor
    parts: list[tuple[str, Any]] = [
        (
            "structlog native call, renderer returning b''",
            lambda: bare.info("claim accepted", claim_id="C-20931", **FIELDS),
        ),
        (
            "Encoder.base_event (schema fields, context, trace ids)",
            lambda: encoder.base_event(1.7e9, 20, "info", "m", "r"),
        ),
        (
            "JsonRenderer without redaction (event dict to bytes)",
            lambda: plain(None, "info", {"event": "claim accepted", "claim_id": "C-20931", **FIELDS}),
        ),
        ("orjson.dumps of the finished record", lambda: orjson.dumps(event)),
    ]
    if redactor is not None:
        parts.append(
            ("Redactor.redact_event of the record (default policy)", lambda: redactor.redact_event(dict(event)))
        )
    for _, call in parts:
        call()
    rows = compare(parts, repeats=11)
    print_table("structlog native path: where the time goes", rows, parts[0][0])


def main() -> None:
    """Measure every variant round-robin and print the table."""
    text = _stdlib_logger("bench.text", logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    native_json = _native(
        [
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.JSONRenderer(serializer=orjson.dumps),
        ]
    )
    native_kv = _native(
        [
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.KeyValueRenderer(),
        ],
        text=True,
    )
    renderer = hipaalog_structlog.JsonRenderer(**IDENTITY)
    native_hipaalog = _native([renderer])
    native_hipaalog_plain = _native([hipaalog_structlog.JsonRenderer(**IDENTITY, redaction=False)])
    stdlib_hipaalog = _stdlib_structlog(hipaalog_structlog.ProcessorFormatter(renderer=renderer))

    variants = [
        (BASELINE, lambda: text.info("claim %s accepted", "C-20931", extra=FIELDS)),
        (
            "structlog native, orjson JSONRenderer",
            lambda: native_json.info("claim accepted", claim_id="C-20931", **FIELDS),
        ),
        ("structlog native, KeyValueRenderer", lambda: native_kv.info("claim accepted", claim_id="C-20931", **FIELDS)),
        (
            "hipaalog JsonRenderer, native, schema, no redaction",
            lambda: native_hipaalog_plain.info("claim accepted", claim_id="C-20931", **FIELDS),
        ),
        (
            "hipaalog JsonRenderer, native, schema + redaction",
            lambda: native_hipaalog.info("claim accepted", claim_id="C-20931", **FIELDS),
        ),
        (
            "hipaalog ProcessorFormatter, stdlib path, schema + redaction",
            lambda: stdlib_hipaalog.info("claim accepted", claim_id="C-20931", **FIELDS),
        ),
    ]
    for _, call in variants:
        call()  # warm caches
    rows = compare(variants)
    print_table("structlog: one whole log call", rows, BASELINE)
    breakdown(renderer)
    ratio = dict(rows)["hipaalog JsonRenderer, native, schema + redaction"] / dict(rows)[BASELINE]
    verdict = "meets" if ratio < 1.0 else "MISSES"
    print(f"\nhipaalog native path with schema + redaction: {ratio:.3f}x the stdlib text formatter ({verdict} < 1.0x)")


if __name__ == "__main__":
    main()
