"""Encoded tokens that carry PHI: JWTs, HTTP Basic credentials, base64 of text or JSON, hex of an address.

A token's bytes cannot be partly masked, so a token is decoded (bounded: size limits, no
exception escapes) and judged by what it holds: a JWT whose claims name a person (``email``,
``name``, ``given_name``, ``family_name``, ``birthdate``, ``phone_number``, an e-mail ``sub``), Basic
credentials whose user is an e-mail, or any decoded text in which the default redactor finds PHI
masks the whole token. Tokens that hold none (session ids, opaque bearer tokens, service
credentials) stay, so they still correlate requests.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
from collections.abc import Iterator
from typing import Any, Final

from ._detector import BaseDetector, Span
from ._gate import TOKEN

__all__ = ["TokenDetector", "decoded_token"]

_MAX_TOKEN: Final = 8192
"""Longest token decoded: a JWT with many claims fits; a file attachment is not read."""
_MIN_BLOB: Final = 16
_JWT: Final = re.compile(
    r"(?<![\w-])eyJ[A-Za-z0-9_-]{4,}={0,2}\.(ey[JA][A-Za-z0-9_-]{4,}={0,2})\.[A-Za-z0-9_-]*={0,2}(?![\w-])"
)
"""Header, payload and signature in base64url; header and payload are JSON objects (``eyJ``: ``{"``)."""
_BASIC: Final = re.compile(r"(?<![A-Za-z])(?:Basic|basic|BASIC)[ ]+([A-Za-z0-9+/]{4,}={0,2})(?![\w+/=])")
_BLOB: Final = re.compile(r"(?<![\w+/.-])[A-Za-z0-9+/_-]{16,}={0,2}(?![\w+/=-])")
"""A run of the base64 (or base64url) alphabet, padded or not, not glued to a word or a path."""
_HEX: Final = re.compile(r"(?<![\w-])(?:0x)?((?:[0-9a-f]{2}){8,}|(?:[0-9A-F]{2}){8,})(?![\w-])")
"""Text in hexadecimal (lower or upper case), such as an e-mail address dumped as bytes."""
_PERSON_CLAIMS: Final = frozenset(
    {
        "email",
        "name",
        "given_name",
        "family_name",
        "middle_name",
        "nickname",
        "birthdate",
        "phone_number",
        "address",
        "upn",
        "unique_name",
    }
)
"""OpenID Connect and Azure claims about the person a token was issued to."""

_local = threading.local()
_verdicts: dict[str, bool] = {}
_VERDICTS_LIMIT: Final = 1024


def decoded_token(token: str) -> str | None:
    """The text a base64 or base64url token encodes, or ``None`` (too long, not base64, not printable UTF-8)."""
    if len(token) > _MAX_TOKEN:
        return None
    body = token.rstrip("=")
    padded = body + "=" * (-len(body) % 4)
    try:
        if "-" in body or "_" in body:
            raw = base64.urlsafe_b64decode(padded)
        else:
            raw = base64.b64decode(padded, validate=True)
        text = raw.decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    if not text or not all(ch.isprintable() or ch in "\t\r\n" for ch in text):
        return None
    return text


def _claims_name_person(claims: Any) -> bool:
    """Whether JWT claims describe a person: a person claim with a value, or an e-mail as ``sub``."""
    if not isinstance(claims, dict):
        return False
    for key, value in claims.items():
        if key in _PERSON_CLAIMS and value not in (None, "", [], {}):
            return True
    subject = claims.get("sub")
    return isinstance(subject, str) and "@" in subject


def _holds_phi(text: str) -> bool:
    """Whether the default redactor finds PHI in decoded ``text`` (read as JSON when it is an object)."""
    from ._api import default_redactor  # the redactor holds this detector: imported when first needed

    value: Any = text
    if text.lstrip().startswith("{"):
        try:
            value = json.loads(text)
        except ValueError:
            value = text
    return bool(default_redactor().find(value))


def _judged(token: str, judge: Any) -> bool:
    """``judge(token)``, remembered per token (a request's records repeat one) and never re-entered."""
    verdict = _verdicts.get(token)
    if verdict is None:
        if getattr(_local, "busy", False):
            return False  # a token inside a decoded token: the outer one is being judged already
        _local.busy = True
        try:
            verdict = bool(judge(token))
        finally:
            _local.busy = False
        if len(_verdicts) >= _VERDICTS_LIMIT:
            _verdicts.clear()
        _verdicts[token] = verdict
    return verdict


def _jwt_phi(payload: str) -> bool:
    text = decoded_token(payload)
    if text is None:
        return False
    try:
        claims = json.loads(text)
    except ValueError:
        return _holds_phi(text)
    return _claims_name_person(claims) or _holds_phi(text)


def _basic_phi(credentials: str) -> bool:
    text = decoded_token(credentials)
    if text is None or ":" not in text:
        return False
    user = text.split(":", 1)[0]
    return "@" in user or _holds_phi(user)


def _hex_phi(digits: str) -> bool:
    """Whether hexadecimal ``digits`` spell printable text with an ``@`` in which the redactor finds PHI."""
    if len(digits) > _MAX_TOKEN:
        return False
    try:
        text = bytes.fromhex(digits).decode("utf-8")
    except ValueError:
        return False
    return "@" in text and text.isprintable() and _holds_phi(text)


def _blob_phi(blob: str) -> bool:
    text = decoded_token(blob)
    return text is not None and len(text) >= 6 and _holds_phi(text)


class TokenDetector(BaseDetector):
    """JWTs, HTTP Basic credentials and base64 blobs whose decoded content holds PHI (the whole token is
    reported: its encoding cannot be partly masked)."""

    gate = TOKEN
    name = "token"
    kinds = ("ID",)

    def find(self, text: str) -> Iterator[Span]:
        taken: list[tuple[int, int]] = []
        if "eyJ" in text:
            for match in _JWT.finditer(text):
                taken.append(match.span())
                if _judged(match[1], _jwt_phi):
                    yield match.start(), match.end(), "ID"
        if "asic " in text or "ASIC " in text:
            for match in _BASIC.finditer(text):
                taken.append(match.span(1))
                if _judged(match[1], _basic_phi):
                    yield match.start(1), match.end(1), "ID"
        if "40" in text:  # "@" in hexadecimal
            for match in _HEX.finditer(text):
                if "40" in match[1] and _judged(match[1], _hex_phi):
                    yield match.start(), match.end(), "ID"
        for match in _BLOB.finditer(text):
            start, end = match.span()
            if any(start < stop and begin < end for begin, stop in taken) or not _blob_shape(match[0]):
                continue
            if _judged(match[0], _blob_phi):
                yield start, end, "ID"


def _blob_shape(blob: str) -> bool:
    """Whether a run looks like base64 rather than a word, a hex id or a path: mixed case and a digit or
    padding, and a length base64 can have."""
    body = blob.rstrip("=")
    if len(body) < _MIN_BLOB or len(body) % 4 == 1 or body.isdigit():
        return False
    has_upper = any(ch.isupper() for ch in body)
    has_lower = any(ch.islower() for ch in body)
    return has_upper and has_lower and (blob.endswith("=") or any(ch.isdigit() for ch in body))
