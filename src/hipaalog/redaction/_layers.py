"""One layer of a whole-token encoding undone: base64 (padded or not, url-safe), base32, base85, hex,
and zlib or gzip compression under any of them.

A token is judged by the text it holds (:mod:`._tokens`); this module only decodes, bounded: tokens
longer than :data:`MAX_TOKEN` characters are not read, a compressed body is inflated to
:data:`MAX_INFLATED` bytes at most, and nothing raises. The decoded text is returned only when it
reads as text (printable UTF-8 or UTF-16 with a byte-order mark): random bytes, hashes and ids decode
to control characters and are dropped at once. Layers inside layers (base64 of base64) are undone by
the caller, which judges the decoded text with the whole redactor again (depth-limited there).
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Callable
from typing import Final

__all__ = [
    "BASE85_RUN",
    "DENSE_RUN",
    "MAX_INFLATED",
    "MAX_TOKEN",
    "decoded_layer",
    "is_base32",
    "is_base85",
    "is_hex_text",
    "may_hold_token",
    "text_of",
]

MAX_TOKEN: Final = 8192
"""Longest token decoded: a JWT with many claims fits; a file attachment is not read."""
MAX_INFLATED: Final = 65536
"""Most bytes a compressed body is inflated to (a zip bomb costs no more than this)."""
_MIN_TEXT: Final = 6
DENSE_RUN: Final = re.compile(r"[A-Za-z0-9+/_-]{12,}")
"""A run of base64's alphabet (base32's and hex's are in it) long enough to hold a bare number of nine digits."""
_HEX_RUN: Final = re.compile(r"[0-9a-f]+|[0-9A-F]+")
BASE85_RUN: Final = re.compile(r"(?<![^\s\"'=:])[0-9A-Za-z!#$%&()*+;<=>?@^_`{|}~-]{15,}(?![^\s\"',])")
"""A run of base85's alphabet standing alone (between spaces, quotes, after ``=`` or ``:``)."""
_BASE32: Final = re.compile(r"[A-Z2-7]{16,}={0,6}")
_BASE85: Final = re.compile(r"[0-9A-Za-z!#$%&()*+;<=>?@^_`{|}~-]{15,}")
_DIGIT: Final = re.compile(r"[0-9]")
_B85_MARKS: Final = frozenset("!#$%&()*;<>?@^`{|}~")
_HEX_TEXT: Final = re.compile(r"(?:[2-9a-f][0-9a-f])+|(?:[2-9A-F][0-9A-F])+")
"""Hexadecimal with no control byte (below ``0x20``): maybe text dumped as bytes (UTF-8 decides)."""


def is_base32(token: str) -> bool:
    """Whether ``token`` has base32's alphabet and a length base32 can have, with a digit and a letter."""
    body = token.rstrip("=")
    return (
        _BASE32.fullmatch(token) is not None
        and len(body) % 8 in (0, 2, 4, 5, 7)
        and not body.isalpha()
        and any(ch.isalpha() for ch in body)
    )


def is_base85(token: str) -> bool:
    """Whether ``token`` has base85's alphabet with two of its marks (``~``, ``{``, ``;``...), a digit and
    letters of both cases: a word, a path or an expression has fewer."""
    if len(token) % 5 == 1 or len(_B85_MARKS.intersection(token)) < 2 or _BASE85.fullmatch(token) is None:
        return False
    return _DIGIT.search(token) is not None and token.lower() != token and token.upper() != token


def is_hex_text(digits: str) -> bool:
    """Whether hexadecimal ``digits`` (one case) spell bytes that can be text: each a printable ASCII
    character or part of a UTF-8 letter."""
    return len(digits) >= 2 * _MIN_TEXT and len(digits) % 2 == 0 and _HEX_TEXT.fullmatch(digits) is not None


def text_of(raw: bytes) -> str | None:
    """The text ``raw`` holds: inflated first when it is zlib or gzip data, then read as UTF-8 (or UTF-16
    with a byte-order mark); ``None`` when it is not printable text."""
    raw = _inflated(raw)
    try:
        text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(text) < _MIN_TEXT or not all(ch.isprintable() or ch in "\t\r\n" for ch in text):
        return None
    return text


def _inflated(raw: bytes) -> bytes:
    """``raw`` inflated when it opens as gzip or zlib data does (bounded); else ``raw``."""
    if len(raw) < 8:
        return raw
    if raw[:2] == b"\x1f\x8b":
        wbits = 16 + zlib.MAX_WBITS
    elif raw[0] & 0x0F == 8 and (raw[0] << 8 | raw[1]) % 31 == 0:
        wbits = zlib.MAX_WBITS
    else:
        return raw
    try:
        return zlib.decompressobj(wbits).decompress(raw, MAX_INFLATED)
    except zlib.error:
        return raw


def decoded_layer(token: str) -> str | None:
    """The text one layer of encoding of ``token`` holds, or ``None``: hex, base32, ascii85 or base85 and
    base64 (url-safe or not, padded or not) are tried as the token's alphabet allows, first text wins."""
    if len(token) > MAX_TOKEN:
        return None
    for decode in _decoders(token):
        try:
            text = text_of(decode(token))
        except (binascii.Error, ValueError):
            continue
        if text is not None:
            return text
    return None


def _decoders(token: str) -> list[Callable[[str], bytes]]:
    """The decoders whose alphabet and length fit ``token``, the most specific first."""
    if token.startswith("<~") and token.endswith("~>"):
        return [_ascii85]
    decoders: list[Callable[[str], bytes]] = []
    if is_hex_text(token):
        decoders.append(bytes.fromhex)
    if is_base32(token):
        decoders.append(_base32)
    if is_base85(token):
        decoders.append(base64.b85decode)
    elif _BASE64.fullmatch(token) is not None and len(token.rstrip("=")) % 4 != 1:
        decoders.append(_base64)
    return decoders


_BASE64: Final = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")


def _ascii85(token: str) -> bytes:
    return base64.a85decode(token, adobe=True)


def _base32(token: str) -> bytes:
    body = token.rstrip("=")
    return base64.b32decode(body + "=" * (-len(body) % 8))


def _base64(token: str) -> bytes:
    body = token.rstrip("=")
    padded = body + "=" * (-len(body) % 4)
    if "-" in body or "_" in body:
        return base64.urlsafe_b64decode(padded)
    return base64.b64decode(padded, validate=True)


_NO_UPPER: Final = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NO_LOWER: Final = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")


def _path_like(run: str) -> bool:
    """Whether a run with ``/`` reads as a path (``api/v1/patients/123``): base64 holds capitals, small letters
    and digits all through, a path's segments are words and numbers."""
    if run.startswith("/"):
        return True
    size = len(run)
    return size - len(run.translate(_NO_UPPER)) < 3 or size - len(run.translate(_NO_LOWER)) < 3


def may_hold_token(text: str) -> bool:
    """Whether ``text`` may hold an encoded token (``False`` is certain): a dense run with a digit, ascii85's
    marks, or a base85 run."""
    for match in DENSE_RUN.finditer(text):
        run = match[0]
        if run.isalpha() or run.isdigit():
            continue
        if _HEX_RUN.fullmatch(run) is not None:
            if is_hex_text(run):  # a trace id or hash has a byte below 0x20 nearly always: not text
                return True
        elif "/" in run and _path_like(run):
            continue
        elif _DIGIT.search(run) is not None:
            return True
    if "<~" in text and "~>" in text:
        return True
    for match in BASE85_RUN.finditer(text):
        if is_base85(match[0]):
            break
    else:
        return False
    return True
