"""The few pieces of the protobuf wire format the OTLP sink needs, written and read by hand.

Writing: each helper returns one encoded field (nothing for a proto3 default, except where a
``oneof`` member must be present). Reading: :func:`fields` walks the top level of a message.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

__all__ = ["double", "fields", "fixed64", "message", "string", "uint", "varint"]

_U64 = (1 << 64) - 1


_SMALL = tuple(bytes((i,)) for i in range(128))


def varint(value: int) -> bytes:
    """``value`` as a base-128 varint (negative numbers as their 64-bit two's complement)."""
    if 0 <= value < 128:
        return _SMALL[value]
    value &= _U64
    out = bytearray()
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _key(number: int, wire: int) -> bytes:
    return _SMALL[number << 3 | wire] if number < 16 else varint(number << 3 | wire)


def uint(number: int, value: int, *, always: bool = False) -> bytes:
    """A varint field (``int32``, ``int64``, ``uint32``, ``bool``, enums)."""
    return _key(number, 0) + varint(value) if value or always else b""


def fixed64(number: int, value: int) -> bytes:
    """A ``fixed64`` field."""
    return _key(number, 1) + struct.pack("<Q", value & _U64) if value else b""


def double(number: int, value: float) -> bytes:
    """A ``double`` field (always written: it is only used inside a ``oneof``)."""
    return _key(number, 1) + struct.pack("<d", value)


def message(number: int, payload: bytes, *, always: bool = False) -> bytes:
    """A length-delimited field: an embedded message, ``bytes`` or an encoded string."""
    return _key(number, 2) + varint(len(payload)) + payload if payload or always else b""


def string(number: int, value: str, *, always: bool = False) -> bytes:
    """A ``string`` field (UTF-8; lone surrogates replaced)."""
    return message(number, value.encode("utf-8", "replace"), always=always)


def fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """``(field number, value)`` of each top-level field: ints for varints and fixed, bytes for the rest.

    Raises ``ValueError`` on a truncated or malformed message.
    """
    i, n = 0, len(data)

    def read_varint() -> int:
        nonlocal i
        shift = result = 0
        while True:
            if i >= n or shift > 63:
                raise ValueError("truncated varint")
            byte = data[i]
            i += 1
            result |= (byte & 0x7F) << shift
            if byte < 0x80:
                return result
            shift += 7

    while i < n:
        key = read_varint()
        number, wire = key >> 3, key & 7
        if wire == 0:
            yield number, read_varint()
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            if i + size > n:
                raise ValueError("truncated fixed field")
            yield number, int.from_bytes(data[i : i + size], "little")
            i += size
        elif wire == 2:
            size = read_varint()
            if i + size > n:
                raise ValueError("truncated length-delimited field")
            yield number, data[i : i + size]
            i += size
        else:
            raise ValueError(f"unsupported wire type {wire}")
