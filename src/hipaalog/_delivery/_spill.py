"""The spill of one sink: records that could not be delivered yet, on disk, in order.

``<spill_dir>/<sink key>/<n>/`` are stores (see ``_store``). A process owns one store for its own
records and, when it starts, adopts every store that holds records but no live owner (left by a
crash, a SIGKILL, or a shutdown while the sink was down); those are replayed first. A forked
child owns a store of its own, so processes never write into each other's files.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Sequence

from .._encoded import EncodedRecord
from ._codec import encode_frames
from ._store import Position, SpillStore

__all__ = ["Spill", "Token", "spill_key"]

Token = tuple[SpillStore, Position, int]
"""What :meth:`Spill.read` hands out and :meth:`Spill.ack` takes back."""


class Spill:
    """A bounded FIFO of records on disk for one sink; every method is thread-safe."""

    def __init__(self, directory: str, *, max_bytes: int, fsync: bool) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        self.fsync = fsync
        self.recovered = 0
        """Records adopted from earlier processes when the spill was opened."""
        self.damaged_bytes = 0
        self._lock = threading.Lock()
        self._stores: list[SpillStore] = []
        self._own: SpillStore | None = None
        self._backlog = 0

    def open(self) -> None:
        """Take a store of our own and adopt orphans. Raises ``OSError`` if the directory is unusable."""
        with self._lock:
            self._open()

    def _open(self) -> None:
        if self._own is not None:
            return
        os.makedirs(self.directory, mode=0o700, exist_ok=True)
        names = sorted((n for n in os.listdir(self.directory) if n.isdigit()), key=int)
        own: SpillStore | None = None
        adopted: list[SpillStore] = []
        damaged = 0
        try:
            for name in names:
                store = SpillStore.try_open(os.path.join(self.directory, name), fsync=self.fsync)
                if store is None:
                    continue
                damaged += store.damaged_bytes
                if store.records:
                    adopted.append(store)
                    continue
                store.discard()
                if own is None:
                    own = store
                else:
                    store.close()
            number = int(names[-1]) + 1 if names else 0
            while own is None:
                path = os.path.join(self.directory, str(number))
                number += 1
                try:
                    os.mkdir(path, 0o700)
                except FileExistsError:
                    continue
                own = SpillStore.try_open(path, fsync=self.fsync)
        except BaseException:
            for store in [*adopted, *([own] if own else [])]:
                store.close()
            raise
        self._stores = [*adopted, own]
        self._own = own
        self.recovered = sum(s.records for s in adopted)
        self.damaged_bytes = damaged
        self._backlog = self.recovered

    # -- used by the lane --------------------------------------------------------------------------
    @property
    def backlog(self) -> int:
        """Records on disk waiting to be delivered."""
        return self._backlog

    def has_backlog(self) -> bool:
        """Whether any record waits on disk."""
        return self._backlog > 0

    def used_bytes(self) -> int:
        """Disk used by this spill's segments."""
        with self._lock:
            return sum(s.size for s in self._stores)

    def append(self, records: Sequence[EncodedRecord]) -> bool:
        """Write ``records`` after everything already spilled; ``False`` if the size limit forbids.

        Raises ``OSError`` when the disk refuses (the caller counts the records as dropped).
        """
        data = encode_frames(records)
        with self._lock:
            self._open()
            assert self._own is not None
            if sum(s.size for s in self._stores) + len(data) > self.max_bytes:
                return False
            self._own.append(records, data)
            self._backlog += len(records)
            return True

    def read(self, limit: int) -> tuple[list[EncodedRecord], Token | None]:
        """The oldest ``limit`` records on disk, with the token to :meth:`ack` them once delivered."""
        with self._lock:
            for store in self._stores:
                if store.records:
                    records, position = store.read(limit)
                    if not records:  # counted records that cannot be read back: forget them
                        self._backlog -= store.records
                        store.ack(position, store.records)
                        continue
                    return records, (store, position, len(records))
            self._backlog = 0
            return [], None

    def ack(self, token: Token) -> None:
        """The records of ``token`` were delivered (or given up): they leave the disk."""
        store, position, count = token
        with self._lock:
            if store not in self._stores:
                return
            store.ack(position, count)
            self._backlog = max(0, self._backlog - count)
            if store is not self._own and not store.records:
                store.close()
                self._stores.remove(store)

    # -- lifecycle ---------------------------------------------------------------------------------
    def close(self) -> None:
        """Release every store (what is left stays on disk for the next process)."""
        with self._lock:
            for store in self._stores:
                store.close()
            self._stores, self._own = [], None

    def _after_fork_in_child(self) -> None:
        """Forget the parent's stores; a store of our own is taken on first use."""
        self._lock = threading.Lock()
        for store in self._stores:
            with contextlib.suppress(OSError):
                store.forget()
        self._stores, self._own = [], None
        self._backlog = 0
        self.recovered = 0


def spill_key(name: str, taken: set[str]) -> str:
    """A directory name for the sink called ``name``: readable, stable across restarts, unique."""
    import hashlib
    import re

    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._-")[:60] or "sink"
    key = f"{readable}-{hashlib.sha256(name.encode('utf-8', 'replace')).hexdigest()[:10]}"
    number, unique = 2, key
    while unique in taken:
        unique, number = f"{key}-{number}", number + 1
    taken.add(unique)
    return unique
