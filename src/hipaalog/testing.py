"""Capture what hipaalog emits, as parsed records, and assert on it.

:class:`LogCapture` (the ``hipaalog_caplog`` pytest fixture, or ``with hipaalog.testing.capture()``)
sees every line any hipaalog encoder writes, after schema checks and redaction, from every path:
stdlib ``logging``, structlog, audit events, timed operations. It listens at the encoder, not on a
handler, so it keeps capturing when the code under test calls ``dictConfig`` or ``configure()``.

A stdlib record that no hipaalog formatter handled (logging not configured yet, or configured with
other handlers) is encoded by the capture's own fallback encoder, as ``configure()`` would
(identity from the ``HIPAALOG_*`` variables, else test values; default redaction). Records below
a logger's level are never created, so they are not captured: use :meth:`LogCapture.set_level`.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Final

import orjson

from ._audit_schema import AUDIT_LOGGER
from ._encoder import Encoder, add_tap, remove_tap
from ._formatter import JsonFormatter
from ._handler import SinkHandler
from ._identity import ENV_VARS, Identity, resolve_identity
from ._schema import TRUSTED_FIELDS, VIOLATIONS_FIELD

__all__ = ["LogCapture", "capture"]

_MISSING: Final = object()
_FALLBACK_IDENTITY: Final = {"app_id": "test-app", "platform": "test", "microservice": "test-service"}
_SHOWN_CHARS: Final = 300


# -- the stdlib fallback: records no hipaalog formatter handled -------------------------------
class _Fallback:
    """Patches ``logging.Logger.callHandlers`` while at least one capture runs (reference-counted)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.users = 0
        self.local = threading.local()
        self.original: Callable[[logging.Logger, logging.LogRecord], None] | None = None
        self.formatter: JsonFormatter | None = None

    def count_line(self, line: bytes) -> None:
        self.local.lines = getattr(self.local, "lines", 0) + 1

    def acquire(self) -> None:
        with self.lock:
            self.users += 1
            if self.users > 1:
                return
            self.formatter = JsonFormatter(encoder=Encoder(_fallback_identity()))
            self.original = logging.Logger.callHandlers
            add_tap(self.count_line)
            fallback = self

            def call_handlers(logger: logging.Logger, record: logging.LogRecord) -> None:
                before = getattr(fallback.local, "lines", 0)
                original = fallback.original or _ORIGINAL_CALL_HANDLERS
                try:
                    original(logger, record)
                finally:
                    fallback.encode_unhandled(logger, record, before)

            logging.Logger.callHandlers = call_handlers  # type: ignore[method-assign,assignment]

    def release(self) -> None:
        with self.lock:
            self.users -= 1
            if self.users > 0:
                return
            if self.original is not None:
                logging.Logger.callHandlers = self.original  # type: ignore[method-assign,assignment]
            self.original = None
            self.formatter = None
            remove_tap(self.count_line)

    def encode_unhandled(self, logger: logging.Logger, record: logging.LogRecord, before: int) -> None:
        formatter = self.formatter
        if (
            formatter is None
            or getattr(self.local, "lines", 0) != before
            or record.name == AUDIT_LOGGER  # an audit event's copy: its sealed line was captured already
            or _reaches_hipaalog(logger, record)
        ):
            return
        formatter.encode(record)  # the taps see the line; it goes nowhere else


_ORIGINAL_CALL_HANDLERS: Final = logging.Logger.callHandlers
_FALLBACK = _Fallback()


def _fallback_identity() -> Identity:
    values = {name: os.environ.get(var, "").strip() or _FALLBACK_IDENTITY[name] for name, var in ENV_VARS.items()}
    return resolve_identity(values["app_id"], values["platform"], values["microservice"])


def _is_hipaalog_handler(handler: logging.Handler) -> bool:
    formatter = handler.formatter
    if formatter is None:
        return isinstance(handler, SinkHandler)
    return isinstance(formatter, JsonFormatter) or isinstance(getattr(formatter, "encoder", None), Encoder)


def _reaches_hipaalog(logger: logging.Logger, record: logging.LogRecord) -> bool:
    """Whether a handler with a hipaalog formatter is on the record's way (it may encode elsewhere)."""
    current: logging.Logger | None = logger
    while current is not None:
        for handler in current.handlers:
            if record.levelno >= handler.level and _is_hipaalog_handler(handler):
                return True
        current = current.parent if current.propagate else None
    return False


def _redact_records() -> tuple[Any, Any] | None:
    """Install record redaction when none is installed; the factory and its redactor, to undo it later."""
    from . import redaction

    if redaction.record_redaction_installed():
        return None
    redaction.install_record_redaction()
    factory = logging.getLogRecordFactory()
    return factory, getattr(factory, "redactor", None)


def _stop_redacting(installed: tuple[Any, Any] | None) -> None:
    """Undo :func:`_redact_records`, unless the code under test configured redaction since (its redactor)."""
    if installed is None:
        return
    factory, redactor = installed
    if logging.getLogRecordFactory() is factory and getattr(factory, "redactor", None) is redactor:
        from . import redaction

        redaction.uninstall_record_redaction()


# -- matching ---------------------------------------------------------------------------------
def _lookup(record: Mapping[str, Any], key: str) -> Any:
    if key in record:
        return record[key]
    parts = key.split(".") if "." in key else key.split("__") if "__" in key else None
    if not parts:
        return _MISSING
    value: Any = record
    for part in parts:
        if isinstance(value, Mapping) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return _MISSING
    return value


def _matches(expected: Any, actual: Any) -> bool:
    if actual is _MISSING:
        return False
    if isinstance(expected, re.Pattern):
        return isinstance(actual, str) and expected.search(actual) is not None
    if isinstance(expected, Mapping):
        return isinstance(actual, Mapping) and all(
            _matches(value, actual.get(key, _MISSING)) for key, value in expected.items()
        )
    if callable(expected) and not isinstance(expected, type):
        try:
            return bool(expected(actual))
        except Exception:  # noqa: BLE001 - a predicate that raises simply does not match
            return False
    return bool(expected == actual)


def _criteria(level: str | int | None, message: Any, fields: Mapping[str, Any]) -> dict[str, Any]:
    criteria: dict[str, Any] = {}
    if level is not None:
        criteria["level"] = logging.getLevelName(level).lower() if isinstance(level, int) else str(level).lower()
    if message is not None:
        criteria["message"] = message
    criteria.update(fields)
    return criteria


def _show(value: Any) -> str:
    if value is _MISSING:
        return "<missing>"
    if isinstance(value, re.Pattern):
        return f"re.compile({value.pattern!r})"
    text = repr(value)
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"


def _describe(criteria: Mapping[str, Any]) -> str:
    return ", ".join(f"{key}={_show(value)}" for key, value in criteria.items()) or "(anything)"


class LogCapture:
    """The records hipaalog emitted while capturing, as parsed dicts (after schema and redaction).

    Query with :meth:`find`, assert with :meth:`assert_logged`, :meth:`assert_not_logged` and
    :meth:`assert_no_phi`. Field values in queries match by equality, by ``re.compile(...)``
    (searched in strings), by a predicate (``lambda v: v > 50``), or by a dict (a subset of a
    nested object). A dotted name (``**{"error.type": "ValueError"}``) or ``error__type=...``
    reaches into nested objects.
    """

    def __init__(self) -> None:
        self._lines: list[bytes] = []
        self._records: list[dict[str, Any]] = []
        self._parse_lock = threading.Lock()
        self._levels: list[tuple[logging.Logger, int]] = []
        self._active = False
        self._factory: tuple[Any, Any] | None = None

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self) -> LogCapture:
        """Begin capturing (idempotent). Record redaction is installed while capturing when nothing installed it
        (no ``configure()`` yet): pytest's own log capture, ``log_cli``, ``--log-file`` and Python's last-resort
        handler then print redacted records, as the captured lines are."""
        if not self._active:
            self._active = True
            add_tap(self._lines.append)
            _FALLBACK.acquire()
            self._factory = _redact_records()
        return self

    def stop(self) -> None:
        """Stop capturing and restore levels changed by :meth:`set_level`. Records stay readable."""
        if self._active:
            self._active = False
            remove_tap(self._lines.append)
            _FALLBACK.release()
            _stop_redacting(self._factory)
            self._factory = None
        for logger, level in reversed(self._levels):
            logger.setLevel(level)
        self._levels.clear()

    def __enter__(self) -> LogCapture:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def set_level(self, level: int | str, logger: str | None = None) -> None:
        """Set the level of ``logger`` (default: root) until the capture stops."""
        target = logging.getLogger(logger)
        self._levels.append((target, target.level))
        target.setLevel(level.upper() if isinstance(level, str) else level)

    def clear(self) -> None:
        """Forget everything captured so far."""
        with self._parse_lock:
            del self._lines[:]
            self._records = []

    # -- reading ------------------------------------------------------------------------------
    @property
    def records(self) -> list[dict[str, Any]]:
        """Every captured record, in order, as a dict."""
        with self._parse_lock:
            for line in self._lines[len(self._records) :]:
                self._records.append(_parse(line))
            return list(self._records)

    @property
    def lines(self) -> list[bytes]:
        """Every captured line, exactly as the encoder wrote it."""
        return list(self._lines)

    @property
    def messages(self) -> list[str]:
        """The ``message`` of every captured record."""
        return [str(record.get("message", "")) for record in self.records]

    def find(self, level: str | int | None = None, message: Any = None, **fields: Any) -> list[dict[str, Any]]:
        """The records matching every criterion given (all records when none is given)."""
        criteria = _criteria(level, message, fields)
        return [r for r in self.records if all(_matches(v, _lookup(r, k)) for k, v in criteria.items())]

    def violations(self) -> list[tuple[int, dict[str, Any]]]:
        """``(record index, violation)`` for every declared-type violation a record carried."""
        found: list[tuple[int, dict[str, Any]]] = []
        for index, record in enumerate(self.records):
            listed = record.get(VIOLATIONS_FIELD)
            if isinstance(listed, list):
                found.extend((index, v) for v in listed if isinstance(v, dict))
        return found

    # -- assertions ---------------------------------------------------------------------------
    def assert_logged(self, level: str | int | None = None, message: Any = None, **fields: Any) -> dict[str, Any]:
        """The first record matching every criterion; else an AssertionError showing the nearest record."""
        criteria = _criteria(level, message, fields)
        records = self.records
        for record in records:
            if all(_matches(v, _lookup(record, k)) for k, v in criteria.items()):
                return record
        raise AssertionError(self._no_match_report(criteria, records))

    def assert_not_logged(self, level: str | int | None = None, message: Any = None, **fields: Any) -> None:
        """Fail when any record matches every criterion given (any record at all when none is)."""
        criteria = _criteria(level, message, fields)
        found = [
            (i, r) for i, r in enumerate(self.records) if all(_matches(v, _lookup(r, k)) for k, v in criteria.items())
        ]
        if found:
            shown = "\n".join(f"  #{i}: {_show_record(r)}" for i, r in found[:5])
            more = f"\n  ... and {len(found) - 5} more" if len(found) > 5 else ""
            raise AssertionError(f"{len(found)} record(s) matched {_describe(criteria)}:\n{shown}{more}")

    def assert_no_phi(self) -> None:
        """Fail when the PHI detectors find anything in the captured records: kinds and places, never values."""
        from . import redaction

        find_phi = getattr(redaction, "find_phi", None)
        if find_phi is None:
            raise AssertionError("assert_no_phi needs hipaalog.redaction.find_phi, which this install lacks")
        problems = []
        for index, record in enumerate(self.records):
            for finding in find_phi(record, skip=TRUSTED_FIELDS):
                problems.append(
                    f"  record #{index} (logger {record.get('logger')!r}, level {record.get('level')!r}): "
                    f"{_finding_kind(finding)} at {_finding_place(finding)}"
                )
        if problems:
            shown = "\n".join(problems[:50])
            more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
            raise AssertionError(f"PHI found in {len(problems)} place(s) of the emitted records:\n{shown}{more}")

    def _no_match_report(self, criteria: Mapping[str, Any], records: list[dict[str, Any]]) -> str:
        head = f"no record matched {_describe(criteria)}"
        if not records:
            return head + "\nnothing was captured"
        scored = [(sum(_matches(v, _lookup(r, k)) for k, v in criteria.items()), i) for i, r in enumerate(records)]
        best_score, best = max(scored, key=lambda pair: (pair[0], -pair[1]))
        record = records[best]
        lines = [head, f"{len(records)} record(s) captured; nearest is #{best} ({best_score}/{len(criteria)} matched):"]
        width = max(len(k) for k in criteria) if criteria else 0
        for key, expected in criteria.items():
            actual = _lookup(record, key)
            if _matches(expected, actual):
                lines.append(f"  {key.ljust(width)}  ok")
            else:
                lines.append(f"  {key.ljust(width)}  expected {_show(expected)}, got {_show(actual)}")
        lines.append(f"nearest record: {_show_record(record)}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<LogCapture {len(self._lines)} record(s){' capturing' if self._active else ''}>"


def _parse(line: bytes) -> dict[str, Any]:
    start = line.find(b"{")
    try:
        parsed = orjson.loads(line[start:] if start > 0 else line)
    except orjson.JSONDecodeError:
        return {"message": "[hipaalog.testing: line is not JSON]", "unparsed": line.decode("utf-8", "replace")}
    return parsed if isinstance(parsed, dict) else {"message": "[hipaalog.testing: line is not an object]"}


def _show_record(record: Mapping[str, Any]) -> str:
    text = orjson.dumps(record, default=str).decode("utf-8")
    return text if len(text) <= 2000 else text[:2000] + "…"


def _finding_kind(finding: Any) -> str:
    return str(getattr(finding, "kind", "PHI"))


_KEY_SEGMENT: Final = re.compile(r'\["((?:[^"\\]|\\.)*)"\]|\.([^.\[]+)')


def _masked_path(path: str, key_is_phi: bool) -> str:
    """``path`` with every key that holds PHI written ``["[REDACTED]"]`` (a mapping keyed by patient id), the
    last one too when the finding is the key itself."""
    from .redaction import redact_text

    segments = list(_KEY_SEGMENT.finditer(path))
    out: list[str] = []
    position = 0
    for index, match in enumerate(segments):
        key = match[1] if match[1] is not None else match[2]
        last = index == len(segments) - 1 and match.end() == len(path)
        if (key_is_phi and last) or redact_text(key) != key:
            out.append(path[position : match.start()])
            out.append('["[REDACTED]"]')
            position = match.end()
    out.append(path[position:])
    return "".join(out)


def _finding_place(finding: Any) -> str:
    """``$.path`` and, for a match inside a string, its character offsets (never the value)."""
    place = _masked_path(str(getattr(finding, "path", "$")), getattr(finding, "rule", "") == "name")
    span = getattr(finding, "span", None)
    if isinstance(span, (list, tuple)) and len(span) == 2:
        return f"{place} chars {span[0]}-{span[1]}"
    return place


@contextmanager
def capture() -> Iterator[LogCapture]:
    """Capture hipaalog's records for the duration of a ``with`` block (outside pytest too)."""
    logs = LogCapture().start()
    try:
        yield logs
    finally:
        logs.stop()
