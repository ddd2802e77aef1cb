"""Secret keys for the integrity chain: parsing configured values, checking key ids."""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Mapping
from typing import Final

from ..exceptions import ConfigError

__all__ = ["KEY_ID_PATTERN", "MIN_KEY_BYTES", "check_key_id", "load_keys", "load_secret", "parse_key_list"]

MIN_KEY_BYTES: Final = 16
KEY_ID_PATTERN: Final = re.compile(r"^[A-Za-z0-9._-]{1,32}$")
"""Key ids are written into records unescaped, so they are short and plain."""

_ADVICE: Final = "python -c 'import secrets; print(\"hex:\" + secrets.token_hex(32))'"


def check_key_id(key_id: object, what: str = "audit key id") -> str:
    """``key_id`` if it is 1-32 characters of letters, digits, ``.``, ``_`` or ``-``; else a ConfigError."""
    if not isinstance(key_id, str) or not KEY_ID_PATTERN.match(key_id):
        raise ConfigError(f"{what} {key_id!r} must be 1-32 characters of letters, digits, '.', '_' or '-'")
    return key_id


def load_secret(value: object, what: str = "audit key") -> bytes:
    """Bytes of a secret given as bytes, ``hex:...``, ``base64:...``, ``env:VAR`` or a plain string.

    A plain string is used as UTF-8 and must be at least 16 bytes long, as must every key.
    """
    if isinstance(value, (bytes, bytearray)):
        key = bytes(value)
    elif isinstance(value, str):
        if value.startswith("env:"):
            name = value[4:]
            env_value = os.environ.get(name)
            if not env_value:
                raise ConfigError(f"{what}: environment variable {name} is not set or empty")
            return load_secret(env_value, what)
        if value.startswith("hex:"):
            try:
                key = bytes.fromhex(value[4:])
            except ValueError:
                raise ConfigError(f"{what}: the value after 'hex:' is not hexadecimal") from None
        elif value.startswith("base64:"):
            try:
                key = base64.b64decode(value[7:], validate=True)
            except ValueError:
                raise ConfigError(f"{what}: the value after 'base64:' is not base64") from None
        else:
            key = value.encode("utf-8")
    else:
        raise ConfigError(
            f"{what} must be bytes or a string such as 'hex:...' or 'env:VAR', not {type(value).__name__}"
        )
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"{what} is {len(key)} bytes; use at least {MIN_KEY_BYTES} random bytes ({_ADVICE})")
    return key


def load_keys(keys: Mapping[str, object], what: str = "audit key") -> dict[str, bytes]:
    """Key id -> key bytes for every entry of ``keys`` (values as :func:`load_secret` accepts)."""
    if not isinstance(keys, Mapping):
        raise ConfigError(f"{what}s must be a mapping of key id -> key, not {type(keys).__name__}")
    return {check_key_id(kid, f"{what} id"): load_secret(value, f"{what} {kid!r}") for kid, value in keys.items()}


def parse_key_list(text: str, what: str = "audit key") -> dict[str, bytes]:
    """Keys from ``"k1=hex:...,k2=env:OLD_KEY"`` (the form of ``HIPAALOG_AUDIT_KEYS`` and ``--key``)."""
    keys: dict[str, object] = {}
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        kid, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(f"{what}: {item[:20]!r}... is not of the form ID=KEY (for example k1=hex:...)")
        keys[kid.strip()] = value.strip()
    return load_keys(keys, what)
