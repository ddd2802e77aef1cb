"""Reading audit streams: plain and gzip, rotated segments in any order, several streams, an S3 prefix."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import orjson
import pytest

from hipaalog.integrity import Sealer
from hipaalog.report import ReportConfig, build_report
from hipaalog.synthetic import Clinic, write_stream

from .._seaweed import Seaweed
from .conftest import AUDIT_KEY, KEYS
from .test_report_rules import BASE, Stream


def _signature(report: Any) -> list[tuple[str, tuple[int, ...]]]:
    return sorted((f.rule, tuple(f.seqs)) for f in report.findings)


def test_rotated_gzip_segments_read_like_one_plain_file(tmp_path: Path) -> None:
    """The same clinic written as one plain file and as rotated gzip segments gives identical reports."""
    plain = write_stream(Clinic(users=40, days=15, seed=3), tmp_path / "plain" / "audit.jsonl", key=AUDIT_KEY)
    rotated = write_stream(
        Clinic(users=40, days=15, seed=3),
        tmp_path / "rotated" / "audit.jsonl",
        key=AUDIT_KEY,
        segment_records=4000,
        compress=True,
    )
    assert len(rotated.paths) > 3
    assert all(p.endswith(".gz") for p in rotated.paths[:-1])
    config = ReportConfig(**Clinic(users=40, days=15, seed=3).report_config())
    one = build_report(plain.paths, config=config, keys=KEYS)
    shuffled = list(rotated.paths)
    random.Random(4).shuffle(shuffled)  # the order on the command line does not matter
    many = build_report(shuffled, config=config, keys=KEYS)
    assert one.integrity.status == many.integrity.status == "verified"
    assert one.records == many.records == plain.records
    assert _signature(one) == _signature(many)
    assert one.findings  # incidents are planted, so there is something to compare


def _seal(path: Path, records: list[dict[str, Any]]) -> None:
    sealer = Sealer(AUDIT_KEY, "k1")
    with open(path, "wb") as fh:
        for record in records:
            record.pop("seq", None)
            fh.write(sealer.seal(orjson.dumps(record)).line + b"\n")


def test_several_streams_are_merged_in_time_order(tmp_path: Path) -> None:
    """Failures for one user spread over two services' streams add up to one burst citing both streams."""
    streams = {"portal": Stream(), "ehr": Stream()}
    for i in range(10):
        name = "portal" if i % 2 else "ehr"
        streams[name].login(BASE + 20 * i, "amy", "failure")
    for name, stream in streams.items():
        for record in stream.records:
            record["microservice"] = name
        (tmp_path / name).mkdir()
        _seal(tmp_path / name / "audit.jsonl", stream.records)
    report = build_report([tmp_path / "portal", tmp_path / "ehr"], keys=KEYS)
    assert report.integrity.status == "verified"
    assert report.streams == ["clinic/ehr", "clinic/portal"]
    (burst,) = [f for f in report.findings if f.rule == "failed-login-burst-user"]
    assert burst.evidence_total == 10
    assert burst.streams == ["clinic/ehr", "clinic/portal"]


def test_unreadable_lines_are_counted_not_fatal(tmp_path: Path) -> None:
    """A torn or foreign line is counted as unreadable; the records around it are analysed."""
    stream = Stream()
    for i in range(10):
        stream.login(BASE + 20 * i, "amy", "failure")
    path = tmp_path / "audit.jsonl"
    lines = [orjson.dumps(r) for r in stream.records]
    lines.insert(5, b'{"timestamp": "2024-03-04T15:01:00')
    lines.insert(7, b"not json at all")
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = build_report([path], verify=False)
    assert report.unreadable == 2
    assert report.records == 10
    assert [f.rule for f in report.findings] == ["failed-login-burst-user"]


def test_missing_input_is_a_config_error(tmp_path: Path) -> None:
    """A path that does not exist is named in a ConfigError."""
    from hipaalog.exceptions import ConfigError

    with pytest.raises(ConfigError, match="nowhere"):
        build_report([tmp_path / "nowhere"], verify=False)


@pytest.mark.peer("seaweedfs")
def test_s3_prefix_is_read_and_verified(tmp_path: Path, seaweed: Seaweed, monkeypatch: pytest.MonkeyPatch) -> None:
    """Segments archived under an S3 prefix (real SeaweedFS on loopback) verify and give the local report."""
    written = write_stream(
        Clinic(users=40, days=15, seed=3), tmp_path / "audit.jsonl", key=AUDIT_KEY, segment_records=5000, compress=True
    )
    client = seaweed.client()
    bucket = seaweed.locked_bucket()
    for path in written.paths:
        client.put_object(Bucket=bucket, Key=f"clinic/ehr-api/{Path(path).name}", Body=Path(path).read_bytes())
    client.put_object(Bucket=bucket, Key="clinic/other/unrelated.jsonl", Body=b"{}\n")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "hipaalog-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "hipaalog-test-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    config = ReportConfig(**Clinic(users=40, days=15, seed=3).report_config())
    remote = build_report([f"s3://{bucket}/clinic/ehr-api/"], config=config, keys=KEYS, s3_endpoint=seaweed.endpoint)
    local = build_report(written.paths, config=config, keys=KEYS)
    assert remote.integrity.status == "verified"
    assert remote.records == written.records
    assert _signature(remote) == _signature(local)


@pytest.mark.peer("seaweedfs")
def test_an_archived_stream_is_trusted_from_its_recorded_verification(
    tmp_path: Path, seaweed: Seaweed, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Segments archived by S3Archive (real SeaweedFS) carry their recorded verification and columns: a report over
    the prefix trusts them instead of re-verifying every record, and the duckdb engine reads the archived columns."""
    from hipaalog.archive import S3Archive
    from hipaalog.audit._sealed import record_segment
    from hipaalog.report import _columns
    from hipaalog.report._duck import duckdb_available

    written = write_stream(
        Clinic(users=40, days=15, seed=3), tmp_path / "audit.jsonl", key=AUDIT_KEY, segment_records=5000, compress=True
    )
    rotated = written.paths[:-1]
    bucket = seaweed.locked_bucket()
    archive = S3Archive(bucket, client=seaweed.client(), prefix="clinic/")
    for path in rotated:
        record_segment(path, "k1", KEYS)
        archive.upload(path)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "hipaalog-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "hipaalog-test-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    config = ReportConfig(**Clinic(users=40, days=15, seed=3).report_config())
    url = f"s3://{bucket}/clinic/audit.jsonl/"
    full = build_report([url], config=config, keys=KEYS, s3_endpoint=seaweed.endpoint, trust_recorded=False)
    monkeypatch.setattr("hipaalog.integrity.verify_files", lambda *a, **k: pytest.fail("verified every record"))
    engine = "duckdb" if duckdb_available() else "python"
    if engine == "duckdb":
        monkeypatch.setattr(_columns, "segment_parquet", lambda path, *a, **k: pytest.fail(f"read {path}"))
    trusted = build_report([url], config=config, keys=KEYS, s3_endpoint=seaweed.endpoint, engine=engine)
    assert trusted.integrity.status == "verified"
    assert f"in {len(rotated)} sealed segment(s) trusted" in trusted.integrity.note
    assert trusted.records == full.records == 5000 * len(rotated)
    assert _signature(trusted) == _signature(full)
