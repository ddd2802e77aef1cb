"""Verifying audit streams: every record's chain value, the order, gaps, and checkpoints.

The verifier reads the segments of each stream (plain or gzip, in any order on the command
line), checks that each record chains to the one before it, and names each problem by kind and
place. It keeps about 60 bytes per record in memory and re-examines only records that do not
chain to the record read before them, so a clean stream of millions of records is one pass.
"""

from __future__ import annotations

import bisect
import hmac
import os
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

import orjson

from ..exceptions import ConfigError
from ._checkpoint import Checkpoint, load_public_key, read_checkpoint
from ._keys import load_keys, load_secret, parse_key_list
from ._names import CHECKPOINTS_SUFFIX, is_checkpoints, rotated_first_seq, stream_of
from ._reading import FileTrouble, expand_paths, first_complete_line, first_line, read_lines
from ._seal import GENESIS, unseal

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

__all__ = ["PROBLEM_KINDS", "Problem", "StreamSummary", "VerifyResult", "keys_from_env", "verify_files"]

PROBLEM_KINDS: Final = (
    "modified",
    "deleted",
    "inserted",
    "reordered",
    "truncated",
    "unverifiable",
    "checkpoints-missing",
    "checkpoints-rolled-back",
)
"""Every kind of :class:`Problem`."""

_HASH: Final = "sha256"
_ANCHORED: Final = ".anchored"


@dataclass(frozen=True, slots=True)
class Problem:
    """One place where a stream is not as it was written.

    ``kind`` is one of :data:`PROBLEM_KINDS`; ``file`` and ``line`` (1-based) say where, ``seq``
    which record (for ``deleted`` and ``truncated``: the first missing one), ``detail`` what.
    """

    kind: str
    file: str
    line: int | None
    seq: int | None
    detail: str

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {"kind": self.kind, "file": self.file, "line": self.line, "seq": self.seq, "detail": self.detail}

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        seq = f" seq {self.seq}" if self.seq is not None else ""
        return f"{where}:{seq} {self.kind}: {self.detail}"


@dataclass
class StreamSummary:
    """What was read of one stream."""

    stream: str
    records: int = 0
    first_seq: int | None = None
    last_seq: int | None = None
    checkpoints: int = 0
    files: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "stream": self.stream,
            "records": self.records,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "checkpoints": self.checkpoints,
            "files": list(self.files),
        }


@dataclass
class VerifyResult:
    """The verdict on one or more streams: ``ok`` when no problem was found."""

    records: int = 0
    problems: list[Problem] = field(default_factory=list)
    streams: list[StreamSummary] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems_omitted: int = 0
    """Problems found beyond ``max_problems`` and not listed."""

    @property
    def ok(self) -> bool:
        """True when every record verified and nothing is missing."""
        return not self.problems and not self.problems_omitted

    @property
    def checkpoints(self) -> int:
        """Authentic checkpoints read, over all streams."""
        return sum(s.checkpoints for s in self.streams)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "ok": self.ok,
            "records": self.records,
            "problems": [p.to_json() for p in self.problems],
            "problems_omitted": self.problems_omitted,
            "streams": [s.to_json() for s in self.streams],
            "warnings": list(self.warnings),
        }


def keys_from_env(environ: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """Audit keys from ``HIPAALOG_AUDIT_KEYS`` (``k1=hex:...,k2=...``) and ``HIPAALOG_AUDIT_KEY`` (+ ``_ID``)."""
    env = os.environ if environ is None else environ
    keys: dict[str, bytes] = {}
    listed = env.get("HIPAALOG_AUDIT_KEYS", "").strip()
    if listed:
        keys.update(parse_key_list(listed))
    single = env.get("HIPAALOG_AUDIT_KEY", "").strip()
    if single:
        keys[env.get("HIPAALOG_AUDIT_KEY_ID", "k1").strip() or "k1"] = load_secret(single, "HIPAALOG_AUDIT_KEY")
    return keys


def verify_files(
    paths: Iterable[str | os.PathLike[str]],
    keys: Mapping[str, str | bytes] | None = None,
    *,
    public_keys: Iterable[object] = (),
    checkpoints: Iterable[str | os.PathLike[str]] = (),
    anchors: Iterable[str | os.PathLike[str]] = (),
    partial: bool = False,
    max_problems: int = 1000,
) -> VerifyResult:
    """Verify the audit streams held by ``paths`` (segments, gzip or not, checkpoints, directories).

    Files are grouped into streams by file name and by the ``appId`` and ``microservice`` of the
    record on each segment's first line, wherever the files are: ``audit.jsonl`` and its rotated
    ``audit.<seq>.jsonl[.gz]`` of one service are one stream (so archived segments verify together
    with the local active segment), while two services' ``audit.jsonl`` in two directories are two
    streams, named ``audit.jsonl (app/service)`` when they share a file name. A segment whose
    first line is not a readable sealed record joins the stream of its name in its directory (or
    the only stream of that name). A checkpoints file
    (``audit.jsonl.checkpoints``, which names no service) belongs to the stream of its name whose
    segments, or whose active segment, are beside it; it is also found there when not given. A
    checkpoints file that could belong to several streams is not used, with a warning. Replicas of
    one microservice that write the same file name are one stream here (with a warning when both
    active segments are given): verify them in separate calls.

    Args:
        keys: key id -> audit key, every key the streams were sealed with (old ones after a
            rotation too); default: from ``HIPAALOG_AUDIT_KEYS`` / ``HIPAALOG_AUDIT_KEY``.
        public_keys: Ed25519 public keys (objects, PEM paths or bytes); when given, every
            checkpoint must carry a valid signature by one of them.
        checkpoints: further checkpoints files, for streams whose checkpoints live elsewhere
            (each joins the stream of its name, or the only stream when there is just one).
        anchors: copies of the checkpoints kept off the host (the audit stream's ``anchors``: a
            second sink's file, or ``S3Archive.download_checkpoints``), joined to streams by
            name (a trailing ``.anchored`` is ignored) or to the only stream. Their checkpoints
            count like the local ones, and a local checkpoints file that is missing
            (``checkpoints-missing``) or ends before the anchored copy
            (``checkpoints-rolled-back``) is a problem.
        partial: the files are a contiguous part of a stream: records before the first one and
            after the last one are not expected (no ``deleted`` at the start, no ``truncated``).
        max_problems: list at most this many problems (the rest are counted in ``problems_omitted``).

    Raises:
        ConfigError: no keys were given or found, or a key or public key is unusable.
    """
    key_bytes = load_keys(dict(keys)) if keys is not None else keys_from_env()
    if not key_bytes:
        raise ConfigError(
            "verifying needs the audit keys: pass keys={'k1': ...} (or --key k1=hex:... on the command line), "
            "or set HIPAALOG_AUDIT_KEYS=k1=hex:...,k2=hex:..."
        )
    publics: dict[str, Ed25519PublicKey] = {}
    for value in public_keys:
        from ._checkpoint import fingerprint

        public = load_public_key(value)
        publics[fingerprint(public)] = public
    files = expand_paths([os.fspath(p) for p in paths])
    groups, warnings = _group_streams(files, [os.fspath(p) for p in checkpoints], [os.fspath(p) for p in anchors])
    result = VerifyResult(warnings=warnings)
    for group in groups:
        stream, segments, cps = group.label, group.segments, group.checkpoints
        check = _StreamCheck(
            stream, segments, cps, keys=key_bytes, public_keys=publics, partial=partial, anchor_files=group.anchors
        )
        summary = check.run()
        result.streams.append(summary)
        result.records += summary.records
        result.warnings.extend(check.warnings)
        for problem in check.problems:
            if len(result.problems) < max_problems:
                result.problems.append(problem)
            else:
                result.problems_omitted += 1
    return result


_IDENTITY_LIMIT: Final = 1 << 20
"""Bytes read at most of a segment's first line to learn which service's stream it belongs to."""

_Identity = tuple[str, str]  # appId, microservice


@dataclass(eq=False)
class _Group:
    """The files of one stream: the name of its active segment and the service its records name."""

    name: str
    identity: _Identity | None
    segments: list[str] = field(default_factory=list)
    checkpoints: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    places: set[str] = field(default_factory=set)  # absolute directories of its segments
    actives: list[str] = field(default_factory=list)  # its segments named like an active segment
    label: str = ""

    def add(self, path: str) -> None:
        self.segments.append(path)
        self.places.add(_place(path))
        if stream_of(path) == path:
            self.actives.append(path)


_Streams = dict[tuple[str, _Identity | None], _Group]  # (file name, identity) -> the stream's files


def _name(path: str) -> str:
    return os.path.basename(stream_of(path))


def _place(path: str) -> str:
    return os.path.abspath(os.path.dirname(path))


def _identity(path: str) -> _Identity | None:
    """``(appId, microservice)`` of the sealed record on a segment's first line; ``None`` when unreadable."""
    line = first_complete_line(path, _IDENTITY_LIMIT)
    unsealed = unseal(line) if line is not None else None
    if unsealed is None:
        return None
    try:
        record = orjson.loads(unsealed.body)
    except orjson.JSONDecodeError:
        return None
    app = record.get("appId") if isinstance(record, dict) else None
    service = record.get("microservice") if isinstance(record, dict) else None
    if isinstance(app, str) and isinstance(service, str) and app and service:
        return app, service
    return None


def _join(groups: _Streams, name: str, identity: _Identity | None) -> _Group:
    key = (name, identity)
    group = groups.get(key)
    if group is None:
        group = groups[key] = _Group(name, identity)
    return group


def _owners(groups: Iterable[_Group], path: str) -> list[_Group]:
    """The streams a checkpoints file may belong to: one when that is clear.

    Those of its name with segments in its directory; among several, the one whose active
    segment is there (checkpoints are written beside it); with none there, every stream of its name.
    """
    named = [g for g in groups if g.name == _name(path)]
    place = _place(path)
    beside = [g for g in named if place in g.places]
    if len(beside) > 1:
        writers = [g for g in beside if any(_place(a) == place for a in g.actives)]
        return writers if len(writers) == 1 else beside
    return beside or named


def _group_streams(
    files: list[str], extra_checkpoints: list[str], anchors: Iterable[str] = ()
) -> tuple[list[_Group], list[str]]:
    """Sort files into streams by file name and by the ``appId``/``microservice`` their records carry.

    A segment whose first line is not a readable sealed record joins the stream of its name in
    its directory (or the only stream of its name); checkpoints files are matched by :func:`_owners`.
    Returns the streams and warnings about files that could not be matched.
    """
    warnings: list[str] = []
    seen: set[str] = set()
    groups: _Streams = {}
    unidentified: list[str] = []
    found_checkpoints: list[str] = []
    for path in files:
        real = os.path.realpath(path)
        if real in seen:
            continue
        seen.add(real)
        if is_checkpoints(path):
            found_checkpoints.append(path)
        elif (identity := _identity(path)) is not None:
            _join(groups, _name(path), identity).add(path)
        else:
            unidentified.append(path)
    homes: list[tuple[str, _Identity | None]] = []
    for path in unidentified:  # decided before any is added, so the order of the files does not matter
        named = [g for g in groups.values() if g.name == _name(path)]
        beside = [g for g in named if _place(path) in g.places]
        pick = beside or named
        homes.append((path, pick[0].identity if len(pick) == 1 else None))
    for path, identity in homes:
        _join(groups, _name(path), identity).add(path)

    def ambiguous(path: str, owners: list[_Group]) -> None:
        services = ", ".join(sorted("/".join(g.identity) if g.identity else "?" for g in owners))
        warnings.append(
            f"{path}: not used, it may belong to any of {len(owners)} streams named {_name(path)} ({services}); "
            "verify those streams in separate calls"
        )

    for path, explicit in [*((p, False) for p in found_checkpoints), *((p, True) for p in extra_checkpoints)]:
        if explicit:
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
        owners = _owners(groups.values(), path)
        if not owners and explicit and len(groups) == 1:  # kept elsewhere, under another name
            owners = list(groups.values())
        if len(owners) > 1:
            ambiguous(path, owners)
        else:
            (owners[0] if owners else _join(groups, _name(path), None)).checkpoints.append(path)
    for group in list(groups.values()):  # a stream's checkpoints file beside its segments
        if group.checkpoints:
            continue
        for directory in sorted({os.path.dirname(p) for p in group.segments}):
            for candidate in (group.name + CHECKPOINTS_SUFFIX, group.name + CHECKPOINTS_SUFFIX + ".gz"):
                full = os.path.join(directory, candidate)
                real = os.path.realpath(full)
                if real in seen or not os.path.isfile(full):
                    continue
                owners = _owners(groups.values(), full)
                if len(owners) > 1:
                    seen.add(real)
                    ambiguous(full, owners)
                elif owners and owners[0] is group:
                    seen.add(real)
                    group.checkpoints.append(full)
    for path in anchors:  # copies kept elsewhere: by name, or the only stream
        copy_of = path.removesuffix(_ANCHORED)
        owners = [g for g in groups.values() if g.name == _name(copy_of)]
        if not owners and len(groups) == 1:
            owners = list(groups.values())
        if len(owners) > 1:
            ambiguous(path, owners)
        elif owners:
            owners[0].anchors.append(path)
        else:
            warnings.append(f"{path}: not used, no stream named {_name(copy_of)} was given")
    shared = Counter(g.name for g in groups.values())
    for group in groups.values():
        group.label = group.name
        if group.identity is not None and shared[group.name] > 1:
            group.label = f"{group.name} ({group.identity[0]}/{group.identity[1]})"
        if len({_place(a) for a in group.actives}) > 1:
            warnings.append(
                f"{group.label}: active segments in several directories ({', '.join(sorted(group.actives))}) "
                "were verified as one stream; if separate processes wrote them, verify them in separate calls"
            )
    return list(groups.values()), warnings


class _StreamCheck:
    """Verification of one stream. Entries are kept in parallel arrays, indexed in read order."""

    def __init__(
        self,
        stream: str,
        segments: list[str],
        checkpoint_files: list[str],
        *,
        keys: dict[str, bytes],
        public_keys: dict[str, Ed25519PublicKey],
        partial: bool,
        anchor_files: list[str] | None = None,
    ) -> None:
        self.stream = stream
        self.segments = segments
        self.checkpoint_files = checkpoint_files
        self.anchor_files = anchor_files or []
        self.anchored: list[Checkpoint] = []
        self.keys = keys
        self.public_keys = public_keys
        self.partial = partial
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        # per entry (a line that carries a sequence number), in read order
        self.seqs = array("q")
        self.chains = bytearray()
        self.key_ix = array("i")
        self.file_ix = array("i")
        self.line_no = array("q")
        self.linked = bytearray()  # 1: chains to the entry read before it; 2: to another entry
        self.bodies: dict[int, bytes] = {}  # entries not chained to the one before (re-examined)
        self.malformed: set[int] = set()  # seq readable, seal damaged
        self.link_chain: dict[int, bytes] = {}  # entries linked out of read order: the chain they follow
        self.recomputed: dict[int, bytes] = {}  # unlinked entries: the chain value their bytes really give
        self.key_ids: list[str] = []
        self.key_list: list[bytes | None] = []
        self.file_lines: list[int] = []
        self.checkpoints: list[tuple[str, int, Checkpoint]] = []
        self.checkpoint_lines = 0
        self.flagged: dict[int, str] = {}  # entry -> kind of problem already reported
        self._run: tuple[str, str, int, int, str] | None = None  # (kind, file, first, last line, what)

    # -- helpers ------------------------------------------------------------------------------
    def _problem(self, kind: str, file: str, line: int | None, seq: int | None, detail: str) -> None:
        self.problems.append(Problem(kind, file, line, seq, detail))

    def _entry_problem(self, i: int, kind: str, detail: str) -> None:
        self.flagged[i] = kind
        self._problem(kind, self.segments[self.file_ix[i]], self.line_no[i], self.seqs[i], detail)

    def _chain(self, i: int) -> bytes:
        return bytes(self.chains[32 * i : 32 * i + 32])

    def _key_index(self, key_id: str) -> int:
        try:
            return self.key_ids.index(key_id)
        except ValueError:
            self.key_ids.append(key_id)
            self.key_list.append(self.keys.get(key_id))
            return len(self.key_ids) - 1

    def _where(self, i: int) -> str:
        return f"{os.path.basename(self.segments[self.file_ix[i]])}:{self.line_no[i]}"

    # -- the passes ---------------------------------------------------------------------------
    def run(self) -> StreamSummary:
        self._read_checkpoints()
        self._order_segments()
        for index, path in enumerate(self.segments):
            self._read_segment(index, path)
        n = len(self.seqs)
        summary = StreamSummary(self.stream, n, checkpoints=len(self.checkpoints), files=list(self.segments))
        self._report_unknown_keys()
        increasing = all(self.seqs[i] < self.seqs[i + 1] for i in range(n - 1))
        needed: set[int] = set()
        unlinked = [i for i in range(n) if not self.linked[i]]
        for i in unlinked:
            s = self.seqs[i]
            needed.update((s - 1, s, s + 1))
        if not increasing:
            needed.update(self.seqs)
        needed.update(cp.count for _, _, cp in self.checkpoints)
        by_seq: dict[int, list[int]] = defaultdict(list)
        if needed:
            for i, s in enumerate(self.seqs):
                if s in needed:
                    by_seq[s].append(i)
        self._relink(unlinked, by_seq)
        self._classify(unlinked, by_seq)
        if not increasing:
            self._duplicates(by_seq)
            self._reordered()
        present = self._gaps(increasing)
        self._check_checkpoints(by_seq, present)
        if present:
            summary.first_seq, summary.last_seq = present[0], present[1]
        if not self.checkpoint_lines and not self.partial:
            self.warnings.append(
                f"{self.stream}: no checkpoints found, so records cut off at the end cannot be detected"
            )
        order = {path: k for k, path in enumerate(self.segments)}
        self.problems.sort(key=lambda p: (order.get(p.file, len(order)), p.line or 0))
        return summary

    def _read_checkpoints(self) -> None:
        signed_seen = False
        local_lines = 0
        for path in [*self.checkpoint_files, *self.anchor_files]:
            anchored = path in self.anchor_files
            for item in read_lines(path):
                if isinstance(item, FileTrouble):
                    self._problem(item.kind, path, item.line, None, item.detail)
                    break
                number, line, _ = item
                if not line.strip():
                    continue
                self.checkpoint_lines += 1
                local_lines += 0 if anchored else 1
                signed_seen = signed_seen or b',"sig":"' in line
                cp, kind, detail = read_checkpoint(line, self.keys, self.public_keys)
                if cp is None:
                    self._problem(kind, path, number, None, detail)
                else:
                    self.checkpoints.append((path, number, cp))
                    if anchored:
                        self.anchored.append(cp)
        self._compare_anchored(local_lines)
        if signed_seen and not self.public_keys:
            self.warnings.append(f"{self.stream}: checkpoint signatures were not checked (no public key given)")

    def _compare_anchored(self, local_lines: int) -> None:
        """With checkpoints anchored off the host, the local checkpoints file must hold them all."""
        if not self.anchored:
            return
        top = max(cp.count for cp in self.anchored)
        local = max((cp.count for path, _, cp in self.checkpoints if path not in self.anchor_files), default=0)
        where = self.checkpoint_files[0] if self.checkpoint_files else self.anchor_files[0]
        if not local_lines:
            self._problem(
                "checkpoints-missing",
                where,
                None,
                None,
                f"no local checkpoints, but {len(self.anchored)} are anchored off the host (the latest counts {top} "
                "records): the local checkpoints file was removed or emptied",
            )
        elif local < top:
            self._problem(
                "checkpoints-rolled-back",
                where,
                None,
                local + 1,
                f"the local checkpoints end at a count of {local} records, the anchored copy at {top}: the local "
                "checkpoints file was rolled back or cut",
            )

    def _order_segments(self) -> None:
        def first_seq(path: str) -> tuple[int, str]:
            line = first_line(path)
            unsealed = unseal(line) if line is not None else None
            if unsealed is not None:
                return unsealed.seq, path
            named = rotated_first_seq(path)
            return (named if named is not None else 2**62), path

        self.segments.sort(key=first_seq)

    def _read_segment(self, file_index: int, path: str) -> None:
        lines = 0
        for item in read_lines(path):
            if isinstance(item, FileTrouble):
                self._flush_run()
                self._problem(item.kind, path, item.line, None, item.detail)
                break
            number, line, complete = item
            lines = number
            unsealed = unseal(line)
            if unsealed is None:
                self._unsealed_line(file_index, path, number, line, complete)
                continue
            self._flush_run()
            i = len(self.seqs)
            kix = self._key_index(unsealed.key_id)
            self.seqs.append(unsealed.seq)
            self.chains += unsealed.chain
            self.key_ix.append(kix)
            self.file_ix.append(file_index)
            self.line_no.append(number)
            key = self.key_list[kix]
            previous: bytes | None = None
            if i == 0:
                previous = GENESIS if unsealed.seq == 1 else None
            elif self.seqs[i - 1] + 1 == unsealed.seq:
                previous = self._chain(i - 1)
            ok = (
                key is not None
                and previous is not None
                and hmac.compare_digest(hmac.digest(key, previous + unsealed.body, _HASH), unsealed.chain)
            )
            self.linked.append(1 if ok else 0)
            if not ok and key is not None:
                self.bodies[i] = unsealed.body
        self._flush_run()
        self.file_lines.append(lines)

    def _unsealed_line(self, file_index: int, path: str, number: int, line: bytes, complete: bool) -> None:
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            value = None
        seq = value.get("seq") if isinstance(value, dict) else None
        if type(seq) is int and seq > 0:
            self._flush_run()
            i = len(self.seqs)
            self.seqs.append(seq)
            self.chains += bytes(32)
            self.key_ix.append(self._key_index(str(value.get("key_id", "")) or "?") if isinstance(value, dict) else -1)
            self.file_ix.append(file_index)
            self.line_no.append(number)
            self.linked.append(0)
            self.malformed.add(i)
            return
        if not complete:
            self._flush_run()
            self._problem("truncated", path, number, None, "the last line is incomplete (a write was cut off)")
        elif isinstance(value, dict):
            self._line_run("inserted", path, number, "JSON without seq/chain, not sealed by the stream")
        else:
            self._line_run("modified", path, number, "not a sealed JSON record")

    def _line_run(self, kind: str, path: str, number: int, what: str) -> None:
        """Note a line that is not a record; consecutive ones of one kind become one problem."""
        run = self._run
        if run is not None and run[0] == kind and run[1] == path and run[3] + 1 == number:
            self._run = (kind, path, run[2], number, what)
            return
        self._flush_run()
        self._run = (kind, path, number, number, what)

    def _flush_run(self) -> None:
        if self._run is not None:
            kind, path, start, end, what = self._run
            lines = f"line {start}" if start == end else f"lines {start}-{end} ({end - start + 1})"
            self._problem(kind, path, start, None, f"{lines}: {what}")
            self._run = None

    def _report_unknown_keys(self) -> None:
        run_start = -1
        for i in range(len(self.seqs) + 1):
            unknown = i < len(self.seqs) and self.key_list[self.key_ix[i]] is None and i not in self.malformed
            if unknown and run_start < 0:
                run_start = i
            elif not unknown and run_start >= 0:
                first, last = self.seqs[run_start], self.seqs[i - 1]
                key_id = self.key_ids[self.key_ix[run_start]]
                count = i - run_start
                self._problem(
                    "unverifiable",
                    self.segments[self.file_ix[run_start]],
                    self.line_no[run_start],
                    first,
                    f"{count} record(s), seq {first}-{last}, are sealed with key {key_id!r}, which was not given",
                )
                for j in range(run_start, i):
                    self.flagged[j] = "unverifiable"
                run_start = -1

    def _relink(self, unlinked: list[int], by_seq: dict[int, list[int]]) -> None:
        """Try entries that did not chain to the one read before them against every candidate.

        Candidates are the stated chain values of every entry one seq lower and, for an entry
        whose own chain field was altered, the value its bytes really chain to (so that only the
        altered record is reported, not its successor as well).
        """
        recomputed = self.recomputed
        for i in sorted(unlinked, key=lambda k: self.seqs[k]):
            body = self.bodies.get(i)
            if body is None:
                continue
            key = self.key_list[self.key_ix[i]]
            assert key is not None
            s = self.seqs[i]
            chain = self._chain(i)
            candidates: list[bytes] = []
            if s == 1:
                candidates.append(GENESIS)
            for p in by_seq.get(s - 1, ()):
                candidates.append(self._chain(p))
                if p in recomputed:
                    candidates.append(recomputed[p])
            for previous in candidates:
                value = hmac.digest(key, previous + body, _HASH)
                if hmac.compare_digest(value, chain):
                    self.linked[i] = 2
                    self.link_chain[i] = previous
                    break
            else:
                if candidates:
                    recomputed[i] = hmac.digest(key, candidates[0] + body, _HASH)

    def _followed_chain(self, n: int) -> bytes | None:
        if self.linked[n] == 1:
            return GENESIS if n == 0 else self._chain(n - 1)
        return self.link_chain.get(n)

    def _vouched(self, i: int, by_seq: dict[int, list[int]]) -> str:
        """Who confirms the chain value of entry ``i``: ``"seq N"``, ``"a checkpoint"`` or ``""``."""
        s, chain = self.seqs[i], self._chain(i)
        for n in by_seq.get(s + 1, ()):
            if self._followed_chain(n) == chain:
                return f"record seq {s + 1}"
        for _, _, cp in self.checkpoints:
            if cp.count == s and cp.head == chain:
                return f"the checkpoint of {cp.time}"
        return ""

    def _classify(self, unlinked: list[int], by_seq: dict[int, list[int]]) -> None:
        for i in unlinked:
            if self.linked[i] or i in self.flagged:
                continue
            s = self.seqs[i]
            if s > 1 and not by_seq.get(s - 1):
                continue  # its predecessor is missing: reported as deleted
            others = [j for j in by_seq.get(s, ()) if j != i]
            if any(self.linked[j] for j in others):
                self._entry_problem(i, "inserted", f"a second record claims seq {s}; the genuine one is elsewhere")
                continue
            if i in self.malformed:
                self._entry_problem(i, "modified", "the integrity fields (seq, key_id, chain) were altered")
                continue
            voucher = self._vouched(i, by_seq)
            true_chain = self.recomputed.get(i)
            if true_chain is not None and any(self.link_chain.get(n) == true_chain for n in by_seq.get(s + 1, ())):
                self._entry_problem(
                    i, "modified", "its chain value was altered (the record after it chains to its bytes)"
                )
            elif voucher:
                self._entry_problem(
                    i,
                    "modified",
                    f"the record's bytes changed: its chain value, confirmed by {voucher}, no longer matches",
                )
            else:
                self._entry_problem(i, "modified", f"the record does not chain to seq {s - 1} (altered or forged)")

    def _duplicates(self, by_seq: dict[int, list[int]]) -> None:
        for s, entries in by_seq.items():
            genuine = [i for i in entries if self.linked[i] and i not in self.flagged]
            for i in genuine[1:]:
                self._entry_problem(i, "inserted", f"a copy of the record seq {s} at {self._where(genuine[0])}")

    def _reordered(self) -> None:
        """Entries outside a longest increasing run of sequence numbers (in read order) were moved."""
        candidates = [i for i in range(len(self.seqs)) if i not in self.flagged]
        tails: list[int] = []  # smallest tail seq of an increasing run of each length
        tail_ix: list[int] = []
        parent: dict[int, int] = {}
        for i in candidates:
            s = self.seqs[i]
            k = bisect.bisect_left(tails, s)
            if k > 0:
                parent[i] = tail_ix[k - 1]
            if k == len(tails):
                tails.append(s)
                tail_ix.append(i)
            else:
                tails[k] = s
                tail_ix[k] = i
        keep: set[int] = set()
        cursor = tail_ix[-1] if tail_ix else None
        while cursor is not None:
            keep.add(cursor)
            cursor = parent.get(cursor)
        highest = -1
        for i in candidates:
            if i in keep:
                highest = max(highest, self.seqs[i])
            else:
                self._entry_problem(
                    i, "reordered", f"seq {self.seqs[i]} is out of place (it belongs before seq {highest})"
                )

    def _gaps(self, increasing: bool) -> tuple[int, int] | tuple[()]:
        """Report missing sequence numbers; return (first, last) present."""
        kept = [i for i in range(len(self.seqs)) if self.flagged.get(i) != "inserted"]
        if not kept:
            return ()
        order = kept if increasing else sorted(kept, key=lambda i: self.seqs[i])
        first = self.seqs[order[0]]
        expected = first if self.partial else 1
        for i in order:
            s = self.seqs[i]
            if s > expected:
                missing = s - expected
                span = f"seq {expected}" if missing == 1 else f"seq {expected}-{s - 1}"
                self._problem(
                    "deleted",
                    self.segments[self.file_ix[i]],
                    self.line_no[i],
                    expected,
                    f"{missing} record(s) missing before this one: {span}",
                )
            expected = max(expected, s + 1)
        return first, expected - 1

    def _check_checkpoints(self, by_seq: dict[int, list[int]], present: tuple[int, int] | tuple[()]) -> None:
        last = present[1] if present else 0
        latest: tuple[str, int, Checkpoint] | None = None
        for entry in self.checkpoints:
            cp = entry[2]
            if latest is None or cp.count > latest[2].count:
                latest = entry
            if cp.count == 0 or cp.count > last:
                continue
            genuine = [i for i in by_seq.get(cp.count, ()) if self.flagged.get(i) != "inserted"]
            if genuine and all(self._chain(i) != cp.head for i in genuine):
                i = genuine[0]
                if i not in self.flagged:
                    self._entry_problem(i, "modified", f"its chain value differs from the checkpoint of {cp.time}")
        if latest is not None and latest[2].count > last and not self.partial:
            cp = latest[2]
            last_file = self.segments[-1] if self.segments else latest[0]
            line = (self.file_lines[-1] + 1) if self.segments else None
            missing = cp.count - last
            self._problem(
                "truncated",
                last_file,
                line,
                last + 1,
                f"the checkpoint of {cp.time} counts {cp.count} records but the stream ends at seq {last}: "
                f"{missing} record(s) cut off",
            )
