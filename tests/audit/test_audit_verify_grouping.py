"""verify_files groups files by stream identity: same-named streams of two services stay apart, moved segments join."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

from hipaalog.integrity import StreamSummary, VerifyResult, verify_files
from hipaalog.integrity._names import rotated_first_seq

from .conftest import AUDIT_KEY, KEYS, StreamFactory, write_sample

N = 20
SERVICES = {"svcA": "chart-api", "svcB": "billing"}


def two_services(make_stream: StreamFactory, root: Path, n: int = N, **options: object) -> dict[str, Path]:
    """Two services' closed streams, both named audit.jsonl, in root/svcA and root/svcB."""
    paths: dict[str, Path] = {}
    for directory, service in SERVICES.items():
        (root / directory).mkdir()
        path = root / directory / "audit.jsonl"
        stream = make_stream(path, microservice=service, checkpoint_every=5, **options)
        write_sample(stream, n)
        assert stream.drain(10)
        stream.close()
        paths[directory] = path
    return paths


def archived(make_stream: StreamFactory, root: Path) -> tuple[dict[str, Path], list[Path]]:
    """Both services rotated by size; svcA's rotated segments moved to root/restore, as an archive download."""
    paths = two_services(make_stream, root, n=60, max_bytes=4096)
    (root / "restore").mkdir()
    moved = []
    for part in sorted(paths["svcA"].parent.iterdir()):
        if rotated_first_seq(part.name) is not None:
            moved.append(Path(shutil.move(part, root / "restore" / part.name)))
    assert len(moved) >= 3
    return paths, sorted(moved, key=lambda p: rotated_first_seq(p.name) or 0)


def lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def stream_named(result: VerifyResult, service: str) -> StreamSummary:
    (summary,) = [s for s in result.streams if s.stream.endswith(f"/{service})")]
    return summary


def test_same_named_streams_of_two_services_verify_apart(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Two services' audit.jsonl in two directories verify clean in one call, as two streams with own checkpoints."""
    paths = two_services(make_stream, tmp_path)
    result = verify_files([tmp_path / "svcA", tmp_path / "svcB"], keys=KEYS)
    assert result.ok, [str(p) for p in result.problems]
    assert result.records == 2 * N and not result.warnings
    assert sorted(s.stream for s in result.streams) == ["audit.jsonl (ehr/billing)", "audit.jsonl (ehr/chart-api)"]
    for directory, service in SERVICES.items():
        summary = stream_named(result, service)
        assert summary.files == [str(paths[directory])]
        assert (summary.first_seq, summary.last_seq, summary.records) == (1, N, N)
        assert summary.checkpoints >= 4


def test_cli_verifies_two_services_in_one_call(make_stream: StreamFactory, tmp_path: Path) -> None:
    """`hipaalog verify svcA/ svcB/` exits 0 and lists each service's stream."""
    two_services(make_stream, tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "hipaalog", "verify", "svcA", "svcB", "--key", f"k1={AUDIT_KEY}"],
        cwd=tmp_path,
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"audit.jsonl (ehr/chart-api): {N} record(s)" in done.stdout
    assert f"audit.jsonl (ehr/billing): {N} record(s)" in done.stdout


def test_moved_rotated_segments_verify_with_the_active_segment(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Rotated segments moved to another directory and the active segment left behind verify as one stream."""
    paths, moved = archived(make_stream, tmp_path)
    result = verify_files([tmp_path / "svcB", tmp_path / "restore", tmp_path / "svcA"], keys=KEYS)
    assert result.ok, [str(p) for p in result.problems]
    assert len(result.streams) == 2 and result.records == 120 and not result.warnings
    chart = stream_named(result, "chart-api")
    assert chart.files == [*map(str, moved), str(paths["svcA"])]
    assert (chart.first_seq, chart.last_seq) == (1, 60)
    assert chart.checkpoints > 0  # the checkpoints file beside the active segment joined
    alone = verify_files([tmp_path / "restore", paths["svcA"]], keys=KEYS)
    assert alone.ok and alone.records == 60 and [s.stream for s in alone.streams] == ["audit.jsonl"]


def test_modified_record_is_located_in_its_service(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Changing one record of svcB is one problem at svcB's line 5; svcA stays clean."""
    paths = two_services(make_stream, tmp_path)
    lines = lines_of(paths["svcB"])
    lines[4] = lines[4].replace(b'"outcome":"success"', b'"outcome":"failure"')
    paths["svcB"].write_bytes(b"".join(lines))
    result = verify_files([tmp_path / "svcA", tmp_path / "svcB"], keys=KEYS)
    assert [(p.kind, p.file, p.line, p.seq) for p in result.problems] == [("modified", str(paths["svcB"]), 5, 5)]


def test_record_copied_from_another_service_is_inserted(make_stream: StreamFactory, tmp_path: Path) -> None:
    """A genuine svcA record pasted into svcB's file (same key, same seq) is reported as inserted there."""
    paths = two_services(make_stream, tmp_path)
    lines = lines_of(paths["svcB"])
    lines.insert(7, lines_of(paths["svcA"])[6])
    paths["svcB"].write_bytes(b"".join(lines))
    result = verify_files([tmp_path / "svcA", tmp_path / "svcB"], keys=KEYS)
    assert [(p.kind, p.file, p.line, p.seq) for p in result.problems] == [("inserted", str(paths["svcB"]), 8, 7)]


def test_truncation_is_caught_by_the_services_own_checkpoints(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Cutting records off svcB is caught by svcB's checkpoints beside it, and svcA's do not misfire."""
    paths = two_services(make_stream, tmp_path)
    paths["svcB"].write_bytes(b"".join(lines_of(paths["svcB"])[:-3]))
    result = verify_files([tmp_path / "svcA", tmp_path / "svcB"], keys=KEYS)
    assert [(p.kind, p.file, p.seq) for p in result.problems] == [("truncated", str(paths["svcB"]), N - 2)]


def test_deleted_moved_segment_is_located(make_stream: StreamFactory, tmp_path: Path) -> None:
    """With segments moved away, deleting one of them is reported at the first record of the next one."""
    _, moved = archived(make_stream, tmp_path)
    victim, after = moved[1], moved[2]
    victim.unlink()
    result = verify_files([tmp_path / "restore", tmp_path / "svcA", tmp_path / "svcB"], keys=KEYS)
    assert [(p.kind, p.file, p.line, p.seq) for p in result.problems] == [
        ("deleted", str(after), 1, rotated_first_seq(victim.name))
    ]


def test_damaged_first_line_stays_in_its_stream(make_stream: StreamFactory, tmp_path: Path) -> None:
    """A moved segment whose first line is destroyed still joins its service's stream and is reported there."""
    _, moved = archived(make_stream, tmp_path)
    victim = moved[1]
    lines = gzip.decompress(victim.read_bytes()).splitlines(keepends=True)
    victim.write_bytes(gzip.compress(b"#### overwritten ####\n" + b"".join(lines[1:])))
    result = verify_files([tmp_path / "restore", tmp_path / "svcA", tmp_path / "svcB"], keys=KEYS)
    assert len(result.streams) == 2
    assert str(victim) in stream_named(result, "chart-api").files
    first = rotated_first_seq(victim.name)
    assert [(p.kind, p.file, p.line, p.seq) for p in result.problems] == [
        ("modified", str(victim), 1, None),
        ("deleted", str(victim), 2, first),
    ]


def test_checkpoints_kept_elsewhere_join_the_stream_of_their_service(
    make_stream: StreamFactory, tmp_path: Path
) -> None:
    """checkpoints= kept elsewhere joins svcB's stream alone; when either service could own it, a warning, unused."""
    paths = two_services(make_stream, tmp_path)
    (tmp_path / "vault").mkdir()
    kept = Path(shutil.move(f"{paths['svcB']}.checkpoints", tmp_path / "vault" / "audit.jsonl.checkpoints"))
    Path(f"{paths['svcA']}.checkpoints").unlink()
    alone = verify_files([paths["svcB"]], keys=KEYS, checkpoints=[kept])
    assert alone.ok and alone.checkpoints >= 4 and not alone.warnings
    both = verify_files([tmp_path / "svcA", tmp_path / "svcB"], keys=KEYS, checkpoints=[kept])
    assert both.ok and both.checkpoints == 0
    assert any(str(kept) in w and "ehr/billing, ehr/chart-api" in w for w in both.warnings), both.warnings
