"""Each text is scanned once on its way out, and the shortcuts that avoid rescans never hide a finding."""

from __future__ import annotations

import json
import logging
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hipaalog
from hipaalog.redaction import Redactor
from hipaalog.redaction import _context as context
from hipaalog.redaction import _scanner as scanner_module
from hipaalog.redaction._cues import FOR_WORDS, NAMES, TITLES
from hipaalog.redaction._scanner import Scanner

_X12 = (
    "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*PAYER          *260616*1114*^*00501*019593593*0*P*:~"
    "GS*HS*SENDER*RECEIVER*20260616*1114*1*X*005010X279A1~ST*270*0001*005010X279A1~"
    "NM1*IL*1*ROEWALD*JANELLE****MI*XQW883920017~DMG*D8*19610304*F~DTP*291*D8*20260402~SE*14*0001~"
)


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text a scanner reads in full (after its cache of clean texts)."""
    seen: list[str] = []
    original = Scanner._scan

    def counting(self: Scanner, text: str, deadline: float = 0.0) -> list[tuple[int, int, str]]:
        seen.append(text)
        return original(self, text, deadline)

    monkeypatch.setattr(scanner_module.Scanner, "_scan", counting)
    return seen


def test_a_long_redacted_text_is_not_scanned_again(scans: list[str]) -> None:
    redactor = Redactor()
    text = "eligibility request " + json.dumps({"payload": _X12})
    assert len(text) > 256  # longer than the texts the clean cache keeps for their own sake
    out = redactor.redact_text(text)
    assert "ROEWALD" not in out and "XQW883920017" not in out
    assert redactor.redact_text(out) == out
    assert scans == [text]  # the output, met again (the formatter after the record factory), is known clean


def test_a_text_holding_only_markers_is_remembered_clean(scans: list[str]) -> None:
    redactor = Redactor()
    text = "validation failed: input_value='[REDACTED:MEMBER_ID]' " + "x" * 300 + " input_type=str"
    assert redactor.redact_text(text) == text
    assert redactor.redact_text(text) == text
    assert scans == [text]


def test_the_long_clean_texts_kept_are_bounded() -> None:
    scanner = Scanner(Redactor().detectors)
    texts = [f"{n:04d} " + "plain words " * 40 for n in range(200)]
    for text in texts:
        scanner.remember_clean(text)
    kept = [text for text in texts if text in scanner.clean]
    assert 0 < len(kept) <= 64
    assert kept == texts[-len(kept) :]  # the most recent ones
    scanner.remember_clean("x" * 70_000)
    assert "x" * 70_000 not in scanner.clean  # too long to keep


def test_a_text_with_findings_met_again_is_not_scanned_again(scans: list[str]) -> None:
    redactor = Redactor()
    text = "could not reach patient Jane Roe, SSN 219-09-9999, at 555-201-4471"
    first = redactor.redact_text(text)
    assert "Roe" not in first and "219-09-9999" not in first
    assert redactor.redact_text(text) == first  # an exception's message, then its argument
    assert scans == [text]


def test_the_texts_with_findings_kept_are_bounded_and_short(scans: list[str]) -> None:
    redactor = Redactor()
    texts = [f"patient Jane Roe, SSN 219-09-{n:04d}" for n in range(scanner_module._FOUND_LIMIT + 10)]
    for text in texts:
        redactor.redact_text(text)
    assert redactor.redact_text(texts[0]) == redactor.redact_text(texts[0])
    assert scans.count(texts[0]) == 2  # forgotten once the cache filled, scanned again
    long = "patient Jane Roe, SSN 219-09-9999 " + "plain words " * 800
    assert len(long) > scanner_module.WINDOW_CHARS
    redactor.redact_text(long)
    redactor.redact_text(long)
    first_windows = [text for text in scans if text.startswith("patient Jane Roe, SSN 219-09-9999 plain")]
    assert len(first_windows) == 2  # scanned in windows both times: their spans depend on the time they took


def test_a_logged_record_reads_each_text_once(scans: list[str], tmp_path: Path) -> None:
    path = tmp_path / "app.jsonl"
    handler = hipaalog.configure(app_id="a", platform="p", microservice="m", sinks=[str(path)])
    try:
        logging.getLogger("edi").warning("sending 270 to payer %s", json.dumps({"payload": _X12}))
        logging.getLogger("edi").warning("sending 270", extra={"x12": _X12})
        handler.flush()
    finally:
        handler.close()
    written = path.read_text()
    assert len(written.splitlines()) == 2
    assert "ROEWALD" not in written and "19610304" not in written
    long_scans = [text for text in scans if len(text) > 200]
    assert len(long_scans) == len(set(long_scans))  # no long text read twice
    assert not any("[REDACTED" in text for text in long_scans)  # no output of redaction read again


# -- the name detector's cue index skips only candidates nothing could report ----------------------
_WORDS = [*sorted(NAMES.last_words | TITLES | FOR_WORDS), "Jane", "Doe", "Maria", "GARCIA", "Smith", "HL", "ZZ"]
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from([w.title() for w in NAMES.last_words] + [w.upper() for w in NAMES.last_words]),
    st.sampled_from([",", ", ", ": ", "=", "*", "~", "^", "#", ". ", "\n", "  ", " is ", " no "]),
    st.text(string.ascii_letters + string.digits + " ", max_size=12),
)


class _Everywhere:
    """A cue index that says a cue may be anywhere: every candidate is checked the full way."""

    def scope(self, text: str) -> _Everywhere:
        return self

    def near(self, position: int, window: int = 64) -> bool:
        return True


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_PIECES, min_size=1, max_size=40).map(" ".join))
def test_name_cue_index_never_hides_a_name(text: str) -> None:
    detector = context.NameDetector()
    indexed = list(detector.find(text))
    saved = context._NAME_CUES, context._comma_before
    context._NAME_CUES, context._comma_before = _Everywhere(), lambda text, start: True  # type: ignore[assignment]
    try:
        everything = list(detector.find(text))
    finally:
        context._NAME_CUES, context._comma_before = saved
    assert indexed == everything


def test_names_with_cues_are_found_among_many_codes() -> None:
    text = _X12 + " patient Jane Roewald, Doe, Maria"
    found = [text[start:end] for start, end, _ in context.NameDetector().find(text)]
    assert found == ["Jane Roewald", "Doe, Maria"]
