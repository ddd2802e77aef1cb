"""Records of loggers with no handler reach stderr through logging's handler of last resort, redacted."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap

from hipaalog._last_resort import RedactingLastResort, install

EMAIL = "odalys.quist@example.org"


def _stderr_of(code: str) -> str:
    run = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=True, capture_output=True, text=True)
    return run.stderr


def test_a_record_before_configure_reaches_stderr_redacted() -> None:
    err = _stderr_of(
        f"""
        import logging, hipaalog
        logging.getLogger("early").warning("mail %s", {EMAIL!r})
        try:
            raise ValueError({EMAIL!r})
        except ValueError:
            logging.getLogger("early").exception("failed for %s", "219-09-9999")
        """
    )
    assert "quist" not in err and "9999" not in err
    assert "mail [REDACTED:EMAIL]" in err and "ValueError" in err


def test_the_standard_library_prints_it_raw_without_hipaalog() -> None:
    err = _stderr_of(f'import logging; logging.getLogger("early").warning("mail %s", {EMAIL!r})')
    assert EMAIL in err  # what the handler above replaces


def test_a_handler_of_last_resort_the_application_set_is_kept() -> None:
    own = logging.StreamHandler()
    previous = logging.lastResort
    logging.lastResort = own
    try:
        install()
        assert logging.lastResort is own
    finally:
        logging.lastResort = previous


def test_a_record_that_cannot_be_written_is_reported_without_its_arguments(capsys: object) -> None:
    handler = RedactingLastResort()
    record = logging.LogRecord("odd", logging.WARNING, __file__, 1, "%d items", (EMAIL,), None)
    handler.emit(record)
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert EMAIL not in err and "could not be written" in err
