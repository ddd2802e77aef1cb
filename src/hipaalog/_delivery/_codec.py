"""Records on disk: one frame per record, with a checksum so a torn write is recognised.

A frame is ``length (4 bytes) | crc32 (4 bytes) | payload``, big-endian; the payload is a small
JSON array of the routing fields, a newline, then the record's line as it was encoded.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable

import orjson

from .._encoded import EncodedRecord

__all__ = ["HEADER_SIZE", "MAX_FRAME", "decode", "encode_frames", "frame_length"]

_HEADER = struct.Struct(">II")
HEADER_SIZE = _HEADER.size
MAX_FRAME = 64 * 1024 * 1024
"""A length above this marks a corrupt frame, not a record."""


def encode_frames(records: Iterable[EncodedRecord]) -> bytes:
    """The frames of ``records``, concatenated."""
    parts: list[bytes] = []
    for r in records:
        payload = orjson.dumps([r.levelno, r.severity, r.created, r.logger, r.app_id, r.platform, r.microservice])
        payload += b"\n" + r.line
        parts.append(_HEADER.pack(len(payload), zlib.crc32(payload)))
        parts.append(payload)
    return b"".join(parts)


def frame_length(header: bytes) -> tuple[int, int]:
    """``(payload length, crc32)`` from a frame header."""
    length, crc = _HEADER.unpack(header)
    return int(length), int(crc)


def decode(payload: bytes, crc: int) -> EncodedRecord | None:
    """The record in ``payload``, or ``None`` if the checksum or layout is wrong."""
    if zlib.crc32(payload) != crc:
        return None
    meta, sep, line = payload.partition(b"\n")
    if not sep:
        return None
    try:
        levelno, severity, created, logger, app_id, platform, microservice = orjson.loads(meta)
        return EncodedRecord(
            line,
            int(levelno),
            int(severity),
            float(created),
            str(logger),
            str(app_id),
            str(platform),
            str(microservice),
        )
    except (orjson.JSONDecodeError, TypeError, ValueError):
        return None
