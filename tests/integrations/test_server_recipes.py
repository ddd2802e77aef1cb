"""The server recipes' filters and dictionaries, in process (the real servers run in tests/servers)."""

from __future__ import annotations

import asyncio
import logging
import logging.config
import types
from pathlib import Path
from typing import Any

import orjson
import pytest

import hipaalog
from hipaalog.integrations import _http
from hipaalog.integrations.django import DjangoFields, logging_settings
from hipaalog.integrations.gunicorn import GunicornFields, logconfig_dict
from hipaalog.integrations.uvicorn import AccessTiming, UvicornFields, log_config

KEY = "hex:" + "ab" * 16


def record(name: str, msg: str, args: Any, **extra: Any) -> logging.LogRecord:
    made = logging.LogRecord(name, logging.INFO, __file__, 1, msg, args, None)
    made.__dict__.update(extra)
    return made


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/a", ("/a", None)),
        ("/a?", ("/a", "")),
        ("/a?x=1&y=&z", ("/a", "x=[REDACTED]&y=[REDACTED]&z=[REDACTED]")),
    ],
)
def test_split_target_masks_every_query_value(target: str, expected: tuple[str, str | None]) -> None:
    assert _http.split_target(target) == expected


@pytest.mark.parametrize("client", ["10.1.2.3:5123", "[2001:db8::7]:443", "10.1.2.3"])
def test_client_is_masked_or_a_stable_pseudonym_without_its_port(client: str) -> None:
    assert _http.ClientMask()(client) == "[REDACTED:IP]"
    token = _http.ClientMask(KEY)(client)
    assert token.startswith("IP:client:") and token == _http.ClientMask(KEY)(client.replace("5123", "6000"))
    assert "10.1.2.3" not in token


def test_uvicorn_access_record_becomes_fields_and_a_safe_message() -> None:
    access = record("uvicorn.access", '%s - "%s %s HTTP/%s" %d', ("10.1.2.3:5123", "GET", "/p/1?ssn=x", "1.1", 404))
    assert UvicornFields().filter(access)
    assert access.getMessage() == "GET /p/1 404"
    assert (access.http_path, access.http_query, access.http_status) == ("/p/1", "ssn=[REDACTED]", 404)
    assert access.http_client == "[REDACTED:IP]" and not hasattr(access, "duration_ms")
    other = record("uvicorn.error", "Started server process [%d]", (7,), color_message="\x1b[36m7\x1b[0m")
    assert (
        UvicornFields().filter(other) and "color_message" not in other.__dict__ and other.getMessage().endswith("[7]")
    )
    odd = record("uvicorn.access", "%s", ("only one",))
    assert UvicornFields().filter(odd) and odd.getMessage() == "only one"


def test_access_timing_measures_http_requests_only() -> None:
    seen: list[float | None] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(_started())

    from hipaalog.integrations import uvicorn as module

    def _started() -> float | None:
        return module._started.get()

    timed = AccessTiming(app)
    asyncio.run(timed({"type": "http"}, None, None))  # type: ignore[arg-type]
    asyncio.run(timed({"type": "lifespan"}, None, None))  # type: ignore[arg-type]
    assert seen[0] is not None and seen[1] is None and module._started.get() is None


def test_gunicorn_atoms_become_fields() -> None:
    atoms = {"h": "10.1.2.3", "m": "POST", "U": "/claims", "q": "id=7", "s": "201", "H": "HTTP/1.1", "D": "2500"}
    access = record("gunicorn.access", "%(h)s %(r)s", atoms)
    assert GunicornFields(KEY).filter(access)
    assert access.getMessage() == "POST /claims 201"
    assert (access.http_query, access.duration_ms, access.http_version) == ("id=[REDACTED]", 2.5, "HTTP/1.1")
    assert access.http_client.startswith("IP:client:")
    bare = record("gunicorn.access", "%(h)s", {"h": "-", "m": "GET", "U": "/", "s": "-", "D": "-"})
    assert GunicornFields().filter(bare) and bare.http_status == "-" and not hasattr(bare, "duration_ms")


def test_django_server_and_request_records_become_fields() -> None:
    server = record("django.server", '"%s" %s %s', ("GET /c/1?n=2 HTTP/1.1", "200", "2"), request=object())
    server.server_time = "now"
    assert DjangoFields().filter(server)
    assert server.getMessage() == "GET /c/1 200" and server.http_version == "HTTP/1.1"
    assert "request" not in server.__dict__ and "server_time" not in server.__dict__
    user = types.SimpleNamespace(is_authenticated=True, pk=42)
    request = types.SimpleNamespace(method="GET", path="/c/9", META={"QUERY_STRING": "q=1"}, user=user)
    failed = record("django.request", "%s: %s", ("Not Found", "/c/9"), request=request, status_code=404)
    assert DjangoFields(KEY).filter(failed)
    assert failed.getMessage() == "Not Found: GET /c/9 404" and failed.http_query == "q=[REDACTED]"
    assert failed.http_user.startswith("USER:user:")
    anonymous = types.SimpleNamespace(
        method="GET", path="/", META={}, user=types.SimpleNamespace(is_authenticated=False)
    )
    plain = record("django.request", "Gone", None, request=anonymous, status_code=410)
    assert DjangoFields().filter(plain) and plain.getMessage() == "GET / 410" and not hasattr(plain, "http_user")
    masked = record("django.request", "x", None, request=request, status_code=403)
    assert DjangoFields().filter(masked) and masked.http_user == "[REDACTED:USER]"
    short = record("django.server", "%s", ("x",))
    assert DjangoFields().filter(short) and short.getMessage() == "x"


@pytest.mark.parametrize("make", [log_config, logconfig_dict, logging_settings])
def test_dictionaries_apply_and_route_framework_loggers_to_hipaalog(make: Any, tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    config = make(
        sinks=[str(path)],
        handler_options={"stats_interval": 0},
        app_id="portal",
        platform="vm",
        microservice="api",
        **({"pseudonym_key": KEY} if make is logging_settings else {"client_pseudonym_key": KEY}),
    )
    assert config["disable_existing_loggers"] is False
    logging.config.dictConfig(config)
    for name in config["loggers"]:
        logging.getLogger(name).warning("from %s", name)
    [handler] = logging.getLogger().handlers
    handler.flush()
    lines = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    assert [r["logger"] for r in lines] == list(config["loggers"])


def test_uvicorn_log_config_without_handler_uses_configure(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    handler = hipaalog.configure(app_id="portal", platform="vm", microservice="api", sinks=[str(path)])
    config = log_config(handler=False)
    assert "root" not in config and "handlers" not in config
    logging.config.dictConfig(config)
    logging.getLogger("uvicorn.error").info("up", extra={"color_message": "\x1b[1mup"})
    handler.flush()
    lines = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    assert [r["message"] for r in lines if r["logger"] == "uvicorn.error"] == ["up"]
    assert "color_message" not in lines[-1]


def test_celery_install_configures_once_and_binds_the_task(tmp_path: Path) -> None:
    signals = pytest.importorskip("celery.signals")
    from hipaalog.integrations import celery as recipe

    path = tmp_path / "out.jsonl"
    recipe._configured_in = None
    recipe.install(app_id="claims", platform="vm", microservice="worker", sinks=[str(path)])
    signals.setup_logging.send(sender=None, loglevel=logging.INFO, logfile=None, format="", colorize=False)
    first = logging.getLogger().handlers[-1]
    signals.setup_logging.send(sender=None, loglevel=logging.INFO, logfile=None, format="", colorize=False)
    assert logging.getLogger().handlers[-1] is first  # once per worker
    task = type("Refill", (), {"name": "claims.refill"})()
    signals.task_prerun.send(sender=task, task_id="t-1", task=task, args=(), kwargs={})
    logging.getLogger("claims").info("inside")
    signals.task_postrun.send(sender=task, task_id="t-1", task=task, args=(), kwargs={}, retval=None, state="SUCCESS")
    logging.getLogger("claims").info("outside")
    signals.task_postrun.send(sender=task, task_id="t-unknown", task=task)
    signals.worker_process_shutdown.send(sender=None, pid=1, exitcode=0)  # flushes
    lines = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    inside, outside = (r for r in lines if r["logger"] == "claims")
    assert (inside["task_id"], inside["task_name"]) == ("t-1", "claims.refill") and "task_id" not in outside
    for name in ("setup_logging", "task_prerun", "task_postrun", "worker_process_shutdown"):
        getattr(signals, name).disconnect(dispatch_uid=f"hipaalog.{name.replace('worker_', '')}")
    recipe._configured_in = None
