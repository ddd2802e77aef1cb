"""Writing a synthetic clinic as a real sealed audit stream: HMAC chain, checkpoints, rotated segments.

The live :class:`hipaalog.audit.AuditStream` stamps each record with the current time, so weeks of
history cannot go through it; this writer uses the same pieces instead (the integrity module's
:class:`~hipaalog.integrity.Sealer`, its checkpoint lines and its segment names), so that
``hipaalog verify`` and ``hipaalog report`` check the result exactly as they check a live stream.
"""

from __future__ import annotations

import gzip
import os
import shutil
from dataclasses import dataclass, field
from typing import IO

import orjson

from ..integrity import Sealer, checkpoints_path, rotated_name
from ..integrity._checkpoint import make_checkpoint
from ._clinic import Clinic, Incident

__all__ = ["WrittenStream", "write_stream"]

_CHECKPOINT_EVERY = 1000
"""As the live stream's default: a checkpoint at least every this many records."""


@dataclass
class WrittenStream:
    """Where a synthetic stream went and what it holds."""

    paths: list[str]
    """Segments in order: rotated ones (oldest first), then the active one."""
    records: int
    incidents: list[Incident] = field(default_factory=list)
    key_id: str = "k1"
    checkpoints: str = ""
    """The checkpoints file."""


def _rotate(active: str, first_seq: int, compress: bool) -> str:
    target = rotated_name(active, first_seq)
    os.replace(active, target)
    if not compress:
        return target
    with open(target, "rb") as src, gzip.open(target + ".gz", "wb", compresslevel=5) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    os.remove(target)
    return target + ".gz"


class _Checkpoints:
    def __init__(self, path: str, key: bytes, key_id: str) -> None:
        self.file: IO[bytes] = open(path, "wb")  # noqa: SIM115 - closed by close()
        self.key = key
        self.key_id = key_id

    def write(self, sealer: Sealer, when: str, segment: str) -> None:
        line = make_checkpoint(
            count=sealer.seq, head=sealer.head, time=when, key_id=self.key_id, key=self.key, segment=segment
        )
        self.file.write(line + b"\n")

    def close(self) -> None:
        self.file.close()


def write_stream(
    clinic: Clinic,
    path: str | os.PathLike[str],
    *,
    key: bytes,
    key_id: str = "k1",
    segment_records: int | None = None,
    compress: bool = False,
    limit: int | None = None,
) -> WrittenStream:
    """Write every record of ``clinic`` to the audit stream whose active segment is ``path``.

    Each line is sealed with the integrity chain exactly as a live audit stream seals it (``seq``
    from 1, ``key_id``, ``chain``), and checkpoints go to ``<path>.checkpoints`` every 1000
    records, at each rotation and at the end. With ``segment_records``, segments are rotated
    after that many records and named as the audit stream names them (``audit.<first
    seq>.jsonl``, gzip-compressed with ``compress``). The incidents' ``seqs`` are filled in on the
    way. ``limit`` stops after that many records.
    """
    active = os.fspath(path)
    directory = os.path.dirname(active)
    if directory:
        os.makedirs(directory, exist_ok=True)
    sealer = Sealer(key, key_id)
    checkpoints = _Checkpoints(checkpoints_path(active), key, key_id)
    dumps = orjson.dumps
    paths: list[str] = []
    in_segment = 0
    first_seq = 1
    when = ""
    out = open(active, "wb", buffering=1 << 20)  # noqa: SIM115 - closed and reopened at each rotation
    try:
        for record, incident in clinic.records():
            if limit is not None and sealer.seq >= limit:
                break
            if segment_records and in_segment >= segment_records:
                out.close()
                rotated = _rotate(active, first_seq, compress)
                checkpoints.write(sealer, when, os.path.basename(rotated).removesuffix(".gz"))
                paths.append(rotated)
                out = open(active, "wb", buffering=1 << 20)  # noqa: SIM115
                in_segment = 0
            sealed = sealer.seal(dumps(record))
            if in_segment == 0:
                first_seq = sealed.seq
            out.write(sealed.line + b"\n")
            in_segment += 1
            when = record["timestamp"]
            if sealed.seq % _CHECKPOINT_EVERY == 0:
                checkpoints.write(sealer, when, os.path.basename(active))
            if incident is not None:
                clinic.incidents[incident].seqs.append(sealed.seq)
        if sealer.seq % _CHECKPOINT_EVERY:
            checkpoints.write(sealer, when, os.path.basename(active))
    finally:
        out.close()
        checkpoints.close()
    paths.append(active)
    return WrittenStream(paths, sealer.seq, list(clinic.incidents), key_id, checkpoints_path(active))
