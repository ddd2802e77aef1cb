"""structlog's own traceback processors in the chain anyway (``dict_tracebacks``, ``ExceptionRenderer`` with
locals, ``format_exc_info``): no frame's locals and no raw exception value reach the line, native or stdlib."""

from __future__ import annotations

import builtins
import io
import logging
from collections.abc import Callable, Iterator
from typing import Any

import orjson
import pytest
import structlog

from hipaalog.structlog import JsonRenderer, ProcessorFormatter

IDENTITY = {"app_id": "claims", "platform": "k8s", "microservice": "claims-api"}
SSN = "536-22-8174"
NAME = "Odalys Prieto"
BARE = "471228174"  # nine digits with no cue: only a variable's name says what it is


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    yield
    structlog.reset_defaults()


def _locals_renderer() -> Any:
    return structlog.processors.ExceptionRenderer(structlog.tracebacks.ExceptionDictTransformer(show_locals=True))


CHAINS: dict[str, Callable[[], list[Any]]] = {
    "dict_tracebacks": lambda: [structlog.processors.dict_tracebacks],
    "show_locals": lambda: [_locals_renderer()],
    "format_exc_info": lambda: [structlog.processors.format_exc_info],
}


def _fail(patient_ssn: str) -> None:
    chart = {"holder": NAME, "ref": BARE}
    holder = NAME
    raise ValueError(f"lookup failed for {patient_ssn} ({len(chart)} fields, {len(holder)})")


def _group() -> None:
    errors = []
    for member in (SSN,):
        try:
            _fail(member)
        except ValueError as exc:
            errors.append(exc)
    group = getattr(builtins, "ExceptionGroup", None)
    if group is None:
        pytest.skip("exception groups need Python 3.11")
    raise group("batch failed", errors)


def _check(text: str) -> dict[str, Any]:
    assert SSN not in text and NAME not in text and BARE not in text, text
    assert '"locals"' not in text
    (line,) = text.splitlines()
    return dict(orjson.loads(line))


@pytest.mark.parametrize("chain", sorted(CHAINS))
@pytest.mark.parametrize("raiser", [lambda: _fail(SSN), _group], ids=["plain", "group"])
def test_native_chain(chain: str, raiser: Callable[[], None]) -> None:
    out = io.BytesIO()
    logger = structlog.wrap_logger(structlog.BytesLogger(out), processors=[*CHAINS[chain](), JsonRenderer(**IDENTITY)])
    try:
        raiser()
    except Exception:
        logger.exception("claim failed")
    record = _check(out.getvalue().decode())
    if chain != "format_exc_info":
        frames = [frame for trace in record["exception"] for frame in trace["frames"]]
        assert frames and all(set(frame) == {"filename", "lineno", "name"} for frame in frames)


@pytest.mark.parametrize("chain", sorted(CHAINS))
def test_stdlib_chain_structlog_events_and_plain_records(chain: str) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(ProcessorFormatter(**IDENTITY, processors=CHAINS[chain](), foreign_pre_chain=CHAINS[chain]()))
    logger = logging.getLogger("test.structlog.tracebacks")
    logger.addHandler(handler)
    logger.propagate = False
    structlog.configure(
        processors=[structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    try:
        for log in (structlog.get_logger("test.structlog.tracebacks"), logger):
            stream.seek(0)
            stream.truncate()
            try:
                _fail(SSN)
            except ValueError:
                log.exception("claim failed")
            _check(stream.getvalue())
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
