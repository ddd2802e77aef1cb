"""Uploading rotated audit segments to S3-compatible storage under Object Lock, verified.

One upload: compress the segment if it is not yet (gzip, reproducible bytes), ``PutObject``
with ``Content-MD5`` and ``x-amz-checksum-sha256`` (the server rejects a body that does not
match), COMPLIANCE retention, optional SSE-KMS, and ``If-None-Match: *`` so the object key, named
after the segment, is written at most once. An object already there is accepted only if its
SHA-256 equals ours (a retry of an upload whose answer was lost). Then the object is read back:
length, checksum and retention must be what was sent. A segment stored as it is (already gzip)
takes its recorded verification, Parquet columns and rollup along, when the stream wrote them, stored and
checked the same way beside it (``.<segment>.verified.json``, ``.<segment>.columns.parquet``,
``.<segment>.rollup.parquet``), so a
report over the archive can trust them. Only then are the local files removed.
"""

from __future__ import annotations

import base64
import datetime as _dt
import gzip
import hashlib
import io
import os
import posixpath
import random
import threading
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import orjson

from .. import _diagnostics
from ..audit._sealed import columns_path, record_path, rollup_path
from ..exceptions import ConfigError, HipaalogError
from ..integrity._names import CHECKPOINTS_SUFFIX, stream_of

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["ArchiveError", "ArchivedObject", "Downloaded", "S3Archive", "retain_until"]

_MODES: Final = ("COMPLIANCE", "GOVERNANCE")
_RETENTION_SLACK: Final = _dt.timedelta(seconds=5)
_ANCHORED: Final = CHECKPOINTS_SUFFIX + "/"
"""Checkpoint lines are archived under ``<prefix><stream name>.checkpoints/<count>.json``."""
_MAX_ANCHORS: Final = 100_000
"""Checkpoint lines waiting for upload at most; more are dropped (counted)."""


class Downloaded(list[str]):
    """Paths of downloaded files, in order. ``covered`` names each object restored from its locked version
    because a later version or a delete marker hides it (someone wrote or deleted over the archive)."""

    def __init__(self, paths: list[str], covered: list[str]) -> None:
        super().__init__(paths)
        self.covered = covered


class ArchiveError(HipaalogError):
    """An upload did not happen or could not be verified; the local segment was kept.

    ``retryable`` is False when trying again cannot help (a different object holds the key).
    """

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


@dataclass(frozen=True)
class ArchivedObject:
    """A segment safely archived: where, its size and SHA-256, and until when it is locked."""

    bucket: str
    key: str
    version_id: str | None
    size: int
    sha256: str
    retain_until: _dt.datetime
    mode: str
    already_there: bool


def _add_years(moment: _dt.datetime, years: int) -> _dt.datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February in a year that has none: the next day
        return moment.replace(year=moment.year + years, month=3, day=1)


def retain_until(now: _dt.datetime, *, years: int = 6, days: int = 0) -> _dt.datetime:
    """The retention date for an object stored at ``now``: ``years`` calendar years plus ``days``."""
    return _add_years(now, years) + _dt.timedelta(days=days)


def _gzip_bytes(path: str) -> bytes:
    buffer = io.BytesIO()
    with open(path, "rb") as source, gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as zipped:
        while chunk := source.read(1 << 20):
            zipped.write(chunk)
    return buffer.getvalue()


def _sidecars(segment: str) -> list[tuple[str, str]]:
    """The segment's recorded verification, Parquet columns and rollup that exist, each with its name's suffix."""
    found = []
    for local in (record_path(segment), columns_path(segment), rollup_path(segment)):
        if os.path.exists(local):
            found.append((local, os.path.basename(local)[len(os.path.basename(segment)) + 1 :]))
    return found


def _error_code(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", ""))
    return ""


class S3Archive:
    """Archives rotated audit segments in an S3 bucket with Object Lock; use ``submit`` as ``on_rotate``.

    Args:
        bucket: a bucket created with Object Lock enabled (``check()`` says whether it is).
        prefix: object keys are ``<prefix><stream name>/<segment name>.gz``.
        client: a boto3 S3 client; default one built from ``endpoint_url``/``region_name`` and
            boto3's usual credential chain (environment, profile, instance role).
        retention_years, retention_days: how long each object is locked (default six years,
            HIPAA's documentation retention, 45 CFR 164.316(b)(2)(i)).
        mode: ``"COMPLIANCE"`` (nobody, root included, can shorten or delete) or ``"GOVERNANCE"``.
        kms_key_id: encrypt with SSE-KMS under this key (``"aws:kms"`` with the bucket's default
            key when set to ``""``); ``None`` leaves encryption to the bucket's default.
        delete_local: remove the local segment once its upload is verified.
        retry_initial, retry_max: backoff between attempts of a failed upload (doubling, with jitter).
    """

    def __init__(
        self,
        bucket: str,
        *,
        prefix: str = "audit/",
        client: Any = None,
        endpoint_url: str | None = None,
        region_name: str | None = None,
        retention_years: int = 6,
        retention_days: int = 0,
        mode: str = "COMPLIANCE",
        kms_key_id: str | None = None,
        delete_local: bool = True,
        retry_initial: float = 1.0,
        retry_max: float = 300.0,
    ) -> None:
        if not isinstance(bucket, str) or not 3 <= len(bucket) <= 63:
            raise ConfigError("bucket must be an S3 bucket name (3 to 63 characters)")
        if mode not in _MODES:
            raise ConfigError(f"mode must be COMPLIANCE or GOVERNANCE, not {mode!r}")
        for name, value in (("retention_years", retention_years), ("retention_days", retention_days)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ConfigError(f"{name} must be a non-negative integer, not {value!r}")
        if retention_years == 0 and retention_days == 0:
            raise ConfigError("retention must be at least one day (retention_years=6 by default)")
        if not retry_initial > 0 or retry_max < retry_initial:
            raise ConfigError("retry_initial must be positive and retry_max at least retry_initial")
        self.bucket = bucket
        self.prefix = prefix
        self.retention_years = retention_years
        self.retention_days = retention_days
        self.mode = mode
        self.kms_key_id = kms_key_id
        self.delete_local = delete_local
        self.retry_initial = float(retry_initial)
        self.retry_max = float(retry_max)
        self._client: S3Client = client if client is not None else self._make_client(endpoint_url, region_name)
        self._queue: deque[str] = deque()
        self._anchors: deque[tuple[str, bytes]] = deque()
        self._attempts: dict[str, int] = {}
        self._cond = threading.Condition()
        self._busy = False
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._counts = {
            "uploaded": 0,
            "already_there": 0,
            "retried": 0,
            "failed": 0,
            "anchored": 0,
            "anchors_dropped": 0,
        }
        self.archived: list[ArchivedObject] = []

    @staticmethod
    def _make_client(endpoint_url: str | None, region_name: str | None) -> S3Client:
        try:
            import boto3
            from botocore.config import Config
        except ImportError:
            raise ConfigError("archiving to S3 needs boto3: pip install 'hipaalog[s3]'") from None
        config = Config(
            retries={"max_attempts": 2, "mode": "standard"},
            connect_timeout=5,
            read_timeout=60,
            s3={"addressing_style": "path"} if endpoint_url else {},
        )
        return boto3.client("s3", endpoint_url=endpoint_url, region_name=region_name, config=config)

    # -- one upload ---------------------------------------------------------------------------
    def object_key(self, path: str | os.PathLike[str]) -> str:
        """The object key of a segment: stable, so a retried upload targets the same object."""
        text = os.fspath(path)
        name = os.path.basename(text)
        stream = os.path.basename(stream_of(text))
        return f"{self.prefix}{stream}/{name if name.endswith('.gz') else name + '.gz'}"

    def put_arguments(self, key: str, body: bytes, now: _dt.datetime) -> dict[str, Any]:
        """The ``PutObject`` arguments for ``body`` (checksums, retention, encryption, no overwrite)."""
        arguments: dict[str, Any] = {
            "Bucket": self.bucket,
            "Key": key,
            "Body": body,
            "ContentType": "application/gzip",
            "ContentMD5": base64.b64encode(hashlib.md5(body).digest()).decode("ascii"),
            "ChecksumSHA256": base64.b64encode(hashlib.sha256(body).digest()).decode("ascii"),
            "ObjectLockMode": self.mode,
            "ObjectLockRetainUntilDate": retain_until(now, years=self.retention_years, days=self.retention_days),
            "IfNoneMatch": "*",
        }
        if self.kms_key_id is not None:
            arguments["ServerSideEncryption"] = "aws:kms"
            if self.kms_key_id:
                arguments["SSEKMSKeyId"] = self.kms_key_id
        return arguments

    def upload(self, path: str | os.PathLike[str]) -> ArchivedObject:
        """Upload one segment and verify it; remove the local file if ``delete_local``.

        Raises:
            ArchiveError: the object is not safely stored (the local file is kept).
        """
        text = os.fspath(path)
        try:
            if text.endswith(".gz"):
                with open(text, "rb") as fh:
                    body = fh.read()
            else:
                body = _gzip_bytes(text)
        except OSError as exc:
            raise ArchiveError(f"{text}: cannot read: {exc.strerror or exc}", retryable=False) from exc
        key = self.object_key(text)
        now = _dt.datetime.now(_dt.timezone.utc)
        arguments = self.put_arguments(key, body, now)
        sha256 = arguments["ChecksumSHA256"]
        already_there = False
        try:
            response = self._client.put_object(**arguments)
            version_id = response.get("VersionId")
        except Exception as exc:
            if _error_code(exc) not in ("PreconditionFailed", "412"):
                raise ArchiveError(f"s3://{self.bucket}/{key}: upload failed: {exc}") from exc
            already_there, version_id = True, None
        stored = self._verify(
            key,
            body,
            sha256=sha256,
            version_id=version_id,
            wanted_until=arguments["ObjectLockRetainUntilDate"],
            already_there=already_there,
        )
        sidecars = _sidecars(text) if text.endswith(".gz") else []
        for local, suffix in sidecars:
            self._put_verified(f"{posixpath.dirname(key)}/.{posixpath.basename(key)}{suffix}", local)
        if self.delete_local:
            for local in (text, *(local for local, _ in sidecars)):
                try:
                    os.unlink(local)
                except FileNotFoundError:
                    pass
        return stored

    def _put_verified(self, key: str, path: str) -> None:
        """Store one sidecar of a segment as the segment is stored (locked, checked, written once)."""
        try:
            with open(path, "rb") as fh:
                body = fh.read()
        except OSError as exc:
            raise ArchiveError(f"{path}: cannot read: {exc.strerror or exc}", retryable=False) from exc
        arguments = self.put_arguments(key, body, _dt.datetime.now(_dt.timezone.utc))
        arguments["ContentType"] = "application/octet-stream"
        already_there, version_id = False, None
        try:
            version_id = self._client.put_object(**arguments).get("VersionId")
        except Exception as exc:
            if _error_code(exc) not in ("PreconditionFailed", "412"):
                raise ArchiveError(f"s3://{self.bucket}/{key}: upload failed: {exc}") from exc
            already_there = True
        self._verify(
            key,
            body,
            sha256=arguments["ChecksumSHA256"],
            version_id=version_id,
            wanted_until=arguments["ObjectLockRetainUntilDate"],
            already_there=already_there,
        )

    def _verify(
        self,
        key: str,
        body: bytes,
        *,
        sha256: str,
        version_id: str | None,
        wanted_until: _dt.datetime,
        already_there: bool,
    ) -> ArchivedObject:
        where = f"s3://{self.bucket}/{key}"
        head: dict[str, Any]
        try:
            head = dict(self._client.head_object(Bucket=self.bucket, Key=key, ChecksumMode="ENABLED"))
        except Exception as exc:
            raise ArchiveError(f"{where}: cannot read the object back: {exc}") from exc
        stored_sha = head.get("ChecksumSHA256")
        if stored_sha is None:
            stored_sha = self._sha256_of_object(key, where)
        if head.get("ContentLength") != len(body) or stored_sha != sha256:
            if already_there:
                raise ArchiveError(
                    f"{where} already holds different content; the local segment is kept for investigation",
                    retryable=False,
                )
            raise ArchiveError(f"{where}: the stored object does not match what was sent")
        version = version_id or head.get("VersionId")
        try:
            arguments: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
            if version:
                arguments["VersionId"] = version
            retention = self._client.get_object_retention(**arguments)["Retention"]
        except Exception as exc:
            raise ArchiveError(f"{where}: no Object Lock retention on the object ({exc})") from exc
        mode, until = retention.get("Mode"), retention.get("RetainUntilDate")
        minimum = wanted_until - _RETENTION_SLACK
        if already_there:  # stored by an earlier attempt: locked from then on
            minimum = retain_until(
                _dt.datetime.now(_dt.timezone.utc) - _dt.timedelta(days=1),
                years=self.retention_years,
                days=self.retention_days,
            )
        if mode != self.mode or until is None or until < minimum:
            raise ArchiveError(f"{where}: retention is {mode} until {until}, not {self.mode} until {wanted_until}")
        return ArchivedObject(
            self.bucket, key, version, len(body), sha256, until, str(mode), already_there=already_there
        )

    def _sha256_of_object(self, key: str, where: str) -> str:
        try:
            data = self._client.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        except Exception as exc:
            raise ArchiveError(f"{where}: cannot read the object back: {exc}") from exc
        return base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")

    def check(self) -> None:
        """Raise :class:`ConfigError` unless the bucket exists with Object Lock enabled."""
        try:
            config = self._client.get_object_lock_configuration(Bucket=self.bucket)
        except Exception as exc:
            raise ConfigError(f"s3://{self.bucket}: cannot read its Object Lock configuration: {exc}") from exc
        if config.get("ObjectLockConfiguration", {}).get("ObjectLockEnabled") != "Enabled":
            raise ConfigError(f"s3://{self.bucket} does not have Object Lock enabled; create it with Object Lock")

    # -- the background queue -----------------------------------------------------------------
    def submit(self, path: str | os.PathLike[str]) -> None:
        """Queue a segment for upload (the ``on_rotate`` hook of an audit stream). Never raises."""
        with self._cond:
            text = os.fspath(path)
            if text not in self._queue:
                self._queue.append(text)
            self._start_locked()
            self._cond.notify_all()

    def __call__(self, path: str) -> None:
        """Same as :meth:`submit`, so the archive itself can be an ``on_rotate`` hook."""
        self.submit(path)

    def anchor_key(self, line: bytes, checkpoints: str) -> str:
        """The object key of one checkpoint line of the stream whose checkpoints file is ``checkpoints``."""
        try:
            count = int(orjson.loads(line)["count"])
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            count = -1
        name = f"{count:015d}" if count >= 0 else "unreadable-" + hashlib.sha256(line).hexdigest()[:16]
        return f"{self.prefix}{os.path.basename(stream_of(checkpoints))}{_ANCHORED}{name}.json"

    def anchor(self, line: bytes, checkpoints: str) -> None:
        """Queue one checkpoint line for the bucket, locked like the segments (an audit stream's ``anchors``
        hook), so that ``verify`` can check the local checkpoints against it. Never raises or blocks."""
        key = self.anchor_key(line, checkpoints)
        with self._cond:
            if len(self._anchors) >= _MAX_ANCHORS:
                self._counts["anchors_dropped"] += 1
                _diagnostics.problem("archive-anchor-dropped", f"{key}: too many checkpoints waiting for upload")
                return
            self._anchors.append((key, bytes(line)))
            self._start_locked()
            self._cond.notify_all()

    def _start_locked(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="hipaalog-archive", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._anchors and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                anchor = self._anchors.popleft() if self._anchors else None
                path = self._queue.popleft() if anchor is None else ""
                self._busy = True
            delay = 0.0
            try:
                delay = self._attempt_anchor(*anchor) if anchor is not None else self._attempt(path)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
            if delay:
                self._wake.wait(delay)
                self._wake.clear()

    def _attempt(self, path: str) -> float:
        """Try one upload; on a retryable failure requeue it and return how long to wait."""
        if not os.path.exists(path):
            return 0.0
        try:
            stored = self.upload(path)
        except ArchiveError as exc:
            if not exc.retryable:
                self._count("failed")
                _diagnostics.problem("archive-failed", str(exc))
                return 0.0
            attempts = self._attempts.get(path, 0) + 1
            self._attempts[path] = attempts
            self._count("retried")
            _diagnostics.problem("archive-retrying", f"{exc} (attempt {attempts}; the segment stays on local disk)")
            with self._cond:
                if not self._stopping:
                    self._queue.append(path)
            backoff = min(self.retry_max, self.retry_initial * 2.0 ** min(attempts - 1, 30))
            return backoff * random.uniform(0.5, 1.0)
        self._attempts.pop(path, None)
        self._count("already_there" if stored.already_there else "uploaded")
        with self._cond:
            self.archived.append(stored)
        return 0.0

    def _attempt_anchor(self, key: str, line: bytes) -> float:
        """Store one checkpoint line (never over an existing one); on failure requeue it and back off."""
        body = line + b"\n"
        arguments = self.put_arguments(key, body, _dt.datetime.now(_dt.timezone.utc))
        arguments["ContentType"] = "application/json"
        try:
            self._client.put_object(**arguments)
        except Exception as exc:  # noqa: BLE001 - any failure of the storage: retried with backoff
            if _error_code(exc) not in ("PreconditionFailed", "412"):
                attempts = self._attempts.get(key, 0) + 1
                self._attempts[key] = attempts
                self._count("retried")
                _diagnostics.problem("archive-retrying", f"s3://{self.bucket}/{key}: {exc} (attempt {attempts})")
                with self._cond:
                    if not self._stopping:
                        self._anchors.append((key, line))
                return min(self.retry_max, self.retry_initial * 2.0 ** min(attempts - 1, 30)) * random.uniform(0.5, 1)
        self._attempts.pop(key, None)
        self._count("anchored")
        return 0.0

    def retry_now(self) -> None:
        """Cut the current backoff short (for example once storage is known to be back)."""
        self._wake.set()

    def pending(self) -> list[str]:
        """Segments waiting for upload (they are on local disk)."""
        with self._cond:
            return list(self._queue)

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every queued segment is archived (or failed for good); False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._queue and not self._anchors and not self._busy, timeout)

    def close(self, timeout: float = 10.0) -> bool:
        """Upload what is queued for up to ``timeout`` seconds, then stop; what is left stays local."""
        done = self.drain(timeout)
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._wake.set()
        return done

    def stats(self) -> dict[str, int]:
        """Counters: uploaded, already there (idempotent retries), retried attempts, failed, pending."""
        with self._cond:
            counts = dict(self._counts)
            counts["pending"] = len(self._queue) + len(self._anchors) + (1 if self._busy else 0)
        return counts

    def _count(self, name: str) -> None:
        with self._cond:
            self._counts[name] += 1

    # -- reading back -------------------------------------------------------------------------
    def _versions(self, prefix: str) -> dict[str, list[tuple[str, bool, bool]]]:
        """Every version of every key under ``prefix``: (version id, is latest, is a delete marker), oldest first."""
        found: dict[str, list[tuple[_dt.datetime, int, str, bool, bool]]] = {}
        order = 0
        paginator = self._client.get_paginator("list_object_versions")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
            for kind, marker in (("Versions", False), ("DeleteMarkers", True)):
                listed: Any = page.get(kind, [])
                for item in listed:
                    order += 1  # listed newest first
                    entry = (item["LastModified"], -order, str(item["VersionId"]), bool(item["IsLatest"]), marker)
                    found.setdefault(item["Key"], []).append(entry)
        return {key: [e[2:] for e in sorted(entries)] for key, entries in found.items()}

    def _restorable(self, key: str, versions: list[tuple[str, bool, bool]]) -> tuple[str | None, str]:
        """The version to restore (the oldest one still locked, else the current one) and what covers it."""
        now = _dt.datetime.now(_dt.timezone.utc)
        chosen: str | None = None
        for version, _latest, marker in versions:
            if marker:
                continue
            try:
                retention = self._client.get_object_retention(Bucket=self.bucket, Key=key, VersionId=version)
            except Exception:  # noqa: BLE001 - no retention on this version: not the archived one
                continue
            until = retention.get("Retention", {}).get("RetainUntilDate")
            if until is not None and until > now:
                chosen = version
                break
        latest = next((v for v in versions if v[1]), versions[-1])
        if chosen is None:
            return (None, "") if latest[2] else (latest[0], "")
        if latest[0] == chosen:
            return chosen, ""
        return chosen, "a delete marker" if latest[2] else "a later version"

    def download(self, directory: str | os.PathLike[str], stream: str | None = None) -> Downloaded:
        """Download archived segments (of one stream name, or all) into ``directory``; returns the paths.

        Each segment is restored from its locked version, even when a later version (a plain PUT over
        the key) or a delete marker (a DELETE without a version) covers it; such objects are listed in
        the result's ``covered`` and counted as the ``archive-version-covered`` problem.
        """
        target = os.fspath(directory)
        os.makedirs(target, exist_ok=True)
        prefix = self.prefix + (f"{stream}/" if stream else "")
        paths: list[str] = []
        covered: list[str] = []
        for key, versions in sorted(self._versions(prefix).items()):
            if _ANCHORED in key:
                continue
            version, cover = self._restorable(key, versions)
            if version is None:
                continue
            local = os.path.join(target, os.path.basename(key))
            self._client.download_file(self.bucket, key, local, ExtraArgs={"VersionId": version})
            if not os.path.basename(key).startswith("."):  # a segment's sidecar is downloaded beside it, unlisted
                paths.append(local)
            if cover:
                note = f"s3://{self.bucket}/{key}: restored its locked version {version}; {cover} covers it"
                covered.append(note)
                _diagnostics.problem("archive-version-covered", note)
        return Downloaded(sorted(paths), covered)

    def download_checkpoints(self, directory: str | os.PathLike[str], stream: str = "audit.jsonl") -> Downloaded:
        """The checkpoint lines anchored for ``stream`` (by :meth:`anchor`), from their locked versions, as one
        file ``<stream>.checkpoints.anchored`` in ``directory`` to give ``verify_files(anchors=...)``."""
        target = os.fspath(directory)
        os.makedirs(target, exist_ok=True)
        lines: list[bytes] = []
        covered: list[str] = []
        for key, versions in sorted(self._versions(f"{self.prefix}{stream}{_ANCHORED}").items()):
            version, cover = self._restorable(key, versions)
            if version is None:
                continue
            body = self._client.get_object(Bucket=self.bucket, Key=key, VersionId=version)["Body"].read()
            lines.append(body.rstrip(b"\n"))
            if cover:
                covered.append(f"s3://{self.bucket}/{key}: restored its locked version {version}; {cover} covers it")
        if not lines:
            return Downloaded([], covered)
        path = os.path.join(target, f"{stream}{CHECKPOINTS_SUFFIX}.anchored")
        with open(path, "wb") as fh:
            fh.write(b"\n".join(lines) + b"\n")
        return Downloaded([path], covered)

    def __repr__(self) -> str:
        return f"S3Archive(bucket={self.bucket!r}, prefix={self.prefix!r}, mode={self.mode!r})"
