"""``extra=`` fields named like ``LogRecord`` attributes are kept as ``extra_<name>``; the log call never raises."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

import orjson
import pytest

import hipaalog
from hipaalog import JsonFormatter
from hipaalog._extra_names import _make_record
from hipaalog.sinks import StreamSink

SSN = "219-09-9999"


@pytest.fixture
def lines() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A logger writing through hipaalog's formatter into a string buffer."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(app_id="claims", platform="vm", microservice="claims-api"))
    logger = logging.getLogger("tests.extra_names")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)
    logger.propagate = True


def _records(stream: io.StringIO) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in stream.getvalue().splitlines()]


def test_makerecord_is_hipaalogs_after_import() -> None:
    assert logging.Logger.makeRecord is _make_record


def test_fields_named_like_record_attributes_are_kept_renamed(lines: tuple[logging.Logger, io.StringIO]) -> None:
    """``message``, ``asctime``, ``name``, ``args``, ``module`` raise KeyError in the standard library."""
    logger, stream = lines
    logger.info(
        "payload",
        extra={"message": "hello", "asctime": 3, "name": "queue-7", "args": [1], "module": "m", "extra_name": "mine"},
    )
    [record] = _records(stream)
    assert record["message"] == "payload" and record["logger"] == "tests.extra_names"
    assert (record["extra_message"], record["extra_asctime"], record["extra_args"], record["extra_module"]) == (
        "hello",
        3,
        [1],
        "m",
    )
    assert record["extra_name"] == "mine"  # the caller's own field keeps its name; the colliding one goes further
    assert record["extra_extra_name"] == "queue-7"


def test_an_extra_that_is_no_mapping_is_kept_whole(lines: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = lines
    logger.info("odd", extra=5)  # type: ignore[arg-type]
    logger.info("odd", extra=["a", "b"])  # type: ignore[arg-type]
    assert [r["extra"] for r in _records(stream)] == [5, ["a", "b"]]


def test_renamed_fields_are_redacted_like_any_other() -> None:
    stream = io.StringIO()
    handler = hipaalog.configure(app_id="claims", platform="vm", microservice="claims-api", sinks=[StreamSink(stream)])
    logging.getLogger("tests.extra_fields_phi").warning("x", extra={"message": f"ssn {SSN}", "msg": SSN})
    handler.flush()
    [record] = _records(stream)
    assert SSN not in stream.getvalue()
    assert record["extra_message"] == "ssn [REDACTED:SSN]"


def test_a_logger_class_with_its_own_makerecord_keeps_it() -> None:
    class Strict(logging.Logger):
        def makeRecord(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
            raise LookupError("mine")

    with pytest.raises(LookupError):
        Strict("strict").makeRecord("strict", logging.INFO, "f", 1, "m", None, None)
