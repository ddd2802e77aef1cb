"""A simulated outpatient clinic: weeks of audit events, with incidents planted on top.

The baseline (visits, log-ins, typos, exports) is drawn from one random generator and the
incidents from another, so the same seed gives the same baseline with or without incidents.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from .._pseudonym import Pseudonymizer
from ..exceptions import ConfigError
from ._staff import Staff, hire

__all__ = ["Clinic", "Incident"]

_DEMO_PSEUDONYM_KEY = b"hipaalog-synthetic-demo-pseudonym-key"
_MIN_DAYS_WITH_INCIDENTS = 14

# event tuples: (ts, kind, actor, a, b, c, d, incident)
_ACCESS, _CHANGE, _LOGIN, _LOGOUT, _EXPORT = range(5)
_TS = itemgetter(0)


def _message(audit: dict[str, Any]) -> str:
    """The message :class:`hipaalog.audit.AuditStream` writes for the same event."""
    event, outcome = audit["event"], audit["outcome"]
    if event == "access":
        prefix = "break-glass " if audit.get("emergency") else ""
        return f"{prefix}{audit['action']} {audit['resource']} ({outcome})"
    if event in ("login", "logout"):
        return f"{event} via {audit['method']} ({outcome})"
    if event == "change":
        return f"change {audit['resource']}: {len(audit['fields'])} field(s) ({outcome})"
    return f"export of {audit['patients']} patient(s) as {audit['format']} ({outcome})"


@dataclass
class Incident:
    """One planted incident and the report rule expected to find it.

    ``seqs`` (filled while the records are produced) are the sequence numbers of the records
    that make up the incident; a finding of ``rule`` about the same subject must cite them all.
    """

    kind: str
    rule: str
    description: str
    actor: str | None = None
    source: str | None = None
    patient: str | None = None
    seqs: list[int] = field(default_factory=list)


class Clinic:
    """A clinic of ``users`` workforce members over ``days`` days from ``start`` (a Monday is best).

    Args:
        users: workforce size (at least 30, so that every role has peers).
        days: length of the simulation in days.
        seed: makes everything reproducible.
        incidents: plant the incidents (needs at least 14 days) or produce a clean baseline.
        start: first local day, ``YYYY-MM-DD``.
        timezone: the clinic's IANA time zone; working hours are 07:00-19:00 Monday-Friday.
        app_id, platform, microservice: identity fields of the records.
    """

    work_hours = "07:00-19:00"
    work_days = "mon-fri"

    def __init__(
        self,
        *,
        users: int = 120,
        days: int = 28,
        seed: int = 1,
        incidents: bool = True,
        start: str = "2024-03-04",
        timezone: str = "America/Chicago",
        app_id: str = "clinic",
        platform: str = "vm",
        microservice: str = "ehr-api",
    ) -> None:
        if users < 30:
            raise ConfigError("a synthetic clinic needs at least 30 users so that every role has peers")
        if days < 1 or (incidents and days < _MIN_DAYS_WITH_INCIDENTS):
            raise ConfigError(f"planting incidents needs at least {_MIN_DAYS_WITH_INCIDENTS} days (got {days})")
        try:
            self.start = dt.date.fromisoformat(start)
            self.zone = ZoneInfo(timezone)
        except (ValueError, KeyError) as exc:
            raise ConfigError(f"synthetic clinic: {exc}") from None
        self.users = users
        self.days = days
        self.seed = seed
        self.timezone = timezone
        self.plant = incidents
        self.identity = {"appId": app_id, "platform": platform, "microservice": microservice}
        self.pseudonyms = Pseudonymizer({"k1": _DEMO_PSEUDONYM_KEY})
        self.incidents: list[Incident] = []
        rng = random.Random(seed)
        self.staff = hire(users, rng)
        self._by_role: dict[str, list[int]] = {}
        for index, member in enumerate(self.staff):
            self._by_role.setdefault(member.role.name, []).append(index)
        physicians = self._by_role["physician"]
        self.patients = 460 * len(physicians)
        self._tokens: list[str | None] = [None] * self.patients
        panel_size = 600  # a physician's panel; overlapping panels share patients
        for index in physicians:
            self.staff[index].panel = rng.sample(range(self.patients), panel_size)
        pods = [physicians[i : i + 4] for i in range(0, len(physicians), 4)]  # care teams of up to 4 physicians
        for k, index in enumerate(self._by_role["nurse"]):
            nurse = self.staff[index]
            nurse.partners = pods[k % len(pods)]
            nurse.panel = sorted({p for d in nurse.partners for p in self.staff[d].panel})
        self._nurses_of: dict[int, list[int]] = {d: [] for d in physicians}
        for index in self._by_role["nurse"]:
            for doctor in self.staff[index].partners:
                self._nurses_of[doctor].append(index)
        self._logins: dict[int, int] = {}
        self._billing_queue: list[int] = []
        self._billed: dict[int, int] = {}
        self._seen: dict[int, set[int]] = {}
        self._queues: dict[int, deque[int]] = {}
        self._follow_ups: dict[int, list[tuple[int, int]]] = {}

    def _reset(self) -> None:
        order = random.Random(self.seed * 31 + 3)
        self._queues = {}
        for doctor in self._by_role["physician"]:
            panel = list(self.staff[doctor].panel)
            order.shuffle(panel)
            self._queues[doctor] = deque(panel)
        self._follow_ups = {}
        self._logins = {}
        self._billing_queue = []
        self._billed = {}
        self._seen = {}
        self.incidents = []

    # -- public ---------------------------------------------------------------------------------
    def report_config(self) -> dict[str, Any]:
        """The calendar settings a report over this clinic should use."""
        return {"timezone": self.timezone, "work_hours": self.work_hours, "work_days": self.work_days}

    def token(self, patient: int) -> str:
        """The pseudonym token of patient number ``patient`` (as the audit stream carries it)."""
        token = self._tokens[patient]
        if token is None:
            token = self._tokens[patient] = self.pseudonyms.token("PATIENT", f"MRN-{patient:07d}")
        return token

    def events(self) -> Iterator[tuple[float, dict[str, Any], int | None]]:
        """(timestamp, audit sub-record, incident index or None) in time order, day after day."""
        base = random.Random(self.seed * 7919 + 1)
        extra = random.Random(self.seed * 104729 + 2)
        self._reset()
        plan = self._plan(extra) if self.plant else {}
        for day in range(self.days):
            events: list[tuple[Any, ...]] = []
            self._baseline_day(day, base, events)
            for planter in plan.get(day, ()):
                planter(day, extra, events)
            events.sort(key=_TS)
            for event in events:
                yield event[0], self._audit(event), event[7]

    def records(self) -> Iterator[tuple[dict[str, Any], int | None]]:
        """(record without integrity fields, incident index or None) in time order.

        Records have the shape, message and level that :class:`hipaalog.audit.AuditStream`
        gives the same event; only ``seq``, ``key_id`` and ``chain`` are added when sealing.
        """
        from .._timestamps import rfc3339

        identity = self.identity
        for ts, audit, incident in self.events():
            warn = audit["outcome"] != "success" or audit.get("emergency") is True
            record = {
                "timestamp": rfc3339(ts),
                "level": "warning" if warn else "info",
                "severity": 4 if warn else 6,
                "message": _message(audit),
                "logger": "hipaalog.audit",
                **identity,
                "audit": audit,
            }
            yield record, incident

    # -- time -----------------------------------------------------------------------------------
    def _day_date(self, day: int) -> dt.date:
        return self.start + dt.timedelta(days=day)

    def _at(self, day: int, minute: float) -> float:
        """Epoch seconds of a local wall-clock minute of a day (exact across DST changes)."""
        date = self._day_date(day)
        whole = int(minute)
        local = dt.datetime(date.year, date.month, date.day, tzinfo=self.zone) + dt.timedelta(minutes=whole)
        naive = local.replace(tzinfo=None)
        return dt.datetime.combine(naive.date(), naive.time(), self.zone).timestamp() + (minute - whole) * 60

    # -- baseline -------------------------------------------------------------------------------
    def _baseline_day(self, day: int, rng: random.Random, out: list[tuple[Any, ...]]) -> None:
        weekday = self._day_date(day).weekday()
        if weekday >= 5:
            return
        base = self._at(day, 12 * 60) - 12 * 3600  # local midnight by the noon offset: exact 03:00-24:00
        working = [i for i, s in enumerate(self.staff) if weekday in s.days and rng.random() >= 0.04]
        on_duty = set(working)
        shifts: dict[int, tuple[float, float]] = {}
        for index in working:
            member = self.staff[index]
            start = min(max(member.start_minute + rng.gauss(0, 8), 7 * 60 + 15), 9 * 60 + 30)
            end = min(start + 510, 18 * 60 + 15)
            shifts[index] = (start, end)
            self._shift_logins(index, member, start=start, end=end, base=base, rng=rng, out=out)
        roles = {name: [i for i in members if i in on_duty] for name, members in self._by_role.items()}
        front, nurses, lab, billing = roles["front-desk"], roles["nurse"], roles["lab"], roles["billing"]
        billed_today = self._billing_queue
        self._billing_queue = []
        follow_ups: dict[int, list[int]] = {}
        for doctor, patient in self._follow_ups.pop(day, ()):
            follow_ups.setdefault(doctor, []).append(patient)
        for doctor in roles["physician"]:
            start, end = shifts[doctor]
            visits = rng.randint(12, 20)
            span = max(60.0, end - start - 60)
            booked = follow_ups.pop(doctor, [])
            queue = self._queues[doctor]
            for v in range(visits):
                t = start + 20 + span * (v + rng.random() * 0.6) / visits
                if booked:
                    patient = booked.pop()
                else:
                    patient = queue.popleft()
                    queue.append(patient)
                    if rng.random() < 0.05:  # a follow-up visit in two weeks or so
                        self._follow_ups.setdefault(day + rng.randint(10, 16), []).append((doctor, patient))
                if front:
                    self._touch(rng.choice(front), patient, base + (t - 12) * 60, rng=rng, out=out)
                    if rng.random() < 0.5:
                        self._touch(
                            rng.choice(front), patient, base + (t + 40 + rng.random() * 20) * 60, rng=rng, out=out
                        )
                partners = [n for n in self._nurses_of[doctor] if n in on_duty] or nurses
                if partners:
                    nurse = rng.choice(partners)
                    self._touch(nurse, patient, base + (t - 6) * 60, rng=rng, out=out)
                    out.append(
                        (
                            base + (t - 2) * 60,
                            _CHANGE,
                            nurse,
                            patient,
                            "Observation",
                            ("vitals.bp", "vitals.pulse"),
                            None,
                            None,
                        )
                    )
                self._touch(doctor, patient, base + t * 60, rng=rng, out=out)
                if rng.random() < 0.7:
                    out.append((base + (t + 14) * 60, _CHANGE, doctor, patient, "Encounter", ("note",), None, None))
                if rng.random() < 0.5:
                    self._touch(
                        doctor, patient, base + (end - 35 + rng.random() * 25) * 60, rng=rng, out=out, opens=(1, 2)
                    )
                if lab and rng.random() < 0.35:
                    self._touch(
                        rng.choice(lab),
                        patient,
                        base + min(t + 60 + rng.random() * 120, 18 * 60 + 20) * 60,
                        rng=rng,
                        out=out,
                    )
                    if rng.random() < 0.6:
                        review = min(t + 150 + rng.random() * 90, end - 5)
                        if review > t + 40:
                            self._touch(doctor, patient, base + review * 60, rng=rng, out=out, opens=(1, 2))
                if rng.random() < 0.02:
                    out.append((base + (t + 25) * 60, _EXPORT, doctor, 1, "pdf", "referral-fax", "success", None))
                self._billing_queue.append(patient)
        for patient in billed_today:
            if billing:
                clerk = rng.choice(billing)
                start, end = shifts[clerk]
                self._touch(
                    clerk, patient, base + (start + 15 + rng.random() * (end - start - 60)) * 60, rng=rng, out=out
                )
                self._billed[clerk] = self._billed.get(clerk, 0) + 1
        for index in roles["manager"]:
            start, end = shifts[index]
            for _ in range(rng.randint(0, 3)):
                self._touch(
                    index,
                    rng.randrange(self.patients),
                    base + (start + rng.random() * (end - start)) * 60,
                    rng=rng,
                    out=out,
                )
        if weekday == 4:
            for clerk in billing:
                claims = self._billed.pop(clerk, 0)
                if claims:
                    start, end = shifts[clerk]
                    out.append(
                        (
                            base + (end - 60 + rng.random() * 40) * 60,
                            _EXPORT,
                            clerk,
                            claims,
                            "x12-837",
                            "clearinghouse",
                            "success",
                            None,
                        )
                    )
            self._billed.clear()

    def _shift_logins(
        self,
        index: int,
        member: Staff,
        *,
        start: float,
        end: float,
        base: float,
        rng: random.Random,
        out: list[tuple[Any, ...]],
    ) -> None:
        times = [start - 2]
        if rng.random() < 0.7:
            times.append(start + 240 + rng.random() * 60)
        if rng.random() < 0.3:
            times.append(start + 330 + rng.random() * (end - start - 360))
        for minute in times:
            count = self._logins.get(index, 0)
            self._logins[index] = count + 1
            sources = member.sources
            if count < len(sources):
                source = sources[count]
            else:
                source = sources[0] if rng.random() < 0.7 else rng.choice(sources)
            ts = base + minute * 60
            roll = rng.random()
            typos = 1 if roll < 0.05 else (rng.randint(2, 3) if roll < 0.06 else 0)
            for k in range(typos, 0, -1):
                out.append(
                    (ts - k * rng.uniform(8, 40), _LOGIN, index, "failure", source, "invalid password", None, None)
                )
            out.append((ts, _LOGIN, index, "success", source, None, None, None))
        if rng.random() < 0.9:
            out.append((base + end * 60, _LOGOUT, index, "success", member.sources[0], None, None, None))

    def _touch(
        self,
        index: int,
        patient: int,
        ts: float,
        *,
        rng: random.Random,
        out: list[tuple[Any, ...]],
        opens: tuple[int, int] | None = None,
        incident: int | None = None,
    ) -> None:
        role = self.staff[index].role
        low, high = opens or role.opens
        names = [name for name, _ in role.resources]
        weights = [w for _, w in role.resources]
        for resource in rng.choices(names, weights, k=rng.randint(low, high)):
            out.append((ts, _ACCESS, index, patient, resource, "success", None, incident))
            ts += rng.uniform(15, 90)
        seen = self._seen.get(index)
        if seen is not None:
            seen.add(patient)

    # -- the record shape -----------------------------------------------------------------------
    def _audit(self, event: tuple[Any, ...]) -> dict[str, Any]:
        _ts, kind, actor, a, b, c, d, _incident = event
        user = self.staff[actor].user if isinstance(actor, int) else actor
        if kind == _ACCESS:
            audit: dict[str, Any] = {
                "event": "access",
                "actor": user,
                "outcome": c,
                "patient": self.token(a),
                "action": "read",
                "resource": b,
            }
            if d is not None:
                audit["reason"] = d
                audit["emergency"] = True
            return audit
        if kind == _LOGIN:
            audit = {"event": "login", "actor": user, "outcome": a, "source": b, "method": "password"}
            if c is not None:
                audit["reason"] = c
            return audit
        if kind == _LOGOUT:
            return {"event": "logout", "actor": user, "outcome": "success", "source": b, "method": "user"}
        if kind == _CHANGE:
            return {
                "event": "change",
                "actor": user,
                "outcome": "success",
                "patient": self.token(a),
                "resource": b,
                "fields": list(c),
            }
        return {"event": "export", "actor": user, "outcome": d, "patients": a, "format": b, "destination": c}

    # -- incidents ------------------------------------------------------------------------------
    def _plan(self, rng: random.Random) -> dict[int, list[Any]]:
        """Which incident is planted on which day; each planter appends events for its day."""
        weekdays = [d for d in range(self.days) if self._day_date(d).weekday() < 5]
        sundays = [d for d in range(self.days) if self._day_date(d).weekday() == 6 and d >= 7]
        late = [d for d in weekdays if d >= 8]  # after everyone's learning period

        def pick(days: list[int], fraction: float) -> int:
            return days[min(len(days) - 1, int(len(days) * fraction))]

        roles = self._by_role
        chosen: set[int] = set()

        def person(role: str | None) -> int:
            pool = [i for i in (roles[role] if role else range(len(self.staff))) if i not in chosen]
            index = rng.choice(pool)
            chosen.add(index)
            return index

        guessed, taken, night, roamer = person(None), person(None), person("physician"), person(None)
        snoop, exporter, reopener, glass, denied = (
            person("nurse"),
            person("front-desk"),
            person("physician"),
            person("physician"),
            person("lab"),
        )
        for index in (snoop, reopener, glass):
            self._seen[index] = set()
        week2 = [d for d in weekdays if 7 <= d < 14]
        plan: dict[int, list[Any]] = {}

        def at(day: int, planter: Any) -> None:
            plan.setdefault(day, []).append(planter)

        at(pick(weekdays, 0.35), lambda day, r, out: self._guessing(day, r, out, guessed))
        at(pick(weekdays, 0.55), self._spraying)
        at(pick(late, 0.2), lambda day, r, out: self._takeover(day, r, out, taken))
        at(sundays[0] if sundays else pick(weekdays, 0.9), lambda day, r, out: self._night_login(day, r, out, night))
        at(pick(late, 0.5), lambda day, r, out: self._new_source(day, r, out, roamer))
        at(week2[1], lambda day, r, out: self._snooping(day, r, out, snoop))
        export_day = pick(late, 0.7)
        at(export_day, lambda day, r, out: self._bulk_export(day, r, out, exporter))
        reopen_days = [d for d in weekdays if week2[0] <= d <= week2[0] + 6]
        reopen_state: dict[str, Any] = {}
        for day in reopen_days:
            at(day, lambda d, r, out: self._reopening(d, r, out, reopener, reopen_state))
        at(pick(late, 0.4), lambda day, r, out: self._break_glass(day, r, out, glass))
        at(pick(late, 0.6), lambda day, r, out: self._denied(day, r, out, denied))
        return plan

    def _new_incident(self, kind: str, rule: str, description: str, **subject: Any) -> int:
        self.incidents.append(Incident(kind, rule, description, **subject))
        return len(self.incidents) - 1

    def _guessing(self, day: int, rng: random.Random, out: list[tuple[Any, ...]], target: int) -> None:
        source = "203.0.113.7"
        user = self.staff[target].user
        n = self._new_incident(
            "password-guessing",
            "failed-login-burst-user",
            f"40 password guesses against {user} in 4 minutes",
            actor=user,
        )
        ts = self._at(day, 1 * 60 + 10)
        for _ in range(40):
            out.append((ts, _LOGIN, target, "failure", source, "invalid password", None, n))
            ts += rng.uniform(3, 8)

    def _spraying(self, day: int, rng: random.Random, out: list[tuple[Any, ...]]) -> None:
        source = "198.51.100.23"
        n = self._new_incident(
            "password-spraying", "many-users-from-source", f"12 users tried once each from {source}", source=source
        )
        ts = self._at(day, 14 * 60)
        for target in rng.sample(range(len(self.staff)), 12):
            out.append((ts, _LOGIN, target, "failure", source, "invalid password", None, n))
            ts += rng.uniform(150, 300)

    def _takeover(self, day: int, rng: random.Random, out: list[tuple[Any, ...]], target: int) -> None:
        source = "192.0.2.55"
        user = self.staff[target].user
        n = self._new_incident(
            "account-takeover",
            "success-after-failures",
            f"8 failures then a success for {user} from {source}",
            actor=user,
            source=source,
        )
        ts = self._at(day, 10 * 60 + 30)
        for _ in range(8):
            out.append((ts, _LOGIN, target, "failure", source, "invalid password", None, n))
            ts += rng.uniform(10, 25)
        out.append((ts, _LOGIN, target, "success", source, None, None, n))

    def _night_login(self, day: int, rng: random.Random, out: list[tuple[Any, ...]], who: int) -> None:
        member = self.staff[who]
        n = self._new_incident(
            "off-hours-login", "off-hours-login", f"{member.user} logs in at 02:40 on a Sunday", actor=member.user
        )
        ts = self._at(day, 2 * 60 + 40)
        out.append((ts, _LOGIN, who, "success", member.sources[0], None, None, n))
        for k, patient in enumerate(rng.sample(member.panel, 3)):
            out.append((ts + 60 * (k + 1), _ACCESS, who, patient, "Encounter", "success", None, None))

    def _new_source(self, day: int, rng: random.Random, out: list[tuple[Any, ...]], who: int) -> None:
        member = self.staff[who]
        source = "10.77.3.9"
        n = self._new_incident(
            "new-source-login",
            "new-source-login",
            f"{member.user} logs in from {source}",
            actor=member.user,
            source=source,
        )
        out.append((self._at(day, 10 * 60 + 15), _LOGIN, who, "success", source, None, None, n))

    def _snooping(self, day: int, rng: random.Random, out: list[tuple[Any, ...]], who: int) -> None:
        member = self.staff[who]
        avoid = set(member.panel) | self._seen.get(who, set())
        outside = [p for p in range(self.patients) if p not in avoid]
        count = min(250, len(outside))
        n = self._new_incident(
            "snooping",
            "patients-above-peers",
            f"{member.user} opens {count} records of patients outside their care",
            actor=member.user,
        )
        ts = self._at(day, 14 * 60)
        for patient in rng.sample(outside, count):
            out.append((ts, _ACCESS, who, patient, "Observation", "success", None, n))
            ts += rng.uniform(15, 45)

    def _bulk_export(self, day: int, rng: random.Random, out: list[tuple[Any, ...]], who: int) -> None:
        user = self.staff[who].user
        n = self._new_incident(
            "bulk-export", "exports-above-peers", f"{user} exports 1250 patients in 3 exports", actor=user
        )
        for minute, count in ((11 * 60, 400), (13 * 60 + 20, 350), (16 * 60 + 5, 500)):
            out.append((self._at(day, minute), _EXPORT, who, count, "csv", "download", "success", n))

    def _reopening(
        self, day: int, rng: random.Random, out: list[tuple[Any, ...]], who: int, state: dict[str, Any]
    ) -> None:
        member = self.staff[who]
        if "patient" not in state:
            avoid = set(member.panel) | self._seen.get(who, set())
            patient = rng.choice([p for p in range(self.patients) if p not in avoid])
            state["patient"] = patient
            state["incident"] = self._new_incident(
                "repeated-opens",
                "repeated-record-opens",
                f"{member.user} keeps opening one patient's record outside their care",
                actor=member.user,
                patient=self.token(patient),
            )
        sessions = 2 if self._day_date(day).weekday() in (0, 2, 4) else 1
        for k in range(sessions):
            minute = 9 * 60 + 30 + k * 240 + rng.random() * 60
            self._touch(
                who, state["patient"], self._at(day, minute), rng=rng, out=out, opens=(1, 2), incident=state["incident"]
            )

    def _break_glass(self, day: int, rng: random.Random, out: list[tuple[Any, ...]], who: int) -> None:
        member = self.staff[who]
        avoid = set(member.panel) | self._seen.get(who, set())
        patient = rng.choice([p for p in range(self.patients) if p not in avoid])
        n = self._new_incident(
            "break-glass",
            "break-glass",
            f"{member.user} uses emergency access",
            actor=member.user,
            patient=self.token(patient),
        )
        ts = self._at(day, 16 * 60 + 5)
        for resource in ("Patient", "MedicationRequest", "Condition"):
            out.append((ts, _ACCESS, who, patient, resource, "success", "emergency override: unconscious patient", n))
            ts += rng.uniform(20, 60)

    def _denied(self, day: int, rng: random.Random, out: list[tuple[Any, ...]], who: int) -> None:
        user = self.staff[who].user
        n = self._new_incident("access-denied", "access-denied", f"{user} is denied 6 times", actor=user)
        ts = self._at(day, 11 * 60)
        for _ in range(6):
            out.append((ts, _ACCESS, who, rng.randrange(self.patients), "Claim", "denied", None, n))
            ts += rng.uniform(60, 240)
