"""``hipaalog.SinkHandler``: format on the caller's thread, deliver on a worker per sink."""

from __future__ import annotations

import inspect
import logging
import os
import sys
import threading
from collections.abc import Mapping, Sequence
from time import monotonic
from typing import Any

from . import _diagnostics
from ._delivery import COUNTER_NAMES, DeliveryOptions, Lane, Spill, _shutdown, spill_key
from ._encoded import EncodedRecord
from ._formatter import JsonFormatter
from ._levels import rfc5424_severity
from .exceptions import ConfigError
from .sinks import create_sink
from .typing import Sink

__all__ = ["SinkHandler"]

_STAT_NAMES = (*COUNTER_NAMES, "queued", "backlog")
_SELF_LOGGER = "hipaalog.delivery"
_CONFIG_LOGGER = "hipaalog.config"
_CLEARING_FUNCTIONS = frozenset({"_clearExistingHandlers"})  # logging.config's: dictConfig and fileConfig
_DROP_DETAIL = {
    "record-dropped": "queue full (overflow={overflow}, queue_size={queue_size})",
    "record-after-close": "the handler is closed",
    "spill-full": "durable mode: spill directory full (spill_max_bytes={spill_max_bytes})",
    "spill-failed": "durable mode: the spill directory refused the write",
}


class SinkHandler(logging.Handler):
    """Sends every record, as one JSON line, to each of its sinks without blocking the caller.

    The calling thread formats the record (with :meth:`JsonFormatter.encode_record`) and appends
    it to one bounded queue per sink; a worker thread per sink batches, writes, retries with
    backoff and, with ``spill_dir``, keeps what it cannot deliver on disk and replays it in order,
    also after a restart. ``stats()`` counts what happened to every record; drops and failures
    are also reported on stderr and, every ``stats_interval`` seconds, in a self-record of logger
    ``hipaalog.delivery``. Queues drain on :meth:`flush`, :meth:`close`, ``logging.shutdown()``,
    interpreter exit and SIGTERM, each within a bounded time. A forked child starts with empty
    queues of its own. Guarantees and the tests that prove them: ``docs/delivery.md``.

    Args:
        sinks: sinks as objects, URLs (``"stdout"``, ``"file:///var/log/app.jsonl"``,
            ``"syslog+tls://logs:6514"``, ``"https://..."``) or mappings (``{"type": "file", ...}``);
            default: stdout.
        level: the handler's level.
        queue_size: records held in memory per sink before ``overflow`` applies.
        batch_size: most records per ``write`` to a sink.
        flush_interval: longest a record waits for its batch to fill, in seconds.
        overflow: ``"block"`` (wait up to ``block_timeout``, then drop and count),
            ``"drop_newest"`` or ``"drop_oldest"``.
        block_timeout: longest a log call waits for room under ``"block"``, in seconds.
        retry_attempts: retries before a failing batch goes to the spill directory.
        backoff_initial, backoff_max: bounds of the jittered exponential backoff, in seconds.
        spill_dir: where undeliverable records wait (one subdirectory per sink); ``None``: memory only.
        spill_max_bytes: disk the spill of one sink may use (``"256MiB"`` by default).
        durable: write and fsync each record to ``spill_dir`` before the log call returns.
        flush_timeout, close_timeout: bounds on ``flush()`` and ``close()``, in seconds.
        stats_interval: seconds between self-records with the counters; ``0`` turns them off.
        handle_sigterm: flush on SIGTERM (chained in front of the application's handler).

    Without a formatter the handler uses a :class:`JsonFormatter` built from the ``HIPAALOG_*``
    environment variables. Built from ``dictConfig`` as ``"class": "hipaalog.SinkHandler"`` with
    the options above as extra keys.
    """

    def __init__(
        self,
        sinks: Sequence[Sink | str | os.PathLike[str] | Mapping[str, Any]] | None = None,
        level: int | str = logging.NOTSET,
        *,
        queue_size: int = 10_000,
        batch_size: int = 512,
        flush_interval: float = 0.2,
        overflow: str = "block",
        block_timeout: float = 0.5,
        retry_attempts: int = 5,
        backoff_initial: float = 0.2,
        backoff_max: float = 30.0,
        spill_dir: str | os.PathLike[str] | None = None,
        spill_max_bytes: int | str = "256MiB",
        durable: bool = False,
        flush_timeout: float = 5.0,
        close_timeout: float = 5.0,
        stats_interval: float = 60.0,
        handle_sigterm: bool = True,
    ) -> None:
        super().__init__(level)
        # What flush() and close() read, set first: logging.shutdown() also reaches a handler whose
        # construction failed (it is registered with logging before any option is checked).
        self.sinks: list[Sink] = []
        self._lanes: list[Lane] = []
        self._closed = False
        self._kept_open = False  # a dictConfig closed it while loggers still used it (told at their next record)
        self._close_lock = threading.Lock()
        if isinstance(sinks, (str, bytes, Mapping)):
            raise ConfigError(
                "sinks must be a list, for example sinks=['stdout'] or sinks=['file:///var/log/app.jsonl']"
            )
        # Index access, not iteration: dictConfig's ConvertingList resolves cfg:// and ext:// values in __getitem__.
        specs = ["stdout"] if sinks is None else [sinks[i] for i in range(len(sinks))]
        if not specs:
            raise ConfigError("SinkHandler needs at least one sink")
        self.options = DeliveryOptions.build(
            queue_size=queue_size,
            batch_size=batch_size,
            flush_interval=flush_interval,
            overflow=overflow,
            block_timeout=block_timeout,
            retry_attempts=retry_attempts,
            backoff_initial=backoff_initial,
            backoff_max=backoff_max,
            spill_dir=spill_dir,
            spill_max_bytes=spill_max_bytes,
            durable=durable,
            flush_timeout=flush_timeout,
            close_timeout=close_timeout,
            stats_interval=stats_interval,
        )
        self.sinks = [create_sink(spec) for spec in specs]
        self._lanes = self._build_lanes()
        self._report_lock = threading.Lock()
        self._next_report = monotonic() + self.options.stats_interval
        self._last_report: dict[str, int] | None = None
        _shutdown.track(self)
        if handle_sigterm:
            _shutdown.install_sigterm_handler()
        for lane in self._lanes:
            lane.start_if_backlog()

    @classmethod
    def check_options(cls, options: Mapping[str, Any] | None) -> dict[str, Any]:
        """``options`` as keyword arguments, or a ConfigError naming an unknown one and the known ones."""
        names = [p for p in inspect.signature(cls.__init__).parameters if p not in ("self", "sinks")]
        unknown = sorted(set(options or {}) - set(names))
        if unknown:
            raise ConfigError(f"unknown SinkHandler option(s) {', '.join(unknown)}; known: {', '.join(names)}")
        return dict(options or {})

    def _build_lanes(self) -> list[Lane]:
        lanes: list[Lane] = []
        keys: set[str] = set()
        root = self.options.spill_dir
        try:
            for sink in self.sinks:
                spill = None
                if root is not None:
                    name = str(getattr(sink, "name", type(sink).__name__))
                    spill = Spill(
                        os.path.join(root, spill_key(name, keys)),
                        max_bytes=self.options.spill_max_bytes,
                        fsync=self.options.durable,
                    )
                    spill.open()
                    if spill.recovered:
                        _diagnostics.problem(
                            "spill-recovered",
                            f"{name}: {spill.recovered} record(s) left by an earlier process will be replayed",
                        )
                    if spill.damaged_bytes:
                        _diagnostics.problem(
                            "spill-damaged", f"{name}: {spill.damaged_bytes} byte(s) of torn spill data skipped"
                        )
                lanes.append(Lane(sink, self.options, spill))
        except ImportError as exc:
            self._close_spills(lanes)
            raise ConfigError("spill_dir needs a POSIX system (fcntl.flock); leave spill_dir unset here") from exc
        except OSError as exc:
            self._close_spills(lanes)
            raise ConfigError(
                f"spill_dir {root!r} is not usable ({exc.strerror or exc}); give a writable directory"
            ) from exc
        return lanes

    @staticmethod
    def _close_spills(lanes: Sequence[Lane]) -> None:
        for lane in lanes:
            if lane.spill is not None:
                lane.spill.close()

    # -- the application thread ------------------------------------------------------------------
    def handle(self, record: logging.LogRecord) -> Any:
        """Filter and emit ``record`` without the handler lock: the queues are thread-safe, and a
        log call waits only on its own record's room in a queue, never behind other threads."""
        rv: Any = self.filter(record)  # Python 3.12+ filters may return a replacement record
        if isinstance(rv, logging.LogRecord):
            record = rv
        if rv:
            self.emit(record)
        return rv

    def _json_formatter(self) -> logging.Formatter:
        if self.formatter is None:
            self.formatter = JsonFormatter()
        return self.formatter

    def _encode(self, record: logging.LogRecord) -> EncodedRecord:
        formatter = self._json_formatter()
        encode_record = getattr(formatter, "encode_record", None)  # JsonFormatter, hipaalog.structlog's too
        if encode_record is not None:
            return encode_record(record)  # type: ignore[no-any-return]
        line = formatter.format(record).encode("utf-8", "backslashreplace")
        return EncodedRecord(
            line, record.levelno, rfc5424_severity(record.levelno), record.created, record.name, "", "", ""
        )

    def emit(self, record: logging.LogRecord) -> None:
        """Encode ``record`` and queue it for every sink. Never raises; a drop is counted and reported."""
        if self._kept_open:
            self._tell_kept_open()
        try:
            encoded = self._encode(record)
        except Exception as exc:  # noqa: BLE001 - includes a ConfigError from a missing formatter setup
            for lane in self._lanes:
                lane.count_unencodable()
            _diagnostics.problem("record-not-encoded", f"{type(exc).__name__}: {exc}")
            return
        for lane in self._lanes:
            kind = lane.put(encoded)
            if kind is not None:
                detail = _DROP_DETAIL.get(kind, kind).format(
                    overflow=self.options.overflow,
                    queue_size=self.options.queue_size,
                    spill_max_bytes=self.options.spill_max_bytes,
                )
                _diagnostics.problem(kind, f"{lane.name}: record dropped: {detail}")
        if self.options.stats_interval and monotonic() >= self._next_report:
            self._report()

    def _report(self) -> None:
        """Log the counters as a self-record (logger ``hipaalog.delivery``) if they changed."""
        if not self._report_lock.acquire(blocking=False):
            return
        try:
            now = monotonic()
            if now < self._next_report:
                return
            self._next_report = now + self.options.stats_interval
            per_sink = self.sink_stats()
            totals = self.stats()
            if totals == self._last_report:
                return
            last = self._last_report or {}
            worse = any(totals[k] > last.get(k, 0) for k in ("dropped", "failed"))
            self._last_report = totals
            level = logging.WARNING if worse else logging.INFO
            record = logging.LogRecord(_SELF_LOGGER, level, __file__, 0, "hipaalog delivery counters", None, None)
            record.hipaalog_delivery = {**totals, "sinks": per_sink}
            self.handle(record)
        finally:
            self._report_lock.release()

    # -- counters --------------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        """Counters summed over the sinks (a record sent to two sinks counts twice), plus ``emitted``.

        Keys: ``emitted`` (records this handler was given, once each), ``enqueued``, ``written``
        (accepted by a sink's write, resends included), ``delivered`` (acknowledged: for TCP syslog,
        the connection outlived the write; for RELP, the server answered), ``retried``, ``resent``
        (written again after a reset: at-least-once duplicates), ``spilled``, ``dropped``, ``failed``,
        ``recovered`` (cumulative, see :data:`hipaalog._delivery.COUNTER_NAMES`) and the gauges
        ``queued`` (unconfirmed records included) and ``backlog``.
        """
        snapshots = [lane.snapshot() for lane in self._lanes]
        totals = {name: sum(s[name] for s in snapshots) for name in _STAT_NAMES}
        return {"emitted": snapshots[0]["enqueued"] if snapshots else 0, **totals}

    def sink_stats(self) -> dict[str, dict[str, int]]:
        """The counters of each sink, by sink name."""
        out: dict[str, dict[str, int]] = {}
        for lane in self._lanes:
            name, n = lane.name, 2
            while name in out:
                name, n = f"{lane.name}#{n}", n + 1
            out[name] = lane.snapshot()
        return out

    # -- draining --------------------------------------------------------------------------------
    def flush(self) -> None:
        """Wait (at most ``flush_timeout``) until every record logged before the call has reached
        its sinks, been refused, or been kept on disk because its sink is failing."""
        if not self._lanes:
            return
        deadline = monotonic() + self.options.flush_timeout
        for lane in self._lanes:
            if not lane.flush(deadline):
                _diagnostics.problem(
                    "flush-timeout", f"{lane.name}: records still queued after {self.options.flush_timeout}s"
                )

    def close(self) -> None:
        """Deliver what is queued (at most ``close_timeout``), spill or count the rest, close the sinks.

        ``logging.config.dictConfig()`` (and ``fileConfig()``) close every handler of the process,
        also those that stay attached to loggers it does not configure (the root logger of a
        ``configure()`` call, when a framework's dictionary names only its own loggers). Such a
        close only flushes: the handler stays open for whoever still uses it and, at the next
        record it gets, says so on stderr and in a ``hipaalog.config`` record. It is closed for
        good at interpreter exit.
        """
        if self._lanes and _called_by_logging_config():
            self._keep_open_after_reconfiguration()
            return
        with self._close_lock:
            if self._closed:
                return
            self._closed = True
        if not self._lanes:  # its construction failed: nothing to deliver
            super().close()
            return
        try:
            now = monotonic()
            deadline = now + self.options.close_timeout
            for lane in self._lanes:
                lane.stop(now + self.options.close_timeout * 0.8)  # retries end first; join waits the rest
            for lane in self._lanes:
                if lane.join(deadline):
                    self._close_sink(lane.sink)
                else:
                    lane.abandon()
                    _diagnostics.problem(
                        "sink-not-closed", f"{lane.name}: still busy after {self.options.close_timeout}s"
                    )
            self._close_spills(self._lanes)
        finally:
            _shutdown.untrack(self)
            super().close()

    def _keep_open_after_reconfiguration(self) -> None:
        """Deliver what is queued and stay open; the first record that still comes here tells what happened."""
        self.flush()
        self._kept_open = True

    def _tell_kept_open(self) -> None:
        self._kept_open = False
        detail = (
            f"logging.config.dictConfig() closed every handler, but hipaalog's SinkHandler "
            f"(sinks: {', '.join(s.name for s in self.sinks)}) is still used by a logger it did not configure: "
            "it delivered its queued records and stayed open, so no record is lost"
        )
        _diagnostics.problem("handler-kept-open", detail)
        self.emit(logging.LogRecord(_CONFIG_LOGGER, logging.WARNING, __file__, 0, "%s", (detail,), None))

    @staticmethod
    def _close_sink(sink: Sink) -> None:
        try:
            sink.close()
        except Exception as exc:  # noqa: BLE001
            _diagnostics.problem("sink-close-failed", f"{sink.name}: {type(exc).__name__}")

    def __repr__(self) -> str:
        return f"<SinkHandler {logging.getLevelName(self.level)} sinks={[s.name for s in self.sinks]}>"


def _called_by_logging_config() -> bool:
    """Whether ``close()`` was called by ``logging.shutdown()`` on behalf of ``logging.config``."""
    try:
        frame = sys._getframe(2)  # 0: this function, 1: close(), 2: its caller
    except ValueError:  # close() called with no Python caller
        return False
    if frame.f_code is not logging.shutdown.__code__:
        return False
    caller = frame.f_back
    if caller is None:
        return False
    code = caller.f_code
    return code.co_name in _CLEARING_FUNCTIONS and "logging" in code.co_filename
