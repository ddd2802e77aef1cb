"""Detection is linear in its input, and a time budget bounds any one text (fail closed, counted).

No wall-clock limits: each built-in detector's cost on an adversarial input 8 times longer must
grow about 8 times (a quadratic one grows 64 times; the bound, 32, leaves room for a busy
machine), and the budget is tested with a budget of zero.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

import pytest

from hipaalog import _diagnostics
from hipaalog.redaction import Redactor, by_callable
from hipaalog.redaction._builtin import builtin_detectors
from hipaalog.redaction._context import KeyValueDetector
from hipaalog.redaction._scanner import WINDOW_CHARS, Scanner

ADVERSARIAL = [
    "photos/a_face",
    "voiceprint hash ",
    "key=",
    "ssn=",
    "age=",
    '"ssn": {',
    "ssn: [",
    "'ssn': '",
    '"name": "',
    "dob: ",
    "1 ",
    "415 ",
    "4 1 ",
    "123-45-6789 ",
    "MRN 415 ",
    "MA 02139 ",
    "12 Main ",
    "DOB 1/1/1990 ",
    "age 93 ",
    "\\u0041",
    "%41",
    "1\u00a0",
    "dob=",  # each date value read (as a plain value) to the end of the text
    "name=",
    "\t",
]
_SMALL = 4096
_LARGE = 8 * _SMALL


def _best_cpu(call: Callable[[], Iterable[object] | object], repeats: int = 5) -> float:
    """The least CPU time of ``repeats`` calls (an iterable returned is read to its end)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()  # this process's CPU time: other processes on the machine do not count
        result = call()
        if isinstance(result, Iterator):
            for _ in result:
                pass
        best = min(best, time.process_time() - start)
    return best


def _cost(detector: object, text: str) -> float:
    find = detector.find  # type: ignore[attr-defined]
    return _best_cpu(lambda: find(text))


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


OWN = {"key_value", "ssn", "card", "phone", "email", "url", "npi", "mbi", "dea", "vin", "mac", "ipv4", "ipv6"}
OWN |= {"cued_id", "date", "age", "zip", "address", "photo_ref", "biometric"}


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_each_detector_grows_linearly_on_adversarial_input(unit: str) -> None:
    small, large = _repeat(unit, _SMALL), _repeat(unit, _LARGE)
    for detector in builtin_detectors():
        if detector.name not in OWN:
            continue
        base = _cost(detector, small)
        if base < 5e-4:
            continue  # too fast at this size to tell (the large input is then fast too)
        ratio = _cost(detector, large) / base
        assert ratio < 32, f"{detector.name} on {unit!r}: x8 input costs x{ratio:.0f}"


def test_value_scans_of_key_value_pairs_are_bounded() -> None:
    """An unclosed bracket after every PHI key would make each value scan read to the end of the text."""
    text = _repeat('"ssn": {', 60000)
    spans = list(KeyValueDetector().find(text))
    assert spans[-1][1] == len(text)  # fail closed: the rest of the text is one value


def test_past_the_budget_the_rest_of_a_long_text_is_masked_and_counted() -> None:
    redactor = Redactor()
    scanner = Scanner(list(redactor.detectors), budget=0.0)
    text = ("patient called from 415-555-0134 today " * 700)[: WINDOW_CHARS * 3]
    spans = scanner.spans(text)
    assert spans[-1] == (0, len(text), "UNINSPECTED")  # no window was scanned in full: all of it masked
    assert _diagnostics.counts()["redaction-budget-exceeded"] == 1


def test_windows_scanned_in_full_before_the_budget_passes_are_kept() -> None:
    """A detector slow on the second window: the first window's findings stay, the rest is masked."""
    calls: list[int] = []

    def slow_second_time(text: str) -> list[tuple[int, int]]:
        calls.append(len(text))
        if len(calls) == 2:
            busy_until = time.thread_time() + 0.25  # the budget counts this thread's CPU time, not sleep
            while time.thread_time() < busy_until:
                pass
        return []

    scanner = Scanner(list(Redactor().detectors), [by_callable(slow_second_time, "ID")], budget=0.2)
    text = "ssn 219-09-9999 " + "x" * (WINDOW_CHARS * 2)
    spans = scanner.spans(text)
    assert [text[start:end] for start, end, _ in spans[:1]] == ["219-09-9999"]
    assert spans[-1][2] == "UNINSPECTED" and spans[-1][1] == len(text)
    assert WINDOW_CHARS - 512 < spans[-1][0] <= WINDOW_CHARS
    assert len(calls) == 2


def test_long_texts_are_scanned_across_window_boundaries() -> None:
    """An identifier cut by a window's end is whole in the next window (they overlap)."""
    scanner = Redactor()._scanner
    for shift in range(-12, 13, 3):
        pad = "x" * (WINDOW_CHARS - 6 + shift)
        text = f"{pad} ssn 219-09-9999 and jane.roe@example.com {pad}"
        found = {text[start:end] for start, end, _ in scanner.spans(text)}
        assert found == {"219-09-9999", "jane.roe@example.com"}


def test_windows_change_nothing_in_a_long_ordinary_text() -> None:
    scanner = Scanner(list(Redactor().detectors), budget=60.0)
    text = " ".join(f"GET /api/v1/claims/{n}/status returned 200 in {n % 97}.3 ms" for n in range(1000))
    assert len(text) > 4 * WINDOW_CHARS
    assert scanner.spans(text) == []
    assert "redaction-budget-exceeded" not in _diagnostics.counts()


@pytest.mark.parametrize("unit", ["for Maria ", "pt. Jane Roe and Ann Lee. ", "Doe, Jane "])
def test_names_beside_names_grow_linearly(unit: str) -> None:
    """The parts of names beside names are looked for after the detectors, over the whole text (not window by
    window, under no budget): each name's check reads only the text just before it (it searched the whole text
    before it for a sentence's start: 64 KB of ``for Maria`` took seconds)."""
    from hipaalog.redaction._name_neighbours import with_name_neighbours

    names = [d for d in builtin_detectors() if d.name in ("name", "person_name")]

    def cost(size: int) -> float:
        text = _repeat(unit, size)
        found = [span for detector in names for span in detector.find(text)]
        assert found, "names the check starts from"
        return _best_cpu(lambda: with_name_neighbours(found, text))

    base = cost(_SMALL)
    assert base == 0 or cost(_LARGE) / base < 32


@pytest.mark.parametrize("unit", ["\t", "\t\n", ",\t", ": \t"])
def test_the_gate_grows_linearly_on_runs_of_delimiters_and_spaces(unit: str) -> None:
    """The gate runs before any window or budget: its screen for a capitalised cell after a delimiter read the
    run of spaces after every tab of a run of tabs (8 KB of tabs took most of a second)."""
    from hipaalog.redaction._gate import gate

    def cost(size: int) -> float:
        text = "row 12345678 " + _repeat(unit, size)  # digits enough for the screen of rows to run
        return _best_cpu(lambda: gate(text))

    base = cost(_SMALL)
    assert base == 0 or cost(_LARGE) / base < 32


def test_printed_series_one_after_another_grow_linearly() -> None:
    """Each footer's rows were looked for back to the last blank line, over every Series printed before it."""
    from hipaalog.redaction._keys import DEFAULT_CATALOGUE
    from hipaalog.redaction._series import series_spans

    def cost(size: int) -> float:
        text = _repeat("0    x\nName: code, dtype: object\n", size)
        return _best_cpu(lambda: series_spans(text, DEFAULT_CATALOGUE))

    base = cost(_SMALL)
    assert base == 0 or cost(_LARGE) / base < 32


def test_series_printed_back_to_back_each_keep_their_own_rows() -> None:
    """``print(a); print(b)`` leaves no blank line between two Series: each footer types the rows above it, up to
    the Series before (a ward's name is not read as the patient's of the Series after it)."""
    from hipaalog.redaction._keys import DEFAULT_CATALOGUE
    from hipaalog.redaction._series import series_spans

    text = (
        "0    Cardiology East\n1    Oncology West\nName: ward, dtype: object\n"
        "0    Odile Marchetti\n1    Branko Vidmar\nName: patient, dtype: object\n"
    )
    found = [text[start:end] for start, end, _ in series_spans(text, DEFAULT_CATALOGUE)]
    assert found == ["Odile Marchetti", "Branko Vidmar"]


@pytest.mark.parametrize("unit", ["x = ? ('a',", "('a',", "name = :1 ('Roe', "])
def test_value_tuples_after_placeholders_grow_linearly(unit: str) -> None:
    """Until a tuple of quoted values makes a row, the statement before each tuple was read again for the columns
    its placeholders name (up to 4 KB each time): a run of unclosed tuples cost that many reads."""
    from hipaalog.redaction._name_rows import row_name_spans

    def cost(size: int) -> float:
        text = _repeat(unit, size)
        return _best_cpu(lambda: row_name_spans(text), repeats=3)

    base = cost(_SMALL)
    assert base == 0 or cost(_LARGE) / base < 32


def test_unclosed_tuples_after_a_placeholder_cost_about_what_rows_do() -> None:
    """Each read of the statement is bounded (4 KB), so the growth stayed linear, but 8 KB of ``x = ? ('a',`` cost
    some eighty times 8 KB of whole rows; the statement is now read for a few tuples only."""
    from hipaalog.redaction._name_rows import row_name_spans

    def cost(unit: str) -> float:
        text = _repeat(unit, 2 * _SMALL)
        return _best_cpu(lambda: row_name_spans(text), repeats=3)

    rows = cost("('Roe', 'Jane')\n")
    assert rows > 0 and cost("x = ? ('a',") / rows < 8
