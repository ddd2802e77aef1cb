"""Trusting the verification recorded when segments were sealed, instead of re-verifying every record.

Each rotated segment of an audit stream carries a record of its verification (see
:mod:`hipaalog.audit._sealed`), authenticated with the audit key. A report over sealed segments
checks, per segment, that the record is authentic and that the segment's SHA-256 still matches it;
per stream, that the segments follow each other (seq) and that each one's first record chains
from the previous one's recorded last chain value (one HMAC per segment). Only when all of that
holds for every segment is the chain taken as verified; anything else (an active segment, a
segment without a record, a changed digest, a gap) means a full verification, and a changed
digest is named in the verdict.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..audit._sealed import SegmentRecord, _lines, file_digests, load_record
from ..integrity._names import is_checkpoints, rotated_first_seq, stream_of
from ..integrity._seal import chain_value, unseal

__all__ = ["Trust", "check_records"]


@dataclass
class Trust:
    """What the recorded verifications of a report's segments allow."""

    records: dict[str, SegmentRecord] = field(default_factory=dict)
    """Segment path -> its authentic record whose digest matches (usable for its Parquet sidecar too)."""
    trusted: bool = False
    """Every segment is vouched for and they link up: no full verification needed."""
    count: int = 0
    """Records in the trusted segments."""
    changed: list[str] = field(default_factory=list)
    """Segments whose recorded digest no longer matches (or whose record is not authentic)."""
    reason: str = ""
    """Why a full verification is needed (empty when trusted)."""

    def note(self) -> str:
        """What to say on the report's verdict."""
        if self.trusted:
            return (
                f"{self.count} record(s) in {len(self.records)} sealed segment(s) trusted from the verification "
                "recorded when they were sealed (digests match, segments chain); checkpoints were not re-read"
            )
        if self.changed:
            names = ", ".join(os.path.basename(p) for p in self.changed[:5])
            more = f" and {len(self.changed) - 5} more" if len(self.changed) > 5 else ""
            return (
                f"{len(self.changed)} segment(s) changed since their verification was recorded "
                f"(digest differs or record not authentic: {names}{more}); verified in full"
            )
        return ""


def _links(previous: SegmentRecord, path: str, record: SegmentRecord, keys: Mapping[str, bytes]) -> bool:
    """Whether ``record``'s segment follows ``previous``: next seq, first record chaining from its tail."""
    if previous.last_seq is None or record.first_seq != previous.last_seq + 1 or previous.tail is None:
        return False
    first = next(_lines(path), None)
    unsealed = unseal(first) if first is not None else None
    if unsealed is None or unsealed.seq != record.first_seq:
        return False
    key = keys.get(unsealed.key_id)
    return key is not None and chain_value(key, bytes.fromhex(previous.tail), unsealed.body) == unsealed.chain


def check_records(files: Sequence[str], keys: Mapping[str, bytes], *, partial: bool, digests: bool = True) -> Trust:
    """Look up the recorded verification of every segment in ``files`` (see the module).

    ``digests=False`` only collects the records (for their sidecars) without trusting any chain.
    """
    trust = Trust()
    segments = [f for f in files if not is_checkpoints(f)]
    missing = ""
    loaded = {path: load_record(path) for path in segments}
    recorded = [path for path, record in loaded.items() if record is not None]
    hashes = dict(zip(recorded, file_digests(recorded), strict=True))
    for path in segments:
        record = loaded[path]
        if record is None:
            missing = missing or f"{os.path.basename(path)} has no recorded verification"
            continue
        if not record.authentic(keys) or record.digest != hashes[path]:
            trust.changed.append(path)
            continue
        if not record.ok:
            missing = missing or f"{os.path.basename(path)} failed its recorded verification"
            continue
        trust.records[path] = record
    if not digests or not segments:
        trust.reason = "no segments" if not segments else "not asked"
        return trust
    if trust.changed or missing:
        trust.reason = missing or "changed segments"
        return trust
    streams: dict[str, list[str]] = {}
    for path in segments:
        streams.setdefault(stream_of(path), []).append(path)
    for paths in streams.values():
        paths.sort(key=lambda p: (rotated_first_seq(p) or 0, p))
        first = trust.records[paths[0]]
        if not partial and first.first_seq != 1:
            trust.reason = f"{os.path.basename(paths[0])} does not start its stream (use partial for a part)"
            return trust
        for before, path in itertools.pairwise(paths):
            if not _links(trust.records[before], path, trust.records[path], keys):
                trust.reason = f"{os.path.basename(path)} does not follow {os.path.basename(before)}"
                return trust
    trust.trusted = True
    trust.count = sum(r.records for r in trust.records.values())
    return trust
