"""A long string that ``pprint`` (or a code formatter) cut at a space into adjacent literals is read as one
string: a name, a phone number, a street address or a date of birth cut in two is masked whole, through the
real path and in the redactor. Lists of strings, quoted words and additions of strings stay as written."""

from __future__ import annotations

import logging
import pprint

import pytest

from hipaalog.redaction import Redactor

from .harness import fresh_harness

REDACTOR = Redactor()
NAME = "Ingrid Valcourt"
PHONE = "(608) 431-2297"


def _cut(before: str, after: str) -> str:
    """``before`` and ``after`` as pprint writes one long string it wraps between them."""
    return f"{{'note': '{before} '\n         '{after}'}}"


CUT = {
    "name": (_cut("patient record for Ingrid", "Valcourt seen today"), "Valcourt"),
    "phone": (_cut("call the phone (608)", "431-2297 tomorrow"), "(608)"),
    "address": (_cut("lives at 4417 Larkspur", "Avenue, Madison"), "Avenue"),
    "dob": (_cut("DOB Mar", "14, 1961 on file"), "1961"),
    "same-line": ("note = 'patient Ingrid ' 'Valcourt'", "Valcourt"),
    "double-quotes": ('note = ("patient Ingrid "\n    "Valcourt")', "Valcourt"),
}


@pytest.mark.parametrize(("text", "needle"), list(CUT.values()), ids=list(CUT))
def test_a_value_cut_into_adjacent_literals_is_masked(text: str, needle: str) -> None:
    out = REDACTOR.redact_text(text)
    assert needle not in out, out


def test_a_pprinted_record_leaves_no_surname_in_the_file() -> None:
    state = {"note": f"patient record for {NAME} phone {PHONE} with a long tail of ordinary words"}
    printed = pprint.pformat(state, width=40)
    assert "Ingrid '\n" in printed and "(608) '\n" in printed  # pprint cut the name and the number
    with fresh_harness() as harness:
        logging.getLogger("attack.app").info("state:\n%s", printed)
        written = harness.written()
    assert "[REDACTED:NAME]" in written
    for part in ("Valcourt", "(608)", "2297"):
        assert part not in written, written


BENIGN = [
    "['alpha ', 'beta'] and ('gamma ', 'delta')",
    "said 'hello ' and then 'goodbye '",
    "chars ['a', 'b ', ' ', 'c', ' ', 'd']",
    "greeting = 'hello ' + 'world'",
    "{'service': 'claims api '\n            'worker pool 3'}",
    "msg = ('connection reset by peer '\n       'after 30 seconds')",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_text_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
