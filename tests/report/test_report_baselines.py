"""Per-person baselines, the crowd (VIP) rule, care relationships and triage, on hand-built records."""

from __future__ import annotations

import calendar
import tracemalloc

import pytest

from hipaalog.exceptions import ConfigError
from hipaalog.report import Finding, ReportConfig, Severity, analyze_records, triage
from hipaalog.report._baseline import KEEP_DAYS, Habits

from .test_report_rules import Stream, of, run

MONDAY = calendar.timegm((2024, 3, 4, 0, 0, 0))  # Monday 2024-03-04 00:00 UTC
DAY = 86400.0


def at(day: int, hour: float) -> float:
    """Epoch seconds of ``hour`` (UTC) on the ``day``-th day after Monday 2024-03-04."""
    return MONDAY + day * DAY + hour * 3600


def night_shifts(stream: Stream, actor: str, days: range, source: str = "10.1.0.1") -> None:
    """A night worker: log-ins at 19:00, 23:00 and 03:00 (the next morning)."""
    for day in days:
        for hour in (19, 23, 27):
            stream.login(at(day, hour), actor, source=source)


def day_shifts(stream: Stream, actor: str, days: range, source: str = "10.1.0.2") -> None:
    """A day worker: log-ins at 07:00, 11:00 and 15:00 every day of the week."""
    for day in days:
        for hour in (7, 11, 15):
            stream.login(at(day, hour), actor, source=source)


def test_night_staff_at_night_are_normal_a_day_worker_at_3am_on_sunday_is_not() -> None:
    """Both log in outside the calendar; only the log-in unusual for the person is a (high) finding."""
    stream = Stream()
    night_shifts(stream, "rn.night", range(20))
    day_shifts(stream, "rn.day", range(20))
    sunday = stream.login(at(13, 3.2), "rn.day", source="10.1.0.2")
    (finding,) = of(run(stream), "off-hours-login")
    assert (finding.actor, finding.seqs, finding.severity) == ("rn.day", [sunday], Severity.HIGH)
    assert finding.details["basis"] == "own"
    assert finding.details["unusual_times"] == ["03:12"]
    assert "usual log-in hours" in finding.summary


def test_without_own_days_the_calendar_decides() -> None:
    """The same night worker with ``baseline_days`` above their active days is judged by the calendar alone."""
    stream = Stream()
    night_shifts(stream, "rn.night", range(4))
    findings = of(run(stream), "off-hours-login")
    assert len(findings) == 5  # four evenings and the last morning, each a day outside working hours
    assert {f.details["basis"] for f in findings} == {"calendar"}
    assert of(run(stream, baseline_days=3), "off-hours-login") == []


def test_the_first_days_wait_for_the_baseline() -> None:
    """A night worker's first nights, before any baseline exists, are judged once it does: nothing is flagged."""
    stream = Stream()
    night_shifts(stream, "rn.night", range(14))
    assert of(run(stream), "off-hours-login") == []


def test_the_middle_of_a_shift_is_usual() -> None:
    """A log-in between two usual hours of the same shift (01:00 between 23:00 and 03:00) is not flagged."""
    stream = Stream()
    night_shifts(stream, "rn.night", range(20))
    stream.login(at(20, 25), "rn.night", source="10.1.0.1")  # 01:00, never used before, inside the shift
    assert of(run(stream, usual_spread_hours=0), "off-hours-login") == []


def test_an_off_day_is_unusual_only_for_someone_who_never_works_one() -> None:
    """Saturday 10:00 is flagged (medium) for a strict Monday-to-Friday worker, not for one who works weekends."""
    stream = Stream()
    weekdays = [d for d in range(26) if d % 7 < 5]
    for day in weekdays:
        stream.login(at(day, 9), "office")
        stream.login(at(day, 9), "rota")
    for day in (5, 13):
        stream.login(at(day, 9), "rota")
    saturday = stream.login(at(26, 10), "office")
    stream.login(at(26, 10), "rota")
    (finding,) = of(run(stream), "off-hours-login")
    assert (finding.actor, finding.seqs, finding.severity) == ("office", [saturday], Severity.MEDIUM)
    assert "off day" in finding.summary


def test_float_staff_are_judged_against_their_group() -> None:
    """Someone whose group works around the clock (float staff) is not flagged for a shift new to them."""
    stream = Stream()
    for n in range(3):
        night_shifts(stream, f"float{n}", range(0, 20, 2))
        day_shifts(stream, f"float{n}", range(1, 20, 2))
    night_shifts(stream, "newfloat", range(12))
    stream.login(at(13, 6.8), "newfloat")  # a day shift, the first for them
    groups = {f"float{n}": "float" for n in range(3)} | {"newfloat": "float"}
    assert of(run(stream, peer_groups=groups), "off-hours-login") == []
    assert [f.actor for f in of(run(stream), "off-hours-login")] == ["newfloat"]


def test_workstations_of_the_unit_and_shared_ones_are_known_sources() -> None:
    """A second workstation of one's unit, or one two other people use, is not new; a foreign one is."""
    stream = Stream()
    for day in range(10):
        stream.login(at(day, 8), "amy", source="10.1.0.1")
        stream.login(at(day, 8), "ben", source="10.1.0.2")
        stream.login(at(day, 8), "cat", source="10.2.0.1")
        stream.login(at(day, 8), "dan", source="10.2.0.1")
    stream.login(at(10, 9), "amy", source="10.1.0.2")  # ben's: same unit
    stream.login(at(10, 9), "ben", source="10.2.0.1")  # cat's and dan's: shared
    foreign = stream.login(at(10, 9), "cat", source="10.99.0.9")
    units = {"amy": "ward", "ben": "ward", "cat": "lab", "dan": "lab"}
    found = of(run(stream, units=units), "new-source-login")
    assert [(f.actor, f.seqs) for f in found] == [("cat", [foreign])]
    alone = of(run(stream, units=units, shared_source_users=3), "new-source-login")
    assert [f.actor for f in alone] == ["ben", "cat"]


def _clerk_days(stream: Stream, actor: str, days: range, per_day: int, prefix: str) -> None:
    for day in days:
        for i in range(per_day):
            stream.access(at(day, 9 + i / 60), actor, f"PATIENT:k1:{prefix}{day:04d}{i:08d}", "Claim")


def test_a_one_day_burst_is_measured_against_the_persons_own_days() -> None:
    """Ten days of about 12 patients, then 120 in one day: a high finding citing the day's patients."""
    stream = Stream()
    for n in range(4):
        _clerk_days(stream, f"clerk{n}", range(12), 12 + n, f"c{n}")
    _clerk_days(stream, "burst", range(11), 12, "b")
    seqs = [stream.access(at(11, 9 + i / 60), "burst", f"PATIENT:k1:x{i:015d}", "Claim") for i in range(120)]
    units = {f"clerk{n}": "billing" for n in range(4)} | {"burst": "billing"}
    (finding,) = of(run(stream, units=units), "patients-above-own-days")
    assert finding.actor == "burst"
    assert finding.seqs == seqs
    assert finding.details["median"] == 12
    assert finding.details["limit"] == 36  # max(12 + 6 * 1.2, 3 * 12, 30)
    assert finding.details["unit_surge"] == 1.0


def test_a_surge_the_unit_shares_is_not_a_burst() -> None:
    """When everyone of the unit sees four times their usual patients on the same day, nobody is flagged."""
    stream = Stream()
    for n in range(5):
        _clerk_days(stream, f"er{n}", range(11), 12, f"e{n}")
        _clerk_days(stream, f"er{n}", range(11, 12), 48, f"s{n}")
    units = {f"er{n}": "er" for n in range(5)}
    assert of(run(stream, units=units), "patients-above-own-days") == []
    alone = {f"er{n}": f"unit{n}" for n in range(5)}  # one unit each: no second opinion
    assert len(of(run(stream, units=alone), "patients-above-own-days")) == 5


@pytest.mark.parametrize(("staff", "expected"), [(20, 1), (19, 0)])
def test_many_staff_without_care_opening_one_record(staff: int, expected: int) -> None:
    """Twenty distinct staff opening one record within two days is a finding about the patient; 19 are not."""
    stream = Stream()
    vip = "PATIENT:k1:vvvvvvvvvvvvvvvv"
    seqs = [stream.access(at(1, 4 + k / 2), f"user{k}", vip, "Patient") for k in range(staff)]
    found = of(run(stream), "many-staff-one-patient")
    assert len(found) == expected
    if expected:
        assert (found[0].patient, found[0].actor, found[0].seqs) == (vip, None, seqs)
        assert found[0].details["staff"] == staff


def test_staff_who_document_care_do_not_make_a_crowd() -> None:
    """Twenty staff of whom two wrote in the record (even after reading it) are 18 outsiders: no finding."""
    stream = Stream()
    patient = "PATIENT:k1:wwwwwwwwwwwwwwww"
    for k in range(20):
        stream.access(at(1, 4 + k / 2), f"user{k}", patient, "Observation")
    for k in (0, 19):
        stream.add(at(1, 4.1 + k / 2), event="change", actor=f"user{k}", patient=patient, resource="Observation")
    assert of(run(stream), "many-staff-one-patient") == []
    assert of(run(stream, crowd_staff=18), "many-staff-one-patient") != []


def test_repeated_opens_by_someone_who_documents_care_are_their_work() -> None:
    """A nurse opening her patient's record in many sessions and charting in it raises nothing."""
    stream = Stream()
    patient = "PATIENT:k1:nnnnnnnnnnnnnnnn"
    for session in range(8):
        stream.access(at(session // 4, 8 + 3 * (session % 4)), "nurse", patient)
    assert len(of(run(stream), "repeated-record-opens")) == 1
    stream.add(at(0, 9), event="change", actor="nurse", patient=patient, resource="Observation", fields=["bp"])
    assert of(run(stream), "repeated-record-opens") == []


def test_more_days_worked_raise_the_weekly_peer_limit() -> None:
    """Someone who worked five days seeing twice the patients of peers who worked two is not an outlier."""
    stream = Stream()
    for n in range(6):
        _clerk_days(stream, f"part{n}", range(2), 40, f"p{n}")
    _clerk_days(stream, "full", range(5), 40, "f")
    assert of(run(stream), "patients-above-peers") == []


def test_peaks_show_the_value_the_data_reached() -> None:
    """The peaks table holds 40 failures, 12 users and 7 sessions where the data reached them, not the thresholds."""
    stream = Stream()
    for i in range(40):
        stream.login(at(1, 2 + i / 600), "amy", "failure", source="203.0.113.1")
    for i in range(12):
        stream.login(at(2, 2 + i / 60), f"user{i}", "failure", source="198.51.100.2")
    for day in range(7):
        stream.access(at(day, 9), "gus", "PATIENT:k1:aaaaaaaaaaaaaaaa")
    peaks = analyze_records(sorted(stream.records, key=lambda r: r["timestamp"])).peaks()
    assert peaks["repeated-record-opens"] == {"peak": 7.0, "threshold": 5.0}
    assert peaks["failed-login-burst-user"] == {"peak": 40.0, "threshold": 10.0}
    assert peaks["failed-login-burst-source"]["peak"] == 40.0
    assert peaks["many-users-from-source"] == {"peak": 12.0, "threshold": 5.0}


def _finding(rule: str, severity: Severity, start: float, **subject: str) -> Finding:
    return Finding(rule=rule, severity=severity, summary=rule, start=start, end=start, seqs=[int(start)], **subject)


def test_triage_groups_by_subject_and_ranks_by_combined_risk() -> None:
    """One row per subject; several rules outrank one; repeats of one rule add little; every finding kept."""
    findings = [
        *(_finding("off-hours-login", Severity.MEDIUM, float(d), actor="night") for d in range(30)),
        _finding("off-hours-login", Severity.HIGH, 40.0, actor="mixed"),
        _finding("new-source-login", Severity.LOW, 41.0, actor="mixed"),
        _finding("patients-above-peers", Severity.HIGH, 42.0, actor="mixed"),
        _finding("many-users-from-source", Severity.HIGH, 43.0, source="198.51.100.9"),
        _finding("many-staff-one-patient", Severity.HIGH, 44.0, patient="PATIENT:k1:aaaaaaaaaaaaaaaa"),
        _finding("success-after-failures", Severity.CRITICAL, 45.0, actor="taken", source="192.0.2.1"),
    ]
    groups = triage(findings)
    assert [(g.kind, g.subject) for g in groups] == [
        ("user", "taken"),
        ("user", "mixed"),
        ("source", "198.51.100.9"),
        ("patient", "PATIENT:k1:aaaaaaaaaaaaaaaa"),
        ("user", "night"),
    ]
    assert [g.score for g in groups] == [100.0, 62.0, 40.0, 40.0, 22.0]  # 40 + 20 + 2; 12 + 10 repeats
    night = groups[-1]
    assert night.rules == {"off-hours-login": 30}
    assert sorted(i for g in groups for i in g.indices) == list(range(len(findings)))
    assert groups[1].lead.rule == "off-hours-login"


def test_bad_baseline_settings_are_config_errors() -> None:
    """A spread outside 0-11 hours, or a crowd of zero, is refused at construction."""
    with pytest.raises(ConfigError, match="usual_spread_hours"):
        ReportConfig(usual_spread_hours=12)
    with pytest.raises(ConfigError, match="crowd_staff"):
        ReportConfig(crowd_staff=0)


def test_habits_keep_the_last_days_in_eight_bytes_each() -> None:
    """A person's log-in habits are the last KEEP_DAYS days, packed: a hospital's 25,000 people must fit in a few
    MB, not the hundred a tuple per day would take."""
    people = 2000
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        everyone = []
        for person in range(people):
            habits = Habits()
            for day in range(20_000, 20_000 + 3 * KEEP_DAYS):
                habits.add_day(day, (1 << (day + person) % 24) | 1 << 23, day % 7 == person % 7)
            everyone.append(habits)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held / people < 16 * KEEP_DAYS  # about 8 bytes a day and an array's header
    others = everyone[5].others(20_000 + 3 * KEEP_DAYS - 1)
    assert len(others) == KEEP_DAYS - 1  # the day judged is left out, older days were forgotten
    first, mask, off_day = others[0]
    assert first == 20_000 + 2 * KEEP_DAYS
    assert mask == (1 << (first + 5) % 24) | 1 << 23
    assert off_day is (first % 7 == 5)
