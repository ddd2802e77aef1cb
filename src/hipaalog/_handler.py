"""``hipaalog.SinkHandler``: a ``logging.Handler`` that hands encoded records to sinks."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from . import _diagnostics
from ._encoded import EncodedRecord
from ._formatter import JsonFormatter
from ._levels import rfc5424_severity
from .exceptions import ConfigError, SinkError
from .sinks import create_sink
from .typing import Sink

__all__ = ["SinkHandler"]


class SinkHandler(logging.Handler):
    """Sends every record, as one JSON line, to each of its sinks.

    Args:
        sinks: sinks as objects, URLs (``"stdout"``, ``"file:///var/log/app.jsonl"``) or mappings
            (``{"type": "file", "path": ...}``); default: stdout.
        level: the handler's level.

    Without a formatter the handler uses a :class:`JsonFormatter` built from the ``HIPAALOG_*``
    environment variables. Built from ``dictConfig`` as ``"class": "hipaalog.SinkHandler"``.
    """

    def __init__(
        self,
        sinks: Sequence[Sink | str | os.PathLike[str] | Mapping[str, Any]] | None = None,
        level: int | str = logging.NOTSET,
    ) -> None:
        super().__init__(level)
        # Index access, not iteration: dictConfig's ConvertingList resolves cfg:// and ext:// values in __getitem__.
        specs = ["stdout"] if sinks is None else [sinks[i] for i in range(len(sinks))]
        if isinstance(sinks, (str, bytes, Mapping)):
            raise ConfigError(
                "sinks must be a list, for example sinks=['stdout'] or sinks=['file:///var/log/app.jsonl']"
            )
        if not specs:
            raise ConfigError("SinkHandler needs at least one sink")
        self.sinks: list[Sink] = [create_sink(spec) for spec in specs]
        self._counts = {"emitted": 0, "delivered": 0, "failed": 0}
        self._counts_lock = threading.Lock()

    def _json_formatter(self) -> logging.Formatter:
        if self.formatter is None:
            self.formatter = JsonFormatter()
        return self.formatter

    def _encode(self, record: logging.LogRecord) -> EncodedRecord:
        formatter = self._json_formatter()
        if isinstance(formatter, JsonFormatter):
            return formatter.encode_record(record)
        line = formatter.format(record).encode("utf-8", "backslashreplace")
        return EncodedRecord(
            line, record.levelno, rfc5424_severity(record.levelno), record.created, record.name, "", "", ""
        )

    def emit(self, record: logging.LogRecord) -> None:
        """Encode and write ``record`` to every sink; failures are counted and reported, never raised."""
        try:
            encoded = self._encode(record)
        except Exception as exc:  # noqa: BLE001 - includes a ConfigError from a missing formatter setup
            self._count("failed", len(self.sinks))
            _diagnostics.problem("record-not-encoded", f"{type(exc).__name__}: {exc}")
            return
        self._count("emitted")
        for sink in self.sinks:
            try:
                sink.write((encoded,))
            except Exception as exc:  # noqa: BLE001 - one failing sink never stops the others
                self._count("failed")
                detail = str(exc) if isinstance(exc, SinkError) else type(exc).__name__
                _diagnostics.problem("sink-write-failed", f"{sink.name}: {detail}")
            else:
                self._count("delivered")

    def _count(self, name: str, n: int = 1) -> None:
        with self._counts_lock:
            self._counts[name] += n

    def stats(self) -> dict[str, int]:
        """Counters of this handler: records emitted, and deliveries that succeeded or failed per sink."""
        with self._counts_lock:
            return dict(self._counts)

    def flush(self) -> None:
        """Flush every sink."""
        for sink in self.sinks:
            try:
                sink.flush()
            except Exception as exc:  # noqa: BLE001
                _diagnostics.problem("sink-flush-failed", f"{sink.name}: {type(exc).__name__}")

    def close(self) -> None:
        """Flush and close every sink."""
        try:
            for sink in self.sinks:
                try:
                    sink.close()
                except Exception as exc:  # noqa: BLE001
                    _diagnostics.problem("sink-close-failed", f"{sink.name}: {type(exc).__name__}")
        finally:
            super().close()

    def __repr__(self) -> str:
        return f"<SinkHandler {logging.getLevelName(self.level)} sinks={[s.name for s in self.sinks]}>"
