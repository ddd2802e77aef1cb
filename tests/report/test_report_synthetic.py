"""The synthetic clinic: reproducible, shaped like real audit records, incidents laid over an unchanged baseline."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import orjson
import pytest

from hipaalog.audit import AuditStream
from hipaalog.cli import main
from hipaalog.exceptions import ConfigError
from hipaalog.synthetic import Clinic, write_stream
from hipaalog.synthetic._demo import run_audit_demo

from ..conftest import validate_line
from .conftest import AUDIT_KEY, Dataset


def _digest(clinic: Clinic) -> str:
    digest = hashlib.sha256()
    for record, _ in clinic.records():
        digest.update(orjson.dumps(record))
    return digest.hexdigest()


def test_same_seed_same_records_other_seed_other_records() -> None:
    """A seed reproduces every record byte for byte; another seed gives another clinic."""
    assert _digest(Clinic(users=30, days=14, seed=2)) == _digest(Clinic(users=30, days=14, seed=2))
    assert _digest(Clinic(users=30, days=14, seed=2)) != _digest(Clinic(users=30, days=14, seed=3))


def _lines(paths: list[str]) -> list[bytes]:
    import gzip

    out: list[bytes] = []
    for path in paths:
        data = Path(path).read_bytes()
        out.extend((gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).splitlines())
    return out


def _read(paths: list[str]) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in _lines(paths)]


def test_incidents_are_laid_over_the_unchanged_baseline(planted: Dataset, clean: Dataset) -> None:
    """Every record of the clean clinic is in the planted one; the planted one adds only a few hundred records."""

    def unsealed(paths: list[str]) -> set[bytes]:
        return {line[: line.rindex(b',"seq":')] for line in _lines(paths)}

    planted_records, clean_records = unsealed(planted.written.paths), unsealed(clean.written.paths)
    assert clean_records <= planted_records
    assert 0 < len(planted_records) - len(clean_records) < 500


def test_records_are_schema_valid_and_sealed(planted: Dataset) -> None:
    """Every 97th line of the written stream passes the hipaalog/1 JSON Schema, audit part included."""
    records = _read(planted.written.paths)
    assert [r["seq"] for r in records] == list(range(1, len(records) + 1))
    for record in records[::97]:
        validate_line(orjson.dumps(record))
    assert {r["audit"]["event"] for r in records} == {"access", "login", "logout", "change", "export"}


def _replay_into(stream: AuditStream, audit: dict[str, Any]) -> None:
    event = audit["event"]
    if event == "access":
        stream.access(
            audit["actor"],
            audit["patient"],
            audit["action"],
            audit["resource"],
            audit["outcome"],
            reason=audit.get("reason"),
            emergency=audit.get("emergency", False),
        )
    elif event == "login":
        stream.login(audit["actor"], audit["outcome"], audit["source"], audit["method"], reason=audit.get("reason"))
    elif event == "logout":
        stream.logout(audit["actor"], audit["source"], audit["method"])
    elif event == "change":
        stream.change(audit["actor"], audit["patient"], audit["resource"], audit["fields"], audit["outcome"])
    else:
        stream.export(audit["actor"], audit["patients"], audit["format"], audit["destination"], audit["outcome"])


def test_records_match_what_the_audit_stream_writes(planted: Dataset, tmp_path: Path) -> None:
    """For one record of each shape, hipaalog.audit writes the same fields, audit object, message and level."""
    samples: dict[tuple[str, str, bool, bool], dict[str, Any]] = {}
    for record, _ in Clinic(users=30, days=14, seed=4).records():
        audit = record["audit"]
        shape = (audit["event"], audit["outcome"], "reason" in audit, bool(audit.get("emergency")))
        samples.setdefault(shape, record)
    assert len(samples) >= 8
    stream = AuditStream(
        tmp_path / "audit.jsonl",
        key="hex:" + "ab" * 32,
        pseudonym_key="hex:" + "cd" * 32,
        app_id="clinic",
        platform="vm",
        microservice="ehr-api",
        fsync=False,
    )
    try:
        for record in samples.values():
            _replay_into(stream, record["audit"])
    finally:
        stream.close()
    written = [orjson.loads(line) for line in (tmp_path / "audit.jsonl").read_bytes().splitlines()]
    for synthetic, real in zip(samples.values(), written, strict=True):
        assert list(real)[:-3] == list(synthetic)  # same fields in the same order, then seq, key_id, chain
        for name in ("level", "severity", "message", "logger", "audit"):
            assert real[name] == synthetic[name], name


@pytest.mark.parametrize(("options", "message"), [({"users": 10}, "30 users"), ({"days": 7}, "14 days")])
def test_too_small_a_clinic_is_a_config_error(options: dict[str, int], message: str) -> None:
    """A clinic too small for peers, or too short for incidents, is refused with the reason."""
    with pytest.raises(ConfigError, match=message):
        Clinic(**options)  # type: ignore[arg-type]


def test_audit_demo_writes_a_stream_and_a_report_that_finds_every_incident(tmp_path: Path) -> None:
    """The demo writes sealed segments, the HTML and JSON report, and lists every planted incident as found."""
    out = io.StringIO()
    assert run_audit_demo(tmp_path / "demo", users=40, days=14, seed=2, out=out) == 0
    text = out.getvalue()
    assert text.count("[found]") == 10
    assert "MISSED" not in text
    assert "integrity: verified" in text
    assert (tmp_path / "demo" / "audit-report.html").stat().st_size > 10_000
    report = orjson.loads((tmp_path / "demo" / "audit-report.json").read_bytes())
    assert report["integrity"]["status"] == "verified"
    again = io.StringIO()
    assert run_audit_demo(tmp_path / "demo", users=40, days=14, seed=2, out=again) == 0  # reruns start afresh
    assert again.getvalue().count("[found]") == 10


def test_demo_flag_refuses_a_directory_it_did_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """hipaalog demo --audit DIR will not clear a DIR/audit that holds someone else's files."""
    (tmp_path / "audit").mkdir()
    (tmp_path / "audit" / "precious.jsonl").write_text("{}\n")
    assert main(["demo", "--audit", str(tmp_path)]) == 2
    assert "did not write" in capsys.readouterr().err
    assert (tmp_path / "audit" / "precious.jsonl").exists()


def test_write_stream_rotates_like_the_audit_stream(tmp_path: Path) -> None:
    """Rotated segments are named by their first seq, as hipaalog.audit names them, the active one last."""
    written = write_stream(
        Clinic(users=30, days=1, seed=1, incidents=False), tmp_path / "audit.jsonl", key=AUDIT_KEY, segment_records=500
    )
    names = [Path(p).name for p in written.paths]
    assert names[0] == "audit.000000000001.jsonl"
    assert names[1] == "audit.000000000501.jsonl"
    assert names[-1] == "audit.jsonl"
