"""Values cut apart by the transport rather than encoded: an SSN, a phone number or a date wrapped at a line
break inside its groups (``536-\\n22-8174``, ``536\\r\\n-22-8174``), its groups apart by tabs or by a dash with a
space on one side only, an e-mail address wrapped at its ``@``, and digit groups apart by ideographic full stops
(``536。22。8174``). Each reaches neither hipaalog's file nor a third-party handler raw; tables of counts, wrapped
ranges of other shapes, versions and addresses of no one after a cue-less line stay as written."""

from __future__ import annotations

import time

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._wrapped import may_hold_wrapped

from .canaries import DEFAULT, Canary
from .harness import Harness

REDACTOR = Redactor()
SSN = "536-22-8174"
PHONE = "415-555-0134"
MAIL = "odalys.prieto@example.org"
SSN_CANARY = Canary("SSN", SSN, "ssn", "ssn")
PHONE_CANARY = Canary("PHONE", PHONE, "phone", "phone")
MAIL_CANARY = Canary("EMAIL", MAIL, "email", "email")

WRAPPED = {
    "ssn-break-after-first-dash": "ssn 536-\n22-8174",
    "ssn-crlf-before-dash": "ssn 536\r\n-22-8174",
    "ssn-break-no-cue": "patient record 536-\n22-8174 on file",
    "ssn-lines-only": "ssn:\n536\n22\n8174",
    "ssn-tabs": "ssn 536\t22\t8174",
    "ssn-dash-space-one-side": "ssn 536 -22-8174",
    "ssn-dash-spaces-mixed": "ssn 536- 22 -8174",
    "ssn-ideographic-stops": "ssn 536\u300222\u30028174",
    "ssn-halfwidth-stops": "ssn 536\uff6122\uff618174",
    "phone-tabs": "phone 415\t555\t0134",
    "phone-break": "call 415-555-\r\n0134 after six",
    "dob-break": "dob 1961-04-\n03",
    "dob-slash-break": "DOB 04/\n03/1961",
    "mail-break-after-at": f"email {MAIL.replace('@', '@' + chr(10))}",
    "mail-break-before-at": f"reply to {MAIL.replace('@', chr(13) + chr(10) + '@')}",
    "mail-tab-at": f"to {MAIL.replace('@', chr(9) + '@')}",
}
DIGITS = {"ssn": "5362", "phone": "4155", "dob": "1961", "mail": "prieto"}


@pytest.mark.parametrize("text", list(WRAPPED.values()), ids=list(WRAPPED))
def test_the_value_is_masked(text: str) -> None:
    out = REDACTOR.redact_text(text)
    flat = "".join(ch for ch in out if ch.isalnum()).lower()
    for needle in DIGITS.values():
        assert needle not in flat, out
    assert "8174" not in out and "0134" not in out, out


def test_through_the_logging_path(harness: Harness) -> None:
    harness.logger.warning("ssn %s-\n%s", SSN[:3], SSN[4:])
    harness.logger.warning("intake", extra={"note": f"phone {PHONE.replace('-', chr(9))}"})
    harness.logger.warning("sent to %s", MAIL.replace("@", "@\n"))
    assert harness.leaks([SSN_CANARY, PHONE_CANARY, MAIL_CANARY, *DEFAULT.all()]) == []
    assert '"intake"' in harness.written()


BENIGN = [
    "billing-api\t512\t40\t7719\tok",
    "rows\n512\n40\n7719",
    "GET /api/v1/items/17\t200\t35\t4410ms",
    "pages 12-\n40 of 7719",
    "version 1.29.332\tbuild 4410",
    "queue depth 332 -29-7468 delta",
    "contact support@\nacme",
    "処理が完了しました。件数 512。",
    "timings 12\t30\t2026 of the batch",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_text_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_long_runs_of_blanks_cost_no_backtracking() -> None:
    started = time.perf_counter()
    for text in ("12" + "\t" * 20_000 + "x", "ab" + "\t" * 20_000 + "@", "1 \t" * 10_000):
        assert not may_hold_wrapped(text)
    assert time.perf_counter() - started < 1.0
