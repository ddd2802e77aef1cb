"""The record schema ``hipaalog/1``: its field table, declared caller types, and exports.

The table here is the single source for what the formatter writes, what the JSON Schema and the
OpenSearch mapping say, and what the docs list (``docs/schema.md`` is generated from it).
"""

from __future__ import annotations

import decimal
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._audit_schema import audit_conditional, audit_definition, audit_mapping
from .exceptions import ConfigError

__all__ = [
    "COLLISION_PREFIX",
    "CORE_FIELDS",
    "JSON_TYPES",
    "RESERVED",
    "SCHEMA_VERSION",
    "TRUSTED_FIELDS",
    "VIOLATIONS_FIELD",
    "Declarations",
    "FieldSpec",
    "json_schema",
    "load_declarations",
    "opensearch_template",
]

SCHEMA_VERSION: Final = "hipaalog/1"
COLLISION_PREFIX: Final = "extra_"
"""A caller field named like a schema field is kept as ``extra_<name>`` (repeated if that is taken too)."""
VIOLATIONS_FIELD: Final = "schema_violations"
"""Where a record lists the declared-type violations it carried (see :class:`Declarations`)."""

JSON_TYPES: Final = ("string", "number", "integer", "boolean", "object", "array")


@dataclass(frozen=True)
class FieldSpec:
    """One field of the record schema."""

    name: str
    type: str
    description: str
    required: bool = False


_ERROR_DEF: dict[str, Any] = {
    "type": "object",
    "required": ["type", "message"],
    "properties": {
        "type": {"type": "string", "description": "exception class, qualified by module"},
        "message": {"type": "string", "description": "str(exception), after redaction"},
        "stack": {
            "type": "array",
            "description": "frames, outermost first; never locals",
            "items": {
                "type": "object",
                "required": ["file", "line", "function"],
                "properties": {
                    "file": {"type": "string"},
                    "line": {"type": "integer"},
                    "function": {"type": "string"},
                },
            },
        },
        "cause": {"$ref": "#/$defs/error", "description": "the chained __cause__ or __context__"},
        "frames_omitted": {"type": "integer", "description": "frames left out beyond the cap"},
    },
}

CORE_FIELDS: Final[tuple[FieldSpec, ...]] = (
    FieldSpec("timestamp", "string", "RFC 3339, UTC, microseconds, Z suffix", required=True),
    FieldSpec("level", "string", "lowercase level name (debug, info, warning, error, critical, custom)", required=True),
    FieldSpec("severity", "integer", "RFC 5424 severity 0-7 (or the platform style configured)", required=True),
    FieldSpec("message", "string", "the formatted message, after redaction", required=True),
    FieldSpec("logger", "string", "logger name", required=True),
    FieldSpec("appId", "string", "application id", required=True),
    FieldSpec("platform", "string", "where it runs: k8s, ecs, lambda, vm, ...", required=True),
    FieldSpec("microservice", "string", "service name", required=True),
    FieldSpec("error", "object", "structured exception: type, message, stack, cause"),
    FieldSpec("stack_info", "string", "the stack at the log call when stack_info=True"),
    FieldSpec("trace_id", "string", "OpenTelemetry trace id (32 hex digits) of the active span"),
    FieldSpec("span_id", "string", "OpenTelemetry span id (16 hex digits) of the active span"),
    FieldSpec(VIOLATIONS_FIELD, "array", "declared-type violations: field, expected, actual, value"),
    FieldSpec("audit", "object", "audit records only: who did what to which record (see docs/audit.md)"),
    FieldSpec("seq", "integer", "audit records only: position in the sealed stream, from 1"),
    FieldSpec("chain", "string", "audit records only: HMAC-SHA256 chain value over this record and the previous"),
    FieldSpec("key_id", "string", "audit records only: id of the key that sealed the record"),
)
"""Fields hipaalog itself writes; callers cannot set them (see :data:`COLLISION_PREFIX`)."""

KNOWN_FIELDS: Final[tuple[FieldSpec, ...]] = (
    FieldSpec("duration_ms", "number", "duration of a timed operation in milliseconds"),
    FieldSpec("threshold_ms", "number", "the threshold a timed operation was measured against"),
    FieldSpec("operation", "string", "name of a timed operation"),
)
"""Caller-level fields that hipaalog's own helpers write, declared so their types stay fixed."""

RESERVED: Final[frozenset[str]] = frozenset(f.name for f in CORE_FIELDS)
TRUSTED_FIELDS: Final[frozenset[str]] = frozenset(
    {"timestamp", "level", "severity", "appId", "platform", "microservice", "trace_id", "span_id"}
)
"""Core fields hipaalog fills from trusted sources; redaction leaves them alone.

``logger`` is not among them: a logger name may be built from data (``getLogger(f"user.{email}")``).
Names recur, so checking it costs one cache lookup per record."""

_VIOLATION_VALUE_CHARS: Final = 200


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool)


def _is_integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_Check = Callable[[object], bool]
_CHECKS: dict[str, _Check] = {
    "string": lambda v: isinstance(v, str),
    "number": _is_number,
    "integer": _is_integer,
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, Mapping),
    "array": lambda v: isinstance(v, (list, tuple)),
    "null": lambda v: v is None,
}


def json_type_of(value: object) -> str:
    """The JSON type name ``value`` would serialize as (``"unknown"`` for other objects)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, (float, decimal.Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, (list, tuple)):
        return "array"
    return "unknown"


class Declarations:
    """Declared JSON types of caller fields, enforced on every record.

    A value of the wrong type is never written under its name (that would change the field's type in
    the index); it moves into :data:`VIOLATIONS_FIELD` as ``{"field", "expected", "actual", "value"}``
    with the value JSON-encoded as a string, and the record is otherwise written as usual.
    """

    __slots__ = ("_checks", "types")

    def __init__(self, types: Mapping[str, str | list[str]]) -> None:
        checked: dict[str, tuple[str, ...]] = {}
        for name, declared in types.items():
            names = (declared,) if isinstance(declared, str) else tuple(declared)
            for type_name in names:
                if type_name not in _CHECKS:
                    raise ConfigError(f"field {name!r}: unknown type {type_name!r}; use one of {', '.join(_CHECKS)}")
            if name in RESERVED:
                raise ConfigError(f"field {name!r} is a schema field; its type is fixed by hipaalog")
            checked[name] = names
        self.types: dict[str, tuple[str, ...]] = checked
        self._checks = {name: tuple(_CHECKS[t] for t in names) for name, names in checked.items()}

    def check(self, event: dict[str, Any]) -> None:
        """Move wrongly typed declared fields of ``event`` into its violations list (in place)."""
        violations = None
        for name, checks in self._checks.items():
            if name not in event:
                continue
            value = event[name]
            for check in checks:
                if check(value):
                    break
            else:
                del event[name]
                if violations is None:
                    violations = event.setdefault(VIOLATIONS_FIELD, [])
                violations.append(
                    {
                        "field": name,
                        "expected": "|".join(self.types[name]),
                        "actual": json_type_of(value),
                        "value": _preview(value),
                    }
                )

    def __repr__(self) -> str:
        return f"Declarations({ {k: '|'.join(v) for k, v in self.types.items()}!r})"


def _preview(value: object) -> str:
    try:
        text = json.dumps(value, default=repr, ensure_ascii=False)
    except Exception:  # noqa: BLE001 - a preview must never raise; the type name is enough
        text = f"<{type(value).__name__}>"
    if len(text) > _VIOLATION_VALUE_CHARS:
        text = text[:_VIOLATION_VALUE_CHARS] + "…"
    return text


def load_declarations(fields: Mapping[str, str | list[str]] | str | os.PathLike[str] | None) -> Declarations:
    """Build :class:`Declarations` from a mapping or from a JSON Schema file's ``properties``."""
    merged: dict[str, str | list[str]] = {f.name: f.type for f in KNOWN_FIELDS}
    if fields is None:
        return Declarations(merged)
    if isinstance(fields, (str, os.PathLike)):
        merged.update(_types_from_schema_file(os.fspath(fields)))
    elif isinstance(fields, Mapping):
        merged.update({str(k): fields[k] for k in fields})
    else:
        raise ConfigError(
            f"fields must be a mapping of name -> JSON type or a JSON Schema path, not {type(fields).__name__}"
        )
    return Declarations(merged)


def _types_from_schema_file(path: str) -> dict[str, str | list[str]]:
    try:
        with open(path, encoding="utf-8") as fh:
            document = json.load(fh)
    except OSError as exc:
        raise ConfigError(f"fields: cannot read JSON Schema file {path!r}: {exc.strerror}") from None
    except ValueError as exc:
        raise ConfigError(f"fields: {path!r} is not valid JSON: {exc}") from None
    properties = document.get("properties") if isinstance(document, dict) else None
    if not isinstance(properties, dict):
        raise ConfigError(f"fields: {path!r} has no top-level 'properties' object")
    types: dict[str, str | list[str]] = {}
    for name, spec in properties.items():
        if name in RESERVED:
            continue  # the file may describe the whole record, schema fields included
        declared = spec.get("type") if isinstance(spec, dict) else None
        if isinstance(declared, (str, list)):
            types[name] = declared
    return types


def json_schema(declarations: Declarations | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a record, including declared caller fields."""
    properties: dict[str, Any] = {}
    for spec in CORE_FIELDS:
        if spec.name in ("error", "audit"):
            properties[spec.name] = {"$ref": f"#/$defs/{spec.name}", "description": spec.description}
        elif spec.name == VIOLATIONS_FIELD:
            properties[spec.name] = {
                "type": "array",
                "description": spec.description,
                "items": {
                    "type": "object",
                    "required": ["field", "expected", "actual", "value"],
                    "properties": {k: {"type": "string"} for k in ("field", "expected", "actual", "value")},
                },
            }
        else:
            properties[spec.name] = {"type": spec.type, "description": spec.description}
    properties["timestamp"]["format"] = "date-time"
    properties["timestamp"]["pattern"] = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$"
    properties["severity"] = {
        "description": CORE_FIELDS[2].description,
        "anyOf": [{"type": "integer", "minimum": 0, "maximum": 24}, {"type": "string"}],
    }
    declared = declarations if declarations is not None else load_declarations(None)
    for name, types in declared.types.items():
        properties[name] = {"type": types[0] if len(types) == 1 else list(types)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:hipaalog:schema:hipaalog-1",
        "title": SCHEMA_VERSION,
        "description": "One hipaalog record (one JSON object per line).",
        "type": "object",
        "required": [f.name for f in CORE_FIELDS if f.required],
        "properties": properties,
        "additionalProperties": True,
        "allOf": [audit_conditional()],
        "$defs": {"error": _ERROR_DEF, "audit": audit_definition()},
    }


_OPENSEARCH_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "keyword", "ignore_above": 1024},
    "number": {"type": "double"},
    "integer": {"type": "long"},
    "boolean": {"type": "boolean"},
    "object": {"type": "object"},
}


def opensearch_template(
    declarations: Declarations | None = None,
    index_patterns: tuple[str, ...] = ("logs-*",),
    *,
    severity_style: str = "rfc5424",
) -> dict[str, Any]:
    """An OpenSearch/Elasticsearch composable index template that maps every known field."""
    props: dict[str, Any] = {
        "timestamp": {"type": "date", "format": "strict_date_optional_time_nanos"},
        "level": {"type": "keyword"},
        "severity": {"type": "keyword"} if severity_style == "gcp" else {"type": "byte"},
        "message": {"type": "text", "fields": {"raw": {"type": "keyword", "ignore_above": 1024}}},
        "logger": {"type": "keyword"},
        "appId": {"type": "keyword"},
        "platform": {"type": "keyword"},
        "microservice": {"type": "keyword"},
        "trace_id": {"type": "keyword"},
        "span_id": {"type": "keyword"},
        "stack_info": {"type": "text"},
        "error": {
            "type": "object",
            "properties": {
                "type": {"type": "keyword"},
                "message": {"type": "text"},
                "stack": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "keyword"},
                        "line": {"type": "integer"},
                        "function": {"type": "keyword"},
                    },
                },
                "cause": {"type": "object", "enabled": False},
            },
        },
        VIOLATIONS_FIELD: {
            "type": "object",
            "properties": {k: {"type": "keyword"} for k in ("field", "expected", "actual", "value")},
        },
    }
    props.update(audit_mapping())
    declared = declarations if declarations is not None else load_declarations(None)
    for name, types in declared.types.items():
        concrete = [t for t in types if t != "null"]
        if len(concrete) == 1 and concrete[0] in _OPENSEARCH_TYPES:
            props[name] = dict(_OPENSEARCH_TYPES[concrete[0]])
    return {
        "index_patterns": list(index_patterns),
        "template": {"mappings": {"dynamic": True, "properties": props}},
        "_meta": {"schema": SCHEMA_VERSION},
    }
