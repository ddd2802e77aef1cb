"""From an event dict to one JSON line: schema checks, redaction, orjson. Never raises.

The :class:`Encoder` is shared by every path a record takes (the stdlib formatter, structlog
processors, audit events), so each gets identical output for the same event.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import orjson

from . import _diagnostics, context
from ._identity import Identity, resolve_identity
from ._jsonable import sanitize, to_json_native, truncate
from ._levels import SEVERITY_STYLES, severity_for
from ._schema import RESERVED, Declarations, load_declarations
from ._timestamps import rfc3339
from .exceptions import ConfigError

if TYPE_CHECKING:
    from .redaction import Redactor

__all__ = ["DEFAULT_MAX_MESSAGE_CHARS", "Encoder", "add_tap", "encoder_or_new", "remove_tap"]

DEFAULT_MAX_MESSAGE_CHARS: Final = 32_768
"""Messages (and top-level string fields) longer than this are cut, with a ``…[truncated N chars]`` marker."""

_OPTIONS: Final = orjson.OPT_UTC_Z
_CAREFUL_OPTIONS: Final = orjson.OPT_UTC_Z | orjson.OPT_NON_STR_KEYS
_GUARDED_OPTIONS: Final = _OPTIONS | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS
"""With redaction on, orjson writes no type of its own accord that redaction has not walked: dataclasses and
subclasses of str, int, dict and list go to the ``default`` hook, which redacts them."""
_taps: list[Callable[[bytes], None]] = []


def add_tap(tap: Callable[[bytes], None]) -> None:
    """Call ``tap`` with every line any encoder produces (the pytest plugin's capture point)."""
    _taps.append(tap)


def remove_tap(tap: Callable[[bytes], None]) -> None:
    """Stop calling ``tap``."""
    try:
        _taps.remove(tap)
    except ValueError:
        pass


_otel_trace: Any = None


def _trace_ids() -> tuple[str, str] | None:
    """The active OpenTelemetry span's ids, if OpenTelemetry is in use.

    OpenTelemetry is optional and never imported by hipaalog: while the application has not
    imported ``opentelemetry.trace`` there can be no active span, and the check costs one lookup.
    """
    global _otel_trace
    if _otel_trace is None:
        _otel_trace = sys.modules.get("opentelemetry.trace")
        if _otel_trace is None:
            return None
    ctx = _otel_trace.get_current_span().get_span_context()
    if not ctx.is_valid:
        return None
    return format(ctx.trace_id, "032x"), format(ctx.span_id, "016x")


class Encoder:
    """Turns event dicts into schema-valid, redacted JSON lines.

    Args:
        identity: appId, platform and microservice (see :func:`hipaalog.configure`).
        fields: declared caller field types (mapping or JSON Schema path); see :class:`Declarations`.
        static_fields: fields added to every record.
        redaction: ``True`` for the default PHI policy, ``False`` to switch it off, or a
            :class:`hipaalog.Redactor`.
        severity_style: ``"rfc5424"`` (integers 0-7), ``"gcp"`` (Cloud Logging strings) or ``"otel"``.
        json_default: called for objects orjson cannot serialize; its result is redacted too.
        max_message_chars: cap for the message and top-level string fields.
    """

    def __init__(
        self,
        identity: Identity,
        *,
        fields: Mapping[str, str | list[str]] | str | None = None,
        static_fields: Mapping[str, Any] | None = None,
        redaction: bool | Redactor | Mapping[str, Any] = True,
        severity_style: str = "rfc5424",
        json_default: Callable[[Any], Any] | None = None,
        max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS,
    ) -> None:
        if severity_style not in SEVERITY_STYLES:
            raise ConfigError(f"severity_style must be one of {', '.join(SEVERITY_STYLES)}, not {severity_style!r}")
        if not isinstance(max_message_chars, int) or max_message_chars < 64:
            raise ConfigError("max_message_chars must be an integer of at least 64")
        if json_default is not None and not callable(json_default):
            raise ConfigError("json_default must be callable")
        self.identity = identity
        self.declarations: Declarations = load_declarations(fields)
        self.static_fields = {str(k): static_fields[k] for k in static_fields} if static_fields else {}
        spoofing = sorted(RESERVED.intersection(self.static_fields))
        if spoofing:
            raise ConfigError(f"static_fields may not set schema fields ({', '.join(spoofing)}); hipaalog writes them")
        self.severity_style = severity_style
        self.max_message_chars = max_message_chars
        self._json_default = json_default
        self.redactor = _build_redactor(redaction)
        self._severities: dict[int, int | str] = {}
        self._identity_fields = {
            "appId": identity.app_id,
            "platform": identity.platform,
            "microservice": identity.microservice,
        }

    # -- building -----------------------------------------------------------------------------
    def base_event(self, created: float, levelno: int, level: str, message: str, logger: str) -> dict[str, Any]:
        """The schema fields of a record, in schema order, plus trace ids and static fields."""
        if len(message) > self.max_message_chars:
            message = truncate(message, self.max_message_chars)
        severity = self._severities.get(levelno)
        if severity is None:
            severity = self._severities[levelno] = severity_for(levelno, self.severity_style)
        identity = self.identity
        event: dict[str, Any] = {
            "timestamp": rfc3339(created),
            "level": level,
            "severity": severity,
            "message": message,
            "logger": logger,
            "appId": identity.app_id,
            "platform": identity.platform,
            "microservice": identity.microservice,
        }
        ids = _trace_ids() if _otel_trace is not None or "opentelemetry.trace" in sys.modules else None
        if ids is not None:
            event["trace_id"], event["span_id"] = ids
        if self.static_fields:
            event.update(self.static_fields)
        bound = context._fields.get()
        if bound:
            event.update(bound)
        return event

    # -- finishing ----------------------------------------------------------------------------
    def encode(self, event: dict[str, Any]) -> bytes:
        """Check declared types, redact, serialize. ``event`` is consumed (it may be changed)."""
        try:
            if self.declarations.types:
                self.declarations.check(event)
            if self.redactor is not None:
                event = self.redactor.redact_event(event, default=self._default_plain)
                line = orjson.dumps(event, default=self._default, option=_GUARDED_OPTIONS)
            else:
                line = orjson.dumps(event, default=self._default, option=_OPTIONS)
        except Exception as exc:  # noqa: BLE001 - logging never raises; the slow path takes over
            line = self._encode_carefully(event, exc)
        if _taps:
            for tap in list(_taps):
                try:
                    tap(line)
                except Exception:  # noqa: BLE001
                    _diagnostics.problem("tap-failed", "a capture tap raised")
        return line

    def _default(self, obj: Any) -> Any:
        """orjson's hook for what it does not write itself; with redaction on, everything goes through the walk."""
        if self.redactor is not None:
            return self.redactor.redact(obj, default=self._default_plain)
        return self._default_plain(obj)

    def _encode_carefully(self, event: dict[str, Any], first_error: Exception) -> bytes:
        _diagnostics.problem("record-sanitized", f"record needed the slow path ({type(first_error).__name__})")
        try:
            if self.redactor is not None:
                cleaned = self.redactor.redact_event(event, default=self._default_plain)
                cleaned = sanitize(cleaned, self._default_plain, max_string=self.max_message_chars)
                cleaned = self.redactor.redact_event(cleaned)
            else:
                cleaned = sanitize(event, self._default_plain, max_string=self.max_message_chars)
            return orjson.dumps(cleaned, option=_CAREFUL_OPTIONS)
        except Exception as exc:  # noqa: BLE001 - fail closed: keep only trusted schema fields
            _diagnostics.problem("record-unserializable", f"record replaced by a stub ({type(exc).__name__})")
            stub: dict[str, Any] = {k: event.get(k) for k in ("timestamp", "level", "severity", "logger") if k in event}
            stub["message"] = "[hipaalog: record could not be serialized]"
            stub.update(self._identity_fields)
            return orjson.dumps(stub)

    def _default_plain(self, obj: Any) -> Any:
        if self._json_default is not None:
            try:
                value = self._json_default(obj)
            except Exception:  # noqa: BLE001
                value = obj
            if value is not obj:
                return value
        return to_json_native(obj)

    def __repr__(self) -> str:
        i = self.identity
        return (
            f"Encoder(app_id={i.app_id!r}, platform={i.platform!r}, microservice={i.microservice!r}, "
            f"redaction={self.redactor!r})"
        )


def encoder_or_new(
    encoder: Encoder | None,
    owner: str,
    *,
    app_id: str | None,
    platform: str | None,
    microservice: str | None,
    fields: Mapping[str, str | list[str]] | str | None,
    static_fields: Mapping[str, Any] | None,
    redaction: bool | Redactor | Mapping[str, Any],
    severity_style: str,
    json_default: Callable[[Any], Any] | None,
    max_message_chars: int,
) -> Encoder:
    """``encoder`` when one is shared, else a new one from the arguments (``owner`` names the caller in errors)."""
    if encoder is not None:
        if any(v is not None for v in (app_id, platform, microservice, fields, static_fields, json_default)):
            raise ConfigError(f"{owner}: pass either encoder= or the identity/fields arguments, not both")
        return encoder
    return Encoder(
        resolve_identity(app_id, platform, microservice),
        fields=fields,
        static_fields=static_fields,
        redaction=redaction,
        severity_style=severity_style,
        json_default=json_default,
        max_message_chars=max_message_chars,
    )


def _build_redactor(redaction: object) -> Redactor | None:
    if redaction is False or redaction is None:
        return None
    from . import redaction as redaction_module

    if redaction is True:
        return redaction_module.default_redactor()
    if isinstance(redaction, Mapping):
        return redaction_module.Redactor.from_config(redaction)
    if isinstance(redaction, redaction_module.Redactor):
        return redaction
    raise ConfigError(
        "redaction must be True, False, a hipaalog.Redactor or a mapping of policy options, "
        f"not {type(redaction).__name__}"
    )
