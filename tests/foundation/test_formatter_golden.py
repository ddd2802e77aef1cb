"""Golden output of JsonFormatter for hand-built records."""

from __future__ import annotations

import logging

import orjson

from hipaalog import JsonFormatter

from ._records import FIXED_TIMESTAMP, IDENTITY, make_record


def test_plain_record_is_exactly_the_schema_fields_in_order() -> None:
    """A record without extras is the eight schema fields, in schema order, one line."""
    line = JsonFormatter(**IDENTITY, redaction=False).format(make_record())
    assert line == (
        '{"timestamp":"' + FIXED_TIMESTAMP + '","level":"info","severity":6,"message":"claim C-1 accepted",'
        '"logger":"claims.api","appId":"claims","platform":"k8s","microservice":"claims-api"}'
    )


def test_extra_fields_follow_schema_fields_with_their_json_types() -> None:
    """Caller fields keep their JSON types, nested dicts and lists included, after the schema fields."""
    extra = {"amount": 12.5, "count": 3, "ok": True, "none": None, "claim": {"codes": ["99213"], "n": {"x": 1}}}
    line = JsonFormatter(**IDENTITY, redaction=False).format(make_record(extra=extra))
    record = orjson.loads(line)
    assert list(record)[:8] == [
        "timestamp",
        "level",
        "severity",
        "message",
        "logger",
        "appId",
        "platform",
        "microservice",
    ]
    assert {k: record[k] for k in extra} == extra


def test_levels_map_to_rfc5424_severities() -> None:
    """debug 7, info 6, warning 4, error 3, critical 2, and a custom level between info and warning is 5."""
    formatter = JsonFormatter(**IDENTITY, redaction=False)
    logging.addLevelName(25, "NOTICE")
    got = {}
    for levelno in (10, 20, 25, 30, 40, 50):
        record = orjson.loads(formatter.format(make_record(level=levelno)))
        got[record["level"]] = record["severity"]
    assert got == {"debug": 7, "info": 6, "notice": 5, "warning": 4, "error": 3, "critical": 2}


def test_severity_styles_for_gcp_and_otel() -> None:
    """The gcp style writes Cloud Logging names; the otel style OpenTelemetry severity numbers."""
    gcp = orjson.loads(JsonFormatter(**IDENTITY, severity_style="gcp").format(make_record(level=logging.WARNING)))
    otel = orjson.loads(JsonFormatter(**IDENTITY, severity_style="otel").format(make_record(level=logging.ERROR)))
    assert (gcp["severity"], otel["severity"]) == ("WARNING", 17)


def test_timestamp_rounds_to_the_microsecond_and_carries_into_seconds() -> None:
    """Timestamps are RFC 3339 UTC with six digits, rounding up into the next second when needed."""
    from hipaalog._timestamps import rfc3339

    assert rfc3339(0.0) == "1970-01-01T00:00:00.000000Z"
    assert rfc3339(1_700_000_000.9999996) == "2023-11-14T22:13:21.000000Z"
    assert rfc3339(1_700_000_000.5) == "2023-11-14T22:13:20.500000Z"


def test_stack_info_is_kept_as_text() -> None:
    """stack_info=True output appears under stack_info."""
    record = orjson.loads(
        JsonFormatter(**IDENTITY).format(make_record(stack_info="Stack (most recent call last):\n  x"))
    )
    assert record["stack_info"].startswith("Stack (most recent call last)")


def test_format_returns_text_and_encode_bytes_of_the_same_line() -> None:
    """format() is the str of encode()."""
    formatter = JsonFormatter(**IDENTITY)
    record = make_record()
    assert formatter.format(record).encode() == formatter.encode(record)
