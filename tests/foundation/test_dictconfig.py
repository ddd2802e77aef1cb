"""hipaalog from logging.config.dictConfig: formatter by "()" and "class", handler by "class"."""

from __future__ import annotations

import logging
import logging.config
import stat
from pathlib import Path
from typing import Any

import orjson
import pytest

import hipaalog
from hipaalog import SinkHandler, _diagnostics


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def configure_file_logging(path: Path, formatter: dict[str, Any]) -> logging.Handler:
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"json": formatter},
            "handlers": {"app": {"class": "hipaalog.SinkHandler", "formatter": "json", "sinks": [f"file://{path}"]}},
            "root": {"level": "INFO", "handlers": ["app"]},
        }
    )
    return logging.getLogger().handlers[0]


def test_factory_formatter_with_options_and_ext_values(tmp_path: Path) -> None:
    """ "()": "hipaalog.JsonFormatter" takes identity, fields and ext:// values."""
    path = tmp_path / "app.jsonl"
    handler = configure_file_logging(
        path,
        {
            "()": "hipaalog.JsonFormatter",
            "app_id": "claims",
            "platform": "k8s",
            "microservice": "claims-api",
            "fields": {"amount": "number"},
            "static_fields": {"region": "us-east-1"},
            "json_default": "ext://builtins.str",
        },
    )
    assert isinstance(handler, SinkHandler)
    logging.getLogger("claims").info("accepted", extra={"amount": 5})
    handler.flush()
    [record] = read_lines(path)
    assert (record["appId"], record["amount"], record["region"]) == ("claims", 5, "us-east-1")


def test_class_formatter_reads_identity_from_environment(tmp_path: Path, identity_env: dict[str, str]) -> None:
    """ "class": "hipaalog.JsonFormatter" works with identity from HIPAALOG_* variables."""
    path = tmp_path / "app.jsonl"
    handler = configure_file_logging(path, {"class": "hipaalog.JsonFormatter"})
    logging.getLogger("claims").warning("slow payer")
    handler.flush()
    [record] = read_lines(path)
    assert (record["level"], record["microservice"]) == ("warning", "claims-api")


def test_sink_handler_creates_files_owner_only(tmp_path: Path, identity_env: dict[str, str]) -> None:
    """The file sink creates its file with mode 0600 and its directory on demand."""
    path = tmp_path / "nested" / "app.jsonl"
    handler = configure_file_logging(path, {"class": "hipaalog.JsonFormatter"})
    logging.getLogger("x").info("one")
    handler.flush()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_sinks_as_mappings_resolve_cfg_values(tmp_path: Path, identity_env: dict[str, str]) -> None:
    """A sink given as a mapping may take cfg:// values from elsewhere in the config."""
    path = tmp_path / "cfg.jsonl"
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "paths": {"app": str(path)},
            "formatters": {"json": {"()": "hipaalog.JsonFormatter"}},
            "handlers": {
                "app": {
                    "class": "hipaalog.SinkHandler",
                    "formatter": "json",
                    "sinks": [{"type": "file", "path": "cfg://paths.app"}],
                }
            },
            "root": {"level": "INFO", "handlers": ["app"]},
        }
    )
    logging.getLogger("cfg.test").info("via cfg")
    logging.getLogger().handlers[0].flush()
    assert read_lines(path)[0]["message"] == "via cfg"


def test_missing_identity_fails_dictconfig_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    """dictConfig reports the missing identity when it is applied, not at the first log call."""
    for name in ("HIPAALOG_APP_ID", "HIPAALOG_PLATFORM", "HIPAALOG_MICROSERVICE"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ValueError, match="formatter 'json'") as info:
        logging.config.dictConfig(
            {"version": 1, "formatters": {"json": {"()": "hipaalog.JsonFormatter"}}, "root": {"level": "INFO"}}
        )
    assert "HIPAALOG_APP_ID" in str(info.value.__cause__)


def test_unknown_sink_scheme_fails_dictconfig(identity_env: dict[str, str]) -> None:
    """A sink URL with an unknown scheme is a configuration error naming the known ones."""
    with pytest.raises(ValueError, match="handler 'app'") as info:
        logging.config.dictConfig(
            {"version": 1, "handlers": {"app": {"class": "hipaalog.SinkHandler", "sinks": ["carrier-pigeon://x"]}}}
        )
    assert "unknown scheme 'carrier-pigeon'" in str(info.value.__cause__)


UVICORN_LIKE = {  # names only its own loggers, as uvicorn's and many frameworks' dictionaries do
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"plain": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr"}},
    "loggers": {"server": {"handlers": ["plain"], "level": "INFO", "propagate": False}},
}


def test_dictconfig_after_configure_keeps_the_root_handler_working(tmp_path: Path) -> None:
    """A dictConfig that does not set 'root' leaves configure()'s handler open: no record is lost, and it says so."""
    path = tmp_path / "app.jsonl"
    handler = hipaalog.configure(app_id="claims", platform="vm", microservice="claims-api", sinks=[str(path)])
    log = logging.getLogger("claims.api")
    for n in range(50):
        log.info("before", extra={"n": n})
    logging.config.dictConfig(UVICORN_LIKE)
    for n in range(50, 100):
        log.info("after", extra={"n": n})
    handler.flush()
    records = read_lines(path)
    assert [r["n"] for r in records if "n" in r] == list(range(100))
    assert logging.getLogger().handlers == [handler]
    assert handler.stats()["dropped"] == 0
    [warning] = [r for r in records if r["logger"] == "hipaalog.config"]
    assert warning["level"] == "warning" and "dictConfig() closed every handler" in warning["message"]
    assert records.index(warning) == 50  # told before the first record that came after the dictConfig
    assert _diagnostics.counts()["handler-kept-open"] == 1


def test_dictconfig_that_sets_root_takes_over_after_a_flush(tmp_path: Path, identity_env: dict[str, str]) -> None:
    """A dictConfig with its own root handler: configure()'s records are all written first, then the new one logs."""
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    old = hipaalog.configure(sinks=[str(first)], handler_options={"flush_interval": 10})
    for n in range(30):
        logging.getLogger("claims").info("old", extra={"n": n})
    new = configure_file_logging(second, {"()": "hipaalog.JsonFormatter"})
    logging.getLogger("claims").info("new")
    new.flush()
    assert [r["n"] for r in read_lines(first) if "n" in r] == list(range(30))  # delivered at the dictConfig
    assert [r["message"] for r in read_lines(second)] == ["new"]
    assert old not in logging.getLogger().handlers and old.stats()["dropped"] == 0
    assert "handler-kept-open" not in _diagnostics.counts()  # replaced, not used any more: nothing to tell
    old.close()


def test_configure_after_dictconfig_flushes_and_closes_the_replaced_handler(
    tmp_path: Path, identity_env: dict[str, str]
) -> None:
    """configure() after dictConfig: the dictConfig handler's queue is delivered, it is closed, and that is told."""
    first, second = tmp_path / "dict.jsonl", tmp_path / "configure.jsonl"
    old = configure_file_logging(first, {"()": "hipaalog.JsonFormatter"})
    assert isinstance(old, SinkHandler)
    for n in range(30):
        logging.getLogger("claims").info("old", extra={"n": n})
    new = hipaalog.configure(sinks=[str(second)])
    assert [r["n"] for r in read_lines(first)] == list(range(30))
    assert old._closed and logging.getLogger().handlers == [new]
    assert _diagnostics.counts()["handlers-replaced"] == 1


def test_configure_keeps_a_replaced_handler_open_while_another_logger_uses_it(
    tmp_path: Path, identity_env: dict[str, str]
) -> None:
    """A handler that dictConfig also gave a named logger stays open for that logger after configure()."""
    shared = tmp_path / "shared.jsonl"
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"json": {"()": "hipaalog.JsonFormatter"}},
            "handlers": {"app": {"class": "hipaalog.SinkHandler", "formatter": "json", "sinks": [str(shared)]}},
            "loggers": {"server.access": {"handlers": ["app"], "propagate": False, "level": "INFO"}},
            "root": {"level": "INFO", "handlers": ["app"]},
        }
    )
    [old] = logging.getLogger().handlers
    new = hipaalog.configure(sinks=[str(tmp_path / "configure.jsonl")])
    logging.getLogger("server.access").info("still written")
    old.flush()
    assert [r["message"] for r in read_lines(shared)] == ["still written"]
    assert isinstance(old, SinkHandler) and not old._closed and new is not old
    old.close()
