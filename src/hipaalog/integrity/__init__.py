"""Tamper evidence for audit streams: the HMAC chain, checkpoints, and verification.

Each record of an audit stream carries ``seq`` (1, 2, 3, ... across rotated segments), ``key_id``
and ``chain`` = HMAC-SHA256(key, previous chain || the record's bytes). Checkpoints, written to a
separate file, record the count and chain head from time to time so that a stream cut short is
noticed. :func:`verify_files` checks all of it and says what was modified, deleted, inserted,
reordered or truncated, and where.
"""

from __future__ import annotations

from ._checkpoint import CHECKPOINT_TYPE, Checkpoint, fingerprint, load_public_key, load_signing_key
from ._keys import load_keys, load_secret
from ._names import checkpoints_path, rotated_name, stream_of
from ._seal import GENESIS, SealedLine, Sealer, Unsealed, chain_value, seal, unseal
from ._verify import PROBLEM_KINDS, Problem, StreamSummary, VerifyResult, keys_from_env, verify_files

__all__ = [
    "CHECKPOINT_TYPE",
    "GENESIS",
    "PROBLEM_KINDS",
    "Checkpoint",
    "Problem",
    "SealedLine",
    "Sealer",
    "StreamSummary",
    "Unsealed",
    "VerifyResult",
    "chain_value",
    "checkpoints_path",
    "fingerprint",
    "keys_from_env",
    "load_keys",
    "load_public_key",
    "load_secret",
    "load_signing_key",
    "rotated_name",
    "seal",
    "stream_of",
    "unseal",
    "verify_files",
]
