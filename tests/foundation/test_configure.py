"""hipaalog.configure(): one call that sets up the root logger, failing loudly on bad values."""

from __future__ import annotations

import logging
import subprocess
import sys
import warnings
from pathlib import Path

import orjson
import pytest

import hipaalog
from hipaalog import ConfigError, SinkHandler

IDENTITY = {"app_id": "claims", "platform": "k8s", "microservice": "claims-api"}


def test_configure_installs_one_handler_on_root(tmp_path: Path) -> None:
    """configure() replaces root handlers with one SinkHandler and sets levels."""
    logging.getLogger().addHandler(logging.StreamHandler())
    path = tmp_path / "app.jsonl"
    handler = hipaalog.configure(**IDENTITY, level="debug", sinks=[str(path)], loggers={"noisy": "error"})
    root = logging.getLogger()
    assert root.handlers == [handler] and isinstance(handler, SinkHandler)
    assert root.level == logging.DEBUG and logging.getLogger("noisy").level == logging.ERROR
    logging.getLogger("claims").debug("visible")
    logging.getLogger("noisy").warning("hidden")
    handler.flush()
    assert [orjson.loads(line)["message"] for line in path.read_bytes().splitlines()] == ["visible"]


def test_configure_twice_closes_the_first_handler(tmp_path: Path) -> None:
    """A second configure() removes and closes the handler of the first."""
    first = hipaalog.configure(**IDENTITY, sinks=[str(tmp_path / "a.jsonl")])
    second = hipaalog.configure(**IDENTITY, sinks=[str(tmp_path / "b.jsonl")])
    assert logging.getLogger().handlers == [second]
    assert first not in logging.getLogger().handlers


def test_configure_reads_level_and_sinks_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """HIPAALOG_LEVEL and HIPAALOG_SINKS apply when the arguments are absent."""
    path = tmp_path / "env.jsonl"
    monkeypatch.setenv("HIPAALOG_LEVEL", "warning")
    monkeypatch.setenv("HIPAALOG_SINKS", f"file://{path}")
    handler = hipaalog.configure(**IDENTITY)
    logging.getLogger("x").info("dropped by level")
    logging.getLogger("x").warning("kept")
    handler.flush()
    assert [orjson.loads(line)["message"] for line in path.read_bytes().splitlines()] == ["kept"]


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"level": "loud"}, "unknown level 'loud'"),
        ({"loggers": {"x": "nope"}}, "loggers\\['x'\\]"),
        ({"sinks": ["gopher://x"]}, "unknown scheme 'gopher'"),
        ({"sinks": "stdout"}, "sinks must be a list"),
        ({"sinks": []}, "at least one sink"),
        ({"sinks": [42]}, "cannot use int as a sink"),
        ({"redaction": "yes"}, "redaction must be"),
    ],
)
def test_bad_configuration_fails_before_anything_changes(kwargs: dict[str, object], needle: str) -> None:
    """Each bad value is a ConfigError with a fix, and the root logger is left as it was."""
    before = list(logging.getLogger().handlers)
    with pytest.raises(ConfigError, match=needle):
        hipaalog.configure(**IDENTITY, **kwargs)  # type: ignore[arg-type]
    assert logging.getLogger().handlers == before


def test_warnings_are_captured_as_records(tmp_path: Path) -> None:
    """With capture_warnings (default), warnings.warn becomes a warning record of logger py.warnings."""
    path = tmp_path / "w.jsonl"
    handler = hipaalog.configure(**IDENTITY, sinks=[str(path)])
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("deprecated payer API", DeprecationWarning, stacklevel=1)
    handler.flush()
    record = orjson.loads(path.read_bytes().splitlines()[0])
    assert (record["logger"], record["level"]) == ("py.warnings", "warning")
    assert "deprecated payer API" in record["message"]


def test_bound_context_appears_on_records(tmp_path: Path) -> None:
    """Fields bound with hipaalog.bind appear on every record in the block, and only there."""
    path = tmp_path / "ctx.jsonl"
    handler = hipaalog.configure(**IDENTITY, sinks=[str(path)])
    log = logging.getLogger("ctx")
    with hipaalog.bind(request_id="r-1"):
        log.info("inside")
    log.info("outside")
    handler.flush()
    inside, outside = (orjson.loads(line) for line in path.read_bytes().splitlines())
    assert inside["request_id"] == "r-1" and "request_id" not in outside


def test_import_loads_nothing_heavy_until_configure() -> None:
    """`import hipaalog` leaves sinks, redaction, the formatter and the handler unloaded; configure() loads them."""
    code = (
        "import sys, hipaalog\n"
        "heavy = ['hipaalog.sinks', 'hipaalog.redaction', 'hipaalog._formatter', 'hipaalog._handler', 'orjson']\n"
        "assert not [m for m in heavy if m in sys.modules], [m for m in heavy if m in sys.modules]\n"
        "hipaalog.configure(app_id='a', platform='vm', microservice='m', sinks=['stderr'])\n"
        "assert all(m in sys.modules for m in heavy)\n"
        "assert hipaalog.SinkHandler.__module__ == 'hipaalog._handler' and callable(hipaalog.bind)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
