"""Shared fixtures: hermetic logging state, identity variables, and schema validation of every line."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import jsonschema
import orjson
import pytest

import hipaalog
from hipaalog import _diagnostics
from hipaalog._encoder import add_tap, remove_tap
from hipaalog._schema import json_schema

from ._seaweed import seaweed  # noqa: F401 - registers the session-wide S3 server fixture

_VALIDATOR = jsonschema.Draft202012Validator(json_schema())


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """Every test starts and ends with the same root logger handlers, levels and filters."""
    root = logging.getLogger()
    handlers, level, filters = list(root.handlers), root.level, list(root.filters)
    factory = logging.getLogRecordFactory()
    manager_loggers = dict(logging.Logger.manager.loggerDict)
    disabled = {n: lg.disabled for n, lg in manager_loggers.items() if isinstance(lg, logging.Logger)}
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            try:
                handler.close()
            except Exception:
                pass
    root.handlers[:] = handlers
    root.filters[:] = filters
    root.setLevel(level)
    logging.setLogRecordFactory(factory)
    logging.captureWarnings(False)
    for name in set(logging.Logger.manager.loggerDict) - set(manager_loggers):
        logger = logging.Logger.manager.loggerDict[name]
        if isinstance(logger, logging.Logger):
            logger.handlers.clear()
            logger.setLevel(logging.NOTSET)
            logger.propagate = True
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger):  # dictConfig's disable_existing_loggers must not outlive a test
            logger.disabled = disabled.get(name, False)
    hipaalog.context.clear()
    _diagnostics.reset()


@pytest.fixture
def identity_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The HIPAALOG_* identity variables set to test values."""
    values = {"HIPAALOG_APP_ID": "claims", "HIPAALOG_PLATFORM": "vm", "HIPAALOG_MICROSERVICE": "claims-api"}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


def validate_line(line: bytes | str) -> dict[str, Any]:
    """Parse one emitted line and check it against the hipaalog/1 JSON Schema."""
    record = orjson.loads(line)
    _VALIDATOR.validate(record)
    return record  # type: ignore[no-any-return]


@pytest.fixture(autouse=True)
def _validate_every_line() -> Iterator[list[bytes]]:
    """Every line any encoder emits during a test must be valid against the schema."""
    lines: list[bytes] = []
    add_tap(lines.append)
    yield lines
    remove_tap(lines.append)
    for line in lines:
        stripped = line.split(b"{", 1)
        candidate = b"{" + stripped[1] if len(stripped) == 2 else line  # tolerate a configured prefix
        validate_line(candidate)
