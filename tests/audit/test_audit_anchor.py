"""Checkpoints anchored off the host: a second sink and the WORM bucket; a rolled-back or removed local
checkpoints file fails verification; locked versions are restored from under later versions and delete markers."""

from __future__ import annotations

import gzip
from pathlib import Path

from hipaalog.archive import S3Archive
from hipaalog.cli import main
from hipaalog.integrity import verify_files

from .conftest import AUDIT_KEY, KEYS, Seaweed, StreamFactory, write_sample


def _cut(path: Path, keep: int) -> None:
    """Keep the first ``keep`` lines of a file (a truncation, or a rolled-back checkpoints file)."""
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:keep]))


def test_a_second_sink_catches_a_cut_stream_with_rolled_back_checkpoints(
    make_stream: StreamFactory, tmp_path: Path
) -> None:
    """Cut the tail and roll the checkpoints back: clean without the anchor, two problems with it."""
    copy = tmp_path / "elsewhere" / "audit.jsonl.checkpoints.anchored"
    copy.parent.mkdir()
    stream = make_stream(checkpoint_every=10, anchors=[copy])
    write_sample(stream, 30)
    stream.close()
    active, local = tmp_path / "audit.jsonl", tmp_path / "audit.jsonl.checkpoints"
    assert copy.read_bytes() == local.read_bytes()
    assert verify_files([active], KEYS, anchors=[copy]).ok
    _cut(active, 18)
    _cut(local, 1)  # the checkpoint at 10 is left: it still matches
    assert verify_files([active], KEYS).ok  # the attack the anchor exists for
    result = verify_files([active], KEYS, anchors=[copy])
    assert sorted(p.kind for p in result.problems) == ["checkpoints-rolled-back", "truncated"]
    rolled = next(p for p in result.problems if p.kind == "checkpoints-rolled-back")
    assert "end at a count of 10 records, the anchored copy at 30" in rolled.detail
    assert main(["verify", str(active), "--key", f"k1={AUDIT_KEY}", "--anchor", str(copy)]) == 1


def test_a_removed_local_checkpoints_file_is_a_failure_when_an_anchor_exists(
    make_stream: StreamFactory, tmp_path: Path
) -> None:
    """Without the local checkpoints file, verification warns; with the anchored copy it fails."""
    copy = tmp_path / "copy.anchored"
    stream = make_stream(checkpoint_every=5, anchors=[str(copy)])
    write_sample(stream, 12)
    stream.close()
    (tmp_path / "audit.jsonl.checkpoints").unlink()
    alone = verify_files([tmp_path / "audit.jsonl"], KEYS)
    assert alone.ok and any("no checkpoints found" in w for w in alone.warnings)
    result = verify_files([tmp_path / "audit.jsonl"], KEYS, anchors=[copy])
    assert [p.kind for p in result.problems] == ["checkpoints-missing"]


def test_a_failing_anchor_is_counted_and_logging_goes_on(make_stream: StreamFactory, tmp_path: Path) -> None:
    """An anchor that raises costs nothing but a count; the local checkpoints are written."""
    seen: list[bytes] = []

    def broken(line: bytes, checkpoints: str) -> None:
        seen.append(line)
        raise OSError("the second volume is gone")

    stream = make_stream(checkpoint_every=4, anchors=[broken])
    write_sample(stream, 8)
    assert stream.stats()["anchor_failed"] == 2
    assert stream.stats()["checkpoints"] == 2
    assert len(seen) == 2


def test_checkpoints_locked_in_the_bucket_and_segments_restored_from_under_overwrites(
    seaweed: Seaweed, make_stream: StreamFactory, tmp_path: Path
) -> None:
    """Checkpoint lines are locked in the bucket as made; an overwrite and a delete marker hide two segments,
    yet download() restores the locked versions (and says so), and verify against the anchored copy holds."""
    bucket = seaweed.locked_bucket()
    client = seaweed.client()
    archive = S3Archive(bucket, client=client)
    stream = make_stream(on_rotate=[archive.submit], anchors=[archive.anchor], checkpoint_every=4)
    write_sample(stream, 8)
    stream.rotate()
    write_sample(stream, 8, start=8)
    stream.rotate()
    write_sample(stream, 3, start=16)
    assert stream.drain(30) and archive.drain(60)
    stream.close()
    archive.close()
    assert archive.stats()["anchored"] >= 5
    keys = sorted(o["Key"] for o in client.list_objects_v2(Bucket=bucket)["Contents"])
    segments = [k for k in keys if k.endswith(".jsonl.gz")]
    assert len(segments) == 2
    assert any(k.startswith("audit/audit.jsonl.checkpoints/") for k in keys)
    client.put_object(Bucket=bucket, Key=segments[0], Body=gzip.compress(b"{}\n"))  # a plain PUT over the key
    client.delete_object(Bucket=bucket, Key=segments[1])  # a DELETE without a version: a delete marker
    assert [o["Key"] for o in client.list_objects_v2(Bucket=bucket, Prefix="audit/audit.jsonl/").get("Contents", [])]
    restored = archive.download(tmp_path / "restored")
    assert [Path(p).name for p in restored] == [Path(k).name for k in segments]
    assert len(restored.covered) == 2
    assert "a later version covers it" in restored.covered[0]
    assert "a delete marker covers it" in restored.covered[1]
    anchored = archive.download_checkpoints(tmp_path / "anchored")
    active, local = tmp_path / "audit.jsonl", tmp_path / "audit.jsonl.checkpoints"
    result = verify_files([*restored, active], KEYS, anchors=anchored)
    assert result.ok and result.records == 19, [str(p) for p in result.problems]
    _cut(local, 2)
    _cut(active, 1)
    result = verify_files([*restored, active], KEYS, anchors=anchored)
    assert {p.kind for p in result.problems} == {"checkpoints-rolled-back", "truncated"}
