"""Whole processes: SIGKILL with records spilled, durable mode, SIGTERM, interpreter exit, fork, multiprocessing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from ._ingest import Fault, Ingest
from .conftest import CHILD_PRELUDE, read_jsonl, run_child

FAST = "backoff_initial=0.01, backoff_max=0.05"


def test_records_spilled_before_sigkill_are_delivered_after_restart(
    ingest: Callable[[str], Ingest], tmp_path: Path
) -> None:
    """Killed with -9 while its sink was down: the next process on the spill_dir delivers every record, in order."""
    server = ingest("jsonl")
    server.mode = Fault("status", 503)
    spill = tmp_path / "spill"
    first = run_child(
        CHILD_PRELUDE
        + f"""
log, handler = make([{server.url!r}], spill_dir={str(spill)!r}, retry_attempts=0, {FAST})
for i in range(500):
    log.info("before the crash", extra={{"n": i}})
while handler.stats()["spilled"] < 500:
    time.sleep(0.01)
print("spilled", handler.stats()["backlog"], flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""
    )
    assert first.returncode == -signal.SIGKILL and "spilled 500" in first.stdout
    assert server.seqs() == []
    server.mode = None
    second = run_child(
        CHILD_PRELUDE
        + f"""
log, handler = make([{server.url!r}], spill_dir={str(spill)!r}, {FAST})
print("recovered", handler.stats()["recovered"])
log.info("after the restart", extra={{"n": 500}})
handler.close()
"""
    )
    assert second.returncode == 0, second.stderr
    assert "recovered 500" in second.stdout
    assert server.seqs() == list(range(501))


def test_durable_records_survive_sigkill_right_after_the_call(ingest: Callable[[str], Ingest], tmp_path: Path) -> None:
    """durable=True: a SIGKILL right after the last log call returns loses nothing."""
    server = ingest("jsonl")
    server.mode = Fault("status", 503)
    spill = tmp_path / "spill"
    first = run_child(
        CHILD_PRELUDE
        + f"""
log, handler = make([{server.url!r}], spill_dir={str(spill)!r}, durable=True, {FAST})
for i in range(200):
    log.info("durable", extra={{"n": i}})
os.kill(os.getpid(), signal.SIGKILL)
"""
    )
    assert first.returncode == -signal.SIGKILL
    server.mode = None
    second = run_child(
        CHILD_PRELUDE + f"log, handler = make([{server.url!r}], spill_dir={str(spill)!r}, {FAST})\nhandler.close()\n"
    )
    assert second.returncode == 0, second.stderr
    assert server.seqs() == list(range(200))


def test_sigterm_delivers_the_queue_then_terminates(ingest: Callable[[str], Ingest]) -> None:
    """SIGTERM with its default action: queued records reach the slow sink, then the process dies of SIGTERM."""
    server = ingest("jsonl")
    server.mode = Fault("slow", seconds=0.05)
    child = run_child(
        CHILD_PRELUDE
        + f"""
log, handler = make([{server.url!r}], batch_size=5)
for i in range(50):
    log.info("queued", extra={{"n": i}})
os.kill(os.getpid(), signal.SIGTERM)
time.sleep(30)
print("not reached")
"""
    )
    assert child.returncode == -signal.SIGTERM and "not reached" not in child.stdout
    assert server.seqs() == list(range(50))


def test_sigterm_flushes_then_calls_the_applications_handler(ingest: Callable[[str], Ingest]) -> None:
    """An application's own SIGTERM handler still runs, after the records were flushed."""
    server = ingest("jsonl")
    server.mode = Fault("slow", seconds=0.05)
    child = run_child(
        CHILD_PRELUDE
        + f"""
def on_term(signum, frame):
    print("app handler; still queued:", handler.stats()["queued"], flush=True)
    sys.exit(3)

signal.signal(signal.SIGTERM, on_term)
log, handler = make([{server.url!r}], batch_size=5)
for i in range(30):
    log.info("queued", extra={{"n": i}})
os.kill(os.getpid(), signal.SIGTERM)
time.sleep(30)
"""
    )
    assert child.returncode == 3, child.stderr
    assert "app handler; still queued: 0" in child.stdout
    assert server.seqs() == list(range(30))


def test_ignored_sigterm_flushes_and_the_process_goes_on(ingest: Callable[[str], Ingest]) -> None:
    """An application that ignores SIGTERM keeps running after one, and the queue was flushed when it arrived."""
    server = ingest("jsonl")
    server.mode = Fault("slow", seconds=0.05)
    child = run_child(
        CHILD_PRELUDE
        + f"""
signal.signal(signal.SIGTERM, signal.SIG_IGN)
log, handler = make([{server.url!r}], batch_size=5)
for i in range(30):
    log.info("queued", extra={{"n": i}})
os.kill(os.getpid(), signal.SIGTERM)
print("still running; queued:", handler.stats()["queued"], flush=True)
log.info("after the signal", extra={{"n": 30}})
handler.close()
"""
    )
    assert child.returncode == 0, child.stderr
    assert "still running; queued: 0" in child.stdout
    assert server.seqs() == list(range(31))


def test_interpreter_exit_delivers_the_queue(ingest: Callable[[str], Ingest]) -> None:
    """A script that ends without closing its handler still delivers every record (atexit)."""
    server = ingest("jsonl")
    server.mode = Fault("slow", seconds=0.05)
    child = run_child(
        CHILD_PRELUDE
        + f"""
log, handler = make([{server.url!r}], batch_size=5)
for i in range(40):
    log.info("queued", extra={{"n": i}})
"""
    )
    assert child.returncode == 0, child.stderr
    assert server.seqs() == list(range(40))


def test_children_forked_by_hand_deliver_before_os_exit(ingest: Callable[[str], Ingest]) -> None:
    """``os.fork()`` then ``os._exit()`` (no exit hook runs): each child's records still arrive, each once."""
    server = ingest("jsonl")
    server.mode = Fault("slow", seconds=0.02)  # the queue is still full when the child reaches os._exit
    child = run_child(
        CHILD_PRELUDE
        + f"""
log, handler = make([{server.url!r}], batch_size=5)
for k in range(3):
    pid = os.fork()
    if pid == 0:
        for i in range(20):
            log.info("numbered", extra={{"n": k * 100 + i}})
        os._exit(0)
    os.waitpid(pid, 0)
handler.close()
"""
    )
    assert child.returncode == 0, child.stderr
    assert sorted(server.seqs()) == sorted(k * 100 + i for k in range(3) for i in range(20))


def test_os_exit_of_the_main_process_delivers_the_queue(ingest: Callable[[str], Ingest]) -> None:
    """A process that ends with ``os._exit`` delivers what it queued first."""
    server = ingest("jsonl")
    server.mode = Fault("slow", seconds=0.05)
    child = run_child(
        CHILD_PRELUDE
        + f"""
log, handler = make([{server.url!r}], batch_size=5)
for i in range(30):
    log.info("queued", extra={{"n": i}})
os._exit(3)
"""
    )
    assert child.returncode == 3, child.stderr
    assert server.seqs() == list(range(30))


def test_os_exit_with_a_hanging_sink_waits_only_its_flush_timeout(ingest: Callable[[str], Ingest]) -> None:
    """A sink that never answers holds ``os._exit`` for ``flush_timeout`` at most, and the wait is reported."""
    server = ingest("jsonl")
    server.mode = Fault("hang")
    child = run_child(
        CHILD_PRELUDE
        + f"""
log, handler = make([{server.url!r}], flush_timeout=0.5)
log.info("stuck")
started = time.monotonic()
try:
    os._exit(4)
finally:
    print("not reached", time.monotonic() - started)
""",
        timeout=20,
    )
    assert child.returncode == 4, child.stderr
    assert "not reached" not in child.stdout
    assert "records still queued after 0.5s" in child.stderr


def test_fork_while_logging_gives_children_a_working_handler(ingest: Callable[[str], Ingest]) -> None:
    """Forks while 4 threads log: every child delivers its own records, nothing of the parent's twice, no deadlock."""
    server = ingest("jsonl")
    child = run_child(
        CHILD_PRELUDE
        + f"""
import warnings
warnings.simplefilter("ignore")  # Python 3.12+ warns about fork() in a threaded process
log, handler = make([{server.url!r}], batch_size=64)
stop = threading.Event()

def parent_work(t):
    i = 0
    while not stop.is_set():
        log.info("parent", extra={{"who": f"parent-{{t}}", "n": i}})
        i += 1
        time.sleep(0.0005)
    return i

counts = {{}}
threads = [threading.Thread(target=lambda t=t: counts.__setitem__(t, parent_work(t))) for t in range(4)]
for thread in threads:
    thread.start()
children = []
for k in range(5):
    time.sleep(0.05)
    pid = os.fork()
    if pid == 0:
        for i in range(100):
            log.info("child", extra={{"who": f"child-{{k}}", "n": i}})
        handler.close()
        os._exit(0 if handler.stats()["enqueued"] == 100 else 7)
    children.append(pid)
statuses = []
for pid in children:
    deadline = time.monotonic() + 30
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            statuses.append(os.waitstatus_to_exitcode(status))
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            statuses.append("hung")
            break
        time.sleep(0.01)
stop.set()
for thread in threads:
    thread.join()
handler.close()
print("statuses", statuses)
print("parent", sum(counts.values()), handler.stats()["delivered"], handler.stats()["dropped"])
""",
        timeout=90,
    )
    assert child.returncode == 0, child.stderr
    assert "statuses [0, 0, 0, 0, 0]" in child.stdout
    logged, delivered, dropped = (int(n) for n in child.stdout.split("parent ")[1].split()[:3])
    seen = Counter((doc["who"], doc["n"]) for doc in server.stored)
    assert max(seen.values()) == 1  # nothing delivered twice, by parent and child
    for k in range(5):
        assert sorted(seq for who, seq in seen if who == f"child-{k}") == list(range(100))
    assert sum(1 for who, _ in seen if who.startswith("parent")) == delivered
    assert delivered + dropped == logged and delivered > 0


CHILDREN_SCRIPT = """
import logging, multiprocessing, sys
from concurrent.futures import ProcessPoolExecutor
import hipaalog

N = 25
log = logging.getLogger("claims.worker")


def setup(path):
    hipaalog.configure(
        app_id="claims", platform="vm", microservice="claims-worker",
        sinks=[f"file://{path}"], handler_options={"stats_interval": 0},
    )


def work(k):
    for n in range(N):
        log.info("numbered", extra={"k": k, "n": n})
    return k


def spawned(path, k):
    setup(path)
    return work(k)


def main(kind, method, path):
    ctx = multiprocessing.get_context(method)
    setup(path)
    init = {} if method == "fork" else {"initializer": setup, "initargs": (path,)}
    if kind == "process":
        if method == "fork":
            children = [ctx.Process(target=work, args=(k,)) for k in range(2)]
        else:
            children = [ctx.Process(target=spawned, args=(path, k)) for k in range(2)]
        for child in children:
            child.start()
        for child in children:
            child.join()
        assert [child.exitcode for child in children] == [0, 0]
    elif kind == "pool":  # leaving the with block terminates the workers (SIGTERM)
        with ctx.Pool(2, **init) as pool:
            assert pool.map(work, range(4), chunksize=1) == list(range(4))
    elif kind == "pool-join":  # close and join: the workers leave through os._exit
        pool = ctx.Pool(2)
        pool.map(work, range(4), chunksize=1)
        pool.close()
        pool.join()
    else:
        with ProcessPoolExecutor(2, mp_context=ctx, **init) as ex:
            assert list(ex.map(work, range(4))) == list(range(4))


if __name__ == "__main__":
    main(*sys.argv[1:])
"""


@pytest.mark.parametrize(
    ("kind", "method", "children"),
    [
        ("process", "fork", 2),
        ("process", "spawn", 2),
        ("pool", "fork", 4),
        ("pool-join", "fork", 4),
        ("executor", "fork", 4),
        ("executor", "spawn", 4),
    ],
)
def test_multiprocessing_children_deliver_every_record(kind: str, method: str, children: int, tmp_path: Path) -> None:
    """Children forked or spawned by multiprocessing deliver every numbered record before their os._exit."""
    script, out = tmp_path / "children.py", tmp_path / "out.jsonl"
    script.write_text(CHILDREN_SCRIPT)
    result = subprocess.run(
        [sys.executable, str(script), kind, method, str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "hipaalog:" not in result.stderr  # no drop, timeout or close problem reported
    seen = Counter((doc["k"], doc["n"]) for doc in read_jsonl(out) if doc.get("message") == "numbered")
    assert max(seen.values()) == 1
    assert sorted(seen) == [(k, n) for k in range(children) for n in range(25)]


def test_child_exit_hooks_are_armed_once_and_survive_a_broken_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """One after-fork hook; one exit finalizer per child process; a library of another shape is skipped."""
    import multiprocessing.process
    import multiprocessing.util
    import types

    from hipaalog._delivery import _shutdown

    broken = types.SimpleNamespace(register_after_fork=None, Finalize=None)  # calling None raises TypeError
    monkeypatch.setitem(sys.modules, "billiard.util", broken)
    monkeypatch.setattr(_shutdown, "_hooked", set())
    monkeypatch.setattr(_shutdown, "_finalizer_pid", {})
    monkeypatch.setattr(multiprocessing.process, "_parent_process", object())  # as in a spawned child
    before = dict(multiprocessing.util._finalizer_registry)
    registered: list[object] = []
    monkeypatch.setattr(multiprocessing.util, "register_after_fork", lambda obj, func: registered.append(func))
    try:
        _shutdown._arm_child_exit()
        _shutdown._arm_child_exit()
        _shutdown._after_fork_in_child()
        added = {k: v for k, v in multiprocessing.util._finalizer_registry.items() if k not in before}
        assert len(registered) == 1 and "multiprocessing" in _shutdown._hooked and "billiard" not in _shutdown._hooked
        [finalizer] = added.values()
        assert finalizer._callback is _shutdown.flush_all and finalizer._key[0] == _shutdown._EXIT_PRIORITY
        monkeypatch.setattr(_shutdown, "_finalizer_pid", {})
        registered[0](_shutdown._TOKEN)  # what multiprocessing calls in a forked child
        assert len({k: v for k, v in multiprocessing.util._finalizer_registry.items() if k not in before}) == 2
    finally:
        for key in set(multiprocessing.util._finalizer_registry) - set(before):
            multiprocessing.util._finalizer_registry[key].cancel()
