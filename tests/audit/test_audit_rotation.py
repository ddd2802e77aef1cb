"""Rotation: segments by size and age, gzip, on_rotate, seq across boundaries, restart, leftovers."""

from __future__ import annotations

import gzip
import os
import shutil
import time
from pathlib import Path

import orjson

from hipaalog import _diagnostics
from hipaalog.integrity import verify_files
from hipaalog.integrity._names import rotated_first_seq

from .conftest import KEYS, StreamFactory, write_sample


def read_any(path: Path) -> list[dict]:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return [orjson.loads(line) for line in data.splitlines()]


def segments(directory: Path) -> list[Path]:
    """Rotated segments, oldest first."""
    found = [p for p in directory.iterdir() if rotated_first_seq(p.name) is not None]
    return sorted(found, key=lambda p: rotated_first_seq(p.name) or 0)


def wait_for(condition, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return bool(condition())


def test_size_rotation_keeps_seq_across_compressed_segments(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Rotated by size, gzip-compressed, each segment named after its first seq; seq runs on unbroken."""
    rotated: list[str] = []
    stream = make_stream(max_bytes=4096, on_rotate=[rotated.append])
    write_sample(stream, 60)
    assert stream.drain(10)
    stream.close()
    parts = segments(tmp_path)
    assert len(parts) >= 4 and all(p.name.endswith(".jsonl.gz") for p in parts)
    assert [str(p) for p in parts] == rotated
    seqs: list[int] = []
    for part in [*parts, tmp_path / "audit.jsonl"]:
        part_records = read_any(part)
        if part in parts:
            assert part_records[0]["seq"] == rotated_first_seq(part.name)
            assert part.stat().st_size < 4096
        seqs += [r["seq"] for r in part_records]
    assert seqs == list(range(1, 61))
    assert not list(tmp_path.glob("audit.*.jsonl"))  # plain rotated files were replaced by .gz
    result = verify_files([*reversed(parts), tmp_path / "audit.jsonl"], keys=KEYS)
    assert result.ok, [str(p) for p in result.problems]
    assert result.records == 60 and len(result.streams) == 1


def test_a_deleted_segment_is_located(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Removing a whole rotated segment is reported as deleted at the first line of the next one."""
    stream = make_stream(max_bytes=4096)
    write_sample(stream, 60)
    stream.drain(10)
    stream.close()
    parts = segments(tmp_path)
    victim, after = parts[1], parts[2]
    first, last = rotated_first_seq(victim.name), (rotated_first_seq(after.name) or 0) - 1
    victim.unlink()
    result = verify_files([tmp_path], keys=KEYS)
    assert [(p.kind, p.file, p.line, p.seq) for p in result.problems] == [("deleted", str(after), 1, first)]
    assert f"seq {first}-{last}" in result.problems[0].detail


def test_a_record_cut_from_the_end_of_a_segment_is_located(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Dropping the last record of a middle segment (at a rotation boundary) is reported where it was."""
    stream = make_stream(max_bytes=4096)
    write_sample(stream, 60)
    stream.drain(10)
    stream.close()
    parts = segments(tmp_path)
    lines = gzip.decompress(parts[1].read_bytes()).splitlines(keepends=True)
    missing = orjson.loads(lines[-1])["seq"]
    parts[1].write_bytes(gzip.compress(b"".join(lines[:-1])))
    result = verify_files([tmp_path], keys=KEYS)
    assert [(p.kind, p.file, p.line, p.seq) for p in result.problems] == [("deleted", str(parts[2]), 1, missing)]


def test_age_rotation_happens_when_idle(make_stream: StreamFactory, tmp_path: Path) -> None:
    """A segment older than max_age is rotated by the timer, without waiting for another record."""
    stream = make_stream(max_age=0.3, checkpoint_interval=0.1)
    write_sample(stream, 3)
    assert wait_for(lambda: len(segments(tmp_path)) == 1 and segments(tmp_path)[0].name.endswith(".gz"))
    write_sample(stream, 2, start=3)
    stream.close()
    assert [r["seq"] for r in read_any(tmp_path / "audit.jsonl")] == [4, 5]
    assert verify_files([tmp_path], keys=KEYS).ok


def test_restart_continues_the_chain(make_stream: StreamFactory, tmp_path: Path) -> None:
    """A stream opened again continues seq and chain from where it stopped, also right after a rotation."""
    first = make_stream()
    write_sample(first, 5)
    first.close()
    second = make_stream()
    assert second.seq == 5
    write_sample(second, 5, start=5)
    second.rotate()
    second.close()
    third = make_stream()
    assert third.seq == 10
    write_sample(third, 2, start=10)
    third.close()
    result = verify_files([tmp_path], keys=KEYS)
    assert result.ok and result.records == 12, [str(p) for p in result.problems]


def test_leftover_segments_are_finished_at_start(make_stream: StreamFactory, tmp_path: Path) -> None:
    """A rotated segment left uncompressed by a crash is compressed and handed to on_rotate at the next start."""
    stream = make_stream(compress=False)
    write_sample(stream, 4)
    plain = stream.rotate()
    stream.close()
    assert plain is not None and os.path.exists(plain)
    # a crash mid-compression leaves a hidden partial file: it is discarded, the plain segment kept
    (tmp_path / f".{os.path.basename(plain)}.gz.tmp").write_bytes(b"\x1f\x8bpartial")
    announced: list[str] = []
    again = make_stream(on_rotate=[announced.append])
    assert again.drain(10)
    again.close()
    assert announced == [plain + ".gz"]
    assert not os.path.exists(plain) and not list(tmp_path.glob(".*.tmp"))
    assert verify_files([tmp_path], keys=KEYS).ok


def test_a_failing_hook_is_counted_and_the_segment_kept(make_stream: StreamFactory, tmp_path: Path) -> None:
    """An on_rotate hook that raises does not stop the stream; the failure is counted; the segment stays."""

    def broken(path: str) -> None:
        raise OSError("archive down")

    stream = make_stream(on_rotate=[broken])
    write_sample(stream, 3)
    stream.rotate()
    assert stream.drain(10)
    write_sample(stream, 1, start=3)
    stream.close()
    assert _diagnostics.counts()["audit-rotate-hook-failed"] == 1
    assert len(segments(tmp_path)) == 1
    assert verify_files([tmp_path], keys=KEYS).ok


def test_segments_copied_elsewhere_verify_by_content(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Segments verify wherever they are copied, with the checkpoints named explicitly."""
    stream = make_stream(max_bytes=4096)
    write_sample(stream, 30)
    stream.drain(10)
    stream.close()
    elsewhere = tmp_path / "copy"
    elsewhere.mkdir()
    for part in segments(tmp_path):
        shutil.copy(part, elsewhere / part.name)
    shutil.copy(tmp_path / "audit.jsonl", elsewhere / "audit.jsonl")
    result = verify_files([elsewhere], keys=KEYS, checkpoints=[tmp_path / "audit.jsonl.checkpoints"])
    assert result.ok and result.records == 30


def test_partial_verification_of_later_segments(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Verifying only the newer segments fails as deleted, unless the run is declared partial."""
    stream = make_stream(max_bytes=4096)
    write_sample(stream, 40)
    stream.drain(10)
    stream.close()
    later = [*segments(tmp_path)[2:], tmp_path / "audit.jsonl"]
    strict = verify_files(later, keys=KEYS)
    assert [p.kind for p in strict.problems] == ["deleted"]
    assert strict.problems[0].seq == 1
    assert verify_files(later, keys=KEYS, partial=True).ok
