"""The DuckDB engine gives the same report as the streaming Python analyzer, record for record.

Compared: every finding (rule, subject, severity, summary, times, evidence, details), the peaks
table, the charts and the counts; on the demo world, on the independent hospital world, and on
randomized small streams with the edge cases (empty, one record, malformed lines, several
streams, DST changes, records out of time order).
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipaalog.exceptions import ConfigError
from hipaalog.report import EngineSettings, ReportConfig, build_report
from hipaalog.report._duck import duckdb_available

from .._peers import require
from ._world import Hospital
from .conftest import KEYS, WORLD_SEED, Dataset


@pytest.fixture(autouse=True)
def _duckdb() -> None:
    require("duckdb", duckdb_available(), "pip install 'hipaalog[report]'")


def _comparable(report: Any) -> dict[str, Any]:
    data = report.to_json()
    del data["generated"], data["engine"]
    data["findings"] = sorted(data["findings"], key=lambda f: orjson.dumps(f, option=orjson.OPT_SORT_KEYS))
    return data


def assert_same(inputs: list[Path], config: ReportConfig, **options: Any) -> tuple[Any, Any]:
    """Build the report with both engines; assert they agree; return (python, duckdb)."""
    python = build_report(inputs, config=config, engine="python", **options)
    duck = build_report(inputs, config=config, engine="duckdb", **options)
    assert python.engine == "python"
    expected, got = _comparable(python), _comparable(duck)
    assert [(f.rule, f.actor, f.source, f.patient) for f in duck.findings] == [
        (f.rule, f.actor, f.source, f.patient) for f in python.findings
    ]
    assert got == expected
    # as written: a number's JSON type too (30 and 30.0 compare equal in Python, not in a log index)
    assert orjson.dumps(got, option=orjson.OPT_SORT_KEYS) == orjson.dumps(expected, option=orjson.OPT_SORT_KEYS)
    return python, duck


def _write(path: Path, records: list[dict[str, Any]], junk: dict[int, bytes] | None = None) -> Path:
    junk = junk or {}
    lines = []
    for n, record in enumerate(records):
        if n in junk:
            lines.append(junk[n])
        lines.append(orjson.dumps(record))
    if len(records) in junk:
        lines.append(junk[len(records)])
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def test_demo_world_same_findings(planted: Dataset) -> None:
    python, duck = assert_same([planted.directory], planted.config, keys=KEYS)
    assert duck.engine == "duckdb"
    assert len(python.findings) >= 10
    assert python.integrity.status == "verified"


def test_hospital_world_same_findings(tmp_path: Path) -> None:
    hospital = Hospital(seed=WORLD_SEED)
    path = _write(tmp_path / "audit.jsonl", hospital.records())
    config = ReportConfig(**hospital.report_settings())
    python, duck = assert_same([path], config, verify=False)
    assert duck.engine == "duckdb"
    assert {f.rule for f in python.findings} >= {"many-staff-one-patient", "patients-above-own-days", "off-hours-login"}


# -- randomized small streams ----------------------------------------------------------------------
_EVENTS = ("access", "access", "access", "login", "login", "change", "export")
_OUTCOMES = ("success", "success", "success", "failure", "denied", "error")
_SMALL = {
    "fail_burst_user": 3,
    "fail_burst_source": 4,
    "fail_window": 600.0,
    "spray_users": 2,
    "success_after_failures": 2,
    "learn_days": 1.0,
    "peer_min_group": 2,
    "peer_min_patients": 2,
    "export_min_patients": 3,
    "reopen_sessions": 2,
    "reopen_gap": 600.0,
    "reopen_window": 86400.0,
    "baseline_days": 2,
    "usual_min_days": 1,
    "off_day_min_days": 2,
    "day_min_patients": 2,
    "crowd_staff": 2,
    "crowd_window": 7200.0,
    "care_days": 1.0,
    "max_evidence": 5,
}
_DST = datetime(2026, 3, 7, 12, 0, tzinfo=timezone.utc).timestamp()
"""Two days before the spring change in America/New_York (and three weeks before Europe's)."""


def _stamp(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _stream(rng: random.Random, size: int, start: float, app: str, ordered: bool) -> list[dict[str, Any]]:
    actors = [f"u{i}" for i in range(rng.randint(1, 6))]
    patients = [f"p{i}" for i in range(rng.randint(1, 8))]
    sources = [None, "", "10.0.0.1", "10.0.0.2", "10.0.0.3"]
    ts = start
    out = []
    for seq in range(1, size + 1):
        step = rng.choice((0.0, 1.5, 30.0, 400.0, 3600.0, 5 * 3600.0, 20 * 3600.0))
        ts += step if ordered or rng.random() > 0.15 else -rng.choice((10.0, 3600.0, 86400.0))
        event = rng.choice(_EVENTS)
        audit: dict[str, Any] = {"event": event, "actor": rng.choice(actors), "outcome": rng.choice(_OUTCOMES)}
        if rng.random() < 0.05:
            audit["actor"] = rng.choice((None, 7))
        if event == "login":
            source = rng.choice(sources)
            if source is not None:
                audit["source"] = source
        elif event in ("access", "change"):
            if rng.random() > 0.05:
                audit["patient"] = rng.choice(patients)
            audit["resource"] = rng.choice(("chart", "labs", "notes"))
            if rng.random() < 0.05:
                audit["emergency"] = True
        elif event == "export":
            audit["patients"] = rng.choice((1, 2, 5, 40, 0, -3, "x", True))
        record: dict[str, Any] = {"timestamp": _stamp(ts), "appId": app, "microservice": "ehr", "audit": audit}
        if rng.random() > 0.03:
            record["seq"] = seq
        out.append(record)
    return out


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(
    seed=st.integers(0, 2**32 - 1),
    size=st.sampled_from((0, 1, 2, 40, 300)),
    streams=st.integers(1, 3),
    zone=st.sampled_from(("UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe")),
    junk=st.booleans(),
)
def test_random_streams_same_findings(  # noqa: PLR0917 - Hypothesis passes the drawn values by name
    tmp_path_factory: pytest.TempPathFactory, seed: int, size: int, streams: int, zone: str, junk: bool
) -> None:
    rng = random.Random(seed)
    directory = tmp_path_factory.mktemp("random")
    config = ReportConfig(timezone=zone, **_SMALL)  # type: ignore[arg-type]
    paths = []
    for n in range(streams):
        start = _DST + rng.uniform(-3, 1) * 86400
        records = _stream(rng, size if n == 0 else rng.randint(0, size), start, f"app{n % 2}", ordered=True)
        lines = {rng.randint(0, len(records)): b'{"timestamp": "soon", "audit": {}}', 0: b"not json"} if junk else {}
        paths.append(_write(directory / f"s{n}.jsonl", records, lines))
    python, duck = assert_same(paths, config, verify=False)
    assert duck.engine == "duckdb"
    assert duck.unreadable == python.unreadable


def test_empty_input(tmp_path: Path) -> None:
    (tmp_path / "audit.jsonl").write_bytes(b"")
    python, duck = assert_same([tmp_path], ReportConfig(), verify=False)
    assert duck.records == python.records == 0


def test_records_out_of_time_order_are_analysed_by_the_python_engine(tmp_path: Path) -> None:
    """A stream whose timestamps go back: duckdb does not reproduce file order, so python runs, and says so."""
    rng = random.Random(3)
    path = _write(tmp_path / "audit.jsonl", _stream(rng, 300, _DST, "app", ordered=False))
    config = ReportConfig(timezone="America/New_York", **_SMALL)  # type: ignore[arg-type]
    _python, duck = assert_same([path], config, verify=False)
    assert duck.engine.startswith("python (duckdb asked; records out of time order in audit.jsonl")


def test_people_or_patients_sharing_a_hash_key_are_analysed_by_the_python_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The columnar engine keys people and patients by 64-bit hashes; were two to collide, python runs."""
    from hipaalog.report import _duck

    rng = random.Random(4)
    path = _write(tmp_path / "audit.jsonl", _stream(rng, 300, _DST, "app", ordered=True))
    config = ReportConfig(timezone="America/New_York", **_SMALL)  # type: ignore[arg-type]
    monkeypatch.setattr(_duck._Queries, "keys_exact", lambda self: "SELECT false")
    _python, duck = assert_same([path], config, verify=False)
    assert duck.engine == "python (duckdb asked; two people or patients share a hash key)"


def test_replay_fetched_in_many_batches(planted: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """The replay reads other tables between batches of its rows (a week's totals, evidence): every batch arrives."""
    from hipaalog.report import _duck

    monkeypatch.setattr(_duck, "_BATCH", 50)
    assert_same([planted.directory], planted.config, keys=KEYS)


def test_replay_holds_one_days_totals_and_no_day_history(planted: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """The replay's memory does not grow with the days: it reads each day's totals when it reaches the day and lets
    them go before the next, and the people's own-day summaries come from DuckDB instead of a per-person history."""
    import gc
    import weakref

    from hipaalog.report import _duck

    held: list[weakref.ref[Any]] = []
    asked: list[int] = []
    analyzers: list[Any] = []
    day, run = _duck._Loader.day, _duck.run_duckdb

    def one_day(loader: Any, number: int) -> Any:
        gc.collect()
        assert not [ref for ref in held if ref() is not None], "an earlier day's totals are still held"
        asked.append(number)
        totals = day(loader, number)
        held.append(weakref.ref(totals))
        return totals

    def keep(*args: Any, **kwargs: Any) -> Any:
        analyzer = run(*args, **kwargs)
        analyzers.append(analyzer)
        return analyzer

    monkeypatch.setattr(_duck._Loader, "day", one_day)
    monkeypatch.setattr(_duck, "run_duckdb", keep)
    python, duck = assert_same([planted.directory], planted.config, keys=KEYS)
    assert duck.engine == "duckdb"
    assert len(asked) == len(set(asked)) >= 14  # every day of the two weeks, once
    assert analyzers[0]._volume == {}  # no per-person day history: DuckDB summarised it
    peak = duck.peaks["patients-above-own-days"]["peak"]
    assert peak > 0 and peak == python.peaks["patients-above-own-days"]["peak"]  # the summaries were used, alike


def test_every_findings_evidence_is_read_in_one_query_after_the_replay(
    planted: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A day's or week's volume finding asks for its evidence; one query answers them all once the replay is done,
    and every finding gets the seqs the Python engine gives it."""
    from hipaalog.report import _duck

    asked: list[int] = []
    analyzers: list[Any] = []
    evidence, run = _duck._Queries.evidence, _duck.run_duckdb

    def counted(queries: Any, wanted: Any) -> str:
        asked.append(len(wanted))
        return evidence(queries, wanted)

    def keep(*args: Any, **kwargs: Any) -> Any:
        analyzer = run(*args, **kwargs)
        analyzers.append(analyzer)
        return analyzer

    monkeypatch.setattr(_duck._Queries, "evidence", counted)
    monkeypatch.setattr(_duck, "run_duckdb", keep)
    assert_same([planted.directory], planted.config, keys=KEYS)
    later = analyzers[0].later
    assert later and asked == [len(later)]
    assert all(finding.seqs for finding, _ in later)
    assert {f.rule for f, _ in later} <= {"patients-above-own-days", "patients-above-peers"}


def test_evidence_takes_each_patients_first_touch_in_replay_order() -> None:
    """Two touches of one patient at the same instant: the first in file order gives the evidence seq, as in the
    streaming analyzer (not whichever DuckDB meets first); an earlier instant wins over a lower seq."""
    import duckdb

    from hipaalog.report._duck import _Queries

    con = duckdb.connect()
    con.execute("SET threads = 1")  # scanned in insertion order: the tie's later row is met first
    con.execute("CREATE TABLE touch (a UBIGINT, p UBIGINT, ts DOUBLE, seq BIGINT, day BIGINT, file_index INT, row INT)")
    con.execute(
        """INSERT INTO touch SELECT hash('nurse.ortiz'), hash(p), 20000 * 86400 + ts, seq, 20000, f, r FROM (VALUES
            ('pat-1', 100.0, 9, 1, 0), ('pat-1', 100.0, 40, 0, 5), ('pat-2', 200.0, 7, 0, 8),
            ('pat-2', 100.0, 12, 1, 3), ('pat-3', 300.0, 15, 0, 2), ('pat-3', 300.0, 16, 0, 1))
            AS v(p, ts, seq, f, r)"""
    )
    rows = con.execute(_Queries(ReportConfig()).evidence([(20000, 20000, "nurse.ortiz")])).fetchall()
    assert rows == [(0, [12, 16, 40])]


@pytest.mark.parametrize(
    ("limit", "replay"),
    [("256MB", 64 * 1000**2), ("1GB", 250 * 1000**2), ("2GiB", 2**29), ("100MB", 64 * 1000**2), ("32MB", 32 * 1000**2)],
)
def test_replay_runs_under_a_quarter_of_the_memory_limit(limit: str, replay: int) -> None:
    """While the records are replayed DuckDB gets a quarter of its limit (at least 64 MB, never more than the limit)."""
    from hipaalog.report._duck import _replay_limit

    assert _replay_limit(limit) == replay
    assert _replay_limit("lots") is None


def test_engine_settings_bound_memory_and_threads(planted: Dataset, tmp_path: Path) -> None:
    bounded = EngineSettings(memory_limit="64MB", threads=1, temp_directory=str(tmp_path / "spill"))
    assert_same([planted.directory], planted.config, keys=KEYS, engine_settings=bounded)


def test_the_engine_prints_no_progress_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    """DuckDB's progress bar (on by default outside a test run, after two seconds of a query) would print into
    standard output: a report written there, or the log of the application sealing its segments."""
    import duckdb

    from hipaalog.report._duck import _connect

    connect = duckdb.connect

    def noisy(*args: Any, **kwargs: Any) -> Any:
        con = connect(*args, **kwargs)
        con.execute("SET enable_progress_bar = true")  # as a script run from a terminal or a service gets it
        return con

    monkeypatch.setattr(duckdb, "connect", noisy)
    con = _connect(EngineSettings(memory_limit="64MB", threads=1))
    assert con.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"threads": 0}, "threads must be a whole number"),
        ({"memory_limit": ""}, "memory_limit must be a size"),
        ({"memory_limit": "lots"}, "report engine settings"),
    ],
)
def test_bad_engine_settings(planted: Dataset, options: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_report(
            [planted.directory],
            config=planted.config,
            keys=KEYS,
            engine="duckdb",
            engine_settings=EngineSettings(**options),
        )


def test_unknown_engine(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="report engine must be one of auto, duckdb, python"):
        build_report([tmp_path], engine="spark", verify=False)


def test_duckdb_missing_is_a_clear_error_at_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(ConfigError, match=r"pip install 'hipaalog\[report\]'"):
        build_report([tmp_path / "nowhere"], engine="duckdb", verify=False)
    report = build_report([tmp_path], engine="auto", verify=False)
    assert report.engine == "python"


def test_local_days_across_a_dst_change(tmp_path: Path) -> None:
    """Log-ins each night across the spring change, at local 00:30 and 23:30: days and hours as python counts them."""
    records = []
    start = datetime(2026, 3, 5, 5, 30, tzinfo=timezone.utc)
    for day in range(6):
        for hour in (0.0, 23.0):
            ts = (start + timedelta(days=day, hours=hour)).timestamp()
            records.append(
                {"timestamp": _stamp(ts), "audit": {"event": "login", "actor": "night", "outcome": "success"}}
            )
    path = _write(tmp_path / "audit.jsonl", records)
    python, _duck = assert_same([path], ReportConfig(timezone="America/New_York", **_SMALL), verify=False)  # type: ignore[arg-type]
    assert python.records == 12


def test_cli_engine_flags(planted: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--engine duckdb with --memory-limit, --threads and --temp-dir: the same JSON as --engine python."""
    from hipaalog.cli import main

    key = f"k1=hex:{KEYS['k1'].hex()}"
    common = ["report", str(planted.directory), "--key", key, "--timezone", "America/Chicago", "--json"]
    common += ["--fail-on", "never"]
    assert main([*common, "--engine", "python"]) == 0
    python = json.loads(capsys.readouterr().out)
    options = ["--engine", "duckdb", "--memory-limit", "128MB", "--threads", "1", "--temp-dir", str(tmp_path)]
    assert main([*common, *options]) == 0
    captured = capsys.readouterr()
    duck = json.loads(captured.out)
    assert "(duckdb engine)" in captured.err
    assert duck["engine"] == "duckdb" and python["engine"] == "python"
    for data in (python, duck):
        del data["generated"], data["engine"]
    assert duck == python
    assert main([*common, "--engine", "duckdb", "--memory-limit", "lots"]) == 2
    assert "report engine settings" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("offsets", "sessions"),
    [
        ((0.0, 1000.0, 2500.0, 2600.0, 90000.0), 4.0),  # 0, 1000, 2500 and 90000 s: 2600 is 2500's session
        ((0.0, 1000.0, 1100.0), 2.0),  # only a pair seen in two spans of a gap: the engine's second look
        ((590.0, 610.0, 1215.0), 2.0),  # one session across a span's edge, the next 605 s after its last open
        ((0.0, 599.0, 1198.0, 1797.0), 0.0),  # each open within a gap of the one before, in four spans: one session
        ((0.0, 600.0, 1200.5), 2.0),  # exactly a gap after the last open is the same session; a little more is not
        ((0.0, 300.0, 900.5, 1500.0), 2.0),  # a start in a span whose own last open is far from the next span's first
    ],
)
def test_highest_value_of_a_rule_no_pair_reaches(tmp_path: Path, offsets: tuple[float, ...], sessions: float) -> None:
    """Repeated opens below the threshold: the peaks table still shows the most sessions one pair reached."""
    records = []
    for n, offset in enumerate(offsets):
        audit = {"event": "access", "actor": "u1", "outcome": "success", "patient": "p1", "resource": "chart"}
        records.append({"timestamp": _stamp(_DST + offset), "seq": n + 1, "audit": audit})
    path = _write(tmp_path / "audit.jsonl", records)
    config = ReportConfig(reopen_gap=600.0, reopen_sessions=5)
    python, _duck = assert_same([path], config, verify=False)
    assert python.peaks["repeated-record-opens"]["peak"] == sessions


@pytest.mark.parametrize("sessions", [1, 2])
def test_pairs_within_one_gap_are_one_session(tmp_path: Path, sessions: int) -> None:
    """Opens of a pair that never lie more than a gap apart, crossing spans of a gap, are one session (the engine
    follows only pairs whose opens lie further apart); another pair's second session makes the finding."""
    records = []
    opens = [("u1", "p1", 590.0), ("u1", "p1", 610.0), ("u1", "p1", 1150.0), ("u2", "p2", 0.0), ("u2", "p2", 700.0)]
    for n, (actor, patient, offset) in enumerate(opens):
        audit = {"event": "access", "actor": actor, "outcome": "success", "patient": patient, "resource": "chart"}
        records.append({"timestamp": _stamp(_DST + offset), "seq": n + 1, "audit": audit})
    path = _write(tmp_path / "audit.jsonl", sorted(records, key=lambda r: r["timestamp"]))
    config = ReportConfig(reopen_gap=600.0, reopen_sessions=sessions)
    python, _duck = assert_same([path], config, verify=False)
    assert [f.patient for f in python.findings if f.rule == "repeated-record-opens"] == ["p2"]


@pytest.mark.parametrize(
    ("offsets", "linked_by", "expected"),
    [
        ((900.0, 900.0), "actor", 1),  # failures exactly the window before the success count
        ((900.5, 900.0), "actor", 0),  # a little earlier do not
        ((0.0, 0.0), "actor", 1),  # failures at the success's own time, written before it
        ((900.0, 900.0), "source", 1),  # other people's failures from the success's source
        ((900.5, 900.0), "source", 0),
        ((300.0, 10.0), "nothing", 0),  # other people's failures without a source do not link log-ins without one
    ],
)
def test_success_after_failures_at_the_window_edges(
    tmp_path: Path, offsets: tuple[float, ...], linked_by: str, expected: int
) -> None:
    """The log-ins the replay reads hold every success with failures of its person or of its source within the
    window, its edge and ties in time included (counted by windows over the log-ins, not joined). The success is
    otherwise ordinary: on a Tuesday afternoon, from the source its person used the day before."""
    success = datetime(2026, 3, 10, 14, 0, tzinfo=timezone.utc).timestamp()
    usual = {"event": "login", "outcome": "success", "actor": "u1", "source": "10.0.0.9"}
    records: list[dict[str, Any]] = [{"timestamp": _stamp(success - 86400), "seq": 100, "audit": usual}]
    for n, offset in enumerate(offsets):
        audit: dict[str, Any] = {"event": "login", "outcome": "failure", "actor": "u1"}
        if linked_by != "actor":
            audit["actor"] = f"other{n}"
        if linked_by != "nothing":
            audit["source"] = "10.0.0.9"
        records.append({"timestamp": _stamp(success - offset), "seq": n + 1, "audit": audit})
    audit = {"event": "login", "outcome": "success", "actor": "u1"}
    if linked_by != "nothing":
        audit["source"] = "10.0.0.9"
    records.append({"timestamp": _stamp(success), "seq": len(offsets) + 1, "audit": audit})
    path = _write(tmp_path / "audit.jsonl", records)
    config = ReportConfig(success_after_failures=2, success_after_window=900.0)
    python, _duck = assert_same([path], config, verify=False)
    assert len([f for f in python.findings if f.rule == "success-after-failures"]) == expected


def test_the_duckdb_engine_spills_into_a_private_directory_it_removes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("duckdb")
    from hipaalog.report._duck import run_duckdb

    seen: list[str] = []
    real = tempfile.TemporaryDirectory

    def recording(*args: Any, **kwargs: Any) -> Any:
        directory = real(*args, **kwargs)
        seen.append(directory.name)
        return directory

    monkeypatch.setattr(tempfile, "TemporaryDirectory", recording)
    monkeypatch.chdir(tmp_path)
    run_duckdb([], settings=EngineSettings(memory_limit="64MB"))
    assert seen and all(not os.path.exists(name) for name in seen)
    assert not (tmp_path / ".tmp").exists()


@pytest.mark.parametrize(("window", "from_spans"), [(2 * 86400.0, True), (3600.0, False)])
def test_crowd_windows_read_from_day_spans_when_a_day_fits_two_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: float, from_spans: bool
) -> None:
    """The staff per crowd window come from each pair's first and last open of a day when no day's opens reach
    past the next window; a window shorter than a day (one person's opens 23 hours apart) takes every open."""
    from hipaalog.report import _duck

    chosen: list[bool] = []
    from_spans_sql = _duck._Queries.from_spans

    def spy(self: Any, *, crowd_from_spans: bool = True) -> list[str]:
        chosen.append(crowd_from_spans)
        return from_spans_sql(self, crowd_from_spans=crowd_from_spans)

    monkeypatch.setattr(_duck._Queries, "from_spans", spy)
    start = datetime(2026, 3, 10, tzinfo=timezone.utc).timestamp()  # a crowd window's edge at UTC midnight
    opens = [("s0", 1800.0), ("s1", 2400.0), ("s2", 3000.0), ("s3", 40000.0), ("s0", 84600.0), ("s4", 86500.0)]
    records = []
    for n, (actor, offset) in enumerate(opens):
        audit = {"event": "access", "actor": actor, "outcome": "success", "patient": "p1", "resource": "chart"}
        records.append({"timestamp": _stamp(start + offset), "seq": n + 1, "audit": audit})
    path = _write(tmp_path / "audit.jsonl", records)
    config = ReportConfig(crowd_staff=3, crowd_window=window)
    python, _duck_report = assert_same([path], config, verify=False)
    assert chosen == [from_spans]
    assert [f.patient for f in python.findings if f.rule == "many-staff-one-patient"] == ["p1"]


def test_a_day_above_the_configured_minimum_is_written_alike(tmp_path: Path) -> None:
    """A one-day burst whose limit is the configured minimum (the person's own days are small): both engines write
    the same finding, its limit as configured (an int, not 30.0)."""
    start = _DST - 20 * 86400
    records: list[dict[str, Any]] = []
    seq = 0
    for day in range(14):
        count = 40 if day == 13 else 4 + day % 3
        for n in range(count):
            seq += 1
            audit = {"event": "access", "actor": "nurse.a", "outcome": "success", "patient": f"p{day}-{n}"}
            stamp = _stamp(start + day * 86400 + 3600 + n * 60)
            records.append({"timestamp": stamp, "appId": "app", "microservice": "ehr", "audit": audit, "seq": seq})
    path = _write(tmp_path / "audit.jsonl", records)
    _python, duck = assert_same([path], ReportConfig(timezone="UTC"), verify=False)
    (burst,) = [f for f in duck.findings if f.rule == "patients-above-own-days"]
    assert burst.details["value"] == 40 and burst.details["limit"] == ReportConfig().day_min_patients
    assert type(burst.details["limit"]) is int


def test_a_source_reaches_a_unit_learned_later(tmp_path: Path) -> None:
    """A person's ordinary log-ins from one source are read again once their learned group (the unit whose sources
    count as known) changes, so a unit mate's first log-in from that source is no new source; someone of another
    unit logging in from it is."""
    tuesday = datetime(2026, 3, 3, 10, 0, tzinfo=timezone.utc).timestamp()  # week 1; each week a Tuesday, 10:00
    week = 7 * 86400.0
    shared, own_b, own_d = "10.0.0.5", "10.0.0.7", "10.0.0.9"
    events: list[tuple[float, dict[str, Any]]] = []

    def login(at: float, actor: str, source: str) -> None:
        events.append((at, {"event": "login", "outcome": "success", "actor": actor, "source": source}))

    def opens(at: float, actor: str, resource: str) -> None:
        for n in range(3):
            audit = {"event": "access", "outcome": "success", "actor": actor, "patient": f"p{n}", "resource": resource}
            events.append((at + 60.0 * (n + 1), audit))

    for number in range(3):
        start = tuesday + number * week
        opens(start + 3600.0, "a.nurse", "lab")
        opens(start + 3600.0, "b.nurse", "lab")
        opens(start + 3600.0, "d.tech", "radiology")
    login(tuesday, "a.nurse", shared)  # no group learned yet in week 1
    login(tuesday, "b.nurse", own_b)
    login(tuesday, "d.tech", own_d)
    login(tuesday + week, "a.nurse", shared)  # week 2: group "lab" learned from week 1, the source is now lab's
    login(tuesday + week + 86400.0, "a.nurse", shared)  # the same week, group and source again: nothing new
    login(tuesday + 2 * week - 3600.0, "d.tech", shared)  # week 3: radiology never used it
    login(tuesday + 2 * week, "b.nurse", shared)  # lab's workstation
    login(tuesday + 2 * week + 60.0, "a.nurse", shared)
    events.sort(key=lambda item: item[0])
    records = [{"timestamp": _stamp(at), "seq": n + 1, "audit": audit} for n, (at, audit) in enumerate(events)]
    path = _write(tmp_path / "audit.jsonl", records)
    config = ReportConfig(shared_source_users=5)  # a source is known by its unit here, not by how many use it
    python, _duck = assert_same([path], config, verify=False)
    assert [(f.actor, f.source) for f in python.findings if f.rule == "new-source-login"] == [("d.tech", shared)]
