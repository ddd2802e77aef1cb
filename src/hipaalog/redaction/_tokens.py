"""Encoded tokens that carry PHI: JWTs, HTTP Basic credentials, base64, base32, base85 or hex of text or
JSON (compressed or not).

A token's bytes cannot be partly masked, so a token is decoded (bounded: size limits, no
exception escapes) and judged by what it holds: a JWT whose claims name a person (``email``,
``name``, ``given_name``, ``family_name``, ``birthdate``, ``phone_number``, an e-mail ``sub``), Basic
credentials whose user is an e-mail, or any decoded text in which the default redactor finds PHI
masks the whole token. Tokens that hold none (session ids, opaque bearer tokens, service
credentials) stay, so they still correlate requests. A decoded text is judged by the whole redactor,
so a token inside a token is decoded too, :data:`_MAX_DEPTH` layers deep.
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
from ._layers import BASE85_RUN, MAX_TOKEN, decoded_layer, is_base32, is_base85, is_hex_text

__all__ = ["TokenDetector", "decoded_token"]

_MAX_TOKEN: Final = MAX_TOKEN
_MAX_DEPTH: Final = 3
"""Tokens judged inside one another at most (base64 of gzip of base64 JSON is two)."""
_MIN_BLOB: Final = 12
_JWT: Final = re.compile(
    r"(?<![\w-])eyJ[A-Za-z0-9_-]{4,}={0,2}\.(ey[JA][A-Za-z0-9_-]{4,}={0,2})\.[A-Za-z0-9_-]*={0,2}(?![\w-])"
)
"""Header, payload and signature in base64url; header and payload are JSON objects (``eyJ``: ``{"``)."""
_BASIC: Final = re.compile(r"(?<![A-Za-z])(?:Basic|basic|BASIC)[ ]+([A-Za-z0-9+/]{4,}={0,2})(?![\w+/=])")
_BLOB: Final = re.compile(r"(?<![\w+/.-])[A-Za-z0-9+/_-]{12,}={0,6}(?![\w+/=-])")
"""A run of the base64 (or base64url) alphabet, padded or not, not glued to a word or a path."""
_HEX: Final = re.compile(r"(?<![\w-])(?:0x)?((?:[0-9a-f]{2}){6,}|(?:[0-9A-F]{2}){6,})(?![\w-])")
"""Text in hexadecimal (lower or upper case), such as an e-mail address dumped as bytes."""
_ASCII85: Final = re.compile(r"<~[!-u\s]{5,}~>")
"""ascii85 between its ``<~ ~>`` marks."""
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
    """``judge(token)``, remembered per token (a request's records repeat one), at most :data:`_MAX_DEPTH`
    tokens deep (a token inside a decoded token is judged with the outer one)."""
    verdict = _verdicts.get(token)
    if verdict is None:
        depth = getattr(_local, "depth", 0)
        if depth >= _MAX_DEPTH:
            return False  # deeper still: the outer token is judged by what was decoded so far
        _local.depth = depth + 1
        try:
            verdict = bool(judge(token))
        finally:
            _local.depth = depth
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
    """Whether hexadecimal ``digits`` spell printable text in which the redactor finds PHI."""
    text = decoded_layer(digits)
    return text is not None and _holds_phi(text)


def _blob_phi(blob: str) -> bool:
    """Whether a base64, base32 or base85 run decodes (inflated when compressed) to text holding PHI; a run
    written as ``key\x00run`` is judged as the value of that field (``ssn_b64=`` before base64 of a bare number)."""
    key, _, blob = blob.rpartition("\x00")
    text = decoded_layer(blob)
    if text is None:
        return False
    if key and _holds_phi_under(key, text):
        return True
    return _holds_phi(text)


_KEY_BEFORE: Final = re.compile(r"(?<![\w.-])([A-Za-z][\w.-]{0,40})[\"']?[ ]?[=:][ ]?[\"']?\Z")
"""The field name right before a token (``ssn_b64=``, ``"mrn": "``)."""


def _key_before(text: str, start: int) -> str:
    match = _KEY_BEFORE.search(text[max(0, start - 48) : start]) if start else None
    return match[1] if match is not None else ""


def _holds_phi_under(key: str, text: str) -> bool:
    from ._api import default_redactor

    return bool(default_redactor().find({key: text}))


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
        for match in _HEX.finditer(text):
            taken.append(match.span())
            if is_hex_text(match[1]) and _judged(match[1], _hex_phi):
                yield match.start(), match.end(), "ID"
        for match in _BLOB.finditer(text):
            start, end = match.span()
            if any(start < stop and begin < end for begin, stop in taken) or not _blob_shape(match[0]):
                continue
            taken.append((start, end))
            key = _key_before(text, start)
            if _judged(f"{key}\x00{match[0]}" if key else match[0], _blob_phi):
                yield start, end, "ID"
        runs = list(_ASCII85.finditer(text)) if "<~" in text else []
        runs += [match for match in BASE85_RUN.finditer(text) if is_base85(match[0])]
        for match in runs:
            start, end = match.span()
            if not any(start < stop and begin < end for begin, stop in taken) and _judged(match[0], _blob_phi):
                yield start, end, "ID"


def _blob_shape(blob: str) -> bool:
    """Whether a run looks like base64 or base32 rather than a word, a hex id or a path: mixed case (base32:
    capitals) and a digit or padding, and a length the encoding can have."""
    body = blob.rstrip("=")
    if len(body) < _MIN_BLOB or body.isdigit():
        return False
    if is_base32(blob):
        return True
    if len(body) % 4 == 1:
        return False
    has_upper = any(ch.isupper() for ch in body)
    has_lower = any(ch.islower() for ch in body)
    return has_upper and has_lower and (blob.endswith("=") or any(ch.isdigit() for ch in body))
