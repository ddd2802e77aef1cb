"""hipaalog.bind: request-scoped fields on every record, per asyncio task, carried into threads on request."""

from __future__ import annotations

import asyncio
import contextvars
import logging
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import hipaalog
from hipaalog import _diagnostics, context
from hipaalog.testing import LogCapture

log = logging.getLogger("claims.api")


@pytest.fixture(autouse=True)
def _info_level(hipaalog_caplog: LogCapture) -> None:
    hipaalog_caplog.set_level("info")


def test_bound_fields_appear_on_every_record(hipaalog_caplog: LogCapture) -> None:
    """After bind(), every record from the context carries the fields, beside its own extra fields."""
    hipaalog.bind(request_id="req-1", user_id="u-7")
    log.info("claim received", extra={"claim_id": "c-1"})
    log.warning("claim slow")
    for record in hipaalog_caplog.records:
        assert record["request_id"] == "req-1"
        assert record["user_id"] == "u-7"
    assert hipaalog_caplog.records[0]["claim_id"] == "c-1"


def test_with_block_restores_the_previous_fields(hipaalog_caplog: LogCapture) -> None:
    """``with bind(...)`` lasts for the block; nested blocks restore the outer values on exit."""
    with hipaalog.bind(request_id="outer"):
        with hipaalog.bind(request_id="inner", step="pricing"):
            log.info("inside")
        log.info("between")
    log.info("after")
    first, second, third = hipaalog_caplog.records
    assert (first["request_id"], first["step"]) == ("inner", "pricing")
    assert second["request_id"] == "outer"
    assert "step" not in second
    assert "request_id" not in third


def test_plain_bind_inside_a_with_block_is_undone_by_the_block(hipaalog_caplog: LogCapture) -> None:
    """A plain bind() made inside a ``with bind()`` block ends with the block (nothing leaks to the next request)."""
    with hipaalog.bind(request_id="r-1"):
        hipaalog.bind(user_id="u-1")
        assert context.bound() == {"request_id": "r-1", "user_id": "u-1"}
    assert context.bound() == {}


def test_schema_field_names_cannot_be_spoofed_by_binding(hipaalog_caplog: LogCapture) -> None:
    """Binding a schema field name keeps the value under extra_<name>; the real field is untouched."""
    hipaalog.bind(level="critical", appId="evil", request_id="r")
    log.info("hello")
    record = hipaalog_caplog.records[0]
    assert record["level"] == "info"
    assert record["appId"] != "evil"
    assert record["extra_level"] == "critical"
    assert record["extra_appId"] == "evil"
    context.unbind("level", "appId")
    assert context.bound() == {"request_id": "r"}


def test_unbind_and_clear() -> None:
    """unbind() removes the named fields, clear() removes all; bound() shows what is left."""
    hipaalog.bind(a=1, b=2, c=3)
    hipaalog.unbind("a", "missing")
    assert dict(context.bound()) == {"b": 2, "c": 3}
    context.clear()
    assert dict(context.bound()) == {}


def test_bound_mapping_is_read_only() -> None:
    """bound() cannot be used to change the context behind bind()'s back."""
    hipaalog.bind(a=1)
    with pytest.raises(TypeError):
        context.bound()["a"] = 2  # type: ignore[index]


def test_concurrent_asyncio_tasks_keep_their_own_fields(hipaalog_caplog: LogCapture) -> None:
    """Two interleaved tasks each see only their own request id; the parent never sees either."""

    async def handle(request_id: str, started: asyncio.Event, other_started: asyncio.Event) -> None:
        hipaalog.bind(request_id=request_id)
        started.set()
        await other_started.wait()  # both tasks have bound before either logs
        log.info("handling")
        await asyncio.sleep(0)
        log.info("done")

    async def main() -> None:
        hipaalog.bind(service_phase="serving")
        a, b = asyncio.Event(), asyncio.Event()
        await asyncio.gather(handle("req-a", a, b), handle("req-b", b, a))
        log.info("parent")

    asyncio.run(main())
    by_request: dict[str, list[str]] = {}
    for record in hipaalog_caplog.records:
        by_request.setdefault(record.get("request_id", "-"), []).append(record["message"])
        assert record["service_phase"] == "serving"
    assert by_request == {"req-a": ["handling", "done"], "req-b": ["handling", "done"], "-": ["parent"]}


def test_plain_threads_do_not_inherit_context(hipaalog_caplog: LogCapture) -> None:
    """A thread started without run_in_context does not see the caller's fields (documented behaviour)."""
    hipaalog.bind(request_id="r-1")
    worker = threading.Thread(target=lambda: log.info("in thread"))
    worker.start()
    worker.join()
    assert "request_id" not in hipaalog_caplog.records[0]


def test_run_in_context_carries_fields_into_a_thread_and_not_back(hipaalog_caplog: LogCapture) -> None:
    """run_in_context hands the caller's fields to a thread; what the thread binds stays there."""
    hipaalog.bind(request_id="r-1")

    def work() -> None:
        hipaalog.bind(worker="w-1")
        log.info("in thread")

    worker = threading.Thread(target=context.run_in_context(work))
    worker.start()
    worker.join()
    log.info("back in caller")
    in_thread, back = hipaalog_caplog.records
    assert (in_thread["request_id"], in_thread["worker"]) == ("r-1", "w-1")
    assert back["request_id"] == "r-1"
    assert "worker" not in back


def test_run_in_context_with_an_executor_gives_each_call_a_fresh_copy(hipaalog_caplog: LogCapture) -> None:
    """Through an executor, each call starts from the captured fields; one call's binds never reach another."""
    hipaalog.bind(request_id="batch-9")

    def work(n: int) -> int:
        before = dict(context.bound())
        hipaalog.bind(item=n)
        log.info("item")
        return len(before)

    wrapped = context.run_in_context(work)
    with ThreadPoolExecutor(max_workers=2) as pool:
        sizes = list(pool.map(wrapped, range(6)))
    assert sizes == [1] * 6
    assert sorted(r["item"] for r in hipaalog_caplog.records) == list(range(6))
    assert {r["request_id"] for r in hipaalog_caplog.records} == {"batch-9"}
    assert wrapped.__name__ == "work"


def test_asyncio_to_thread_copies_the_context(hipaalog_caplog: LogCapture) -> None:
    """asyncio.to_thread carries the task's fields into the worker thread by itself."""

    async def main() -> None:
        hipaalog.bind(request_id="r-async")
        await asyncio.to_thread(log.info, "from to_thread")

    asyncio.run(main())
    assert hipaalog_caplog.records[0]["request_id"] == "r-async"


def test_leaving_a_block_in_another_context_is_counted_not_raised() -> None:
    """A bind() block left in a different context restores the old fields there and counts a problem."""
    binding = hipaalog.bind(request_id="r-1")
    binding.__enter__()
    contextvars.copy_context().run(binding.__exit__, None, None, None)
    assert _diagnostics.counts().get("context-unbalanced") == 1


@pytest.mark.hipaalog_allow_violations
def test_bound_values_are_checked_against_declared_types(identity_env: dict[str, str]) -> None:
    """A bound value of the wrong declared type is moved to schema_violations like an extra field."""
    formatter = hipaalog.JsonFormatter(fields={"user_id": "integer"})
    record = logging.LogRecord("claims", logging.INFO, __file__, 1, "hello", None, None)
    with hipaalog.bind(user_id="not-a-number"):
        line = formatter.format(record)
    assert '"user_id"' not in line.replace('"field":"user_id"', "")
    assert '"schema_violations":[{"field":"user_id","expected":"integer","actual":"string"' in line


def test_bound_values_are_redacted_like_any_field(hipaalog_caplog: LogCapture) -> None:
    """PHI bound to the context is redacted on the record (key rule and text detectors alike)."""
    with hipaalog.bind(patient_ssn="219-09-9999", note="reach me at jane.roe@example.org", request_id="r-1"):
        log.info("eligibility checked")
    (record,) = hipaalog_caplog.records
    assert "219-09-9999" not in str(record)
    assert "jane.roe@example.org" not in str(record)
    assert record["request_id"] == "r-1"
    hipaalog_caplog.assert_no_phi()
