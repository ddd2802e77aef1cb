"""Loggers, adapters, handlers, classes, functions and modules passed as ``extra=`` fields are kept on the record as
they are, for the code that uses them (structlog's ``_logger``); when one's printed form names someone (a logger named
``patients.<email>``, a class made from data) another handler printing the field read it raw. Such a one becomes a
logger with the redacted name, or the redacted text; the others stay the very same object."""

from __future__ import annotations

import logging
import types

import pytest

from .canaries import DEFAULT
from .harness import Harness

EMAIL = DEFAULT.email.value
SSN = DEFAULT.ssn.value


def _logged(harness: Harness, value: object) -> object:
    """What a handler after hipaalog's finds under ``extra={"kept": value}``."""
    seen: list[logging.LogRecord] = []
    catch = logging.Handler()
    catch.emit = seen.append  # type: ignore[method-assign]
    logging.getLogger().addHandler(catch)
    try:
        harness.logger.info("kept %s", harness.tag, extra={"kept": value})
    finally:
        logging.getLogger().removeHandler(catch)
    return seen[0].__dict__["kept"]


@pytest.mark.parametrize(
    "make",
    [
        lambda: logging.getLogger(f"patients.{EMAIL}"),
        lambda: logging.LoggerAdapter(logging.getLogger(f"patients.{EMAIL}"), {}),
        lambda: type(f"Patient_ssn_{SSN.replace('-', '_')}", (), {}),
        lambda: types.ModuleType(f"exports.{EMAIL}"),
    ],
    ids=["logger", "adapter", "class", "module"],
)
def test_kept_objects_naming_someone_are_redacted(harness: Harness, make: object) -> None:
    value = _logged(harness, make())  # type: ignore[operator]
    assert harness.leaks(DEFAULT.all()) == []
    assert harness.delivered()
    if isinstance(value, logging.LoggerAdapter):
        value = value.logger
    if isinstance(value, logging.Logger):
        assert "REDACTED" in value.name and EMAIL not in value.name
        value.parent = logging.getLogger()  # still a logger that logs
        value.info("stand-in %s", harness.tag)


@pytest.mark.parametrize(
    "make",
    [
        lambda: logging.getLogger("structlog.app.payments"),
        lambda: logging.LoggerAdapter(logging.getLogger("claims"), {"service": "claims"}),
        logging.StreamHandler,
        lambda: dict,
        lambda: logging.getLogger,
        lambda: logging,
    ],
    ids=["logger", "adapter", "handler", "class", "function", "module"],
)
def test_kept_objects_naming_no_one_stay_themselves(harness: Harness, make: object) -> None:
    value = make()  # type: ignore[operator]
    assert _logged(harness, value) is value
