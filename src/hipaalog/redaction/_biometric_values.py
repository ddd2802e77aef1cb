"""Biometric identifiers after their cue words: ``fingerprint_id=FP-9A8B7C``, ``voiceprint hash 9f2c...``.

Safe Harbor's identifier (P) covers finger and voice prints; a log holds the id or hash of the enrolled template
(``fingerprint template 7906347b...``, ``iris scan IRIS-740594``, ``palm vein pattern 3f2a...``, ``biometric_template:
9f2c...``). The value after such a cue (up to two nouns of what it is, then ``:``, ``=`` or ``#``) is masked when it
holds a digit and at least six characters. A cryptographic fingerprint (``ssh key fingerprint``, ``cert fingerprint
SHA256:...``) and a browser's or a device's are not a person's.

A value may name its modality itself (``IRIS-e09888bde94d2a88``, ``fp_9c1e4b7a20``, ``palm-3f2a91c7``,
``voiceprint:7d2e...``): a print's or an organ's word, ``-``, ``_`` or ``:``, then 8 letters and digits or more with
a digit is a template's id anywhere. ``face``, ``voice`` and ``bio`` name other things too (``face-api``, a voice
call): their values count after a template's key (``template=FACE-a81bc7d2e9``). A template's key alone
(``template``, ``tmpl``, ``vector_id``) holds a person's template only where the text verifies an identity
(``identity verified``, ``selfie``, ``liveness``, ``enrolled``); a CMS's ``template=a81bc7d2e9f0`` is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import CUED

__all__ = ["BIOMETRIC_CUE_WORDS", "BIOMETRIC_KEY_WORDS", "BiometricDetector"]

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
_NAMED_VALUE: Final = re.compile(
    r"(?=[IiFfPpVvRrTtBb])(?<![\w-])(?i:(iris|fp|fingerprint|finger|palm|palmprint|palm[_-]?vein|voiceprint|"
    r"faceprint|retina|retinal|thumbprint|thumb|biometric)|(face|facial|voice|bio|vp))[-_:]([A-Za-z0-9]{8,64})(?![\w-])"
)
"""A value that names its modality: a strong word (anywhere) or a weak one (after a template's key), then its id."""
_TEMPLATE_KEY: Final = re.compile(
    r"(?=[TtVvEe])(?<![\w])(?i:templates?|tmpl|template[_-]?id|tmpl[_-]?id|vector[_-]?id|embedding[_-]?id|"
    r"enrol(?:l?ment)?[_-]?id)[\"']?[ ]?[:=][ ]?[\"']?([A-Za-z0-9][A-Za-z0-9_:-]{7,80})(?![\w-])"
)
"""A template's key and its value."""
_VERIFYING: Final = re.compile(
    r"(?i:identity[ _-]?(?:verified|verification|check)|selfie|liveness|face[ _-]?match|kyc|biometric|"
    r"id[ _-]?verification|facial[ _-]?recognition|1:1[ ]match|enrol(?:l?ment|l?ed|ling)\b|re-?enrol)"
)
"""Words of a text about verifying who a person is."""
BIOMETRIC_KEY_WORDS: Final = frozenset({"template", "templates", "tmpl", "template_id", "tmpl_id", "vector_id"})
"""Template keys, for the gate (their value may name its modality, or the text may verify an identity)."""
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
        for named in _NAMED_VALUE.finditer(text):
            if not any(c.isdigit() for c in named[3]):
                continue
            if named[1] is None and _TEMPLATE_KEY.match(text, max(0, text.rfind(" ", 0, named.start()) + 1)) is None:
                continue  # "face-api3d2c1b0a", a voice call's id: only a template's key makes them a person's
            yield named.start(), named.end(), "BIOMETRIC"
        if "emplate" in text or "mpl" in text or "_id" in text or "_ID" in text or "Id" in text:
            verifying: bool | None = None
            for keyed in _TEMPLATE_KEY.finditer(text):
                value = keyed[1]
                if not any(c.isdigit() for c in value):
                    continue
                if verifying is None:
                    verifying = _VERIFYING.search(text) is not None
                if not verifying:
                    break
                yield keyed.start(1), keyed.end(1), "BIOMETRIC"
