"""``hipaalog.structlog``: the hipaalog schema and redaction for structlog users.

Two ways in, one output. Both end in :class:`JsonRenderer`, which builds the record with the same
:class:`~hipaalog.Encoder` the stdlib formatter uses, so an event gives the same line either way:

- **native** (fast): ``JsonRenderer`` is the last processor and returns ``bytes`` for
  :class:`structlog.BytesLoggerFactory` (``output="str"`` for ``PrintLoggerFactory`` /
  ``WriteLoggerFactory``);
- **stdlib**: :class:`ProcessorFormatter` on a ``logging`` handler formats what
  ``structlog.stdlib.ProcessorFormatter.wrap_for_formatter`` hands over, and plain ``logging``
  records too (their ``extra=`` fields included), so one handler serves both.

Leave ``TimeStamper``, ``format_exc_info`` and ``dict_tracebacks`` out of the chain: hipaalog writes
its own ``timestamp`` (a numeric ``timestamp`` in the event is taken as the time of the event) and a
structured ``error`` from ``exc_info`` without frame locals. An ``exception`` that ``dict_tracebacks`` or
``ExceptionRenderer`` made anyway is written without its frames' ``locals`` (the values of every variable of
every frame), and redacted like any field. Requires the ``structlog`` extra.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

from pythonjsonlogger.core import RESERVED_ATTRS

try:
    import structlog
except ImportError as exc:  # pragma: no cover - exercised in an environment without structlog
    raise ImportError("hipaalog.structlog needs structlog: pip install 'hipaalog[structlog]'") from exc

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

__all__ = ["JsonRenderer", "ProcessorFormatter"]

_LEVELS: Final[dict[str, tuple[int, str]]] = {
    "debug": (logging.DEBUG, "debug"),
    "info": (logging.INFO, "info"),
    "msg": (logging.INFO, "info"),
    "warning": (logging.WARNING, "warning"),
    "warn": (logging.WARNING, "warning"),
    "error": (logging.ERROR, "error"),
    "err": (logging.ERROR, "error"),
    "exception": (logging.ERROR, "error"),
    "critical": (logging.CRITICAL, "critical"),
    "fatal": (logging.CRITICAL, "critical"),
    "notset": (logging.NOTSET, "notset"),
}
_INFO: Final = _LEVELS["info"]
_EXCEPTION: Final = "exception"
"""The key structlog's ``ExceptionRenderer`` (``dict_tracebacks``, ``format_exc_info``) writes the exception to."""
_SPECIAL_KEYS: Final = RESERVED | {"level", "logger", "timestamp", "exc_info", "stack_info", _EXCEPTION}
"""Keys that take the careful path: read by the renderer, or colliding with a schema field."""
_RECORD_SKIP: Final = frozenset(RESERVED_ATTRS) | {"taskName", "hipaalog_redacted"}
"""LogRecord attributes that are not caller fields (what the stdlib formatter skips too)."""


def _collision_name(name: str, event: Mapping[str, Any]) -> str:
    renamed = COLLISION_PREFIX + name
    while renamed in event:
        renamed = COLLISION_PREFIX + renamed
    return renamed


def _text(value: object) -> str:
    try:
        return str(value)
    except Exception:  # noqa: BLE001 - an event whose __str__ raises is still logged
        return f"<unprintable {type(value).__name__}>"


def _without_locals(value: Any) -> Any:
    """structlog's dict traceback (a list of traces, each with ``frames``) with no frame's ``locals``; any other
    value as it is."""
    if value.__class__ is not list:
        return value
    traces = []
    for trace in value:
        if isinstance(trace, Mapping) and ("frames" in trace or "exceptions" in trace):
            trace = dict(trace)
            frames = trace.get("frames")
            if isinstance(frames, list):
                trace["frames"] = [
                    {k: v for k, v in frame.items() if k != "locals"} if isinstance(frame, Mapping) else frame
                    for frame in frames
                ]
            if "exceptions" in trace:  # an exception group's members
                trace["exceptions"] = [_without_locals(member) for member in trace["exceptions"] or ()]
        traces.append(trace)
    return traces


def _exception_of(exc_info: object) -> BaseException | None:
    if exc_info is True:
        return sys.exc_info()[1]
    if isinstance(exc_info, BaseException):
        return exc_info
    if isinstance(exc_info, tuple) and len(exc_info) == 3 and isinstance(exc_info[1], BaseException):
        return exc_info[1]
    return None


class JsonRenderer:
    """structlog's final processor: the event as one hipaalog JSON line.

    Args:
        encoder: an existing :class:`~hipaalog.Encoder` to share (with a
            :class:`~hipaalog.JsonFormatter`, say); otherwise one is built from the arguments below,
            which mean what they mean for :class:`~hipaalog.JsonFormatter`.
        logger_name: ``logger`` of events that carry no ``logger`` key (native path only; the
            stdlib path uses the record's logger name).
        output: ``"bytes"`` for ``structlog.BytesLoggerFactory`` (fastest), ``"str"`` for
            loggers that write text. Under :class:`ProcessorFormatter` the result is always text.
        clock: wall-clock seconds for events without a numeric ``timestamp`` (default :func:`time.time`).

    Event keys it reads: ``event`` (the message), ``level`` (else the method name), ``logger``,
    ``timestamp`` (when a number), ``exc_info``, ``stack_info``; every other key is a caller field
    (a schema field name is kept as ``extra_<name>``).
    """

    __slots__ = ("_as_text", "_clock", "_max", "encoder", "logger_name")

    def __init__(
        self,
        *,
        encoder: Encoder | None = None,
        app_id: str | None = None,
        platform: str | None = None,
        microservice: str | None = None,
        fields: Mapping[str, str | list[str]] | str | None = None,
        static_fields: Mapping[str, Any] | None = None,
        redaction: bool | Redactor | Mapping[str, Any] = True,
        severity_style: str = "rfc5424",
        max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS,
        json_default: Callable[[Any], Any] | None = None,
        logger_name: str = "root",
        output: Literal["bytes", "str"] = "bytes",
        clock: Callable[[], float] = time.time,
    ) -> None:
        if output not in ("bytes", "str"):
            raise ConfigError(f"JsonRenderer: output must be 'bytes' or 'str', not {output!r}")
        if not isinstance(logger_name, str):
            raise ConfigError("JsonRenderer: logger_name must be a string")
        self.encoder = encoder_or_new(
            encoder,
            "JsonRenderer",
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
        self.logger_name = logger_name
        self._as_text = output == "str"
        self._clock = clock
        self._max = self.encoder.max_message_chars

    # -- structlog's processor interface ---------------------------------------------------------
    def __call__(self, logger: object, method_name: str, event_dict: MutableMapping[str, Any]) -> bytes | str:
        """Render ``event_dict`` (consumed). Never raises."""
        try:
            from_stdlib = "_record" in event_dict
        except TypeError:  # not a mapping: encode_native reports it
            from_stdlib = False
        if from_stdlib:
            return self.encode_stdlib(event_dict).decode("utf-8")
        line = self.encode_native(method_name, event_dict)
        return line.decode("utf-8") if self._as_text else line

    def encode_native(self, method_name: str, event_dict: MutableMapping[str, Any]) -> bytes:
        """The line of an event from structlog's native path (``event_dict`` is consumed)."""
        try:
            message = event_dict.pop("event", "")
            if message.__class__ is not str:
                message = "" if message is None else _text(message)
            levelno, level = _LEVELS.get(method_name, _INFO)
            if _SPECIAL_KEYS.isdisjoint(event_dict):
                # The common event: only caller fields, none named like a schema field.
                event = self.encoder.base_event(self._clock(), levelno, level, message, self.logger_name)
                event.update(event_dict)
                limit = self._max
                for key, value in event_dict.items():
                    if value.__class__ is str and len(value) > limit:
                        event[key] = truncate(value, limit)
                return self.encoder.encode(event)
            named = event_dict.pop("level", None)
            if named is not None and named.__class__ is str:
                levelno, level = _LEVELS.get(named.lower(), (levelno, level))
            name = event_dict.pop("logger", None)
            stamp = event_dict.pop("timestamp", None)
            event = self.encoder.base_event(
                stamp if stamp.__class__ in (float, int) else self._clock(),
                levelno,
                level,
                message,
                name if name.__class__ is str else self.logger_name,
            )
            self._finish(event, event_dict, None)
        except Exception as exc:  # noqa: BLE001 - logging never raises into the application
            event = self._unreadable(exc)
        return self.encoder.encode(event)

    def encode_stdlib(self, event_dict: MutableMapping[str, Any]) -> bytes:
        """The line of an event from ``ProcessorFormatter`` (carrying ``_record``); consumed."""
        try:
            record: logging.LogRecord = event_dict.pop("_record")
            from_structlog = event_dict.pop("_from_structlog", True)
            message = event_dict.pop("event", "")
            if message.__class__ is not str:
                message = "" if message is None else _text(message)
            event_dict.pop("level", None)
            name = event_dict.pop("logger", None)
            stamp = event_dict.pop("timestamp", None)
            event = self.encoder.base_event(
                stamp if stamp.__class__ in (float, int) else record.created,
                record.levelno,
                record.levelname.lower(),
                message,
                name if name.__class__ is str else record.name,
            )
            self._finish(event, event_dict, None if from_structlog else record)
        except Exception as exc:  # noqa: BLE001
            event = self._unreadable(exc)
        return self.encoder.encode(event)

    # -- shared ------------------------------------------------------------------------------
    def _finish(
        self, event: dict[str, Any], event_dict: MutableMapping[str, Any], foreign: logging.LogRecord | None
    ) -> None:
        """Add ``error``, ``stack_info`` and the caller fields to ``event``."""
        exc_info = event_dict.pop("exc_info", None)
        if exc_info:
            exc = _exception_of(exc_info)
            if exc is not None:
                redactor = self.encoder.redactor
                event["error"] = describe_exception(exc, redactor=redactor, redact=redactor is not None)
        stack = event_dict.pop("stack_info", None)
        if stack:
            event["stack_info"] = stack if isinstance(stack, str) else "".join(traceback.format_stack()[:-3])
        colliding = []
        if foreign is not None:
            for key, value in foreign.__dict__.items():
                if key in _RECORD_SKIP or key[:1] == "_":
                    continue
                if key in RESERVED:
                    colliding.append((key, value))
                else:
                    self._put(event, key, value)
        for key, value in event_dict.items():
            name = key if key.__class__ is str else _text(key)
            if name == _EXCEPTION:
                value = _without_locals(value)
            if name in RESERVED:
                colliding.append((name, value))
            else:
                self._put(event, name, value)
        for name, value in colliding:  # after the caller's own keys, so extra_<name> never overwrites one
            self._put(event, _collision_name(name, event), value)

    def _put(self, event: dict[str, Any], key: str, value: Any) -> None:
        if value.__class__ is str and len(value) > self._max:
            value = truncate(value, self._max)
        event[key] = value

    def _unreadable(self, exc: Exception) -> dict[str, Any]:
        _diagnostics.problem("structlog-event-unreadable", f"could not read a structlog event ({type(exc).__name__})")
        return self.encoder.base_event(
            self._clock(), logging.ERROR, "error", "[hipaalog: structlog event could not be read]", self.logger_name
        )

    def __repr__(self) -> str:
        return f"JsonRenderer({self.encoder!r}, output={'str' if self._as_text else 'bytes'!r})"


class ProcessorFormatter(structlog.stdlib.ProcessorFormatter):
    """structlog's ``ProcessorFormatter`` ending in :class:`JsonRenderer`: one formatter for both
    structlog events and plain ``logging`` records on a stdlib handler.

    Usable from ``dictConfig`` (``"()": "hipaalog.structlog.ProcessorFormatter"`` with the
    :class:`JsonRenderer` arguments as keys). ``processors`` run before the renderer,
    ``foreign_pre_chain`` on plain ``logging`` records only. ``fmt``, ``datefmt``, ``style`` and
    ``validate`` are accepted for the ``"class"`` form and ignored: the output is always the JSON line.
    """

    def __init__(
        self,
        fmt: str | None = None,
        datefmt: str | None = None,
        style: str = "%",
        validate: bool = True,
        *,
        renderer: JsonRenderer | None = None,
        processors: Sequence[Callable[..., Any]] = (),
        foreign_pre_chain: Sequence[Callable[..., Any]] | None = None,
        pass_foreign_args: bool = False,
        logger: logging.Logger | None = None,
        **renderer_options: Any,
    ) -> None:
        if renderer is not None and renderer_options:
            raise ConfigError("ProcessorFormatter: pass either renderer= or JsonRenderer arguments, not both")
        if renderer_options.get("output", "str") != "str":
            raise ConfigError("ProcessorFormatter: the stdlib path always renders text; leave out output=")
        renderer_options.pop("output", None)
        self.renderer = renderer if renderer is not None else JsonRenderer(**renderer_options)
        super().__init__(
            processors=[*processors, self.renderer],
            foreign_pre_chain=foreign_pre_chain,
            keep_exc_info=False,
            keep_stack_info=False,
            logger=logger,
            pass_foreign_args=pass_foreign_args,
            use_get_message=True,
            fmt="%(message)s",
        )

    def format(self, record: logging.LogRecord) -> str:
        """The record as one JSON line; structlog events skip the record copy the base class makes."""
        event = record.msg
        method_name = getattr(record, "_name", None)
        if event.__class__ is not dict or method_name is None or not hasattr(record, "_logger"):
            return super().format(record)  # a plain logging record: structlog's foreign path
        logger = self.logger if self.logger is not None else record.__dict__["_logger"]
        event_dict: Any = dict(event)
        event_dict["_record"] = record
        event_dict["_from_structlog"] = True
        for processor in self.processors[:-1]:
            event_dict = processor(logger, method_name, event_dict)
        if event_dict.__class__ is not dict:
            return _text(event_dict)
        return self.renderer.encode_stdlib(event_dict).decode("utf-8")

    @property
    def encoder(self) -> Encoder:
        """The :class:`~hipaalog.Encoder` the renderer writes with."""
        return self.renderer.encoder

    def encode_record(self, record: logging.LogRecord) -> EncodedRecord:
        """The record as an :class:`~hipaalog.typing.EncodedRecord`, ready for sinks."""
        identity = self.encoder.identity
        return EncodedRecord(
            self.format(record).encode("utf-8"),
            record.levelno,
            rfc5424_severity(record.levelno),
            record.created,
            record.name,
            identity.app_id,
            identity.platform,
            identity.microservice,
        )

    def __repr__(self) -> str:
        return f"hipaalog.structlog.ProcessorFormatter({self.renderer!r})"
