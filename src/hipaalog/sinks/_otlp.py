"""OpenTelemetry's OTLP/HTTP logs: the record's schema fields on the OTLP log data model.

One ``ExportLogsServiceRequest`` per request, in protobuf (``application/x-protobuf``, the
default) or JSON (``application/json``). Records are grouped by resource (``service.name`` =
``microservice``, ``service.namespace`` = ``appId``, ``hipaalog.platform`` = ``platform``) and,
inside it, by scope (the logger name). Each log record carries the time, the severity number
and text, the message as body, the trace and span ids, and every other field of the JSON line as
an attribute, already redacted like the line itself.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import orjson

from .. import _diagnostics
from .._encoded import EncodedRecord
from .._version import __version__
from ..exceptions import ConfigError, SinkError
from . import _protobuf as pb
from ._preset import Preset

__all__ = ["OtlpPreset", "severity_number"]

RETRYABLE = frozenset({429, 502, 503, 504})
"""The HTTP statuses the OTLP specification says to retry; every other 4xx and 5xx must not be."""
_MAPPED = frozenset({"timestamp", "level", "severity", "message", "logger", "appId", "platform", "microservice"})
_HEX = frozenset("0123456789abcdefABCDEF")
_INT64 = (-(1 << 63), (1 << 63) - 1)


def severity_number(levelno: int) -> int:
    """OTLP ``SeverityNumber`` for a Python level: DEBUG 5, INFO 9, WARNING 13, ERROR 17, CRITICAL 21.

    Levels between the standard ones land between their numbers (25 is 11, INFO3); below DEBUG is TRACE.
    """
    if levelno < logging.DEBUG:
        return 1 + min(3, max(0, levelno) * 4 // 10)
    band = min(levelno // 10, 5)
    return 1 + 4 * band + (min(3, (levelno - band * 10) * 4 // 10) if band < 5 else min(3, (levelno - 50) // 10))


def _nanos(created: float) -> int:
    """Nanoseconds since the epoch, to the microsecond the record's ``timestamp`` shows."""
    return round(created * 1e6) * 1000


def _ident(value: Any, digits: int) -> bytes | None:
    if isinstance(value, str) and len(value) == digits and set(value) <= _HEX and value.strip("0"):
        return bytes.fromhex(value)
    return None


class _Log:
    """One record, parsed once, for either encoding."""

    __slots__ = ("attributes", "body", "record", "span_id", "trace_id")

    def __init__(self, record: EncodedRecord) -> None:
        self.record = record
        try:
            fields = orjson.loads(record.line)
        except orjson.JSONDecodeError:
            fields = None
        if not isinstance(fields, dict):  # a text formatter's line: the whole line is the body
            fields = {"message": record.line.decode("utf-8", "replace")}
        self.body = fields.get("message")
        self.trace_id = _ident(fields.get("trace_id"), 32)
        self.span_id = _ident(fields.get("span_id"), 16)
        skip = _MAPPED | ({"trace_id"} if self.trace_id else set()) | ({"span_id"} if self.span_id else set())
        attributes = {k: v for k, v in fields.items() if k not in skip}
        error = fields.get("error")
        if isinstance(error, dict):  # semantic conventions, beside the structured original
            for key in ("type", "message"):
                if isinstance(error.get(key), str):
                    attributes[f"exception.{key}"] = error[key]
        self.attributes = attributes


def _groups(batch: Sequence[EncodedRecord]) -> dict[tuple[str, str, str], dict[str, list[_Log]]]:
    out: dict[tuple[str, str, str], dict[str, list[_Log]]] = {}
    for record in batch:
        resource = (record.microservice, record.app_id, record.platform)
        out.setdefault(resource, {}).setdefault(record.logger, []).append(_Log(record))
    return out


def _resource_attributes(resource: tuple[str, str, str]) -> dict[str, str]:
    service, namespace, platform = resource
    return {"service.name": service, "service.namespace": namespace, "hipaalog.platform": platform}


# -- protobuf ------------------------------------------------------------------------------------
def _pb_any(value: Any, depth: int = 0) -> bytes:
    if isinstance(value, str):
        return pb.string(1, value, always=True)
    if isinstance(value, bool):
        return pb.uint(2, int(value), always=True)
    if isinstance(value, int):
        if _INT64[0] <= value <= _INT64[1]:
            return pb.uint(3, value, always=True)
        return pb.string(1, str(value), always=True)
    if isinstance(value, float):
        return pb.double(4, value)
    if depth > 64:
        return pb.string(1, orjson.dumps(value).decode(), always=True)
    if isinstance(value, dict):
        pairs = b"".join(pb.message(1, _pb_pair(str(k), v, depth + 1), always=True) for k, v in value.items())
        return pb.message(6, pairs, always=True)
    if isinstance(value, list):
        items = b"".join(pb.message(1, _pb_any(v, depth + 1), always=True) for v in value)
        return pb.message(5, items, always=True)
    return b""  # null: an empty AnyValue


def _pb_pair(key: str, value: Any, depth: int = 0) -> bytes:
    return pb.string(1, key) + pb.message(2, _pb_any(value, depth), always=True)


def _pb_attributes(number: int, attributes: dict[str, Any]) -> bytes:
    return b"".join(pb.message(number, _pb_pair(k, v), always=True) for k, v in attributes.items())


def _pb_log(log: _Log) -> bytes:
    r = log.record
    nanos = _nanos(r.created)
    return b"".join(
        (
            pb.fixed64(1, nanos),
            pb.uint(2, severity_number(r.levelno)),
            pb.string(3, logging.getLevelName(r.levelno)),
            pb.message(5, _pb_any(log.body), always=True) if log.body is not None else b"",
            _pb_attributes(6, log.attributes),
            pb.message(9, log.trace_id or b""),
            pb.message(10, log.span_id or b""),
            pb.fixed64(11, nanos),
        )
    )


def _pb_request(batch: Sequence[EncodedRecord]) -> bytes:
    scope_version = pb.string(2, __version__)
    out = []
    for resource, scopes in _groups(batch).items():
        parts = [pb.message(1, _pb_attributes(1, _resource_attributes(resource)), always=True)]
        for logger, logs in scopes.items():
            scope = pb.message(1, pb.string(1, logger) + scope_version, always=True)
            parts.append(pb.message(2, scope + b"".join(pb.message(2, _pb_log(x), always=True) for x in logs)))
        out.append(pb.message(1, b"".join(parts), always=True))
    return b"".join(out)


# -- JSON ----------------------------------------------------------------------------------------
def _json_any(value: Any, depth: int = 0) -> dict[str, Any]:
    if isinstance(value, str):
        return {"stringValue": value}
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int):
        return {"intValue": str(value)} if _INT64[0] <= value <= _INT64[1] else {"stringValue": str(value)}
    if isinstance(value, float):
        return {"doubleValue": value}
    if depth > 64:
        return {"stringValue": orjson.dumps(value).decode()}
    if isinstance(value, dict):
        return {"kvlistValue": {"values": [_json_pair(str(k), v, depth + 1) for k, v in value.items()]}}
    if isinstance(value, list):
        return {"arrayValue": {"values": [_json_any(v, depth + 1) for v in value]}}
    return {}


def _json_pair(key: str, value: Any, depth: int = 0) -> dict[str, Any]:
    return {"key": key, "value": _json_any(value, depth)}


def _json_log(log: _Log) -> dict[str, Any]:
    r = log.record
    nanos = str(_nanos(r.created))
    out: dict[str, Any] = {
        "timeUnixNano": nanos,
        "observedTimeUnixNano": nanos,
        "severityNumber": severity_number(r.levelno),
        "severityText": logging.getLevelName(r.levelno),
        "attributes": [_json_pair(k, v) for k, v in log.attributes.items()],
    }
    if log.body is not None:
        out["body"] = _json_any(log.body)
    if log.trace_id:
        out["traceId"] = log.trace_id.hex()
    if log.span_id:
        out["spanId"] = log.span_id.hex()
    return out


def _json_request(batch: Sequence[EncodedRecord]) -> bytes:
    resource_logs = []
    for resource, scopes in _groups(batch).items():
        resource_logs.append(
            {
                "resource": {"attributes": [_json_pair(k, v) for k, v in _resource_attributes(resource).items()]},
                "scopeLogs": [
                    {"scope": {"name": logger, "version": __version__}, "logRecords": [_json_log(x) for x in logs]}
                    for logger, logs in scopes.items()
                ],
            }
        )
    return orjson.dumps({"resourceLogs": resource_logs})


# -- answers -------------------------------------------------------------------------------------
def _partial_success(body: bytes, encoding: str) -> tuple[int, str]:
    """``(rejected log records, error message)`` from an ``ExportLogsServiceResponse``."""
    if not body:
        return 0, ""
    try:
        if encoding == "json":
            partial = orjson.loads(body).get("partialSuccess") or {}
            return int(partial.get("rejectedLogRecords") or 0), str(partial.get("errorMessage") or "")
        rejected, message = 0, ""
        for number, value in pb.fields(body):
            if number == 1 and isinstance(value, bytes):
                for inner, item in pb.fields(value):
                    if inner == 1 and isinstance(item, int):
                        rejected = item
                    elif inner == 2 and isinstance(item, bytes):
                        message = item.decode("utf-8", "replace")
        return rejected, message
    except (ValueError, TypeError, AttributeError, orjson.JSONDecodeError):
        return 0, ""


def _status_message(body: bytes, encoding: str) -> str:
    """The ``message`` of a ``google.rpc.Status`` error body, if there is one."""
    try:
        if encoding == "json":
            return str(orjson.loads(body).get("message") or "")
        for number, value in pb.fields(body):
            if number == 2 and isinstance(value, bytes):
                return value.decode("utf-8", "replace")
    except (ValueError, TypeError, AttributeError, orjson.JSONDecodeError):
        pass
    return ""


class OtlpPreset(Preset):
    """``POST /v1/logs`` to an OpenTelemetry Collector (or any OTLP/HTTP logs endpoint).

    Args:
        encoding: ``"protobuf"`` (the default) or ``"json"``.

    429, 502, 503 and 504 are retried (honouring ``Retry-After``), as the OTLP specification
    says; every other 4xx and 5xx refuses the batch for good, with the collector's message. A
    partial success counts the records the collector rejected as failed, with its reason (it
    says how many, not which: the last ones of the request are counted).
    """

    name = "otlp"
    default_path = "/v1/logs"

    def __init__(self, encoding: str = "protobuf") -> None:
        if encoding not in ("protobuf", "json"):
            raise ConfigError(f"OTLP encoding must be 'protobuf' or 'json', not {encoding!r}")
        self.encoding = encoding
        self.content_type = "application/x-protobuf" if encoding == "protobuf" else "application/json"

    def encode(self, batch: Sequence[EncodedRecord]) -> bytes:
        return _pb_request(batch) if self.encoding == "protobuf" else _json_request(batch)

    def check(self, status: int, body: bytes, batch: Sequence[EncodedRecord]) -> None:
        if 200 <= status < 300:
            rejected, message = _partial_success(body, self.encoding)
            reason = message or "no reason given"
            if rejected > 0:
                k = min(rejected, len(batch))
                raise SinkError(
                    f"OTLP partial success: {rejected} log record(s) rejected: {reason}",
                    rejected=list(range(len(batch) - k, len(batch))),
                )
            if message:
                _diagnostics.problem("otlp-warning", f"OTLP partial success with a warning: {message}")
            return
        if status in RETRYABLE or status == 413:
            return  # the sink retries (honouring Retry-After) or sends smaller requests
        said = _status_message(body, self.encoding)
        raise SinkError(f"HTTP {status}{': ' + said if said else ''} (not retryable under OTLP)", retryable=False)
