"""DuckDB reading a segment's NDJSON gives the Parquet columns the Python parser gives, or declines.

Each case writes a real segment (plain or gzip), reads it both ways and compares the Parquet
files row for row (values and types), and what reading saw (stream, lines, non-audit records,
time order).
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson
import pytest

from hipaalog.report._columns import parse_segment, segment_parquet
from hipaalog.report._duck import duckdb_available, write_parquet
from hipaalog.report._ndjson import count_lines, ndjson_to_parquet

from .._peers import require
from .conftest import Dataset


@pytest.fixture(autouse=True)
def _duckdb() -> None:
    require("duckdb", duckdb_available(), "pip install 'hipaalog[report]'")


def _rows(path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    import duckdb

    con = duckdb.connect()
    try:
        scan = f"read_parquet('{path}', file_row_number = true)"
        rows = con.execute(f"SELECT * EXCLUDE (file_row_number) FROM {scan} ORDER BY file_row_number").fetchall()
        return rows, con.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()
    finally:
        con.close()


def _python(segment: Path, target: Path) -> tuple[Any, ...]:
    parsed = parse_segment(str(segment))
    write_parquet(parsed, str(target))
    return parsed.stream, parsed.lines, parsed.unreadable, parsed.non_audit, parsed.ordered, len(parsed)


def assert_same_columns(segment: Path, tmp_path: Path) -> None:
    """The fast path accepts ``segment`` and writes what the Python parser writes."""
    fast = ndjson_to_parquet(str(segment), str(tmp_path / "fast.parquet"))
    assert fast is not None, "the NDJSON path declined"
    expected = _python(segment, tmp_path / "slow.parquet")
    assert (fast.stream, fast.lines, fast.unreadable, fast.non_audit, fast.ordered, fast.rows) == expected
    assert _rows(tmp_path / "fast.parquet") == _rows(tmp_path / "slow.parquet")


def _segment(path: Path, lines: list[bytes], *, compress: bool = False) -> Path:
    data = b"".join(line + b"\n" for line in lines)
    if compress:
        path = path.with_suffix(".jsonl.gz")
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def _record(ts: str, audit: Any = None, **top: Any) -> bytes:
    record: dict[str, Any] = {"timestamp": ts, "appId": "a", "microservice": "m", **top}
    if audit is not None:
        record["audit"] = audit
    return orjson.dumps(record)


def test_sealed_segments_of_the_demo_world(planted: Dataset, tmp_path: Path) -> None:
    segments = [Path(p) for p in planted.written.paths]
    assert any(p.name.endswith(".gz") for p in segments) and not segments[-1].name.endswith(".gz")
    for n, segment in enumerate((segments[0], segments[-1])):
        (tmp_path / str(n)).mkdir()
        assert_same_columns(segment, tmp_path / str(n))


@pytest.mark.parametrize("compress", [False, True])
def test_every_field_kept_only_with_the_type_the_rules_read(tmp_path: Path, compress: bool) -> None:
    ts = "2024-03-04T10:00:0{}.25Z"
    lines = [
        _record(ts.format(0), {"event": "access", "actor": "ana", "outcome": "success", "patient": "p1"}, seq=7),
        _record(ts.format(1), {"event": "login", "actor": "bo", "outcome": "success", "source": ""}, seq=True),
        _record(ts.format(2), {"event": "export", "actor": "bo", "patients": 3.0, "emergency": "true"}, seq=-4),
        _record(ts.format(3), {"event": "export", "actor": {"x": 1}, "patients": 1 << 62, "emergency": True}),
        _record(ts.format(4), {"event": "sneeze", "actor": 5, "patient": None, "resource": ["r"]}, seq=1 << 63),
        _record(ts.format(5), {"event": 3, "actor": 'é\u2028"q"', "source": "10.0.0.1", "patients": 12}),
        _record(ts.format(6), None, seq=9),  # no audit object: not an audit record
        _record(ts.format(7), {}, seq=10),
        _record("2024-03-04T10:00:08Z", {"event": "change", "actor": "ana", "patient": "p1", "outcome": "success"}),
        _record("2024-03-04T10:00:08Z", {"EVENT": "login", "Actor": "ana", "outcome": "success"}),  # keys are exact
        _record("2024-03-04T10:00:07.999999999Z", {"event": "access", "actor": "cy"}, seq=18446744073709551615),
    ]
    lines.insert(7, orjson.dumps({"timestamp": ts.format(6), "audit": None, "appId": "a"}))
    assert_same_columns(_segment(tmp_path / "audit.jsonl", lines, compress=compress), tmp_path)


def test_an_empty_segment(tmp_path: Path) -> None:
    assert_same_columns(_segment(tmp_path / "audit.jsonl", []), tmp_path)


@pytest.mark.parametrize(
    "odd",
    [
        b"",  # a blank line
        b"not json",
        b"[1, 2]",
        _record("2024-03-04T10:00:00+00:00", {"event": "access"}),  # another timestamp form
        _record("2024-03-04 10:00:00Z", {"event": "access"}),
        _record("2024-02-30T10:00:00Z", {"event": "access"}),
        _record("2024-03-04T10:00:00.Z", {"event": "access"}),
        orjson.dumps({"audit": {"event": "access"}}),  # no timestamp
        orjson.dumps({"Timestamp": "2024-03-04T10:00:00Z", "audit": {"event": "access"}}),
        _record("2024-03-04T10:00:00Z", "access"),  # an audit that is not an object
        orjson.dumps({"timestamp": "2024-03-04T10:00:00Z", "audit": {}, "appId": 5, "microservice": "m"}),
    ],
)
def test_declines_what_only_the_python_parser_reads(tmp_path: Path, odd: bytes) -> None:
    good = _record("2024-03-04T10:00:09Z", {"event": "login", "actor": "ana", "outcome": "success"}, seq=1)
    segment = _segment(tmp_path / "audit.jsonl", [odd, good])
    assert ndjson_to_parquet(str(segment), str(tmp_path / "fast.parquet")) is None
    written = segment_parquet(str(segment), str(tmp_path / "mixed.parquet"))
    expected = _python(segment, tmp_path / "slow.parquet")
    assert (written.stream, written.lines, written.unreadable, written.non_audit, written.ordered, written.rows) == (
        expected
    )
    assert _rows(tmp_path / "mixed.parquet") == _rows(tmp_path / "slow.parquet")


def test_records_out_of_time_order_are_reported(tmp_path: Path) -> None:
    lines = [
        _record("2024-03-04T10:00:05Z", {"event": "login", "actor": "ana", "outcome": "success"}),
        _record("2024-03-04T10:00:01Z", {"event": "login", "actor": "bo", "outcome": "success"}),
    ]
    segment = _segment(tmp_path / "audit.jsonl", lines)
    assert_same_columns(segment, tmp_path)
    written = ndjson_to_parquet(str(segment), str(tmp_path / "again.parquet"))
    assert written is not None and not written.ordered


@pytest.mark.parametrize(("data", "expected"), [(b"", 0), (b"a\n", 1), (b"a\nb", 2), (b"\n\n", 2), (b"a\n\nb\n", 3)])
def test_count_lines_as_the_reader_counts(tmp_path: Path, data: bytes, expected: int) -> None:
    (tmp_path / "plain").write_bytes(data)
    (tmp_path / "zipped").write_bytes(gzip.compress(data))
    assert count_lines(str(tmp_path / "plain")) == count_lines(str(tmp_path / "zipped")) == expected
