"""Archive to a real S3 server (SeaweedFS, loopback): Object Lock retention, refusal to delete, outages."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import time
from pathlib import Path

import pytest

from hipaalog.archive import ArchiveError, S3Archive, retain_until
from hipaalog.exceptions import ConfigError
from hipaalog.integrity import verify_files

from .conftest import KEYS, OutageProxy, Seaweed, StreamFactory, write_sample


def local_segments(directory: Path) -> list[Path]:
    return sorted(directory.glob("audit.*.jsonl.gz"))


def test_segments_upload_with_compliance_retention_and_checksums(
    seaweed: Seaweed, make_stream: StreamFactory, tmp_path: Path
) -> None:
    """Rotated segments are stored gzip'd, locked COMPLIANCE for six years, checksum verified, then removed locally."""
    bucket = seaweed.locked_bucket()
    archive = S3Archive(bucket, client=seaweed.client())
    stream = make_stream(on_rotate=[archive.submit])
    write_sample(stream, 8)
    stream.rotate()
    write_sample(stream, 8, start=8)
    stream.rotate()
    write_sample(stream, 2, start=16)
    assert stream.drain(30) and archive.drain(60)
    stream.close()
    archive.close()
    assert archive.stats()["uploaded"] == 2 and archive.stats()["retried"] == 0
    assert local_segments(tmp_path) == []  # removed only after the verified upload
    client = seaweed.client()
    keys = sorted(o["Key"] for o in client.list_objects_v2(Bucket=bucket)["Contents"])
    segments = ["audit/audit.jsonl/audit.000000000001.jsonl.gz", "audit/audit.jsonl/audit.000000000009.jsonl.gz"]
    assert [k for k in keys if "/." not in k] == segments
    for key in segments:  # each segment's recorded verification, columns and rollup went with it, locked alike
        for suffix in (".verified.json", ".columns.parquet", ".rollup.parquet"):
            sidecar = key.replace("audit/audit.jsonl/", "audit/audit.jsonl/.") + suffix
            assert sidecar in keys
            assert client.get_object_retention(Bucket=bucket, Key=sidecar)["Retention"]["Mode"] == "COMPLIANCE"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".audit.0")) == []
    now = dt.datetime.now(dt.timezone.utc)
    for stored in archive.archived:
        retention = client.get_object_retention(Bucket=bucket, Key=stored.key)["Retention"]
        assert retention["Mode"] == "COMPLIANCE"
        assert abs(retention["RetainUntilDate"] - retain_until(now, years=6)) < dt.timedelta(hours=1)
        head = client.head_object(Bucket=bucket, Key=stored.key, ChecksumMode="ENABLED")
        body = client.get_object(Bucket=bucket, Key=stored.key)["Body"].read()
        assert head["ChecksumSHA256"] == stored.sha256 == base64.b64encode(hashlib.sha256(body).digest()).decode()
        assert gzip.decompress(body).count(b"\n") == 8
    downloaded = archive.download(tmp_path / "restored")
    result = verify_files(
        [*downloaded, tmp_path / "audit.jsonl"], keys=KEYS, checkpoints=[tmp_path / "audit.jsonl.checkpoints"]
    )
    assert result.ok and result.records == 18, [str(p) for p in result.problems]


def test_deleting_or_shortening_a_locked_object_is_refused(
    seaweed: Seaweed, make_stream: StreamFactory, tmp_path: Path
) -> None:
    """The storage refuses to delete the locked version or to shorten its COMPLIANCE retention."""
    from botocore.exceptions import ClientError

    bucket = seaweed.locked_bucket()
    archive = S3Archive(bucket, client=seaweed.client())
    stream = make_stream()
    write_sample(stream, 3)
    segment = stream.rotate()
    assert segment is not None and stream.drain(10)
    stored = archive.upload(segment + ".gz")
    client = seaweed.client()
    assert stored.version_id
    with pytest.raises(ClientError) as refused:
        client.delete_object(Bucket=bucket, Key=stored.key, VersionId=stored.version_id)
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    with pytest.raises(ClientError):
        client.put_object_retention(
            Bucket=bucket,
            Key=stored.key,
            VersionId=stored.version_id,
            Retention={
                "Mode": "COMPLIANCE",
                "RetainUntilDate": dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1),
            },
        )
    assert (
        client.head_object(Bucket=bucket, Key=stored.key, VersionId=stored.version_id)["ContentLength"] == stored.size
    )


def test_a_repeated_upload_is_idempotent(seaweed: Seaweed, make_stream: StreamFactory, tmp_path: Path) -> None:
    """Uploading a segment again (an answer lost in transit) finds the same object and writes no new version."""
    bucket = seaweed.locked_bucket()
    archive = S3Archive(bucket, client=seaweed.client(), delete_local=False)
    stream = make_stream(compress=False)
    write_sample(stream, 3)
    segment = stream.rotate()
    assert segment is not None
    first = archive.upload(segment)
    second = archive.upload(segment)  # compressed again: byte-identical, so the same checksum
    assert not first.already_there and second.already_there
    assert first.sha256 == second.sha256 and first.key == second.key
    versions = seaweed.client().list_object_versions(Bucket=bucket, Prefix=first.key).get("Versions", [])
    assert len(versions) == 1
    assert Path(segment).exists()


def test_a_different_object_under_the_key_is_not_accepted(
    seaweed: Seaweed, make_stream: StreamFactory, tmp_path: Path
) -> None:
    """If the key holds other bytes, the upload fails for good and the local segment is kept."""
    bucket = seaweed.locked_bucket()
    archive = S3Archive(bucket, client=seaweed.client())
    stream = make_stream()
    write_sample(stream, 3)
    segment = stream.rotate()
    assert segment is not None and stream.drain(10)
    path = segment + ".gz"
    seaweed.client().put_object(Bucket=bucket, Key=archive.object_key(path), Body=b"something else")
    with pytest.raises(ArchiveError) as failed:
        archive.upload(path)
    assert failed.value.retryable is False and "different content" in str(failed.value)
    assert Path(path).exists()


def test_storage_outage_then_recovery_loses_nothing(
    seaweed: Seaweed, outage_proxy: OutageProxy, make_stream: StreamFactory, tmp_path: Path
) -> None:
    """While S3 is unreachable segments stay local and are retried; once it is back all arrive and verify."""
    bucket = seaweed.locked_bucket()
    archive = S3Archive(bucket, client=seaweed.client(outage_proxy.endpoint), retry_initial=0.1, retry_max=0.5)
    stream = make_stream(on_rotate=[archive.submit])
    outage_proxy.down()
    for batch in range(3):
        write_sample(stream, 5, start=5 * batch)
        stream.rotate()
    assert stream.drain(10)
    deadline = time.monotonic() + 30
    while archive.stats()["retried"] < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert archive.stats()["retried"] >= 4 and archive.stats()["uploaded"] == 0
    assert len(local_segments(tmp_path)) == 3  # nothing removed while the storage is down
    outage_proxy.up()
    archive.retry_now()
    assert archive.drain(60)
    archive.close()
    stream.close()
    assert archive.stats()["uploaded"] == 3
    assert local_segments(tmp_path) == []
    restored = archive.download(tmp_path / "restored")
    result = verify_files([*restored, tmp_path], keys=KEYS)  # the archived segments and the local checkpoints
    assert result.ok and result.records == 15, [str(p) for p in result.problems]


def test_segments_left_by_an_outage_upload_after_a_restart(
    seaweed: Seaweed, outage_proxy: OutageProxy, make_stream: StreamFactory, tmp_path: Path
) -> None:
    """Segments still local when the process stopped are uploaded by the next start's archive."""
    bucket = seaweed.locked_bucket()
    outage_proxy.down()
    first_archive = S3Archive(bucket, client=seaweed.client(outage_proxy.endpoint), retry_initial=0.1, retry_max=0.2)
    stream = make_stream(on_rotate=[first_archive.submit])
    write_sample(stream, 4)
    stream.rotate()
    stream.drain(10)
    stream.close()
    first_archive.close(timeout=0.5)
    assert len(local_segments(tmp_path)) == 1
    second_archive = S3Archive(bucket, client=seaweed.client())
    again = make_stream(on_rotate=[second_archive.submit])
    assert again.drain(10) and second_archive.drain(60)
    again.close()
    second_archive.close()
    assert second_archive.stats()["uploaded"] == 1 and local_segments(tmp_path) == []


def test_check_refuses_a_bucket_without_object_lock(seaweed: Seaweed) -> None:
    """check() says when the bucket cannot hold locked objects."""
    name = "plain-" + seaweed.locked_bucket()[6:]
    seaweed.client().create_bucket(Bucket=name)
    with pytest.raises(ConfigError, match="Object Lock"):
        S3Archive(name, client=seaweed.client()).check()
    S3Archive(seaweed.locked_bucket(), client=seaweed.client()).check()


def test_put_arguments_send_checksums_retention_and_kms() -> None:
    """Each PutObject carries Content-MD5, SHA-256, COMPLIANCE retention, If-None-Match and SSE-KMS when asked."""
    archive = S3Archive("audit-bucket", client=object(), kms_key_id="arn:aws:kms:us-east-1:111122223333:key/demo")
    now = dt.datetime(2024, 2, 29, 12, 0, tzinfo=dt.timezone.utc)
    body = b"segment bytes"
    arguments = archive.put_arguments("audit/x.gz", body, now)
    assert arguments["ContentMD5"] == base64.b64encode(hashlib.md5(body).digest()).decode()
    assert arguments["ChecksumSHA256"] == base64.b64encode(hashlib.sha256(body).digest()).decode()
    assert arguments["ObjectLockMode"] == "COMPLIANCE" and arguments["IfNoneMatch"] == "*"
    assert arguments["ObjectLockRetainUntilDate"] == dt.datetime(2030, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
    assert arguments["ServerSideEncryption"] == "aws:kms"
    assert arguments["SSEKMSKeyId"].endswith("key/demo")
    assert "ServerSideEncryption" not in S3Archive("audit-bucket", client=object()).put_arguments("k", body, now)


@pytest.mark.parametrize(
    ("options", "message"),
    [({"mode": "LEGAL"}, "COMPLIANCE"), ({"retention_years": 0}, "at least one day"), ({"retry_initial": 0}, "retry")],
)
def test_archive_configuration_errors(options: dict, message: str) -> None:
    """A wrong archive setting is a ConfigError naming it."""
    with pytest.raises(ConfigError, match=message):
        S3Archive("audit-bucket", client=object(), **options)
