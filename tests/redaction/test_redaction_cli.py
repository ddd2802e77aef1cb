"""``hipaalog scan`` and ``hipaalog redact`` on real files: plain, gzip, directories, stdin and stdout."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from hipaalog.cli import main

from ..conftest import validate_line

SECRETS = ("Jane Doe", "123-45-6789", "1985-03-12", "(415) 555-0132", "jane@example.org")
RECORD = {
    "timestamp": "2024-06-11T10:15:30.000000Z",
    "level": "info",
    "severity": 6,
    "message": "patient Jane Doe SSN 123-45-6789",
    "logger": "claims.api",
    "appId": "claims",
    "platform": "vm",
    "microservice": "claims-api",
    "patient": {"dob": "1985-03-12"},
}
CLEAN = {**RECORD, "message": "claim CLM-20240611-0042 submitted", "patient": {"count": 3}}


@pytest.fixture
def logs(tmp_path: Path) -> Path:
    """A directory with a JSON-lines log, a gzip'd copy, a text log and a clean log."""
    folder = tmp_path / "logs"
    (folder / "old").mkdir(parents=True)
    lines = [
        orjson.dumps(CLEAN),
        orjson.dumps(RECORD),
        b"GET /health 200",
        b"called back (415) 555-0132 for jane@example.org",
    ]
    (folder / "app.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    with gzip.open(folder / "old" / "app.jsonl.1.gz", "wb") as handle:
        handle.write(b"\n".join(lines) + b"\n")
    (folder / "clean.log").write_bytes(orjson.dumps(CLEAN) + b"\nGET /health 200\n")
    return folder


def test_scan_reports_places_and_counts_never_values(logs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """scan lists file, line, field and kind of every finding, with counts, exits 1, and prints no value."""
    code = main(["scan", str(logs)])
    out = capsys.readouterr().out
    assert code == 1
    app = str(logs / "app.jsonl")
    assert f"{app}:2: NAME in $.message chars 8-16" in out
    assert f"{app}:2: DOB in $.patient.dob" in out
    assert f"{app}:4: PHONE in text chars 12-26" in out
    assert "app.jsonl.1.gz:2: SSN in $.message" in out
    assert "scanned 3 file(s), 10 line(s): 10 PHI finding(s) on 4 line(s)" in out
    assert not any(secret in out for secret in SECRETS)


def test_scan_json_report(logs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one object with counts by kind and the places."""
    assert main(["scan", "--json", "--max-findings", "2", str(logs / "app.jsonl")]) == 1
    report = orjson.loads(capsys.readouterr().out)
    assert report["by_kind"] == {"NAME": 1, "SSN": 1, "DOB": 1, "PHONE": 1, "EMAIL": 1}
    assert report["lines"] == 4 and report["lines_with_phi"] == 2 and report["places_omitted"] == 3
    assert report["places"][0] == {
        "file": str(logs / "app.jsonl"),
        "line": 2,
        "kind": "NAME",
        "field": "$.message",
        "span": [8, 16],
    }


def test_scan_clean_files_exit_zero(logs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clean log exits 0: usable as a CI gate."""
    assert main(["scan", "--quiet", str(logs / "clean.log")]) == 0
    assert "0 PHI finding(s)" in capsys.readouterr().out


def test_scan_missing_path_and_bad_policy_exit_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing path or an invalid policy is a usage error (exit 2) with a message."""
    assert main(["scan", str(tmp_path / "nope.log")]) == 2
    policy = tmp_path / "policy.json"
    policy.write_text('{"strategie": "mask"}')
    assert main(["scan", "--policy", str(policy), str(tmp_path)]) == 2
    assert "unknown redaction option" in capsys.readouterr().err


def test_scan_allowlist(logs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--allow keeps a field out of the report."""
    main(["scan", "--allow", "dob", str(logs / "app.jsonl")])
    assert "DOB" not in capsys.readouterr().out


def test_redact_rewrites_a_file_that_then_scans_clean(logs: Path, tmp_path: Path) -> None:
    """redact IN OUT keeps JSON structure and schema fields, removes every PHI value; scan then finds nothing."""
    out = tmp_path / "clean.jsonl"
    assert main(["redact", str(logs / "old" / "app.jsonl.1.gz"), str(out)]) == 0
    text = out.read_text()
    assert not any(secret in text for secret in SECRETS)
    lines = text.splitlines()
    assert orjson.loads(lines[0]) == CLEAN, "clean lines are copied unchanged"
    record = validate_line(lines[1])
    assert record["message"] == "patient [REDACTED:NAME] SSN [REDACTED:SSN]"
    assert record["timestamp"] == RECORD["timestamp"]
    assert lines[3] == "called back [REDACTED:PHONE] for [REDACTED:EMAIL]"
    assert main(["scan", "--quiet", str(out)]) == 0


def test_redact_with_strategies_and_gzip_output(logs: Path, tmp_path: Path) -> None:
    """Strategy and key options shape the output; a .gz destination is written compressed."""
    out = tmp_path / "partial.jsonl.gz"
    code = main(
        [
            "redact",
            str(logs / "app.jsonl"),
            str(out),
            "--strategy",
            "SSN=partial",
            "--strategy",
            "*=pseudonym",
            "--pseudonym-key",
            "hex:" + "ab" * 32,
        ]
    )
    assert code == 0
    text = gzip.decompress(out.read_bytes()).decode()
    assert "***-**-6789" in text and "[NAME:k1:" in text and "Jane Doe" not in text


def test_redact_refuses_to_overwrite(logs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """redact never writes over its input, nor over an existing file without --force."""
    source = logs / "app.jsonl"
    assert main(["redact", str(source), str(source)]) == 2
    assert main(["redact", str(source), str(logs / "clean.log")]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["redact", "--force", str(source), str(logs / "clean.log")]) == 0
    assert "Jane Doe" not in (logs / "clean.log").read_text()
    assert not [name for name in os.listdir(logs) if name.startswith(".hipaalog-redact-")]


def test_redact_and_scan_through_pipes(logs: Path) -> None:
    """``-`` reads stdin and writes stdout, for use in pipelines."""
    source = (logs / "app.jsonl").read_bytes()
    redacted = subprocess.run(
        [sys.executable, "-m", "hipaalog", "redact", "-", "-"],
        input=source,
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    assert b"Jane Doe" not in redacted and redacted.count(b"\n") == 4
    scanned = subprocess.run(
        [sys.executable, "-m", "hipaalog", "scan", "-"], input=source, capture_output=True, timeout=60, check=False
    )
    assert scanned.returncode == 1 and b"Jane Doe" not in scanned.stdout


KEYED = {**CLEAN, "results": {"jane@example.org": "sent", "123-45-6789": "ok"}}


def test_scan_prints_phi_keys_redacted_in_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A key that is PHI is reported (exit 1) with the key redacted in the printed path, in text and JSON."""
    log = tmp_path / "keys.jsonl"
    log.write_bytes(orjson.dumps(KEYED) + b"\n")
    assert main(["scan", str(log)]) == 1
    assert main(["scan", "--json", str(log)]) == 1
    out = capsys.readouterr().out
    assert "EMAIL in $.results" in out and "SSN in $.results" in out
    assert "jane@example.org" not in out and "123-45-6789" not in out


def test_redact_redacts_mapping_keys(tmp_path: Path) -> None:
    """redact rewrites a key that is PHI as it does a value; the rest of the record is kept."""
    log, out = tmp_path / "keys.jsonl", tmp_path / "clean.jsonl"
    log.write_bytes(orjson.dumps(KEYED) + b"\n")
    assert main(["redact", str(log), str(out)]) == 0
    written = out.read_bytes()
    assert b"jane@example.org" not in written and b"123-45-6789" not in written
    record = orjson.loads(written)
    assert sorted(record["results"].values()) == ["ok", "sent"] and record["message"] == CLEAN["message"]


def test_file_tools_read_the_schema_fields_a_file_may_have_been_written_with(tmp_path: Path) -> None:
    line = (
        '{"timestamp":"2026-01-01T00:00:00Z","level":"info","message":"x","appId":"atk 219-09-9999",'
        '"trace_id":"odalys.quist@example.org","logger":"a","platform":"p","microservice":"m"}\n'
        '{"timestamp":"DOB 1961-02-03","level":"info","message":"x","appId":"a","platform":"p","microservice":"m"}\n'
    )
    source = tmp_path / "in.jsonl"
    source.write_text(line)
    command = [sys.executable, "-m", "hipaalog", "scan", str(source)]
    scan = subprocess.run(command, check=False, capture_output=True, text=True)
    assert scan.returncode == 1 and "$.appId" in scan.stdout and "$.trace_id" in scan.stdout
    out = tmp_path / "out.jsonl"
    subprocess.run([sys.executable, "-m", "hipaalog", "redact", str(source), str(out)], check=True, capture_output=True)
    written = out.read_text()
    assert "9999" not in written and "quist" not in written and "1961" not in written
    assert "2026-01-01T00:00:00Z" in written


def test_a_person_id_used_as_a_key_is_shown_masked_in_a_findings_path() -> None:
    from hipaalog.redaction import Redactor

    paths = [finding.path for finding in Redactor().find({"rows": [{"patients": {"884542159": "ok"}}]})]
    assert paths and all("884542159" not in path for path in paths)
