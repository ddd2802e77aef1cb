"""Keyed pseudonyms: the same identifier always maps to the same token, which reveals nothing.

A token is ``KIND:KEYID:DIGEST``: HMAC-SHA256 over a domain-separated message (schema version,
identifier kind, value), truncated to 80 bits and written in lowercase base32. The kind keeps an
MRN and an SSN with equal digits apart; the key id lets keys rotate while old tokens stay readable.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from collections.abc import Mapping

from .exceptions import ConfigError

__all__ = ["Pseudonymizer", "load_key"]

_DIGEST_BYTES = 10  # 80 bits: collisions stay improbable far beyond any clinic's population
_MIN_KEY_BYTES = 16


def load_key(value: str | bytes) -> bytes:
    """Turn a configured key into bytes.

    Accepts raw bytes, ``hex:...``, ``base64:...``, ``env:VARNAME`` (read now), or a plain string
    of at least 16 characters used as UTF-8.
    """
    if isinstance(value, bytes):
        key = value
    elif value.startswith("env:"):
        name = value[4:]
        env_value = os.environ.get(name)
        if not env_value:
            raise ConfigError(f"pseudonym key: environment variable {name} is not set or empty")
        return load_key(env_value)
    elif value.startswith("hex:"):
        try:
            key = bytes.fromhex(value[4:])
        except ValueError as exc:
            raise ConfigError(f"pseudonym key: 'hex:' value is not hexadecimal ({exc})") from None
    elif value.startswith("base64:"):
        try:
            key = base64.b64decode(value[7:], validate=True)
        except ValueError as exc:
            raise ConfigError(f"pseudonym key: 'base64:' value is not base64 ({exc})") from None
    else:
        key = value.encode("utf-8")
    if len(key) < _MIN_KEY_BYTES:
        raise ConfigError(
            f"pseudonym key is {len(key)} bytes; use at least {_MIN_KEY_BYTES} random bytes "
            "(for example: python -c 'import secrets; print(\"hex:\" + secrets.token_hex(32))')"
        )
    return key


class Pseudonymizer:
    """Maps identifiers to keyed tokens.

    Args:
        keys: key id -> key (bytes or a string accepted by :func:`load_key`). Old keys stay here
            after a rotation so that :meth:`tokens` can still find records tokenised with them.
        active: the key id used for new tokens; defaults to the only key when there is one.
    """

    __slots__ = ("_active", "_keys")

    def __init__(self, keys: Mapping[str, str | bytes], active: str | None = None) -> None:
        if not keys:
            raise ConfigError("pseudonyms need a key: set pseudonym_key (or HIPAALOG_PSEUDONYM_KEY)")
        for key_id in keys:
            if not key_id or ":" in key_id or not key_id.isascii():
                raise ConfigError(f"pseudonym key id {key_id!r} must be non-empty ASCII without ':'")
        self._keys = {key_id: load_key(key) for key_id, key in keys.items()}
        if active is None:
            if len(self._keys) != 1:
                raise ConfigError("several pseudonym keys given: name the active one with active=")
            active = next(iter(self._keys))
        if active not in self._keys:
            raise ConfigError(f"active pseudonym key id {active!r} is not among the keys given")
        self._active = active

    @property
    def key_id(self) -> str:
        """The id of the key used for new tokens."""
        return self._active

    def token(self, kind: str, value: str, key_id: str | None = None) -> str:
        """The token of ``value`` as an identifier of ``kind`` (for example ``"SSN"``)."""
        kid = self._active if key_id is None else key_id
        message = b"hipaalog/1\x00" + kind.encode("utf-8") + b"\x00" + value.encode("utf-8", "surrogatepass")
        digest = hmac.new(self._keys[kid], message, hashlib.sha256).digest()[:_DIGEST_BYTES]
        return f"{kind}:{kid}:{base64.b32encode(digest).decode('ascii').lower()}"

    def tokens(self, kind: str, value: str) -> dict[str, str]:
        """The token of ``value`` under every known key, by key id (to search across rotations)."""
        return {kid: self.token(kind, value, kid) for kid in self._keys}

    def __repr__(self) -> str:
        return f"Pseudonymizer(key_ids={sorted(self._keys)!r}, active={self._active!r})"
