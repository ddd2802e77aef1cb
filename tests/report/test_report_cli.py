"""``hipaalog report`` on the command line: outputs, settings, and an exit status scheduled jobs can act on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hipaalog.cli import main

from .conftest import AUDIT_KEY, Dataset

KEY_ARG = f"k1=hex:{AUDIT_KEY.hex()}"
CHICAGO = ["--timezone", "America/Chicago"]


@pytest.mark.parametrize(("fail_on", "expected"), [("critical", 1), ("high", 1), ("never", 0)])
def test_exit_status_follows_the_chosen_severity(planted: Dataset, tmp_path: Path, fail_on: str, expected: int) -> None:
    """With a critical finding present, --fail-on critical and high exit 1; --fail-on never exits 0."""
    out = tmp_path / "r.html"
    code = main(["report", str(planted.directory), "--key", KEY_ARG, *CHICAGO, "--fail-on", fail_on, "-o", str(out)])
    assert code == expected
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_clean_stream_exits_zero_even_at_the_lowest_threshold(clean: Dataset, tmp_path: Path) -> None:
    """A clean baseline exits 0 with --fail-on info: nothing was found."""
    code = main(
        [
            "report",
            str(clean.directory),
            "--key",
            KEY_ARG,
            *CHICAGO,
            "--fail-on",
            "info",
            "-o",
            str(tmp_path / "r.html"),
        ]
    )
    assert code == 0


def test_json_output_for_machines(
    planted: Dataset, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--json prints the whole report as JSON on stdout, findings with seqs, and writes no HTML."""
    monkeypatch.chdir(tmp_path)
    code = main(["report", str(planted.directory), "--key", KEY_ARG, *CHICAGO, "--json", "--fail-on", "never"])
    captured = capsys.readouterr()
    assert code == 0
    document = json.loads(captured.out)
    assert document["report"] == "hipaalog-audit-report/1"
    assert document["integrity"]["status"] == "verified"
    assert document["records"] == planted.written.records
    rules = {f["rule"] for f in document["findings"]}
    assert {i.rule for i in planted.written.incidents} <= rules
    assert all(f["seqs"] for f in document["findings"])
    assert document["counts"]["critical"] >= 1
    assert "findings:" in captured.err
    assert list(tmp_path.iterdir()) == []


def test_settings_file_and_peer_groups(clean: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--config, --peer-groups and --units feed the rules: a stricter burst threshold turns typos into findings."""
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"fail_burst_user": 2, "fail_window": 120, "timezone": "America/Chicago"}))
    groups = tmp_path / "groups.json"
    groups.write_text(json.dumps({"someone": "billing"}))
    units = tmp_path / "units.json"
    units.write_text(json.dumps({"someone": "billing office", "else": "ward"}))
    code = main(
        [
            "report",
            str(clean.directory),
            "--key",
            KEY_ARG,
            "--config",
            str(settings),
            "--peer-groups",
            str(groups),
            "--units",
            str(units),
            "--json",
            "--fail-on",
            "high",
        ]
    )
    document = json.loads(capsys.readouterr().out)
    assert code == 1
    assert document["config"]["fail_burst_user"] == 2
    assert document["config"]["peer_groups"] == 1
    assert document["config"]["units"] == 2
    assert {f["rule"] for f in document["findings"]} == {"failed-login-burst-user"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--timezone", "Nowhere/Else"], "time zone"),
        (["--work-hours", "nine-to-five"], "work_hours"),
        (["--key", "k1"], "ID=KEY"),
        (["--config", "missing.json"], "missing.json"),
    ],
)
def test_usage_problems_exit_2_with_a_message(
    clean: Dataset, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad settings, a malformed key or a missing file exit 2 and say what to fix."""
    code = main(["report", str(clean.directory), *args])
    assert code == 2
    assert message in capsys.readouterr().err


def test_a_units_file_must_map_user_ids_to_units(
    clean: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --units file holding a list instead of a mapping exits 2 and says what it should hold."""
    units = tmp_path / "units.json"
    units.write_text(json.dumps(["ward-a", "ward-b"]))
    assert main(["report", str(clean.directory), "--key", KEY_ARG, "--units", str(units)]) == 2
    assert "expected a JSON object of user id -> unit" in capsys.readouterr().err


def test_as_a_scheduled_job_would_run_it(planted: Dataset, tmp_path: Path) -> None:
    """python -m hipaalog report in a subprocess writes both outputs and exits 1 on the critical finding."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "hipaalog",
            "report",
            str(planted.directory),
            "--key",
            KEY_ARG,
            *CHICAGO,
            "--json",
            "-o",
            str(tmp_path / "report.json"),
            "--html",
            str(tmp_path / "report.html"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert (tmp_path / "report.html").stat().st_size > 10_000
    assert json.loads((tmp_path / "report.json").read_text())["counts"]["critical"] >= 1
    assert "integrity verified" in result.stderr


def test_refuses_to_write_the_report_over_an_audit_segment(clean: Dataset, capsys: pytest.CaptureFixture[str]) -> None:
    """-o naming one of the reviewed segments exits 2 and leaves the segment untouched."""
    segment = clean.written.paths[-1]
    before = Path(segment).read_bytes()
    assert main(["report", segment, "--key", KEY_ARG, "--json", "-o", segment]) == 2
    assert "being reviewed" in capsys.readouterr().err
    assert Path(segment).read_bytes() == before
