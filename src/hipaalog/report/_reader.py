"""Reading audit streams: plain or gzip files, rotated segments, directories, and S3 prefixes.

Segments and streams are merged by timestamp lazily: a file is opened only when the merge
reaches its first record, so rotated segments of a long stream are read one after the other.
"""

from __future__ import annotations

import gzip
import heapq
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import orjson

from ..exceptions import ConfigError
from ._timeparse import parse_ts

__all__ = ["ReadStats", "expand_inputs", "fetch_s3_prefix", "read_merged"]

_GZIP_MAGIC = b"\x1f\x8b"
_BLOCK = 1 << 20
_NOT_SEGMENTS = (".lock", ".html", ".htm", ".md", ".txt", ".png")
_S3_URL = re.compile(r"^s3://(?P<bucket>[^/]+)/?(?P<prefix>.*)$")


@dataclass
class ReadStats:
    """What reading saw besides audit records."""

    lines: int = 0
    unreadable: int = 0
    non_audit: int = 0
    files: list[str] = field(default_factory=list)


def _blocks(path: str) -> Iterator[bytes]:
    with open(path, "rb") as raw:
        magic = raw.read(2)
        raw.seek(0)
        if magic == _GZIP_MAGIC:
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                while block := unzipped.read(_BLOCK):
                    yield block
        else:
            while block := raw.read(_BLOCK):
                yield block


def _lines(path: str) -> Iterator[bytes]:
    """The lines of a plain or gzip file, read a megabyte at a time (without their newlines)."""
    tail = b""
    for block in _blocks(path):
        lines = (tail + block).split(b"\n") if tail else block.split(b"\n")
        tail = lines.pop()
        yield from lines
    if tail:
        yield tail


def expand_inputs(specs: Sequence[str | os.PathLike[str]]) -> list[str]:
    """Files named by ``specs``: files as given, directories as their files, sorted.

    In a directory, hidden files, lock files and documents (``.html``, ``.md``, ``.txt``, ``.png``: a
    report written beside the stream) are skipped. A missing path is a ConfigError naming it.
    """
    out: list[str] = []
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            out.extend(
                str(p)
                for p in sorted(path.iterdir())
                if p.is_file() and not p.name.startswith(".") and not p.name.endswith(_NOT_SEGMENTS)
            )
        elif path.is_file():
            out.append(str(path))
        else:
            raise ConfigError(f"{spec}: no such file or directory")
    return out


def fetch_s3_prefix(url: str, directory: str | os.PathLike[str], *, endpoint_url: str | None = None) -> list[str]:
    """Download every object under ``s3://bucket/prefix`` into ``directory``; returns the local paths in key order.

    Uses boto3 (the ``s3`` extra) with its usual credential chain; ``endpoint_url`` (or the
    ``AWS_ENDPOINT_URL`` variable boto3 reads itself) points it at S3-compatible storage.
    """
    match = _S3_URL.match(url)
    if match is None:
        raise ConfigError(f"{url!r} is not an S3 URL such as s3://bucket/audit/")
    try:
        import boto3
    except ImportError:
        raise ConfigError("reading s3:// inputs needs boto3: pip install 'hipaalog[s3]'") from None
    client: Any = boto3.client("s3", endpoint_url=endpoint_url) if endpoint_url else boto3.client("s3")
    bucket, prefix = match["bucket"], match["prefix"]
    paginator = client.get_paginator("list_objects_v2")
    keys: list[str] = []
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        keys.extend(item["Key"] for item in page.get("Contents", ()) if not item["Key"].endswith("/"))
    keys.sort()
    target = Path(directory).resolve()
    paths: list[str] = []
    for key in keys:
        # keep the key's path under the prefix, so segments of one stream stay side by side
        relative = key[len(prefix) :].lstrip("/") if key.startswith(prefix) else key
        local = (target / relative).resolve()
        if target not in local.parents:
            raise ConfigError(f"s3://{bucket}/{key}: object key escapes the download directory")
        local.parent.mkdir(parents=True, exist_ok=True)
        client.download_file(bucket, key, str(local))
        paths.append(str(local))
    return paths


class LineCounts(Protocol):
    """Where reading counts the lines it saw (:class:`ReadStats`, a segment's columns)."""

    lines: int
    unreadable: int
    non_audit: int


def _records(path: str, index: int, stats: LineCounts) -> Iterator[tuple[float, int, int, dict[str, Any]]]:
    """(timestamp, file index, line number, record) of each audit record of one file."""
    loads = orjson.loads
    lineno = 0
    for raw in _lines(path):
        lineno += 1
        stats.lines += 1
        try:
            record = loads(raw)
            timestamp = parse_ts(record["timestamp"])
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            if raw.strip():
                stats.unreadable += 1
            continue
        if type(record.get("audit")) is not dict:
            stats.non_audit += 1
            continue
        yield timestamp, index, lineno, record


def read_merged(paths: Iterable[str], stats: ReadStats | None = None) -> Iterator[tuple[float, int, dict[str, Any]]]:
    """(timestamp, file index, record) of every audit record in ``paths``, in timestamp order.

    Each file is assumed to be in order already (as an audit stream is); files that overlap in
    time (several streams) are merged, files that follow each other (rotated segments) are read
    one after the other.
    """
    stats = stats if stats is not None else ReadStats()
    files = list(paths)
    stats.files = files
    starts: list[tuple[float, int]] = []
    for index, path in enumerate(files):
        probe = ReadStats()
        first = next(_records(path, index, probe), None)
        if first is not None:
            starts.append((first[0], index))
        else:  # read to the end: what it held besides audit records still counts
            stats.lines += probe.lines
            stats.unreadable += probe.unreadable
            stats.non_audit += probe.non_audit
    starts.sort()
    heap: list[tuple[float, int, int, dict[str, Any], Iterator[tuple[float, int, int, dict[str, Any]]]]] = []
    pending = 0

    def activate(upto: float) -> None:
        nonlocal pending
        while pending < len(starts) and (starts[pending][0] <= upto or not heap):
            index = starts[pending][1]
            pending += 1
            iterator = _records(files[index], index, stats)
            item = next(iterator, None)
            if item is not None:
                heapq.heappush(heap, (*item, iterator))

    while heap or pending < len(starts):
        if not heap:
            activate(starts[pending][0])
            continue
        activate(heap[0][0])
        if len(heap) == 1:
            # fast path: one file active; read it straight until the next file starts
            limit = starts[pending][0] if pending < len(starts) else float("inf")
            ts, index, _, record, iterator = heap.pop()
            yield ts, index, record
            for item in iterator:
                if item[0] >= limit:  # a tie with the next file goes through the heap: (ts, file, line) order
                    heapq.heappush(heap, (*item, iterator))
                    break
                yield item[0], index, item[3]
            continue
        ts, index, _, record, iterator = heapq.heappop(heap)
        yield ts, index, record
        following = next(iterator, None)
        if following is not None:
            heapq.heappush(heap, (*following, iterator))
