"""Crashes: a process killed between a write and its checkpoint, torn writes, idle checkpoints."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import orjson

from hipaalog import _diagnostics
from hipaalog.integrity import verify_files

from .conftest import AUDIT_KEY, IDENTITY, KEYS, PSEUDONYM_KEY, StreamFactory, write_sample

CHILD = textwrap.dedent(
    """
    import sys
    from hipaalog.audit import AuditStream

    stream = AuditStream(
        sys.argv[1], key={key!r}, pseudonym_key={pkey!r}, fsync=True,
        checkpoint_every=10, checkpoint_interval=3600, **{identity!r},
    )
    i = 0
    while True:
        i += 1
        if stream.access(f"user{{i % 5}}", f"MRN-{{i}}", "read", "Observation", "success"):
            print(stream.seq, flush=True)
    """
).format(key=AUDIT_KEY, pkey=PSEUDONYM_KEY, identity=IDENTITY)


def checkpoint_counts(path: Path) -> list[int]:
    if not path.exists():
        return []
    return [orjson.loads(line)["count"] for line in path.read_bytes().splitlines()]


def test_sigkill_between_writes_and_checkpoints_loses_nothing(make_stream: StreamFactory, tmp_path: Path) -> None:
    """A writer killed with SIGKILL leaves every acknowledged record verifiable; a restart continues the chain."""
    path = tmp_path / "audit.jsonl"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    acknowledged = 0
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + 60
        while acknowledged < 57 and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            acknowledged = int(line)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()
        child.stderr.close()
    assert acknowledged >= 57
    written = len(path.read_bytes().splitlines())
    assert written >= acknowledged  # every record acknowledged to the caller is on disk
    counts = checkpoint_counts(Path(str(path) + ".checkpoints"))
    assert counts and max(counts) <= written and max(counts) % 10 == 0
    result = verify_files([path], keys=KEYS)
    assert result.ok and result.records == written, [str(p) for p in result.problems]
    stream = make_stream(path)
    assert stream.seq == written
    write_sample(stream, 3)
    stream.close()
    result = verify_files([path], keys=KEYS)
    assert result.ok and result.records == written + 3


def test_a_torn_write_is_cut_at_the_next_start(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Half a record left by a crash shows as truncated; reopening cuts it, counts it, and carries on."""
    stream = make_stream()
    write_sample(stream, 6)
    stream.close()
    path = tmp_path / "audit.jsonl"
    lines = path.read_bytes().splitlines(keepends=True)
    torn = lines[-1].replace(b'"seq":6', b'"seq":7')[:70]
    with open(path, "ab") as fh:
        fh.write(torn)
    before = verify_files([path], keys=KEYS)
    assert [p.kind for p in before.problems] == ["truncated"] and before.problems[0].line == 7
    reopened = make_stream()
    assert _diagnostics.counts()["audit-torn-record"] == 1
    assert reopened.seq == 6
    write_sample(reopened, 2)
    reopened.close()
    after = verify_files([path], keys=KEYS)
    assert after.ok and after.records == 8


def test_idle_stream_gets_a_checkpoint_so_truncation_shows(make_stream: StreamFactory, tmp_path: Path) -> None:
    """After a quiet interval the timer checkpoints the head; cutting records afterwards is detected."""
    stream = make_stream(checkpoint_interval=0.2, checkpoint_every=1000)
    write_sample(stream, 4)
    checkpoints = Path(str(tmp_path / "audit.jsonl") + ".checkpoints")
    deadline = time.monotonic() + 10
    while 4 not in checkpoint_counts(checkpoints) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert checkpoint_counts(checkpoints) == [4]  # written by the timer: no further record, no close()
    path = tmp_path / "audit.jsonl"
    path.write_bytes(b"".join(path.read_bytes().splitlines(keepends=True)[:2]))
    result = verify_files([path], keys=KEYS)
    assert [(p.kind, p.seq) for p in result.problems] == [("truncated", 3)]
