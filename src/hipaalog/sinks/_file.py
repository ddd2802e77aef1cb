"""Appending records to a file, one line each, created with owner-only permissions."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence

from .._encoded import EncodedRecord
from ..exceptions import SinkError

__all__ = ["FileSink"]


class FileSink:
    """Appends each record as one line to ``path`` (created ``0600``, parent directories too).

    Args:
        path: the file to append to.
        fsync: ``os.fsync`` after every batch, so a batch that was written survives a power loss.
        mode: permission bits for a newly created file.
    """

    def __init__(self, path: str | os.PathLike[str], *, fsync: bool = False, mode: int = 0o600) -> None:
        self.path = os.fspath(path)
        self.fsync = fsync
        self.mode = mode
        self.name = f"file:{self.path}"
        self._lock = threading.Lock()
        self._fd: int | None = None

    def _open(self) -> int:
        if self._fd is None:
            parent = os.path.dirname(self.path)
            if parent:
                os.makedirs(parent, mode=0o700, exist_ok=True)
            self._fd = os.open(
                self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), self.mode
            )
        return self._fd

    def write(self, batch: Sequence[EncodedRecord]) -> None:
        """Append the batch in one ``write`` call (lines from one batch are never interleaved)."""
        payload = b"".join(record.line + b"\n" for record in batch)
        with self._lock:
            try:
                fd = self._open()
                view = memoryview(payload)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                if self.fsync:
                    os.fsync(fd)
            except OSError as exc:
                self._close_fd()
                raise SinkError(f"{self.name}: {exc.strerror or exc}") from exc

    def flush(self) -> None:
        """Nothing is buffered in the process; with ``fsync`` the data is already on disk."""

    def _close_fd(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)
            except OSError:
                pass
            self._fd = None

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._close_fd()

    def __repr__(self) -> str:
        return f"FileSink({self.path!r}, fsync={self.fsync})"
