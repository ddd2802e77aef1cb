"""RELP frames (rsyslog's Reliable Event Logging Protocol): ``TXNR SP COMMAND SP DATALEN [SP DATA] LF``.

TXNR counts 1 to 999,999,999 and wraps to 1; COMMAND is a short lowercase word (``open``,
``syslog``, ``close``, ``rsp``, ``serverclose``); DATALEN is the number of bytes of DATA, which
is absent (and so is its space) when it is 0. A response (``rsp``) carries the TXNR of the
command it answers and starts with a three-digit status: ``200`` means accepted.
"""

from __future__ import annotations

__all__ = ["MAX_TXNR", "FrameError", "encode", "next_txnr", "parse"]

MAX_TXNR = 999_999_999
_MAX_COMMAND = 32
_MAX_DATALEN = 128 * 1024 * 1024
_DIGITS = frozenset(b"0123456789")

Frame = tuple[int, bytes, bytes]
"""``(txnr, command, data)``."""


class FrameError(ValueError):
    """The peer sent something that is not a RELP frame."""


def next_txnr(txnr: int) -> int:
    """The transaction number after ``txnr``."""
    return txnr % MAX_TXNR + 1


def encode(txnr: int, command: bytes, data: bytes = b"") -> bytes:
    """One frame."""
    if data:
        return b"%d %s %d %s\n" % (txnr, command, len(data), data)
    return b"%d %s 0\n" % (txnr, command)


def _number(buf: bytearray, start: int, limit: int, what: str) -> tuple[int, int] | None:
    """Digits from ``start`` up to the next byte: ``(value, index of the byte after)``, ``None`` if incomplete."""
    end = start
    while end < len(buf) and buf[end] in _DIGITS:
        end += 1
        if end - start > limit:
            raise FrameError(f"{what} too long")
    if end == len(buf):
        return None
    if end == start:
        raise FrameError(f"{what} missing")
    return int(buf[start:end]), end


def parse(buf: bytearray) -> Frame | None:
    """Take the first whole frame off ``buf``; ``None`` if it has not fully arrived yet."""
    head = _number(buf, 0, 9, "txnr")
    if head is None:
        return None
    txnr, i = head
    if buf[i] != 0x20:
        raise FrameError("no space after txnr")
    end = buf.find(b" ", i + 1, i + 2 + _MAX_COMMAND)
    if end < 0:
        if len(buf) > i + 1 + _MAX_COMMAND:
            raise FrameError("command too long")
        return None
    command = bytes(buf[i + 1 : end])
    if not command.isalpha():
        raise FrameError("bad command")
    size = _number(buf, end + 1, 9, "datalen")
    if size is None:
        return None
    datalen, j = size
    if datalen > _MAX_DATALEN:
        raise FrameError("datalen too large")
    if datalen == 0:
        if buf[j] != 0x0A:
            raise FrameError("no trailer")
        del buf[: j + 1]
        return txnr, command, b""
    if buf[j] != 0x20:
        raise FrameError("no space before data")
    stop = j + 1 + datalen
    if len(buf) <= stop:
        return None
    if buf[stop] != 0x0A:
        raise FrameError("no trailer")
    data = bytes(buf[j + 1 : stop])
    del buf[: stop + 1]
    return txnr, command, data
