"""Per-segment rollups of the touches, recorded at seal time: merged, they give the engine what grouping every
touch gives; where they cannot answer (no rollup, another DuckDB hash, a zone or gap off the quarter hours, a
rollup that is not the recorded one) the engine groups the touches themselves, with the same findings."""

from __future__ import annotations

import itertools
import random
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson
import pytest

from hipaalog.audit._sealed import load_record, rollup_path
from hipaalog.report import ReportConfig, _duck, build_report
from hipaalog.report._duck import ColumnFile, EngineSettings, duckdb_available, run_duckdb

from .._peers import require
from .test_report_engine import _SMALL, _stamp, _stream, _write
from .test_report_sealed import KEYS, sealed  # noqa: F401 - the fixture

_START = datetime(2026, 3, 6, tzinfo=timezone.utc).timestamp()
"""Two days before the spring change of America/Chicago: the streams run across it."""


_REOPEN = {"reopen_sessions": 4, "reopen_window": 4 * 3600.0, "crowd_window": 2 * 86400.0, "crowd_staff": 3}
"""Thresholds the dense streams reach now and then, not for every pair (so a session miscounted shows)."""


@pytest.fixture(autouse=True)
def _duckdb() -> None:
    require("duckdb", duckdb_available(), "pip install 'hipaalog[report]'")


def _segments(tmp_path: Path, seed: int, parts: int = 3, *, seqs: bool = False) -> list[tuple[str, str]]:
    """A random stream of patient touches cut into ``parts`` files: each one's Parquet columns and rollup. With
    ``seqs``, every record but each seventh numbered in time order, the first record of each file at the time of
    the last of the file before, and a day of many patients (:func:`_surge`) one of whose first touches ends a file
    and has a twin beginning the next."""
    from hipaalog.report._columns import segment_parquet
    from hipaalog.report._rollup import write_rollup

    rng = random.Random(seed)
    records = _stream(rng, 300, _START, "ehr", ordered=True) + _touches(rng, 1500, _START)
    if seqs:  # and a day on which one person opens many patients (a finding with evidence)
        records += _surge(rng, _START + 20 * 86400)
    records.sort(key=lambda record: record["timestamp"])
    size = -(-len(records) // parts)
    cuts = [n * size for n in range(parts)] + [len(records)]
    if seqs:
        for n, record in enumerate(records):
            record.pop("seq", None)
            if n % 7:
                record["seq"] = n
        for n in range(1, parts):
            records[n * size]["timestamp"] = records[n * size - 1]["timestamp"]
        # the surge's first touch of a patient ends the first file, and the next file begins with its twin (same
        # time, later seq): the first touch is told by the file, not the line
        first = next(n for n, record in enumerate(records) if record["audit"].get("patient") == "v0")
        records[first]["seq"] = first
        records.insert(first + 1, {**records[first], "seq": 10**6})
        cuts = sorted({0, first + 1, *(cut + (cut > first) for cut in cuts[1:-1]), len(records)})
    out = []
    for n, (begin, end) in enumerate(itertools.pairwise(cuts)):
        source = _write(tmp_path / f"part{n}.jsonl", records[begin:end])
        columns = str(tmp_path / f"part{n}.parquet")
        segment_parquet(str(source), columns)
        rollup = str(tmp_path / f"part{n}.rollup.parquet")
        out.append((columns, rollup))
        write_rollup(columns, rollup)
    return out


def _touches(rng: random.Random, size: int, start: float) -> list[dict[str, Any]]:
    """Dense opens and changes of a few patients by a few people: pairs seen several times a day, a gap or
    less apart, across quarter hours, local days and weeks."""
    ts = start
    out = []
    for _ in range(size):
        ts += rng.choice((0.0, 1.0, 60.0, 400.0, 899.0, 901.0, 1700.0, 1900.0, 3600.0, 6 * 3600.0))
        audit = {
            "event": rng.choice(("access", "access", "access", "change")),
            "actor": f"u{rng.randint(0, 2)}",
            "outcome": rng.choice(("success", "success", "success", "denied")),
            "patient": f"p{rng.randint(0, 1)}",
            "resource": rng.choice(("chart", "labs", "notes")),
        }
        out.append({"timestamp": _stamp(ts), "appId": "ehr", "microservice": "ehr", "audit": audit})
    return out


def _surge(rng: random.Random, start: float) -> list[dict[str, Any]]:
    """One person's opens and changes of 30 patients, each a few times, within a few hours of ``start``."""
    out = []
    for n in range(120):
        audit = {"event": rng.choice(("access", "access", "change")), "actor": "u0", "outcome": "success"}
        audit |= {"patient": f"v{n % 30}", "resource": "chart"}
        ts = start + rng.choice((0.0, 30.0)) * (n // 2)
        out.append({"timestamp": _stamp(ts), "appId": "ehr", "microservice": "ehr", "audit": audit})
    return out


def _probe() -> int:
    import duckdb

    from hipaalog.report._rollup import hash_probe

    con = duckdb.connect()
    try:
        return hash_probe(con)
    finally:
        con.close()


def _findings(files: list[ColumnFile], config: ReportConfig) -> bytes:
    analyzer = run_duckdb(files, config, EngineSettings(memory_limit="256MB", threads=2))
    assert analyzer is not None
    findings = [f.to_json() for f in analyzer.finish()]
    seen = {"findings": findings, "peaks": analyzer.peaks(), "points": analyzer.peer_points}
    return orjson.dumps(seen, option=orjson.OPT_SORT_KEYS)


class _Spy:
    """What :func:`._duck._rolled` chose and the SQL the engine ran."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.rolled: list[tuple[list[str], list[str]] | None] = []
        rolled = _duck._rolled

        def spy(*args: Any) -> Any:
            self.rolled.append(rolled(*args))
            return self.rolled[-1]

        monkeypatch.setattr(_duck, "_rolled", spy)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("timezone_name", ["America/Chicago", "Asia/Kathmandu", "UTC"])
def test_merged_rollups_give_the_findings_of_every_touch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, timezone_name: str
) -> None:
    """Rollups of two of three files (the third grouped from its columns) against no rollup at all, across a DST
    change and in a zone 5:45 from UTC: the same findings, byte for byte; the rollups were read."""
    segments = _segments(tmp_path, seed)
    probe = _probe()
    config = ReportConfig(timezone=timezone_name, **{**_SMALL, **_REOPEN, "reopen_gap": 1800.0})  # type: ignore[arg-type]
    spy = _Spy(monkeypatch)
    raw = [ColumnFile(columns, "ehr/ehr", n) for n, (columns, _) in enumerate(segments)]
    rolled = [
        ColumnFile(columns, "ehr/ehr", n, rollup if n < 2 else None, probe if n < 2 else None)
        for n, (columns, rollup) in enumerate(segments)
    ]
    expected = _findings(raw, config)
    got = _findings(rolled, config)
    assert spy.rolled[0] is None
    assert spy.rolled[1] is not None and len(spy.rolled[1][0]) == 2 and len(spy.rolled[1][1]) == 1
    assert got == expected
    assert orjson.loads(expected)["findings"]  # the streams do raise findings


def test_the_engines_groupings_from_rollups_equal_those_of_every_touch(tmp_path: Path) -> None:
    """The engine's own statements (names, day spans, pairs, sessions' starts, week's top resource) over merged
    rollups (one file's grouped from its columns) give the tables they give over every touch, across a DST
    change."""
    import duckdb

    from hipaalog.report._timeparse import LocalClock

    segments = _segments(tmp_path, 11)
    columns = "[" + ", ".join(f"'{c}'" for c, _ in segments) + "]"
    config = ReportConfig(timezone="America/Chicago", **{**_SMALL, **_REOPEN, "reopen_gap": 1800.0})  # type: ignore[arg-type]
    offset = _duck._offset_sql(LocalClock("America/Chicago"), _START, _START + 60 * 86400)
    assert "CASE" in offset  # the spring change lies in the streams
    tables = ("names", "actor_names", "spans", "pairs", "starts", "week_resource")
    seen = []
    for rolled in (False, True):
        con = duckdb.connect()
        try:
            con.execute(
                f"""CREATE TEMP VIEW ev AS SELECT *, 0 AS file_index, floor((ts + {offset}) / 86400)::BIGINT AS day
                FROM read_parquet({columns}, file_row_number = true)"""
            )
            queries = _duck._Queries(config, rolled=rolled)
            assert queries.gap_rolled is rolled
            if rolled:
                rollups = [rollup for _, rollup in segments[:2]]
                for statement in queries.rollups(rollups, [segments[2][0]], offset):
                    con.execute(statement)
            touches = queries.from_touches()
            for statement in (*queries.hashed(), queries.spans(), queries.from_spans()[0], touches[0], touches[-1]):
                con.execute(statement)
            seen.append({table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in tables})
        finally:
            con.close()
    assert all(seen[0][table] for table in tables)
    assert seen[1] == seen[0]


@pytest.mark.parametrize(
    ("case", "timezone_name", "gap"),
    [
        ("zone off the quarter hours", "Africa/Monrovia", 1800.0),  # -0:44:30 until 1972
        ("another DuckDB hash", "UTC", 1800.0),
        ("gap of no whole quarter hours", "UTC", 1000.0),
    ],
)
def test_what_a_rollup_cannot_answer_is_grouped_from_the_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, timezone_name: str, gap: float
) -> None:
    """A zone whose offset is not whole quarter hours, rollups hashed by another DuckDB, or a reopen gap that a
    quarter hour may straddle: the touches are grouped themselves (all of them, or the sessions' starts), with
    the findings of no rollup."""
    segments = _segments(tmp_path, 3)
    if case.startswith("zone"):  # the same stream moved to 1970, when Monrovia was 44.5 minutes behind UTC
        segments = _moved(tmp_path, segments, datetime(1970, 3, 6, tzinfo=timezone.utc).timestamp() - _START)
    probe = _probe() + (1 if case.startswith("another") else 0)
    config = ReportConfig(timezone=timezone_name, **{**_SMALL, **_REOPEN, "reopen_gap": gap})  # type: ignore[arg-type]
    spy = _Spy(monkeypatch)
    chosen: list[bool] = []
    from_touches = _duck._Queries.from_touches

    def spy_touches(self: Any) -> list[str]:
        chosen.append(self.gap_rolled)
        return from_touches(self)

    monkeypatch.setattr(_duck._Queries, "from_touches", spy_touches)
    raw = [ColumnFile(columns, "ehr/ehr", n) for n, (columns, _) in enumerate(segments)]
    rolled = [ColumnFile(columns, "ehr/ehr", n, rollup, probe) for n, (columns, rollup) in enumerate(segments)]
    expected = _findings(raw, config)
    assert _findings(rolled, config) == expected
    if case.startswith("gap"):
        assert spy.rolled[1] is not None and chosen == [False, False]
    else:
        assert spy.rolled == [None, None]


def _moved(tmp_path: Path, segments: list[tuple[str, str]], shift: float) -> list[tuple[str, str]]:
    """The segments' columns and rollups with every time moved by ``shift`` seconds (a whole number of days)."""
    import duckdb

    from hipaalog.report._rollup import write_rollup

    out = []
    con = duckdb.connect()
    try:
        for n, (columns, _) in enumerate(segments):
            moved = str(tmp_path / f"moved{n}.parquet")
            con.execute(
                f"COPY (SELECT * REPLACE (ts + {shift} AS ts) FROM read_parquet('{columns}')) TO '{moved}' "
                "(FORMAT parquet)"
            )
            rollup = str(tmp_path / f"moved{n}.rollup.parquet")
            write_rollup(moved, rollup)
            out.append((moved, rollup))
    finally:
        con.close()
    return out


def test_sealing_records_a_rollup_that_a_report_reads(
    sealed: list[Path],  # noqa: F811 - the fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each sealed segment's record names its rollup (file, digest, bucket, DuckDB hash); a report reads them
    (the active segment, without one, grouped from its columns) and finds what the python engine finds."""
    for part in sealed:
        record = load_record(str(part))
        assert record is not None and record.columns is not None
        rollup = record.columns["rollup"]
        assert rollup["file"] == Path(rollup_path(str(part))).name and rollup["hash"] == _probe()
        assert rollup["version"] == 2
        assert oct(Path(rollup_path(str(part))).stat().st_mode & 0o777) == "0o600"
    spy = _Spy(monkeypatch)
    expected = build_report(sealed, keys=KEYS, engine="python")
    got = build_report(sealed, keys=KEYS, engine="duckdb")
    assert got.engine == "duckdb"
    assert spy.rolled and spy.rolled[0] is not None and len(spy.rolled[0][0]) == len(sealed)
    assert [f.to_json() for f in got.findings] == [f.to_json() for f in expected.findings]


def test_a_rollup_that_is_not_the_recorded_one_is_not_read(
    sealed: list[Path],  # noqa: F811 - the fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rollup swapped for another segment's (its digest no longer the recorded one): that segment's touches
    are grouped from its columns, and the findings are the python engine's."""
    first, second = rollup_path(str(sealed[0])), rollup_path(str(sealed[1]))
    Path(first).write_bytes(Path(second).read_bytes())
    spy = _Spy(monkeypatch)
    expected = build_report(sealed, keys=KEYS, engine="python")
    got = build_report(sealed, keys=KEYS, engine="duckdb")
    assert spy.rolled and spy.rolled[0] is not None
    assert first not in spy.rolled[0][0] and second in spy.rolled[0][0]
    assert [f.to_json() for f in got.findings] == [f.to_json() for f in expected.findings]


class _Sql:
    """The SQL of a finding's evidence and of the crowd's windows the engine ran."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.evidence: list[str] = []
        self.spans: list[str] = []
        evidence, from_spans = _duck._Queries.evidence, _duck._Queries.from_spans

        def spy_evidence(queries: Any, asked: Any) -> str:
            self.evidence.append(evidence(queries, asked))
            return self.evidence[-1]

        def spy_spans(queries: Any, **kwargs: Any) -> list[str]:
            statements = from_spans(queries, **kwargs)
            self.spans.append(statements[1])
            return statements

        monkeypatch.setattr(_duck._Queries, "evidence", spy_evidence)
        monkeypatch.setattr(_duck._Queries, "from_spans", spy_spans)


def _version_1(tmp_path: Path, rollup: str) -> str:
    """The rollup as version 1 wrote it (without the first touches)."""
    import duckdb

    from hipaalog.report._rollup import COLUMNS

    older = str(tmp_path / f"v1-{Path(rollup).name}")
    con = duckdb.connect()
    try:
        con.execute(f"COPY (SELECT {COLUMNS} FROM read_parquet('{rollup}')) TO '{older}' (FORMAT parquet)")
    finally:
        con.close()
    return older


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("timezone_name", ["America/Chicago", "Asia/Kathmandu"])
def test_a_findings_evidence_from_rollups_is_that_of_every_touch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, timezone_name: str
) -> None:
    """Every file with a rollup of version 2: the evidence (each patient's first touch by time, file and line,
    touches without a seq among them, a tie in time across files) is read from the rollups' first touches, with
    the findings of no rollup, byte for byte."""
    segments = _segments(tmp_path, seed, seqs=True)
    probe = _probe()
    config = ReportConfig(timezone=timezone_name, **{**_SMALL, **_REOPEN, "reopen_gap": 1800.0})  # type: ignore[arg-type]
    sql = _Sql(monkeypatch)
    raw = [ColumnFile(columns, "ehr/ehr", n) for n, (columns, _) in enumerate(segments)]
    rolled = [ColumnFile(columns, "ehr/ehr", n, rollup, probe) for n, (columns, rollup) in enumerate(segments)]
    expected = _findings(raw, config)
    got = _findings(rolled, config)
    assert len(sql.evidence) == 2
    assert "first_touch" not in sql.evidence[0] and "first_touch" in sql.evidence[1]
    assert got == expected
    assert any(finding.get("seqs") for finding in orjson.loads(expected)["findings"])


@pytest.mark.parametrize("case", ["version 1", "versions 1 and 2", "a file without a rollup"])
def test_evidence_without_first_touches_in_every_rollup_is_read_from_the_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    """Rollups of version 1 (alone or beside version 2) or a file without one: the groupings still read the
    rollups, the evidence the touches, with the findings of no rollup."""
    segments = _segments(tmp_path, 5, seqs=True)
    if case == "version 1":
        segments = [(columns, _version_1(tmp_path, rollup)) for columns, rollup in segments]
    elif case == "versions 1 and 2":
        segments[1] = (segments[1][0], _version_1(tmp_path, segments[1][1]))
    probe = _probe()
    config = ReportConfig(timezone="America/Chicago", **{**_SMALL, **_REOPEN, "reopen_gap": 1800.0})  # type: ignore[arg-type]
    spy, sql = _Spy(monkeypatch), _Sql(monkeypatch)
    raw = [ColumnFile(columns, "ehr/ehr", n) for n, (columns, _) in enumerate(segments)]
    rolled = [
        ColumnFile(columns, "ehr/ehr", n, rollup, probe) if case != "a file without a rollup" or n else raw[n]
        for n, (columns, rollup) in enumerate(segments)
    ]
    expected = _findings(raw, config)
    assert _findings(rolled, config) == expected
    assert spy.rolled[1] is not None
    assert sql.evidence and not any("first_touch" in text for text in sql.evidence)


@pytest.mark.parametrize(("window", "from_rollups"), [(3600.0, True), (2700.0, True), (1000.0, False)])
def test_crowd_windows_shorter_than_a_day_of_whole_quarter_hours_are_counted_from_rollups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: float, from_rollups: bool
) -> None:
    """A crowd window shorter than a day: the staff of each window counted from the rollups' quarter hours when it
    is a whole number of them (else from every open), with the findings of no rollup."""
    segments = _segments(tmp_path, 7, seqs=True)
    probe = _probe()
    config = ReportConfig(
        timezone="America/Chicago",
        **{**_SMALL, **_REOPEN, "reopen_gap": 1800.0, "crowd_window": window, "crowd_staff": 2},  # type: ignore[arg-type]
    )
    sql = _Sql(monkeypatch)
    raw = [ColumnFile(columns, "ehr/ehr", n) for n, (columns, _) in enumerate(segments)]
    rolled = [ColumnFile(columns, "ehr/ehr", n, rollup, probe) for n, (columns, rollup) in enumerate(segments)]
    expected = _findings(raw, config)
    assert _findings(rolled, config) == expected
    assert "FROM touch WHERE opened" in sql.spans[0]
    assert ("FROM roll WHERE first" in sql.spans[1]) is from_rollups
    assert any(finding["rule"] == "many-staff-one-patient" for finding in orjson.loads(expected)["findings"])
