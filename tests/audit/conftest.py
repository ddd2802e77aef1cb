"""Audit fixtures: stream factory, keys, and one real SeaweedFS (S3 with Object Lock) per session."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import hipaalog.audit
from hipaalog.audit import AuditStream

from .._peers import free_port
from .._seaweed import Seaweed

AUDIT_KEY = "hex:" + "a1" * 32
PSEUDONYM_KEY = "hex:" + "5e" * 32
KEYS = {"k1": AUDIT_KEY}
IDENTITY = {"app_id": "ehr", "platform": "vm", "microservice": "chart-api"}

StreamFactory = Callable[..., AuditStream]


@pytest.fixture
def make_stream(tmp_path: Path) -> Iterator[StreamFactory]:
    """Open audit streams under tmp_path (closed at the end of the test)."""
    opened: list[AuditStream] = []

    def factory(path: str | Path | None = None, **options: Any) -> AuditStream:
        settings: dict[str, Any] = {
            "key": AUDIT_KEY,
            "pseudonym_key": PSEUDONYM_KEY,
            "fsync": False,
            "checkpoint_interval": 30.0,
            **IDENTITY,
            **options,
        }
        stream = AuditStream(path or tmp_path / "audit.jsonl", **settings)
        opened.append(stream)
        return stream

    yield factory
    for stream in opened:
        stream.close()
    hipaalog.audit.close()
    hipaalog.audit._env_tried = False


def write_sample(stream: AuditStream, n: int, start: int = 0) -> None:
    """``n`` varied audit events (synthetic users and patients)."""
    for i in range(start, start + n):
        kind = i % 4
        if kind == 0:
            assert stream.access(f"user{i % 7}", f"MRN-{1000 + i % 13}", "read", "Observation", "success")
        elif kind == 1:
            assert stream.login(f"user{i % 7}", i % 3 != 0, f"10.0.{i % 5}.{i % 250}", "password")
        elif kind == 2:
            assert stream.change(f"user{i % 7}", f"MRN-{1000 + i % 13}", "Patient", ["address", "phone"])
        else:
            assert stream.export(f"user{i % 7}", 3 + i % 4, "csv", "sftp://partner.example/drop")


class OutageProxy:
    """A TCP relay on a loopback port in front of a server; ``down()`` makes the storage unreachable."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()
        self.up()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def up(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        """Stop listening and cut every open connection (connection refused from now on)."""
        with self._lock:
            listener, self._listener = self._listener, None
            connections, self._connections = self._connections, []
        if listener is not None:
            try:
                listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            except OSError:
                pass
            listener.close()
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    def close(self) -> None:
        self.down()


@pytest.fixture
def outage_proxy(seaweed: Seaweed) -> Iterator[OutageProxy]:
    """A relay to SeaweedFS's S3 port that the test can take down and bring back."""
    proxy = OutageProxy(seaweed.port)
    yield proxy
    proxy.close()
