"""Per-record formatting cost: hipaalog beside the stdlib, python-json-logger and structlog.

Every formatter formats the same hand-built record (``_common.benchmark_record``); the figures are
medians of repeats, shown as ratios to python-json-logger's ``JsonFormatter``. A second table times a
whole ``logger.info`` call with the benchmark record's values through a handler that only formats.

``--before REV`` adds rows for ``hipaalog.JsonFormatter`` as it was at git revision ``REV``, measured
in the same run, so that a change to the formatter is judged against python-json-logger side by side.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import orjson
from pythonjsonlogger.json import JsonFormatter as PjlJsonFormatter
from pythonjsonlogger.orjson import OrjsonFormatter as PjlOrjsonFormatter

sys.path.insert(0, str(Path(__file__).parent))
from _common import benchmark_record, compare, print_table

import hipaalog
import hipaalog.json

ROOT = Path(__file__).resolve().parent.parent
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


class _FormatOnly(logging.Handler):
    """A handler that formats each record and throws the text away: the whole call minus I/O."""

    def emit(self, record: logging.LogRecord) -> None:
        self.format(record)


def formatter_at(revision: str) -> ModuleType:
    """hipaalog's ``_formatter`` module as it was at ``revision``, loaded beside today's package."""
    source = subprocess.run(
        ["git", "show", f"{revision}:src/hipaalog/_formatter.py"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tempfile.NamedTemporaryFile("wb", suffix=".py", delete=False) as file:
        file.write(source)
    spec = importlib.util.spec_from_file_location("hipaalog._formatter_before", file.name)
    if spec is None or spec.loader is None:
        raise SystemExit(f"could not load the formatter of {revision}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        Path(file.name).unlink()
    return module


def whole_call(formatter: logging.Formatter, name: str) -> tuple[str, Callable[[], None]]:
    """``logger.info`` with the benchmark record's message and fields, through ``formatter``."""
    logger = logging.getLogger(f"bench.formatter.{name}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    handler = _FormatOnly()
    handler.setFormatter(formatter)
    logger.handlers[:] = [handler]
    fields = {k: v for k, v in benchmark_record().__dict__.items() if k not in _SKIP}
    return name, lambda: logger.info("claim %s accepted", "C-20931", extra=fields)


def main() -> None:
    parser = argparse.ArgumentParser(description="formatter benchmark")
    parser.add_argument("--before", metavar="REV", help="also time hipaalog.JsonFormatter as of this git revision")
    args = parser.parse_args()
    identity = {"app_id": "claims", "platform": "k8s", "microservice": "claims-api"}
    formatters: list[tuple[str, logging.Formatter]] = [
        ("stdlib logging.Formatter (text)", logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")),
        ("python-json-logger JsonFormatter", PjlJsonFormatter()),
        ("python-json-logger OrjsonFormatter", PjlOrjsonFormatter()),
        ("minimal orjson formatter (floor)", MinimalOrjsonFormatter()),
        ("hipaalog JsonFormatter, schema, no redaction", hipaalog.JsonFormatter(**identity, redaction=False)),
        ("hipaalog JsonFormatter, schema + redaction (default)", hipaalog.JsonFormatter(**identity)),
        ("hipaalog.json.JsonFormatter (default)", hipaalog.json.JsonFormatter(**identity)),
    ]
    if args.before:
        before = formatter_at(args.before).JsonFormatter(**identity)
        formatters.append((f"hipaalog JsonFormatter (default) at {args.before}", before))
    sl = structlog_formatter()
    if sl is not None:
        formatters.insert(3, ("structlog ProcessorFormatter (JSON)", sl))
    record = benchmark_record()
    for _, formatter in formatters:
        formatter.format(record)  # warm caches
    rows = compare([(name, lambda f=formatter: f.format(record)) for name, formatter in formatters])
    print_table("Formatting one record", rows, "python-json-logger JsonFormatter")
    calls = [whole_call(PjlJsonFormatter(), "python-json-logger JsonFormatter")]
    calls.append(whole_call(hipaalog.JsonFormatter(**identity), "hipaalog JsonFormatter (default)"))
    if args.before:
        before_formatter = formatter_at(args.before).JsonFormatter(**identity)
        calls.append(whole_call(before_formatter, f"hipaalog JsonFormatter (default) at {args.before}"))
    for _, call in calls:
        call()
    rows = compare(calls)
    print_table("One logger.info call (formatting, no I/O)", rows, "python-json-logger JsonFormatter")


if __name__ == "__main__":
    main()
