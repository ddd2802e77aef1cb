"""Cleaning the ``LogRecord`` itself, so that no handler (hipaalog's or anyone's) sees raw PHI.

hipaalog's formatter redacts what it writes, but other handlers on the same loggers read the
record directly: OpenTelemetry's ``LoggingHandler`` ships every ``extra`` attribute as it is,
Sentry's reads the message and the exception. Two ways to clean the record first:

* :func:`install_record_redaction` (process-wide): wraps the log record factory, so every record
  any logger makes is redacted as it is made: message, arguments, exception (its causes, context,
  group members, notes, attributes and structured details), stack, and the ``extra=`` fields as
  ``logging`` stores them. Records made by ``logging.makeLogRecord`` are redacted as they are
  filled, and an attribute set on a record later (by a ``logging.Filter``, an adapter, a
  formatter) is redacted as it is set. Use this in applications (``hipaalog.configure()`` does it
  by default).
* :class:`RedactingFilter` (per logger or handler): redacts records passing through it. Use it
  when a process-wide hook is not yours to install (a library, a framework that manages
  logging), on each third-party handler (``otel_handler.addFilter(RedactingFilter())``) or on the
  loggers records come from. A filter on a logger does not see records propagated from its
  children, and handlers that ran before it saw the raw record: prefer handler filters.

The record keeps the ``LogRecord`` contract: ``args`` stays a tuple (or mapping) of the same
length with redacted values in place, ``msg`` stays a format string that works with them, and
``getMessage()`` gives the redacted message, so formatters and filters that read ``record.args``
(uvicorn's access formatter) keep working. ``extra`` values become their redacted JSON-like form
(dataclasses, models, named tuples, sets, bytes and other objects included), except loggers,
handlers, classes, functions and modules, which hold no caller data and are kept as they are
(structlog's ``_logger``) unless their printed form names someone (a logger named ``patients.<email>``).

A redacted record is an instance of :class:`RedactedRecord` (``record.hipaalog_redacted`` is
``True``, a class attribute: no caller field can forge it or collide with it) and is not
redacted twice.
"""

from __future__ import annotations

import enum
import logging
import re
import threading
import types
import weakref
from collections.abc import Callable, Mapping
from typing import Any, Final

from .. import _diagnostics
from .._errors import (
    _type_name,
    clean_input,
    redact_argv,
    redact_missing_key,
    redact_path,
    redacted_validation_error,
    structured_message,
    validation_errors,
)
from .._finished import FinishedLine
from .._number_forms import judged_in_decimal
from ._code_places import PLACES, clean_name, clean_place, clean_places
from ._exc_copy import RedactedException, copy_exception, link, stand_in, stand_in_of, state
from ._kinds import UNINSPECTED
from ._name_pairs import PAIR_WORDS, name_pair
from ._name_paths import redact_name_path
from ._names import name_shaped
from ._person_key_values import PERSON_VALUE_KEYS
from ._printf_rows import row_masked
from ._record_repeats import echoed, learn
from ._redactor import Redactor
from ._shown_frames import without_tracebacks
from ._strategies import mask_text
from ._written_as import written_as

__all__ = [
    "MARKER_ATTRIBUTE",
    "RedactedRecord",
    "RedactingFilter",
    "install_record_redaction",
    "is_redacted_record",
    "record_redaction_installed",
    "redact_record",
    "uninstall_record_redaction",
]

MARKER_ATTRIBUTE: Final = "hipaalog_redacted"
"""``True`` on records already redacted (a class attribute of :class:`RedactedRecord`, never in ``__dict__``)."""

_FRESH: Final = tuple(logging.LogRecord("", 0, "", 0, "", None, None).__dict__)
"""The attributes ``LogRecord.__init__`` sets, in order: a record holding just these has no caller field."""
_STANDARD: Final = frozenset(_FRESH) | {"message", "asctime"}
_MESSAGE: Final = frozenset({"msg", "args"})
_TEXTS: Final = frozenset({"exc_text", "stack_info"})
_TRUSTED: Final = _STANDARD - _MESSAGE - _TEXTS - {"exc_info"}
"""Set by ``logging`` itself from trusted sources (names, numbers, times); never redacted."""
_NAMES: Final = ("name", "threadName", "processName", "taskName")
"""Names set from the application's own objects (loggers, threads, processes, tasks): redacted as text."""
_USUAL_NAMES: Final = frozenset({"root", "MainThread", "MainProcess"})
_LEVEL_NAMES: Final = frozenset({"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"})
_MAX_CHAIN: Final = 16
"""Causes and contexts followed; a longer chain is cut there (a stand-in says so)."""
_MAX_MEMBERS: Final = 64
_MAX_NOTES: Final = 64
_MAX_STR: Final = 4
"""``str()`` applied this many times at most to reach a plain ``str`` (a subclass's ``__str__`` may return another)."""
_NATIVE: Final = frozenset({str, int, float, bool, type(None), dict, list})
_SCALARS: Final = frozenset({str, int, float, bool, type(None)})
_NUMBERS: Final = frozenset({int, float, bool, type(None)})
_MASK: Final = "[REDACTED]"
_UNREAD: Final = mask_text(UNINSPECTED)
_SPEC: Final = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?(?P<flags>[#0\- +]*)(?P<width>\*|\d+)?(?:\.(?P<precision>\*|\d+))?[hlL]?(?P<conv>.)",
    re.DOTALL,
)


# -- values -----------------------------------------------------------------------------------------
def _printed(value: object) -> str:
    """``value`` as it prints: a ``str`` subclass that ``__str__`` returns is printed through its own ``__str__``
    (``f"{error}"``, ``traceback``), so that is its text. Raises what ``__str__`` raises."""
    text = str(value)
    for _ in range(_MAX_STR):
        if type(text) is str:
            return text
        text = str(text)
    return str.__str__(text)


def _safe_text(value: object) -> str:
    try:
        return _printed(value)
    except Exception:  # noqa: BLE001 - a value whose __str__ raises is not shown
        return _UNREAD


def _plain(value: Any, redactor: Redactor) -> Any:
    """``value`` (already redacted) as a JSON-like value: bytes and objects redaction did not walk become text."""
    cls = type(value)  # never value.__class__: a lazy proxy's may raise
    if cls in _NATIVE:
        return value
    if cls is FinishedLine:  # a line hipaalog sealed itself (audit records), redacted before sealing
        return value
    if issubclass(cls, (bytes, bytearray, memoryview)):
        return redactor.redact_text(bytes(value).decode("utf-8", "backslashreplace"))
    if issubclass(cls, enum.Enum):
        return _plain(redactor.redact(value.value), redactor)
    if issubclass(cls, str):
        return redactor.redact_text(str.__str__(value))
    if issubclass(cls, (int, float)):
        return value
    if issubclass(cls, BaseException):  # an exception handed as a value: described through its structure
        return redactor.redact_text(f"{cls.__name__}: {structured_message(value, redactor) or _safe_text(value)}")
    return redactor.redact_text(_safe_text(value))


def _validation_details(value: list[Any], redactor: Redactor) -> list[Any]:
    """pydantic's ``errors()``: each ``input`` redacted as a value of the field its ``loc`` names."""
    out = []
    for item in value:
        if type(item) is dict and "input" in item and isinstance(item.get("loc"), (list, tuple)):
            loc = item["loc"]
            field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "input")
            item_input = clean_input(field, item["input"], redactor)
            item = {**item, "loc": [redactor.redact_text(str(p)) if isinstance(p, str) else p for p in loc]}
            item["input"] = item_input
        out.append(item)
    return out


_LIVE: Final = (logging.Logger, logging.LoggerAdapter, logging.Handler, type, types.FunctionType, types.ModuleType)
"""Objects kept on the record as they are: they hold no caller data, and others use them (structlog's ``_logger``)."""


def _live(value: Any, redactor: Redactor) -> Any:
    """A logger, handler, class, function or module, kept as it is unless its printed form names someone (a logger
    named ``patients.<email>``, a class made from data): then a logger with the redacted name (an adapter's logger),
    or the redacted text of anything else."""
    text = _safe_text(value)
    clean = redactor.redact_text(text)
    if clean == text:
        return value
    held = value.logger if isinstance(value, logging.LoggerAdapter) else value
    if isinstance(held, logging.Logger):
        stand_in = logging.Logger(redact_name_path(redactor, held.name), held.level)
        stand_in.parent, stand_in.propagate, stand_in.disabled = held.parent, held.propagate, held.disabled
        return stand_in if held is value else logging.LoggerAdapter(stand_in, {})
    return clean


def _field(redactor: Redactor, key: str, value: Any) -> Any:
    """An ``extra`` field's value redacted and made JSON-like. Never raises."""
    try:
        if type(value) is FinishedLine:
            return value  # a sealed audit line is redacted before sealing: written byte for byte, never rewalked
        if issubclass(type(value), _LIVE):
            return _live(value, redactor)
        if issubclass(type(value), BaseException):
            return _plain(value, redactor)
        if type(value) is list and value and type(value[0]) is dict and "loc" in value[0] and "input" in value[0]:
            value = _validation_details(value, redactor)
        return _plain(redactor.redact_field(key, value), redactor)
    except Exception as exc:  # noqa: BLE001 - fail closed: this value alone is masked
        _diagnostics.problem(
            "record-redaction-failed", f"a field of a LogRecord could not be read ({type(exc).__name__})"
        )
        return _UNREAD


def _field_name(redactor: Redactor, key: object) -> str:
    """An attribute name as it may be stored: PHI in a name (``extra={"jane@x.org": 1}``) is redacted."""
    return redactor.field_name(key)


# -- message and arguments --------------------------------------------------------------------------
def _escape(text: str) -> str:
    return text.replace("%", "%%")


def _consume(args: Any) -> str:
    """A template suffix that consumes ``args`` and prints nothing (``%.0s`` per positional argument)."""
    if isinstance(args, tuple):
        return "%.0s" * len(args)
    return "" if isinstance(args, Mapping) else "%.0s"


class _Shown(str):
    """An object's redacted text inside a container: printed as written, not quoted (``[Vendor(...), ...]``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str.__str__(self)


def _reshaped(original: Any, clean: Any, shown: Callable[[Any, Any], str | None] | None = None) -> Any:
    """``clean`` (the walk's JSON-like copy of ``original``) back in ``original``'s Python shape, for ``%r``.

    A tuple argument prints as a tuple, a named tuple as itself, a set as a set: redaction changes
    the identifiers in a message, never how the rest of it reads. ``shown(item, clean_item)`` gives
    the text of an object inside a container in its own shape (``[Vendor(city='Springfield')]``), so
    that its class still names what its fields are. Never raises.
    """
    try:
        if shown is not None and type(clean) is dict and not isinstance(original, Mapping):
            text = shown(original, clean)
            if text is not None:
                return _Shown(text)
        if isinstance(original, (bytes, bytearray)) and type(clean) is str:  # b'...' stays b'...'
            text = bytes(original).decode("utf-8", "backslashreplace")
            return original if clean == text else clean.encode("utf-8", "backslashreplace")
        if isinstance(original, tuple) and type(clean) is list and len(clean) == len(original):
            items = [_reshaped(o, c, shown) for o, c in zip(original, clean, strict=True)]
            if type(original) is tuple:
                return tuple(items)
            try:
                return type(original)(*items)  # a named tuple
            except Exception:  # noqa: BLE001 - a tuple subclass with its own constructor
                return tuple(items)
        if isinstance(original, (set, frozenset)) and type(clean) is list:
            return type(original)(clean) if type(original) in (set, frozenset) else set(clean)
        if isinstance(original, list) and type(clean) is list and len(clean) == len(original):
            return [_reshaped(o, c, shown) for o, c in zip(original, clean, strict=True)]
        if isinstance(original, Mapping) and type(clean) is dict and len(clean) == len(original):
            return {k: _reshaped(o, c, shown) for (k, c), o in zip(clean.items(), original.values(), strict=True)}
    except Exception:  # noqa: BLE001 - unhashable items for a set, say: the JSON-like copy prints fine
        return clean
    return clean


def _render(value: Any, conv: str, redactor: Redactor, depth: int = 0) -> Any:
    """An argument redacted for ``%`` + ``conv``: text for s/r/a, the value itself for numbers."""
    if conv not in "sra":
        return redactor.redact(value) if type(value) is int else value
    if isinstance(value, BaseException):
        return _exception_text(value, conv, redactor)
    if type(value) is str:
        clean: Any = redactor.redact_text(value)
        if clean is value and redactor.names_values and name_shaped(value):
            return redactor.strategy_for("NAME").text("NAME", value)  # "notified %s" % "Tadeusz Kuziora"
    else:
        clean = redactor.redact(value)
        if type(value) not in _NATIVE and (clean is value or type(clean) in (int, float)):
            # Unchanged, or a number made JSON-native (Decimal -> float): printed as the caller wrote it
            # ("219099999", not "219099999.0", which no longer reads as an SSN after its cue).
            shown = repr(value) if conv == "r" else ascii(value) if conv == "a" else str(value)
            return redactor.redact_text(shown)
        written = written_as(
            value, clean, conv, redactor, field_text=lambda o, c, d: _field_text(o, c, redactor, d), depth=depth
        )
        if written is not None:  # a dataclass, model, path or enum, in its own shape: Order(id='A-1', qty=3)
            return written
        if type(clean) in _NATIVE:
            clean = _reshaped(value, clean, lambda o, c: _item_text(o, c, redactor, depth))
        else:
            clean = _plain(clean, redactor)
        if type(clean) is str and conv != "s" and not isinstance(value, (bytes, bytearray, memoryview)):
            # An object the walk wrote as its (redacted) repr: that text is what %r shows, not its quoted repr.
            return clean if conv == "r" else clean.encode("ascii", "backslashreplace").decode("ascii")
    return repr(clean) if conv == "r" else ascii(clean) if conv == "a" else str(clean)


def _exception_text(exc: BaseException, conv: str, redactor: Redactor) -> str:
    """An exception handed as a ``%`` argument, printed as ``str(exc)`` or ``repr(exc)`` would print it, redacted:
    ``"failed: %s", error`` shows the error's message, not its class name before it."""
    if conv == "s" or type(exc).__repr__ is not BaseException.__repr__:
        text = structured_message(exc, redactor) or _safe_text(exc)
        if conv == "s":
            return redactor.redact_text(text)
        return redactor.redact_text(f"{type(exc).__name__}: {text}")  # its own repr may hold what it was given
    shown = f"{type(exc).__name__}({', '.join(repr(arg) for arg in _clean_args(exc, redactor))})"
    return shown if conv == "r" else shown.encode("ascii", "backslashreplace").decode("ascii")


def _item_text(original: Any, clean: Any, redactor: Redactor, depth: int) -> str | None:
    """How an object inside a list or a mapping argument prints in its own shape (``None``: as the walk wrote it)."""
    return written_as(
        original, clean, "r", redactor, field_text=lambda o, c, d: _field_text(o, c, redactor, d), depth=depth + 1
    )


def _field_text(original: Any, clean: Any, redactor: Redactor, depth: int) -> str:
    """How one field of an object shown in its own shape prints: its repr, as the walk left the value."""
    if type(original) in _NATIVE or isinstance(original, (tuple, set, frozenset, bytes, bytearray)):
        # Objects inside a list field print in their own shape too: Batch(orders=[Order(id=1, ...)]).
        return repr(_reshaped(original, clean, lambda o, c: _item_text(o, c, redactor, depth)))
    if clean == redactor.redact(original):  # the record's context masked nothing the value alone would not
        shown = _render(original, "r", redactor, depth)
        return shown if type(shown) is str else repr(shown)
    return repr(_plain(clean, redactor))


def _in_place(template: str, args: Any, redactor: Redactor) -> tuple[str, Any] | None:
    """The template (its own text redacted) and the arguments redacted one by one, or ``None`` when they do not fit."""
    specs = [m for m in _SPEC.finditer(template) if m["conv"] != "%"]
    if any(m["width"] == "*" or m["precision"] == "*" for m in specs):
        return None
    clean_template = redactor.redact_text(template)
    if [m[0] for m in _SPEC.finditer(clean_template) if m["conv"] != "%"] != [m[0] for m in specs]:
        clean_template = template  # redaction touched a placeholder: keep the template, the text pass decides
    new_template = _SPEC.sub(lambda m: m[0][:-1] + "s" if m["conv"] in "ra" else m[0], clean_template)
    if isinstance(args, Mapping):
        used = {m["key"]: m["conv"] for m in specs}
        if None in used:  # "payload %s" % {...}: the mapping is the one argument, redacted as a value
            whole = redactor.redact(args)
            ok = len(specs) == 1 and specs[0]["conv"] in "sr" and type(whole) is dict
            return (clean_template, whole) if ok else None
        new_args: Any = {}
        for key, value in args.items():
            if _phi_key(key, redactor):
                # "%(phone)s": the key says what the value is, as a field name does
                value = redactor.redact_field(key, value)
                value = _MASK if value is None else value
            conv = used.get(key, "s")
            new_args[key] = _render(value, conv, redactor) if key in used else redactor.redact(value)
        return new_template, new_args
    positional = args if isinstance(args, tuple) else (args,)
    if len(specs) != len(positional) or any(m["key"] is not None for m in specs):
        return None
    rendered = tuple(_render(value, m["conv"], redactor) for m, value in zip(specs, positional, strict=True))
    return new_template, rendered if isinstance(args, tuple) else rendered[0]


def _kept(value: Any, message: str, redactor: Redactor) -> Any:
    """An argument kept when what it prints is in the clean message and clean on its own, else masked."""
    if value is None or type(value) in (bool, float) or (type(value) is int and redactor.redact(value) is value):
        return value if str(value) in message else _MASK
    if type(value) is str and value in message and redactor.redact_text(value) == value:
        return value
    return _MASK


def _masked_args(args: Any, message: str, redactor: Redactor) -> Any:
    if isinstance(args, Mapping):
        return {key: _kept(value, message, redactor) for key, value in args.items()}
    if isinstance(args, tuple):
        return tuple(_kept(value, message, redactor) for value in args)
    return _kept(args, message, redactor)


def _printable_one(value: Any) -> Any:
    if type(value) in (str, int, float, bool) or value is None:
        return value
    try:
        str(value)
        repr(value)
    except Exception:  # noqa: BLE001 - a value whose __str__ or __repr__ raises
        return f"[hipaalog: unprintable {type(value).__name__}]"
    return value


def _printable(args: Any) -> Any:
    """``args`` with each value that cannot be shown replaced by a marker (same shape)."""
    if isinstance(args, Mapping):
        return {key: _printable_one(value) for key, value in args.items()}
    if isinstance(args, tuple):
        return tuple(_printable_one(value) for value in args)
    return _printable_one(args)


def _primitive(args: Any) -> bool:
    values = args if type(args) is tuple else args.values() if isinstance(args, Mapping) else (args,)
    for value in values:  # noqa: SIM110 - a loop is cheaper than all() over a generator on the hot path
        if type(value) not in _SCALARS:
            return False
    return True


def _phi_key(key: object, redactor: Redactor) -> bool:
    """Whether ``key`` is a PHI field name, or names a person whose bare phone number or SSN it may hold."""
    if type(key) is not str:
        return False
    info = redactor.keys.info(key)
    return info.kind is not None or info.names_person or info.compact in PERSON_VALUE_KEYS


def _keyed_phi(args: Any, redactor: Redactor) -> bool:
    """Whether ``args`` is a mapping with a PHI field name among its keys (``{"phone": ...}``, ``{"contact": ...}``)."""
    return isinstance(args, Mapping) and any(_phi_key(key, redactor) for key in args)


def _named(args: Any, redactor: Redactor) -> bool:
    """Whether an argument is a string that is a person's name and nothing else (``"Tadeusz Kuziora"``)."""
    if not redactor.names_values:
        return False
    values = args if type(args) is tuple else args.values() if isinstance(args, Mapping) else (args,)
    return any(type(value) is str and name_shaped(value) for value in values)


def clean_message(msg: Any, args: Any, redactor: Redactor) -> tuple[Any, Any]:
    """``(msg, args)`` redacted, keeping the ``LogRecord`` contract (same shape of ``args``, a working template)."""
    if isinstance(msg, Mapping):  # structlog's ProcessorFormatter hands event dicts as msg
        return redactor.redact(msg), args
    template = msg if type(msg) is str else _safe_text(msg)
    if not args:  # LogRecord.getMessage does no formatting: the text is the message
        clean = redactor.redact_text(template)
        return (msg, args) if clean == msg else (clean, args)
    try:
        message = template % args
    except Exception:  # noqa: BLE001 - an argument that cannot be shown stands as a marker; then the text pass
        args = _printable(args)
        try:
            message = template % args
        except Exception:  # noqa: BLE001 - arguments that do not fit: the template's text, the arguments masked
            return _escape(redactor.redact_text(template)) + _consume(args), _masked_args(args, "", redactor)
    if type(args) is tuple and len(args) > 1 and (rowed := row_masked(template, args, redactor)) is not None:
        args = rowed  # "%r %r %r" % (last, first, dob): the values read together as a person's row
        message = template % args
    clean = redactor.redact_text(message)
    if clean == message and "%" in template:  # "ssn %x" % 536228174: the number judged in decimal
        in_decimal = judged_in_decimal(template, args, message, redactor)
        if in_decimal is not None:
            return _escape(in_decimal) + _consume(args), _masked_args(args, in_decimal, redactor)
    if (
        clean == message
        and type(msg) is str
        and _primitive(args)
        and not _keyed_phi(args, redactor)
        and not _named(args, redactor)
    ):
        return msg, args
    placed = _in_place(template, args, redactor)
    if placed is not None:
        try:
            candidate = placed[0] % placed[1]
        except Exception:  # noqa: BLE001 - a redacted number no longer fits its %d: the text pass decides
            candidate = None
        if candidate is not None:
            # Redacting the arguments one by one may leave the message as it was (the template made a
            # value PHI): then it is the text already judged, not scanned again.
            clean_candidate = clean if candidate == message else redactor.redact_text(candidate)
            if clean_candidate == candidate:
                return (msg, args) if candidate == message and type(msg) is str else placed
            clean = clean_candidate
    return _escape(clean) + _consume(args), _masked_args(args, clean, redactor)


# -- exceptions ------------------------------------------------------------------------------------
def _copy(exc: BaseException) -> BaseException:
    """A copy of ``exc`` (its constructor not called); raises when none can be made (callers use a stand-in)."""
    return copy_exception(exc)


def _stand_in(exc: BaseException, text: str, name: str | None = None) -> BaseException:
    return stand_in(exc, text, name)


def _cut(exc: BaseException, text: str) -> BaseException:
    """A stand-in for ``exc`` that ends the chain there."""
    twin = stand_in(exc, text)
    twin.__cause__ = twin.__context__ = None
    twin.__suppress_context__ = True
    return twin


def _fallback_text(exc: BaseException, redactor: Redactor) -> str:
    """``exc``'s message redacted as text (through its structured details when it has them)."""
    return redactor.redact_text(structured_message(exc, redactor) or _safe_text(exc))


def _clean_details(
    exc: BaseException,
    twin: BaseException,
    redactor: Redactor,
    nested: Callable[[BaseException], BaseException] | None = None,
) -> BaseException:
    """Structured attributes (file names, commands, bytes, caller attributes) redacted on a copy when they hold PHI;
    an exception held as an attribute (SQLAlchemy's ``orig``) is redacted as one by ``nested``."""
    changes: dict[str, Any] = {}
    for attr in ("filename", "filename2"):
        value = getattr(exc, attr, None)
        if isinstance(exc, OSError) and isinstance(value, str) and redact_path(value, redactor) != value:
            changes[attr] = redact_path(value, redactor)
    if hasattr(exc, "cmd") and hasattr(exc, "returncode"):
        cmd = getattr(exc, "cmd", None)
        if redact_argv(cmd, redactor) != cmd:
            changes["cmd"] = redact_argv(cmd, redactor)
        for attr in ("output", "stderr"):
            value = getattr(exc, attr, None)
            if isinstance(value, (bytes, str)):
                text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
                clean = redactor.redact_text(text)
                if clean != text:
                    changes[attr] = clean.encode() if isinstance(value, bytes) else clean
    data = getattr(exc, "object", None)
    if isinstance(exc, UnicodeError) and isinstance(data, (bytes, str)):
        text = data.decode("latin-1") if isinstance(data, bytes) else data
        if redactor.redact_text(text) != text:
            start, end = int(getattr(exc, "start", 0)), int(getattr(exc, "end", 0))
            kept = text[start:end]
            masked = "*" * start + kept + "*" * max(0, len(text) - end)
            changes["object"] = masked.encode("latin-1", "replace") if isinstance(data, bytes) else masked
    own = state(exc)  # attributes and slots
    for key, value in own.items():
        if key.startswith("__") or key in changes:
            continue
        if nested is not None and isinstance(value, BaseException):
            cleaned: Any = nested(value)  # still an exception of its type: str(self.orig) and type(self.orig) work
        else:
            cleaned = _field(redactor, key, value)
        if cleaned is not value and cleaned != value:
            changes[key] = cleaned
    if not changes:
        return twin
    if twin is exc:
        twin = _copy(exc)
    try:
        for key, value in changes.items():
            old = getattr(exc, key, None)
            setattr(twin, key, value)
            if old is not None:  # the same value among the arguments (UnicodeDecodeError's bytes, a command)
                twin.args = tuple(value if arg is old else arg for arg in twin.args)
    except Exception:  # noqa: BLE001 - a read-only attribute: a stand-in
        return _stand_in(exc, redactor.redact_text(structured_message(exc, redactor) or _safe_text(exc)))
    return twin


def _clean_args(exc: BaseException, redactor: Redactor) -> tuple[Any, ...]:
    if isinstance(exc, KeyError):
        return tuple(redact_missing_key(arg, redactor) for arg in exc.args)
    return tuple(_plain(redactor.redact(arg), redactor) for arg in exc.args)


def _same_type_twin(
    exc: BaseException, clean_args: tuple[Any, ...], clean: str, redactor: Redactor
) -> BaseException | None:
    """A copy of ``exc`` with redacted arguments whose text holds no PHI (structured details included), or ``None``."""
    if validation_errors(exc) is not None:  # its text and errors() come from data a copy still holds
        return None
    for args in (clean_args, (clean,)):
        try:
            twin = _copy(exc)
            twin.args = args
            text = _printed(twin)
            structured = structured_message(twin, redactor)
        except Exception:  # noqa: BLE001 - try the next form, then a stand-in
            continue
        if redactor.redact_text(text) == text and structured in (None, text):
            return twin
    return None


def _group_twin(exc: BaseException, message: str, members: list[BaseException]) -> BaseException:
    """``exc``, an exception group, with ``members`` (and ``message``) in place of its own."""
    make: Any = type(exc)
    twin: BaseException
    try:
        twin = make(message, members)
        if not isinstance(twin, BaseException) or getattr(twin, "exceptions", None) != tuple(members):
            raise TypeError(type(exc).__name__)
    except Exception:  # noqa: BLE001 - a subclass with another constructor: a plain group stands in
        import builtins

        plain = all(isinstance(m, Exception) for m in members)
        base: Any = getattr(builtins, "ExceptionGroup" if plain else "BaseExceptionGroup")
        twin = base(message, members)
    twin.__traceback__ = exc.__traceback__
    twin.__cause__, twin.__context__ = exc.__cause__, exc.__context__
    twin.__suppress_context__ = exc.__suppress_context__
    notes = getattr(exc, "__notes__", None)
    if notes is not None:
        twin.__notes__ = notes  # type: ignore[attr-defined]
    return twin


def _redacted_own(
    exc: BaseException, redactor: Redactor, nested: Callable[[BaseException], BaseException]
) -> BaseException:
    """``exc`` itself, or a copy (a stand-in) with no PHI in its message, arguments, details, type name and notes."""
    if validation_errors(exc) is not None:  # pydantic: rebuilt from errors(), each input redacted by its field
        rebuilt = redacted_validation_error(exc, redactor)
        twin = exc if rebuilt is None else link(rebuilt, exc)
    else:
        twin = _clean_details(exc, exc, redactor, nested)
        text = _safe_text(twin)
        structured = structured_message(twin, redactor)
        clean = redactor.redact_text(structured if structured is not None else text)
        clean_args = _clean_args(twin, redactor)
        if clean != text or any(c is not a and c != a for c, a in zip(clean_args, twin.args, strict=False)):
            twin = _same_type_twin(twin, clean_args, clean, redactor) or _stand_in(exc, clean)
    clean_type = _type_name(type(exc), redactor)
    if not _plain_name(exc, clean_type):  # a class named from data at run time: a stand-in carries the redacted name
        twin = _stand_in(twin, _fallback_text(twin, redactor), clean_type)
    notes = getattr(exc, "__notes__", None)
    clean_notes = _clean_notes(notes, redactor)
    if clean_notes is not None and (type(notes) is not list or clean_notes != notes):
        twin = _copy(exc) if twin is exc else twin
        twin.__notes__ = clean_notes  # type: ignore[attr-defined]
    return twin


def _plain_name(exc: BaseException, name: str) -> bool:
    """Whether ``name`` (the redacted type name) is ``exc``'s class name as it is: no class named from data."""
    return name in (type(exc).__qualname__, f"{type(exc).__module__}.{type(exc).__qualname__}")


def _replaced(exc: BaseException, redactor: Redactor, failed: list[str]) -> BaseException:
    """A stand-in for ``exc`` when no redacted copy of it could be made: its redacted text, type name and notes."""
    name = _type_name(type(exc), redactor)
    failed.append(name)
    twin = _stand_in(exc, _fallback_text(exc, redactor), None if _plain_name(exc, name) else name)
    clean_notes = _clean_notes(getattr(exc, "__notes__", None), redactor)
    if clean_notes is not None:
        twin.__notes__ = clean_notes  # type: ignore[attr-defined]
    return twin


def _redacted_exception(
    exc: BaseException,
    redactor: Redactor,
    depth: int = 0,
    memo: dict[int, BaseException | None] | None = None,
    failed: list[str] | None = None,
) -> BaseException:
    """A copy of ``exc`` with no PHI in its message, arguments, details, notes, members, causes and contexts.

    An exception that cannot be copied (a constructor that takes other arguments, raises, or an
    extension type) is replaced by a stand-in carrying its redacted text and type name; its causes
    are still redacted one by one. Each such stand-in is counted (``failed``, or diagnostics).
    """
    top = failed is None
    failed = [] if failed is None else failed
    memo = {} if memo is None else memo
    if id(exc) in memo:  # met before: the same twin, or a stand-in where the chain loops back
        done = memo[id(exc)]
        return done if done is not None else _cut(exc, "[hipaalog: exception cycle cut]")
    memo[id(exc)] = None

    def nested(held: BaseException) -> BaseException:
        if depth + 1 >= _MAX_CHAIN:
            return _cut(held, "[hipaalog: further causes left out]")
        return _redacted_exception(held, redactor, depth + 1, memo, failed)

    try:
        twin = _redacted_own(exc, redactor, nested)
        if isinstance(twin, RedactedException) and not isinstance(exc, RedactedException):
            name = _type_name(type(exc), redactor)
            if _plain_name(exc, name):
                failed.append(name)  # no faithful copy: a stand-in carries the redacted text (not a data-named class)
    except Exception:  # noqa: BLE001 - this exception alone stands in; its members and causes are still read
        twin = _replaced(exc, redactor, failed)
    members = getattr(exc, "exceptions", None)
    if isinstance(members, tuple) and members and all(isinstance(m, BaseException) for m in members):
        kept = members[:_MAX_MEMBERS]
        clean_members = [_redacted_exception(m, redactor, depth + 1, memo, failed) for m in kept]
        if len(members) > len(kept):
            clean_members.append(RedactedException(f"[hipaalog: {len(members) - len(kept)} more left out]", Exception))
        if (
            twin is not exc
            or any(c is not m for c, m in zip(clean_members, kept, strict=True))
            or len(members) > len(kept)
        ):
            message = redactor.redact_text(_safe_text(getattr(exc, "message", "")))
            twin = _group_twin(twin, message, clean_members)
    for attr in ("__cause__", "__context__"):
        linked = getattr(exc, attr)
        if linked is None:
            continue
        if depth + 1 >= _MAX_CHAIN:
            clean_linked = _cut(linked, "[hipaalog: further causes left out]")
        else:
            clean_linked = _redacted_exception(linked, redactor, depth + 1, memo, failed)
        if clean_linked is not linked and twin is exc:
            try:
                twin = _copy(exc)
            except Exception:  # noqa: BLE001 - a clean exception with a cause to replace: a stand-in holds both
                twin = _replaced(exc, redactor, failed)
        if twin is not exc:
            setattr(twin, attr, clean_linked)
    memo[id(exc)] = twin
    if top and failed:
        _diagnostics.problem(
            "exception-stand-in",
            f"no redacted copy of {', '.join(sorted(set(failed)))} could be made: a stand-in of the same name carries"
            " its redacted text",
        )
    return twin


_TRACEBACKS: Final = logging.Formatter()


def _clean_exc_info(exc_info: Any, redactor: Redactor) -> tuple[Any, str | None]:
    """``(exc_info, exc_text)`` redacted (formatters reuse ``exc_text``: it is given already redacted)."""
    if not (isinstance(exc_info, tuple) and len(exc_info) == 3 and isinstance(exc_info[1], BaseException)):
        well_formed = _well_formed(exc_info, redactor)
        if well_formed is None:  # (None, None, None) outside an except block: nothing to clean
            return exc_info, None
        exc_info = well_formed
    _, exc, tb = exc_info
    clean = _redacted_exception(exc, redactor)
    if clean is not exc:
        exc_info = (type(clean), clean, tb)
    # Source lines shown in the traceback may hold PHI too: the text is redacted as a whole.
    text = _TRACEBACKS.formatException(exc_info)
    clean_text = redactor.redact_text(text)
    if clean_text != text:  # the frames print PHI (a literal in a source line): other handlers get no frames
        bare = without_tracebacks(exc_info[1])
        if bare is not None:
            exc_info = (type(bare), bare, None)
    return exc_info, clean_text


def _well_formed(exc_info: Any, redactor: Redactor) -> tuple[Any, BaseException, Any] | None:
    """``exc_info`` that is not ``(type, exception, traceback)`` as one that is, or ``None`` when it holds no text.

    ``(ValueError, str(error), tb)``, ``(error,)`` or a bare text set by a filter: formatters and other handlers
    read ``exc_info[1]`` as an exception (a text there is printed raw, or breaks them). An exception found in it is
    used; otherwise a stand-in named as the exception class given carries the redacted text of the rest.
    """
    items = exc_info if isinstance(exc_info, tuple) else (exc_info,)
    texts: list[str] = []
    kind: type[BaseException] = Exception
    for item in items:
        if isinstance(item, BaseException):
            return type(item), item, item.__traceback__
        if isinstance(item, type) and issubclass(item, BaseException):
            kind = item
        elif item is not None and item is not True and not isinstance(item, types.TracebackType):
            texts.append(_safe_text(item))
    if not texts:
        return None
    clean = stand_in_of(kind, redactor.redact_text(" ".join(texts)))
    return type(clean), clean, None


def _clean_notes(notes: Any, redactor: Redactor) -> list[str] | None:
    """``__notes__`` as redacted texts: a list or tuple note by note, anything else (a text set by hand) as one note.

    ``traceback`` prints any ``__notes__`` (a text character by character, an object by its ``repr``). The first
    ``_MAX_NOTES`` are kept, then one note says how many were left out.
    """
    if notes is None:
        return None
    items = notes if isinstance(notes, (list, tuple)) else [notes]
    clean = [redactor.redact_text(_safe_text(note)) for note in items[:_MAX_NOTES]]
    if len(items) > _MAX_NOTES:  # each note is scanned on its own: their number bounds the time
        clean.append(f"[{len(items) - _MAX_NOTES} more notes left out]")
    return clean


# -- records ----------------------------------------------------------------------------------------
def _clean_attribute(attrs: dict[str, Any], name: str, value: Any, redactor: Redactor) -> None:
    """Store ``value`` under ``name`` in a record's ``attrs``, redacted as that attribute requires."""
    if name in _NAMES:  # a filter renaming the record, makeLogRecord's dict
        dict.__setitem__(attrs, name, clean_name(value, redactor))
    elif name in PLACES:
        dict.__setitem__(attrs, name, clean_place(name, value, redactor))
    elif name in _TRUSTED:  # numbers as they are; a level name or any other value set later as redacted text
        dict.__setitem__(attrs, name, value if type(value) in _NUMBERS else clean_name(value, redactor))
    elif name in _MESSAGE:
        dict.__setitem__(attrs, name, value)
        msg, args = clean_message(attrs.get("msg", ""), attrs.get("args"), redactor)
        dict.__setitem__(attrs, "msg", msg)
        dict.__setitem__(attrs, "args", args)
    elif name == "exc_info":
        exc_info, exc_text = _clean_exc_info(value, redactor)
        dict.__setitem__(attrs, name, exc_info)
        if exc_text is not None:
            dict.__setitem__(attrs, "exc_text", exc_text)
    elif name in _TEXTS:
        dict.__setitem__(attrs, name, value if value is None else redactor.redact_text(_safe_text(value)))
    else:
        dict.__setitem__(attrs, _field_name(redactor, name), _field(redactor, name, value))
        if type(name) is str and name.lower() in PAIR_WORDS:  # extra={"first": "Jane", "last": "Roe"}
            _mask_name_pair(attrs, redactor)


def _mask_name_pair(attrs: dict[str, Any], redactor: Redactor) -> None:
    """``extra={"first": "Jane", "last": "Roe"}``: the two attributes masked once both are there."""
    pair = name_pair(attrs)
    if pair is not None:
        name = redactor.strategy_for("NAME")
        for key in pair:
            dict.__setitem__(attrs, key, name.text("NAME", attrs[key]))


def _spread(attrs: dict[str, Any], echoes: dict[str, str]) -> None:
    """Mask every copy of a remembered value in the record's fields, message and texts (:mod:`._record_repeats`)."""
    for key in [k for k in attrs if k not in _STANDARD]:
        value = attrs[key]
        shown = echoed(value, echoes)
        if shown is not value:
            dict.__setitem__(attrs, key, shown)
    for key in _TEXTS:
        text = attrs.get(key)
        if type(text) is str and (shown := echoed(text, echoes)) is not text:
            dict.__setitem__(attrs, key, shown)
    msg, args = attrs.get("msg"), attrs.get("args")
    if type(msg) is not str:
        return
    try:
        message = msg % args if args else msg
    except Exception:  # noqa: BLE001 - a message that does not format is left as its redaction made it
        return
    shown = echoed(message, echoes)
    if shown is message:
        return
    if args:
        args = echoed(args, echoes)
        shown = _escape(shown) + _consume(args)
    dict.__setitem__(attrs, "msg", shown)
    dict.__setitem__(attrs, "args", args)


def _learned(attrs: dict[str, Any], echoes: dict[str, str], key: str, value: Any, redactor: Redactor) -> None:
    """After field ``key`` (``value`` as given) is stored: remember what it masked, or mask what is remembered."""
    name = redactor.field_name(key)
    if name not in attrs:
        return
    clean = attrs[name]
    if clean is not value and learn(value, clean, redactor.keys, echoes, redactor.keys.info(key).kind):
        _spread(attrs, echoes)
    elif echoes and (shown := echoed(clean, echoes)) is not clean:
        dict.__setitem__(attrs, name, shown)


def _echo_typed(attrs: dict[str, Any], redactor: Redactor) -> None:
    """A statement's parameters logged in a record of their own (SQLAlchemy's echo: ``"[%s] %r"``), typed by the
    statement the same logger and thread logged just before, for every handler (the formatter does it again for its
    own output, which changes nothing then)."""
    msg, args = attrs["msg"], attrs["args"]
    if type(msg) is not str:
        return
    if args and msg[:1] not in "[(%":  # not a parameters record: any other record forgets the statement
        redactor.redact_echo(attrs["name"], attrs.get("thread"), msg)
        return
    try:
        shown = msg % args if args else msg
    except Exception:  # noqa: BLE001 - arguments that do not fit: the text pass already judged them
        return
    clean = redactor.redact_echo(attrs["name"], attrs.get("thread"), shown)
    if clean != shown:
        attrs["msg"] = _escape(clean) + _consume(args) if args else clean
        attrs["args"] = _masked_args(args, clean, redactor) if args else args


def _clean_all(record: logging.LogRecord, redactor: Redactor, echoes: dict[str, str]) -> None:
    attrs = record.__dict__
    for key in _NAMES:  # a logger or a thread named after a patient (getLogger(f"patients.{email}"))
        name = attrs.get(key)
        if type(name) is str:
            if name not in _USUAL_NAMES:
                attrs[key] = redact_name_path(redactor, name)
        elif name is not None:  # a str subclass prints what its __str__ says, not what it holds
            attrs[key] = clean_name(name, redactor)
    get = attrs.get
    level = get("levelname")
    if type(level) is not str or level not in _LEVEL_NAMES:  # logging.addLevelName(25, <text from data>)
        attrs["levelname"] = clean_name(level, redactor)
    places = clean_places(get("pathname"), get("filename"), get("module"), get("funcName"), redactor)
    if places is not None:  # code compiled under a name from data (compile(rule, f"<rule {email}>", "exec"))
        for key, value in zip(PLACES, places, strict=True):
            if get(key) is not value:
                attrs[key] = value
    given = record.args
    attrs["msg"], attrs["args"] = clean_message(record.msg, given, redactor)
    _echo_typed(attrs, redactor)
    if given:
        learn(given, attrs["args"], redactor.keys, echoes)
    if len(attrs) != len(_FRESH) or next(reversed(attrs)) != _FRESH[-1]:
        for key in [k for k in attrs if k not in _STANDARD]:
            value = attrs.pop(key)
            _clean_attribute(attrs, key, value, redactor)
            if type(key) is str:
                _learned(attrs, echoes, key, value, redactor)
    if record.exc_info:
        exc_info, exc_text = _clean_exc_info(record.exc_info, redactor)
        attrs["exc_info"] = exc_info
        if exc_text is not None:
            attrs["exc_text"] = exc_text
    elif record.exc_text:
        attrs["exc_text"] = redactor.redact_text(_safe_text(record.exc_text))
    if record.stack_info:
        attrs["stack_info"] = redactor.redact_text(_safe_text(record.stack_info))
    if echoes:
        _spread(attrs, echoes)


class _RedactingDict(dict[str, Any]):
    """A redacted record's ``__dict__``: what ``makeRecord`` (``extra=``) and ``makeLogRecord`` store is redacted."""

    __slots__ = ("echoes", "redactor")
    redactor: Redactor
    echoes: dict[str, str]
    """Values masked whole in the record and their replacements: copies set later are masked too."""

    def __setitem__(self, key: str, value: Any) -> None:
        if type(key) is str and key not in _STANDARD:
            cls = type(value)
            if cls in _SCALARS:  # most extra= fields
                redactor = self.redactor
                clean = redactor.redact_field(key, value)
                dict.__setitem__(self, redactor.field_name(key), clean)
                if key.lower() in PAIR_WORDS:  # extra={"first": "Jane", "last": "Roe"}
                    _mask_name_pair(self, redactor)
                if clean is not value or self.echoes:
                    _learned(self, self.echoes, key, value, redactor)
                return
            if cls is dict or cls is list:  # clean ones come back as they are (shared, never changed)
                redactor = self.redactor
                clean = redactor.redact_field(key, value)
                if clean is value:
                    dict.__setitem__(self, redactor.field_name(key), value)
                    if self.echoes:
                        _learned(self, self.echoes, key, value, redactor)
                    return
                first = value[0] if cls is list and value else None
                if type(first) is not dict or "loc" not in first or "input" not in first:  # no validation errors
                    # Redacted once: what _clean_attribute would store, without walking the value again.
                    dict.__setitem__(self, redactor.field_name(key), _plain(clean, redactor))
                    if key.lower() in PAIR_WORDS:
                        _mask_name_pair(self, redactor)
                    _learned(self, self.echoes, key, value, redactor)
                    return
        _clean_attribute(self, key, value, self.redactor)
        if type(key) is str and key not in _STANDARD:
            _learned(self, self.echoes, key, value, self.redactor)

    def update(self, *args: Any, **kwargs: Any) -> None:
        """``logging.makeLogRecord`` fills records this way."""
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def __reduce__(self) -> Any:  # pickled (multiprocessing, QueueHandler) as the plain dict it holds
        return (dict, (dict(self),))


class RedactedRecord(logging.LogRecord):
    """A ``LogRecord`` already redacted; attributes set on it later are redacted as they are set."""

    hipaalog_redacted: Final = True

    def __setattr__(self, name: str, value: Any) -> None:
        attrs = self.__dict__
        if isinstance(attrs, _RedactingDict) and not name.startswith("__"):
            attrs[name] = value
        else:
            super().__setattr__(name, value)

    def __reduce__(self) -> Any:  # unpickled as a plain LogRecord holding the redacted attributes
        return (logging.makeLogRecord, (dict(self.__dict__),))


_OTHERS_REDACTED: Final[weakref.WeakSet[logging.LogRecord]] = weakref.WeakSet()
"""Records of other ``LogRecord`` classes already redacted (they cannot become a :class:`RedactedRecord`)."""


def is_redacted_record(record: logging.LogRecord) -> bool:
    """Whether ``record`` was redacted by hipaalog (a caller's ``extra`` cannot make it so)."""
    return isinstance(record, RedactedRecord) or record in _OTHERS_REDACTED


def redact_record(record: logging.LogRecord, redactor: Redactor) -> None:
    """Redact ``record`` in place: message and arguments, ``extra`` fields, exception, stack. Never raises.

    A plain ``LogRecord`` becomes a :class:`RedactedRecord`, so attributes set on it later are
    redacted too; a record of another ``LogRecord`` subclass is redacted once, as it is now.
    """
    if isinstance(record, RedactedRecord) or record in _OTHERS_REDACTED:
        return
    if type(record) is not logging.LogRecord:
        try:
            _OTHERS_REDACTED.add(record)
        except TypeError:  # a record class with __slots__ and no weak references: redacted each time it is seen
            pass
    echoes: dict[str, str] = {}
    try:
        _clean_all(record, redactor, echoes)
    except Exception as exc:  # noqa: BLE001 - fail closed: the record keeps no caller content
        _diagnostics.problem("record-redaction-failed", f"a LogRecord could not be redacted ({type(exc).__name__})")
        attrs = record.__dict__
        attrs["msg"], attrs["args"] = _UNREAD, None
        attrs["exc_info"], attrs["exc_text"] = None, None
        for key in [k for k in attrs if k not in _STANDARD]:
            attrs[key] = _UNREAD
    _guard(record, redactor, echoes)


def _guard(record: logging.LogRecord, redactor: Redactor, echoes: dict[str, str]) -> None:
    """From now on, redact what is set on ``record`` (plain ``LogRecord`` objects only)."""
    if type(record) is not logging.LogRecord:
        return
    try:
        attrs = _RedactingDict(record.__dict__)
        attrs.redactor = redactor
        attrs.echoes = echoes
        record.__dict__ = attrs
        record.__class__ = RedactedRecord
    except Exception as exc:  # noqa: BLE001 - the record stays as redacted now
        _diagnostics.problem("record-redaction-failed", f"a LogRecord could not be guarded ({type(exc).__name__})")


class RedactingFilter(logging.Filter):
    """A ``logging.Filter`` that redacts each record passing through it (in place) and lets it pass.

    Args:
        redactor: the :class:`Redactor` to use (default: hipaalog's default policy), or a policy mapping.
        name: passed to :class:`logging.Filter` (records of other loggers pass unredacted).
    """

    def __init__(self, redactor: Redactor | Mapping[str, Any] | None = None, name: str = "") -> None:
        super().__init__(name)
        self.redactor = _as_redactor(redactor)

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact ``record``; always keep it."""
        if super().filter(record):
            redact_record(record, self.redactor)
        return True


def _as_redactor(redactor: Redactor | Mapping[str, Any] | None) -> Redactor:
    if redactor is None:
        from ._api import default_redactor

        return default_redactor()
    if isinstance(redactor, Redactor):
        return redactor
    return Redactor.from_config(redactor)


class _Factory:
    """The installed record factory: makes the record with the previous factory, then redacts it."""

    def __init__(self, previous: Callable[..., logging.LogRecord], redactor: Redactor) -> None:
        self.previous = previous
        self.redactor = redactor

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        try:
            record = self.previous(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - logging.LogRecord itself reads the arguments (isinstance, len)
            record = self._without_arguments(args, kwargs, exc)
        try:
            redact_record(record, self.redactor)
        except Exception as exc:  # noqa: BLE001 - a record must always be made
            _diagnostics.problem("record-redaction-failed", f"record factory could not redact ({type(exc).__name__})")
        return record

    def _without_arguments(self, args: tuple[Any, ...], kwargs: dict[str, Any], exc: Exception) -> logging.LogRecord:
        """The record of a call whose arguments could not be read (``LogRecord`` raised on them): the same call
        with its arguments masked, or at worst a bare record saying so. Never raises."""
        _diagnostics.problem(
            "record-arguments-unread", f"log call arguments could not be read ({type(exc).__name__}); masked"
        )
        call = list(args)
        if len(call) >= 7:  # name, level, pathname, lineno, msg, args, exc_info[, func, sinfo]
            template = call[4] if type(call[4]) is str else _UNREAD
            call[4], call[5] = f"{template} {_UNREAD}", None
            try:
                return self.previous(*call, **kwargs)
            except Exception:  # noqa: BLE001 - the message or the exception is unreadable too
                pass
        name = call[0] if call and type(call[0]) is str else "hipaalog"
        level = call[1] if len(call) > 1 and type(call[1]) is int else logging.ERROR
        return logging.LogRecord(name, level, "", 0, _UNREAD, None, None)


_lock = threading.Lock()


def install_record_redaction(redactor: Redactor | Mapping[str, Any] | None = None) -> None:
    """Redact every log record as it is made, process-wide (idempotent; the redactor is replaced)."""
    resolved = _as_redactor(redactor)
    with _lock:
        from ._handled_records import guard_handlers

        current = logging.getLogRecordFactory()
        # records that reach handlers without the factory (another factory put in its place, built directly)
        guard_handlers(resolved, current.previous if isinstance(current, _Factory) else current)
        if isinstance(current, _Factory):
            current.redactor = resolved
            return
        logging.setLogRecordFactory(_Factory(current, resolved))


def uninstall_record_redaction() -> None:
    """Undo :func:`install_record_redaction` (only when no other factory was installed on top of it)."""
    with _lock:
        from ._handled_records import unguard_handlers

        unguard_handlers()
        current = logging.getLogRecordFactory()
        if isinstance(current, _Factory):
            logging.setLogRecordFactory(current.previous)


def record_redaction_installed() -> bool:
    """Whether the current log record factory is hipaalog's redacting one."""
    return isinstance(logging.getLogRecordFactory(), _Factory)
