"""Key rotation: the chain runs on across a key change; old segments verify with the old key."""

from __future__ import annotations

from pathlib import Path

import orjson

from hipaalog.integrity import verify_files

from .conftest import AUDIT_KEY, StreamFactory, write_sample

NEW_KEY = "hex:" + "b2" * 32
BOTH = {"k1": AUDIT_KEY, "k2": NEW_KEY}


def key_ids(path: Path) -> list[str]:
    return [orjson.loads(line)["key_id"] for line in path.read_bytes().splitlines()]


def test_use_key_switches_keys_without_breaking_the_chain(make_stream: StreamFactory, tmp_path: Path) -> None:
    """After use_key the records carry the new key id, and the stream verifies with both keys."""
    stream = make_stream()
    write_sample(stream, 5)
    stream.use_key(NEW_KEY, "k2")
    assert stream.key_id == "k2"
    write_sample(stream, 5, start=5)
    stream.close()
    assert key_ids(tmp_path / "audit.jsonl") == ["k1"] * 5 + ["k2"] * 5
    result = verify_files([tmp_path], keys=BOTH)
    assert result.ok and result.records == 10


def test_a_missing_old_key_makes_only_old_records_unverifiable(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Without the retired key, its records are one unverifiable run; the newer records still verify."""
    stream = make_stream()
    write_sample(stream, 5)
    stream.use_key(NEW_KEY, "k2")
    write_sample(stream, 5, start=5)
    stream.close()
    result = verify_files([tmp_path / "audit.jsonl"], keys={"k2": NEW_KEY})
    record_problems = [p for p in result.problems if p.file.endswith("audit.jsonl")]
    assert [(p.kind, p.seq, p.line) for p in record_problems] == [("unverifiable", 1, 1)]
    assert "5 record(s), seq 1-5" in record_problems[0].detail and "'k1'" in record_problems[0].detail
    assert all(p.kind == "unverifiable" for p in result.problems)  # checkpoints MAC'd with k1, nothing else


def test_restart_with_a_new_key_continues_across_rotated_segments(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Reopening with a new key id continues the chain; old gzip segments verify with the old key."""
    old = make_stream(max_bytes=4096)
    write_sample(old, 30)
    old.drain(10)
    old.close()
    new = make_stream(max_bytes=4096, key=NEW_KEY, key_id="k2")
    assert new.seq == 30
    write_sample(new, 30, start=30)
    new.drain(10)
    new.close()
    result = verify_files([tmp_path], keys=BOTH)
    assert result.ok and result.records == 60, [str(p) for p in result.problems]
    assert len(list(tmp_path.glob("audit.*.jsonl.gz"))) >= 6
