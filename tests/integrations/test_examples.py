"""The integration examples do what their docs say: request ids per request, timed steps, the fixture example passes."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

from hipaalog.testing import LogCapture

from ..conftest import validate_line

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ENV = {"HIPAALOG_APP_ID": "examples", "HIPAALOG_PLATFORM": "vm", "HIPAALOG_MICROSERVICE": "examples"}


def _run(name: str) -> list[dict[str, Any]]:
    """Run ``examples/<name>`` and return its stdout records, each validated against the schema."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIPAALOG_")} | ENV
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return [validate_line(line) for line in result.stdout.splitlines() if line.startswith("{")]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_django_example_binds_the_request_id_for_the_request_only() -> None:
    """The Django LOGGING example: records of the request carry its id, the others do not."""
    records = _run("django_settings.py")
    by_message = {r["message"]: r for r in records}
    assert by_message["appointments listed"]["request_id"] == "req-portal-1"
    assert by_message["Not Found: /appointments/next"]["status_code"] == 404
    assert by_message["Not Found: /appointments/next"]["request_id"] == "req-portal-1"
    assert "request_id" not in by_message["Invalid HTTP_HOST header: 'portal.invalid'."]
    assert {r["microservice"] for r in records} == {"patient-portal"}


def test_celery_example_logs_slow_and_failed_steps_with_configured_thresholds() -> None:
    """The Celery example: the slow step and the failing step are logged with thresholds from configure(timing=)."""
    records = _run("celery_task.py")
    slow = next(r for r in records if r.get("operation") == "claims.price")
    failed = next(r for r in records if r.get("operation") == "payer.submit")
    assert (slow["level"], slow["threshold_ms"]) == ("warning", 5)
    assert slow["duration_ms"] >= 10
    assert (failed["level"], failed["threshold_ms"], failed["error"]["type"]) == ("error", 2000, "ConnectionError")
    assert "cause" not in failed["error"]
    assert not any(r.get("operation") == "claims.fetch" for r in records)  # fast: nothing logged
    task_ids = {r["task_id"] for r in records if "task_id" in r}
    assert len(task_ids) == 1
    assert "task_id" not in records[-1]


def test_fixture_example_passes_and_reports_as_json() -> None:
    """The example test file passes under pytest and reports its outcome as one record."""
    (record,) = _run("test_with_fixture.py")
    assert record["message"] == "fixture example tests passed"
    assert record["pytest_exit_code"] == 0


def test_flask_middleware_binds_one_request_id_per_request(hipaalog_caplog: LogCapture) -> None:
    """Every record of a Flask request carries that request's id, also with requests served concurrently."""
    hipaalog_caplog.set_level("info")
    app = _load("flask_app").create_app()
    errors: list[BaseException] = []

    def serve(n: int) -> None:
        try:
            client = app.test_client()
            response = client.get(f"/claims/CLM-{n}", headers={"X-Request-ID": f"req-{n}"})
            assert response.headers["X-Request-ID"] == f"req-{n}"
            client.post(f"/claims/CLM-{n}/submit", headers={"X-Request-ID": f"sub-{n}"})
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=serve, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    app.test_client().get("/claims/CLM-9/remittance", headers={"X-Request-ID": "req-err"})
    records = hipaalog_caplog.records
    for n in range(4):
        looked_up = hipaalog_caplog.assert_logged(message="claim looked up", claim_id=f"CLM-{n}")
        assert looked_up["request_id"] == f"req-{n}"
        submitted = hipaalog_caplog.assert_logged(message="claim submitted to payer", request_id=f"sub-{n}")
        assert submitted["claim_id"] == f"CLM-{n}"  # bound inside the view, for that request only
    error = hipaalog_caplog.assert_logged(level="error", request_id="req-err")
    assert error["error"]["type"] == "LookupError"
    access = hipaalog_caplog.assert_logged(message="GET /claims/CLM-9/remittance 500", request_id="req-err")
    assert "claim_id" not in access
    assert len(records) == 4 * 4 + 2
