"""Run evaluation records through hipaalog's default pipeline and keep the bytes it writes.

This is the worker the scorer starts in a subprocess (``python -m evaluation.pipeline IN OUT``), with
``PYTHONPATH`` pointing at the hipaalog source tree to measure. It calls ``hipaalog.configure()`` with
its defaults (redaction on, record redaction on) and one in-memory sink, then makes one real log
call per record: the message with its ``%`` arguments goes through the record path, ``extra``
through the structured fields, exceptions as ``exc_info``. Each record is run twice: redaction off
(the baseline, what would have been written) and on (what is written).
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .match import SEQ_FIELD
from .record import build, exception_of

__all__ = ["SEQ_FIELD", "call_of", "main", "run"]


class MemorySink:
    """A hipaalog sink that keeps the lines it is handed."""

    name = "memory"

    def __init__(self) -> None:
        self.lines: list[bytes] = []

    def write(self, batch: Sequence[Any]) -> None:
        self.lines.extend(item.line for item in batch)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def _exc_info(spec: dict[str, Any] | None) -> Any:
    if spec is None:
        return None
    exc = exception_of(spec)
    try:
        raise exc
    except BaseException:  # noqa: BLE001 - we raised it ourselves to get a traceback
        return sys.exc_info()


def call_of(record: dict[str, Any], seq: int) -> tuple[logging.Logger, int, str, tuple[Any, ...], dict[str, Any], Any]:
    """The arguments of the log call that ``record`` stands for (objects rebuilt, fresh each time)."""
    args = tuple(build(record["args"]))
    extra = build(record["extra"])
    extra[SEQ_FIELD] = seq
    level = logging.getLevelName(record["level"].upper())
    return logging.getLogger(record["logger"]), level, record["msg"], args, extra, _exc_info(record["exc"])


def run(records: Sequence[dict[str, Any]], *, redaction: bool) -> dict[str, Any]:
    """Log every record once; the lines written (by record index) and the time the calls took."""
    import hipaalog

    sink = MemorySink()
    handler = hipaalog.configure(
        app_id="eval",
        platform="vm",
        microservice="evaluation",
        level="debug",
        sinks=[sink],
        redaction=redaction,
        handler_options={"stats_interval": 0, "handle_sigterm": False, "queue_size": 100_000},
    )
    # One call outside the set first, so that lazy imports and tables load before the clock starts.
    logging.getLogger("evaluation.warmup").warning("warm-up %s", "call", extra={"phase": "warm-up"})
    calls = [call_of(r, i) for i, r in enumerate(records)]
    seconds = [0.0] * len(records)
    clock = time.perf_counter
    started = clock()
    for i, (logger, level, msg, args, extra, exc_info) in enumerate(calls):
        t0 = clock()
        logger.log(level, msg, *args, extra=extra, exc_info=exc_info)
        seconds[i] = clock() - t0
    handler.flush()
    total = clock() - started
    handler.close()
    lines: dict[int, str] = {}
    for raw in sink.lines:
        text = raw.decode("utf-8", "replace")
        try:
            seq = json.loads(text).get(SEQ_FIELD)
        except ValueError:
            continue
        if isinstance(seq, int) and 0 <= seq < len(records) and seq not in lines:
            lines[seq] = text
    return {"lines": [lines.get(i) for i in range(len(records))], "seconds": seconds, "total_seconds": total}


def main(argv: list[str] | None = None) -> int:
    """``python -m evaluation.pipeline RECORDS.json OUT.json``: run both passes, write the results."""
    args = sys.argv[1:] if argv is None else argv
    records = json.loads(Path(args[0]).read_text())
    import hipaalog

    baseline = run(records, redaction=False)
    redacted = run(records, redaction=True)
    logging.getLogger().handlers.clear()
    out = {
        "hipaalog": getattr(hipaalog, "__version__", "?"),
        "baseline": baseline["lines"],
        "lines": redacted["lines"],
        "seconds": redacted["seconds"],
        "total_seconds": redacted["total_seconds"],
    }
    Path(args[1]).write_text(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
