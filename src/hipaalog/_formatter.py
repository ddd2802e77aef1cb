"""``hipaalog.JsonFormatter``: a ``logging.Formatter`` that writes schema ``hipaalog/1`` lines.

It accepts python-json-logger's arguments (it builds on that package's argument handling, so
``rename_fields``, ``static_fields``, ``defaults``, ``reserved_attrs``, ``fmt`` field lists and
``timestamp`` mean what they mean there) and replaces only the hot path: reading the record and
serializing it, with schema enforcement and redaction on the way.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from pythonjsonlogger.core import RESERVED_ATTRS, BaseJsonFormatter

from . import _diagnostics
from ._encoded import EncodedRecord
from ._encoder import DEFAULT_MAX_MESSAGE_CHARS, Encoder, encoder_or_new
from ._errors import describe_exception
from ._jsonable import truncate
from ._levels import rfc5424_severity
from ._schema import COLLISION_PREFIX, RESERVED
from .exceptions import ConfigError

if TYPE_CHECKING:
    from .redaction import Redactor

__all__ = ["JsonFormatter"]

# LogRecord attributes that map onto schema fields; a `fmt` naming them adds nothing.
_CORE_ATTRS = {
    "message": "message",
    "msg": "message",
    "levelname": "level",
    "levelno": "severity",
    "name": "logger",
    "asctime": "timestamp",
    "created": "timestamp",
    "exc_info": "error",
    "exc_text": "error",
    "stack_info": "stack_info",
}
_STD_ATTRS = tuple(logging.LogRecord("", logging.INFO, "", 0, "", None, None).__dict__)
_STD_COUNT = len(_STD_ATTRS)
_STD_LAST = _STD_ATTRS[-1]
_LEVEL_NAMES: dict[str, str] = {}
_HIPAALOG_ATTRS = frozenset({"hipaalog_redacted", "hipaalog_line"})
"""Record attributes hipaalog's own filters set; never caller fields."""


def _collision_name(name: str, event: Mapping[str, Any]) -> str:
    renamed = COLLISION_PREFIX + name
    while renamed in event:
        renamed = COLLISION_PREFIX + renamed
    return renamed


class JsonFormatter(BaseJsonFormatter):
    """Formats each record as one JSON object of schema ``hipaalog/1``.

    Identity (``app_id``, ``platform``, ``microservice``) comes from the arguments or from the
    ``HIPAALOG_APP_ID``, ``HIPAALOG_PLATFORM`` and ``HIPAALOG_MICROSERVICE`` variables; a missing
    one raises :class:`~hipaalog.exceptions.ConfigError` here, not at log time.

    hipaalog arguments:
        app_id, platform, microservice: the identity fields (``platform="auto"`` detects it).
        fields: declared caller field types, ``{"amount": "number"}``, or a JSON Schema path.
        redaction: ``True`` (default PHI policy), ``False``, a :class:`hipaalog.Redactor`, or a policy mapping.
        severity_style: ``"rfc5424"``, ``"gcp"`` or ``"otel"``.
        max_message_chars: cap on the message and top-level strings (default 32768).
        encoder: an existing :class:`Encoder` to share (then the arguments above must be left out).

    python-json-logger arguments (same meaning): ``fmt``, ``datefmt``, ``style``, ``validate``,
    ``prefix``, ``rename_fields``, ``rename_fields_keep_missing``, ``static_fields``,
    ``reserved_attrs``, ``timestamp``, ``defaults``, ``json_default``. Accepted without effect,
    with a warning when set: ``json_encoder``, ``json_serializer``, ``json_indent``,
    ``json_ensure_ascii``, ``exc_info_as_array``, ``stack_info_as_array`` (output is always one
    orjson line with a structured ``error``).
    """

    def __init__(
        self,
        fmt: str | Sequence[str] | None = None,
        datefmt: str | None = None,
        style: str = "%",
        validate: bool = True,
        *,
        app_id: str | None = None,
        platform: str | None = None,
        microservice: str | None = None,
        fields: Mapping[str, str | list[str]] | str | None = None,
        redaction: bool | Redactor | Mapping[str, Any] = True,
        severity_style: str = "rfc5424",
        max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS,
        encoder: Encoder | None = None,
        prefix: str = "",
        rename_fields: Mapping[str, str] | None = None,
        rename_fields_keep_missing: bool = False,
        static_fields: Mapping[str, Any] | None = None,
        reserved_attrs: Sequence[str] | None = None,
        timestamp: bool | str = False,
        defaults: Mapping[str, Any] | None = None,
        json_default: Callable[[Any], Any] | None = None,
        json_encoder: Any = None,
        json_serializer: Any = None,
        json_indent: int | str | None = None,
        json_ensure_ascii: bool | None = None,
        exc_info_as_array: bool = False,
        stack_info_as_array: bool = False,
    ) -> None:
        for name, value in (
            ("json_encoder", json_encoder),
            ("json_serializer", json_serializer),
            ("json_indent", json_indent),
            ("json_ensure_ascii", json_ensure_ascii),
        ):
            if value is not None:
                warnings.warn(
                    f"hipaalog.JsonFormatter ignores {name}: records are always one orjson line",
                    UserWarning,
                    stacklevel=2,
                )
        if exc_info_as_array or stack_info_as_array:
            warnings.warn(
                "hipaalog.JsonFormatter ignores exc_info_as_array/stack_info_as_array: errors are structured",
                UserWarning,
                stacklevel=2,
            )
        try:
            super().__init__(
                fmt,
                datefmt,
                style,
                validate,
                prefix=prefix,
                rename_fields=dict(rename_fields) if rename_fields is not None else None,
                rename_fields_keep_missing=rename_fields_keep_missing,
                static_fields=None,
                reserved_attrs=list(reserved_attrs) if reserved_attrs is not None else None,
                timestamp=timestamp,
                defaults=dict(defaults) if defaults is not None else None,
            )
        except ValueError as exc:
            raise ConfigError(f"JsonFormatter: invalid fmt/style: {exc}") from exc
        for source, target in self.rename_fields.items():
            if source in RESERVED or (target in RESERVED and _CORE_ATTRS.get(source) != target):
                raise ConfigError(
                    f"rename_fields {source!r} -> {target!r}: schema field names are fixed by hipaalog/1; "
                    "rename only your own fields"
                )
        self.encoder = encoder_or_new(
            encoder,
            "JsonFormatter",
            app_id=app_id,
            platform=platform,
            microservice=microservice,
            fields=fields,
            static_fields=static_fields,
            redaction=redaction,
            severity_style=severity_style,
            json_default=json_default,
            max_message_chars=max_message_chars,
        )
        skip = set(self.reserved_attrs) | set(RESERVED_ATTRS) | _HIPAALOG_ATTRS | {"taskName"}
        self._fmt_fields = tuple(f for f in self._required_fields if f not in _CORE_ATTRS)
        self._skip = frozenset(skip | set(self._fmt_fields))
        self._defaults_fields = {k: v for k, v in self.defaults.items() if k not in _CORE_ATTRS}
        self._timestamp_alias = timestamp if isinstance(timestamp, str) and timestamp != "timestamp" else None
        self._prefix_bytes = prefix.encode("utf-8")
        self._rename = self.rename_fields
        self._max = self.encoder.max_message_chars

    # -- the hot path -------------------------------------------------------------------------
    def to_event(self, record: logging.LogRecord) -> dict[str, Any]:
        """The event dict of ``record``, before schema checks and redaction. Never raises."""
        msg = record.msg
        dict_fields: Mapping[str, Any] | None = None
        if isinstance(msg, dict):  # python-json-logger style: logger.info({"field": value})
            dict_fields = msg
            message = str(msg.get("message", ""))
        elif record.__class__ is logging.LogRecord and msg.__class__ is str:
            # LogRecord.getMessage inlined for the common case (no subclass overriding it).
            args = record.args
            if args:
                try:
                    message = msg % args
                except Exception:  # noqa: BLE001 - a bad format argument must not break logging
                    message = _message_of(record)
            else:
                message = msg
        else:
            message = _message_of(record)
        level = _LEVEL_NAMES.get(record.levelname)
        if level is None:
            level = str(record.levelname).lower()
            if len(_LEVEL_NAMES) < 256:
                _LEVEL_NAMES[record.levelname] = level
        event = self.encoder.base_event(record.created, record.levelno, level, message, record.name)
        if record.exc_info and record.exc_info[1] is not None:
            event["error"] = describe_exception(record.exc_info[1])
        elif record.exc_text:
            event["error"] = {"type": "unknown", "message": record.exc_text, "stack": []}
        if record.stack_info:
            event["stack_info"] = record.stack_info
        if self._timestamp_alias is not None:
            event[self._timestamp_alias] = event["timestamp"]
        collisions: list[tuple[str, Any]] = []
        if self._defaults_fields:
            for key, value in self._defaults_fields.items():
                self._put(event, key, value, collisions)
        for key in self._fmt_fields:
            self._put(event, key, record.__dict__.get(key), collisions)
        skip = self._skip
        rename = self._rename
        limit = self._max
        attrs = record.__dict__
        items: Iterable[tuple[str, Any]] = attrs.items()
        if len(attrs) > _STD_COUNT and next(islice(attrs, _STD_COUNT - 1, None)) == _STD_LAST:
            # LogRecord.__init__ set the standard attributes first; callers' fields come after them.
            items = islice(items, _STD_COUNT, None)
        for key, value in items:
            if key in skip or key[:1] == "_":
                continue
            if rename:
                key = rename.get(key, key)
            if key in RESERVED:
                collisions.append((key, value))
                continue
            if value.__class__ is str and len(value) > limit:
                value = truncate(value, limit)
            event[key] = value
        if dict_fields is not None:
            for key, value in dict_fields.items():
                if key != "message":
                    self._put(event, str(key), value, collisions)
        # Schema-named caller fields are placed last, under a prefix no other field has taken.
        for key, value in collisions:
            event[_collision_name(key, event)] = value
        return event

    def _put(self, event: dict[str, Any], key: str, value: Any, collisions: list[tuple[str, Any]]) -> None:
        name = self._rename.get(key, key)
        if name in RESERVED:
            collisions.append((name, value))
            return
        if value.__class__ is str and len(value) > self._max:
            value = truncate(value, self._max)
        event[name] = value

    def encode(self, record: logging.LogRecord) -> bytes:
        """The record as one JSON line (bytes, no newline). Never raises.

        A record that carries its finished line in ``hipaalog_line`` (a sealed audit record handed
        to logging) is written as that line, byte for byte, so that the copy still verifies.
        """
        finished = record.__dict__.get("hipaalog_line")
        if finished.__class__ is bytes:
            return self._prefix_bytes + finished if self._prefix_bytes else finished
        try:
            event = self.to_event(record)
        except Exception as exc:  # noqa: BLE001 - logging never raises into the application
            _diagnostics.problem("record-unreadable", f"could not read a LogRecord ({type(exc).__name__})")
            event = self.encoder.base_event(
                getattr(record, "created", 0.0) or 0.0,
                getattr(record, "levelno", logging.ERROR),
                str(getattr(record, "levelname", "error")).lower(),
                "[hipaalog: record could not be read]",
                str(getattr(record, "name", "")),
            )
        line = self.encoder.encode(event)
        return self._prefix_bytes + line if self._prefix_bytes else line

    def encode_record(self, record: logging.LogRecord) -> EncodedRecord:
        """The record as an :class:`EncodedRecord`, ready for sinks."""
        identity = self.encoder.identity
        return EncodedRecord(
            self.encode(record),
            record.levelno,
            rfc5424_severity(record.levelno),
            record.created,
            record.name,
            identity.app_id,
            identity.platform,
            identity.microservice,
        )

    def format(self, record: logging.LogRecord) -> str:
        """The record as one JSON line (``str``), for handlers that want text."""
        return self.encode(record).decode("utf-8")

    def __repr__(self) -> str:
        return f"JsonFormatter({self.encoder!r})"


def _message_of(record: logging.LogRecord) -> str:
    """``record.getMessage()``, or a readable stand-in when the arguments do not fit."""
    try:
        message = record.getMessage()
    except Exception as exc:  # noqa: BLE001 - a bad format argument must not break logging
        _diagnostics.problem("bad-format-arguments", f"message arguments did not fit ({type(exc).__name__})")
        try:
            template = str(record.msg)
        except Exception:  # noqa: BLE001
            template = f"<unprintable {type(record.msg).__name__}>"
        return f"{template} [hipaalog: format failed: {type(exc).__name__}]"
    if message.__class__ is not str:
        return str(message)
    return message
