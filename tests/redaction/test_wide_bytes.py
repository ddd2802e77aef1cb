"""Text encoded as UTF-16 or UTF-32 bytes is read as a reader would decode it, wherever it arrives."""

from __future__ import annotations

import logging

import pytest

from hipaalog._jsonable import bytes_text
from hipaalog.redaction import Redactor
from hipaalog.testing import capture

SSN = "219-09-9999"
EMAIL = "odalys.quist@example.org"
REDACTOR = Redactor()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_wide_bytes_decode_to_their_text(encoding: str) -> None:
    assert bytes_text(f"ssn {SSN}".encode(encoding)) == f"ssn {SSN}"


def test_other_bytes_stay_utf8_with_escapes() -> None:
    assert bytes_text(b"plain \xe9") == "plain \\xe9"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_wide_bytes_are_redacted_as_values_and_as_reprs(encoding: str) -> None:
    data = f"mail {EMAIL} ssn {SSN}".encode(encoding)
    assert "[REDACTED:EMAIL]" in REDACTOR.redact({"body": data})["body"]
    shown = REDACTOR.redact_text(f"payload {data!r}")
    assert "quist" not in shown.replace("\\x00", "") and "9999" not in shown.replace("\\x00", "")


def test_wide_bytes_through_every_exit_of_a_log_call() -> None:
    data = f"mail {EMAIL}".encode("utf-16-le")
    with capture() as logs:
        log = logging.getLogger("wide-bytes")
        log.info("x", extra={"body": data})
        log.info("body %s", data)
        log.info("body %r", data)
        try:
            raise ValueError(data)
        except ValueError:
            log.exception("failed")
    for line in logs.lines:
        assert "quist" not in line.decode().replace("\\\\x00", "").replace("\\u0000", ""), line


def test_terminal_colours_inside_a_value_hide_nothing() -> None:
    assert "9999" not in REDACTOR.redact_text("ssn \x1b[1m219\x1b[0m-09-9999 done")
    assert REDACTOR.redact_text("\x1b[32mINFO\x1b[0m all good") == "\x1b[32mINFO\x1b[0m all good"


def test_a_level_name_is_redacted_like_any_text() -> None:
    logging.addLevelName(37, f"NOTICE {EMAIL}")
    try:
        with capture() as logs:
            logging.getLogger("levels").log(37, "x")
        assert "quist" not in logs.lines[0].decode()
    finally:
        logging.addLevelName(37, "Level 37")
