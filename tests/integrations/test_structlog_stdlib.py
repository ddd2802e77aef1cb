"""hipaalog.structlog.ProcessorFormatter: structlog through stdlib logging, and parity with the native path."""

from __future__ import annotations

import io
import logging
import logging.config
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import structlog

import hipaalog
from hipaalog import Encoder
from hipaalog._identity import Identity
from hipaalog.exceptions import ConfigError
from hipaalog.structlog import JsonRenderer, ProcessorFormatter
from hipaalog.testing import LogCapture

IDENTITY = {"app_id": "claims", "platform": "k8s", "microservice": "claims-api"}
FIXED = 1_700_000_000.25


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    yield
    structlog.reset_defaults()


def _stdlib_structlog(formatter: logging.Formatter, *pre: Any) -> io.StringIO:
    """Route structlog through a stdlib handler with ``formatter``; return the handler's stream."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    structlog.configure(
        processors=[*pre, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    return stream


def _records(text: str) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in text.splitlines()]


def test_structlog_event_through_stdlib_handler() -> None:
    """A structlog event formatted by ProcessorFormatter is a hipaalog line named after the stdlib logger."""
    stream = _stdlib_structlog(ProcessorFormatter(**IDENTITY))
    structlog.get_logger("claims.api").warning("claim slow", claim_id="c-1", nested={"a": [1]})
    (record,) = _records(stream.getvalue())
    assert record["level"] == "warning"
    assert record["logger"] == "claims.api"
    assert record["message"] == "claim slow"
    assert (record["claim_id"], record["nested"]) == ("c-1", {"a": [1]})
    assert (record["appId"], record["platform"], record["microservice"]) == ("claims", "k8s", "claims-api")


def test_plain_logging_record_matches_json_formatter_byte_for_byte() -> None:
    """A plain logging record through ProcessorFormatter gives exactly what hipaalog.JsonFormatter gives."""
    encoder = Encoder(Identity("claims", "k8s", "claims-api"))
    plain = hipaalog.JsonFormatter(encoder=encoder)
    processor = ProcessorFormatter(renderer=JsonRenderer(encoder=encoder))
    try:
        raise ValueError("bad claim")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("claims.api", logging.ERROR, "app.py", 10, "claim %s failed", ("c-1",), exc_info)
    record.__dict__.update({"claim_id": "c-1", "amount": 12.5, "level": "spoof", "payer": {"id": "p-1"}})
    assert processor.format(record) == plain.format(record)
    assert orjson.loads(plain.format(record))["message"] == "claim c-1 failed"


def test_foreign_pre_chain_fields_are_added_to_plain_records() -> None:
    """Fields that foreign_pre_chain adds to plain logging records are written."""

    def add_region(_: Any, __: str, event_dict: dict[str, Any]) -> dict[str, Any]:
        event_dict["region"] = "us-east-1"
        return event_dict

    formatter = ProcessorFormatter(**IDENTITY, foreign_pre_chain=[structlog.stdlib.add_log_level, add_region])
    stream = _stdlib_structlog(formatter)
    logging.getLogger("legacy").info("old code %d", 7, extra={"batch": 3})
    (record,) = _records(stream.getvalue())
    assert (record["message"], record["region"], record["batch"], record["level"]) == (
        "old code 7",
        "us-east-1",
        3,
        "info",
    )


def test_structlog_exception_through_stdlib() -> None:
    """structlog's exception() on the stdlib path writes the structured error."""
    stream = _stdlib_structlog(ProcessorFormatter(**IDENTITY))
    try:
        {}["missing"]
    except KeyError:
        structlog.get_logger("claims.api").exception("lookup failed")
    (record,) = _records(stream.getvalue())
    assert record["level"] == "error"
    assert record["error"]["type"] == "KeyError"
    assert "Traceback" not in stream.getvalue()


EVENTS: list[tuple[str, dict[str, Any]]] = [
    ("info", {"event": "claim received"}),
    ("warning", {"event": "claim slow", "claim_id": "c-1", "amount": 12.5, "nested": {"lines": [1, 2]}}),
    ("error", {"event": "spoofing", "appId": "evil", "level_hint": 3, "message": "x"}),
    ("debug", {"event": "unicode ✓ and \u2028", "tags": ["a", "b"], "none": None}),
    ("critical", {"event": "failed", "exc_info": True}),
]


@pytest.mark.parametrize(("method", "event"), EVENTS, ids=[e["event"][:12] for _, e in EVENTS])
def test_native_and_stdlib_paths_give_identical_lines(method: str, event: dict[str, Any]) -> None:
    """The same event through the native path and through ProcessorFormatter gives the same bytes."""
    encoder = Encoder(Identity(**IDENTITY))

    def stamp(_: Any, __: str, event_dict: dict[str, Any]) -> dict[str, Any]:
        event_dict["timestamp"] = FIXED
        return event_dict

    native_out = io.BytesIO()
    native = structlog.wrap_logger(
        structlog.BytesLogger(native_out),
        processors=[stamp, JsonRenderer(encoder=encoder, logger_name="claims.api")],
        wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG),
    )
    stream = _stdlib_structlog(ProcessorFormatter(renderer=JsonRenderer(encoder=encoder)), stamp)
    stdlib = structlog.get_logger("claims.api")
    fields = {k: v for k, v in event.items() if k != "event"}
    try:
        raise OSError("disk full")
    except OSError:
        getattr(native, method)(event["event"], **fields)
        getattr(stdlib, method)(event["event"], **fields)
    native_line = native_out.getvalue().rstrip(b"\n")
    assert native_line == stream.getvalue().rstrip("\n").encode("utf-8")
    assert orjson.loads(native_line)["timestamp"] == "2023-11-14T22:13:20.250000Z"


def test_dictconfig_factory_form(tmp_path: Path, hipaalog_caplog: LogCapture) -> None:
    """dictConfig builds the formatter with "()" and identity keys, on a SinkHandler writing a file."""
    out = tmp_path / "app.jsonl"
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {
                "json": {
                    "()": "hipaalog.structlog.ProcessorFormatter",
                    "app_id": "claims",
                    "platform": "vm",
                    "microservice": "claims-worker",
                    "static_fields": {"region": "us-east-1"},
                }
            },
            "handlers": {"out": {"class": "hipaalog.SinkHandler", "sinks": [f"file://{out}"], "formatter": "json"}},
            "root": {"level": "INFO", "handlers": ["out"]},
        }
    )
    structlog.configure(
        processors=[structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    structlog.get_logger("worker").info("from dictConfig", job="j-1")
    for handler in logging.getLogger().handlers:
        handler.flush()
    (record,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert (record["microservice"], record["region"], record["job"]) == ("claims-worker", "us-east-1", "j-1")
    hipaalog_caplog.assert_logged(message="from dictConfig", job="j-1")
    assert len(hipaalog_caplog.records) == 1


def test_dictconfig_class_form_uses_the_environment(identity_env: dict[str, str]) -> None:
    """The "class" form (positional fmt, datefmt, style) works, with identity from HIPAALOG_* variables."""
    logging.config.dictConfig(
        {
            "version": 1,
            "formatters": {"json": {"class": "hipaalog.structlog.ProcessorFormatter", "format": "%(message)s"}},
            "handlers": {"mem": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "json"}},
            "root": {"level": "INFO", "handlers": ["mem"]},
        }
    )
    formatter = logging.getLogger().handlers[0].formatter
    assert isinstance(formatter, ProcessorFormatter)
    record = logging.LogRecord("x", logging.INFO, "app.py", 1, "hello", None, None)
    assert orjson.loads(formatter.format(record))["appId"] == identity_env["HIPAALOG_APP_ID"]


def test_encode_record_carries_identity() -> None:
    """encode_record gives sinks the line and the identity, like JsonFormatter.encode_record."""
    formatter = ProcessorFormatter(**IDENTITY)
    record = logging.LogRecord("x", logging.WARNING, "app.py", 1, "hello", None, None)
    encoded = formatter.encode_record(record)
    assert (encoded.app_id, encoded.microservice, encoded.severity) == ("claims", "claims-api", 4)
    assert orjson.loads(encoded.line)["message"] == "hello"
    assert formatter.encoder is formatter.renderer.encoder


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"renderer": JsonRenderer(**IDENTITY), "app_id": "x"}, "either renderer"),
        ({**IDENTITY, "output": "bytes"}, "always renders text"),
    ],
)
def test_bad_formatter_arguments(kwargs: dict[str, Any], match: str) -> None:
    """Conflicting or impossible ProcessorFormatter arguments raise ConfigError."""
    with pytest.raises(ConfigError, match=match):
        ProcessorFormatter(**kwargs)
