"""The active segment of an audit stream: durable appends, a torn tail cut at start, rotation.

Lines are appended with one ``write`` each and, by default, ``fsync``-ed before the call returns.
A write that fails part-way is cut back, so the file never holds half a record; a half record
left by a crash (power loss, SIGKILL mid-write) is cut when the stream is opened again.
"""

from __future__ import annotations

import calendar
import os
import re
import time
from typing import Final

from .. import _diagnostics
from ..integrity._names import rotated_name
from ..integrity._seal import unseal

__all__ = ["SegmentWriter", "cut_torn_tail", "fsync_dir", "tail_line"]

_TIMESTAMP: Final = re.compile(rb'"timestamp":"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})')
_TAIL_READ: Final = 65_536


def fsync_dir(directory: str) -> None:
    """Make a rename or a new file in ``directory`` durable (best effort where unsupported)."""
    try:
        fd = os.open(directory or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def cut_torn_tail(path: str) -> int:
    """Cut bytes after the last newline of ``path`` (a write cut off by a crash); returns bytes cut."""
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        return 0
    if size == 0:
        return 0
    with open(path, "rb+") as fh:
        start = max(0, size - _TAIL_READ)
        while True:
            fh.seek(start)
            chunk = fh.read(size - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0 or start == 0:
                break
            start = max(0, start - _TAIL_READ)
        keep = start + newline + 1 if newline >= 0 else 0
        if keep < size:
            fh.truncate(keep)
            fh.flush()
            os.fsync(fh.fileno())
        return size - keep


def tail_line(path: str) -> bytes | None:
    """The last complete line of a plain file, or ``None``."""
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        return None
    with open(path, "rb") as fh:
        start = size
        data = b""
        while start > 0:
            start = max(0, start - _TAIL_READ)
            fh.seek(start)
            data = fh.read(size - start)
            end = data.rstrip(b"\n")
            if start == 0 or end.rfind(b"\n") >= 0:
                break
        lines = data.rstrip(b"\n").rsplit(b"\n", 1)
        last = lines[-1] if lines else b""
        return last or None


def _first_line(path: str) -> bytes | None:
    with open(path, "rb") as fh:
        line = fh.readline()
    return line.rstrip(b"\n") or None


class SegmentWriter:
    """Appends sealed lines to ``path`` and rotates it by size or age.

    Args:
        path: the active segment.
        max_bytes: rotate before a write would make the segment larger than this.
        max_age: rotate a segment whose first record is older than this many seconds (``None``: never).
        fsync: ``fsync`` after every line, so a record is on disk when the call returns.
        mode: permission bits of new segments.
    """

    def __init__(
        self,
        path: str,
        *,
        max_bytes: int = 64 * 1024 * 1024,
        max_age: float | None = 86_400.0,
        fsync: bool = True,
        mode: int = 0o600,
    ) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.max_age = max_age
        self.fsync = fsync
        self.mode = mode
        self._fd: int | None = None
        self._size = 0
        self._first_seq: int | None = None
        self._opened_at: float = 0.0

    def recover(self) -> bytes | None:
        """Open the active segment as it was left; cut a torn tail; return its last line."""
        directory = os.path.dirname(self.path)
        if directory:
            os.makedirs(directory, mode=0o700, exist_ok=True)
        cut = cut_torn_tail(self.path)
        if cut:
            _diagnostics.problem(
                "audit-torn-record", f"{self.path}: cut {cut} bytes of a record whose write never completed"
            )
        last = tail_line(self.path)
        self._size = os.path.getsize(self.path) if os.path.exists(self.path) else 0
        self._first_seq = None
        self._opened_at = time.time()
        if self._size:
            first = _first_line(self.path)
            unsealed = unseal(first) if first else None
            self._first_seq = unsealed.seq if unsealed else None
            match = _TIMESTAMP.search(first or b"")
            if match:
                self._opened_at = float(calendar.timegm(time.strptime(match.group(1).decode(), "%Y-%m-%dT%H:%M:%S")))
        return last

    def _open(self) -> int:
        if self._fd is None:
            existed = os.path.exists(self.path)
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
            self._fd = os.open(self.path, flags, self.mode)
            if not existed:
                fsync_dir(os.path.dirname(self.path))
        return self._fd

    @property
    def size(self) -> int:
        """Bytes in the active segment."""
        return self._size

    def needs_rotation(self, incoming: int, now: float) -> bool:
        """Whether to rotate before writing ``incoming`` more bytes at time ``now``."""
        if self._size == 0:
            return False
        if self._size + incoming > self.max_bytes:
            return True
        return self.max_age is not None and now - self._opened_at >= self.max_age

    def write(self, line: bytes, seq: int) -> None:
        """Append ``line`` and a newline; on failure cut back what was written and raise ``OSError``."""
        fd = self._open()
        payload = line + b"\n"
        before = self._size
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            if self.fsync:
                os.fsync(fd)
        except OSError:
            try:
                os.ftruncate(fd, before)
            except OSError:
                pass
            self.close()
            raise
        if before == 0:
            self._first_seq = seq
            self._opened_at = time.time()
        self._size = before + len(payload)

    def rotate(self) -> str | None:
        """Rename the active segment after its first record; the next write starts a new one."""
        if self._size == 0 or self._first_seq is None:
            return None
        self.close()
        candidate, n = rotated_name(self.path, self._first_seq), 1
        while os.path.exists(candidate) or os.path.exists(candidate + ".gz"):
            candidate = rotated_name(self.path, self._first_seq, n)
            n += 1
        os.rename(self.path, candidate)
        fsync_dir(os.path.dirname(self.path))
        self._size = 0
        self._first_seq = None
        return candidate

    def close(self) -> None:
        """Close the file descriptor (the next write reopens it)."""
        if self._fd is not None:
            try:
                os.close(self._fd)
            except OSError:
                pass
            self._fd = None
