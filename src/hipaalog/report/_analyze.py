"""The analysis rules: one pass over audit records in time order, with state bounded by the windows.

Rules (names as they appear in findings):

- ``failed-login-burst-user``, ``failed-login-burst-source``: many failed log-ins against one
  user, or from one source, inside a short window;
- ``many-users-from-source``: failed log-ins for many distinct users from one source;
- ``success-after-failures``: a successful log-in right after a burst of failures;
- ``off-hours-login``: a log-in outside working hours at an hour (or on a day) unusual for that
  person's own active days (the calendar alone decides until they have enough days);
- ``new-source-login``: a source the user had not used after their learning period, and that
  neither their unit nor several other people use;
- ``patients-above-peers``, ``exports-above-peers``: a user-week far above the peer group's median
  (robust z-score from the median and MAD);
- ``patients-above-own-days``: a day far above the person's own usual days, and above their peers'
  same day (a surge everyone shares is not flagged);
- ``many-staff-one-patient``: one patient's record opened by many distinct staff without a care
  relationship (no documentation in the record) within a short window (the VIP pattern);
- ``repeated-record-opens``: one user opening one patient's record in many separate sessions,
  without documenting care in it;
- ``break-glass``, ``access-denied``: emergency access, and access refused.
"""

from __future__ import annotations

from collections import Counter, deque
from operator import itemgetter
from typing import Any

from ._baseline import IRREGULAR_HOURS, OWN_MIN_DAYS, Crowd, Habits, OwnVolume
from ._config import ReportConfig
from ._model import Finding, Severity
from ._stats import PeerStats, median, median_of_others, peer_stats
from ._timeparse import LocalClock

__all__ = ["Analyzer"]

_FAILED = frozenset({"failure", "denied"})
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _minutes(window: float) -> str:
    """A duration for people: ``45 s``, ``3.6 min``, ``2 h``."""
    if window < 60:
        return f"{window:.0f} s"
    minutes = window / 60
    return f"{minutes:.2g} min" if minutes < 120 else f"{minutes / 60:.2g} h"


class _Acc:
    """Evidence gathered for one finding while it is still growing."""

    __slots__ = ("cap", "end", "seqs", "start", "streams", "total", "values")

    def __init__(self, cap: int, start: float) -> None:
        self.cap = cap
        self.start = start
        self.end = start
        self.seqs: list[int] = []
        self.total = 0
        self.streams: set[int] = set()
        self.values: set[str] = set()

    def add(self, ts: float, seq: Any, stream: int) -> None:
        self.end = max(self.end, ts)
        self.start = min(self.start, ts)
        self.total += 1
        if type(seq) is int and len(self.seqs) < self.cap:
            self.seqs.append(seq)
        self.streams.add(stream)


class _Window:
    """Per-key sliding window: once ``threshold`` is reached within ``window``, a finding opens and
    grows until a quiet ``window``; subclasses say what is counted (:meth:`_push`)."""

    __slots__ = ("cap", "closed", "open", "peak", "recent", "threshold", "window")

    def __init__(self, threshold: int, window: float, cap: int) -> None:
        self.peak = 0
        self.threshold = threshold
        self.window = window
        self.cap = cap
        self.recent: dict[str, deque[tuple[float, Any, int, str]]] = {}
        self.open: dict[str, _Acc] = {}
        self.closed: list[tuple[str, _Acc]] = []

    def add(self, key: str, ts: float, seq: Any, stream: int, value: str) -> None:
        acc = self.open.get(key)
        if acc is not None:
            if ts - acc.end <= self.window:
                acc.add(ts, seq, stream)
                acc.values.add(value)
                self.peak = max(self.peak, self._reached(acc))
                return
            self.closed.append((key, self.open.pop(key)))
        size = self._push(key, (ts, seq, stream, value))
        self.peak = max(self.peak, size)
        if size >= self.threshold:
            recent = self.recent[key]
            acc = _Acc(self.cap, recent[0][0])
            for item in recent:
                acc.add(item[0], item[1], item[2])
                acc.values.add(item[3])
            self.open[key] = acc
            self._forget(key)

    def _push(self, key: str, item: tuple[float, Any, int, str]) -> int:
        """Record ``item`` in ``key``'s recent history, drop what left the window; the size to compare."""
        raise NotImplementedError

    @staticmethod
    def _reached(acc: _Acc) -> int:
        """The value an open finding has reached (for the peaks table): its events."""
        return acc.total

    def _forget(self, key: str) -> None:
        del self.recent[key]

    def prune(self, now: float) -> None:
        for key in [k for k, d in self.recent.items() if now - d[-1][0] > self.window]:
            self._forget(key)
        for key in [k for k, a in self.open.items() if now - a.end > self.window]:
            self.closed.append((key, self.open.pop(key)))

    def finish(self) -> None:
        self.closed.extend(self.open.items())
        self.open.clear()


class _Burst(_Window):
    """``threshold`` events for one key within ``window`` open a burst that grows until a quiet ``window``."""

    __slots__ = ()

    def _push(self, key: str, item: tuple[float, Any, int, str]) -> int:
        recent = self.recent.get(key)
        if recent is None:
            recent = self.recent[key] = deque(maxlen=self.threshold)
        recent.append(item)
        while item[0] - recent[0][0] > self.window:
            recent.popleft()
        return len(recent)


class _Spray(_Window):
    """Failures for ``threshold`` distinct users (the values) from one source within ``window``."""

    __slots__ = ("counts",)

    def __init__(self, threshold: int, window: float, cap: int) -> None:
        super().__init__(threshold, window, cap)
        self.counts: dict[str, Counter[str]] = {}

    def _push(self, key: str, item: tuple[float, Any, int, str]) -> int:
        recent = self.recent.get(key)
        if recent is None:
            recent = self.recent[key] = deque()
            self.counts[key] = Counter()
        counts = self.counts[key]
        recent.append(item)
        counts[item[3]] += 1
        while item[0] - recent[0][0] > self.window:
            old = recent.popleft()
            counts[old[3]] -= 1
            if not counts[old[3]]:
                del counts[old[3]]
        return len(counts)

    def _forget(self, key: str) -> None:
        del self.recent[key], self.counts[key]

    @staticmethod
    def _reached(acc: _Acc) -> int:
        return len(acc.values)


_SURGE_MATES = 3
"""Others of a unit with a baseline, active the same day, needed to tell a shared surge."""
_GROUP_DAYS = 2000
"""Member-days remembered per peer group for the group's usual hours."""


class _OffHours:
    """One person's log-ins outside the calendar on one day, waiting to be judged against their habits."""

    __slots__ = ("acc", "logins", "new_source", "weekday")

    def __init__(self, acc: _Acc, weekday: int) -> None:
        self.acc = acc
        self.weekday = weekday
        self.logins: list[tuple[int, float, Any, int]] = []
        """(local minute, ts, seq, stream) of the first ``max_evidence`` log-ins."""
        self.new_source = False

    @property
    def minutes(self) -> list[int]:
        """Local minutes of the day's log-ins outside the calendar."""
        return [login[0] for login in self.logins]


class _Week:
    """Per-user activity of the current local week, for peer comparison."""

    __slots__ = ("active", "days", "exports", "number", "patients", "resources", "surge")

    def __init__(self, number: int) -> None:
        self.number = number
        self.active: set[str] = set()
        self.days: dict[str, int] = {}
        self.surge: dict[str, float] = {}
        """Per person, the sum over their days of their unit's surge (others' volume against their own days)."""
        self.patients: dict[str, dict[str, Any]] = {}
        self.resources: dict[str, dict[str, int]] = {}
        self.exports: dict[str, list[Any]] = {}


class Analyzer:
    """Feed records in time order with :meth:`feed`, then call :meth:`finish` for the findings.

    Memory is bounded by the windows, not by the length of the stream: failure and session
    histories are pruned once a day, peer statistics are kept for the current week only, and
    chart data is a fixed grid plus one counter per day.
    """

    def __init__(self, config: ReportConfig | None = None, streams: dict[int, str] | None = None) -> None:
        self.config = config = config or ReportConfig()
        self.stream_names: dict[int, str] = streams if streams is not None else {}
        """Stream index -> name (``appId/microservice``), filled by the caller as streams appear."""
        self.clock: LocalClock = config.clock()
        self.cap = config.max_evidence
        self._work_start, self._work_end = config.work_minutes
        self._work_days = config.work_weekdays
        self.records = 0
        self.first: float | None = None
        self.last: float | None = None
        self.findings: list[Finding] = []
        # log-ins
        self._burst_user = _Burst(config.fail_burst_user, config.fail_window, self.cap)
        self._burst_source = _Burst(config.fail_burst_source, config.fail_window, self.cap)
        self._spray = _Spray(config.spray_users, config.spray_window, self.cap)
        self._fail_user: dict[str, deque[tuple[float, Any, int]]] = {}
        self._fail_source: dict[str, deque[tuple[float, Any, int]]] = {}
        self._sources: dict[str, tuple[float, set[str]]] = {}
        self._unit_sources: dict[str, set[str]] = {}
        self._source_users: dict[str, tuple[str, ...]] = {}
        """Per source, the first few people who logged in from it (one more than ``shared_source_users``)."""
        self._off_hours: dict[tuple[str, int], _OffHours] = {}
        self._login_days: dict[tuple[str, int], int] = {}
        self._habits: dict[str, Habits] = {}
        self._group_habits: dict[str, Habits] = {}
        self._group_members: dict[str, set[str]] = {}
        self._deferred: dict[str, list[tuple[int, _OffHours]]] = {}
        # access
        self._week: _Week | None = None
        self._pairs: dict[tuple[str, str], list[Any]] = {}
        self._reopen_open: dict[tuple[str, str], _Acc] = {}
        self._daily: dict[tuple[str, str, int], _Acc] = {}
        self._group_of: dict[str, str] = {}
        self._today: dict[str, dict[str, Any]] = {}
        self._today_day = -1
        self._volume: dict[str, OwnVolume] = {}
        self._carers: dict[str, dict[str, float]] = {}
        self._crowd = Crowd(config.crowd_staff, config.crowd_window, self.cap)
        # charts
        self.logins_grid = [[0] * 24 for _ in range(7)]
        self.failures_grid = [[0] * 24 for _ in range(7)]
        self.per_day: dict[int, list[int]] = {}
        self.peer_points: dict[str, dict[str, Any]] = {}
        self._day = -1
        self._day_lo = self._day_hi = 0.0
        self._peaks: dict[str, float] = {}

    # -- feeding --------------------------------------------------------------------------------
    def feed(self, ts: float, record: dict[str, Any], stream: int = 0) -> None:
        """Take one audit record (already parsed, ``ts`` its timestamp in epoch seconds)."""
        audit = record["audit"]
        self.records += 1
        if self.first is None:
            self.first = ts
        self.last = ts
        if not self._day_lo <= ts < self._day_hi:
            self._enter_day(ts)
        event = audit.get("event")
        if event == "access":
            self._access(audit, ts, record.get("seq"), stream)
        elif event == "login":
            self._login(audit, ts, record.get("seq"), stream, local=self.clock.position(ts))
        elif event == "change":
            self._change(audit, ts, record.get("seq"))
        elif event == "export":
            self._export(audit, ts, record.get("seq"), stream)

    def _enter_day(self, ts: float) -> None:
        """Work out which local day ``ts`` falls on, and that day's bounds in UTC (exact across DST)."""
        clock = self.clock
        day = clock.day(ts)
        lo = day * 86400 - clock.offset(ts)
        lo = day * 86400 - clock.offset(lo)
        hi = (day + 1) * 86400 - clock.offset(ts)
        hi = (day + 1) * 86400 - clock.offset(hi)
        self._day_lo, self._day_hi = min(lo, ts), max(hi, ts + 1e-6)
        if day != self._day:
            self._new_day(day, ts)

    def _new_day(self, day: int, ts: float) -> None:
        if self._day >= 0 and day < self._day:
            return  # a record slightly out of order across midnight; keep the later day
        if self._today:
            self._close_volume_day()
        self._day = day
        week = LocalClock.week_of_day(day)
        if self._week is None or week != self._week.number:
            if self._week is not None:
                self._close_week(self._week)
            self._week = _Week(week)
        self._prune(ts)

    def _count_day(self, day: int, column: int) -> None:
        row = self.per_day.get(day)
        if row is None:
            row = self.per_day[day] = [0, 0, 0]
        row[column] += 1

    def _login(self, audit: dict[str, Any], ts: float, seq: Any, stream: int, *, local: tuple[int, int, int]) -> None:
        day, weekday, minute = local
        actor = audit.get("actor")
        if not isinstance(actor, str):
            return
        source = audit.get("source")
        source = source if isinstance(source, str) and source else None
        hour = minute // 60
        if audit.get("outcome") in _FAILED:
            self.failures_grid[weekday][hour] += 1
            self._count_day(day, 1)
            self._burst_user.add(actor, ts, seq, stream, source or "?")
            item = (ts, seq, stream)
            recent = self._fail_user.get(actor)
            if recent is None:
                recent = self._fail_user[actor] = deque(maxlen=self.cap)
            recent.append(item)
            if source is not None:
                self._burst_source.add(source, ts, seq, stream, actor)
                self._spray.add(source, ts, seq, stream, actor)
                recent = self._fail_source.get(source)
                if recent is None:
                    recent = self._fail_source[source] = deque(maxlen=self.cap)
                recent.append(item)
            return
        if audit.get("outcome") != "success":
            return
        self.logins_grid[weekday][hour] += 1
        self._count_day(day, 0)
        self._success_after_failures(actor, source, ts, seq, stream)
        new_source = self._new_source(actor, source, ts, seq, stream)
        key = (actor, day)
        self._login_days[key] = self._login_days.get(key, 0) | (1 << hour)
        start, end = self._work_start, self._work_end
        in_hours = (start <= minute < end) if start <= end else (minute >= start or minute < end)
        if in_hours and weekday in self._work_days:
            return
        candidate = self._off_hours.get(key)
        if candidate is None:
            candidate = self._off_hours[key] = _OffHours(_Acc(self.cap, ts), weekday)
        candidate.acc.add(ts, seq, stream)
        if len(candidate.logins) < self.cap:
            candidate.logins.append((minute, ts, seq, stream))
        candidate.new_source = candidate.new_source or new_source

    def _recent_failures(
        self, table: dict[str, deque[tuple[float, Any, int]]], key: str | None, ts: float
    ) -> list[tuple[float, Any, int]]:
        if key is None:
            return []
        recent = table.get(key)
        if not recent:
            return []
        window = self.config.success_after_window
        while recent and ts - recent[0][0] > window:
            recent.popleft()
        return list(recent)

    def _success_after_failures(self, actor: str, source: str | None, ts: float, seq: Any, stream: int) -> None:
        by_user = self._recent_failures(self._fail_user, actor, ts)
        by_source = self._recent_failures(self._fail_source, source, ts)
        threshold = self.config.success_after_failures
        self._peak("success-after-failures", max(len(by_user), len(by_source)))
        if len(by_user) < threshold and len(by_source) < threshold:
            return
        failures = sorted(set(by_user) | set(by_source), key=lambda item: item[0])
        acc = _Acc(self.cap, failures[0][0])
        for item in failures:
            acc.add(*item)
        acc.add(ts, seq, stream)
        self._fail_user.pop(actor, None)
        if source is not None:
            self._fail_source.pop(source, None)
        where = f" from {source}" if source else ""
        self._emit(
            "success-after-failures",
            Severity.CRITICAL,
            f"user {actor} logged in{where} right after {len(failures)} failed attempts "
            f"(within {_minutes(self.config.success_after_window)})",
            acc,
            actor=actor,
            source=source,
            details={"failures": len(failures)},
        )

    def _new_source(self, actor: str, source: str | None, ts: float, seq: Any, stream: int) -> bool:
        if source is None:
            return False
        elsewhere = self._known_elsewhere(actor, source)
        known = self._sources.get(actor)
        if known is None:
            self._sources[actor] = (ts + self.config.learn_days * 86400, {source})
            return False
        learn_until, sources = known
        if source in sources:
            return False
        sources.add(source)
        if ts <= learn_until or elsewhere:
            return False
        acc = _Acc(self.cap, ts)
        acc.add(ts, seq, stream)
        self._emit(
            "new-source-login",
            Severity.LOW,
            f"user {actor} logged in from {source}, a source not seen for this user before "
            f"(sources are learned during each user's first {self.config.learn_days:g} days)",
            acc,
            actor=actor,
            source=source,
            details={"known_sources": len(sources) - 1},
        )
        return True

    def _unit_of(self, actor: str) -> str | None:
        cfg = self.config
        return cfg.units.get(actor) or cfg.peer_groups.get(actor) or self._group_of.get(actor)

    def _known_elsewhere(self, actor: str, source: str) -> bool:
        """Whether ``source`` is a workstation of ``actor``'s unit or one several other people use; then remember
        that ``actor`` used it."""
        unit = self._unit_of(actor)
        in_unit = self._unit_sources.setdefault(unit, set()) if unit is not None else set()
        users = self._source_users.get(source, ())
        shared = self.config.shared_source_users
        known = source in in_unit or len(users) - (actor in users) >= shared
        in_unit.add(source)
        if len(users) <= shared and actor not in users:
            self._source_users[source] = (*users, actor)  # a tuple of a few: a quarter of a set's memory
        return known

    def _access(self, audit: dict[str, Any], ts: float, seq: Any, stream: int) -> None:
        actor = audit.get("actor")
        if type(actor) is not str:
            return
        outcome = audit.get("outcome")
        if audit.get("emergency") is True:
            self._daily_add("break-glass", actor, self._day, (ts, seq, stream), audit.get("patient"))
        if outcome != "success":
            if outcome == "denied":
                self._count_day(self._day, 2)
                self._daily_add("access-denied", actor, self._day, (ts, seq, stream), audit.get("patient"))
            return
        patient = audit.get("patient")
        if type(patient) is not str:
            return
        week = self._touch_patient(actor, patient, seq)
        resource = audit.get("resource")
        if type(resource) is str:
            counts = week.resources[actor]
            counts[resource] = counts.get(resource, 0) + 1
        self._reopen(actor, patient, ts, seq, stream)
        self._crowd.add(patient, actor, ts, seq, stream, self._carers.get(patient))

    def _change(self, audit: dict[str, Any], ts: float, seq: Any) -> None:
        actor = audit.get("actor")
        patient = audit.get("patient")
        if type(actor) is not str or type(patient) is not str or audit.get("outcome") != "success":
            return
        self._touch_patient(actor, patient, seq)
        carers = self._carers.get(patient)
        if carers is None:
            carers = self._carers[patient] = {}
        carers[actor] = ts

    def _touch_patient(self, actor: str, patient: str, seq: Any) -> _Week:
        """Count ``patient`` among the distinct patients ``actor`` touched this week; the week's tally."""
        week = self._week
        assert week is not None
        patients = week.patients.get(actor)
        if patients is None:
            patients = week.patients[actor] = {}
            week.resources[actor] = {}
            week.active.add(actor)
        if patient not in patients:
            patients[patient] = seq
        today = self._today.get(actor)
        if today is None:
            today = self._today[actor] = {}
            self._today_day = self._day
        if patient not in today:
            today[patient] = seq
        return week

    def _export(self, audit: dict[str, Any], ts: float, seq: Any, stream: int) -> None:
        actor = audit.get("actor")
        if not isinstance(actor, str):
            return
        outcome = audit.get("outcome")
        if outcome == "denied":
            self._count_day(self._day, 2)
            self._daily_add("access-denied", actor, self._day, (ts, seq, stream), None)
            return
        if outcome != "success":
            return
        count = audit.get("patients")
        count = count if isinstance(count, int) and not isinstance(count, bool) and count > 0 else 1
        week = self._week
        assert week is not None
        week.active.add(actor)
        week.exports.setdefault(actor, []).append((count, ts, seq, stream))

    def _daily_add(self, rule: str, actor: str, day: int, item: tuple[float, Any, int], patient: object) -> None:
        key = (rule, actor, day)
        acc = self._daily.get(key)
        if acc is None:
            acc = self._daily[key] = _Acc(self.cap, item[0])
        acc.add(*item)
        if isinstance(patient, str) and len(acc.values) < 100:
            acc.values.add(patient)

    def _reopen(self, actor: str, patient: str, ts: float, seq: Any, stream: int) -> None:
        key = (actor, patient)
        cfg = self.config
        acc = self._reopen_open.get(key) if self._reopen_open else None
        if acc is not None:
            if ts - acc.end <= cfg.reopen_window:
                if ts - acc.end > cfg.reopen_gap:
                    acc.values.add(str(ts))
                    self._peak("repeated-record-opens", len(acc.values))
                acc.add(ts, seq, stream)
                return
            self._close_reopen(key, self._reopen_open.pop(key))
        state = self._pairs.get(key)
        if state is None:
            self._pairs[key] = [ts, [ts], [(ts, seq, stream)]]
            return
        last, starts, events = state
        state[0] = ts
        events.append((ts, seq, stream))
        if ts - last <= cfg.reopen_gap:
            return
        starts.append(ts)
        horizon = ts - cfg.reopen_window
        if starts[0] < horizon:
            starts[:] = [s for s in starts if s >= horizon]
            events[:] = [e for e in events if e[0] >= starts[0]]
        if len(starts) > self._peaks.get("repeated-record-opens", 0):
            self._peaks["repeated-record-opens"] = len(starts)
        if len(starts) >= cfg.reopen_sessions:
            acc = _Acc(self.cap, events[0][0])
            for event in events:
                acc.add(*event)
            acc.values.update(str(s) for s in starts)
            self._reopen_open[key] = acc
            del self._pairs[key]

    def _close_reopen(self, key: tuple[str, str], acc: _Acc) -> None:
        actor, patient = key
        if actor in self._carers.get(patient, ()):
            return  # they documented care in this record: coming back to it is their work
        sessions = len(acc.values)
        self._emit(
            "repeated-record-opens",
            Severity.MEDIUM,
            f"user {actor} opened the record of {patient} in {sessions} separate sessions within "
            f"{self.config.reopen_window / 86400:g} days ({acc.total} opens)",
            acc,
            actor=actor,
            patient=patient,
            details={"sessions": sessions, "opens": acc.total},
        )

    # -- periodic work --------------------------------------------------------------------------
    def _prune(self, now: float) -> None:
        cfg = self.config
        self._burst_user.prune(now)
        self._burst_source.prune(now)
        self._spray.prune(now)
        for table in (self._fail_user, self._fail_source):
            for key in [k for k, d in table.items() if not d or now - d[-1][0] > cfg.success_after_window]:
                del table[key]
        horizon = now - cfg.reopen_window
        for pair in [k for k, s in self._pairs.items() if s[0] < horizon]:
            del self._pairs[pair]
        for pair in [k for k, a in self._reopen_open.items() if a.end < horizon]:
            self._close_reopen(pair, self._reopen_open.pop(pair))
        care_horizon = now - cfg.care_days * 86400
        for patient in list(self._carers):
            carers = self._carers[patient]
            for actor in [a for a, t in carers.items() if t < care_horizon]:
                del carers[actor]
            if not carers:
                del self._carers[patient]
        self._crowd.prune(now)
        self._flush_bursts()
        self._flush_crowds()
        self._flush_daily(before_day=self._day)

    def _flush_bursts(self) -> None:
        cfg = self.config
        for actor, acc in self._burst_user.closed:
            sources = sorted(acc.values)
            self._emit(
                "failed-login-burst-user",
                Severity.HIGH,
                f"{acc.total} failed log-ins for user {actor} within {_minutes(acc.end - acc.start + 1)} "
                f"(threshold {cfg.fail_burst_user} in {_minutes(cfg.fail_window)}) from {len(sources)} source(s)",
                acc,
                actor=actor,
                source=sources[0] if len(sources) == 1 else None,
                details={"failures": acc.total, "sources": sources[:20]},
            )
        self._burst_user.closed = []
        for source, acc in self._burst_source.closed:
            users = sorted(acc.values)
            self._emit(
                "failed-login-burst-source",
                Severity.HIGH,
                f"{acc.total} failed log-ins from {source} within {_minutes(acc.end - acc.start + 1)} "
                f"(threshold {cfg.fail_burst_source} in {_minutes(cfg.fail_window)}) against "
                + (f"user {users[0]}" if len(users) == 1 else f"{len(users)} users"),
                acc,
                source=source,
                actor=users[0] if len(users) == 1 else None,
                details={"failures": acc.total, "users": len(users)},
            )
        self._burst_source.closed = []
        for source, acc in self._spray.closed:
            users = sorted(acc.values)
            self._emit(
                "many-users-from-source",
                Severity.HIGH,
                f"failed log-ins for {len(users)} distinct users from {source} "
                f"(threshold {cfg.spray_users} users in {_minutes(cfg.spray_window)}), {acc.total} attempts",
                acc,
                source=source,
                details={"users": len(users), "attempts": acc.total, "user_ids": users[:50]},
            )
        self._spray.closed = []

    def _flush_crowds(self) -> None:
        cfg = self.config
        for patient, items in self._crowd.closed:
            carers = self._carers.get(patient, {})
            kept = [item for item in items if item[1] not in carers]
            staff = sorted({item[1] for item in kept})
            if len(staff) < cfg.crowd_staff:
                continue
            acc = _Acc(self.cap, kept[0][0])
            for ts, _actor, seq, stream in kept:
                acc.add(ts, seq, stream)
            self._emit(
                "many-staff-one-patient",
                Severity.HIGH,
                f"{len(staff)} staff without a care relationship opened the record of {patient} within "
                f"{_minutes(acc.end - acc.start + 1)} (threshold {cfg.crowd_staff} in {_minutes(cfg.crowd_window)}); "
                f"{len(items) - len(kept)} access(es) by staff who documented care in it are left out",
                acc,
                patient=patient,
                details={"staff": len(staff), "accesses": acc.total, "user_ids": staff[:50]},
            )
        self._crowd.closed = []

    def _close_volume_day(self) -> None:
        """Judge each person's distinct patients of the day that ended against their own days and their peers'."""
        cfg = self.config
        today, self._today = self._today, {}
        day = self._today_day
        baselines: dict[str, PeerStats] = {}
        ratios: dict[str, list[tuple[str, float]]] = {}
        units: dict[str, str] = {}  # each person's unit, looked up once for both passes
        week = self._week
        days = week.days if week is not None else {}
        for actor, patients in today.items():
            days[actor] = days.get(actor, 0) + 1
            unit = units[actor] = self._unit_of(actor) or ""
            stats = self._own_days(actor, patients)
            if stats is not None:
                if stats.size >= cfg.baseline_days:
                    baselines[actor] = stats
                ratios.setdefault(unit, []).append((actor, len(patients) / max(stats.median, 1.0)))
        ordered = {unit: sorted(r for _, r in items) for unit, items in ratios.items()}
        own_ratio = {actor: r for items in ratios.values() for actor, r in items}
        surges = week.surge if week is not None else {}
        for actor, patients in today.items():
            value = len(patients)
            others, mates = median_of_others(ordered.get(units[actor], []), own_ratio.get(actor))
            surge = max(1.0, others) if mates >= _SURGE_MATES else 1.0
            surges[actor] = surges.get(actor, 0.0) + surge
            baseline = baselines.get(actor)
            if baseline is not None:
                limit = max(
                    max(baseline.median + cfg.day_z * baseline.scale, cfg.day_ratio * baseline.median) * surge,
                    cfg.day_min_patients,
                )
                self._peak("patients-above-own-days", value / limit)
                if value >= limit:
                    self._emit_volume_day(actor, day, patients, baseline, limit, mates, surge)
            self._remember_day(actor, value)

    def _own_days(self, actor: str, patients: Any) -> PeerStats | None:
        """Median, MAD and scale of ``actor``'s earlier active days (the last 60), once there are three."""
        own = self._volume.get(actor)
        return own.stats() if own is not None and len(own.values) >= OWN_MIN_DAYS else None

    def _remember_day(self, actor: str, value: int) -> None:
        """Add a finished day's distinct patients to ``actor``'s own days."""
        own = self._volume.get(actor)
        if own is None:
            own = self._volume[actor] = OwnVolume()
        own.values.append(value)

    def _emit_volume_day(  # noqa: PLR0917 - the day judged, as _close_volume_day has it
        self,
        actor: str,
        day: int,
        patients: dict[str, Any],
        stats: PeerStats,
        limit: float,
        mates: int,
        surge: float,
    ) -> None:
        value = len(patients)
        acc = _Acc(self.cap, 0.0)
        acc.seqs = sorted(s for s in patients.values() if type(s) is int)[: self.cap]
        acc.total = value
        label = LocalClock.day_label(day)
        unit = self._unit_of(actor) or "no unit"
        second = (
            f"; {mates} others of {unit} were at {surge:.1f}x their own median that day"
            if mates >= _SURGE_MATES
            else f"; too few others of {unit} active that day for a second opinion"
        )
        self._emit(
            "patients-above-own-days",
            Severity.HIGH,
            f"user {actor} accessed {value} distinct patients on {label}, {value / max(stats.median, 1):.1f}x their "
            f"median day ({stats.median:g} over {stats.size} active days, limit {limit:.0f}){second}",
            acc,
            actor=actor,
            details={
                "value": value,
                "day": label,
                "median": stats.median,
                "mad": stats.mad,
                "days": stats.size,
                "limit": limit,
                "unit": unit,
                "unit_surge": round(surge, 2),
                "unit_others": mates,
            },
            start=day,
            span_days=1,
        )

    def _settle_login_days(self, before_day: int) -> None:
        """Move finished days' log-in hours into each person's habits."""
        work_days = self._work_days
        login_days, all_habits = self._login_days, self._habits
        configured, learned = self.config.peer_groups, self._group_of
        settled = [key for key in login_days if key[1] < before_day]
        if not settled:
            return
        settled.sort(key=itemgetter(1))  # stable: each day's people in the order they first logged in
        for key in settled:
            mask = login_days.pop(key)
            actor, day = key
            habits = all_habits.get(actor)
            if habits is None:
                habits = all_habits[actor] = Habits()
            off_day = (day + 3) % 7 not in work_days  # LocalClock.weekday_of_day, inlined: once per person-day
            habits.add_day(day, mask, off_day)
            group = configured.get(actor) or learned.get(actor)
            if group is not None:
                shared = self._group_habits.get(group)
                if shared is None:
                    shared = self._group_habits[group] = Habits(keep=_GROUP_DAYS)
                shared.add_day(day, mask, off_day)
                self._group_members.setdefault(group, set()).add(actor)

    def _judge_off_hours(self, actor: str, day: int, candidate: _OffHours, *, final: bool) -> None:
        """Emit an off-hours finding when the day's log-ins are unusual for the person (or, without a
        baseline yet, for the calendar); wait for the baseline unless ``final``."""
        cfg = self.config
        habits = self._habits.get(actor)
        others = habits.others(day) if habits is not None else []
        acc = candidate.acc
        times = [f"{_WEEKDAYS[candidate.weekday]} {m // 60:02d}:{m % 60:02d}" for m in candidate.minutes]
        extra = " from a new source" if candidate.new_source else ""
        where = f"{LocalClock.day_label(day)} ({', '.join(times[:5])} {cfg.timezone}"
        details: dict[str, Any] = {"local_times": times[:20], "new_source": candidate.new_source}
        if len(others) < cfg.baseline_days:
            if not final:
                self._deferred.setdefault(actor, []).append((day, candidate))
                return
            details |= {"basis": "calendar", "active_days": len(others)}
            self._emit(
                "off-hours-login",
                Severity.HIGH if candidate.new_source else Severity.MEDIUM,
                f"user {actor} logged in {acc.total} time(s) outside working hours{extra} on {where}; working hours "
                f"{cfg.work_hours} {cfg.work_days}; too few active days for their own baseline)",
                acc,
                actor=actor,
                details=details,
            )
            return
        spread, min_days = cfg.usual_spread_hours, cfg.usual_min_days
        usual_mask = Habits.covered(others, spread=spread, min_days=min_days)
        odd = [login for login in candidate.logins if not usual_mask >> (login[0] // 60) & 1]
        group = self.config.peer_groups.get(actor) or self._group_of.get(actor)
        if odd and group is not None and group in self._group_habits and self._irregular(actor, group, day):
            group_mask = Habits.covered(self._group_habits[group].others(day), spread=spread, min_days=min_days)
            odd = [login for login in odd if not group_mask >> (login[0] // 60) & 1]
        unusual = [login[0] for login in odd]
        if odd:  # the evidence: the log-ins unusual for the person
            acc = _Acc(self.cap, odd[0][1])
            for _minute, ts, seq, stream in odd:
                acc.add(ts, seq, stream)
            times = [f"{_WEEKDAYS[candidate.weekday]} {m // 60:02d}:{m % 60:02d}" for m in unusual]
            where = f"{LocalClock.day_label(day)} ({', '.join(times[:5])} {cfg.timezone}"
        odd_day = (
            candidate.weekday not in self._work_days
            and len(others) >= cfg.off_day_min_days
            and not any(d[2] for d in others)
        )
        if not unusual and not odd_day:
            return
        usual = Habits.hours_label(others, min_days)
        what = "at an hour unusual for them" if unusual else "on an off day, though none of their active days was one"
        details |= {
            "basis": "own",
            "active_days": len(others),
            "usual_hours": usual,
            "unusual_times": [f"{m // 60:02d}:{m % 60:02d}" for m in unusual[:20]],
        }
        self._emit(
            "off-hours-login",
            Severity.HIGH if unusual or candidate.new_source else Severity.MEDIUM,
            f"user {actor} logged in {acc.total} time(s) outside working hours {what}{extra} on {where}); "
            f"their usual log-in hours over {len(others)} active days: {usual}",
            acc,
            actor=actor,
            details=details,
        )

    def _irregular(self, actor: str, group: str, day: int) -> bool:
        """Whether ``actor``, or a quarter of their peer group, works irregular hours (float staff)."""
        cfg = self.config

        def hours(person: str) -> int | None:
            habits = self._habits.get(person)
            others = habits.others(day) if habits is not None else []
            if len(others) < cfg.baseline_days:
                return None
            mask = Habits.covered(others, spread=cfg.usual_spread_hours, min_days=cfg.usual_min_days)
            return bin(mask).count("1")

        own = hours(actor)
        if own is not None and own >= IRREGULAR_HOURS:
            return True
        known = [h for h in map(hours, self._group_members.get(group, ())) if h is not None]
        return bool(known) and 4 * sum(1 for h in known if h >= IRREGULAR_HOURS) >= len(known)

    def _flush_daily(self, before_day: int, *, final: bool = False) -> None:
        self._settle_login_days(before_day)
        for off in sorted((k for k in self._off_hours if k[1] < before_day), key=lambda k: k[1]):
            candidate = self._off_hours.pop(off)
            self._judge_off_hours(off[0], off[1], candidate, final=final)
        for actor in list(self._deferred):
            for day, candidate in self._deferred.pop(actor):
                self._judge_off_hours(actor, day, candidate, final=final)
        for key in [k for k in self._daily if k[2] < before_day]:
            acc = self._daily.pop(key)
            rule, actor, day = key
            label = LocalClock.day_label(day)
            patients = sorted(acc.values)
            patient = patients[0] if len(patients) == 1 else None
            whose = (
                f" to the record of {patient}"
                if patient
                else (f" to {len(patients)} patients' records" if patients else "")
            )
            if rule == "break-glass":
                self._emit(
                    rule,
                    Severity.MEDIUM,
                    f"user {actor} used emergency (break-glass) access{whose} {acc.total} time(s) on {label}",
                    acc,
                    actor=actor,
                    patient=patient,
                    details={"accesses": acc.total, "day": label, "patients": patients[:20]},
                )
            else:
                severity = Severity.MEDIUM if acc.total >= self.config.denied_medium else Severity.LOW
                self._emit(
                    rule,
                    severity,
                    f"user {actor} was denied access{whose} {acc.total} time(s) on {label}",
                    acc,
                    actor=actor,
                    patient=patient,
                    details={"denied": acc.total, "day": label, "patients": patients[:20]},
                )

    def _group(self, actor: str, resources: dict[str, int] | None) -> str:
        group = self.config.peer_groups.get(actor)
        if group is not None:
            return group
        if resources:
            top = max(resources.items(), key=lambda item: (item[1], item[0]))[0]
            self._group_of[actor] = top
            return top
        return self._group_of.get(actor, "")

    def _close_week(self, week: _Week) -> None:
        cfg = self.config
        groups: dict[str, list[str]] = {}
        for actor in week.active:
            groups.setdefault(self._group(actor, week.resources.get(actor)), []).append(actor)
        week_label = LocalClock.day_label(week.number * 7 - 3)
        for group, members in sorted(groups.items()):
            accessors = [a for a in members if a in week.patients]
            if len(accessors) >= cfg.peer_min_group:
                values = {a: len(week.patients[a]) for a in accessors}
                stats = peer_stats(list(values.values()))
                group_limit = stats.threshold(cfg.peer_z, cfg.peer_min_ratio, cfg.peer_min_patients)
                usual_days = max(median([week.days.get(a, 0) for a in accessors]), 1.0)
                for actor, value in values.items():
                    z = stats.z(value)
                    worked = week.days.get(actor, 0)
                    surge = week.surge.get(actor, 0.0) / worked if worked else 1.0
                    # more days worked, or days when the whole unit was busier, mean more patients seen
                    limit = group_limit * max(1.0, worked / usual_days) * max(1.0, surge)
                    self._peak("patients-above-peers", z)
                    self._peer_point(
                        actor,
                        {
                            "actor": actor,
                            "group": group,
                            "value": value,
                            "median": stats.median,
                            "limit": limit,
                            "z": round(z, 2),
                            "week": week_label,
                            "peers": len(accessors),
                        },
                    )
                    if value < limit:
                        continue
                    acc = _Acc(self.cap, 0.0)
                    acc.seqs = sorted(s for s in week.patients[actor].values() if type(s) is int)[: self.cap]
                    acc.total = value
                    self._emit(
                        "patients-above-peers",
                        Severity.HIGH,
                        f"user {actor} accessed {value} distinct patients in the week of {week_label}; "
                        f"{len(accessors)} peers ({group or 'no group'}) median {stats.median:g}, MAD {stats.mad:g}, "
                        f"robust z {z:.1f} (limit {limit:.0f}, {worked} day(s) worked, peers' median {usual_days:g})",
                        acc,
                        actor=actor,
                        details=self._peer_details(
                            group, len(accessors), stats, z=z, limit=limit, value=value, week=week_label
                        )
                        | {"days_worked": worked, "peers_days_worked": usual_days},
                        start=week.number * 7 - 3,
                    )
            if len(members) >= cfg.peer_min_group:
                totals = {a: sum(item[0] for item in week.exports.get(a, ())) for a in members}
                stats = peer_stats(list(totals.values()))
                limit = stats.threshold(cfg.peer_z, cfg.peer_min_ratio, cfg.export_min_patients)
                for actor, value in totals.items():
                    z = stats.z(value)
                    if value:
                        self._peak("exports-above-peers", z)
                    if value < limit:
                        continue
                    acc = _Acc(self.cap, week.exports[actor][0][1])
                    for _count, ts, seq, stream in week.exports[actor]:
                        acc.add(ts, seq, stream)
                    self._emit(
                        "exports-above-peers",
                        Severity.HIGH,
                        f"user {actor} exported {value} patients' records in {acc.total} export(s) in the week of "
                        f"{week_label}; {len(members)} peers ({group or 'no group'}) median {stats.median:g}, "
                        f"MAD {stats.mad:g}, robust z {z:.1f} (limit {limit:.0f})",
                        acc,
                        actor=actor,
                        details=self._peer_details(
                            group, len(members), stats, z=z, limit=limit, value=value, week=week_label
                        ),
                    )

    @staticmethod
    def _peer_details(
        group: str, size: int, stats: PeerStats, *, z: float, limit: float, value: int, week: str
    ) -> dict[str, Any]:
        return {
            "group": group,
            "peers": size,
            "median": stats.median,
            "mad": stats.mad,
            "z": round(z, 2),
            "limit": limit,
            "value": value,
            "week": week,
        }

    def _peer_point(self, actor: str, point: dict[str, Any]) -> None:
        best = self.peer_points.get(actor)
        if best is None or point["z"] > best["z"]:
            self.peer_points[actor] = point

    # -- output ---------------------------------------------------------------------------------
    def _emit(
        self,
        rule: str,
        severity: Severity,
        summary: str,
        acc: _Acc,
        *,
        actor: str | None = None,
        source: str | None = None,
        patient: str | None = None,
        details: dict[str, Any] | None = None,
        start: int | None = None,
        span_days: int = 7,
    ) -> None:
        streams = sorted({self.stream_names[i] for i in acc.streams if i in self.stream_names})
        begin = acc.start
        end = acc.end
        if start is not None:  # a week- or day-long finding: its span, in UTC approximately local
            begin = start * 86400 - self.clock.offset(start * 86400)
            end = begin + span_days * 86400 - 1
        seqs = sorted(set(acc.seqs))
        self.findings.append(
            Finding(
                rule=rule,
                severity=severity,
                summary=summary,
                start=begin,
                end=end,
                seqs=seqs,
                evidence_total=max(acc.total, len(seqs)),
                actor=actor,
                source=source,
                patient=patient,
                details=details or {},
                streams=streams,
            )
        )

    def _peak(self, rule: str, value: float) -> None:
        if value > self._peaks.get(rule, float("-inf")):
            self._peaks[rule] = value

    def peaks(self) -> dict[str, dict[str, float]]:
        """The highest value each rule's statistic reached, beside its threshold (how close the data came)."""
        cfg = self.config
        observed = dict(self._peaks)
        observed["failed-login-burst-user"] = self._burst_user.peak
        observed["failed-login-burst-source"] = self._burst_source.peak
        observed["many-users-from-source"] = self._spray.peak
        observed["many-staff-one-patient"] = self._crowd.peak
        thresholds: dict[str, float] = {
            "failed-login-burst-user": cfg.fail_burst_user,
            "failed-login-burst-source": cfg.fail_burst_source,
            "many-users-from-source": cfg.spray_users,
            "success-after-failures": cfg.success_after_failures,
            "repeated-record-opens": cfg.reopen_sessions,
            "patients-above-peers": cfg.peer_z,
            "exports-above-peers": cfg.peer_z,
            "patients-above-own-days": 1.0,
            "many-staff-one-patient": cfg.crowd_staff,
        }
        return {
            rule: {"peak": round(float(observed.get(rule, 0)), 2), "threshold": float(limit)}
            for rule, limit in thresholds.items()
        }

    def finish(self) -> list[Finding]:
        """Close every open window and return all findings, most urgent first, then by time."""
        if self._today:
            self._close_volume_day()
        if self._week is not None:
            self._close_week(self._week)
            self._week = None
        self._burst_user.finish()
        self._burst_source.finish()
        self._spray.finish()
        for pair, acc in list(self._reopen_open.items()):
            self._close_reopen(pair, acc)
        self._reopen_open.clear()
        self._crowd.finish()
        self._flush_bursts()
        self._flush_crowds()
        self._flush_daily(before_day=1 << 62, final=True)
        self.findings.sort(key=lambda f: (-int(f.severity), f.start, f.rule, f.actor or "", f.source or ""))
        return self.findings

    def retained(self) -> int:
        """How many history entries the analyzer holds right now (its memory, in entries)."""
        total = sum(len(d) for d in self._burst_user.recent.values())
        total += sum(len(d) for d in self._burst_source.recent.values())
        total += sum(len(d) for d in self._spray.recent.values())
        total += sum(len(d) for d in self._fail_user.values()) + sum(len(d) for d in self._fail_source.values())
        total += sum(len(s[2]) for s in self._pairs.values())
        if self._week is not None:
            total += sum(len(p) for p in self._week.patients.values())
        total += sum(len(p) for p in self._today.values()) + self._crowd.retained()
        return total

    def chart_data(self) -> dict[str, Any]:
        """Data behind the report's charts (also part of the JSON output)."""
        days = sorted(self.per_day)
        series = []
        if days:
            for day in range(days[0], days[-1] + 1):
                row = self.per_day.get(day, [0, 0, 0])
                series.append(
                    {"day": LocalClock.day_label(day), "logins": row[0], "failed_logins": row[1], "denied": row[2]}
                )
        top = sorted(self.peer_points.values(), key=lambda p: (-p["z"], p["actor"]))[:15]
        return {
            "timezone": self.config.timezone,
            "logins_by_weekday_hour": self.logins_grid,
            "failed_logins_by_weekday_hour": self.failures_grid,
            "by_day": series,
            "top_accessors": top,
        }
