"""Per-segment rollups of the touches, recorded at seal time: merged, they give the engine what grouping every
touch gives; where they cannot answer (no rollup, another DuckDB hash, a zone or gap off the quarter hours, a
rollup that is not the recorded one) the engine groups the touches themselves, with the same findings."""

from __future__ import annotations

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


def _segments(tmp_path: Path, seed: int, parts: int = 3) -> list[tuple[str, str]]:
    """A random stream of patient touches cut into ``parts`` files: each one's Parquet columns and rollup."""
    from hipaalog.report._columns import segment_parquet
    from hipaalog.report._rollup import write_rollup

    rng = random.Random(seed)
    records = _stream(rng, 300, _START, "ehr", ordered=True) + _touches(rng, 1500, _START)
    records.sort(key=lambda record: record["timestamp"])
    size = -(-len(records) // parts)
    out = []
    for n in range(parts):
        source = _write(tmp_path / f"part{n}.jsonl", records[n * size : (n + 1) * size])
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
