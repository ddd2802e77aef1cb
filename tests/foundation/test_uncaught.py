"""Exceptions nothing catches reach stderr redacted, and the configured sinks as a critical record."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import hipaalog
from hipaalog.exceptions import ConfigError

EMAIL = "ilse.marwood@example.net"
SSN = "219-09-9999"


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60, check=False
    )


def _records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]


def test_without_hipaalog_python_prints_the_exception_raw() -> None:
    run = _run(f"raise ValueError('no chart for ' + {EMAIL!r})")
    assert EMAIL in run.stderr  # what the hook below replaces


def test_a_crash_of_the_main_thread_is_printed_redacted_after_import_alone() -> None:
    run = _run(
        f"""
        import hipaalog
        def lookup():
            raise LookupError("no chart for " + {EMAIL!r} + " ssn " + {SSN!r})
        lookup()
        """
    )
    assert run.returncode == 1
    assert EMAIL not in run.stderr and SSN not in run.stderr
    assert run.stderr.startswith("Traceback (most recent call last):")
    assert "LookupError: no chart for [REDACTED:EMAIL] ssn [REDACTED:SSN]" in run.stderr
    assert "in lookup" in run.stderr  # the stack is kept


def test_threads_and_finalizers_are_printed_redacted() -> None:
    run = _run(
        f"""
        import threading, hipaalog
        def work():
            raise ValueError("callback to " + {EMAIL!r})
        t = threading.Thread(target=work, name="sender-1"); t.start(); t.join()
        class Holder:
            def __del__(self):
                raise RuntimeError("ssn " + {SSN!r})
        h = Holder(); del h
        print("still running")
        """
    )
    assert run.returncode == 0 and "still running" in run.stdout
    assert EMAIL not in run.stderr and SSN not in run.stderr
    assert "Exception in thread sender-1:" in run.stderr and "ValueError: callback to [REDACTED:EMAIL]" in run.stderr
    assert "Exception ignored in" in run.stderr and "RuntimeError: ssn [REDACTED:SSN]" in run.stderr


def test_after_configure_the_crash_is_also_a_critical_record() -> None:
    run = _run(
        f"""
        import hipaalog
        hipaalog.configure(app_id="a", platform="p", microservice="m")
        raise KeyError({EMAIL!r})
        """
    )
    assert EMAIL not in run.stdout and EMAIL not in run.stderr
    (record,) = [r for r in _records(run.stdout) if r["logger"] == "hipaalog.uncaught"]
    assert record["level"] == "critical" and record["message"] == "Uncaught exception"
    error = record["error"]
    assert isinstance(error, dict) and error["type"] == "KeyError" and error["stack"]


def test_log_uncaught_false_keeps_it_off_the_sinks_but_still_redacts_stderr() -> None:
    run = _run(
        f"""
        import hipaalog
        hipaalog.configure(app_id="a", platform="p", microservice="m", log_uncaught=False)
        raise KeyError({EMAIL!r})
        """
    )
    assert not [r for r in _records(run.stdout) if r["logger"] == "hipaalog.uncaught"]
    assert EMAIL not in run.stderr and "[REDACTED:EMAIL]" in run.stderr


def test_the_applications_own_hook_and_keyboard_interrupt_keep_their_behaviour() -> None:
    run = _run(
        f"""
        import sys
        def mine(kind, value, tb):
            sys.stderr.write("own hook: " + str(value) + "\\n")
        sys.excepthook = mine
        import hipaalog
        raise ValueError({EMAIL!r})
        """
    )
    assert f"own hook: {EMAIL}" in run.stderr  # the application chose to print it; hipaalog leaves its hook
    interrupted = _run("import hipaalog\nraise KeyboardInterrupt")
    assert interrupted.stderr.rstrip().endswith("KeyboardInterrupt")


def test_log_uncaught_must_be_a_bool() -> None:
    with pytest.raises(ConfigError, match="log_uncaught must be true or false"):
        hipaalog.configure(log_uncaught="yes")  # type: ignore[arg-type]


def test_when_redaction_itself_fails_the_stack_is_shown_without_the_message() -> None:
    run = _run(
        f"""
        import hipaalog, hipaalog.redaction
        def broken():
            raise RuntimeError("redactor down")
        hipaalog.redaction.default_redactor = broken
        def lookup():
            raise LookupError({EMAIL!r})
        lookup()
        """
    )
    assert EMAIL not in run.stderr
    assert "in lookup" in run.stderr and "LookupError: (message withheld)" in run.stderr
