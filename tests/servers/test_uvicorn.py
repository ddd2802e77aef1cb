"""uvicorn (FastAPI) for real: hipaalog's log_config, configure() with it, and configure() with uvicorn's defaults."""

from __future__ import annotations

import signal
from collections.abc import Callable
from urllib.parse import quote

import pytest

from .conftest import PATIENT_EMAIL, PATIENT_NAME, PATIENT_SSN, Server

pytest.importorskip("uvicorn")
pytest.importorskip("fastapi")

REQUESTS = 5


def serve(start_server: Callable[..., Server], mode: str, *, fail: bool = True) -> Server:
    server = start_server(["-m", "tests.servers.apps.asgi_app", "{port}", mode])
    for n in range(REQUESTS):
        path = f"/patients/p-{n}/visits?n={n}&name={quote(PATIENT_NAME)}&ssn={PATIENT_SSN}&email={PATIENT_EMAIL}"
        assert server.get(path) == 200
    if fail:
        assert server.get("/fail") == 500
    return server


@pytest.mark.parametrize("mode", ["log_config", "configure"])
def test_uvicorn_access_and_app_records_are_structured(start_server: Callable[..., Server], mode: str) -> None:
    """Every line is a record; access records carry method, path, masked query and client, status and duration."""
    run = serve(start_server, mode).stop().check()
    assert run.returncode in (0, -signal.SIGTERM), run.stderr[-2000:]  # uvicorn re-raises the signal it handled
    assert run.stderr.strip() == "" or mode == "configure", run.stderr[-2000:]
    assert run.numbered("visits listed") == list(range(REQUESTS))
    access = run.by_logger("uvicorn.access")
    assert [(r["http_method"], r["http_status"]) for r in access] == [("GET", 200)] * REQUESTS + [("GET", 500)]
    for n, record in enumerate(access[:REQUESTS]):
        assert record["message"] == f"GET /patients/p-{n}/visits 200"
        assert record["http_path"] == f"/patients/p-{n}/visits"
        assert record["http_query"].startswith("n=[REDACTED]&name=[REDACTED]&ssn=")
        assert record["http_client"] == "[REDACTED:IP]"
        assert 0 <= record["duration_ms"] < 10_000
    assert not any("color_message" in r for r in run.records)
    [failure] = [r for r in run.by_logger("uvicorn.error") if r["level"] == "error"]
    assert failure["error"]["type"] == "LookupError"
    assert any(r["message"] == "Application startup complete." for r in run.records)


def test_configure_then_uvicorn_defaults_keeps_the_app_records(start_server: Callable[..., Server]) -> None:
    """What a new user tries first: configure(), then uvicorn.run(app). Its dictConfig no longer silences the app."""
    run = serve(start_server, "default", fail=False).stop().check(plain="INFO: .*")  # uvicorn's own access lines
    assert run.returncode in (0, -signal.SIGTERM), run.stderr[-2000:]  # uvicorn re-raises the signal it handled
    assert run.numbered("visits listed") == list(range(REQUESTS))
    [told] = run.by_logger("hipaalog.config")
    assert "dictConfig() closed every handler" in told["message"]
    assert "record-after-close" not in run.stderr
