"""hipaalog from logging.config.dictConfig: formatter by "()" and "class", handler by "class"."""

from __future__ import annotations

import logging
import logging.config
import stat
from pathlib import Path
from typing import Any

import orjson
import pytest

from hipaalog import SinkHandler


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
