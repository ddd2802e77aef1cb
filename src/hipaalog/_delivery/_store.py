"""One spill directory owned by this process: append-only segments, a read cursor, a lock.

Layout of a store directory (created ``0700``, files ``0600``)::

    lock               flock()ed by the owning process for as long as it lives
    cursor             "<segment> <offset>": where reading resumes (absent when nothing is unread)
    000000000001.seg   frames (see ``_codec``), appended in order; a new segment every 4 MiB
                       and after every restart, so a torn tail never sits in front of new data

The lock dies with the process (even on SIGKILL), which is how a restarted process knows that a
store with unread records is an orphan it may adopt.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence

from .._encoded import EncodedRecord
from ._codec import HEADER_SIZE, MAX_FRAME, decode, encode_frames, frame_length

__all__ = ["SEGMENT_BYTES", "Position", "SpillStore"]

SEGMENT_BYTES = 4 * 1024 * 1024
_SUFFIX = ".seg"
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

Position = tuple[int, int]
"""``(segment number, byte offset)``."""


class SpillStore:
    """Segments of one directory, read in the order they were written. Not thread-safe: the
    owning :class:`~hipaalog._delivery._spill.Spill` serializes every call."""

    def __init__(self, path: str, lock_fd: int, *, fsync: bool) -> None:
        self.path = path
        self.fsync = fsync
        self._lock_fd: int | None = lock_fd
        self._segments: list[int] = []
        self._sizes: dict[int, int] = {}
        self._ends: dict[int, int] = {}  # valid end of segments with a damaged tail
        self._cursor: Position = (1, 0)
        self._next_seq = 1
        self._wfd: int | None = None
        self._wseq: int | None = None
        self.records = 0
        """Records written and not yet acknowledged."""
        self.damaged_bytes = 0
        """Bytes found unreadable (torn writes of a crashed process) when the store was opened."""

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def try_open(cls, path: str, *, fsync: bool) -> SpillStore | None:
        """The store at ``path`` (created if missing), or ``None`` if another process owns it."""
        import fcntl  # POSIX only; the handler turns ImportError into a ConfigError

        os.makedirs(path, mode=0o700, exist_ok=True)
        fd = os.open(os.path.join(path, "lock"), os.O_RDWR | os.O_CREAT | _CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        store = cls(path, fd, fsync=fsync)
        try:
            store._load()
        except BaseException:
            store.close()
            raise
        return store

    def _seg_path(self, seq: int) -> str:
        return os.path.join(self.path, f"{seq:012d}{_SUFFIX}")

    def _load(self) -> None:
        names = os.listdir(self.path)
        segments = sorted(
            int(n[: -len(_SUFFIX)]) for n in names if n.endswith(_SUFFIX) and n[: -len(_SUFFIX)].isdigit()
        )
        cursor = self._read_cursor()
        if cursor is not None:
            for seq in [s for s in segments if s < cursor[0]]:
                self._unlink(seq)
            segments = [s for s in segments if s >= cursor[0]]
            if not segments or segments[0] != cursor[0]:
                cursor = None
        self._segments = segments
        self._sizes = {seq: os.stat(self._seg_path(seq)).st_size for seq in segments}
        self._next_seq = segments[-1] + 1 if segments else 1
        self._cursor = cursor or ((segments[0], 0) if segments else (self._next_seq, 0))
        for seq in segments:
            start = self._cursor[1] if seq == self._cursor[0] else 0
            count, end, damaged = self._scan(seq, start, None)
            self.records += count
            if damaged:
                self._ends[seq] = end
                self.damaged_bytes += self._sizes[seq] - end

    def _read_cursor(self) -> Position | None:
        try:
            with open(os.path.join(self.path, "cursor"), encoding="ascii") as f:
                seq, offset = f.read().split()
            return int(seq), int(offset)
        except (OSError, ValueError):
            return None

    # -- reading ---------------------------------------------------------------------------------
    def _scan(self, seq: int, offset: int, limit: int | None) -> tuple[int, int, bool]:
        """Count valid frames from ``offset``: ``(count, end offset, damaged)``."""
        return self._frames(seq, offset, limit, None)

    def _frames(
        self, seq: int, offset: int, limit: int | None, out: list[EncodedRecord] | None
    ) -> tuple[int, int, bool]:
        """Walk frames from ``offset`` (appending records to ``out`` if given): ``(count, end, damaged)``."""
        count = 0
        with open(self._seg_path(seq), "rb") as f:
            f.seek(offset)
            while limit is None or count < limit:
                header = f.read(HEADER_SIZE)
                if not header:
                    return count, offset, False
                if len(header) < HEADER_SIZE:
                    return count, offset, True
                length, crc = frame_length(header)
                payload = f.read(length) if length <= MAX_FRAME else b""
                record = decode(payload, crc) if len(payload) == length else None
                if record is None:
                    return count, offset, True
                if out is not None:
                    out.append(record)
                count += 1
                offset += HEADER_SIZE + length
        return count, offset, False

    def _end(self, seq: int) -> int:
        return self._ends.get(seq, self._sizes.get(seq, 0))

    def read(self, limit: int) -> tuple[list[EncodedRecord], Position]:
        """Up to ``limit`` unread records in order, and the position just after them."""
        out: list[EncodedRecord] = []
        seq, offset = self._cursor
        while len(out) < limit:
            if seq not in self._sizes or offset >= self._end(seq):
                later = [s for s in self._segments if s > seq]
                if not later:
                    break
                seq, offset = later[0], 0
                continue
            count, offset, damaged = self._frames(seq, offset, limit - len(out), out)
            if damaged or (count == 0 and offset < self._end(seq)):
                self._ends[seq] = offset  # damaged after opening (disk trouble): skip the rest of it
        return out, (seq, offset)

    def ack(self, position: Position, count: int) -> None:
        """Forget everything before ``position`` (``count`` records were read up to it)."""
        seq, offset = position
        self.records = max(0, self.records - count)
        for old in [s for s in self._segments if s < seq]:
            self._unlink(old)
        if seq in self._sizes and offset >= self._end(seq) and (seq != self._wseq or self.records == 0):
            if seq == self._wseq:
                self._close_writer()
            self._unlink(seq)
            later = [s for s in self._segments if s > seq]
            seq, offset = (later[0], 0) if later else (self._next_seq, 0)
        self._cursor = (seq, offset)
        if not self._segments:
            self.records = 0
            with contextlib.suppress(FileNotFoundError):
                os.unlink(os.path.join(self.path, "cursor"))
            return
        tmp = os.path.join(self.path, "cursor.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _CLOEXEC, 0o600)
        try:
            os.write(fd, f"{seq} {offset}\n".encode("ascii"))
        finally:
            os.close(fd)
        os.replace(tmp, os.path.join(self.path, "cursor"))

    def discard(self) -> None:
        """Delete every segment and the cursor (when nothing readable is left in them)."""
        self._close_writer()
        for seq in list(self._segments):
            self._unlink(seq)
        self.records = 0
        self._cursor = (self._next_seq, 0)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(self.path, "cursor"))

    # -- writing ---------------------------------------------------------------------------------
    @property
    def size(self) -> int:
        """Bytes of segment files on disk."""
        return sum(self._sizes.values())

    def append(self, records: Sequence[EncodedRecord], data: bytes | None = None) -> None:
        """Append ``records`` (``data`` is their frames, if already encoded); fsync if configured."""
        data = encode_frames(records) if data is None else data
        if self._wfd is None:
            seq = self._next_seq
            self._wfd = os.open(
                self._seg_path(seq), os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | _CLOEXEC, 0o600
            )
            self._next_seq, self._wseq = seq + 1, seq
            self._segments.append(seq)
            self._sizes[seq] = 0
            if self.fsync:
                self._fsync_dir()
        assert self._wseq is not None
        before = self._sizes[self._wseq]
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._wfd, view) :]
            if self.fsync:
                os.fsync(self._wfd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(self._wfd, before)  # never leave half a frame in front of later ones
            self._close_writer()
            raise
        self._sizes[self._wseq] = before + len(data)
        self.records += len(records)
        if before + len(data) >= SEGMENT_BYTES:
            self._close_writer()

    def _fsync_dir(self) -> None:
        fd = os.open(self.path, os.O_RDONLY | _CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _close_writer(self) -> None:
        if self._wfd is not None:
            with contextlib.suppress(OSError):
                os.close(self._wfd)
        self._wfd = self._wseq = None

    def _unlink(self, seq: int) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._seg_path(seq))
        if seq in self._segments:
            self._segments.remove(seq)
        self._sizes.pop(seq, None)
        self._ends.pop(seq, None)

    # -- closing ---------------------------------------------------------------------------------
    def close(self) -> None:
        """Close files and release the lock (another process may then adopt what is left)."""
        self._close_writer()
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._lock_fd)
            self._lock_fd = None

    def forget(self) -> None:
        """In a forked child: drop the inherited descriptors; the parent keeps its lock."""
        self.close()
