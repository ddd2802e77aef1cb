"""Biometric identifiers after their cue words: ``fingerprint_id=FP-9A8B7C``, ``voiceprint hash 9f2c...``.

Safe Harbor's identifier (P) covers finger and voice prints; a log holds the id or hash of the enrolled template
(``fingerprint template 7906347b...``, ``iris scan IRIS-740594``, ``palm vein pattern 3f2a...``, ``biometric_template:
9f2c...``). The value after such a cue (up to two nouns of what it is, then ``:``, ``=`` or ``#``) is masked when it
holds a digit and at least six characters. A cryptographic fingerprint (``ssh key fingerprint``, ``cert fingerprint
SHA256:...``) and a browser's or a device's are not a person's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import CUED

__all__ = ["BIOMETRIC_CUE_WORDS", "BiometricDetector"]

_PRINTS: Final = r"(?:finger|voice|palm|face|thumb)[ _-]?prints?|biometrics?|palm[ _-]?veins?|vein[ _-]?patterns?"
_ORGANS: Final = r"iris|retina|retinal|face|facial|hand[ _-]?geometry"
_NOUNS: Final = (
    r"templates?|hash(?:es)?|scans?|ids?|codes?|patterns?|data|tokens?|signatures?|vectors?|embeddings?|encodings?"
    r"|records?|samples?|refs?|digest"
)
_BIOMETRIC: Final = re.compile(
    rf"(?=[BbFfVvPpTtIiRrHh])(?<![A-Za-z])(?i:(?:({_PRINTS})(?:[ _-](?:{_NOUNS})){{0,2}}"
    rf"|(?:{_ORGANS})(?:[ _-](?:{_NOUNS})){{1,2}}))"
    r"(?:[ ]?[:=#][ ]*|[ ](?:is|was)[ ]|[ ])['\"]?([A-Za-z0-9][A-Za-z0-9_-]{5,})(?![A-Za-z0-9_:-])"
)
"""A cue (a print or a biometric, or an organ with the noun of what was taken) and the value after it."""
_NOT_A_PERSON: Final = frozenset(
    {
        "key",
        "keys",
        "cert",
        "certificate",
        "ssh",
        "host",
        "tls",
        "ssl",
        "gpg",
        "pgp",
        "sha",
        "sha1",
        "sha256",
        "md5",
        "browser",
        "device",
        "client",
        "canvas",
        "ja3",
        "server",
        "file",
        "content",
        "build",
        "schema",
        "config",
        "public",
        "signing",
        "audio",
        "tcp",
    }
)
"""Words right before ``fingerprint`` that make it a key's, a file's or a machine's."""
_WORD_BEFORE: Final = re.compile(r"([A-Za-z0-9]+)[ _.-]*$")
BIOMETRIC_CUE_WORDS: Final = frozenset(
    {
        "fingerprint",
        "fingerprints",
        "voiceprint",
        "voiceprints",
        "palmprint",
        "faceprint",
        "thumbprint",
        "biometric",
        "biometrics",
        "iris",
        "retina",
        "retinal",
        "facial",
        "face",
        "palm",
        "vein",
        "finger",
        "voice",
        "thumb",
        "hand",
    }
)
"""The words a cue opens with, for the gate (lower case; the gate adds the other cases)."""


class BiometricDetector(BaseDetector):
    """The id or hash of a person's biometric template after its cue (``voiceprint hash 9f2c51e0a7``)."""

    gate = CUED
    name = "biometric"
    kinds = ("BIOMETRIC",)

    def find(self, text: str) -> Iterator[Span]:
        for found in _BIOMETRIC.finditer(text):
            value = found[2]
            if not any(c.isdigit() for c in value) or value.lower() in ("sha256", "sha512", "sha1", "md5"):
                continue
            if found[1] is not None and found[1][:1] in "fF":
                before = _WORD_BEFORE.search(text, max(0, found.start() - 24), found.start())
                if before is not None and before[1].lower() in _NOT_A_PERSON:
                    continue  # "ssh key fingerprint ...", "cert_fingerprint=...": a key's, not a finger's
            yield found.start(2), found.end(2), "BIOMETRIC"
