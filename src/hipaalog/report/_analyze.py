"""The analysis rules: one pass over audit records in time order, with state bounded by the windows.

Rules (names as they appear in findings):

- ``failed-login-burst-user``, ``failed-login-burst-source``: many failed log-ins against one
  user, or from one source, inside a short window;
- ``many-users-from-source``: failed log-ins for many distinct users from one source;
- ``success-after-failures``: a successful log-in right after a burst of failures;
- ``off-hours-login``, ``new-source-login``: log-ins outside working hours, or from a source the
  user had not used after their learning period;
- ``patients-above-peers``, ``exports-above-peers``: a user-week far above the peer group's median
  (robust z-score from the median and MAD);
- ``repeated-record-opens``: one user opening one patient's record in many separate sessions;
- ``break-glass``, ``access-denied``: emergency access, and access refused.
"""

from __future__ import annotations

from collections import Counter, deque
from typing import Any

from ._config import ReportConfig
from ._model import Finding, Severity
from ._stats import PeerStats, peer_stats
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


class _Week:
    """Per-user activity of the current local week, for peer comparison."""

    __slots__ = ("active", "exports", "number", "patients", "resources")

    def __init__(self, number: int) -> None:
        self.number = number
        self.active: set[str] = set()
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
        self._off_hours: dict[tuple[str, int], _Acc] = {}
        # access
        self._week: _Week | None = None
        self._pairs: dict[tuple[str, str], list[Any]] = {}
        self._reopen_open: dict[tuple[str, str], _Acc] = {}
        self._daily: dict[tuple[str, str, int], _Acc] = {}
        self._group_of: dict[str, str] = {}
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
            self._change(audit, record.get("seq"))
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
        start, end = self._work_start, self._work_end
        in_hours = (start <= minute < end) if start <= end else (minute >= start or minute < end)
        if in_hours and weekday in self._work_days:
            return
        key = (actor, day)
        acc = self._off_hours.get(key)
        if acc is None:
            acc = self._off_hours[key] = _Acc(self.cap, ts)
        acc.add(ts, seq, stream)
        acc.values.add(f"{_WEEKDAYS[weekday]} {minute // 60:02d}:{minute % 60:02d}")
        if new_source:
            acc.values.add("\x00new-source")

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
        known = self._sources.get(actor)
        if known is None:
            self._sources[actor] = (ts + self.config.learn_days * 86400, {source})
            return False
        learn_until, sources = known
        if source in sources:
            return False
        sources.add(source)
        if ts <= learn_until:
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

    def _change(self, audit: dict[str, Any], seq: Any) -> None:
        actor = audit.get("actor")
        patient = audit.get("patient")
        if type(actor) is not str or type(patient) is not str or audit.get("outcome") != "success":
            return
        self._touch_patient(actor, patient, seq)

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
        self._flush_bursts()
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

    def _flush_daily(self, before_day: int) -> None:
        tz = self.config.timezone
        for off in [k for k in self._off_hours if k[1] < before_day]:
            acc = self._off_hours.pop(off)
            actor, day = off
            new_source = "\x00new-source" in acc.values
            times = sorted(v for v in acc.values if not v.startswith("\x00"))
            extra = " from a new source" if new_source else ""
            self._emit(
                "off-hours-login",
                Severity.HIGH if new_source else Severity.MEDIUM,
                f"user {actor} logged in {acc.total} time(s) outside working hours{extra} on "
                f"{LocalClock.day_label(day)} ({', '.join(times[:5])} {tz}; working hours "
                f"{self.config.work_hours} {self.config.work_days})",
                acc,
                actor=actor,
                details={"local_times": times[:20], "new_source": new_source},
            )
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
                limit = stats.threshold(cfg.peer_z, cfg.peer_min_ratio, cfg.peer_min_patients)
                for actor, value in values.items():
                    z = stats.z(value)
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
                        f"robust z {z:.1f} (limit {limit:.0f})",
                        acc,
                        actor=actor,
                        details=self._peer_details(
                            group, len(accessors), stats, z=z, limit=limit, value=value, week=week_label
                        ),
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
    ) -> None:
        streams = sorted({self.stream_names[i] for i in acc.streams if i in self.stream_names})
        begin = acc.start
        end = acc.end
        if start is not None:  # a week-long finding: the week's span, in UTC approximately local
            begin = start * 86400 - self.clock.offset(start * 86400)
            end = begin + 7 * 86400 - 1
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
        thresholds: dict[str, float] = {
            "failed-login-burst-user": cfg.fail_burst_user,
            "failed-login-burst-source": cfg.fail_burst_source,
            "many-users-from-source": cfg.spray_users,
            "success-after-failures": cfg.success_after_failures,
            "repeated-record-opens": cfg.reopen_sessions,
            "patients-above-peers": cfg.peer_z,
            "exports-above-peers": cfg.peer_z,
        }
        return {
            rule: {"peak": round(float(observed.get(rule, 0)), 2), "threshold": float(limit)}
            for rule, limit in thresholds.items()
        }

    def finish(self) -> list[Finding]:
        """Close every open window and return all findings, most urgent first, then by time."""
        if self._week is not None:
            self._close_week(self._week)
            self._week = None
        self._burst_user.finish()
        self._burst_source.finish()
        self._spray.finish()
        for pair, acc in list(self._reopen_open.items()):
            self._close_reopen(pair, acc)
        self._reopen_open.clear()
        self._flush_bursts()
        self._flush_daily(before_day=1 << 62)
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
