"""Django's runserver for real, with hipaalog's LOGGING: django.request and django.server records structured."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import PATIENT_SSN, Run, Server

pytest.importorskip("django")

REQUESTS = 5


def test_django_runserver_records_are_structured(start_server: Callable[..., Server], tmp_path: Path) -> None:
    """Numbered view records, access records for every request, 404 and 500 from django.request; all in the file."""
    log_file = tmp_path / "django.jsonl"
    server = start_server(
        [
            "-m",
            "django",
            "runserver",
            "--noreload",
            "--skip-checks",
            "127.0.0.1:{port}",
            "--settings",
            "tests.servers.apps.django_site",
        ],
        env={"PORTAL_LOG_FILE": str(log_file)},
    )
    for n in range(REQUESTS):
        assert server.get(f"/charts/c-{n}?n={n}&ssn={PATIENT_SSN}") == 200
    assert server.get("/missing?ssn=" + PATIENT_SSN) == 404
    assert server.get("/broken") == 500
    stopped = server.stop(signal.SIGTERM)
    assert stopped.returncode == -signal.SIGTERM  # runserver keeps SIGTERM's default: hipaalog flushed first
    run = Run(log_file.read_text(), stopped.stderr, stopped.returncode).check()
    assert run.numbered("chart shown") == list(range(REQUESTS))
    access = run.by_logger("django.server")
    assert [(r["http_method"], r["http_path"], r["http_status"]) for r in access] == [
        *(("GET", f"/charts/c-{n}", 200) for n in range(REQUESTS)),
        ("GET", "/missing", 404),
        ("GET", "/broken", 500),
    ]
    assert all(r["http_version"] == "HTTP/1.1" and "request" not in r and "server_time" not in r for r in access)
    requests = run.by_logger("django.request")
    assert [(r["level"], r["message"], r["http_status"]) for r in requests] == [
        ("warning", "Not Found: GET /missing 404", 404),
        ("error", "Internal Server Error: GET /broken 500", 500),
    ]
    assert requests[1]["error"]["type"] == "LookupError"
    assert requests[0]["http_query"].startswith("ssn=[REDACTED")
