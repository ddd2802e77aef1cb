"""Per-record formatting cost: hipaalog beside the stdlib, python-json-logger and structlog.

Every formatter formats the same hand-built record (``_common.benchmark_record``); the figures are
medians of repeats, shown as ratios to python-json-logger's ``JsonFormatter``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import orjson
from pythonjsonlogger.json import JsonFormatter as PjlJsonFormatter
from pythonjsonlogger.orjson import OrjsonFormatter as PjlOrjsonFormatter

sys.path.insert(0, str(Path(__file__).parent))
from _common import benchmark_record, compare, print_table

import hipaalog

_SKIP = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime", "taskName"}


class MinimalOrjsonFormatter(logging.Formatter):
    """The floor: a hand-written orjson formatter with no schema, checks or redaction."""

    def format(self, record: logging.LogRecord) -> str:
        data = {
            "timestamp": record.created,
            "level": record.levelname,
            "message": record.getMessage(),
            "logger": record.name,
        }
        for key, value in record.__dict__.items():
            if key not in _SKIP:
                data[key] = value
        return orjson.dumps(data).decode()


def structlog_formatter() -> logging.Formatter | None:
    try:
        import structlog
    except ImportError:
        return None
    return structlog.stdlib.ProcessorFormatter(
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.JSONRenderer(),
        ],
        foreign_pre_chain=[
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.stdlib.ExtraAdder(),
        ],
    )


def main() -> None:
    identity = {"app_id": "claims", "platform": "k8s", "microservice": "claims-api"}
    formatters: list[tuple[str, logging.Formatter]] = [
        ("stdlib logging.Formatter (text)", logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")),
        ("python-json-logger JsonFormatter", PjlJsonFormatter()),
        ("python-json-logger OrjsonFormatter", PjlOrjsonFormatter()),
        ("minimal orjson formatter (floor)", MinimalOrjsonFormatter()),
        ("hipaalog JsonFormatter, schema, no redaction", hipaalog.JsonFormatter(**identity, redaction=False)),
        ("hipaalog JsonFormatter, schema + redaction (default)", hipaalog.JsonFormatter(**identity)),
    ]
    sl = structlog_formatter()
    if sl is not None:
        formatters.insert(3, ("structlog ProcessorFormatter (JSON)", sl))
    record = benchmark_record()
    for _, formatter in formatters:
        formatter.format(record)  # warm caches
    rows = compare([(name, lambda f=formatter: f.format(record)) for name, formatter in formatters])
    print_table("Formatting one record", rows, "python-json-logger JsonFormatter")


if __name__ == "__main__":
    main()
