"""hipaalog.structlog.JsonRenderer on structlog's native path: the hipaalog schema, as bytes, never raising."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
import structlog

import hipaalog
from hipaalog import context
from hipaalog.exceptions import ConfigError
from hipaalog.structlog import JsonRenderer
from hipaalog.testing import LogCapture

FIXED = 1_700_000_000.25
FIXED_TEXT = "2023-11-14T22:13:20.250000Z"
IDENTITY = {"app_id": "claims", "platform": "k8s", "microservice": "claims-api"}


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    yield
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()


def _logger(renderer: JsonRenderer, *pre: Any, level: int = logging.DEBUG) -> tuple[Any, io.BytesIO]:
    out = io.BytesIO()
    logger = structlog.wrap_logger(
        structlog.BytesLogger(out),
        processors=[*pre, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(level),
    )
    return logger, out


def _records(out: io.BytesIO) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in out.getvalue().splitlines()]


def test_event_becomes_one_schema_line_with_fields_in_order() -> None:
    """An event is one line: schema fields first, in schema order, then the caller's fields as given."""
    logger, out = _logger(JsonRenderer(**IDENTITY, clock=lambda: FIXED))
    logger.info("claim received", claim_id="c-1", amount=125.5, lines=[{"code": "99213"}])
    assert out.getvalue() == (
        b'{"timestamp":"2023-11-14T22:13:20.250000Z","level":"info","severity":6,"message":"claim received",'
        b'"logger":"root","appId":"claims","platform":"k8s","microservice":"claims-api",'
        b'"claim_id":"c-1","amount":125.5,"lines":[{"code":"99213"}]}\n'
    )


@pytest.mark.parametrize(
    ("method", "level", "severity"),
    [
        ("debug", "debug", 7),
        ("info", "info", 6),
        ("warning", "warning", 4),
        ("warn", "warning", 4),
        ("error", "error", 3),
        ("exception", "error", 3),
        ("critical", "critical", 2),
        ("fatal", "critical", 2),
    ],
)
def test_method_name_gives_level_and_severity(method: str, level: str, severity: int) -> None:
    """Each structlog method maps to the hipaalog level name and RFC 5424 severity."""
    logger, out = _logger(JsonRenderer(**IDENTITY))
    getattr(logger, method)("x")
    (record,) = _records(out)
    assert (record["level"], record["severity"]) == (level, severity)


def test_add_log_level_key_is_consumed_not_duplicated() -> None:
    """structlog's add_log_level sets the level instead of appearing as a colliding caller field."""
    logger, out = _logger(JsonRenderer(**IDENTITY), structlog.processors.add_log_level)
    logger.warning("careful")
    (record,) = _records(out)
    assert record["level"] == "warning"
    assert "extra_level" not in record


def test_logger_key_names_the_logger() -> None:
    """A bound ``logger`` value becomes the record's logger; without one the configured default is used."""
    logger, out = _logger(JsonRenderer(**IDENTITY, logger_name="claims"))
    logger.info("a")
    logger.bind(logger="claims.pricing").info("b")
    assert [r["logger"] for r in _records(out)] == ["claims", "claims.pricing"]


def test_exception_is_structured_without_locals() -> None:
    """logger.exception() writes a structured error (type, message, frames, cause) and never frame locals."""
    logger, out = _logger(JsonRenderer(**IDENTITY))
    secret_local = "do-not-log-me"
    try:
        try:
            raise KeyError(secret_local[:2])
        except KeyError as inner:
            raise RuntimeError("pricing failed") from inner
    except RuntimeError:
        logger.exception("could not price claim")
    (record,) = _records(out)
    assert record["level"] == "error"
    assert record["error"]["type"] == "RuntimeError"
    assert record["error"]["message"] == "pricing failed"
    assert record["error"]["cause"]["type"] == "KeyError"
    assert record["error"]["stack"][-1]["function"] == "test_exception_is_structured_without_locals"
    assert secret_local.encode() not in out.getvalue()
    assert "exc_info" not in record


def test_exc_info_as_an_exception_object() -> None:
    """exc_info=<exception> outside an except block is described too."""
    logger, out = _logger(JsonRenderer(**IDENTITY))
    logger.error("failed", exc_info=ValueError("bad amount"))
    (record,) = _records(out)
    assert record["error"]["type"] == "ValueError"


def test_schema_field_names_are_kept_under_the_collision_prefix() -> None:
    """Caller keys named like schema fields never overwrite them; they move to extra_<name>."""
    logger, out = _logger(JsonRenderer(**IDENTITY))
    logger.info("x", appId="spoof", severity=0, message="other", extra_message="taken")
    (record,) = _records(out)
    assert record["appId"] == "claims"
    assert record["severity"] == 6
    assert record["message"] == "x"
    assert record["extra_appId"] == "spoof"
    assert record["extra_severity"] == 0
    assert record["extra_message"] == "taken"
    assert record["extra_extra_message"] == "other"


def test_numeric_timestamp_is_the_event_time_and_text_timestamps_are_replaced() -> None:
    """A numeric ``timestamp`` sets the record's time; a text one (TimeStamper fmt='iso') is replaced by hipaalog's."""
    logger, out = _logger(JsonRenderer(**IDENTITY, clock=lambda: FIXED))
    logger.info("numeric", timestamp=1_600_000_000.5)
    iso = structlog.wrap_logger(
        structlog.BytesLogger(out),
        processors=[structlog.processors.TimeStamper(fmt="iso"), JsonRenderer(**IDENTITY, clock=lambda: FIXED)],
    )
    iso.info("text")
    numeric, text = _records(out)
    assert numeric["timestamp"] == "2020-09-13T12:26:40.500000Z"
    assert text["timestamp"] == FIXED_TEXT
    assert "extra_timestamp" not in text


def test_hipaalog_and_structlog_context_both_appear(hipaalog_caplog: LogCapture) -> None:
    """Fields bound with hipaalog.bind and with structlog.contextvars both reach the record."""
    logger, out = _logger(JsonRenderer(**IDENTITY), structlog.contextvars.merge_contextvars)
    structlog.contextvars.bind_contextvars(tenant="t-1")
    with hipaalog.bind(request_id="r-1"):
        logger.info("both")
    (record,) = _records(out)
    assert (record["request_id"], record["tenant"]) == ("r-1", "t-1")
    assert context.bound() == {}
    hipaalog_caplog.assert_logged(message="both", request_id="r-1", tenant="t-1")


def test_str_output_for_text_loggers() -> None:
    """output='str' returns text for PrintLogger / WriteLogger."""
    out = io.StringIO()
    logger = structlog.wrap_logger(structlog.WriteLogger(out), processors=[JsonRenderer(**IDENTITY, output="str")])
    logger.info("text logger")
    assert orjson.loads(out.getvalue())["message"] == "text logger"


@pytest.mark.hipaalog_allow_violations
def test_declared_types_are_enforced(hipaalog_caplog: LogCapture) -> None:
    """A declared field of the wrong type is moved to schema_violations, as on the stdlib path."""
    logger, out = _logger(JsonRenderer(**IDENTITY, fields={"amount": "number"}))
    logger.info("claim", amount="12.50")
    (record,) = _records(out)
    assert "amount" not in record
    assert record["schema_violations"][0]["field"] == "amount"
    assert hipaalog_caplog.violations()[0][1]["expected"] == "number"


class Unprintable:
    """An object whose str() and repr() both raise."""

    def __str__(self) -> str:
        raise RuntimeError("no str")

    __repr__ = __str__


def test_hostile_values_never_raise() -> None:
    """Unprintable events, unserializable values and non-string keys still give one valid line."""
    logger, out = _logger(JsonRenderer(**IDENTITY))
    logger.info(Unprintable(), thing=Unprintable(), numbers={1, 2}, raw=b"\xff")
    logger.info(None)
    logger.info("long", note="x" * 100_000)
    first, second, third = _records(out)
    assert first["message"].startswith("<unprintable")
    assert second["message"] == ""
    assert len(third["note"]) < 40_000
    assert third["note"].endswith("chars]")


def test_broken_event_dict_is_replaced_and_counted() -> None:
    """An event the renderer cannot read still yields a line, and the problem is counted."""
    from hipaalog import _diagnostics

    renderer = JsonRenderer(**IDENTITY)
    line = renderer(None, "info", {"event": "x", "exc_info": True, "stack_info": True, "level": object()})
    assert orjson.loads(line)["message"] == "x"
    broken = renderer(None, "info", None)  # type: ignore[arg-type]
    assert orjson.loads(broken)["message"] == "[hipaalog: structlog event could not be read]"
    assert _diagnostics.counts()["structlog-event-unreadable"] == 1


def test_shares_an_encoder_with_the_stdlib_formatter() -> None:
    """encoder= reuses a JsonFormatter's encoder, so static fields and declarations are the same."""
    formatter = hipaalog.JsonFormatter(**IDENTITY, static_fields={"region": "us-east-1"})
    logger, out = _logger(JsonRenderer(encoder=formatter.encoder))
    logger.info("shared")
    assert _records(out)[0]["region"] == "us-east-1"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"output": "json"}, "output must be"),
        ({"logger_name": 3}, "logger_name"),
        ({"encoder": "x", "app_id": "a"}, "either encoder"),
        ({"app_id": "a", "platform": "vm"}, "HIPAALOG_MICROSERVICE"),
    ],
)
def test_bad_arguments_are_config_errors(kwargs: dict[str, Any], match: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bad renderer arguments, and a missing identity, raise ConfigError at construction."""
    monkeypatch.delenv("HIPAALOG_MICROSERVICE", raising=False)
    with pytest.raises(ConfigError, match=match):
        JsonRenderer(**kwargs)


def test_configured_native_pipeline_is_captured_by_the_fixture(hipaalog_caplog: LogCapture) -> None:
    """A globally configured native structlog pipeline is seen by hipaalog_caplog."""
    structlog.configure(
        processors=[structlog.contextvars.merge_contextvars, JsonRenderer(**IDENTITY)],
        wrapper_class=structlog.make_filtering_bound_logger(logging.INFO),
        logger_factory=structlog.BytesLoggerFactory(io.BytesIO()),
        cache_logger_on_first_use=False,
    )
    structlog.get_logger().info("configured", claim_id="c-9")
    structlog.get_logger().debug("filtered out")
    hipaalog_caplog.assert_logged(level="info", message="configured", claim_id="c-9", microservice="claims-api")
    hipaalog_caplog.assert_not_logged(message="filtered out")


def test_redaction_applies_on_the_native_path() -> None:
    """PHI in a structlog event's message and fields is redacted before the line is written."""
    logger, out = _logger(JsonRenderer(**IDENTITY))
    logger.info("called 415-555-0132", member_ssn="219-09-9999", nested={"email": "jane.roe@example.org"})
    text = out.getvalue()
    assert b"555-0132" not in text
    assert b"219-09-9999" not in text
    assert b"jane.roe@example.org" not in text
    (record,) = _records(out)
    assert record["message"].startswith("called [REDACTED")


def test_missing_structlog_is_a_clear_import_error() -> None:
    """Without structlog installed, importing hipaalog.structlog says which extra to install."""
    import subprocess
    import sys

    code = "import sys; sys.modules['structlog'] = None\nimport hipaalog.structlog\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "pip install 'hipaalog[structlog]'" in result.stderr
