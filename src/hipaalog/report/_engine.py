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

from ..audit._sealed import SegmentRecord, columns_path, file_digests
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


_Sidecar = tuple[str, dict[str, object]]
"""A segment's Parquet sidecar and what the segment's record says of it."""


def _sidecars(segments: Sequence[str], records: Mapping[str, SegmentRecord]) -> dict[str, _Sidecar]:
    """Segment -> its Parquet sidecar and what its record says of it, for each segment whose record vouches for
    its sidecar (named in the record, present, with the recorded digest)."""
    named: dict[str, _Sidecar] = {}
    for path in segments:
        record = records.get(path)
        columns = record.columns if record is not None else None
        if not columns:
            continue
        sidecar = columns_path(path)
        if os.path.basename(sidecar) == columns.get("file") and os.path.exists(sidecar):
            named[path] = (sidecar, columns)
    hashes = file_digests([sidecar for sidecar, _ in named.values()])
    matching = zip(named.items(), hashes, strict=True)
    return {path: found for (path, found), digest in matching if digest == found[1].get("digest")}


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
        if found is not None:
            sidecar, columns = found
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
            files.append(ColumnFile(sidecar, stream, index))
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
