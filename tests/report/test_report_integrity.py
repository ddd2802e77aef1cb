"""The report verifies the integrity chain first and says so, on the page and in the exit code, when it is broken."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from hipaalog.exceptions import ConfigError
from hipaalog.report import build_report, render_html
from hipaalog.synthetic import Clinic, WrittenStream, write_stream

from .conftest import AUDIT_KEY, KEYS


def _small_stream(directory: Path) -> WrittenStream:
    clinic = Clinic(users=30, days=2, seed=5, incidents=False)
    return write_stream(clinic, directory / "audit.jsonl", key=AUDIT_KEY, segment_records=1500, compress=False)


def _rewrite_line(path: Path, index: int, change: object) -> int:
    """Apply ``change`` (a function of the record, or None to delete) to line ``index``; returns its seq."""
    lines = path.read_bytes().splitlines(keepends=True)
    record = orjson.loads(lines[index])
    if change is None:
        del lines[index]
    else:
        lines[index] = change(lines[index])  # type: ignore[operator]
    path.write_bytes(b"".join(lines))
    return int(record["seq"])


def test_untouched_stream_is_verified_on_the_report(tmp_path: Path) -> None:
    """A sealed stream verifies: green banner, no integrity finding, every record counted."""
    written = _small_stream(tmp_path)
    report = build_report([tmp_path], keys=KEYS)
    assert report.integrity.status == "verified"
    assert report.integrity.records == written.records == report.records
    assert 'data-integrity="verified"' in render_html(report)


def test_modified_record_breaks_the_chain_and_is_located(tmp_path: Path) -> None:
    """Changing one actor's name in a sealed record is a critical finding naming that record's seq and line."""
    written = _small_stream(tmp_path)
    segment = Path(written.paths[1])
    seq = _rewrite_line(segment, 10, lambda line: line.replace(b'"actor":"', b'"actor":"x', 1))
    report = build_report([tmp_path], keys=KEYS)
    assert report.integrity.status == "broken"
    problem = report.integrity.problems[0]
    assert (problem.kind, Path(problem.file).name, problem.line, problem.seq) == ("modified", segment.name, 11, seq)
    first = report.findings[0]
    assert (first.rule, first.severity.label) == ("integrity", "critical")
    assert seq in first.seqs
    assert "integrity chain broken" in first.summary
    assert (first.start, first.end) == (report.start, report.end)  # the whole reviewed period
    page = render_html(report)
    assert 'data-integrity="broken"' in page
    assert "INTEGRITY CHAIN BROKEN" in page


def test_deleted_record_is_reported_as_deleted(tmp_path: Path) -> None:
    """Removing a record from the middle shows as a deletion of exactly that seq."""
    written = _small_stream(tmp_path)
    seq = _rewrite_line(Path(written.paths[0]), 100, None)
    report = build_report([tmp_path], keys=KEYS)
    assert report.integrity.status == "broken"
    assert [(p.kind, p.seq) for p in report.integrity.problems] == [("deleted", seq)]
    assert report.records == written.records - 1  # the analysis still runs over what is there


def test_wrong_key_is_reported_not_trusted(tmp_path: Path) -> None:
    """Verifying with another key does not pass the chain."""
    _small_stream(tmp_path)
    report = build_report([tmp_path], keys={"k1": b"another-key-of-32-bytes-length!!"})
    assert report.integrity.status == "broken"
    assert report.findings[0].rule == "integrity"


def test_no_keys_is_a_config_error_unless_verification_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without audit keys the report refuses to run; with verify=False it runs and says it did not verify."""
    _small_stream(tmp_path)
    for name in ("HIPAALOG_AUDIT_KEYS", "HIPAALOG_AUDIT_KEY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ConfigError, match="keys"):
        build_report([tmp_path])
    report = build_report([tmp_path], verify=False)
    assert report.integrity.status == "skipped"
    assert 'data-integrity="skipped"' in render_html(report)
    assert "NOT verified" in render_html(report)


def test_keys_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """HIPAALOG_AUDIT_KEYS is used when no keys are passed."""
    _small_stream(tmp_path)
    monkeypatch.setenv("HIPAALOG_AUDIT_KEYS", "k1=hex:" + AUDIT_KEY.hex())
    assert build_report([tmp_path]).integrity.status == "verified"


def test_partial_range_of_segments(tmp_path: Path) -> None:
    """Reporting on later segments only verifies with partial=True and flags the missing start without it."""
    written = _small_stream(tmp_path)
    later = written.paths[1:]
    assert build_report(later, keys=KEYS, partial=True).integrity.status == "verified"
    whole = build_report(later, keys=KEYS)
    assert [p.kind for p in whole.integrity.problems] == ["deleted"]


def test_a_report_written_beside_the_stream_is_not_read_as_a_segment(tmp_path: Path) -> None:
    """The HTML page saved into the stream's directory does not break the next report's verification."""
    _small_stream(tmp_path)
    (tmp_path / "audit-report.html").write_text(render_html(build_report([tmp_path], keys=KEYS)), encoding="utf-8")
    (tmp_path / "audit.jsonl.lock").write_bytes(b"")
    assert build_report([tmp_path], keys=KEYS).integrity.status == "verified"


def test_a_rolled_back_checkpoints_file_breaks_the_chain_against_its_anchor(tmp_path: Path) -> None:
    """Cut the stream's tail and roll its checkpoints back: verified alone, broken against the anchored copy."""
    stream_dir, elsewhere = tmp_path / "stream", tmp_path / "elsewhere"
    written = _small_stream(stream_dir)
    elsewhere.mkdir()
    checkpoints = Path(written.checkpoints)
    anchor = elsewhere / "audit.jsonl.checkpoints.anchored"
    anchor.write_bytes(checkpoints.read_bytes())
    active = Path(written.paths[-1])
    lines = active.read_bytes().splitlines(keepends=True)
    active.write_bytes(b"".join(lines[:-5]))
    checkpoints.write_bytes(b"".join(checkpoints.read_bytes().splitlines(keepends=True)[:1]))
    assert build_report([stream_dir], keys=KEYS).integrity.status == "verified"
    report = build_report([stream_dir], keys=KEYS, anchors=[anchor])
    assert report.integrity.status == "broken"
    assert {p.kind for p in report.integrity.problems} == {"checkpoints-rolled-back", "truncated"}
    assert report.findings[0].rule == "integrity"
