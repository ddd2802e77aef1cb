"""The analyzer's rules fed from a columnar engine: the few records a rule needs one by one, the rest as totals.

:class:`ReducedAnalyzer` is :class:`~hipaalog.report._analyze.Analyzer` with the per-record work
that a columnar engine computes in bulk taken out: distinct patients per person and day or week,
the resource each person opens most in a week, the hours someone logged in on a day, and the
chart counts arrive as totals (:class:`DayTotals`); only records that can change a sequential
rule's state are fed one by one (:meth:`ReducedAnalyzer.feed_row`), each with flags saying which
rules read it. Every rule decides exactly as in the streaming analyzer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ._analyze import _SURGE_MATES, Analyzer, _Week
from ._config import ReportConfig
from ._day_volume import DayCounts, judge_day
from ._model import Finding
from ._stats import PeerStats

__all__ = ["CROWD", "EVENT", "REOPEN", "DayTotals", "ReducedAnalyzer", "Tally", "Totals", "WeekTotals"]

EVENT = 1
"""The record's own event runs (log-in, change, export, denial, break-glass)."""
REOPEN = 2
"""The access goes to the repeated-opens rule."""
CROWD = 4
"""The access goes to the crowd (VIP) rule."""


class Tally:
    """Distinct patients one person touched in a day or week: how many, and (read only for a finding's
    evidence) the lowest first-touch seqs, which the engine may fill in later (see :meth:`Totals.asked`)."""

    __slots__ = ("actor", "count", "evidence")

    def __init__(self, count: int, evidence: Callable[[str], list[int]], actor: str) -> None:
        self.count = count
        self.evidence = evidence
        """Reads the evidence seqs of a person (one reader serves everyone of a day or week)."""
        self.actor = actor

    def __len__(self) -> int:
        return self.count

    def values(self) -> Iterator[int]:
        """The evidence seqs (as the analyzer reads a patient -> first seq mapping)."""
        return iter(self.evidence(self.actor))


@dataclass
class DayTotals:
    """What the columnar engine counted for one local day."""

    counts: DayCounts | None = None
    """Per person, distinct patients accessed or changed that day, with their earlier days summarised."""
    login_hours: dict[str, int] = field(default_factory=dict)
    """Per person, the 24-bit mask of hours with a successful log-in."""
    evidence: Callable[[str], list[int]] = field(default=lambda actor: [])
    """Reads a person's evidence seqs of the day (for a finding)."""


@dataclass
class WeekTotals:
    """What the columnar engine counted for one local week."""

    touched: dict[str, Tally] = field(default_factory=dict)
    top_resource: dict[str, tuple[str, int]] = field(default_factory=dict)


class Totals:
    """What the columnar engine counted, read one day or week at a time as the replay reaches it (this
    base class: nothing)."""

    def day(self, number: int) -> DayTotals:
        """The totals of local day ``number``."""
        return DayTotals()

    def week(self, number: int) -> WeekTotals:
        """The totals of local week ``number``."""
        return WeekTotals()

    def asked(self) -> object | None:
        """What the last evidence read asked for, if the engine answers it later (taken: asked once); the
        finding emitted with that evidence is then handed back with it (:attr:`ReducedAnalyzer.later`)."""
        return None


class ReducedAnalyzer(Analyzer):
    """The analyzer over a reduced record stream and per-day and per-week totals (see the module)."""

    def __init__(
        self,
        config: ReportConfig | None,
        streams: dict[int, str],
        totals: Totals,
    ) -> None:
        super().__init__(config, streams)
        self._totals = totals
        """Loads a day's or a week's totals when the replay reaches it (only one day's and one week's are held)."""
        self._flags = EVENT
        self._day_counts: DayCounts | None = None
        """The day being replayed's distinct patients per person, judged when the day ends."""
        self._day_evidence: Callable[[str], list[int]] = DayTotals().evidence
        self.later: list[tuple[Finding, object]] = []
        """Findings whose evidence the engine fills in after the replay, each with what was asked for it."""

    def feed_row(self, ts: float, stream: int, seq: int, flags: int, audit: dict[str, Any]) -> None:
        """One record of the reduced stream; ``flags`` (:data:`EVENT`, :data:`REOPEN`, :data:`CROWD`) say
        which rules read it; none at all: it only marks the start of a day (the rules' pruning clock)."""
        if not self._day_lo <= ts < self._day_hi:
            self._enter_day(ts)
        if not flags:
            return
        self._flags = flags
        record = {"audit": audit, "seq": seq if seq >= 0 else None}
        records = self.records
        super().feed(ts, record, stream)
        self.records = records

    def close_periods(self) -> None:
        """Judge the last day and week now, while their evidence can still be read (``finish`` finds them closed)."""
        if self._day_counts is not None:
            self._close_volume_day()
        if self._week is not None:
            self._close_week(self._week)
            self._week = None

    def finish_totals(
        self,
        records: int,
        first: float | None,
        last: float | None,
        grids: tuple[Any, Any],
        per_day: dict[int, list[int]],
    ) -> None:
        """The counts of every record (not only the reduced ones), for the report and its charts."""
        self.records = records
        self.first, self.last = first, last
        self.logins_grid, self.failures_grid = grids
        self.per_day = per_day

    def _emit(self, *args: Any, **kwargs: Any) -> None:
        super()._emit(*args, **kwargs)
        asked = self._totals.asked()
        if asked is not None:
            self.later.append((self.findings[-1], asked))

    # -- what the totals replace ---------------------------------------------------------------
    def _new_day(self, day: int, ts: float) -> None:
        if self._day_counts is not None and not (self._day >= 0 and day < self._day):
            self._close_volume_day()  # where the streaming analyzer closes its day, before the week
        week_before = self._week
        super()._new_day(day, ts)
        if self._day != day:
            return
        week = self._week
        if week is not None and week is not week_before:
            self._fill_week(week)
        totals = self._totals.day(day)
        if totals.counts is not None and len(totals.counts):
            self._day_counts = totals.counts
            self._day_evidence = totals.evidence
            self._today_day = day
        for actor, mask in totals.login_hours.items():
            key = (actor, day)
            self._login_days[key] = self._login_days.get(key, 0) | mask

    def _fill_week(self, week: _Week) -> None:
        totals = self._totals.week(week.number)
        for actor, tally in totals.touched.items():
            week.patients[actor] = tally  # type: ignore[assignment]
            week.active.add(actor)
        for actor, (resource, count) in totals.top_resource.items():
            week.resources[actor] = {resource: count}

    def _close_volume_day(self) -> None:
        """Judge the day's people as columns (:func:`judge_day`); the few at their limit are written as the
        streaming analyzer writes them."""
        counts, self._day_counts = self._day_counts, None
        if counts is None:
            return
        cfg = self.config
        units = [self._unit_of(actor) or "" for actor in counts.actors]
        judged = judge_day(
            counts,
            units,
            day_z=cfg.day_z,
            day_ratio=cfg.day_ratio,
            day_min=cfg.day_min_patients,
            baseline_days=cfg.baseline_days,
            surge_mates=_SURGE_MATES,
        )
        week = self._week
        if week is not None:
            days, surges = week.days, week.surge
            for actor, surge in zip(counts.actors, judged.surge.tolist(), strict=True):
                days[actor] = days.get(actor, 0) + 1
                surges[actor] = surges.get(actor, 0.0) + surge
        if judged.peak is not None:
            self._peak("patients-above-own-days", judged.peak)
        day = self._today_day
        evidence = self._day_evidence
        for i in judged.reached.tolist():
            actor = counts.actors[i]
            median, mad = float(counts.medians[i]), float(counts.mads[i])
            stats = PeerStats(int(counts.sizes[i]), median, mad, float(judged.scale[i]))
            above = float(judged.above[i])
            # the streaming analyzer's max() keeps the configured minimum itself when it is the larger
            limit = cfg.day_min_patients if cfg.day_min_patients > above else above
            tally = Tally(int(counts.counts[i]), evidence, actor)
            self._emit_volume_day(
                actor,
                day,
                tally,  # type: ignore[arg-type]  # a Tally reads like the patients mapping
                stats,
                limit,
                int(judged.mates[i]),
                float(judged.surge[i]),
            )

    def _count_day(self, day: int, column: int) -> None:
        """Counted by the engine."""

    def _touch_patient(self, actor: str, patient: str, seq: Any) -> _Week:
        """Counted by the engine."""
        week = self._week
        assert week is not None
        return week

    def _access(self, audit: dict[str, Any], ts: float, seq: Any, stream: int) -> None:
        actor = audit.get("actor")
        if type(actor) is not str:
            return
        flags = self._flags
        if flags & EVENT:
            outcome = audit.get("outcome")
            if audit.get("emergency") is True:
                self._daily_add("break-glass", actor, self._day, (ts, seq, stream), audit.get("patient"))
            if outcome == "denied":
                self._daily_add("access-denied", actor, self._day, (ts, seq, stream), audit.get("patient"))
            if outcome != "success":
                return
        patient = audit.get("patient")
        if type(patient) is not str:
            return
        if flags & REOPEN:
            self._reopen(actor, patient, ts, seq, stream)
        if flags & CROWD:
            self._crowd.add(patient, actor, ts, seq, stream, self._carers.get(patient))
