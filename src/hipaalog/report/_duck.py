"""The columnar engine: the report's rules over Parquet columns with DuckDB (embedded, multi-threaded).

Every record is touched only by DuckDB: local calendar positions, distinct patients per person
and day or week, the resource each person opens most, log-in hours, chart counts, and which
records a sequential rule can act on (a pair with enough separate sessions, a patient opened by
enough staff within two crowd windows, a log-in off the calendar or after failures, the first
log-in of a person from a source in a week, ...). What remains, a much smaller relation in time
order, is replayed through :class:`~hipaalog.report._reduced.ReducedAnalyzer`, which decides
with the streaming analyzer's own code. Memory is bounded by DuckDB's ``memory_limit`` (it spills
to ``temp_directory`` beyond it) and by the analyzer's windows.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

from ..exceptions import ConfigError
from ._baseline import KEEP_DAYS
from ._config import ReportConfig
from ._day_volume import DayCounts
from ._model import Finding
from ._reduced import CROWD, EVENT, REOPEN, DayTotals, ReducedAnalyzer, Tally, Totals, WeekTotals
from ._rollup import BUCKET, COLUMNS, FIRST, hash_probe, rollup_sql
from ._timeparse import LocalClock

__all__ = ["ColumnFile", "EngineSettings", "duckdb_available", "run_duckdb"]

_BATCH = 10_000
_MARGIN_DAYS = 2
"""Days around a local day's UTC bounds that surely hold it (no zone is a day or more from UTC)."""
_PEAK_PATIENTS = 20
"""Patients with the most staff in two crowd windows replayed besides those that can reach the threshold,
so that the crowd rule's highest value seen comes from them (the streaming analyzer sees every patient)."""


def duckdb_available() -> bool:
    """Whether the ``duckdb`` package can be imported (the ``report`` extra)."""
    try:
        import duckdb  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass(frozen=True)
class ColumnFile:
    """One segment's columns as a Parquet file, the name of its stream, and its index among the report's files;
    its rollup (:mod:`._rollup`) with the DuckDB hash its writer recorded, when it has one."""

    path: str
    stream: str
    index: int = 0
    rollup: str | None = None
    rollup_hash: int | None = None


@dataclass(frozen=True)
class EngineSettings:
    """DuckDB's resources: ``memory_limit`` (DuckDB syntax, ``"1GB"``), worker ``threads`` (None: every
    core), and where it spills (``temp_directory``; None: a private temporary directory removed after the run)."""

    memory_limit: str = "1GB"
    threads: int | None = None
    temp_directory: str | None = None

    def __post_init__(self) -> None:
        if self.threads is not None and (not isinstance(self.threads, int) or self.threads < 1):
            raise ConfigError(f"report engine threads must be a whole number of at least 1, not {self.threads!r}")
        if not isinstance(self.memory_limit, str) or not self.memory_limit.strip():
            raise ConfigError(f"report engine memory_limit must be a size such as '1GB', not {self.memory_limit!r}")


def _offset_changes(clock: LocalClock, first: float, last: float) -> tuple[list[tuple[int, int]], int]:
    """The zone's offset changes in [first, last], each as (first quarter hour after it, offset before it), and
    the offset after the last."""
    step = 900
    lo = int(first // step) * step
    hi = int(last // step) * step + step
    changes: list[tuple[int, int]] = []
    current = clock.offset(lo)
    day = lo
    while day < hi:
        nxt = min(day + 86400, hi)
        if clock.offset(nxt) != current:
            a, b = day, nxt  # the change is in (a, b]: find its quarter hour
            while b - a > step:
                mid = a + (b - a) // 2 // step * step
                if clock.offset(mid) == current:
                    a = mid
                else:
                    b = mid
            changes.append((b, current))
            current = clock.offset(b)
        day = nxt
    return changes, current


def _offset_sql(clock: LocalClock, first: float, last: float) -> str:
    """A SQL expression for the zone's UTC offset at ``ts``: constant between the changes in [first, last]."""
    changes, current = _offset_changes(clock, first, last)
    if not changes:
        return str(current)
    branches = " ".join(f"WHEN ts < {edge} THEN {offset}" for edge, offset in changes)
    return f"(CASE {branches} ELSE {current} END)"


_UNITS = {"": 1, "B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3, "TB": 1000**4}
_UNITS |= {"KIB": 1024, "MIB": 1024**2, "GIB": 1024**3, "TIB": 1024**4}
_REPLAY_FLOOR = 64 * 1000**2
"""The least memory the replay's queries are given (a day's totals, a finding's evidence)."""


def _replay_limit(memory_limit: str) -> int | None:
    """DuckDB's limit in bytes while the records are replayed: a quarter of ``memory_limit``, at least
    :data:`_REPLAY_FLOOR` and never above the limit; None when the size is not a plain number and unit."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?I?B?)\s*", memory_limit.upper())
    if match is None or match.group(2) not in _UNITS:
        return None
    limit = int(float(match.group(1)) * _UNITS[match.group(2)])
    return min(limit, max(limit // 4, _REPLAY_FLOOR))


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _listing(paths: Sequence[str]) -> str:
    """A DuckDB list of the file names ``paths``."""
    return "[" + ", ".join(_quote(path) for path in paths) + "]"


_QUIET = "SET enable_progress_bar = false"
"""DuckDB's progress bar prints to standard output once a query runs two seconds: into a report written there,
or the log of the application that seals its segments."""


def _connect(settings: EngineSettings) -> Any:
    import duckdb

    try:
        con = duckdb.connect(config={"memory_limit": settings.memory_limit})
    except duckdb.Error as exc:
        raise ConfigError(f"report engine settings: {exc}") from None
    con.execute(_QUIET)
    try:
        if settings.threads is not None:
            con.execute(f"SET threads = {int(settings.threads)}")
        if settings.temp_directory is not None:
            con.execute(f"SET temp_directory = {_quote(settings.temp_directory)}")
        con.execute("SET preserve_insertion_order = false")
    except duckdb.Error as exc:
        raise ConfigError(f"report engine settings: {exc}") from None
    return con


class _Queries:
    """The SQL of the engine over the view ``ev`` (one row per audit record, with local positions)."""

    def __init__(self, config: ReportConfig, *, rolled: bool = False, first_rolled: bool = False) -> None:
        self.config = config
        self.rolled = rolled
        """Whether the views ``roll`` and ``roll_res`` (the segments' rollups, :meth:`rollups`) stand in for the
        touches in the day spans, the names, the week's top resource and crowd windows of whole quarter hours."""
        self.gap_rolled = rolled and float(config.reopen_gap) % BUCKET == 0
        """Whether the sessions' starts read ``roll`` too: a reopen gap of whole quarter hours."""
        self.first_rolled = rolled and first_rolled
        """Whether a finding's evidence reads the view ``first_touch`` (:meth:`first_touches`): every file has a
        rollup of version 2."""
        start, end = config.work_minutes
        self.in_hours = (
            f"(minute >= {start} AND minute < {end})" if start <= end else f"(minute >= {start} OR minute < {end})"
        )
        self.work_days = "(" + ", ".join(str(d) for d in sorted(config.work_weekdays)) + ")"

    TOUCH = "event IN ('access', 'change') AND outcome = 'success' AND actor IS NOT NULL AND patient IS NOT NULL"
    FIELDS = "event, actor, outcome, source, patient, resource, emergency, patients"
    ACCESS = "event = 'access' AND outcome = 'success' AND actor IS NOT NULL AND patient IS NOT NULL"

    def hashed(self) -> list[str]:
        """The touches of a patient, keyed by 64-bit hashes of the person and the patient (grouped and sorted far
        faster than the strings): a view, read again from the columns by each query that needs them (a table of
        every touch grew with the input and spilled); the distinct people and patients, in one pass; the people's
        names by hash."""
        names = "roll_all WHERE patient IS NOT NULL" if self.rolled else f"ev WHERE {self.TOUCH}"
        return [
            f"""CREATE TEMP VIEW touch AS SELECT hash(actor) AS a, hash(patient) AS p, ts, seq, day,
                event = 'access' AS opened, resource, file_index, file_row_number AS row
            FROM ev WHERE {self.TOUCH}""",
            f"""CREATE TEMP TABLE names AS SELECT actor, patient FROM {names}
                GROUP BY GROUPING SETS ((actor), (patient))""",
            "CREATE TEMP TABLE actor_names AS SELECT hash(actor) AS a, actor FROM names WHERE actor IS NOT NULL",
        ]

    @staticmethod
    def rollups(rollups: Sequence[str], raw: Sequence[str], offset: str) -> list[str]:
        """The views over the segments' rollups (``rollups``, Parquet files) and, for the files without one
        (``raw``), the same rows grouped from their columns: ``roll_all`` (:func:`._rollup.rollup_sql`'s rows),
        ``roll`` (person, patient, quarter hour ``q``, first and last open, local day) and ``roll_res`` (person,
        resource, opens, local day). ``offset`` is the zone's offset at ``ts`` (the quarter hour's start)."""
        # the columns of every version (rollups of versions 1 and 2 may stand side by side)
        parts = [f"SELECT {COLUMNS} FROM read_parquet({_listing(rollups)}, union_by_name = true)"] if rollups else []
        if raw:
            grouped = rollup_sql(f"read_parquet({_listing(raw)}, file_row_number = true)")
            parts.append(f"SELECT {COLUMNS} FROM ({grouped})")
        day = f"floor((ts + {offset}) / 86400)::BIGINT AS day"
        return [
            "CREATE TEMP VIEW roll_all AS " + " UNION ALL ".join(parts),
            f"""CREATE TEMP VIEW roll AS SELECT a, p, b AS q, first, last, {day}
                FROM (SELECT *, b * {BUCKET} AS ts FROM roll_all WHERE p IS NOT NULL)""",
            f"""CREATE TEMP VIEW roll_res AS SELECT a, resource, n, {day}
                FROM (SELECT *, b * {BUCKET} AS ts FROM roll_all WHERE p IS NULL)""",
        ]

    @staticmethod
    def first_touches(rollups: Sequence[str], offset: str) -> str:
        """The view ``first_touch`` over the rollups of every file (``rollups``, version 2, in the files' order):
        person, patient, quarter hour ``b``, local day, and the quarter hour's first touch with a seq (seq, time,
        file); the evidence's first touch of a patient is the first of these by time, then file (a file has one row
        per person, patient and quarter hour, so no two rows of a patient tie on both)."""
        day = f"floor((ts + {offset}) / 86400)::BIGINT AS day"
        return f"""CREATE TEMP VIEW first_touch AS SELECT a, p, b, {day}, {FIRST} AS seq, first_ts, file_index
            FROM (SELECT *, file_index, b * {BUCKET} AS ts FROM read_parquet({_listing(rollups)})
                WHERE p IS NOT NULL)"""

    def keys_exact(self) -> str:
        """Whether no two people and no two patients share a hash (else the engine declines)."""
        return """SELECT (SELECT count(*) = count(DISTINCT a) FROM actor_names) AND NOT EXISTS (
            SELECT 1 FROM names WHERE patient IS NOT NULL GROUP BY hash(patient) HAVING count(*) > 1)"""

    def spans(self) -> str:
        """The table ``spans``: one row per person, patient and local day touched, with the first and last open of
        that day (NULL without one); one grouping of the touches that the pairs, the crowd windows and the day and
        week totals read instead of grouping every touch again (it has a row per distinct patient of a person's
        day, which the day totals kept before anyway)."""
        if self.rolled:  # a quarter hour's opens lie in one local day: their first and last merge
            return """CREATE TEMP TABLE spans AS SELECT a, p, day, min(first) AS first, max(last) AS last
                FROM roll GROUP BY a, p, day"""
        return """CREATE TEMP TABLE spans AS SELECT a, p, day, min(ts) FILTER (WHERE opened) AS first,
            max(ts) FILTER (WHERE opened) AS last FROM touch GROUP BY a, p, day"""

    def spans_cover_crowd(self) -> str:
        """Whether each day's opens of a pair lie in at most two neighbouring crowd windows (so the windows with an
        open are those of the day's first and last open): true unless a window is shorter than a local day."""
        window = float(self.config.crowd_window)
        return f"""SELECT coalesce(bool_and(floor(last / {window}) - floor(first / {window}) <= 1), true)
            FROM spans WHERE first IS NOT NULL"""

    def from_spans(self, *, crowd_from_spans: bool = True) -> list[str]:
        """What ``spans`` answers, then ``spans`` dropped (so that it does not sit beside the heavier statements
        after): the pairs whose opens lie more than a gap apart (only they can have two sessions); the patients
        opened by enough staff within two crowd windows (each pair's windows from ``spans`` when
        ``crowd_from_spans``, else from the rollups' quarter hours when a window is a whole number of them, else from
        every open); per-day and per-week distinct patients, in day or week order
        (the replay reads one day or week at a time), each person's day with the summary of their 60 earlier
        active days."""
        cfg = self.config
        window = float(cfg.crowd_window)
        if crowd_from_spans:
            staff = f"""WITH x AS (SELECT p, a, floor(first / {window})::BIGINT AS b1,
                    floor(last / {window})::BIGINT AS b2 FROM spans WHERE first IS NOT NULL),
                b AS (SELECT p, b, count(DISTINCT a) AS n
                    FROM (SELECT p, b1 AS b, a FROM x UNION ALL SELECT p, b2, a FROM x WHERE b2 <> b1) GROUP BY ALL),"""
        elif self.rolled and window % BUCKET == 0:  # a quarter hour lies in one window: its opens are the bucket's
            staff = f"""WITH b AS (SELECT p, floor(q * {BUCKET} / {window})::BIGINT AS b,
                count(DISTINCT a) AS n FROM roll WHERE first IS NOT NULL GROUP BY ALL),"""
        else:
            staff = f"""WITH b AS (SELECT p, floor(ts / {window})::BIGINT AS b,
                count(DISTINCT a) AS n FROM touch WHERE opened GROUP BY ALL),"""
        return [
            f"""CREATE TEMP TABLE pairs AS SELECT a, p FROM spans WHERE first IS NOT NULL GROUP BY ALL
            HAVING max(last) - min(first) > {float(cfg.reopen_gap)}""",
            f"""CREATE TEMP TABLE crowd_patients AS
            {staff}
            m AS (SELECT x.p, max(x.n + coalesce(y.n, 0)) AS most FROM b x
                LEFT JOIN b y ON y.p = x.p AND y.b = x.b + 1 GROUP BY ALL)
            SELECT p FROM m WHERE most >= {cfg.crowd_staff}
            UNION SELECT p FROM (SELECT p FROM m ORDER BY most DESC, p LIMIT {_PEAK_PATIENTS})""",
            f"""CREATE TEMP TABLE day_touch AS SELECT day, actor, n, count(*) OVER own AS size,
                median(n) OVER own AS median, mad(n) OVER own AS mad
            FROM (SELECT day, a, count(*) AS n FROM spans GROUP BY ALL) JOIN actor_names USING (a)
            WINDOW own AS (PARTITION BY a ORDER BY day ROWS BETWEEN {KEEP_DAYS} PRECEDING AND 1 PRECEDING)
            ORDER BY day""",
            """CREATE TEMP TABLE week_touch AS SELECT week, actor, n
            FROM (SELECT week, a, count(*) AS n FROM (SELECT DISTINCT (day + 3) // 7 AS week, a, p FROM spans)
                GROUP BY ALL) JOIN actor_names USING (a) ORDER BY week""",
            "DROP TABLE spans",
        ]

    def from_touches(self) -> list[str]:
        """What needs the touches themselves: the sessions' starts of the pairs, from the first and last open of
        each span of a gap (a span holds at most one start, its first open, when the pair's last open before it
        is more than a gap earlier), for the rule's pairs and its highest value; the patients the sequential
        rules follow; each person's most opened resource of a week."""
        cfg = self.config
        gap = float(cfg.reopen_gap)
        if self.gap_rolled:  # a quarter hour lies in one span of the gap
            spans = f"""SELECT a, p, floor(q * {BUCKET} / {gap}) AS b, min(first) AS ts, max(last) AS last
                FROM roll SEMI JOIN pairs USING (a, p) WHERE first IS NOT NULL GROUP BY ALL"""
        else:
            spans = f"""SELECT a, p, floor(ts / {gap}) AS b, min(ts) AS ts, max(ts) AS last
                FROM touch SEMI JOIN pairs USING (a, p) WHERE opened GROUP BY ALL"""
        if self.rolled:
            resources = "SELECT (day + 3) // 7 AS week, a, resource, sum(n)::BIGINT AS n FROM roll_res GROUP BY ALL"
        else:
            resources = """SELECT (day + 3) // 7 AS week, a, resource, count(*) AS n FROM touch
                WHERE opened AND resource IS NOT NULL GROUP BY ALL"""
        return [
            f"""CREATE TEMP TABLE starts AS SELECT a, p, ts, g IS NULL AS first FROM (
                SELECT a, p, ts, ts - lag(last) OVER (PARTITION BY a, p ORDER BY b) AS g FROM ({spans}))
            WHERE g IS NULL OR g > {gap}""",
            "DROP TABLE pairs",
            f"""CREATE TEMP TABLE reopen_pairs AS SELECT a, p FROM starts GROUP BY ALL
            HAVING count(*) >= {cfg.reopen_sessions}""",
            """CREATE TEMP TABLE carer_patients AS
            SELECT p FROM crowd_patients UNION SELECT p FROM reopen_pairs""",
            f"""CREATE TEMP TABLE week_resource AS SELECT week, actor, resource, n FROM (
                {resources}) JOIN actor_names USING (a)
            QUALIFY row_number() OVER (PARTITION BY week, actor ORDER BY n DESC, resource DESC) = 1
            ORDER BY week""",
        ]

    def evidence(self, asked: Sequence[tuple[int, int, str]]) -> str:
        """For each ``(first day, last day, person)`` asked (numbered by position), the lowest first-touch seqs of
        that person over those days: one pass over the touches for every finding of the run. A patient's first
        touch is the first in the replay's order (time, then file, then line), as the streaming analyzer meets it."""
        values = ", ".join(f"({k}, {lo}, {hi}, hash({_quote(actor)}))" for k, (lo, hi, actor) in enumerate(asked))
        # local days lie within a day of UTC's: only the columns' row groups of those times are read
        since = (min(lo for lo, _, _ in asked) - _MARGIN_DAYS) * 86400
        until = (max(hi for _, hi, _ in asked) + 1 + _MARGIN_DAYS) * 86400
        if self.first_rolled:  # a quarter hour lies in one local day: the first of the buckets' first touches
            first = f"""SELECT k, arg_min(t.seq, (t.first_ts, t.file_index)) AS seq
                FROM first_touch t JOIN q ON t.a = q.a AND t.day BETWEEN q.lo AND q.hi
                WHERE t.b >= {since // BUCKET} AND t.b < {until // BUCKET} GROUP BY k, t.p"""
        else:
            first = f"""SELECT k, arg_min(t.seq, (t.ts, t.file_index, t.row)) AS seq
                FROM touch t JOIN q ON t.a = q.a AND t.day BETWEEN q.lo AND q.hi
                WHERE t.ts >= {since} AND t.ts < {until} GROUP BY k, t.p"""
        return f"""WITH q(k, lo, hi, a) AS (VALUES {values})
            SELECT k, list(seq ORDER BY seq) FILTER (WHERE seq >= 0)[1:{self.config.max_evidence}]
            FROM ({first}) GROUP BY k"""

    def reopen_peak(self) -> str:
        """Most separate sessions within the window of one pair the replay leaves out (the rule's highest value)."""
        window = float(self.config.reopen_window)
        return f"""WITH n AS (SELECT first, count(*) OVER (PARTITION BY a, p ORDER BY ts
                RANGE BETWEEN {window} PRECEDING AND CURRENT ROW) AS k
            FROM starts ANTI JOIN reopen_pairs USING (a, p))
            SELECT max(k) FROM n WHERE NOT first AND k >= 2"""

    def charts(self) -> str:
        """Log-ins and failures by weekday and hour, and by day; denials by day (``pool`` holds them all)."""
        return """SELECT event, outcome IN ('failure', 'denied') AS failed, day, minute // 60 AS hour, count(*)
            FROM pool WHERE event = 'login' OR (event IN ('access', 'export') AND outcome = 'denied')
            GROUP BY ALL"""

    def pool(self) -> str:
        """The table ``pool``: in one scan of the columns, every record that the replay, the log-in hours or the
        charts can read (log-ins, exports, break-glass and denied accesses, the accesses and changes of the
        patients the sequential rules follow); a small fraction of the records, which those queries read instead
        of the columns, each of every record."""
        return f"""CREATE TEMP TABLE pool AS SELECT ts, file_index, file_row_number AS row, seq, day, minute,
                {self.FIELDS}, hash(actor) AS a, hash(patient) AS p
            FROM ev WHERE actor IS NOT NULL AND (
                (event = 'login' AND outcome IN ('success', 'failure', 'denied')) OR event = 'export'
                OR (event = 'access' AND (emergency OR outcome = 'denied'))
                OR (event IN ('access', 'change') AND outcome = 'success' AND patient IS NOT NULL
                    AND hash(patient) IN (SELECT p FROM carer_patients)))"""

    def kept(self) -> list[str]:
        """The table ``kept``: the records the sequential rules read one by one, with their flags (log-ins,
        accesses, then changes and exports, from ``pool``: one query of them all plans far worse); before it, the
        hours of each person's log-ins by day, in day order."""
        cfg = self.config
        window = float(cfg.success_after_window)
        columns = "ts, file_index, row, seq"
        return [
            """CREATE TEMP TABLE login_hours AS SELECT day, actor, bit_or(1::BIGINT << (minute // 60)) AS mask,
                min(ts) AS first
            FROM pool WHERE event = 'login' AND outcome = 'success' GROUP BY ALL ORDER BY day""",
            f"""CREATE TEMP TABLE kept AS
            WITH l AS (SELECT *, outcome <> 'success' AS failed,
                    row_number() OVER (PARTITION BY actor, source, (day + 3) // 7, failed ORDER BY ts, seq) AS nth,
                    count(*) FILTER (WHERE failed) OVER (PARTITION BY actor ORDER BY ts
                        RANGE BETWEEN {window} PRECEDING AND CURRENT ROW) AS actor_failures,
                    count(*) FILTER (WHERE failed) OVER (PARTITION BY source ORDER BY ts
                        RANGE BETWEEN {window} PRECEDING AND CURRENT ROW) AS source_failures
                FROM pool WHERE event = 'login')
            SELECT {columns}, {EVENT} AS flags, {self.FIELDS} FROM l
            WHERE failed OR actor_failures > 0 OR NOT ({self.in_hours} AND (day + 3) % 7 IN {self.work_days})
                OR (source IS NOT NULL AND (nth = 1 OR source_failures > 0))""",
            f"""INSERT INTO kept SELECT {columns},
                (CASE WHEN emergency OR outcome = 'denied' THEN {EVENT} ELSE 0 END)
                + (CASE WHEN reopen THEN {REOPEN} ELSE 0 END) + (CASE WHEN crowd THEN {CROWD} ELSE 0 END),
                {self.FIELDS}
            FROM (SELECT *, opened AND (a, p) IN (SELECT (a, p) FROM reopen_pairs) AS reopen,
                    opened AND p IN (SELECT p FROM crowd_patients) AS crowd
                FROM (SELECT *, outcome = 'success' AND patient IS NOT NULL AS opened FROM pool WHERE event = 'access'))
            WHERE emergency OR outcome = 'denied' OR reopen OR crowd""",
            f"""INSERT INTO kept SELECT {columns}, {EVENT}, {self.FIELDS}
            FROM pool WHERE event = 'export' OR (event = 'change' AND outcome = 'success' AND patient IS NOT NULL)
            QUALIFY event = 'export'
                OR row_number() OVER (PARTITION BY event, actor, patient, day ORDER BY ts, seq) = 1
                OR row_number() OVER (PARTITION BY event, actor, patient, day ORDER BY ts DESC, seq DESC) = 1""",
            """INSERT INTO kept SELECT min(ts), NULL, -1, -1, 0, NULL, NULL, NULL, NULL, NULL, NULL, false, 1
            FROM ev GROUP BY day""",
        ]

    def reduced(self) -> str:
        """The kept records numbered (``n``) in time order, then file, then line."""
        return """SELECT row_number() OVER (ORDER BY ts, file, row) AS n, * EXCLUDE (row) FROM (
            SELECT ts, coalesce(files.idx, -1) AS file, row, seq, flags, event, actor, outcome, source, patient,
                resource, emergency, patients
            FROM kept LEFT JOIN files USING (file_index))"""


def _audit(row: tuple[Any, ...]) -> dict[str, Any]:
    """The audit object of a replayed row (only the fields the rules read)."""
    _ts, _file, _seq, _flags, event, actor, outcome, source, patient, resource, emergency, patients = row
    audit: dict[str, Any] = {"event": event, "actor": actor, "outcome": outcome}
    if source is not None:
        audit["source"] = source
    if patient is not None:
        audit["patient"] = patient
    if resource is not None:
        audit["resource"] = resource
    if emergency:
        audit["emergency"] = True
    if event == "export":
        audit["patients"] = patients
    return audit


class _Loader(Totals):
    """Reads one day's or one week's totals from the engine's tables when the replay reaches it; a finding's
    evidence is read after the replay, for every finding at once (:meth:`fill`)."""

    def __init__(self, con: Any, queries: _Queries) -> None:
        self.con = con
        self.queries = queries
        self._asked: tuple[int, int, str] | None = None

    def _evidence(self, first: int, last: int, actor: str) -> list[int]:
        self._asked = (first, last, actor)
        return []  # filled in by fill(), with the finding the analyzer emits now

    def asked(self) -> object | None:
        asked, self._asked = self._asked, None
        return asked

    def fill(self, later: Sequence[tuple[Finding, object]]) -> None:
        """Set the evidence of each finding to what was asked for it, in one query."""
        asked = [cast("tuple[int, int, str]", what) for _, what in later]
        if not asked:
            return
        found = dict(self.con.execute(self.queries.evidence(asked)).fetchall())
        for k, (finding, _) in enumerate(later):
            seqs = sorted(set(found.get(k) or ()))
            finding.seqs = seqs  # as Analyzer._emit would have set them
            finding.evidence_total = max(finding.evidence_total, len(seqs))

    def day(self, number: int) -> DayTotals:
        con = self.con
        counts = con.execute("SELECT actor, n, size, median, mad FROM day_touch WHERE day = ?", [number]).fetchnumpy()
        hours = con.execute("SELECT actor, mask FROM login_hours WHERE day = ? ORDER BY first, actor", [number])
        return DayTotals(
            counts=DayCounts.from_columns(counts),
            login_hours=dict(hours.fetchall()),  # in the order of their first log-in, as the analyzer meets them
            evidence=partial(self._evidence, number, number),
        )

    def week(self, number: int) -> WeekTotals:
        con = self.con
        totals = WeekTotals()
        evidence = partial(self._evidence, number * 7 - 3, number * 7 + 3)
        for actor, n in con.execute("SELECT actor, n FROM week_touch WHERE week = ?", [number]).fetchall():
            totals.touched[actor] = Tally(n, evidence, actor)
        for actor, resource, n in con.execute(
            "SELECT actor, resource, n FROM week_resource WHERE week = ?", [number]
        ).fetchall():
            totals.top_resource[actor] = (resource, n)
        return totals


def _rows(con: Any) -> Iterator[tuple[Any, ...]]:
    """The rows of the table ``replay`` in the order of its column ``n``, a batch at a time: the replay runs other
    queries on the connection between batches (a day's totals, a finding's evidence), which would end a result
    still being fetched."""
    done = 0
    while batch := con.execute(
        "SELECT * EXCLUDE (n) FROM replay WHERE n > ? AND n <= ? ORDER BY n", [done, done + _BATCH]
    ).fetchall():
        done += _BATCH
        yield from batch


def run_duckdb(
    files: Sequence[ColumnFile], config: ReportConfig | None = None, settings: EngineSettings | None = None
) -> ReducedAnalyzer | None:
    """Run every rule over the columns in ``files``; returns the finished-to-be analyzer (call ``finish()``),
    or None when two people or two patients share a 64-bit hash (then the Python engine must run)."""
    config = config or ReportConfig()
    settings = settings or EngineSettings()
    names = {item.index: item.stream for item in files}
    with contextlib.ExitStack() as stack:
        if settings.temp_directory is None:  # DuckDB's own choice is ".tmp" in the working directory, left behind
            spill = stack.enter_context(tempfile.TemporaryDirectory(prefix="hipaalog-report-spill-"))
            settings = dataclasses.replace(settings, temp_directory=spill)
        con = _connect(settings)
        try:
            return _run(con, files, config, names, settings.memory_limit)
        finally:
            con.close()


def _rolled(
    con: Any, files: Sequence[ColumnFile], zone: tuple[list[tuple[int, int]], int]
) -> tuple[list[str], list[str]] | None:
    """The rollups the engine reads and the column files it groups in their place, or None when the touches are
    grouped as they are: no file has a usable rollup (one written by a DuckDB that hashes as this one does), or the
    zone's offsets are not whole quarter hours (a quarter hour might then straddle two local days)."""
    changes, current = zone
    if any(offset % BUCKET for offset in (current, *(before for _, before in changes))):
        return None
    probe = hash_probe(con)
    rollups = [item.rollup for item in files if item.rollup is not None and item.rollup_hash == probe]
    if not rollups:
        return None
    raw = [item.path for item in files if item.rollup is None or item.rollup_hash != probe]
    return [os.path.abspath(path) for path in rollups], [os.path.abspath(path) for path in raw]


def _all_first(con: Any, rolled: tuple[list[str], list[str]]) -> bool:
    """Whether every file has a rollup (none is grouped from its columns) and each is of version 2 (holds the first
    touches, :data:`._rollup.FIRST`)."""
    rollups, raw = rolled
    if raw:
        return False
    (count,) = con.execute(
        f"SELECT count(DISTINCT file_name) FROM parquet_schema({_listing(rollups)}) WHERE name = ?", [FIRST]
    ).fetchone()
    return bool(count == len(set(rollups)))


def _run(
    con: Any, files: Sequence[ColumnFile], config: ReportConfig, names: dict[int, str], memory_limit: str
) -> ReducedAnalyzer | None:
    clock = config.clock()
    if not files:
        return ReducedAnalyzer(config, names, Totals())
    paths = [os.path.abspath(item.path) for item in files]
    listing = _listing(paths)
    con.execute(
        "CREATE TEMP TABLE files AS SELECT * FROM (VALUES "
        + ", ".join(f"({position}, {item.index})" for position, item in enumerate(files))
        + ") AS t(file_index, idx)"
    )
    scan = f"read_parquet({listing}, file_row_number = true)"
    count, first, last = con.execute(f"SELECT count(*), min(ts), max(ts) FROM {scan}").fetchone()
    if not count:
        return ReducedAnalyzer(config, names, Totals())
    offset = _offset_sql(clock, first, last)
    rolled = _rolled(con, files, _offset_changes(clock, first, last))
    con.execute(
        f"""CREATE TEMP VIEW ev AS SELECT *, floor(local / 86400)::BIGINT AS day,
            floor((local - floor(local / 86400) * 86400) / 60)::INTEGER AS minute
        FROM (SELECT *, file_index, ts + {offset} AS local FROM {scan})"""
    )
    queries = _Queries(config, rolled=rolled is not None, first_rolled=rolled is not None and _all_first(con, rolled))
    if rolled is not None:
        for statement in queries.rollups(*rolled, offset):
            con.execute(statement)
        if queries.first_rolled:
            con.execute(queries.first_touches(rolled[0], offset))
    for statement in queries.hashed():
        con.execute(statement)
    exact = con.execute(queries.keys_exact()).fetchone()[0]
    con.execute("DROP TABLE names")
    if not exact:
        return None
    con.execute(queries.spans())
    (crowd_from_spans,) = con.execute(queries.spans_cover_crowd()).fetchone()
    spanned = queries.from_spans(crowd_from_spans=bool(crowd_from_spans))
    for statement in (*spanned, *queries.from_touches(), queries.pool(), *queries.kept()):
        con.execute(statement)
    # what needs no replay first, so that the heavy queries do not run beside the replay's memory
    (peak,) = con.execute(queries.reopen_peak()).fetchone()
    charts = con.execute(queries.charts()).fetchall()
    con.execute("DROP TABLE pool")
    con.execute(f"CREATE TEMP TABLE replay AS {queries.reduced()}")
    for table in ("kept", "starts", "reopen_pairs", "crowd_patients", "carer_patients", "actor_names"):
        con.execute(f"DROP TABLE {table}")  # DuckDB's memory for the replay: the totals and the touches (evidence)
    replay_limit = _replay_limit(memory_limit)
    if replay_limit is not None:  # the replay's queries are small: give the memory back before its state grows
        import duckdb

        try:
            con.execute(f"SET memory_limit = '{replay_limit}B'")
        except duckdb.Error:  # pragma: no cover - DuckDB could not evict enough: keep the limit given
            pass
    loader = _Loader(con, queries)
    analyzer = ReducedAnalyzer(config, names, loader)
    feed = analyzer.feed_row
    for item in _rows(con):
        feed(item[0], item[1], item[2], item[3], _audit(item))
    analyzer.close_periods()
    loader.fill(analyzer.later)
    logins = [[0] * 24 for _ in range(7)]
    failures = [[0] * 24 for _ in range(7)]
    per_day: dict[int, list[int]] = {}
    for event, failed, day, hour, n in charts:
        row = per_day.setdefault(day, [0, 0, 0])
        if event != "login":
            row[2] += n
            continue
        weekday = LocalClock.weekday_of_day(day)
        (failures if failed else logins)[weekday][hour] += n
        row[1 if failed else 0] += n
    analyzer.finish_totals(count, first, last, (logins, failures), per_day)
    if peak is not None:
        analyzer._peak("repeated-record-opens", float(peak))
    return analyzer


def write_parquet(columns: Any, path: str) -> None:
    """Write :class:`~hipaalog.report._columns.Columns` as a Parquet file (zstd), atomically."""
    import duckdb

    arrays = columns.arrays()  # noqa: F841 - scanned by name below
    directory, name = os.path.split(os.path.abspath(path))
    temporary = os.path.join(directory, f".{name}.tmp")
    con = duckdb.connect()
    con.execute(_QUIET)
    try:
        con.execute(
            "COPY (SELECT ts::DOUBLE AS ts, seq::BIGINT AS seq, event::VARCHAR AS event, actor::VARCHAR AS actor, "
            "outcome::VARCHAR AS outcome, source::VARCHAR AS source, patient::VARCHAR AS patient, "
            "resource::VARCHAR AS resource, emergency::BOOLEAN AS emergency, patients::BIGINT AS patients "
            "FROM arrays) "
            f"TO {_quote(temporary)} (FORMAT parquet, COMPRESSION zstd)"
        )
    finally:
        con.close()
    os.replace(temporary, path)
