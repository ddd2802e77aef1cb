"""``hipaalog.JsonFormatter``: a ``logging.Formatter`` that writes schema ``hipaalog/1`` lines.

It takes python-json-logger's arguments and hooks with the meaning they have there (it builds on
that package's argument handling) and replaces the hot path: reading the record and serializing
it, with schema enforcement and redaction on the way. What python-json-logger would write under a
schema name (``levelname``, ``exc_info``, ...) is written beside the schema field, not instead of it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice
from json import JSONEncoder
from json import dumps as json_dumps
from typing import TYPE_CHECKING, Any

import orjson
from pythonjsonlogger.core import RESERVED_ATTRS, BaseJsonFormatter

from . import _diagnostics
from ._encoded import EncodedRecord
from ._encoder import DEFAULT_MAX_MESSAGE_CHARS, Encoder, encoder_or_new
from ._errors import describe_exception
from ._finished import FinishedLine
from ._jsonable import truncate
from ._levels import rfc5424_severity
from ._number_forms import judged_in_decimal
from ._pjl import DROPPED, before_rename, chain_default
from ._schema import COLLISION_PREFIX, RESERVED
from .exceptions import ConfigError
from .redaction._record_repeats import echoed

if TYPE_CHECKING:
    from .redaction import Redactor

__all__ = ["JsonFormatter"]

# LogRecord attributes whose value is a schema field: renaming one to that field's name is a no-op.
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
_PJL_NAMES = frozenset(_STD_ATTRS) | {"message", "asctime"}
"""Names python-json-logger fills from the record itself (in ``fmt``, ``rename_fields``, exposed ones)."""
_LEVEL_NAMES: dict[str, str] = {}
_HIPAALOG_ATTRS = frozenset({"hipaalog_redacted"})
"""Record attributes hipaalog's own filters set; never caller fields."""
_MISSING = object()


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
        exc_info_field: also write python-json-logger's ``exc_info`` (the formatted traceback)
            beside the structured ``error``; ``None`` (default) writes it when ``fmt``,
            ``rename_fields`` or ``exc_info_as_array`` asks for it. ``hipaalog.json`` and
            ``hipaalog.orjson`` formatters default to ``True``.

    python-json-logger arguments, with its meaning: ``fmt``, ``datefmt`` (for ``asctime``),
    ``style``, ``validate``, ``prefix``, ``rename_fields``, ``rename_fields_keep_missing``,
    ``static_fields``, ``reserved_attrs``, ``timestamp``, ``defaults``, ``json_default``,
    ``json_encoder``, ``json_serializer``, ``json_indent``, ``json_ensure_ascii``,
    ``exc_info_as_array``; and the subclass hooks ``add_fields``,
    ``process_log_record`` and ``jsonify_log_record``. Setting ``json_serializer``,
    ``json_encoder``, ``json_indent`` or ``json_ensure_ascii`` renders the redacted record with
    that serializer (the standard library's ``json.dumps`` unless given), as python-json-logger
    does; otherwise the line is compact orjson. Schema fields cannot be renamed, and
    ``stack_info_as_array`` would change the schema's ``stack_info`` text: both are ConfigErrors.
    """

    _exc_info_default: bool | None = None

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
        exc_info_field: bool | None = None,
        prefix: str = "",
        rename_fields: Mapping[str, str] | None = None,
        rename_fields_keep_missing: bool = False,
        static_fields: Mapping[str, Any] | None = None,
        reserved_attrs: Sequence[str] | None = None,
        timestamp: bool | str = False,
        defaults: Mapping[str, Any] | None = None,
        json_default: Callable[[Any], Any] | None = None,
        json_encoder: type[JSONEncoder] | None = None,
        json_serializer: Callable[..., str] | None = None,
        json_indent: int | str | bool | None = None,
        json_ensure_ascii: bool | None = None,
        exc_info_as_array: bool = False,
        stack_info_as_array: bool = False,
    ) -> None:
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
        _check_renames(self.rename_fields)
        _check_output_options(json_default, json_encoder, json_serializer, json_indent)
        if stack_info_as_array:
            raise ConfigError(
                "stack_info_as_array: 'stack_info' is a hipaalog/1 schema field holding the stack as one text; "
                "leave the option out and split the text into lines where you read it"
            )
        # python-json-logger's attributes, as code written for it reads them back.
        self.static_fields: dict[str, Any] = {str(k): static_fields[k] for k in static_fields} if static_fields else {}
        self.json_default = json_default
        self.json_encoder = json_encoder
        self.json_serializer = json_serializer if json_serializer is not None else json_dumps
        self.json_indent = json_indent
        self.json_ensure_ascii = json_ensure_ascii
        self.exc_info_as_array = bool(exc_info_as_array)
        self.stack_info_as_array = bool(stack_info_as_array)
        converter = json_default
        if converter is None and json_encoder is not None:
            converter = _encoder_default(json_encoder)
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
            json_default=json_default if encoder is not None else chain_default(converter),
            max_message_chars=max_message_chars,
        )
        rename = self.rename_fields
        required = list(self._required_fields)
        reserved = set(self.reserved_attrs)
        # Record attributes python-json-logger would write: named in fmt, or exposed by a
        # reserved_attrs list that leaves them out. Each goes out under its (renamed) name.
        wanted = [f for f in required if f in _PJL_NAMES]
        if reserved_attrs is not None:
            wanted += [a for a in (*_STD_ATTRS, "message") if a not in reserved and a not in wanted]
        if exc_info_field is None:
            exc_info_field = self._exc_info_default
        if exc_info_field is None:
            exc_info_field = self.exc_info_as_array or "exc_info" in rename
        exc_info_name = rename.get("exc_info", "exc_info")
        if exc_info_field and "exc_info" not in wanted and exc_info_name not in RESERVED:
            self._exc_info_name: str | None = exc_info_name
        else:
            self._exc_info_name = None
        self.exc_info_field = bool(exc_info_field)
        stack_name = rename.get("stack_info")
        self._stack_info_name = (
            stack_name if stack_name not in (None, *RESERVED) and "stack_info" not in wanted else None
        )
        self._record_fields = tuple(
            (name, rename.get(name, name))
            for name in wanted
            if rename.get(name, name) not in RESERVED  # already written as that schema field
        )
        skip = reserved | set(RESERVED_ATTRS) | _HIPAALOG_ATTRS | {"taskName"}
        self._fmt_fields = tuple(f for f in required if f not in _PJL_NAMES)
        self._skip = frozenset(skip | set(required))
        self._defaults_fields = {k: v for k, v in self.defaults.items() if k != "message"}  # the record has one
        alias = rename.get("timestamp", timestamp) if timestamp is True else timestamp
        self._timestamp_alias = alias if isinstance(alias, str) and alias != "timestamp" else None
        self._keep_missing = tuple(rename.values()) if rename_fields_keep_missing else ()
        self._pjl_fields = bool(self._record_fields or self._stack_info_name or self._keep_missing)
        self._prefix_bytes = prefix.encode("utf-8")
        self._rename = rename
        self._max = self.encoder.max_message_chars
        cls = type(self)
        self._hooked = (
            cls.add_fields is not JsonFormatter.add_fields
            or cls.process_log_record is not JsonFormatter.process_log_record
        )
        self._orjson_indent = json_indent is True
        self._stdlib_render = (
            json_serializer is not None
            or json_encoder is not None
            or json_ensure_ascii is not None
            or (json_indent is not None and not isinstance(json_indent, bool))
        )
        self._renders = (
            self._orjson_indent or self._stdlib_render or cls.jsonify_log_record is not JsonFormatter.jsonify_log_record
        )

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
                    redactor = self.encoder.redactor
                    if redactor is not None and "%" in msg:  # "ssn %x" % 536228174: judged in decimal
                        message = judged_in_decimal(msg, args, message, redactor) or message
            else:
                message = msg
        else:
            message = _message_of(record)
        if self.encoder.redactor is not None:  # a statement's parameters logged in a record of their own
            message = self.encoder.redactor.redact_echo(record.name, record.thread, message)
        level = _LEVEL_NAMES.get(record.levelname)
        if level is None:
            level = str(record.levelname).lower()
            if self.encoder.redactor is not None:  # a name given by addLevelName or a filter is text like any other
                level = self.encoder.redactor.redact_text(level)
            if len(_LEVEL_NAMES) < 256:
                _LEVEL_NAMES[record.levelname] = level
        event = self.encoder.base_event(record.created, record.levelno, level, message, record.name)
        exc_info = record.exc_info
        if exc_info and exc_info[1] is not None:
            event["error"] = error = describe_exception(
                exc_info[1], redactor=self.encoder.redactor, redact=self.encoder.redactor is not None
            )
            notes = getattr(exc_info[1], "__notes__", None)
            if isinstance(notes, list) and notes:
                error["notes"] = [str(note) for note in notes]
            echoes = getattr(record.__dict__, "echoes", None)
            if echoes:  # a value masked in a field, printed again in the exception (redaction._record_repeats)
                event["error"] = echoed(error, echoes)
            if self._exc_info_name is not None:
                self._add_exc_info_text(event, record, self._exc_info_name)
        elif record.exc_text:
            event["error"] = {"type": "unknown", "message": record.exc_text, "stack": []}
            if self._exc_info_name is not None:
                self._add_exc_info_text(event, record, self._exc_info_name)
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
        written = len(collisions)
        try:
            for key, value in items:
                if key in skip or key[:1] == "_":
                    continue
                if rename and key in rename:
                    value = before_rename(self.encoder.redactor, key, value)
                    if value is DROPPED:
                        continue
                    key = rename[key]
                if key in RESERVED:
                    collisions.append((key, value))
                    continue
                if value.__class__ is str and len(value) > limit:
                    value = truncate(value, limit)
                event[key] = value
        except TypeError:  # extra={5: "9"}: a key that is not a string; written as "5", as python-json-logger does
            del collisions[written:]
            for key, value in attrs.items():
                name = key if key.__class__ is str else str(key)
                if name not in skip and name[:1] != "_" and name not in _STD_ATTRS:
                    self._put(event, name, value, collisions)
        if dict_fields is not None:
            for key, value in dict_fields.items():
                if key != "message":
                    self._put(event, str(key), value, collisions)
        if self._pjl_fields:
            self._add_pjl_fields(event, record)
        # Schema-named caller fields are placed last, under a prefix no other field has taken.
        for key, value in collisions:
            event[_collision_name(key, event)] = value
        return event

    def _put(self, event: dict[str, Any], key: str, value: Any, collisions: list[tuple[str, Any]]) -> None:
        name = self._rename.get(key, key)
        if name != key:
            value = before_rename(self.encoder.redactor, key, value)
            if value is DROPPED:
                return
        if name in RESERVED:
            collisions.append((name, value))
            return
        if value.__class__ is str and len(value) > self._max:
            value = truncate(value, self._max)
        event[name] = value

    def _add_pjl_fields(self, event: dict[str, Any], record: logging.LogRecord) -> None:
        """What python-json-logger writes that hipaalog does not otherwise: record attributes ``fmt``
        names (or ``reserved_attrs`` exposes), a renamed ``stack_info`` copy, kept-missing nulls."""
        for attr, name in self._record_fields:
            value = self._pjl_value(attr, record, event)
            if value.__class__ is str and len(value) > self._max:
                value = truncate(value, self._max)
            event[name] = value
        if self._stack_info_name is not None and record.stack_info:
            event[self._stack_info_name] = event["stack_info"]
        for name in self._keep_missing:
            if name not in event:
                event[name] = None

    def _add_exc_info_text(self, event: dict[str, Any], record: logging.LogRecord, name: str) -> None:
        """python-json-logger's ``exc_info``: the formatted traceback (or its lines), beside ``error``."""
        value = self._pjl_value("exc_info", record, event)
        event[name] = truncate(value, self._max) if value.__class__ is str else value

    def _pjl_value(self, attr: str, record: logging.LogRecord, event: Mapping[str, Any]) -> Any:
        if attr == "asctime":
            return self.formatTime(record, self.datefmt)
        if attr == "exc_info":
            if record.exc_info:
                return self.formatException(record.exc_info)
            return record.exc_text or None
        if attr == "stack_info":
            return self.formatStack(record.stack_info) if record.stack_info else None
        return record.__dict__.get(attr)

    def formatException(self, ei: Any) -> str | list[str]:  # type: ignore[override]
        """The traceback text (a list of lines with ``exc_info_as_array``), notes and groups included."""
        text = logging.Formatter.formatException(self, ei)
        return text.splitlines() if self.exc_info_as_array else text

    def formatStack(self, stack_info: str) -> str:
        """The stack text, as :class:`logging.Formatter` gives it."""
        return logging.Formatter.formatStack(self, stack_info)

    # -- python-json-logger's hooks -------------------------------------------------------------
    def add_fields(self, log_data: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]) -> None:
        """Fill ``log_data`` with the record's fields (override to add your own; call super first)."""
        event = self.to_event(record)
        for key, value in message_dict.items():
            name = self._rename.get(str(key), str(key))
            if name not in event and name != "message":
                event[name] = value
        log_data.update(event)

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        """Change the fields before they are checked, redacted and serialized (override; return them)."""
        return log_data

    def jsonify_log_record(self, log_data: dict[str, Any]) -> str:
        """The redacted fields as JSON text (override to serialize differently).

        ``log_data`` holds only JSON values, already redacted: what this returns is written as is.
        """
        if self._orjson_indent:
            return orjson.dumps(log_data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode("utf-8")
        if self._stdlib_render:
            text = self.json_serializer(
                log_data,
                default=self.json_default,
                cls=self.json_encoder,
                indent=self.json_indent,
                ensure_ascii=True if self.json_ensure_ascii is None else self.json_ensure_ascii,
            )
            return text if isinstance(text, str) else str(text)
        return orjson.dumps(log_data, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")

    def _hooked_event(self, record: logging.LogRecord) -> dict[str, Any]:
        """The event built through ``add_fields`` and ``process_log_record``, schema fields kept hipaalog's."""
        canonical = self.to_event(record)
        message_dict = dict(record.msg) if isinstance(record.msg, dict) else {}
        log_data: dict[str, Any] = {}
        self.add_fields(log_data, record, message_dict)
        processed: Any = self.process_log_record(log_data)
        if not isinstance(processed, Mapping):  # a hook that forgot to return its dict
            processed = log_data
        event = {key: value for key, value in canonical.items() if key in RESERVED}
        collisions: list[tuple[str, Any]] = []
        for key, value in processed.items():
            name = key if key.__class__ is str else str(key)
            if name in RESERVED:
                if canonical.get(name, _MISSING) is not value and canonical.get(name, _MISSING) != value:
                    collisions.append((name, value))  # a hook's own value for a schema field
                continue
            event[name] = value
        for key, value in collisions:
            event[_collision_name(key, event)] = value
        return event

    def _rendered(self, line: bytes) -> bytes:
        """The redacted line as ``jsonify_log_record`` renders it; the line itself if that fails."""
        try:
            text = self.jsonify_log_record(orjson.loads(line))
            return text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
        except Exception as exc:  # noqa: BLE001 - logging never raises; the compact line stands in
            _diagnostics.problem("serializer-failed", f"json serializer raised {type(exc).__name__}")
            return line

    # -- entry points -----------------------------------------------------------------------------
    def encode(self, record: logging.LogRecord) -> bytes:
        """The record as one JSON line (bytes, no newline). Never raises.

        A record that carries its finished line in ``hipaalog_line`` (a sealed audit record handed
        to logging) is written as that line, byte for byte, so that the copy still verifies. A
        caller's ``extra={"hipaalog_line": ...}`` is an ordinary field: see :func:`_is_finished`.
        """
        finished = record.__dict__.get("hipaalog_line")
        if finished is not None and _is_finished(finished, record):
            return self._prefix_bytes + finished if self._prefix_bytes else bytes(finished)
        try:
            if self._hooked:
                try:
                    event = self._hooked_event(record)
                except Exception as exc:  # noqa: BLE001 - a failing hook costs the hook, not the record
                    _diagnostics.problem(
                        "formatter-hook-failed", f"add_fields/process_log_record raised {type(exc).__name__}"
                    )
                    event = self.to_event(record)
            else:
                event = self.to_event(record)
        except Exception as exc:  # noqa: BLE001 - logging never raises into the application
            _diagnostics.problem("record-unreadable", f"could not read a LogRecord ({type(exc).__name__})")
            created, levelno = getattr(record, "created", None), getattr(record, "levelno", None)
            event = self.encoder.base_event(
                float(created) if isinstance(created, (int, float)) else 0.0,
                levelno if isinstance(levelno, int) else logging.ERROR,
                str(getattr(record, "levelname", "error")).lower(),
                "[hipaalog: record could not be read]",
                str(getattr(record, "name", "")),
            )
        line = self.encoder.encode(event)
        if self._renders:
            line = self._rendered(line)
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
        return f"{type(self).__name__}({self.encoder!r})"


def _is_finished(line: object, record: logging.LogRecord) -> bool:
    """Whether ``line`` is a finished line hipaalog made (a :class:`FinishedLine`), not data a caller logged.

    Only the type counts: a caller's ``extra=`` or ``logging.makeLogRecord()`` can set any attribute
    (``pathname`` and ``name`` included) but cannot make plain bytes into a ``FinishedLine``.
    """
    return line.__class__ is FinishedLine


def _check_renames(rename: Mapping[str, str]) -> None:
    """Schema fields are hipaalog's: neither renamed nor overwritten by a rename."""
    for source, target in rename.items():
        if source in RESERVED and source not in ("stack_info", "timestamp") and target != source:
            raise ConfigError(
                f"rename_fields {source!r} -> {target!r}: schema field names are fixed by hipaalog/1 (every line "
                f"has {source!r}); rename record attributes such as 'levelname' or your own fields instead"
            )
        if target in RESERVED and target != source and _CORE_ATTRS.get(source) != target:
            raise ConfigError(
                f"rename_fields {source!r} -> {target!r}: schema field names are fixed by hipaalog/1 and "
                f"{target!r} is written by hipaalog; choose another name"
            )


def _check_output_options(
    json_default: object, json_encoder: object, json_serializer: object, json_indent: object
) -> None:
    if json_default is not None and not callable(json_default):
        raise ConfigError("json_default must be callable (in dictConfig, name it with 'ext://module.function')")
    if json_serializer is not None and not callable(json_serializer):
        raise ConfigError("json_serializer must be a json.dumps-like callable ('ext://module.function' in dictConfig)")
    if json_encoder is not None and not (isinstance(json_encoder, type) and issubclass(json_encoder, JSONEncoder)):
        raise ConfigError("json_encoder must be a json.JSONEncoder subclass ('ext://module.Class' in dictConfig)")
    if json_indent is not None and not isinstance(json_indent, (int, str)):
        raise ConfigError("json_indent must be an integer, a string, True or None")


def _encoder_default(json_encoder: type[JSONEncoder]) -> Callable[[Any], Any]:
    """``json_encoder``'s ``default`` method, used to convert the objects it knows."""
    try:
        instance = json_encoder()
    except Exception as exc:
        raise ConfigError(
            f"json_encoder {json_encoder.__name__} could not be created without arguments: {exc}"
        ) from exc
    return instance.default


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
