"""The HMAC chain: sealing a serialized record into a line, and taking a line apart again.

A sealed line is the record's JSON object with ``"seq"`` and ``"key_id"`` appended (the *body*)
and then ``"chain"``: ``HMAC-SHA256(key[key_id], previous chain || body)`` in hex. The chain is
computed over the exact bytes written, so verifying never re-serializes anything; the first
record of a stream chains from :data:`GENESIS`.
"""

from __future__ import annotations

import hmac
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, TypeVar

from ..exceptions import ConfigError
from ._keys import check_key_id

__all__ = ["GENESIS", "SealedLine", "Sealer", "Unsealed", "chain_value", "seal", "unseal"]

GENESIS: Final = bytes(32)
"""The chain value before the first record of a stream."""

_CHAIN_SUFFIX_LEN: Final = len(b',"chain":"') + 64 + len(b'"}')
_TAIL: Final = re.compile(rb',"seq":([1-9][0-9]{0,18}),"key_id":"([A-Za-z0-9._-]{1,32})","chain":"([0-9a-f]{64})"\}\Z')

T = TypeVar("T")


def chain_value(key: bytes, previous: bytes, body: bytes) -> bytes:
    """``HMAC-SHA256(key, previous || body)``: the chain value of a record."""
    return hmac.digest(key, previous + body, "sha256")


def seal(record: bytes, seq: int, key_id: str, key: bytes, previous: bytes) -> tuple[bytes, bytes]:
    """(sealed line, chain value) of ``record``, a serialized JSON object without integrity fields."""
    if not record.endswith(b"}"):
        raise ValueError("a record to seal must be a serialized JSON object")
    body = b'%s,"seq":%d,"key_id":"%s"}' % (record[:-1], seq, key_id.encode("ascii"))
    chain = chain_value(key, previous, body)
    return b'%s,"chain":"%s"}' % (body[:-1], chain.hex().encode("ascii")), chain


@dataclass(frozen=True, slots=True)
class Unsealed:
    """A sealed line taken apart: the bytes the chain covers and the integrity fields."""

    body: bytes
    seq: int
    key_id: str
    chain: bytes


def unseal(line: bytes) -> Unsealed | None:
    """The parts of a sealed line, or ``None`` when its integrity fields are missing or malformed."""
    match = _TAIL.search(line)
    if match is None:
        return None
    body = line[:-_CHAIN_SUFFIX_LEN] + b"}"
    return Unsealed(body, int(match.group(1)), match.group(2).decode("ascii"), bytes.fromhex(match.group(3).decode()))


@dataclass(frozen=True, slots=True)
class SealedLine:
    """A record as sealed: its line, sequence number, chain value, key id and the chain before it."""

    line: bytes
    seq: int
    chain: bytes
    key_id: str
    previous: bytes


class Sealer:
    """Assigns sequence numbers and chain values, one record at a time, under a lock.

    Args:
        key: the HMAC key of ``key_id`` (at least 16 bytes).
        key_id: written into every record, so verifiers know which key to use.
        seq: the sequence number of the last record already in the stream (0 for a new stream).
        head: the chain value of that record (:data:`GENESIS` for a new stream).
    """

    def __init__(self, key: bytes, key_id: str, *, seq: int = 0, head: bytes = GENESIS) -> None:
        if not isinstance(key, bytes) or len(key) < 16:
            raise ConfigError("the audit chain key must be at least 16 bytes")
        if len(head) != 32 or seq < 0:
            raise ConfigError("a sealer resumes from a 32-byte chain head and a non-negative sequence number")
        self._key = key
        self._key_id = check_key_id(key_id)
        self._seq = seq
        self._head = head
        self._lock = threading.Lock()

    def seal(self, record: bytes, commit: Callable[[SealedLine], None] | None = None) -> SealedLine:
        """Seal ``record`` as the next line of the stream.

        ``commit`` runs under the lock with the sealed line (to write it); if it raises, the
        sequence number and chain head stay where they were and the exception propagates.
        """
        with self._lock:
            seq = self._seq + 1
            line, chain = seal(record, seq, self._key_id, self._key, self._head)
            sealed = SealedLine(line, seq, chain, self._key_id, self._head)
            if commit is not None:
                commit(sealed)
            self._seq, self._head = seq, chain
            return sealed

    def locked(self, action: Callable[[int, bytes, str], T]) -> T:
        """Run ``action(seq, head, key_id)`` under the lock (no record is sealed meanwhile)."""
        with self._lock:
            return action(self._seq, self._head, self._key_id)

    def use_key(self, key: bytes, key_id: str) -> None:
        """Seal the next records with a new key; the chain continues unbroken across the change."""
        if not isinstance(key, bytes) or len(key) < 16:
            raise ConfigError("the audit chain key must be at least 16 bytes")
        check_key_id(key_id)
        with self._lock:
            self._key, self._key_id = key, key_id

    @property
    def key_id(self) -> str:
        """The id of the key sealing new records."""
        return self._key_id

    @property
    def seq(self) -> int:
        """The sequence number of the last record sealed."""
        return self._seq

    @property
    def head(self) -> bytes:
        """The chain value of the last record sealed."""
        return self._head

    def __repr__(self) -> str:
        return f"Sealer(key_id={self._key_id!r}, seq={self._seq})"
