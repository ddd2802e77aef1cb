"""Each analysis rule on hand-built records: it trips at its threshold, not one below, and cites its evidence."""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipaalog.exceptions import ConfigError
from hipaalog.report import Finding, ReportConfig, Severity, analyze_records
from hipaalog.report._stats import median, median_of_others, peer_stats

BASE = calendar.timegm((2024, 3, 4, 15, 0, 0))  # Monday 2024-03-04 15:00 UTC = 09:00 in Chicago


def stamp(epoch: float) -> str:
    """RFC 3339 with microseconds, as records carry it."""
    whole = int(epoch)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole)) + f".{round((epoch - whole) * 1e6):06d}Z"


class Stream:
    """Builds audit records with increasing sequence numbers."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    def add(self, at: float, **audit: Any) -> int:
        seq = len(self.records) + 1
        audit.setdefault("outcome", "success")
        self.records.append(
            {
                "timestamp": stamp(at),
                "level": "info",
                "severity": 6,
                "message": "m",
                "logger": "hipaalog.audit",
                "appId": "clinic",
                "platform": "vm",
                "microservice": "ehr",
                "audit": audit,
                "seq": seq,
            }
        )
        return seq

    def login(self, at: float, actor: str, outcome: str = "success", source: str = "10.0.0.1") -> int:
        return self.add(at, event="login", actor=actor, outcome=outcome, source=source, method="password")

    def access(self, at: float, actor: str, patient: str, resource: str = "Observation", **extra: Any) -> int:
        return self.add(at, event="access", actor=actor, patient=patient, action="read", resource=resource, **extra)


def run(stream: Stream, **settings: Any) -> list[Finding]:
    records = sorted(stream.records, key=lambda r: r["timestamp"])
    return analyze_records(records, ReportConfig(**settings)).finish()


def of(findings: Iterable[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


@pytest.mark.parametrize(("count", "span", "expected"), [(10, 300.0, 1), (9, 200.0, 0), (10, 300.5, 0)])
def test_failed_login_burst_per_user_trips_at_exactly_the_threshold(count: int, span: float, expected: int) -> None:
    """Ten failures for one user within five minutes (inclusive) make a finding; nine, or ten over 300.5 s, do not."""
    stream = Stream()
    seqs = [stream.login(BASE + span * i / (count - 1), "amy", "failure") for i in range(count)]
    found = of(run(stream), "failed-login-burst-user")
    assert len(found) == expected
    if expected:
        assert found[0].seqs == seqs
        assert found[0].severity is Severity.HIGH
        assert found[0].actor == "amy"


def test_a_burst_keeps_growing_until_a_quiet_window() -> None:
    """Failures that keep coming extend one finding instead of raising one per ten."""
    stream = Stream()
    seqs = [stream.login(BASE + 20 * i, "amy", "failure") for i in range(45)]
    later = stream.login(BASE + 20 * 44 + 301 + 3600, "amy", "failure")
    (finding,) = of(run(stream), "failed-login-burst-user")
    assert finding.seqs == seqs
    assert later not in finding.seqs
    assert finding.evidence_total == 45


def test_failed_logins_from_one_source_against_many_users() -> None:
    """Twenty failures from one source in five minutes, over many users, is a source burst."""
    stream = Stream()
    seqs = [stream.login(BASE + 10 * i, f"user{i % 7}", "failure", source="203.0.113.9") for i in range(20)]
    (finding,) = of(run(stream), "failed-login-burst-source")
    assert finding.source == "203.0.113.9"
    assert finding.seqs == seqs
    assert finding.details["users"] == 7


@pytest.mark.parametrize(("users", "expected"), [(5, 1), (4, 0)])
def test_many_users_tried_from_one_source(users: int, expected: int) -> None:
    """Failures for five distinct users from one source within an hour is spraying; four is not."""
    stream = Stream()
    seqs = [stream.login(BASE + 600 * i, f"user{i}", "failure", source="198.51.100.4") for i in range(users)]
    found = of(run(stream), "many-users-from-source")
    assert len(found) == expected
    if expected:
        assert found[0].seqs == seqs


@pytest.mark.parametrize(("failures", "gap", "expected"), [(5, 60.0, 1), (4, 60.0, 0), (5, 1000.0, 0)])
def test_success_right_after_a_burst_of_failures_is_critical(failures: int, gap: float, expected: int) -> None:
    """A success after five failures within 15 minutes is critical; after four, or long after, it is not."""
    stream = Stream()
    seqs = [stream.login(BASE + 10 * i, "bob", "failure", source="192.0.2.1") for i in range(failures)]
    success = stream.login(BASE + 10 * failures + gap, "bob", "success", source="192.0.2.1")
    found = of(run(stream), "success-after-failures")
    assert len(found) == expected
    if expected:
        assert found[0].severity is Severity.CRITICAL
        assert found[0].seqs == [*seqs, success]


def test_a_typo_before_logging_in_is_normal() -> None:
    """One or two failed attempts before a success raise nothing."""
    stream = Stream()
    for day in (0, 1, 2, 3, 4, 7, 8, 9, 10, 11):  # weekdays
        stream.login(BASE + day * 86400, "cat", "failure")
        stream.login(BASE + day * 86400 + 20, "cat", "failure")
        stream.login(BASE + day * 86400 + 40, "cat")
    assert run(stream) == []


def test_off_hours_login_uses_the_configured_zone_and_daylight_saving() -> None:
    """06:30 in Chicago is off hours, 07:30 is not, also after the switch to daylight saving time."""
    stream = Stream()
    early = stream.login(calendar.timegm((2024, 3, 4, 12, 30, 0)), "dee")  # 06:30 CST
    stream.login(calendar.timegm((2024, 3, 4, 13, 30, 0)), "dee")  # 07:30 CST
    stream.login(calendar.timegm((2024, 3, 11, 12, 30, 0)), "dee")  # 07:30 CDT: in hours
    saturday = stream.login(calendar.timegm((2024, 3, 9, 16, 0, 0)), "dee")  # Saturday 10:00
    found = of(run(stream, timezone="America/Chicago"), "off-hours-login")
    assert [f.seqs for f in found] == [[early], [saturday]]
    assert all(f.severity is Severity.MEDIUM for f in found)
    assert "06:30" in found[0].summary
    in_utc = of(run(stream), "off-hours-login")  # the same instants read in UTC: only Saturday is off hours
    assert [f.seqs for f in in_utc] == [[saturday]]


def test_working_hours_and_days_are_configurable() -> None:
    """A Saturday clinic with hours 06:00-20:00 makes the same log-ins ordinary."""
    stream = Stream()
    stream.login(calendar.timegm((2024, 3, 4, 12, 30, 0)), "dee")
    stream.login(calendar.timegm((2024, 3, 9, 16, 0, 0)), "dee")
    assert (
        of(run(stream, timezone="America/Chicago", work_hours="06:00-20:00", work_days="mon-sat"), "off-hours-login")
        == []
    )


def test_new_source_after_the_learning_period() -> None:
    """A source first used after the user's first seven days is flagged; new ones during them are learned."""
    stream = Stream()
    stream.login(BASE, "eve", source="10.0.0.1")
    stream.login(BASE + 3 * 86400, "eve", source="10.0.0.2")
    new = stream.login(BASE + 8 * 86400, "eve", source="10.9.9.9")
    stream.login(BASE + 9 * 86400, "eve", source="10.9.9.9")
    (finding,) = of(run(stream), "new-source-login")
    assert (finding.seqs, finding.source, finding.severity) == ([new], "10.9.9.9", Severity.LOW)


def test_off_hours_from_a_new_source_is_high() -> None:
    """A log-in that is both off hours and from a new source is one high finding plus the new-source note."""
    stream = Stream()
    stream.login(BASE, "fay", source="10.0.0.1")
    night = stream.login(BASE + 8 * 86400 - 13 * 3600, "fay", source="172.16.0.9")  # 02:00 UTC Tuesday
    findings = run(stream)
    (off,) = of(findings, "off-hours-login")
    assert off.severity is Severity.HIGH
    assert off.seqs == [night]


def _week_of_accesses(stream: Stream, actor: str, patients: int, resource: str, prefix: str) -> list[int]:
    return [
        stream.access(BASE + (i % 5) * 86400 + i, actor, f"PATIENT:k1:{prefix}{i:012d}", resource)
        for i in range(patients)
    ]


def test_user_far_above_peers_in_distinct_patients() -> None:
    """Among ten nurses seeing about 50 patients a week, one seeing 200 is flagged with the peer statistics."""
    stream = Stream()
    for n, count in enumerate([48, 49, 50, 50, 51, 52, 53, 47, 50]):
        _week_of_accesses(stream, f"nurse{n}", count, "Observation", f"n{n}")
    snoop = _week_of_accesses(stream, "snoop", 200, "Observation", "s")
    (finding,) = of(run(stream), "patients-above-peers")
    assert finding.actor == "snoop"
    assert finding.seqs == snoop
    stats = peer_stats([48, 49, 50, 50, 51, 52, 53, 47, 50, 200])
    assert finding.details["median"] == stats.median == 50
    assert finding.details["mad"] == stats.mad == 1.5
    assert stats.scale == 5.0  # 1.4826 * 1.5 = 2.2 is below the floor of 0.1 * median
    assert finding.details["limit"] == 100.0  # max(50 + 8 * 5, 2 * 50, 30)


def test_peer_groups_keep_different_jobs_apart() -> None:
    """Front-desk staff seeing 200 patients are not outliers among themselves, but are among nurses if grouped so."""
    stream = Stream()
    for n in range(6):
        _week_of_accesses(stream, f"nurse{n}", 50 + n, "Observation", f"n{n}")
    for n in range(6):
        _week_of_accesses(stream, f"desk{n}", 200 + n, "Appointment", f"d{n}")
    assert of(run(stream), "patients-above-peers") == []
    everyone = {f"nurse{n}": "clinical" for n in range(6)} | {"desk0": "clinical"}
    flagged = of(run(stream, peer_groups=everyone), "patients-above-peers")
    assert [f.actor for f in flagged] == ["desk0"]


def test_small_groups_are_not_compared() -> None:
    """A group of four active users is too small for a median and MAD to mean anything."""
    stream = Stream()
    for n, count in enumerate([40, 41, 42, 400]):
        _week_of_accesses(stream, f"lab{n}", count, "Specimen", f"l{n}")
    assert of(run(stream), "patients-above-peers") == []


def test_bulk_export_far_above_peers() -> None:
    """Exports of 900 patients by a front-desk user whose peers export none is flagged; one referral is not."""
    stream = Stream()
    seqs = []
    for n in range(6):
        _week_of_accesses(stream, f"desk{n}", 100, "Appointment", f"d{n}")
    for hour in (1, 2, 3):
        seqs.append(
            stream.add(BASE + hour * 3600, event="export", actor="desk0", patients=300, format="csv", destination="usb")
        )
    stream.add(BASE + 7200, event="export", actor="desk1", patients=1, format="pdf", destination="referral-fax")
    (finding,) = of(run(stream), "exports-above-peers")
    assert finding.actor == "desk0"
    assert finding.seqs == seqs
    assert finding.details["value"] == 900


@pytest.mark.parametrize(("sessions", "expected"), [(5, 1), (4, 0)])
def test_repeated_opens_of_one_record_in_separate_sessions(sessions: int, expected: int) -> None:
    """Five separate sessions on one patient's record within seven days is flagged; four is not."""
    stream = Stream()
    seqs = []
    for k in range(sessions):
        at = BASE + k * 86400
        seqs.append(stream.access(at, "gus", "PATIENT:k1:aaaaaaaaaaaaaaaa"))
        seqs.append(stream.access(at + 600, "gus", "PATIENT:k1:aaaaaaaaaaaaaaaa"))  # same session: 10 min later
    found = of(run(stream), "repeated-record-opens")
    assert len(found) == expected
    if expected:
        assert found[0].patient == "PATIENT:k1:aaaaaaaaaaaaaaaa"
        assert found[0].seqs == seqs
        assert found[0].details == {"sessions": 5, "opens": 10}


def test_many_opens_in_one_session_are_one_session() -> None:
    """Thirty opens of one record, each within 30 minutes of the last, are a single session."""
    stream = Stream()
    for k in range(30):
        stream.access(BASE + k * 1500, "hal", "PATIENT:k1:bbbbbbbbbbbbbbbb")
    assert of(run(stream), "repeated-record-opens") == []


def test_break_glass_and_denied_access() -> None:
    """Emergency access is medium; five denials in a day are medium, fewer are low; both name the patient."""
    stream = Stream()
    glass = stream.access(BASE, "ida", "PATIENT:k1:cccccccccccccccc", emergency=True, reason="code blue")
    five = [stream.access(BASE + 60 * i, "jon", f"PATIENT:k1:d{i:015d}", outcome="denied") for i in range(5)]
    two = [
        stream.access(BASE + 86400 + 60 * i, "kim", "PATIENT:k1:eeeeeeeeeeeeeeee", outcome="denied") for i in range(2)
    ]
    findings = run(stream)
    (bg,) = of(findings, "break-glass")
    assert (bg.seqs, bg.severity, bg.patient) == ([glass], Severity.MEDIUM, "PATIENT:k1:cccccccccccccccc")
    denied = {f.actor: f for f in of(findings, "access-denied")}
    assert (denied["jon"].seqs, denied["jon"].severity) == (five, Severity.MEDIUM)
    assert (denied["kim"].seqs, denied["kim"].severity) == (two, Severity.LOW)
    assert denied["kim"].patient == "PATIENT:k1:eeeeeeeeeeeeeeee"


def test_evidence_is_capped_but_counted() -> None:
    """A huge burst cites at most max_evidence seqs and counts every failure."""
    stream = Stream()
    for i in range(300):
        stream.login(BASE + i, "lee", "failure")
    (finding,) = of(run(stream, max_evidence=50), "failed-login-burst-user")
    assert len(finding.seqs) == 50
    assert finding.evidence_total == 300


@pytest.mark.parametrize(
    ("setting", "value"),
    [("timezone", "Mars/Olympus"), ("work_hours", "7-"), ("work_days", "someday"), ("peer_z", 0), ("spray_users", 0)],
)
def test_bad_settings_are_config_errors(setting: str, value: object) -> None:
    """Each unusable setting fails at construction with a ConfigError naming it."""
    with pytest.raises(ConfigError, match=setting.split("_", maxsplit=1)[0]):
        ReportConfig(**{setting: value})


def test_unknown_setting_in_a_mapping_is_named() -> None:
    """A config file with a misspelled key says which key and lists the known ones."""
    with pytest.raises(ConfigError, match="peer_zz"):
        ReportConfig.from_mapping({"peer_zz": 3})


@given(st.lists(st.sampled_from([0.5, 1.0, 1.25, 2.0, 3.0, 7.5]), max_size=12), st.data())
def test_median_of_others_is_the_median_without_one(values: list[float], data: st.DataObject) -> None:
    ordered = sorted(values)
    assert median_of_others(ordered, None) == (median(values), len(values))
    if values:
        own = data.draw(st.integers(0, len(values) - 1))
        others = values[:own] + values[own + 1 :]
        assert median_of_others(ordered, values[own]) == (median(others), len(others))
