"""Verification recorded when a segment is sealed: trusted while its digest matches, re-verified when not."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import hipaalog.audit
from hipaalog.audit import AuditStream
from hipaalog.audit._sealed import columns_path, file_digest, load_record, record_path
from hipaalog.integrity import verify_files
from hipaalog.integrity._names import rotated_first_seq
from hipaalog.report import _build as build_module
from hipaalog.report import build_report
from hipaalog.report._duck import duckdb_available

from .._peers import require

AUDIT_KEY = "hex:" + "a1" * 32
KEYS = {"k1": AUDIT_KEY}


@pytest.fixture
def sealed(tmp_path: Path) -> Iterator[list[Path]]:
    """A stream of 400 events rotated into gzip segments (each with its recorded verification); the segments."""
    require("duckdb", duckdb_available(), "pip install 'hipaalog[report]'")
    stream = AuditStream(
        tmp_path / "audit.jsonl",
        key=AUDIT_KEY,
        pseudonym_key="hex:" + "5e" * 32,
        fsync=False,
        app_id="ehr",
        platform="vm",
        microservice="chart-api",
        max_bytes=16_384,
    )
    try:
        for i in range(400):
            if i % 5 == 0:
                stream.login(f"user{i % 7}", i % 3 != 0, f"10.0.0.{i % 5}", "password")
            else:
                stream.access(f"user{i % 7}", f"MRN-{1000 + i % 13}", "read", "Observation", "success")
        stream.rotate()
        assert stream.drain(30)
    finally:
        stream.close()
        hipaalog.audit.close()
    parts = sorted(tmp_path.glob("audit.*.jsonl.gz"), key=lambda p: rotated_first_seq(p.name) or 0)
    assert len(parts) >= 3
    return parts


def _no_full_verification(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("verified in full although every segment carries a matching record")

    monkeypatch.setattr(build_module, "verify_integrity", refuse)


def test_each_sealed_segment_records_its_verification_and_columns(sealed: list[Path]) -> None:
    keys = {"k1": bytes.fromhex("a1" * 32)}
    total = 0
    last = 0
    for part in sealed:
        record = load_record(str(part))
        assert record is not None and record.ok and record.problem is None
        assert record.authentic(keys)
        assert record.digest == file_digest(str(part))
        assert record.first_seq == last + 1 and record.last_seq is not None
        last = record.last_seq
        assert record.head and record.tail and record.verified_at > 0
        assert record.columns is not None and record.columns["rows"] == record.records
        assert Path(columns_path(str(part))).exists()
        assert oct(Path(record_path(str(part))).stat().st_mode & 0o777) == "0o600"
        total += record.records
    assert total == 400
    assert verify_files(sealed, keys=KEYS).ok  # the hidden files beside the segments are not segments


@pytest.mark.parametrize("engine", ["duckdb", "python"])
def test_a_report_trusts_matching_records(sealed: list[Path], monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    full = build_report(sealed, keys=KEYS, engine=engine, trust_recorded=False)
    assert full.integrity.status == "verified" and "trusted" not in full.integrity.note
    _no_full_verification(monkeypatch)
    if engine == "duckdb":  # the columns come from the sidecars, not from parsing the segments again
        from hipaalog.report import _columns

        monkeypatch.setattr(_columns, "parse_segment", lambda path: pytest.fail(f"parsed {path}"))
        monkeypatch.setattr(_columns, "segment_parquet", lambda path, *a, **k: pytest.fail(f"read {path}"))
    trusted = build_report(sealed, keys=KEYS, engine=engine)
    assert trusted.integrity.status == "verified"
    assert trusted.integrity.records == 400
    assert f"400 record(s) in {len(sealed)} sealed segment(s) trusted" in trusted.integrity.note
    assert trusted.engine == engine
    assert [f.to_json() for f in trusted.findings] == [f.to_json() for f in full.findings]
    assert trusted.records == full.records == 400


def test_a_segment_changed_after_recording_is_verified_in_full_and_named(sealed: list[Path]) -> None:
    """A record edited inside a sealed segment: the digest no longer matches, full verification finds the break."""
    victim = sealed[1]
    lines = gzip.decompress(victim.read_bytes()).split(b"\n")
    lines[2] = lines[2].replace(b'"outcome":"success"', b'"outcome":"failure"', 1)
    victim.write_bytes(gzip.compress(b"\n".join(lines), mtime=0))
    report = build_report(sealed, keys=KEYS)
    assert report.integrity.status == "broken"
    assert f"changed since their verification was recorded (digest differs or record not authentic: {victim.name}" in (
        report.integrity.note
    )
    assert report.findings[0].rule == "integrity"


def test_a_forged_record_is_not_trusted(sealed: list[Path]) -> None:
    """Rewriting the record to match a tampered segment does not help: its MAC needs the audit key."""
    victim = sealed[0]
    lines = gzip.decompress(victim.read_bytes()).split(b"\n")
    lines[1] = lines[1].replace(b"user", b"resu", 1)
    victim.write_bytes(gzip.compress(b"\n".join(lines), mtime=0))
    path = Path(record_path(str(victim)))
    data = json.loads(path.read_text())
    data["digest"] = file_digest(str(victim))
    path.write_text(json.dumps(data))
    report = build_report(sealed, keys=KEYS)
    assert report.integrity.status == "broken"
    assert victim.name in report.integrity.note


def test_a_missing_segment_breaks_the_links(sealed: list[Path]) -> None:
    os.unlink(sealed[1])
    report = build_report([sealed[0], *sealed[2:]], keys=KEYS)
    assert report.integrity.status == "broken"
    assert "trusted" not in report.integrity.note


def test_a_part_of_a_stream_needs_partial(sealed: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    assert build_report(sealed[1:], keys=KEYS).integrity.status == "broken"
    _no_full_verification(monkeypatch)
    assert build_report(sealed[1:], keys=KEYS, partial=True).integrity.status == "verified"


def test_a_swapped_sidecar_is_not_used(sealed: list[Path]) -> None:
    """Parquet columns that are not the ones recorded: the segment is parsed again (same findings)."""
    first, second = columns_path(str(sealed[0])), columns_path(str(sealed[1]))
    expected = build_report(sealed, keys=KEYS, engine="python")
    Path(first).write_bytes(Path(second).read_bytes())
    got = build_report(sealed, keys=KEYS, engine="duckdb")
    assert got.records == expected.records
    assert [f.to_json() for f in got.findings] == [f.to_json() for f in expected.findings]
