"""The Flask example under werkzeug's real server: every line a record, every request accounted for."""

from __future__ import annotations

import signal
from collections.abc import Callable

import pytest

from .conftest import Server

pytest.importorskip("flask")

REQUESTS = 4


def test_flask_example_under_a_real_werkzeug_server(start_server: Callable[..., Server]) -> None:
    """The example's views, access records and unhandled error, served over HTTP and delivered before SIGTERM's exit."""
    server = start_server(["examples/flask_app.py", "--serve", "{port}"])
    for n in range(REQUESTS):
        assert server.get(f"/claims/CLM-{n}") == 200
    assert server.get("/claims/CLM-9/submit", method="POST") == 202
    assert server.get("/claims/CLM-9/remittance") == 500
    run = server.stop(signal.SIGTERM)
    assert run.returncode == -signal.SIGTERM
    run.check()
    assert run.stderr == ""  # nothing went around hipaalog (hipaalog's own trouble would be told there too)
    assert sorted(r["claim_id"] for r in run.records if r["message"] == "claim looked up") == [
        f"CLM-{n}" for n in range(REQUESTS)
    ]
    access = run.by_logger("claims.access")
    assert [r["http_status"] for r in access] == [200] * REQUESTS + [202, 500]
    assert all(r["request_id"] for r in access)
    [error] = [r for r in run.records if r["level"] == "error"]
    assert error["error"]["type"] == "LookupError"
