"""Warnings Python prints itself (before configure(), or with capture turned off) reach stderr redacted."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import warnings

from hipaalog._warning_printout import _showwarning, install

SSN = "219-09-9999"


def _stderr_of(code: str) -> str:
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60, check=True
    )
    return run.stderr


def test_without_hipaalog_python_prints_the_warning_raw() -> None:
    assert SSN in _stderr_of(f"import warnings; warnings.warn('ssn ' + {SSN!r})")


def test_before_configure_and_after_capture_is_turned_off_warnings_are_redacted() -> None:
    err = _stderr_of(
        f"""
        import logging, warnings, hipaalog
        warnings.warn("member ssn " + {SSN!r})
        hipaalog.configure(app_id="a", platform="p", microservice="m")
        logging.captureWarnings(False)
        warnings.warn("again " + {SSN!r}, DeprecationWarning, stacklevel=1)
        """
    )
    assert SSN not in err
    assert "UserWarning: member ssn [REDACTED:SSN]" in err
    assert "DeprecationWarning: again [REDACTED:SSN]" in err


def test_an_applications_own_showwarning_is_kept() -> None:
    previous = warnings.showwarning

    def mine(*args: object, **kwargs: object) -> None:
        return None

    warnings.showwarning = mine
    try:
        install()
        assert warnings.showwarning is mine
    finally:
        warnings.showwarning = previous


def test_a_given_file_is_written_and_an_unwritable_one_does_not_raise() -> None:
    out = io.StringIO()
    _showwarning(UserWarning("call 555-867-5309"), UserWarning, "app.py", 3, file=out)
    assert "app.py:3: UserWarning: call [REDACTED:PHONE]" in out.getvalue()
    closed = io.StringIO()
    closed.close()
    _showwarning(UserWarning("x"), UserWarning, "app.py", 3, file=closed)  # must not raise
