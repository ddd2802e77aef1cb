"""Finding identifiers in one text: a fast gate, then the detectors, then overlapping spans merged.

Clean text is the common case, so it is rejected early: a string too short to hold anything, a
string already seen clean (a bounded cache), or a string the gate (:mod:`._gate`) proves holds
nothing any built-in detector could report. Everything else goes through every detector.

A text holding escapes, percent-encoding, entities or non-ASCII characters is also scanned as a
reader would see it (:mod:`._normalize`); spans found there are mapped back to the original
characters. Long texts are scanned in overlapping windows against a budget of CPU time: past
it, the rest of the text is masked as ``UNINSPECTED`` (fail closed) and the event counted.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Iterable, Sequence
from typing import Final

from .. import _diagnostics
from ._checks import ip_private
from ._context import MARKER
from ._day_dates import day_dates
from ._detector import Detector, Span
from ._firm_contacts import desk_pairs
from ._firm_rows import firm_row_spans
from ._firm_sql import firm_town_literals
from ._gate import PERSON_MARKER, gate
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue
from ._kinds import KEEP, UNINSPECTED
from ._lone_names import with_lone_names
from ._mail_headers import mail_system_lines
from ._months import MONTH_ALTERNATION
from ._name_neighbours import with_name_neighbours
from ._normalize import may_need_view, reader_view
from ._person_ids import ids_beside_person
from ._person_rows import row_sibling_spans
from ._places import towns_beside_person
from ._repr_fields import Cleared, may_hold_objects, repr_judgments
from ._shaped_ids import shaped_ids

__all__ = ["BUDGET_SECONDS", "MIN_PHI_CHARS", "WINDOW_CHARS", "Scanner", "dates_in"]

MIN_PHI_CHARS: Final = 3
"""No detector reports anything in fewer characters than this (``93y`` is the shortest)."""
_CLEAN_CACHE_LIMIT: Final = 4096
HEX_START: Final = frozenset("0123456789abcdef")
HEX_ID: Final = re.compile(
    r"(?=[0-9]*[a-f])(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,128})"
)
"""A whole string that is a lowercase UUID or hex id (trace ids, hashes) holds nothing to find."""
_CLEAN_CACHE_MAX_CHARS: Final = 256
_SELECTED_LIMIT: Final = 1024
_LONG_CLEAN_LIMIT: Final = 64
"""Longer clean texts remembered at once (the most recent ones): a redacted message, made by the
record factory, meets the formatter a moment later and need not be scanned twice."""
_LONG_CLEAN_MAX_CHARS: Final = 65536
_FOUND_LIMIT: Final = 256
"""Texts with findings whose spans are remembered (up to this many, then forgotten at once): an exception's
message is its argument too, a value meets the record factory and the formatter; each is scanned once."""
_READS_QUOTES: Final = frozenset({"name", "person_name"})
_BUILTIN_ONLY: Final[frozenset[str]] = frozenset({"<built-in>"})
_CUSTOM_ONLY: Final[frozenset[str]] = frozenset({"<custom>"})
"""Detectors whose findings change when a repr's ``'`` quotes read as ``"`` (names stop at an apostrophe)."""
WINDOW_CHARS: Final = 8192
"""Texts longer than this are scanned in windows of about this size (each overlapping the next)."""
_OVERLAP: Final = 512
"""Characters a window shares with the next one: an identifier cut by a window's end is whole in the next."""
BUDGET_SECONDS: Final = 0.035
"""CPU time of the calling thread one text may take to scan; past it, the windows not yet scanned in
full are masked (fail closed). CPU time, not the clock: a busy machine does not change what is masked."""


class DetectorFailed(Exception):
    """A detector raised; the text is masked whole (fail closed)."""


class _OutOfTime(Exception):
    """The scan of a long text passed its budget."""


class Scanner:
    """Runs detectors over text.

    Args:
        builtin: detectors selected by the gate (hipaalog's own, each with its ``gate`` bits).
        custom: detectors that always run (user rules: the gate knows nothing of them).
        catalogue: the key catalogue the gate consults for ``key=value`` pairs.
        budget: CPU seconds one long text may take (see :data:`BUDGET_SECONDS`).
    """

    __slots__ = ("_builtin", "_catalogue", "_clean", "_custom", "_found", "_long", "_selected", "_towns", "budget")

    def __init__(
        self,
        builtin: Sequence[Detector],
        custom: Sequence[Detector] = (),
        catalogue: KeyCatalogue = DEFAULT_CATALOGUE,
        budget: float = BUDGET_SECONDS,
    ) -> None:
        self.budget = budget
        self._builtin = tuple((d, _gate_bits(d)) for d in builtin)
        self._towns = any(d.name == "places" for d in builtin)
        """Whether the place reader is on: then a text found about a person has its towns read as theirs."""
        self._custom = tuple(custom)
        self._catalogue = catalogue
        self._clean: dict[str, None] = {}
        self._long: deque[str] = deque()
        self._selected: dict[int, tuple[Detector, ...]] = {}
        """The built-in detectors each set of gate bits selects (texts share few sets)."""
        self._found: dict[str, list[Span]] = {}
        """The spans of the most recent texts that held some (see :data:`_FOUND_LIMIT`)."""

    @property
    def clean(self) -> dict[str, None]:
        """Texts already scanned and found clean (bounded; read it to skip a scan)."""
        return self._clean

    @property
    def detectors(self) -> tuple[Detector, ...]:
        """Every detector, built-in ones first."""
        return tuple(d for d, _ in self._builtin) + self._custom

    def spans(self, text: str) -> list[Span]:
        """Merged, sorted spans of identifiers in ``text``; raises :class:`DetectorFailed`."""
        if len(text) < MIN_PHI_CHARS or text in self._clean:
            return []
        known = self._found.get(text)
        if known is not None:
            return known.copy()
        if text[0] in HEX_START and " " not in text and HEX_ID.fullmatch(text):
            self.remember_clean(text)  # ids recur (a request's records share one): next time one lookup
            return []
        found = self._windows(text, time.thread_time() + self.budget) if len(text) > WINDOW_CHARS else self._scan(text)
        cleared: list[Cleared] = []
        if may_hold_objects(text):  # Vendor(city=...), Patient(license=...): fields judged under their class
            added, cleared = repr_judgments(text, self._catalogue)
            if cleared and any(span[2] in _PERSON_KINDS for span in found):
                cleared = [c for c in cleared if not _public_address(text, c)]  # a patient's home device's
            found = _uncleared(found, cleared) + added if cleared else found + added
        if "'" in text and ("ity" in text or "own" in text):  # FROM stores WHERE city ILIKE 'sa%': a site's town
            firm = firm_town_literals(text)
            if firm:
                cleared = [*cleared, *firm]
                found = _uncleared(found, firm)
        if "_" in text and ("=" in text or ": " in text):  # support_email=help@acme.example: a firm's own line
            desks = desk_pairs(text, found)
            if desks:
                cleared = [*cleared, *desks]
                found = _uncleared(found, desks)
        if "List-" in text or "-Results:" in text or "Received" in text or "ARC-" in text:  # the mail system's
            relays = mail_system_lines(text, found)
            if relays:
                cleared = [*cleared, *relays]
                found = _uncleared(found, relays)
        found = _completed(found, text, towns=self._towns)
        if cleared:
            found = _uncleared(found, cleared)  # what the rows and echoes added inside a kept value
        merged = _merge(found, text) if found else found
        if not merged:  # nothing found, or only hipaalog's own markers (a text redacted before)
            self.remember_clean(text)
        elif len(text) <= WINDOW_CHARS:  # a longer text's spans depend on the time its windows took
            found_before = self._found
            if len(found_before) >= _FOUND_LIMIT:
                found_before.clear()  # (no eviction one by one: other threads may be adding)
            found_before[text] = merged.copy()
        return merged

    def _find(self, text: str, deadline: float = 0.0, only: frozenset[str] | None = None) -> list[Span]:
        """Spans of the detectors the gate selects for ``text`` (and of every custom one), unmerged.

        With a ``deadline``, raises :class:`_OutOfTime` when it passes between two detectors. With
        ``only``: the built-in detectors of those names alone (:data:`_BUILTIN_ONLY`: all of them,
        :data:`_CUSTOM_ONLY`: the custom ones alone).
        """
        found: list[Span] = []
        detectors: tuple[Detector, ...] = ()
        if self._builtin and only is not _CUSTOM_ONLY:
            bits = gate(text, self._catalogue)
            if bits:
                selected = self._selected.get(bits)
                if selected is None:
                    selected = tuple(d for d, selected_by in self._builtin if selected_by & bits)
                    if len(self._selected) >= _SELECTED_LIMIT:
                        self._selected.clear()
                    self._selected[bits] = selected
                detectors = selected
                if only is not None and only is not _BUILTIN_ONLY:
                    detectors = tuple(d for d in detectors if d.name in only)
        if self._custom and (only is None or only is _CUSTOM_ONLY):
            detectors = (*detectors, *self._custom)
        for detector in detectors:
            try:
                found.extend(detector.find(text))
            except Exception as exc:  # noqa: BLE001 - fail closed: the caller masks the whole text
                _diagnostics.problem(
                    "redaction-detector-failed", f"detector {detector.name!r} raised {type(exc).__name__}; value masked"
                )
                raise DetectorFailed(detector.name) from None
            if deadline and time.thread_time() > deadline:
                raise _OutOfTime
        return found

    def _scan(self, text: str, deadline: float = 0.0) -> list[Span]:
        """Spans in ``text`` as a reader sees it, mapped back to ``text`` (unmerged).

        Without a view, the text itself is scanned. A view that only requoted Python reprs adds
        the detectors that read quotes (names end at an apostrophe, not at a double quote) on the
        view. Any other view is what the built-in detectors scan, instead of the text: it holds
        everything the text does, decoded (custom detectors still read the text as written).
        """
        view = reader_view(text) if may_need_view(text) else None
        if view is None:
            return self._find(text, deadline)
        original = view.original
        if view.quotes_only:
            if view.unquoted is text:
                found = self._find(text, deadline)
            else:  # a date object's repr read as an ISO date; custom detectors still read the text as written
                unquoted = view.original_of_unquoted
                found = [(*unquoted(s, e), k) for s, e, k in self._find(view.unquoted, deadline, _BUILTIN_ONLY)]
                if self._custom:
                    found.extend(self._find(text, deadline, _CUSTOM_ONLY))
            found.extend((*original(s, e), kind) for s, e, kind in self._find(view.text, deadline, _READS_QUOTES))
            return found
        found = [(*original(s, e), kind) for s, e, kind in self._find(view.text, deadline, _BUILTIN_ONLY)]
        if self._custom:
            found.extend(self._find(text, deadline, _CUSTOM_ONLY))
        return found

    def _windows(self, text: str, deadline: float) -> list[Span]:
        """Spans of a long text, scanned window by window; past ``deadline`` the rest is one UNINSPECTED span.

        The deadline is checked after each detector: the text masked starts where the last window
        scanned in full ends.
        """
        found: list[Span] = []
        size = len(text)
        start = done = 0
        while start < size:
            end = min(size, start + WINDOW_CHARS)
            if end < size:
                space = text.rfind(" ", end - _OVERLAP // 2, end)  # cut between words where one is near
                end = space if space > start else end
            window = text[start:end]
            try:
                spans = self._scan(window, deadline)
            except _OutOfTime:
                _diagnostics.problem(
                    "redaction-budget-exceeded",
                    f"scanning a {size}-character text took more than {self.budget * 1000:g} ms of CPU; "
                    f"the last {size - done} characters masked",
                )
                found.append((done, size, UNINSPECTED))
                break
            found.extend((s + start, e + start, kind) for s, e, kind in spans)
            done = end
            if end >= size:
                break
            start = end - _OVERLAP
        return found

    def might_find(self, text: str) -> bool:
        """Whether any detector might report something in ``text`` (``False`` is certain)."""
        if self._custom:
            return True
        if not self._builtin:
            return False
        if gate(text, self._catalogue):
            return True
        if may_need_view(text):
            view = reader_view(text)
            return view is not None and gate(view.text, self._catalogue) != 0
        return False

    def remember_clean(self, text: str) -> None:
        """Record ``text`` as clean (after :meth:`might_find` said so, or as a redactor's own output).

        Short texts recur (ids, names of things): up to 4,096 are kept. Of longer ones only the
        most recent 64 are (each up to 64 K characters): they recur within one record's way out.
        """
        size = len(text)
        clean = self._clean
        if size <= _CLEAN_CACHE_MAX_CHARS:
            if len(clean) >= _CLEAN_CACHE_LIMIT:
                clean.clear()
                self._long.clear()
            clean[text] = None
        elif size <= _LONG_CLEAN_MAX_CHARS and text not in clean:
            long = self._long
            if len(long) >= _LONG_CLEAN_LIMIT:
                clean.pop(long.popleft(), None)
            long.append(text)
            clean[text] = None

    def spans_ungated(self, text: str) -> list[Span]:
        """Like :meth:`spans` without the gate, the cache and the windows (to check the gate in tests)."""
        if len(text) < MIN_PHI_CHARS or (text[0] in HEX_START and HEX_ID.fullmatch(text)):
            return []
        found: list[Span] = []
        view = reader_view(text) if may_need_view(text) else None
        builtin = [d for d, _ in self._builtin]
        if view is None or (view.quotes_only and view.unquoted is text):
            for detector in self.detectors:
                found.extend(detector.find(text))
        else:
            for detector in self._custom:
                found.extend(detector.find(text))
            if view.quotes_only:
                for detector in builtin:
                    spans = detector.find(view.unquoted)
                    found.extend((*view.original_of_unquoted(start, end), kind) for start, end, kind in spans)
        if view is not None:
            for detector in builtin:
                if view.quotes_only and detector.name not in _READS_QUOTES:
                    continue
                found.extend((*view.original(start, end), kind) for start, end, kind in detector.find(view.text))
        found = _completed(found, text, towns=self._towns)
        return _merge(found, text) if found else []


def _gate_bits(detector: Detector) -> int:
    bits = getattr(detector, "gate", None)
    return bits if isinstance(bits, int) else -1


_ECHO_MIN_CHARS: Final = 4
_ECHO_LIMIT: Final = 64


def _with_echoes(found: list[Span], text: str) -> list[Span]:
    """``found`` and every other place ``text`` repeats a value found once, as a whole word.

    A value a detector recognised by its context is often repeated without it: a SQL literal and its
    bound copy (``"mrn" = 'E1986659' LIMIT 21; args=('E1986659',)``), a name in a greeting and again
    in the body, a surname alone after the full name. Values of four characters or more with a digit
    or a capital letter count, and the capitalised words of a name; at most 64 values and 64 repeats
    each, so a text pays a few ``str.find`` calls (a value found once is looked for after itself and
    before itself, and no further).
    """
    echoes: list[Span] = []
    seen: set[str] = set()
    size = len(text)
    for start, end, kind in found:
        if end - start < _ECHO_MIN_CHARS or kind in (UNINSPECTED, KEEP):
            continue
        value = text[start:end]
        candidates = [value] if value[0].isupper() or not value.isalpha() else []
        if kind == "NAME" and " " in value:  # "Jane Roe", then "Roe called"; "Roe, Jane", then "Roe" alone
            for part in value.split():
                part = part.rstrip(",")
                if len(part) > 2 and part[0].isupper() and part.isalpha():
                    candidates.append(part)
        for candidate in candidates:
            if candidate in seen or len(seen) >= _ECHO_LIMIT:
                continue
            seen.add(candidate)
            if text.find(candidate, end) < 0 and text.find(candidate, 0, start) < 0:
                continue  # the usual case: found once, nowhere else
            length = len(candidate)
            index = text.find(candidate)
            repeats = 0
            while index >= 0 and repeats < _ECHO_LIMIT:
                after = index + length
                if (not index or not text[index - 1].isalnum()) and (after == size or not text[after].isalnum()):
                    echoes.append((index, after, kind))
                    repeats += 1
                index = text.find(candidate, after)
    return found + echoes if echoes else found


def _uncleared(found: list[Span], cleared: list[Cleared]) -> list[Span]:
    """``found`` without the spans inside a value its object's class keeps (as the kinds it keeps it from)."""
    return [
        span
        for span in found
        if not any(c.start <= span[0] and span[1] <= c.end and span[2] in c.kinds for c in cleared)
    ]


def _public_address(text: str, cleared: Cleared) -> bool:
    """Whether a value a thing's class keeps as a network address (``Server(ip='73.1.2.3')``) is a public one: in a
    text that names a person, the machine may be theirs (a home router, a phone): its address, MAC or host name is
    read as any."""
    if "IP" not in cleared.kinds or "NAME" in cleared.kinds:
        return False
    value = text[cleared.start : cleared.end].strip("'\" ")
    return not ip_private(value)  # a MAC or a host name beside a person as well: a device's own


def _kept(span: Span, kept: list[tuple[int, int]]) -> bool:
    """Whether ``span`` lies inside a span a detector keeps (never a span masked for lack of time)."""
    start, end, kind = span
    return kind != UNINSPECTED and any(k_start <= start and end <= k_end for k_start, k_end in kept)


_PERSON_KINDS: Final = frozenset({"NAME", "MRN", "PATIENT", "MEMBER_ID", "SSN", "DOB", "MBI"})
_MONTHS = "(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
_MONTH_NAMES = (
    "(?:January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_FULL_DATE: Final = re.compile(
    r"[0-9](?<![\w/.:-][0-9])(?:"
    r"(?<=[12])[0-9]{3}-[01]?[0-9]-[0-3]?[0-9]"
    r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9:]{4,5})?)?"
    r"|[0-9]?/[0-3]?[0-9]/(?:19|20)?[0-9]{2}"
    r"|[0-9]?-[0-3]?[0-9]-(?:19|20)[0-9]{2}"
    r"|(?<![*^~=][12])(?:(?<=1)9|(?<=2)0)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    r"|[0-9]?\.[01]?[0-9]\.(?:19|20)[0-9]{2}"
    r"|(?<=[12])[0-9]{3}(?:年|년[ ]?)[01]?[0-9](?:月|월[ ]?)[0-3]?[0-9](?:日|일)"
    rf"|[0-9]?[- ]{_MONTHS}[a-z]*\.?[- ,]+(?:19|20)[0-9]{{2}}"
    r"|(?<=[12])[0-9]{3}[/.](?:0?[1-9]|1[0-2])[/.](?:0?[1-9]|[12][0-9]|3[01])"
    rf"|[0-9]?(?:st|nd|rd|th|er|o|\.)?[ ]+(?:of[ ]+|de[ ]+)?{MONTH_ALTERNATION}\.?,?[ ]+(?:de[ ]+)?(?:19|20)[0-9]{{2}}"
    r")(?![\w/-]|\.[0-9])"
)


_MONTH_INITIALS: Final = "".join(sorted({word[0] for word in re.findall(r"[A-Z][a-z]+", _MONTH_NAMES)}))
_MONTH_DATE: Final = re.compile(
    # The look-ahead at a month's initial first: the engine fails most positions at one character-set test
    # instead of trying the look-behind and every month's name there.
    rf"(?=[{_MONTH_INITIALS}])(?<![\w])(?:{_MONTH_NAMES}\.?[ ][0-3]?[0-9](?:st|nd|rd|th)?,?[ ]"
    rf"|(?:{_MONTH_NAMES}|{_MONTH_NAMES.upper()})-[0-3]?[0-9]-)"
    r"(?:19|20)[0-9]{2}(?![\w/-])"
)
"""A date written with its month's name first (``June 14, 2025``): read only where such a capital is."""
"""A date with its day, month and year (``1/2/2025``, ``2025-01-02``, ``26-OCT-2026``, ``June 14, 2025``)."""


def dates_in(text: str) -> list[Span]:
    """The dates of ``text`` with a day: full ones (:data:`_FULL_DATE`, ``June 14, 2025``) and those without a
    year (:mod:`._day_dates`); for a text of a record that names a person."""
    dates = [(m.start(), m.end(), "DATE") for m in _FULL_DATE.finditer(text)]
    if any(ch in text for ch in "JFMASOND"):
        dates.extend((m.start(), m.end(), "DATE") for m in _MONTH_DATE.finditer(text))
    dates.extend(day_dates(text))
    return dates


def _about_a_person(found: list[Span], text: str, *, towns: bool = False) -> list[Span]:
    """``found``, and every full date of ``text`` when ``found`` names a person in it (and the ids after a
    generic id word, :mod:`._person_ids`, and, with ``towns``, the towns the place reader sees as a person's).

    Safe Harbor takes every date directly related to an individual; in a text that names a patient
    (a name, a record or member number, an SSN, a birth date), a full date is one of theirs whatever
    word comes before it (``Rescheduled MRI for Jane Roe from 26-OCT-2026 to 8/9/2026``).
    """
    people = [(start, end) for start, end, kind in found if kind in _PERSON_KINDS]
    if not people:
        if "[" not in text or PERSON_MARKER.search(text) is None:
            return found
        people = [(-1, -1)]  # an argument masked before the message was formatted ("for [REDACTED:NAME] on")
    kept = [(start, end) for start, end, kind in found if kind == KEEP]
    if kept and all(any(k_start <= start and end <= k_end for k_start, k_end in kept) for start, end in people):
        return found  # every name was inside text a detector keeps (a directory resource's name)
    dates = [(m.start(), m.end(), "DATE") for m in _FULL_DATE.finditer(text)]
    if any(ch in text for ch in "JFMASOND"):
        dates.extend((m.start(), m.end(), "DATE") for m in _MONTH_DATE.finditer(text))
    ends = [end for start, end in people if end >= 0]
    if "[" in text:
        ends.extend(marker.end() for marker in PERSON_MARKER.finditer(text))
    dates.extend(ids_beside_person(text, ends))  # "Ref 49243532", "record MR82271058", "Jane Roe (MR14242278)"
    if towns:
        dates.extend(_towns_of(people, text))  # "pickup in Lake Jessicaberg for [REDACTED:NAME]": their town
    return found + dates if dates else found


_AGE_AFTER_NAME: Final = re.compile(r"[ ]?\(([0-9]{2,3})\)|,[ ]([0-9]{2,3})(?=,[ ]?[^\W\d]|[;)]|[ ]?$)")
"""A number in brackets or between commas right after a name (``Jane Roe (94)``, ``Jane Roe, 101, fell``; not a
row of numbers, ``Jane Roe, 120, 80``)."""


def _towns_of(people: list[tuple[int, int]], text: str) -> list[Span]:
    """The towns of a text about a person. A town that is exactly a name found is the name (``'first': 'Hugo'``);
    a name found inside a town is no person (``in São José dos Campos``): a person found elsewhere, or hipaalog's
    mask of one, must remain."""
    towns = [span for span in towns_beside_person(text) if (span[0], span[1]) not in people]
    if not towns:
        return towns
    for start, end in people:
        if not any(t_start <= start and end <= t_end for t_start, t_end, _kind in towns):
            return towns
    return towns if "[" in text and PERSON_MARKER.search(text) is not None else []


def _ages_after_names(found: list[Span], text: str) -> list[Span]:
    """``found``, and the ages over 89 written right after a name it holds (or hipaalog's mask of one)."""
    ends = [end for _, end, kind in found if kind == "NAME"]
    if "[" in text and "NAME" in text:
        ends.extend(marker.end() for marker in PERSON_MARKER.finditer(text) if "NAME" in marker[0])
    ages: list[Span] = []
    for end in ends:
        if end < len(text) and text[end] in " (,":
            age = _AGE_AFTER_NAME.match(text, end)
            group = 0 if age is None else 1 if age[1] is not None else 2
            if age is not None and 89 < int(age[group]) < 140:
                ages.append((age.start(group), age.end(group), "AGE"))
    return found + ages if ages else found


def _completed(found: list[Span], text: str, *, towns: bool = False) -> list[Span]:
    """``found`` with the repeats of its values, the ages over 89 right after a name and, in a text about a
    person, its full dates (the person may be in ``text`` only as hipaalog's mask of an argument: ``for
    [REDACTED:NAME] on ...``)."""
    if not found and "[" not in text:
        return row_sibling_spans(found, text)  # a row said to be a patient's, or shaped as one
    found = with_name_neighbours(with_lone_names(found, text), text)
    found = _about_a_person(_ages_after_names(_with_echoes(found, text), text), text, towns=towns)
    if _strongly_about_a_person(found, text):
        found = found + _unclaimed(shaped_ids(text), found)  # "pt Jane Roe presented D1234567": theirs, cue or not
        if any(ch.isdigit() for ch in text):
            found = found + list(day_dates(text))  # "Jane Roe rescheduled to 4/24": theirs (joined with any overlap)
    return firm_row_spans(row_sibling_spans(found, text), text)  # a vendor's row: its address and phone its own


def _unclaimed(spans: Iterable[Span], found: list[Span]) -> list[Span]:
    """``spans`` that overlap none of ``found`` (a detector that read the value knows its kind: ``PH6175550199``)."""
    return [
        (start, end, kind)
        for start, end, kind in spans
        if not any(f_start < end and start < f_end for f_start, f_end, _ in found)
    ]


_STRONG_KINDS: Final = frozenset(
    ("DOB", "SSN", "MRN", "PATIENT", "MEMBER_ID", "MBI", "PHONE", "FAX", "EMAIL", "ADDRESS")
)
"""Kinds of a finding that name a person by themselves (a name counts when written whole: ``Jane Roe``)."""
_STRONG_MARKER: Final = re.compile(
    r"\[(?:REDACTED:)?(?:NAME|DOB|SSN|MRN|PATIENT|MEMBER_ID|MBI|PHONE|FAX|EMAIL|ADDRESS)[:\]]"
)
"""hipaalog's mask or pseudonym of a person's identifier, already in a text."""


_TOLL_FREE: Final = re.compile(r"(?<![0-9])(?:1[ .-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}")
"""A North American toll-free number (``1-800-555-0142``): an organisation's line."""


def _strongly_about_a_person(found: list[Span], text: str) -> bool:
    """Whether ``found`` names a person in ``text`` by a strong sign: a birth date, an SSN, a record, member or
    phone number, an e-mail or street address, a name of two words or more, or hipaalog's mask of one; a name
    or id inside text a detector keeps (a directory resource's) does not count."""
    kept = [(start, end) for start, end, kind in found if kind == KEEP]
    for start, end, kind in found:
        if kind == "PHONE" and _TOLL_FREE.search(text, start, end) is not None:
            continue  # "call support at 1-800-555-0142": a desk's line, no one's
        if (kind in _STRONG_KINDS or (kind == "NAME" and _whole_name(text, start, end))) and (
            not kept or not any(k_start <= start and end <= k_end for k_start, k_end in kept)
        ):
            return True
    return "[" in text and _STRONG_MARKER.search(text) is not None


def _whole_name(text: str, start: int, end: int) -> bool:
    """Whether a name found is written with two words or more (``Jane Roe``, ``Roe, Jane``), not a lone word."""
    return " " in text[start:end].strip()


_BARE_TOKEN: Final = re.compile(r"[A-Z][A-Z0-9_]*:[A-Za-z0-9_.-]+:[a-z2-7]{16}(?![A-Za-z0-9])")
"""A keyed pseudonym as a whole value is written (``SSN:k1:...``): redacting it again must keep it."""


_KEPT_WORD: Final = re.compile(r"[^\W\d_]+(?=[^\w]*$)")
"""The last word of a kept phrase: the surname of an eponym, the product of a drug word."""


def _unnamed_keeps(found: list[Span], text: str) -> list[tuple[int, int]]:
    """The spans a detector keeps, less those whose last word is a word of a name found outside every kept span.

    ``patient Cloe Scott: dose of Scott increased``, ``paciente Ana Ruiz, enfermedad de Ruiz``: the word a drug or
    eponym reader keeps is the surname the same text gives a person, so it is that person's.
    """
    kept = [(start, end) for start, end, kind in found if kind == KEEP]
    named: set[str] = set()
    for start, end, kind in found:
        if kind == "NAME" and not any(k_start < end and start < k_end for k_start, k_end in kept):
            named.update(word.casefold() for word in _NAME_WORD.findall(text, start, end))
    if not named:
        return kept
    unnamed = []
    for start, end in kept:
        last = _KEPT_WORD.search(text, start, end)
        if last is None or last[0].casefold() not in named:
            unnamed.append((start, end))
    return unnamed


_NAME_WORD: Final = re.compile(r"[^\W\d_]{2,}")


def _merge(found: list[Span], text: str) -> list[Span]:
    """Sort spans, drop those inside hipaalog's own markers or inside what a detector keeps (:data:`KEEP`),
    join overlapping ones (the longest names the kind)."""
    protected = [m.span() for m in MARKER.finditer(text)] if "[" in text else []
    if ":" in text:  # a pseudonym written without brackets (a whole value's token: ``PHONE:k1:...``)
        protected.extend(m.span() for m in _BARE_TOKEN.finditer(text))
    if any(kind == KEEP for _, _, kind in found):
        kept = _unnamed_keeps(found, text)
        found = [span for span in found if span[2] != KEEP and not _kept(span, kept)]
    found.sort(key=lambda s: (s[0], s[0] - s[1]))
    merged: list[Span] = []
    best = 0
    for start, end, kind in found:
        if protected and any(p_start < end and start < p_end for p_start, p_end in protected):
            continue
        if merged and start < merged[-1][1]:
            last_start, last_end, last_kind = merged[-1]
            if end > last_end:
                if end - start > best:
                    last_kind, best = kind, end - start
                merged[-1] = (last_start, end, last_kind)
            continue
        merged.append((start, end, kind))
        best = end - start
    return merged
