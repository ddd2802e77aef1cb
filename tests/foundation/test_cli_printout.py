"""Everything the ``hipaalog`` command prints is redacted: its messages echo arguments, file names and contents,
argparse's errors included; its reports keep their counts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from hipaalog.cli import main

SSN = "536-22-8174"
EMAIL = "odalys.prieto@example.org"
NAME = "Odalys Prieto"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "argv",
    [
        ("redact", "--strategy", f"SSN={SSN}", "{log}", "-"),
        ("redact", "--strategy", SSN, "{log}", "-"),
        ("redact", "{dir}/" + SSN + "/chart.log", "-"),
        ("scan", "{dir}/" + EMAIL + ".log"),
        ("verify", "{dir}/" + SSN),
        ("report", "{dir}/" + SSN),
        ("report", "--key", SSN, "{log}"),
        ("schema", "--field", f"visit={SSN}"),
        ("scan", f"--bogus={SSN}", "{log}"),
        ("scan", "--max-findings", SSN, "{log}"),
        ("--no-such-option", SSN),
    ],
)
def test_error_messages_echo_arguments_redacted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: tuple[str, ...]
) -> None:
    log = tmp_path / "app.log"
    log.write_text("nothing here\n")
    args = [a.replace("{log}", str(log)).replace("{dir}", str(tmp_path)) for a in argv]
    code, out, err = _run(capsys, *args)
    assert code == 2, (code, out, err)
    assert err.strip(), "the command said what was wrong"
    assert SSN not in out + err and EMAIL not in out + err
    assert "[REDACTED:" in err


def test_a_field_name_holding_a_name_is_refused_by_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "schema", "--field", f"{NAME}=string")
    assert code == 2 and out == ""
    assert NAME not in err and "reads as PHI" in err


def test_schema_prints_its_document_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "schema", "--field", "visits=integer")
    assert code == 0
    document = orjson.loads(out)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"  # a URL, not masked
    assert document["properties"]["visits"] == {"type": "integer"}


def test_scan_reports_redact_file_names_and_keep_counts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / f"{SSN}.log"
    log.write_text(f"ssn {SSN} for {EMAIL}\n")
    code, out, err = _run(capsys, "scan", str(log))
    assert code == 1 and SSN not in out + err and EMAIL not in out + err
    assert "/[REDACTED:SSN].log:1: SSN" in out
    code, out, err = _run(capsys, "scan", "--json", str(log))
    report = orjson.loads(out)
    assert SSN not in out and report["by_kind"] == {"SSN": 1, "EMAIL": 1}  # counts beside kinds stay counts
    assert report["places"][0]["file"].endswith("/[REDACTED:SSN].log")


def test_argparse_errors_of_the_installed_command_are_redacted() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "hipaalog", f"chart of {NAME}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2 and "usage: hipaalog" in run.stderr
    assert NAME not in run.stderr and "invalid choice: 'chart of [REDACTED:NAME]'" in run.stderr
