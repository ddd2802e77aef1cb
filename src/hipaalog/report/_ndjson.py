"""A segment's rule columns read straight from NDJSON by DuckDB, without a Python object per record.

:func:`ndjson_to_parquet` writes the same Parquet columns as
:func:`~hipaalog.report._columns.parse_segment` and ``write_parquet`` would, for a plain or gzip
segment whose every line is an object with an RFC 3339 UTC timestamp
(``YYYY-MM-DDTHH:MM:SS[.fff]Z``, as hipaalog writes them). Every field is kept only when its JSON
type is the one the analyzer accepts, and the epoch is computed as
:func:`~hipaalog.report._timeparse.parse_ts` computes it (the minute's epoch plus the seconds as a
double), so the values are identical. Anything else (a line that is not JSON, a blank line, another
timestamp form, an odd stream name) makes it return None, and the caller parses the segment in
Python instead. One difference is left: a key repeated within one object (no writer of an audit
stream makes one) is read here from its first occurrence, by the Python parser from its last.
"""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from typing import Any

from ..integrity._reading import is_gzip
from ._duck import EngineSettings, _connect, _quote

__all__ = ["SegmentColumns", "count_lines", "ndjson_to_parquet"]

_BLOCK = 1 << 20
_AUDIT_FIELDS = ("event", "actor", "outcome", "source", "patient", "resource", "emergency", "patients")
_READ_COLUMNS = (
    "{'timestamp': 'JSON', 'seq': 'JSON', 'appId': 'JSON', 'microservice': 'JSON', 'audit': 'STRUCT("
    + ", ".join(f"{name} JSON" for name in _AUDIT_FIELDS)
    + ")'}"
)
_COLUMNS = ("ts", "seq", "event", "actor", "outcome", "source", "patient", "resource", "emergency", "patients")
_TS_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z"
_INTEGER = "('UBIGINT', 'BIGINT')"


@dataclass(frozen=True)
class SegmentColumns:
    """What writing a segment's columns saw: as :class:`~hipaalog.report._columns.Columns` says it."""

    stream: str
    lines: int
    unreadable: int
    non_audit: int
    ordered: bool
    rows: int


def count_lines(path: str) -> int:
    """Lines as the Python reader counts them: every newline, and a last line without one when not empty."""
    count = 0
    last = b"\n"
    with open(path, "rb") as raw:
        stream: Any = gzip.GzipFile(fileobj=raw, mode="rb") if is_gzip(path) else raw
        while block := stream.read(_BLOCK):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def _text(field: str) -> str:
    """The audit field when it is a JSON string (each field is its own small JSON value)."""
    return f"CASE WHEN json_type(audit.{field}) = 'VARCHAR' THEN audit.{field} ->> '$' END"


def _integer(expression: str, low: str, high: int, otherwise: int) -> str:
    """``expression`` when it is a JSON integer with ``low`` and below ``high``, else ``otherwise``."""
    value = f"TRY_CAST({expression} AS BIGINT)"
    return (
        f"CASE WHEN json_type({expression}) IN {_INTEGER} AND {value} {low} AND {value} < {high} "
        f"THEN {value} ELSE {otherwise} END"
    )


def _select(path: str, compression: str) -> str:
    """Every line of the segment: its rule columns, and what the checks of :func:`ndjson_to_parquet` read."""
    return f"""SELECT t, text_ts, is_audit, app_type, app, service_type, service,
        epoch(try_strptime(t[1:16], '%Y-%m-%dT%H:%M')) + TRY_CAST(t[18:-2] AS DOUBLE) AS ts,
        {_integer("seq", ">= 0", 1 << 63, -1)}::BIGINT AS seq,
        CASE WHEN json_type(audit.event) = 'VARCHAR' AND audit.event ->> '$'
            IN ('access', 'login', 'change', 'export') THEN audit.event ->> '$' END AS event,
        {_text("actor")} AS actor,
        {_text("outcome")} AS outcome,
        CASE WHEN json_type(audit.source) = 'VARCHAR' AND audit.source ->> '$' <> ''
            THEN audit.source ->> '$' END AS source,
        {_text("patient")} AS patient,
        {_text("resource")} AS resource,
        coalesce(json_type(audit.emergency) = 'BOOLEAN' AND audit.emergency ->> '$' = 'true', false) AS emergency,
        {_integer("audit.patients", "> 0", 1 << 62, 1)}::BIGINT AS patients
    FROM (SELECT timestamp ->> '$' AS t, json_type(timestamp) = 'VARCHAR' AS text_ts, seq, audit,
            audit IS NOT NULL AS is_audit, json_type(appId) AS app_type, appId ->> '$' AS app,
            json_type(microservice) AS service_type, microservice ->> '$' AS service
        FROM read_json({_quote(path)}, format = 'newline_delimited', compression = '{compression}',
            columns = {_READ_COLUMNS}))"""


def ndjson_to_parquet(path: str, target: str, settings: EngineSettings | None = None) -> SegmentColumns | None:
    """Write ``path``'s rule columns to the Parquet file ``target`` (atomically); None when declined (see the module).

    DuckDB runs with ``settings`` (memory limit, threads, spill directory).
    """
    import duckdb

    lines = count_lines(path)
    compression = "gzip" if is_gzip(path) else "none"
    directory, name = os.path.split(os.path.abspath(target))
    temporary = os.path.join(directory, f".{name}.tmp")
    con = _connect(settings or EngineSettings())
    try:
        con.execute("SET preserve_insertion_order = true")  # the table keeps the file's order (rowid)
        try:
            con.execute(f"CREATE TEMP TABLE raw AS {_select(path, compression)}")
        except duckdb.Error:  # not JSON, an audit that is not an object, ...: the Python parser says what it is
            return None
        rows, plain, audit_rows, backwards = con.execute(
            f"""SELECT count(*), count(*) FILTER (WHERE text_ts AND regexp_full_match(t, '{_TS_PATTERN}')
                AND try_strptime(t[1:16], '%Y-%m-%dT%H:%M') IS NOT NULL), count(*) FILTER (WHERE is_audit),
                count(*) FILTER (WHERE is_audit AND ts < previous)
            FROM (SELECT *, CASE WHEN is_audit THEN lag(ts) OVER (PARTITION BY is_audit ORDER BY rowid) END
                AS previous FROM raw)"""
        ).fetchone()
        if rows != lines or plain != rows:
            return None
        first = con.execute(
            "SELECT app_type, app, service_type, service FROM raw WHERE is_audit ORDER BY rowid LIMIT 1"
        ).fetchone()
        stream = ""
        if first is not None:
            if first[0] != "VARCHAR" or first[2] != "VARCHAR":
                return None
            stream = f"{first[1]}/{first[3]}"
        con.execute(
            f"COPY (SELECT {', '.join(_COLUMNS)} FROM raw WHERE is_audit ORDER BY rowid) TO {_quote(temporary)} "
            "(FORMAT parquet, COMPRESSION zstd)"
        )
    finally:
        con.close()
    os.replace(temporary, target)
    return SegmentColumns(stream, lines, 0, rows - audit_rows, not backwards, audit_rows)
