"""After rotation: compress the segment, record its verification, then hand it to the ``on_rotate`` hooks.

Runs on its own thread so that compressing a large segment never holds up an audit call. The
compressed file is written under a hidden temporary name, fsync-ed and renamed, so a crash leaves
either the plain segment or the complete ``.gz``; both are picked up again at the next start.
"""

from __future__ import annotations

import gzip
import os
import shutil
import threading
from collections import deque
from collections.abc import Callable, Sequence

from .. import _diagnostics
from ..integrity._names import rotated_first_seq, stream_of
from ._segments import fsync_dir

__all__ = ["Rotations", "compress_segment", "leftover_segments"]


def compress_segment(path: str) -> str:
    """Gzip ``path`` into ``path + ".gz"`` (byte-for-byte reproducible) and remove ``path``."""
    if path.endswith(".gz"):
        return path
    directory, name = os.path.split(path)
    target = path + ".gz"
    temporary = os.path.join(directory, f".{name}.gz.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o600)
    with open(fd, "wb") as raw, open(path, "rb") as source:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as zipped:
            shutil.copyfileobj(source, zipped, 1 << 20)
        raw.flush()
        os.fsync(raw.fileno())
    os.rename(temporary, target)
    fsync_dir(directory)
    os.unlink(path)
    fsync_dir(directory)
    return target


def leftover_segments(active: str) -> list[str]:
    """Rotated segments of the stream ``active`` still on local disk, oldest first."""
    directory = os.path.dirname(active) or "."
    found: list[tuple[int, str]] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    for name in names:
        full = os.path.join(os.path.dirname(active), name)
        if name.endswith(".gz.tmp") and name.startswith("."):
            if stream_of(os.path.join(os.path.dirname(active), name[1:-4])) == active:
                os.unlink(full)  # an interrupted compression: the plain segment is still there
            continue
        first = rotated_first_seq(name)
        if first is not None and not name.startswith(".") and stream_of(full) == active:
            found.append((first, full))
    return [path for _, path in sorted(found)]


class Rotations:
    """A worker thread that compresses rotated segments and calls the hooks with each result."""

    def __init__(
        self,
        hooks: Sequence[Callable[[str], None]],
        *,
        compress: bool = True,
        recorder: Callable[[str], None] | None = None,
    ) -> None:
        self._hooks = list(hooks)
        self._recorder = recorder
        """Records the segment's verification (and columns) before the hooks archive it."""
        self._compress = compress
        self._queue: deque[str] = deque()
        self._cond = threading.Condition()
        self._busy = False
        self._stopping = False
        self._thread: threading.Thread | None = None

    def submit(self, path: str) -> None:
        """Queue a rotated segment."""
        with self._cond:
            self._queue.append(path)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="hipaalog-audit-rotations", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._stopping:
                    self._cond.wait()
                if not self._queue:
                    return
                path = self._queue.popleft()
                self._busy = True
            try:
                self._handle(path)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def _handle(self, path: str) -> None:
        final = path
        if self._compress and not path.endswith(".gz"):
            try:
                final = compress_segment(path)
            except OSError as exc:
                _diagnostics.problem("audit-compress-failed", f"{path}: {exc.strerror or exc}; kept uncompressed")
                final = path
        if self._recorder is not None:
            try:
                self._recorder(final)
            except Exception as exc:  # noqa: BLE001 - a report then verifies the segment in full
                _diagnostics.problem("audit-record-failed", f"{final}: {type(exc).__name__}: {exc}")
        for hook in self._hooks:
            try:
                hook(final)
            except Exception as exc:  # noqa: BLE001 - a hook never stops the stream; it is counted
                _diagnostics.problem("audit-rotate-hook-failed", f"{final}: {type(exc).__name__}: {exc}")

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every queued segment was handled; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._queue and not self._busy, timeout)

    def close(self, timeout: float = 10.0) -> bool:
        """Wait up to ``timeout`` seconds for the queue to finish, then let the worker stop.

        The worker still finishes segments queued before the call (it stops once the queue is empty),
        so a slow hook delays their archiving but never loses them: segments it did not reach by
        interpreter exit are handed to the hooks again at the next start. Returns whether the queue
        was finished within ``timeout``.
        """
        done = self.drain(timeout)
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        return done
