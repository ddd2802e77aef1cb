"""Checkpoints: the stream's count and chain head at a moment, MAC'd and optionally signed.

A checkpoint is one JSON line in a separate file: ``{"type": "hipaalog.checkpoint", "count",
"head", "time", "key_id", "segment", "sig_key"?, "mac", "sig"?}``. ``mac`` is an HMAC-SHA256
with the audit key ``key_id``; ``sig`` an Ed25519 signature (base64) by the signing key whose
fingerprint is ``sig_key``. Both cover the line without ``mac`` and ``sig``. A stream shorter
than its latest checkpoint has been truncated.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import orjson

from ..exceptions import ConfigError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

__all__ = [
    "CHECKPOINT_TYPE",
    "Checkpoint",
    "fingerprint",
    "load_public_key",
    "load_signing_key",
    "make_checkpoint",
    "read_checkpoint",
]

CHECKPOINT_TYPE: Final = "hipaalog.checkpoint"
_DOMAIN: Final = b"hipaalog-checkpoint/1\x00"
_TAIL: Final = re.compile(rb',"mac":"([0-9a-f]{64})"(?:,"sig":"([A-Za-z0-9+/]+={0,2})")?\}\Z')


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A checkpoint as read: the stream held ``count`` records whose last chain value was ``head``."""

    count: int
    head: bytes
    time: str
    key_id: str
    segment: str
    signed: bool


def _crypto_missing() -> ConfigError:
    return ConfigError("Ed25519 signing needs the cryptography package: pip install 'hipaalog[signing]'")


def fingerprint(public_key: Ed25519PublicKey) -> str:
    """A short id of an Ed25519 public key: the first 16 hex digits of SHA-256 of its raw bytes."""
    from cryptography.hazmat.primitives import serialization

    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _material(value: object, what: str) -> bytes:
    """Bytes of a key given as bytes, ``hex:...``, ``env:VAR`` or the path of a PEM file."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if not isinstance(value, (str, os.PathLike)):
        raise ConfigError(f"{what} must be a key object, PEM bytes, 'hex:...', 'env:VAR' or a PEM file path")
    text = os.fspath(value)
    if text.startswith("env:"):
        env_value = os.environ.get(text[4:])
        if not env_value:
            raise ConfigError(f"{what}: environment variable {text[4:]} is not set or empty")
        return env_value.encode("utf-8") if env_value.startswith("-----") else _material(env_value, what)
    if text.startswith("hex:"):
        try:
            return bytes.fromhex(text[4:])
        except ValueError:
            raise ConfigError(f"{what}: the value after 'hex:' is not hexadecimal") from None
    try:
        with open(text, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise ConfigError(f"{what}: cannot read {text!r}: {exc.strerror}") from None


def load_signing_key(value: object) -> Ed25519PrivateKey:
    """An Ed25519 private key from a key object, PEM (bytes or file path), ``hex:`` raw 32 bytes or ``env:VAR``."""
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    except ImportError:
        raise _crypto_missing() from None
    if isinstance(value, Ed25519PrivateKey):
        return value
    data = _material(value, "signing_key")
    try:
        if data.startswith(b"-----"):
            key = serialization.load_pem_private_key(data, password=None)
        else:
            key = Ed25519PrivateKey.from_private_bytes(data)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"signing_key is not an Ed25519 private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError(f"signing_key must be an Ed25519 key, not {type(key).__name__}")
    return key


def load_public_key(value: object) -> Ed25519PublicKey:
    """An Ed25519 public key from a key object, PEM (bytes or file path), ``hex:`` raw 32 bytes or ``env:VAR``."""
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
    except ImportError:
        raise _crypto_missing() from None
    if isinstance(value, Ed25519PublicKey):
        return value
    if isinstance(value, Ed25519PrivateKey):
        return value.public_key()
    data = _material(value, "public key")
    try:
        if data.startswith(b"-----"):
            key = serialization.load_pem_public_key(data)
        else:
            key = Ed25519PublicKey.from_public_bytes(data)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"public key is not an Ed25519 public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ConfigError(f"the public key must be an Ed25519 key, not {type(key).__name__}")
    return key


def make_checkpoint(
    *,
    count: int,
    head: bytes,
    time: str,
    key_id: str,
    key: bytes,
    segment: str,
    signing_key: Ed25519PrivateKey | None = None,
) -> bytes:
    """One checkpoint line (without newline)."""
    fields: dict[str, Any] = {
        "type": CHECKPOINT_TYPE,
        "count": count,
        "head": head.hex(),
        "time": time,
        "key_id": key_id,
        "segment": segment,
    }
    if signing_key is not None:
        fields["sig_key"] = fingerprint(signing_key.public_key())
    body = orjson.dumps(fields)
    mac = hmac.new(key, _DOMAIN + body, hashlib.sha256).hexdigest()
    line = b'%s,"mac":"%s"' % (body[:-1], mac.encode("ascii"))
    if signing_key is not None:
        line += b',"sig":"%s"' % base64.b64encode(signing_key.sign(_DOMAIN + body))
    return line + b"}"


def read_checkpoint(
    line: bytes, keys: dict[str, bytes], public_keys: dict[str, Ed25519PublicKey]
) -> tuple[Checkpoint | None, str, str]:
    """(checkpoint, problem kind, detail) of one line; the checkpoint is ``None`` unless it is authentic.

    The kind is ``""`` for an authentic checkpoint, ``"modified"`` when the MAC or signature does
    not hold or the line is malformed, ``"unverifiable"`` when its key is not among ``keys`` or
    ``public_keys`` (a non-empty ``public_keys`` means every checkpoint must carry a valid signature).
    """
    match = _TAIL.search(line)
    if match is None:
        return None, "modified", "checkpoint line is malformed (no mac)"
    body = line[: match.start()] + b"}"
    try:
        fields = orjson.loads(body)
        count, head, time, key_id = fields["count"], bytes.fromhex(fields["head"]), fields["time"], fields["key_id"]
        segment = str(fields.get("segment", ""))
        if fields.get("type") != CHECKPOINT_TYPE or type(count) is not int or len(head) != 32:
            raise ValueError("not a checkpoint")
    except (ValueError, KeyError, TypeError):
        return None, "modified", "checkpoint line is malformed"
    key = keys.get(key_id)
    if key is None:
        return None, "unverifiable", f"checkpoint MAC key {key_id!r} was not given"
    expected = hmac.new(key, _DOMAIN + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, match.group(1).decode("ascii")):
        return None, "modified", f"checkpoint of count {count}: MAC does not match"
    signed = False
    if public_keys:
        sig_key = fields.get("sig_key")
        public_key = public_keys.get(sig_key) if isinstance(sig_key, str) else None
        if match.group(2) is None:
            return None, "modified", f"checkpoint of count {count} is not signed"
        if public_key is None:
            return None, "unverifiable", f"checkpoint of count {count} is signed by unknown key {sig_key!r}"
        from cryptography.exceptions import InvalidSignature

        try:
            public_key.verify(base64.b64decode(match.group(2)), _DOMAIN + body)
        except (InvalidSignature, ValueError):
            return None, "modified", f"checkpoint of count {count}: signature does not match"
        signed = True
    return Checkpoint(count, head, str(time), str(key_id), segment, signed), "", ""
