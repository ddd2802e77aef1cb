"""The report over a second, independent world (``_world.py``): a 24/7 hospital with night shifts, float
staff, second workstations and ED surges. Every planted incident is found and ranked; no ordinary pattern
is flagged."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from hipaalog.report import Finding, ReportConfig, analyze_records
from hipaalog.report._timeparse import parse_ts

from ._world import START, ZONE, Hospital, Planted
from .conftest import WORLD_SEED, World

KINDS = (
    "sunday-night-login",
    "one-day-burst",
    "vip-record",
    "coworker-snooping",
    "foreign-workstation",
    "break-glass",
    "bulk-export",
    "password-guessing",
    "password-spraying",
    "account-takeover",
)


def _incident(world: World, kind: str) -> Planted:
    return next(i for i in world.hospital.incidents if i.kind == kind)


def _about(finding: Finding, incident: Planted) -> bool:
    subject = {"actor": incident.actor, "source": incident.source, "patient": incident.patient}
    if incident.rule == "many-users-from-source":
        subject = {"source": incident.source}
    return all(v is None or getattr(finding, k) == v for k, v in subject.items())


def test_the_world_has_the_patterns_that_made_noise() -> None:
    """Night log-ins, float staff across units, second workstations, weekend work and surges are all there."""
    hospital = Hospital(seed=WORLD_SEED, plant=False)
    records = hospital.records()
    assert hospital.incidents == []
    zone = dt.timezone(dt.timedelta(hours=-5))
    logins = [r["audit"] for r in records if r["audit"]["event"] == "login" and r["audit"]["outcome"] == "success"]
    night = [
        r
        for r in records
        if r["audit"]["event"] == "login"
        and not 6 <= dt.datetime.fromtimestamp(parse_ts(r["timestamp"]), zone).hour < 19
    ]
    assert len(night) > 500
    float_sources = {a["source"].split(".")[1] for a in logins if a["actor"].startswith("float.")}
    assert len(float_sources) >= 3  # floats log in from several units' workstations
    per_person = Counter(a["actor"] for a in logins)
    sources: dict[str, set[str]] = {}
    for audit in logins:
        sources.setdefault(audit["actor"], set()).add(audit["source"])
    assert sum(1 for user, s in sources.items() if len(s) == 2 and not user.startswith("float.")) >= 20
    assert min(per_person.values()) >= 10
    arrivals = Counter(
        (START + dt.timedelta(days=(parse_ts(r["timestamp"]) - parse_ts(records[0]["timestamp"])) // 86400)).day
        for r in records
        if r["audit"]["event"] == "change" and r["audit"].get("fields") == ["registration"]
    )
    assert max(arrivals.values()) > 2 * sorted(arrivals.values())[len(arrivals) // 2]  # the surge days
    assert ZONE == "America/New_York"


def test_every_kind_of_incident_is_planted(world: World) -> None:
    """Ten incidents, each with evidence records."""
    assert sorted(i.kind for i in world.hospital.incidents) == sorted(KINDS)
    assert all(i.seqs for i in world.hospital.incidents)


@pytest.mark.parametrize("kind", KINDS)
def test_planted_incident_is_found_with_its_evidence(world: World, kind: str) -> None:
    """A finding of the expected rule, about the incident's subject, cites every evidence record."""
    incident = _incident(world, kind)
    matches = [f for f in world.report.findings if f.rule == incident.rule and _about(f, incident)]
    assert matches, f"no {incident.rule} finding about {incident}"
    assert any(set(incident.seqs) <= set(f.seqs) for f in matches)


def test_no_ordinary_pattern_is_flagged(world: World) -> None:
    """Every finding cites a planted record: night shifts, floats, second workstations and surges raise nothing."""
    planted = {s for i in world.hospital.incidents for s in i.seqs}
    ordinary = [f.summary for f in world.report.findings if not planted & set(f.seqs)]
    assert ordinary == []


def test_every_incident_has_its_own_row_near_the_top(world: World) -> None:
    """Each planted incident is in one of the first ten triage rows; the takeover comes first."""
    ranks = {}
    for incident in world.hospital.incidents:
        rows = [n for n, g in enumerate(world.groups, start=1) if set(incident.seqs) & set(g.seqs())]
        assert rows, incident.kind
        ranks[incident.kind] = rows[0]
    assert ranks["account-takeover"] == 1
    assert max(ranks.values()) <= len(KINDS)
    assert len(set(ranks.values())) == len(KINDS)  # one row per incident
    assert world.groups[0].severity.label == "critical"


def test_the_json_keeps_every_finding_and_the_triage(world: World) -> None:
    """The JSON lists every finding, and the triage rows point at them."""
    data = world.report.to_json()
    assert len(data["findings"]) == len(world.report.findings)
    pointed = sorted(i for row in data["triage"] for i in row["findings"])
    assert pointed == list(range(len(world.report.findings)))
    assert data["triage"][0]["rules"] == dict(world.groups[0].rules)


@pytest.mark.parametrize("seed", [6, 7])
def test_other_seeds_of_the_world_give_the_same_verdict(seed: int) -> None:
    """Two more hospitals of the same kind: every incident found by its rule, nothing ordinary flagged."""
    hospital = Hospital(seed=seed)
    records = hospital.records()
    findings = analyze_records(records, ReportConfig(**hospital.report_settings())).finish()
    for incident in hospital.incidents:
        assert any(f.rule == incident.rule and set(incident.seqs) <= set(f.seqs) for f in findings), incident.kind
    planted = {s for i in hospital.incidents for s in i.seqs}
    assert [f.summary for f in findings if not planted & set(f.seqs)] == []
