"""Timed operations: ``hipaalog.timed(name, threshold_ms=...)`` logs the ones that are slow or fail.

One object is a context manager (``with`` and ``async with``) and a decorator (sync and async
functions). It measures with a monotonic clock (:func:`time.perf_counter`) and writes, through the
standard :mod:`logging` module, a record with ``operation``, ``duration_ms`` and ``threshold_ms``:

- at ``warning`` (or the ``level`` given) when the operation took longer than its threshold;
- at ``error``, with the exception, when it raised (the exception is re-raised untouched);
- at ``debug`` for every other call when ``every_call=True``.

Thresholds not given in the call come from :func:`configure_thresholds` (or ``configure(timing=...)``),
by name pattern: ``{"db.*": 50, "http.client.*": 300, "*": 1000}``. An exact name beats a pattern, and
the more specific of two matching patterns (more literal characters) wins.
"""

from __future__ import annotations

import fnmatch
import functools
import inspect
import logging
import math
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, Final, ParamSpec, TypeVar, cast, overload

from . import _diagnostics
from ._schema import COLLISION_PREFIX
from .exceptions import ConfigError

__all__ = [
    "DEFAULT_LOGGER",
    "Timer",
    "configure_thresholds",
    "threshold_for",
    "thresholds",
    "timed",
    "validate_thresholds",
]

DEFAULT_LOGGER: Final = "hipaalog.timing"
"""The logger timed operations write to unless ``logger=`` names another."""

P = ParamSpec("P")
R = TypeVar("R")

_OWN_FIELDS: Final = frozenset({"operation", "duration_ms", "threshold_ms"})
# Names a LogRecord already has: logging refuses them in ``extra`` (KeyError), so they are renamed.
_RECORD_ATTRS: Final = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}

_lock = threading.Lock()
_patterns: dict[str, float] = {}
_cache: dict[str, float | None] = {}


# -- thresholds from configuration ------------------------------------------------------------
def validate_thresholds(mapping: object) -> dict[str, float]:
    """``mapping`` checked and normalised to ``{pattern: float}``; anything wrong is a ConfigError."""
    if not isinstance(mapping, Mapping):
        raise ConfigError(
            f"timing thresholds must be a mapping of name pattern -> milliseconds, like {{'db.*': 50}}, "
            f"not {type(mapping).__name__}"
        )
    checked: dict[str, float] = {}
    for pattern, value in mapping.items():
        if not isinstance(pattern, str) or not pattern:
            raise ConfigError(f"timing threshold pattern {pattern!r} must be a non-empty string such as 'db.*'")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value) or value < 0:
            raise ConfigError(f"timing threshold for {pattern!r} must be a number of milliseconds >= 0, not {value!r}")
        checked[pattern] = float(value)
    return checked


def configure_thresholds(mapping: Mapping[str, float], *, replace: bool = True) -> None:
    """Set thresholds (milliseconds) by operation-name pattern, for example ``{"db.*": 50}``.

    Patterns use :mod:`fnmatch` syntax, case-sensitive. With ``replace=False`` the patterns are
    added to the ones already set. A bad pattern or value raises
    :class:`~hipaalog.exceptions.ConfigError` and changes nothing.
    """
    checked = validate_thresholds(mapping)
    with _lock:
        if replace:
            _patterns.clear()
        _patterns.update(checked)
        _cache.clear()


def thresholds() -> dict[str, float]:
    """The configured thresholds by pattern (a copy)."""
    with _lock:
        return dict(_patterns)


def _specificity(pattern: str) -> tuple[int, int]:
    literal = sum(1 for ch in pattern if ch not in "*?[]")
    return (literal, len(pattern))


def threshold_for(name: str) -> float | None:
    """The configured threshold of operation ``name``, or ``None`` when no pattern matches."""
    try:
        return _cache[name]
    except KeyError:
        pass
    with _lock:
        if name in _patterns:
            found: float | None = _patterns[name]
        else:
            matching = [p for p in _patterns if fnmatch.fnmatchcase(name, p)]
            found = _patterns[max(matching, key=_specificity)] if matching else None
        if len(_cache) < 4096:
            _cache[name] = found
    return found


# -- the timer --------------------------------------------------------------------------------
def _safe_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Caller fields with names that logging or timing itself uses moved under the collision prefix."""
    safe: dict[str, Any] = {}
    for key, value in fields.items():
        name = str(key)
        while name in _RECORD_ATTRS or name in _OWN_FIELDS or name in safe:
            name = COLLISION_PREFIX + name
        safe[name] = value
    return safe


def _level_number(level: int | str, what: str) -> int:
    if isinstance(level, bool):
        raise ConfigError(f"timed(): {what} must be a level name or number, not a bool")
    if isinstance(level, int):
        return level
    number = logging.getLevelName(str(level).upper())
    if isinstance(number, int):
        return number
    raise ConfigError(f"timed(): unknown {what} {level!r}; use debug, info, warning, error or critical")


class Timer:
    """A timed operation; made by :func:`timed`. Use it with ``with``, ``async with`` or as a decorator.

    After a ``with`` block, :attr:`duration_ms` holds the block's duration. Inside the block,
    :meth:`add` attaches fields to the record (rows read, cache hit, ...). The same ``Timer`` can
    be entered again after it exits, and nested on one thread; for concurrent use make one per
    block, or decorate the function (each call is measured on its own).
    """

    __slots__ = (
        "_clock",
        "_every_call",
        "_extra",
        "_level",
        "_logger",
        "_running",
        "_threshold",
        "duration_ms",
        "name",
    )

    def __init__(
        self,
        name: str,
        *,
        threshold_ms: float | None,
        logger: logging.Logger,
        level: int,
        every_call: bool,
        extra: dict[str, Any],
        clock: Callable[[], float],
    ) -> None:
        self.name = name
        self._threshold = threshold_ms
        self._logger = logger
        self._level = level
        self._every_call = every_call
        self._extra = extra
        self._clock = clock
        self._running: list[tuple[float, dict[str, Any]]] = []
        self.duration_ms: float | None = None
        """Duration of the last measurement that finished, in milliseconds."""

    @property
    def threshold_ms(self) -> float | None:
        """The threshold in force: the one given to :func:`timed`, else the configured one."""
        return self._threshold if self._threshold is not None else threshold_for(self.name)

    def add(self, **fields: Any) -> None:
        """Attach ``fields`` to the record of the measurement running now (ignored outside one)."""
        if self._running:
            self._running[-1][1].update(_safe_fields(fields))

    # -- context manager ----------------------------------------------------------------------
    def __enter__(self) -> Timer:
        self._running.append((self._clock(), {}))
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._close(exc)

    async def __aenter__(self) -> Timer:
        return self.__enter__()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._close(exc)

    def _close(self, exc: BaseException | None) -> None:
        end = self._clock()
        if not self._running:
            _diagnostics.problem("timing-unbalanced", f"timed({self.name!r}) exited more often than entered")
            return
        start, added = self._running.pop()
        self._finish(start, end, exc, added, stacklevel=4)

    # -- decorator ----------------------------------------------------------------------------
    @overload
    def __call__(self, func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]: ...
    @overload
    def __call__(self, func: Callable[P, R]) -> Callable[P, R]: ...
    def __call__(self, func: Callable[P, Any]) -> Callable[P, Any]:
        """Decorate ``func`` (sync or async) so that every call is measured."""
        if inspect.iscoroutinefunction(func):
            async_func = cast(Callable[P, Awaitable[Any]], func)

            @functools.wraps(func)
            async def measured_async(*args: P.args, **kwargs: P.kwargs) -> Any:
                start = self._clock()
                try:
                    result = await async_func(*args, **kwargs)
                except BaseException as exc:
                    self._finish(start, self._clock(), exc, None, stacklevel=3)
                    raise
                self._finish(start, self._clock(), None, None, stacklevel=3)
                return result

            return measured_async

        @functools.wraps(func)
        def measured(*args: P.args, **kwargs: P.kwargs) -> Any:
            start = self._clock()
            try:
                result = func(*args, **kwargs)
            except BaseException as exc:
                self._finish(start, self._clock(), exc, None, stacklevel=3)
                raise
            self._finish(start, self._clock(), None, None, stacklevel=3)
            return result

        return measured

    # -- the record ---------------------------------------------------------------------------
    def _finish(
        self,
        start: float,
        end: float,
        exc: BaseException | None,
        added: dict[str, Any] | None,
        stacklevel: int,
    ) -> None:
        """Record the measurement and log it when it is slow, failed, or every call is wanted. Never raises."""
        try:
            duration = (end - start) * 1000.0
            self.duration_ms = duration
            threshold = self._threshold if self._threshold is not None else threshold_for(self.name)
            failed = isinstance(exc, Exception)
            args: tuple[Any, ...]
            if failed:
                level = logging.ERROR
                msg, args = "%s failed after %.1f ms", (self.name, duration)
            elif threshold is not None and duration > threshold:
                level = self._level
                msg, args = "%s took %.1f ms (threshold %g ms)", (self.name, duration, threshold)
            elif self._every_call:
                level = logging.DEBUG
                msg, args = "%s took %.1f ms", (self.name, duration)
            else:
                return
            logger = self._logger
            if not logger.isEnabledFor(level):
                return
            fields = dict(self._extra)
            if added:
                fields.update(added)
            fields["operation"] = self.name
            fields["duration_ms"] = round(duration, 3)
            if threshold is not None:
                fields["threshold_ms"] = threshold
            logger.log(level, msg, *args, extra=fields, exc_info=exc if failed else None, stacklevel=stacklevel)
        except Exception as error:  # noqa: BLE001 - timing must never break the operation it measures
            _diagnostics.problem("timing-log-failed", f"timed({self.name!r}): {type(error).__name__}")

    def __repr__(self) -> str:
        return f"Timer({self.name!r}, threshold_ms={self.threshold_ms!r}, logger={self._logger.name!r})"


def timed(
    name: str,
    threshold_ms: float | None = None,
    *,
    logger: logging.Logger | str | None = None,
    level: int | str = logging.WARNING,
    every_call: bool = False,
    extra: Mapping[str, Any] | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> Timer:
    """Measure an operation; log it when slower than ``threshold_ms``, or when it raises.

    Args:
        name: the operation, written as ``operation`` (``"db.claims.select"``); configured
            thresholds are looked up by this name.
        threshold_ms: log when the duration exceeds this; ``None`` uses the configured pattern
            thresholds (and with none configured, only failures and ``every_call`` are logged).
        logger: a logger or logger name (default ``"hipaalog.timing"``).
        level: level of the slow-operation record (default ``warning``).
        every_call: also log calls within the threshold, at ``debug``.
        extra: fields for the record; they pass schema checks and redaction like any field.
        clock: a monotonic clock in seconds (default :func:`time.perf_counter`).

    Example::

        with hipaalog.timed("db.claims.select", threshold_ms=50) as t:
            rows = cursor.fetchall()
            t.add(rows=len(rows))

        @hipaalog.timed("payer.eligibility", threshold_ms=300)
        async def check_eligibility(member): ...
    """
    if not isinstance(name, str) or not name:
        raise ConfigError("timed() needs an operation name, such as 'db.claims.select'")
    if threshold_ms is not None and (
        isinstance(threshold_ms, bool) or not isinstance(threshold_ms, (int, float)) or threshold_ms < 0
    ):
        raise ConfigError(f"timed({name!r}): threshold_ms must be a number of milliseconds >= 0, not {threshold_ms!r}")
    if logger is None:
        resolved = logging.getLogger(DEFAULT_LOGGER)
    elif isinstance(logger, str):
        resolved = logging.getLogger(logger)
    elif isinstance(logger, logging.Logger):
        resolved = logger
    else:
        raise ConfigError(f"timed({name!r}): logger must be a logging.Logger or a logger name")
    if not callable(clock):
        raise ConfigError(f"timed({name!r}): clock must be a callable returning seconds")
    return Timer(
        name,
        threshold_ms=float(threshold_ms) if threshold_ms is not None else None,
        logger=resolved,
        level=_level_number(level, "level"),
        every_call=bool(every_call),
        extra=_safe_fields(extra) if extra else {},
        clock=clock,
    )
