"""A second synthetic world, written for the report tests without any code of ``hipaalog.synthetic``.

A 24/7 hospital: an ICU, an emergency department and two wards, each with its own workstations;
day and night nursing shifts on rotating rosters that include weekends, float nurses who work
wherever they are sent (day or night), physicians with weekend cover, laboratory staff who
enter results, coders who work through yesterday's charts, registration clerks in the ED,
second workstations used from the second week, DST, typos, and two ED surge days. On top of
it, planted incidents of every kind the report should catch. Patients are hand-made tokens.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import random
import time
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

ZONE = "America/New_York"
START = dt.date(2025, 3, 3)  # a Monday; daylight saving time starts on the 9th
UNIT_WORKSTATIONS = {"icu": 1, "er": 2, "ward-a": 3, "ward-b": 4, "float": 0, "lab": 5, "him": 6}
BEDS = {"icu": 8, "ward-a": 18, "ward-b": 18}


@dataclass
class Person:
    """One member of staff."""

    user: str
    unit: str
    role: str
    shift: str  # "day", "night", "office", "float"
    roster: frozenset[int]  # days of the 14-day rota worked
    workstations: list[str] = field(default_factory=list)


@dataclass
class Planted:
    """A planted incident: the rule that should find it, its subject, and its records' seqs."""

    kind: str
    rule: str
    actor: str | None = None
    source: str | None = None
    patient: str | None = None
    seqs: list[int] = field(default_factory=list)


def _token(n: int) -> str:
    digest = hashlib.sha256(f"world-patient-{n}".encode()).digest()
    return "PATIENT:k1:" + base64.b32encode(digest).decode().lower()[:16]


def _stamp(epoch: float) -> str:
    whole = int(epoch)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole)) + f".{int((epoch - whole) * 1e6):06d}Z"


class Hospital:
    """``days`` days of a hospital's EHR audit events; :meth:`records` gives them sealed-record-shaped."""

    def __init__(self, *, days: int = 28, seed: int = 5, plant: bool = True) -> None:
        self.days = days
        self.seed = seed
        self.plant = plant
        self.zone = ZoneInfo(ZONE)
        self.rng = random.Random(seed)
        self.staff: list[Person] = []
        self.incidents: list[Planted] = []
        self._events: list[tuple[float, int, dict[str, Any], int | None]] = []
        self._order = 0
        self._next_patient = 0
        self._hire()

    # -- staff ------------------------------------------------------------------------------------
    def _rota(self, shifts: int) -> frozenset[int]:
        """``shifts`` days out of 14, at least one weekend day in each week."""
        rng = self.rng
        days = {rng.choice((5, 6)), rng.choice((12, 13))}
        while len(days) < shifts:
            days.add(rng.randrange(14))
        return frozenset(days)

    def _hire(self) -> None:
        rng = self.rng
        plan = [
            ("icu", "nurse", "day", 6),
            ("icu", "nurse", "night", 5),
            ("icu", "physician", "office", 3),
            ("er", "nurse", "day", 6),
            ("er", "nurse", "night", 5),
            ("er", "physician", "office", 4),
            ("er", "registration", "day", 3),
            ("er", "registration", "night", 3),
            ("ward-a", "nurse", "day", 7),
            ("ward-a", "nurse", "night", 5),
            ("ward-a", "physician", "office", 3),
            ("ward-b", "nurse", "day", 7),
            ("ward-b", "nurse", "night", 5),
            ("ward-b", "physician", "office", 3),
            ("float", "nurse", "float", 6),
            ("lab", "lab", "day", 4),
            ("lab", "lab", "night", 2),
            ("him", "coder", "office", 5),
        ]
        for unit, role, shift, count in plan:
            for k in range(count):
                user = f"{unit}.{role}.{shift}.{k + 1:02d}.{rng.choice(('ng', 'okafor', 'silva', 'kowalczyk'))}"
                if role == "physician" or shift == "office":
                    roster = frozenset(d for d in range(14) if d % 7 < 5)
                else:
                    roster = self._rota(7)
                self.staff.append(Person(user, unit, role, shift, roster))
        for unit, number in UNIT_WORKSTATIONS.items():
            members = [p for p in self.staff if p.unit == unit]
            if unit == "float":
                continue
            pool = [f"10.{number}.0.{10 + k}" for k in range(max(3, len(members) // 2))]
            for index, person in enumerate(members):
                person.workstations = [pool[index % len(pool)]]
            for person in members:
                if rng.random() < 0.5:  # a second workstation of the unit, used from the second week
                    other = rng.choice([w for w in pool if w not in person.workstations])
                    person.workstations.append(other)
        self.unit_pools = {
            unit: sorted({w for p in self.staff if p.unit == unit for w in p.workstations})
            for unit in UNIT_WORKSTATIONS
            if unit != "float"
        }

    def peer_groups(self) -> dict[str, str]:
        """Peer groups by unit and role, as a hospital's roster would give them."""
        return {p.user: f"{p.unit}/{p.role}" for p in self.staff}

    def units(self) -> dict[str, str]:
        """Each person's unit."""
        return {p.user: p.unit for p in self.staff}

    def report_settings(self) -> dict[str, Any]:
        """The report settings a privacy officer of this hospital would use."""
        return {"timezone": ZONE, "peer_groups": self.peer_groups(), "units": self.units()}

    # -- time and events -----------------------------------------------------------------------
    def at(self, day: int, minute: float) -> float:
        """Epoch seconds of a local minute of a day (minutes past 1440 run into the next day)."""
        date = START + dt.timedelta(days=day + int(minute // 1440))
        minute %= 1440
        local = dt.datetime(date.year, date.month, date.day, int(minute // 60), int(minute % 60), tzinfo=self.zone)
        return local.timestamp() + (minute % 1) * 60

    def _add(self, ts: float, audit: dict[str, Any], incident: int | None = None) -> None:
        self._order += 1
        self._events.append((ts, self._order, audit, incident))

    def login(self, ts: float, person: Person, source: str, *, incident: int | None = None) -> None:
        """A log-in, sometimes after a typo."""
        if incident is None and self.rng.random() < 0.05:
            self._add(ts - self.rng.uniform(5, 30), self._login_audit(person.user, "failure", source))
        self._add(ts, self._login_audit(person.user, "success", source), incident)

    @staticmethod
    def _login_audit(user: str, outcome: str, source: str) -> dict[str, Any]:
        return {"event": "login", "actor": user, "outcome": outcome, "source": source, "method": "password"}

    def open(
        self, ts: float, user: str, patient: int, resource: str, incident: int | None = None, **extra: Any
    ) -> None:
        """A read of a patient's record."""
        audit = {"event": "access", "actor": user, "outcome": "success", "patient": _token(patient)}
        audit |= {"action": "read", "resource": resource, **extra}
        self._add(ts, audit, incident)

    def write(self, ts: float, user: str, patient: int, resource: str, fields: list[str]) -> None:
        """A change to a patient's record (documentation: the care relationship signal)."""
        self._add(
            ts,
            {
                "event": "change",
                "actor": user,
                "outcome": "success",
                "patient": _token(patient),
                "resource": resource,
                "fields": fields,
            },
        )

    def new_patient(self) -> int:
        self._next_patient += 1
        return self._next_patient

    # -- the ordinary hospital -------------------------------------------------------------------
    def _working(self, person: Person, day: int) -> bool:
        if person.role == "physician" or person.shift == "office":
            return (START + dt.timedelta(days=day)).weekday() < 5 and self.rng.random() > 0.05
        return day % 14 in person.roster

    def _source(self, person: Person, day: int, unit: str | None = None) -> str:
        if unit is not None:
            return self.rng.choice(self.unit_pools[unit])
        if day >= 7 and len(person.workstations) > 1 and self.rng.random() < 0.3:
            return person.workstations[1]
        return person.workstations[0]

    def _shift_logins(self, person: Person, day: int, start: float, length: float, unit: str | None = None) -> None:
        self.login(self.at(day, start + self.rng.uniform(-15, 10)), person, self._source(person, day, unit))
        for hours in (4, 8):
            if self.rng.random() < 0.8:
                at = start + hours * 60 + self.rng.uniform(-40, 40)
                if at < start + length:
                    self.login(self.at(day, at), person, self._source(person, day, unit))

    def _care(self, nurse: Person, patients: list[int], day: int, start: float, length: float) -> None:
        rng = self.rng
        for patient in patients:
            for _ in range(rng.randint(3, 5)):
                at = self.at(day, start + rng.uniform(10, length - 10))
                self.open(at, nurse.user, patient, rng.choice(("Observation", "MedicationAdministration", "Encounter")))
            at = self.at(day, start + rng.uniform(20, length - 5))
            self.write(at, nurse.user, patient, "Observation", ["vitals"])

    def simulate(self) -> None:
        """Every ordinary day, then the planted incidents."""
        rng = self.rng
        beds = {unit: [self.new_patient() for _ in range(n)] for unit, n in BEDS.items()}
        stay = {p: rng.randint(1, 5) for unit in beds for p in beds[unit]}
        to_code: list[int] = []
        surges = {9, 20}
        rested: set[str] = set()
        for day in range(self.days):
            weekday = (START + dt.timedelta(days=day)).weekday()
            on = {id(p): self._working(p, day) for p in self.staff}
            floats = [p for p in self.staff if p.shift == "float" and on[id(p)] and p.user not in rested]
            rested = set()
            discharged: list[int] = []
            for unit, patients in beds.items():
                for shift, start in (("day", 7 * 60), ("night", 19 * 60)):
                    nurses = [p for p in self.staff if p.unit == unit and p.role == "nurse" and p.shift == shift]
                    nurses = [p for p in nurses if on[id(p)]]
                    if floats:
                        nurses.append(floats.pop())
                        if shift == "night":  # no day shift straight after a night
                            rested.add(nurses[-1].user)
                    for k, nurse in enumerate(nurses):
                        where = unit if nurse.unit == "float" else None
                        self._shift_logins(nurse, day, start, 720, where)
                        self._care(nurse, patients[k :: len(nurses)], day, start, 720)
                doctors = [p for p in self.staff if p.unit == unit and p.role == "physician"]
                rounding = [p for p in doctors if on[id(p)]] or [doctors[day % len(doctors)]]
                for k, doctor in enumerate(rounding):
                    self._shift_logins(doctor, day, 8 * 60, 540)
                    for patient in patients[k :: len(rounding)]:
                        at = 8 * 60 + rng.uniform(15, 480)
                        for _ in range(rng.randint(2, 3)):
                            self.open(self.at(day, at), doctor.user, patient, rng.choice(("Encounter", "Condition")))
                            at += rng.uniform(1, 4)
                        self.write(self.at(day, at), doctor.user, patient, "Encounter", ["progress-note"])
                for index, patient in enumerate(patients):
                    stay[patient] -= 1
                    if stay[patient] <= 0:
                        discharged.append(patient)
                        patients[index] = self.new_patient()
                        stay[patients[index]] = rng.randint(2, 6)
            arrivals = self._emergency(day, 2.5 if day in surges else 1.0, on)
            to_code.extend(discharged)
            to_code.extend(arrivals)
            self._laboratory(day, [p for ps in beds.values() for p in ps] + arrivals, on)
            if weekday < 5:
                to_code = self._coding(day, to_code, on, weekday)
        if self.plant:
            self._incidents(beds)

    def _emergency(self, day: int, surge: float, on: dict[int, bool]) -> list[int]:
        rng = self.rng
        er = [p for p in self.staff if p.unit == "er"]
        arrivals = []
        for hour in range(24):
            shift = "day" if 7 <= hour < 19 else "night"
            nurses = [p for p in er if p.role == "nurse" and p.shift == shift and on[id(p)]]
            clerks = [p for p in er if p.role == "registration" and p.shift == shift and on[id(p)]]
            doctors = [p for p in er if p.role == "physician"]
            for _ in range(round(rng.uniform(1, 3) * surge)):
                patient = self.new_patient()
                arrivals.append(patient)
                minute = hour * 60 + rng.uniform(0, 59)
                if clerks:
                    clerk = rng.choice(clerks)
                    self.open(self.at(day, minute), clerk.user, patient, "Patient")
                    self.write(self.at(day, minute + 3), clerk.user, patient, "Patient", ["registration"])
                for nurse in rng.sample(nurses, min(len(nurses), 2)):
                    at = minute + rng.uniform(5, 60)
                    self.open(self.at(day, at), nurse.user, patient, "Observation")
                    self.write(self.at(day, at + 4), nurse.user, patient, "Observation", ["triage"])
                doctor = doctors[(day + hour) % len(doctors)]
                at = minute + rng.uniform(20, 120)
                self.open(self.at(day, at), doctor.user, patient, "Encounter")
                self.write(self.at(day, at + 10), doctor.user, patient, "Encounter", ["ed-note"])
        for shift, start in (("day", 7 * 60), ("night", 19 * 60)):
            for person in er:
                if person.shift == shift and person.role in ("nurse", "registration") and on[id(person)]:
                    self._shift_logins(person, day, start, 720)
        for doctor in (p for p in er if p.role == "physician"):
            if any(doctor is er_doc for er_doc in er) and (day + er.index(doctor)) % 4 < 3:
                self._shift_logins(doctor, day, 7 * 60, 720)
        return arrivals

    def _laboratory(self, day: int, patients: list[int], on: dict[int, bool]) -> None:
        rng = self.rng
        for shift, start in (("day", 7 * 60), ("night", 19 * 60)):
            staff = [p for p in self.staff if p.unit == "lab" and p.shift == shift and on[id(p)]]
            if not staff:
                continue
            for person in staff:
                self._shift_logins(person, day, start, 720)
            for patient in rng.sample(patients, len(patients) // 5):
                tech = rng.choice(staff)
                at = start + rng.uniform(30, 700)
                self.open(self.at(day, at), tech.user, patient, "Specimen")
                self.write(self.at(day, at + 20), tech.user, patient, "DiagnosticReport", ["result"])

    def _coding(self, day: int, queue: list[int], on: dict[int, bool], weekday: int) -> list[int]:
        rng = self.rng
        coders = [p for p in self.staff if p.unit == "him" and on[id(p)]]
        share = len(queue) // max(1, len(coders)) + 1
        for coder in coders:
            self._shift_logins(coder, day, 8 * 60 + 30, 480)
            for _ in range(min(share, 45)):
                if not queue:
                    break
                patient = queue.pop(0)
                at = 8 * 60 + 45 + rng.uniform(0, 440)
                for resource in rng.sample(("Encounter", "Condition", "Procedure"), 2):
                    self.open(self.at(day, at), coder.user, patient, resource)
                    at += rng.uniform(0.5, 3)
        if weekday == 4 and coders:
            audit = {"event": "export", "actor": coders[0].user, "outcome": "success", "patients": rng.randint(15, 30)}
            self._add(self.at(day, 15 * 60), audit | {"format": "csv", "destination": "tumour-registry"})
        return queue

    # -- incidents -------------------------------------------------------------------------------
    def _incident(self, kind: str, rule: str, **subject: Any) -> int:
        self.incidents.append(Planted(kind, rule, **subject))
        return len(self.incidents) - 1

    def _person(self, unit: str, role: str, shift: str) -> Person:
        return next(p for p in self.staff if (p.unit, p.role, p.shift) == (unit, role, shift))

    def _incidents(self, beds: dict[str, list[int]]) -> None:
        rng = random.Random(self.seed * 977)
        sunday = next(d for d in range(14, self.days) if (START + dt.timedelta(days=d)).weekday() == 6)
        nurse = self._person("ward-b", "nurse", "day")
        n = self._incident("sunday-night-login", "off-hours-login", actor=nurse.user)
        self.login(self.at(sunday, 3 * 60 + 10), nurse, nurse.workstations[0], incident=n)

        coder = self._person("him", "coder", "office")
        n = self._incident("one-day-burst", "patients-above-own-days", actor=coder.user)
        day = 17  # a Thursday
        for k, patient in enumerate(rng.sample(range(1, 400), 150)):  # long-discharged patients
            self.open(self.at(day, 9 * 60 + k * 2), coder.user, patient, "Encounter", n)

        vip = self.new_patient()
        n = self._incident("vip-record", "many-staff-one-patient", patient=_token(vip))
        day = 15
        self.open(self.at(day, 10 * 60), self._person("er", "physician", "office").user, vip, "Encounter")
        onlookers = [p for p in self.staff if p.unit in ("icu", "lab", "him", "float") and p.role != "physician"]
        for k, person in enumerate(rng.sample(onlookers, 24)):
            self.open(self.at(day, 11 * 60 + k * 55), person.user, vip, "Patient", n)

        snoop = self._person("icu", "nurse", "day")
        colleague = beds["ward-b"][0]
        n = self._incident("coworker-snooping", "repeated-record-opens", actor=snoop.user, patient=_token(colleague))
        for k in range(6):
            self.open(self.at(19 + k // 2, 12 * 60 + (k % 2) * 180), snoop.user, colleague, "Encounter", n)

        roamer = self._person("ward-a", "nurse", "day")
        n = self._incident("foreign-workstation", "new-source-login", actor=roamer.user, source="10.99.7.7")
        self.login(self.at(22, 10 * 60), roamer, "10.99.7.7", incident=n)

        doctor = self._person("er", "physician", "office")
        patient = beds["icu"][3]
        n = self._incident("break-glass", "break-glass", actor=doctor.user, patient=_token(patient))
        self.open(self.at(16, 14 * 60), doctor.user, patient, "MedicationRequest", n, emergency=True, reason="code")

        clerk = self._person("er", "registration", "night")
        n = self._incident("bulk-export", "exports-above-peers", actor=clerk.user)
        for minute, count in ((2 * 60, 800), (2 * 60 + 20, 700)):
            audit = {"event": "export", "actor": clerk.user, "outcome": "success", "patients": count}
            self._add(self.at(23, minute), audit | {"format": "csv", "destination": "usb"}, n)

        victim = self._person("ward-a", "nurse", "night")
        n = self._incident("password-guessing", "failed-login-burst-user", actor=victim.user)
        ts = self.at(12, 2 * 60 + 5)
        for _ in range(35):
            self._add(ts, self._login_audit(victim.user, "failure", "203.0.113.50"), n)
            ts += rng.uniform(3, 7)

        n = self._incident("password-spraying", "many-users-from-source", source="198.51.100.77")
        ts = self.at(18, 13 * 60)
        for person in rng.sample(self.staff, 10):
            self._add(ts, self._login_audit(person.user, "failure", "198.51.100.77"), n)
            ts += rng.uniform(120, 300)

        taken = self._person("ward-b", "physician", "office")
        n = self._incident("account-takeover", "success-after-failures", actor=taken.user, source="192.0.2.99")
        ts = self.at(24, 11 * 60)
        for _ in range(7):
            self._add(ts, self._login_audit(taken.user, "failure", "192.0.2.99"), n)
            ts += rng.uniform(8, 20)
        self._add(ts, self._login_audit(taken.user, "success", "192.0.2.99"), n)

    # -- output ----------------------------------------------------------------------------------
    def records(self) -> list[dict[str, Any]]:
        """Every record in time order with its ``seq``; the incidents' seqs are filled in."""
        self._events = []
        self.incidents = []
        self.rng = random.Random(self.seed * 31 + 7)
        self._next_patient = 0
        self.simulate()
        self._events.sort(key=lambda e: (e[0], e[1]))
        out = []
        for seq, (ts, _order, audit, incident) in enumerate(self._events, start=1):
            failed = audit["outcome"] != "success"
            out.append(
                {
                    "timestamp": _stamp(ts),
                    "level": "warning" if failed or audit.get("emergency") else "info",
                    "severity": 4 if failed else 6,
                    "message": f"{audit['event']} ({audit['outcome']})",
                    "logger": "hipaalog.audit",
                    "appId": "hospital",
                    "platform": "vm",
                    "microservice": "ehr",
                    "audit": audit,
                    "seq": seq,
                }
            )
            if incident is not None:
                self.incidents[incident].seqs.append(seq)
        return out
