"""FileSink rotation: by size and by time, gzip of rotated segments, owner-only files, the on_rotate hook."""

from __future__ import annotations

import gzip
import logging.config
import os
import re
import stat
import time
from pathlib import Path

import pytest

from hipaalog import ConfigError, SinkHandler, _diagnostics
from hipaalog.sinks import EncodedRecord, FileSink, create_sink

from .conftest import read_jsonl

SEGMENT = re.compile(r"^app\.jsonl\.\d{8}T\d{12}Z(-\d+)?(\.gz)?$")
ROTATED: list[str] = []
"""Filled by the on_rotate hook that the dictConfig test names with ext://."""


class Clock:
    """A settable wall clock for rotate_every."""

    def __init__(self, now: float) -> None:
        self.now = now

    def time(self) -> float:
        return self.now

    def monotonic(self) -> float:
        return self.now


def rec(seq: int, size: int = 40) -> EncodedRecord:
    line = b'{"n":%d,"pad":"%s"}' % (seq, b"x" * size)
    return EncodedRecord(line, 20, 6, 1_700_000_000.0, "t", "claims", "vm", "claims-api")


def segments(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if SEGMENT.match(p.name))


def lines_of(path: Path) -> list[int]:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return [int(line.split(b",")[0].split(b":")[1]) for line in data.splitlines()]


def test_size_rotation_keeps_every_line_in_order_in_bounded_segments(tmp_path: Path) -> None:
    """max_bytes: segments stay within the limit, no batch is split, and all lines survive in order."""
    path = tmp_path / "app.jsonl"
    sink = FileSink(path, max_bytes=500)
    for i in range(0, 60, 3):
        sink.write([rec(i), rec(i + 1), rec(i + 2)])
    sink.close()
    rotated = segments(tmp_path)
    assert len(rotated) >= 5
    assert all(p.stat().st_size <= 500 and len(lines_of(p)) % 3 == 0 for p in rotated)  # whole batches
    assert [n for p in [*rotated, path] for n in lines_of(p)] == list(range(60))
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in rotated)


def test_compressed_segments_are_reported_to_on_rotate(tmp_path: Path) -> None:
    """compress=True: each finished segment is gzip, 0600, no plain copy left, and on_rotate gets its path."""
    path = tmp_path / "app.jsonl"
    finished: list[str] = []
    sink = FileSink(path, max_bytes="300", compress=True, on_rotate=finished.append)
    for i in range(20):
        sink.write([rec(i)])
    rotated = segments(tmp_path)
    assert rotated and all(p.suffix == ".gz" for p in rotated)
    assert finished == [str(p) for p in rotated]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in rotated)
    assert [n for p in [*rotated, path] for n in lines_of(p)] == list(range(20))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_time_rotation_follows_the_utc_period(tmp_path: Path) -> None:
    """rotate_every='hourly': the first write of a new hour starts a new file; the old one is named by the time."""
    clock = Clock(time.mktime((2024, 1, 5, 10, 59, 59, 0, 0, 0)) - time.timezone)
    path = tmp_path / "app.jsonl"
    sink = FileSink(path, rotate_every="hourly", clock=clock)
    sink.write([rec(1)])
    clock.now += 1  # 11:00:00 UTC
    sink.write([rec(2)])
    clock.now += 60
    sink.write([rec(3)])
    [segment] = segments(tmp_path)
    assert segment.name.startswith("app.jsonl.20240105T110000")
    assert (lines_of(segment), lines_of(path)) == ([1], [2, 3])


def test_a_file_from_an_earlier_day_is_rotated_at_the_first_write(tmp_path: Path) -> None:
    """rotate_every='daily': yesterday's file left by an earlier run becomes a segment before today's first line."""
    path = tmp_path / "app.jsonl"
    path.write_bytes(rec(0).line + b"\n")
    yesterday = time.time() - 86400
    os.utime(path, (yesterday, yesterday))
    FileSink(path, rotate_every="daily").write([rec(1)])
    [segment] = segments(tmp_path)
    assert (lines_of(segment), lines_of(path)) == ([0], [1])


def test_keep_deletes_the_oldest_segments(tmp_path: Path) -> None:
    """keep=2 leaves the two newest rotated segments."""
    path = tmp_path / "app.jsonl"
    sink = FileSink(path, max_bytes=100)
    for i in range(6):
        sink.write([rec(i)])
    assert [lines_of(p) for p in segments(tmp_path)] == [[0], [1], [2], [3], [4]]
    pruned = FileSink(tmp_path / "app.jsonl", max_bytes=100, keep=2)
    pruned.write([rec(6)])
    assert [lines_of(p) for p in segments(tmp_path)] == [[4], [5]]


def test_a_failing_on_rotate_hook_never_stops_writing(tmp_path: Path) -> None:
    """on_rotate that raises is reported; the segment exists and writing goes on."""

    def broken(path: str) -> None:
        raise RuntimeError("archive down")

    path = tmp_path / "app.jsonl"
    sink = FileSink(path, max_bytes=100, on_rotate=broken)
    for i in range(3):
        sink.write([rec(i)])
    assert len(segments(tmp_path)) == 2 and lines_of(path) == [2]
    assert _diagnostics.counts()["on-rotate-failed"] == 2


def test_segments_left_by_a_crash_are_finished_at_start(tmp_path: Path) -> None:
    """A rotated segment left plain (crash before gzip) is compressed and reported; a half .gz.tmp is removed."""
    path = tmp_path / "app.jsonl"
    leftover = tmp_path / "app.jsonl.20240105T110000000000Z"
    leftover.write_bytes(rec(7).line + b"\n")
    (tmp_path / "app.jsonl.20240105T110000000000Z.gz.tmp").write_bytes(b"\x1f\x8b partial")
    finished: list[str] = []
    FileSink(path, compress=True, max_bytes=1000, on_rotate=finished.append).write([rec(8)])
    assert finished == [str(leftover) + ".gz"]
    assert lines_of(Path(finished[0])) == [7] and not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.jsonl", "app.jsonl.20240105T110000000000Z.gz"]


def test_manual_rotate_returns_the_finished_segment(tmp_path: Path) -> None:
    """rotate() closes the current file as a segment (None when it is empty)."""
    sink = FileSink(tmp_path / "app.jsonl", compress=True)
    assert sink.rotate() is None
    sink.write([rec(1)])
    finished = sink.rotate()
    assert finished is not None and lines_of(Path(finished)) == [1]


@pytest.mark.parametrize(
    ("options", "needle"),
    [
        ({"rotate_every": "weekly"}, "rotate_every must be 'hourly', 'daily' or a number"),
        ({"keep": 0}, "keep must be a positive number"),
        ({"max_bytes": "big"}, "max_bytes must be a positive number of bytes"),
        ({"on_rotate": "archive"}, "on_rotate must be callable"),
    ],
)
def test_bad_rotation_options_are_config_errors(tmp_path: Path, options: dict[str, object], needle: str) -> None:
    """Each bad rotation option is a ConfigError that says what to give."""
    with pytest.raises(ConfigError, match=needle):
        create_sink({"type": "file", "path": str(tmp_path / "app.jsonl"), **options})


def test_rotation_through_dictconfig_with_an_ext_hook(tmp_path: Path, identity_env: dict[str, str]) -> None:
    """A dictConfig file sink rotates on the worker and calls an on_rotate given as ext://."""
    ROTATED.clear()
    path = tmp_path / "app.jsonl"
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "handlers": {
                "app": {
                    "class": "hipaalog.SinkHandler",
                    "handle_sigterm": False,
                    "sinks": [
                        {
                            "type": "file",
                            "path": str(path),
                            "max_bytes": 600,
                            "compress": True,
                            "on_rotate": "ext://tests.delivery.test_sink_file.ROTATED.append",
                        }
                    ],
                }
            },
            "root": {"level": "INFO", "handlers": ["app"]},
        }
    )
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, SinkHandler)
    for i in range(10):
        logging.getLogger("claims").info("claim accepted", extra={"n": i})
        handler.flush()
    assert ROTATED and all(p.endswith(".gz") for p in ROTATED)
    records = [r for p in ROTATED for r in read_gz_jsonl(Path(p))] + read_jsonl(path)
    assert [r["n"] for r in records] == list(range(10))


def read_gz_jsonl(path: Path) -> list[dict[str, object]]:
    import orjson

    return [orjson.loads(line) for line in gzip.decompress(path.read_bytes()).splitlines()]
