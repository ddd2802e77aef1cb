"""While hipaalog_caplog (or ``hipaalog.testing.capture()``) runs, pytest's own log output is redacted too:
the "Captured log call" section of a failing test, ``log_cli`` and ``--log-file``; and ``assert_no_phi``
names places without the keys that hold PHI."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hipaalog import redaction
from hipaalog.testing import LogCapture, _masked_path

pytest_plugins = ["pytester"]

MAIL = "odalys.prieto@example.org"
SSN = "536-22-8174"


def _run(pytester: pytest.Pytester, source: str, *args: str) -> pytest.RunResult:
    pytester.makepyfile(test_inner=source)
    quiet = ("-p", "no:cacheprovider", "-p", "no:asyncio", "-p", "no:faker", "-p", "no:hypothesispytest")
    return pytester.runpytest(*quiet, *args)


SOURCE = """
import logging

MAIL = "odalys.prieto" + "@" + "example.org"  # spelled apart: a traceback's source lines show no value
SSN = "536-22-" + "8174"

def test_fails(hipaalog_caplog):
    logging.getLogger("claims").error("mail %s ssn %s", MAIL, SSN)
    assert False

def test_passes(hipaalog_caplog):
    logging.getLogger("claims").warning("mail %s", MAIL)

def test_without_fixture_is_untouched():
    logging.getLogger("claims").warning("order %s shipped", "A-17")
"""


@pytest.mark.parametrize(
    "args",
    [(), ("--log-cli-level=INFO",), ("--log-file=inner.log", "--log-file-level=INFO")],
    ids=["captured-log", "log-cli", "log-file"],
)
def test_pytest_log_output_is_redacted_while_the_fixture_runs(pytester: pytest.Pytester, args: tuple[str, ...]) -> None:
    result = _run(pytester, SOURCE, *args)
    result.assert_outcomes(passed=2, failed=1)
    out = result.stdout.str() + result.stderr.str()
    log_file = pytester.path / "inner.log"
    if log_file.exists():
        out += log_file.read_text()
    assert MAIL not in out and SSN not in out
    assert "[REDACTED:EMAIL]" in out
    if args:  # log_cli and the log file show records of passing tests
        assert "order A-17 shipped" in out


def test_capture_redacts_records_and_undoes_it() -> None:
    assert not redaction.record_redaction_installed()
    with LogCapture() as logs:
        assert redaction.record_redaction_installed()
        record = logging.getLogger("enc").makeRecord("enc", logging.INFO, __file__, 1, "mail %s", (MAIL,), None)
        assert MAIL not in record.getMessage()
    assert not redaction.record_redaction_installed()
    assert logs is not None


def test_capture_keeps_redaction_the_code_configured() -> None:
    before = logging.getLogRecordFactory()
    try:
        with LogCapture():
            redaction.install_record_redaction({"strategies": {"EMAIL": "partial"}})  # configure() in the test
        assert redaction.record_redaction_installed()
    finally:
        logging.setLogRecordFactory(before)


def test_last_resort_output_of_a_script_is_redacted(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import logging
            from hipaalog.testing import capture
            with capture():
                logging.getLogger("c").warning("mail %s", "{MAIL}")
            """
        )
    )
    src = Path(redaction.__file__).parents[2]
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env={"PYTHONPATH": str(src)}, check=True
    )
    assert MAIL not in done.stderr and "mail " in done.stderr


@pytest.mark.parametrize(
    ("path", "key_is_phi", "expected"),
    [
        ('$.rows[0].patients["417228174"]', True, '$.rows[0].patients["[REDACTED]"]'),
        (f'$.by_email["{MAIL}"].visits', False, '$.by_email["[REDACTED]"].visits'),
        ("$.rows[0].note", False, "$.rows[0].note"),
        ('$.counts["cardiology"]', False, '$.counts["cardiology"]'),
    ],
)
def test_places_never_show_a_key_that_holds_phi(path: str, key_is_phi: bool, expected: str) -> None:
    assert _masked_path(path, key_is_phi) == expected
