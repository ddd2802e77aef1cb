"""A rotated segment's verification, recorded when it is sealed, so a report need not re-verify it.

When the stream rotates a segment it reads it back once: every line must be sealed, the sequence
numbers must follow each other and every record after the first must chain from the one before.
The result goes beside the segment as a hidden JSON file (:func:`record_path`): the segment's
SHA-256, its first and last seq, the chain values of its first and last records, the record count
and when it was checked, authenticated with the audit key. With ``duckdb`` installed (the
``report`` extra) the columns the report's rules read are also written, as a Parquet sidecar
(:func:`columns_path`). A report trusts a record only while the segment's digest still matches it.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..integrity._seal import GENESIS, chain_value, unseal

__all__ = [
    "SegmentRecord",
    "columns_path",
    "file_digest",
    "file_digests",
    "load_record",
    "record_path",
    "record_segment",
    "rollup_path",
]

_VERSION = 1
_BLOCK = 1 << 20


def record_path(segment: str) -> str:
    """Where the verification record of ``segment`` is kept (hidden, beside it)."""
    directory, name = os.path.split(segment)
    return os.path.join(directory, f".{name}.verified.json")


def columns_path(segment: str) -> str:
    """Where the Parquet sidecar of ``segment`` is kept (hidden, beside it)."""
    directory, name = os.path.split(segment)
    return os.path.join(directory, f".{name}.columns.parquet")


def rollup_path(segment: str) -> str:
    """Where the rollup of ``segment``'s touches of a patient is kept (hidden, beside it)."""
    directory, name = os.path.split(segment)
    return os.path.join(directory, f".{name}.rollup.parquet")


def file_digest(path: str) -> str:
    """SHA-256 of the file's bytes as stored (hex)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


_DIGEST_THREADS = 4
"""Files hashed at once by :func:`file_digests` at most (SHA-256 lets go of the GIL while it hashes a block)."""


def file_digests(paths: Sequence[str]) -> list[str]:
    """:func:`file_digest` of each of ``paths``, in order, several files at a time (one per usable core, up to
    :data:`_DIGEST_THREADS`): a report over many sealed segments hashes each one and its columns."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    threads = min(_DIGEST_THREADS, cores, len(paths))
    if threads < 2:
        return [file_digest(path) for path in paths]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(threads, thread_name_prefix="hipaalog-digest") as pool:
        return list(pool.map(file_digest, paths))


@dataclass
class SegmentRecord:
    """The recorded verification of one sealed segment."""

    segment: str
    """The segment's file name (no directory)."""
    digest: str
    records: int
    first_seq: int | None
    last_seq: int | None
    head: str | None
    """Chain value (hex) of the first record."""
    tail: str | None
    """Chain value (hex) of the last record: the next segment's first record chains from it."""
    key_id: str | None
    ok: bool
    problem: str | None
    verified_at: float
    columns: dict[str, Any] | None = None
    """The Parquet sidecar: its file name, SHA-256, the stream name and what reading saw."""
    version: int = _VERSION
    mac: str = field(default="", compare=False)

    def body(self) -> bytes:
        """The bytes the MAC covers (every field but the MAC, canonical JSON)."""
        data = asdict(self)
        data.pop("mac")
        return json.dumps(data, sort_keys=True, separators=(",", ":")).encode()

    def sign(self, key: bytes) -> None:
        self.mac = hmac.new(key, self.body(), "sha256").hexdigest()

    def authentic(self, keys: Mapping[str, bytes]) -> bool:
        """Whether the MAC was made with the key this record names (so the record was not forged)."""
        key = keys.get(self.key_id or "")
        if key is None:
            return False
        return hmac.compare_digest(self.mac, hmac.new(key, self.body(), "sha256").hexdigest())


def _lines(path: str) -> Iterator[bytes]:
    with open(path, "rb") as raw:
        gz = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        stream: Any = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw
        for line in stream:
            line = line.rstrip(b"\n")
            if line:
                yield line


def _verify(
    path: str, keys: Mapping[str, bytes]
) -> tuple[int, int | None, int | None, str | None, str | None, str | None]:
    """(records, first seq, last seq, head, tail, problem) of the segment's chain."""
    count = 0
    first = last = None
    head: bytes | None = None
    previous: bytes | None = None
    for number, line in enumerate(_lines(path), 1):
        unsealed = unseal(line)
        if unsealed is None:
            return count, first, last, _hex(head), _hex(previous), f"line {number} is not a sealed record"
        key = keys.get(unsealed.key_id)
        if key is None:
            return count, first, last, _hex(head), _hex(previous), f"line {number}: unknown key id {unsealed.key_id}"
        if previous is None:
            if unsealed.seq == 1 and chain_value(key, GENESIS, unsealed.body) != unsealed.chain:
                return count, first, last, None, None, "line 1 (seq 1) does not chain from the start of the stream"
            head = unsealed.chain
            first = unsealed.seq
        else:
            if last is not None and unsealed.seq != last + 1:
                return count, first, last, _hex(head), _hex(previous), f"line {number}: seq {unsealed.seq} after {last}"
            if chain_value(key, previous, unsealed.body) != unsealed.chain:
                return count, first, last, _hex(head), _hex(previous), f"line {number}: chain broken"
        previous = unsealed.chain
        last = unsealed.seq
        count += 1
    return count, first, last, _hex(head), _hex(previous), None


def _hex(value: bytes | None) -> str | None:
    return value.hex() if value is not None else None


def _write_json(path: str, data: bytes) -> None:
    temporary = os.path.join(os.path.dirname(path), f"{os.path.basename(path)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o600)
    with open(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temporary, path)


def _columns(path: str) -> dict[str, Any] | None:
    """Write the Parquet sidecar when the report extra is installed; what the record says of it."""
    try:
        from ..report._columns import segment_parquet
        from ..report._duck import EngineSettings, duckdb_available
    except ImportError:  # pragma: no cover - the report package ships with hipaalog
        return None
    if not duckdb_available():
        return None
    target = columns_path(path)
    columns = segment_parquet(path, target, EngineSettings(memory_limit="512MB", threads=1))  # beside the app: one core
    os.chmod(target, 0o600)
    return {
        "rollup": _rollup(path, target),
        "file": os.path.basename(target),
        "digest": file_digest(target),
        "stream": columns.stream,
        "lines": columns.lines,
        "unreadable": columns.unreadable,
        "non_audit": columns.non_audit,
        "ordered": columns.ordered,
        "rows": columns.rows,
    }


def _rollup(path: str, columns: str) -> dict[str, Any] | None:
    """Write the rollup of the segment's touches from its columns; what the record says of it (None when DuckDB
    failed: a report then groups the touches themselves)."""
    import duckdb

    from ..report._rollup import write_rollup

    target = rollup_path(path)
    try:
        written = write_rollup(columns, target)
    except (duckdb.Error, OSError):
        return None
    os.chmod(target, 0o600)
    return {**written, "digest": file_digest(target)}


def record_segment(path: str, key_id: str, keys: Mapping[str, bytes], *, columns: bool = True) -> SegmentRecord:
    """Verify ``path`` (a sealed, rotated segment), write its record (and Parquet sidecar); return the record.

    ``key_id`` names the key the record is authenticated with; ``keys`` are every key the segment may use.
    """
    records, first, last, head, tail, problem = _verify(path, keys)
    record = SegmentRecord(
        segment=os.path.basename(path),
        digest=file_digest(path),
        records=records,
        first_seq=first,
        last_seq=last,
        head=head,
        tail=tail,
        key_id=key_id,
        ok=problem is None,
        problem=problem,
        verified_at=time.time(),
        columns=_columns(path) if columns and problem is None else None,
    )
    record.sign(keys[key_id])
    data = asdict(record)
    _write_json(record_path(path), json.dumps(data, sort_keys=True, indent=1).encode() + b"\n")
    return record


def load_record(segment: str) -> SegmentRecord | None:
    """The recorded verification of ``segment``, or None when there is none (or it cannot be read)."""
    try:
        with open(record_path(segment), "rb") as fh:
            data = json.loads(fh.read())
        if not isinstance(data, dict) or data.get("version") != _VERSION:
            return None
        return SegmentRecord(**data)
    except (OSError, ValueError, TypeError):
        return None
