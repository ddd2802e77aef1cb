"""Choosing and running the report's engine: DuckDB over columns, or the streaming Python analyzer.

Both give the same findings (the test suite holds them to it). ``"duckdb"`` reads each segment's
columns from its Parquet sidecar when a recorded verification vouches for it, else parses the
segment into a scratch Parquet file; a stream whose timestamps go back somewhere is analysed by
the Python engine instead (it reads records in file order, which the columnar engine does not
reproduce), and the report says so.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..audit._sealed import SegmentRecord, columns_path, file_digests, rollup_path
from ..exceptions import ConfigError
from ._analyze import Analyzer
from ._config import ReportConfig
from ._reader import ReadStats, read_merged

__all__ = ["ENGINES", "Analysis", "analyze_segments", "resolve_engine"]

ENGINES = ("auto", "duckdb", "python")
_INSTALL = "pip install 'hipaalog[report]'"


def resolve_engine(engine: str) -> str:
    """``"duckdb"`` or ``"python"`` for ``engine``; ``"auto"`` is duckdb when installed.

    Raises ConfigError for an unknown name, or for ``"duckdb"`` without the ``report`` extra.
    """
    from ._duck import duckdb_available

    if engine not in ENGINES:
        raise ConfigError(f"report engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if engine == "python":
        return engine
    available = duckdb_available()
    if engine == "duckdb" and not available:
        raise ConfigError(f"the duckdb report engine needs duckdb and numpy: {_INSTALL}")
    return "duckdb" if available else "python"


@dataclass
class Analysis:
    """The finished-to-be analyzer, what reading saw, the stream names and the engine that ran."""

    analyzer: Analyzer
    stats: ReadStats
    names: dict[int, str]
    engine: str


def _python(segments: Sequence[str], config: ReportConfig) -> Analysis:
    names: dict[int, str] = {}
    analyzer = Analyzer(config, names)
    stats = ReadStats()
    feed = analyzer.feed
    for ts, index, record in read_merged(segments, stats):
        if index not in names:
            names[index] = f"{record.get('appId', '?')}/{record.get('microservice', '?')}"
        feed(ts, record, index)
    return Analysis(analyzer, stats, names, "python")


_Rollup = tuple[str, int]
"""A segment's rollup and the DuckDB hash its writer recorded (:data:`._rollup.HASH_PROBE`)."""
_Sidecar = tuple[str, dict[str, object], _Rollup | None]
"""A segment's Parquet sidecar, what the segment's record says of it, and its rollup (None: none vouched for)."""


def _rollup(path: str, columns: Mapping[str, object]) -> tuple[str, str, int] | None:
    """The segment's rollup, its recorded digest and hash probe, when its record names one that is present and
    was grouped by :data:`._rollup.BUCKET`."""
    from ._rollup import BUCKET

    rollup = columns.get("rollup")
    target = rollup_path(path)
    if not isinstance(rollup, dict) or rollup.get("file") != os.path.basename(target) or not os.path.exists(target):
        return None
    probe = rollup.get("hash")
    if rollup.get("bucket") != BUCKET or type(probe) is not int:
        return None
    return target, str(rollup.get("digest")), probe


def _sidecars(segments: Sequence[str], records: Mapping[str, SegmentRecord]) -> dict[str, _Sidecar]:
    """Segment -> its Parquet sidecar, what its record says of it and its rollup, for each segment whose record
    vouches for its sidecar (named in the record, present, with the recorded digest); the rollup likewise."""
    named: dict[str, tuple[str, dict[str, object]]] = {}
    rollups: dict[str, tuple[str, str, int]] = {}
    for path in segments:
        record = records.get(path)
        columns = record.columns if record is not None else None
        if not columns:
            continue
        sidecar = columns_path(path)
        if os.path.basename(sidecar) == columns.get("file") and os.path.exists(sidecar):
            named[path] = (sidecar, columns)
            rollup = _rollup(path, columns)
            if rollup is not None:
                rollups[path] = rollup
    hashes = file_digests([sidecar for sidecar, _ in named.values()] + [item[0] for item in rollups.values()])
    rolled = {
        path: (target, probe)
        for (path, (target, recorded, probe)), digest in zip(rollups.items(), hashes[len(named) :], strict=True)
        if digest == recorded
    }
    matching = zip(named.items(), hashes[: len(named)], strict=True)
    return {path: (*found, rolled.get(path)) for (path, found), digest in matching if digest == found[1].get("digest")}


def analyze_segments(
    segments: Sequence[str],
    config: ReportConfig,
    *,
    engine: str,
    settings: object = None,
    scratch: str,
    records: Mapping[str, SegmentRecord] | None = None,
) -> Analysis:
    """Run every rule over ``segments`` (in the reader's file order) with ``engine`` (resolved)."""
    if engine == "python":
        return _python(segments, config)
    from ._columns import segment_parquet
    from ._duck import ColumnFile, EngineSettings, run_duckdb

    if settings is not None and not isinstance(settings, EngineSettings):
        raise ConfigError("engine settings must be an EngineSettings")
    resources = settings or EngineSettings()
    records = records or {}
    files: list[ColumnFile] = []
    stats = ReadStats(files=list(segments))
    disordered: list[str] = []
    vouched = _sidecars(segments, records)
    for index, path in enumerate(segments):
        found = vouched.get(path)
        rollup: _Rollup | None = None
        if found is not None:
            sidecar, columns, rollup = found
            stream, ordered = str(columns.get("stream", "")), bool(columns.get("ordered"))
            stats.lines += int(columns.get("lines", 0))  # type: ignore[call-overload]
            stats.unreadable += int(columns.get("unreadable", 0))  # type: ignore[call-overload]
            stats.non_audit += int(columns.get("non_audit", 0))  # type: ignore[call-overload]
            rows = int(columns.get("rows", 0))  # type: ignore[call-overload]
        else:
            sidecar = os.path.join(scratch, f"columns-{index}.parquet")
            parsed = segment_parquet(path, sidecar, resources)
            stream, ordered, rows = parsed.stream, parsed.ordered, parsed.rows
            stats.lines += parsed.lines
            stats.unreadable += parsed.unreadable
            stats.non_audit += parsed.non_audit
        if not ordered:
            disordered.append(os.path.basename(path))
        if rows:
            files.append(ColumnFile(sidecar, stream, index, *(rollup or (None, None))))
    if disordered:
        analysis = _python(segments, config)
        analysis.engine = f"python (duckdb asked; records out of time order in {', '.join(disordered[:3])})"
        return analysis
    analyzer = run_duckdb(files, config, resources)
    if analyzer is None:
        analysis = _python(segments, config)
        analysis.engine = "python (duckdb asked; two people or patients share a hash key)"
        return analysis
    names = {item.index: item.stream for item in files}
    return Analysis(analyzer, stats, names, "duckdb")
