"""Archiving audit segments for six years: S3-compatible storage with Object Lock (extra ``s3``).

Give :meth:`S3Archive.submit` to an audit stream as its ``on_rotate`` hook: every rotated,
compressed segment is uploaded with COMPLIANCE retention, checksums sent and verified, retried
until it is stored, and removed locally only once the stored object was read back and matched.
"""

from __future__ import annotations

from ._s3 import ArchivedObject, ArchiveError, S3Archive, retain_until

__all__ = ["ArchiveError", "ArchivedObject", "S3Archive", "retain_until"]
