"""A sealed segment's touches of a patient pre-grouped, so the report's groupings read fewer rows.

Written beside the segment's columns when it is sealed (:func:`write_rollup`), one Parquet file with two kinds of
row, each per UTC quarter hour (:data:`BUCKET`):

- person, patient (both as text and as DuckDB's 64-bit hash) and bucket, with the first and last open in it (NULL
  when the person only changed the record then) and, since :data:`VERSION` 2, the first touch (open or change) with a
  seq: its seq and time (``first_seq``, ``first_ts``; of two at that time, the earlier line's);
- person (text and hash), resource and bucket (``patient`` NULL), with the number of opens of that resource.

A quarter hour lies within one local day of every time zone (their offsets and changes fall on quarter hours), and
within one span of a reopen gap or one crowd window that is a whole number of quarter hours, so the engine's day
spans, sessions' starts, crowd windows, names, week's top resource and a finding's evidence (each patient's first
touch, by time, file and line) merge these rows (minimum, maximum, sum and first merge exactly) instead of grouping
every touch. Where that does not hold (an offset off the quarter hours, another gap or window, a segment without a
rollup or a DuckDB whose hash differs; for the evidence, a rollup of version 1 or a segment without one) the engine
groups the touches themselves (:mod:`._duck`).
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["BUCKET", "COLUMNS", "FIRST", "HASH_PROBE", "VERSION", "hash_probe", "rollup_sql", "write_rollup"]

BUCKET = 900
"""Seconds per bucket: a quarter hour, on which every time zone's offset and its changes fall."""

VERSION = 2
"""What a rollup holds: 1, the groupings; 2, also each bucket's first touch (:data:`FIRST`)."""

COLUMNS = "actor, patient, a, p, b, first, last, resource, n"
"""The columns of every version's rows."""

FIRST = "first_seq"
"""The column of version 2 by which the engine tells the versions apart (the file says what it holds)."""

HASH_PROBE = "hipaalog rollup"
"""Text whose DuckDB hash a rollup records: a DuckDB hashing differently cannot use the stored hashes."""

_TOUCH = "event IN ('access', 'change') AND outcome = 'success' AND actor IS NOT NULL AND patient IS NOT NULL"


def rollup_sql(scan: str) -> str:
    """The rollup rows (both kinds) of the columns ``scan`` reads (a ``read_parquet`` with ``file_row_number``)."""
    return f"""SELECT actor, patient, hash(actor) AS a, hash(patient) AS p, floor(ts / {BUCKET})::BIGINT AS b,
            min(ts) FILTER (WHERE event = 'access') AS first, max(ts) FILTER (WHERE event = 'access') AS last,
            NULL::VARCHAR AS resource, NULL::BIGINT AS n, arg_min(seq, (ts, file_row_number)) AS {FIRST},
            min(ts) FILTER (WHERE seq IS NOT NULL) AS first_ts
        FROM {scan} WHERE {_TOUCH} GROUP BY actor, patient, b
        UNION ALL
        SELECT actor, NULL, hash(actor), NULL, floor(ts / {BUCKET})::BIGINT AS b, NULL, NULL, resource, count(*),
            NULL, NULL
        FROM {scan} WHERE {_TOUCH} AND event = 'access' AND resource IS NOT NULL GROUP BY actor, resource, b"""


def hash_probe(con: Any) -> int:
    """DuckDB's hash of :data:`HASH_PROBE` on this connection."""
    return int(con.execute("SELECT hash(?::VARCHAR)", [HASH_PROBE]).fetchone()[0])


def write_rollup(columns: str, target: str) -> dict[str, Any]:
    """Write the rollup of the Parquet columns ``columns`` to ``target`` (atomically); what a record says of it
    (file name, bucket, hash probe, version; the caller adds the digest)."""
    import duckdb

    from ._duck import _QUIET, _quote

    directory, name = os.path.split(os.path.abspath(target))
    temporary = os.path.join(directory, f".{name}.tmp")
    con = duckdb.connect(config={"memory_limit": "512MB", "threads": 1})
    con.execute(_QUIET)
    try:
        scan = f"read_parquet({_quote(os.path.abspath(columns))}, file_row_number = true)"
        con.execute(
            f"COPY ({rollup_sql(scan)} ORDER BY a, b) TO {_quote(temporary)} (FORMAT parquet, COMPRESSION zstd)"
        )
        probe = hash_probe(con)
    finally:
        con.close()
    os.replace(temporary, target)
    return {"file": name, "bucket": BUCKET, "hash": probe, "version": VERSION}
