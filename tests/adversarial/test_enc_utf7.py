"""Values written in UTF-7, as IMAP folder names and old mailers write them: an ``@`` shifted (``+AEA-``,
IMAP's ``&AEA-``), dashes of an SSN shifted, accented letters of a name shifted. Each is masked; a plus or an
ampersand that spells no sign or Latin letter stays as written."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

from .canaries import Canary
from .harness import Harness

REDACTOR = Redactor()
MAIL = "odalys.prieto@example.org"

HIDDEN = {
    "mail-plus": f"folder {MAIL.replace('@', '+AEA-')}",
    "mail-imap": f"INBOX/{MAIL.replace('@', '&AEA-')}",
    "ssn-dashes": "ssn 536+AC0-22+AC0-8174",
    "name-accents": "patient Jos&AOk- Mu&APE-oz Prieto",
}


@pytest.mark.parametrize("text", list(HIDDEN.values()), ids=list(HIDDEN))
def test_the_value_is_masked(text: str) -> None:
    out = REDACTOR.redact_text(text)
    for needle in ("prieto", "8174"):
        assert needle not in out.lower(), out


def test_through_the_logging_path(harness: Harness) -> None:
    harness.logger.warning("moved to folder %s", MAIL.replace("@", "+AEA-"))
    assert harness.leaks([Canary("EMAIL", MAIL, "email", "email")]) == []
    assert "moved to folder" in harness.written()
    assert "prieto" not in harness.written().lower()
    assert "prieto" not in "\n".join(harness.third.seen).lower()


BENIGN = ["c++-lang and a+b2c-d", "tag feature+ABC-done", "q=a+b-c&x=1", "ok&AB- yes", "x+AEAAQA-y"]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_text_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
