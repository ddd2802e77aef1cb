"""Appending records to a file, one line each, owner-only, with optional rotation and gzip."""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from collections.abc import Callable, Sequence

from .. import _atfork, _diagnostics
from .._encoded import EncodedRecord
from .._sizes import parse_size
from ..exceptions import ConfigError, SinkError
from ..typing import Clock
from ._rotation import compress_segment, parse_interval, period_of, rotated_name

__all__ = ["FileSink"]

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class _SystemClock:
    def time(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()


class FileSink:
    """Appends each record as one line to ``path`` (created ``0600``, parent directories ``0700``).

    Args:
        path: the file to append to.
        fsync: ``os.fsync`` after every batch, so a batch that was written survives a power loss.
        mode: permission bits for a newly created file (and rotated segments).
        max_bytes: rotate before a batch would take the file past this size (``"100MiB"`` works);
            a batch is never split, so a segment may exceed it by one batch.
        rotate_every: rotate when the UTC period changes: ``"hourly"``, ``"daily"`` (at UTC
            midnight), or a number of seconds (periods aligned to the epoch). A file left by an
            earlier period is rotated at the first write.
        compress: gzip each rotated segment (``.gz`` is appended; the plain file is removed).
        keep: how many rotated segments to keep, oldest deleted first; ``None`` keeps them all
            (what an audit log archived elsewhere wants).
        on_rotate: called with the path of every finished segment, after gzip when ``compress``
            is on. It runs on the delivery worker; its exceptions are reported, never raised.
            Segments left unfinished by a crash (plain files when ``compress`` is on) are finished
            and reported at the next start.
        clock: time source for ``rotate_every`` and segment names (tests).

    Rotated segments are named ``<path>.<UTC time of rotation as YYYYmmddTHHMMSSffffffZ>`` (plus
    ``-<n>`` in the unlikely case that name exists, plus ``.gz`` when compressed), for example
    ``/var/log/app.jsonl.20240105T000000000000Z.gz``; sorting the names sorts them in time. One
    process should write (and rotate) a given path.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        fsync: bool = False,
        mode: int = 0o600,
        max_bytes: int | str | None = None,
        rotate_every: str | float | None = None,
        compress: bool = False,
        keep: int | None = None,
        on_rotate: Callable[[str], None] | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.path = os.fspath(path)
        self.fsync = fsync
        self.mode = mode
        self.max_bytes = None if max_bytes is None else parse_size(max_bytes, "max_bytes")
        self.rotate_every = parse_interval(rotate_every)
        if keep is not None and (not isinstance(keep, int) or isinstance(keep, bool) or keep < 1):
            raise ConfigError(f"keep must be a positive number of rotated segments (or None to keep all), not {keep!r}")
        if on_rotate is not None and not callable(on_rotate):
            raise ConfigError(
                f"on_rotate must be callable (in dictConfig: 'ext://package.module.function'), not {on_rotate!r}"
            )
        self.compress = bool(compress)
        self.keep = keep
        self.on_rotate = on_rotate
        self.clock: Clock = clock or _SystemClock()
        self.name = f"file:{self.path}"
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._size = 0
        self._period: int | None = None
        self._recovered = False
        self._pattern = re.compile(re.escape(os.path.basename(self.path)) + r"\.\d{8}T\d{12}Z(?:-\d+)?(?P<gz>\.gz)?$")
        _atfork.register(self)

    def _open(self) -> int:
        if self._fd is None:
            parent = os.path.dirname(self.path)
            if parent:
                os.makedirs(parent, mode=0o700, exist_ok=True)
            if not self._recovered:
                self._recovered = True
                self._finish_leftovers()
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _CLOEXEC, self.mode)
            info = os.fstat(fd)
            self._fd, self._size = fd, info.st_size
            if self.rotate_every is not None:
                self._period = period_of(info.st_mtime if info.st_size else self.clock.time(), self.rotate_every)
        return self._fd

    def _due(self, incoming: int) -> bool:
        if self._size == 0:
            return False
        if self.max_bytes is not None and self._size + incoming > self.max_bytes:
            return True
        return self.rotate_every is not None and period_of(self.clock.time(), self.rotate_every) != self._period

    def write(self, batch: Sequence[EncodedRecord]) -> None:
        """Append the batch in one ``write`` call (lines from one batch are never interleaved)."""
        payload = b"".join(record.line + b"\n" for record in batch)
        with self._lock:
            try:
                fd = self._open()
                if self._due(len(payload)):
                    self._rotate()
                    fd = self._open()
                view = memoryview(payload)
                while view:
                    view = view[os.write(fd, view) :]
                self._size += len(payload)
                if self.fsync:
                    os.fsync(fd)
            except OSError as exc:
                self._close_fd()
                raise SinkError(f"{self.name}: {exc.strerror or exc}") from exc

    def rotate(self) -> str | None:
        """Rotate now (if the file has content); the finished segment's path, or ``None``."""
        with self._lock:
            try:
                self._open()
                return self._rotate() if self._size else None
            except OSError as exc:
                self._close_fd()
                raise SinkError(f"{self.name}: {exc.strerror or exc}") from exc

    def _rotate(self) -> str:
        self._close_fd()
        target = rotated_name(self.path, self.clock.time())
        os.rename(self.path, target)
        if self.fsync:
            self._fsync_dir()
        final = self._finish(target)
        self._prune()
        return final

    def _finish(self, segment: str) -> str:
        """Compress (if configured) and report one rotated segment; its final path."""
        final = segment
        if self.compress:
            try:
                final = compress_segment(segment, mode=self.mode, fsync=self.fsync)
            except OSError as exc:
                _diagnostics.problem("rotate-compress-failed", f"{self.name}: {exc.strerror or exc}; kept uncompressed")
        if self.on_rotate is not None:
            try:
                self.on_rotate(final)
            except Exception as exc:  # noqa: BLE001 - the hook never breaks delivery
                _diagnostics.problem("on-rotate-failed", f"{self.name}: on_rotate raised {type(exc).__name__}")
        return final

    def _segments(self) -> list[str]:
        directory = os.path.dirname(self.path) or "."
        names = sorted(n for n in os.listdir(directory) if self._pattern.match(n))
        return [os.path.join(directory, n) for n in names]

    def _finish_leftovers(self) -> None:
        """Remove half-written ``.gz.tmp`` files and compress segments a crash left plain."""
        directory = os.path.dirname(self.path) or "."
        base = os.path.basename(self.path)
        for name in os.listdir(directory):
            if name.startswith(base + ".") and name.endswith(".gz.tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(directory, name))
        if self.compress:
            for segment in self._segments():
                if not segment.endswith(".gz"):
                    self._finish(segment)

    def _prune(self) -> None:
        if self.keep is None:
            return
        segments = self._segments()
        for old in segments[: max(0, len(segments) - self.keep)]:
            with contextlib.suppress(OSError):
                os.unlink(old)

    def _fsync_dir(self) -> None:
        fd = os.open(os.path.dirname(self.path) or ".", os.O_RDONLY | _CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def flush(self) -> None:
        """Nothing is buffered in the process; with ``fsync`` the data is already on disk."""

    def _close_fd(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._close_fd()

    def _after_fork_in_child(self) -> None:
        self._lock = threading.Lock()
        self._close_fd()

    def __repr__(self) -> str:
        return f"FileSink({self.path!r}, fsync={self.fsync})"
