"""Archiving audit segments for six years: S3-compatible storage with Object Lock (extra ``s3``).

Give :meth:`S3Archive.submit` to an audit stream as its ``on_rotate`` hook: every rotated,
compressed segment is uploaded with COMPLIANCE retention, checksums sent and verified, retried
until it is stored, and removed locally only once the stored object was read back and matched.
Give :meth:`S3Archive.anchor` to its ``anchors`` to lock each checkpoint line in the bucket as it is
made; :meth:`S3Archive.download` and :meth:`S3Archive.download_checkpoints` restore the locked
versions even when later versions or delete markers cover them.
"""

from __future__ import annotations

from ._s3 import ArchivedObject, ArchiveError, Downloaded, S3Archive, retain_until

__all__ = ["ArchiveError", "ArchivedObject", "Downloaded", "S3Archive", "retain_until"]
