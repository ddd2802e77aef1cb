"""structlog's console output for people (``ConsoleRenderer``) and ``ExceptionPrettyPrinter`` print events and
tracebacks themselves, without hipaalog's renderer: once hipaalog is imported, what they print is redacted."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
import structlog

import hipaalog  # noqa: F401 - importing hipaalog is what puts the redaction in place

SSN = "536-22-8174"
NAME = "Odalys Prieto"


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    yield
    structlog.reset_defaults()


def _lookup(patient: str) -> None:
    raise LookupError(f"no chart for {patient} ssn {SSN}")  # the source line names no one


def _log_failure(processors: list[object], out: io.StringIO) -> None:
    structlog.configure(processors=processors, logger_factory=structlog.PrintLoggerFactory(out))
    log = structlog.get_logger()
    log.info("visit", patient=NAME, ssn=SSN)
    try:
        _lookup(NAME)
    except LookupError:
        log.exception("lookup failed")


@pytest.mark.parametrize("colors", [False, True])
def test_the_console_renderer_prints_redacted(colors: bool) -> None:
    out = io.StringIO()
    renderer = structlog.dev.ConsoleRenderer(colors=colors, exception_formatter=structlog.dev.plain_traceback)
    _log_failure([structlog.processors.add_log_level, renderer], out)
    text = out.getvalue()
    assert SSN not in text and "Prieto" not in text, text
    assert "lookup failed" in text and "LookupError" in text and "in _lookup" in text


def test_the_exception_pretty_printer_prints_redacted() -> None:
    out, printed = io.StringIO(), io.StringIO()
    printer = structlog.processors.ExceptionPrettyPrinter(file=printed)
    _log_failure([printer, structlog.processors.KeyValueRenderer(key_order=["event"])], out)
    assert SSN not in printed.getvalue() and "Prieto" not in printed.getvalue()
    assert "LookupError: no chart for [REDACTED:NAME] ssn [REDACTED:SSN]" in printed.getvalue()
