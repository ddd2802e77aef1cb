"""The audit sub-schema: what an audit record adds to ``hipaalog/1`` (pure data, no imports).

An audit record is a ``hipaalog/1`` record with ``logger`` = ``"hipaalog.audit"``, an ``audit``
object, and the integrity fields ``seq``, ``chain`` and ``key_id`` at the top level.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["AUDIT_EVENTS", "AUDIT_LOGGER", "AUDIT_OUTCOMES", "audit_conditional", "audit_definition", "audit_mapping"]

AUDIT_LOGGER: Final = "hipaalog.audit"
AUDIT_EVENTS: Final = ("access", "login", "logout", "change", "export", "alert")
AUDIT_OUTCOMES: Final = ("success", "failure", "denied")

_STRING: Final = {"type": "string"}


def _required_for(event: str, *names: str) -> dict[str, Any]:
    return {"if": {"properties": {"event": {"const": event}}}, "then": {"required": list(names)}}


def audit_definition() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the ``audit`` object."""
    return {
        "type": "object",
        "description": "who did what to which record: see docs/audit.md",
        "required": ["event", "actor", "outcome"],
        "properties": {
            "event": {"enum": list(AUDIT_EVENTS), "description": "kind of audit event"},
            "actor": {"type": "string", "description": "workforce user id (never a patient)"},
            "outcome": {"enum": list(AUDIT_OUTCOMES)},
            "patient": {"type": "string", "description": "keyed pseudonym PATIENT:<key id>:<digest>, never raw"},
            "action": {"type": "string", "description": "access: what was done (read, search, print, ...)"},
            "resource": {"type": "string", "description": "access/change: the kind of record (Observation, ...)"},
            "reason": {"type": "string", "description": "why (free text, redacted)"},
            "emergency": {"type": "boolean", "description": "access: break-glass access"},
            "source": {"type": "string", "description": "login/logout: source IP as given, or its pseudonym"},
            "method": {"type": "string", "description": "login/logout: password, sso, mfa, ..."},
            "fields": {
                "type": "array",
                "items": _STRING,
                "description": "change: names of changed fields, never values",
            },
            "patients": {"type": "integer", "minimum": 0, "description": "export: how many patients' records"},
            "format": {"type": "string", "description": "export: file format"},
            "destination": {"type": "string", "description": "export: where it went (redacted)"},
            "rule": {"type": "string", "description": "alert: the rule that tripped"},
            "detail": {"type": "string", "description": "alert: one line, redacted"},
            "evidence": {
                "type": "array",
                "items": {"type": "integer"},
                "description": "alert: seq of evidence records",
            },
        },
        "allOf": [
            _required_for("access", "patient", "action", "resource"),
            _required_for("login", "source", "method"),
            _required_for("logout", "source", "method"),
            _required_for("change", "patient", "resource", "fields"),
            _required_for("export", "patients", "format", "destination"),
            _required_for("alert", "rule"),
        ],
    }


def audit_conditional() -> dict[str, Any]:
    """An ``if``/``then`` for the record schema: records of logger ``hipaalog.audit`` carry the audit fields."""
    return {
        "if": {"properties": {"logger": {"const": AUDIT_LOGGER}}, "required": ["logger"]},
        "then": {
            "required": ["audit", "seq", "chain", "key_id"],
            "properties": {
                "audit": {"$ref": "#/$defs/audit"},
                "seq": {"type": "integer", "minimum": 1, "description": "position in the audit stream, from 1"},
                "chain": {"type": "string", "description": "HMAC-SHA256 chain value (hex)"},
                "key_id": {"type": "string", "description": "id of the key the chain value was made with"},
            },
        },
    }


def audit_mapping() -> dict[str, Any]:
    """OpenSearch/Elasticsearch mappings of the audit fields."""
    keyword = {"type": "keyword"}
    return {
        "audit": {
            "type": "object",
            "properties": {
                **dict.fromkeys(
                    (
                        "event",
                        "actor",
                        "outcome",
                        "patient",
                        "action",
                        "resource",
                        "source",
                        "method",
                        "fields",
                        "format",
                        "destination",
                        "rule",
                    ),
                    keyword,
                ),
                "reason": {"type": "text"},
                "detail": {"type": "text"},
                "emergency": {"type": "boolean"},
                "patients": {"type": "long"},
                "evidence": {"type": "long"},
            },
        },
        "seq": {"type": "long"},
        "chain": keyword,
        "key_id": keyword,
    }
