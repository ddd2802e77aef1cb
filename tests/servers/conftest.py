"""Real servers on loopback: start the process, wait for its port, send a few requests, stop it, read every line."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest

from .._peers import free_port
from ..conftest import validate_line

ROOT = Path(__file__).resolve().parents[2]
APPS = Path(__file__).resolve().parent / "apps"
IDENTITY_ENV = {"HIPAALOG_APP_ID": "portal", "HIPAALOG_PLATFORM": "vm", "HIPAALOG_MICROSERVICE": "portal-api"}

# Synthetic PHI, hand-made: none of it may reach an output line.
PATIENT_NAME = "Marguerite Okonkwo-Lindqvist"
PATIENT_SSN = "219-09-9999"
PATIENT_EMAIL = "m.okonkwo.lindqvist@example.org"
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only: never through a proxy
RAW_PHI = (PATIENT_SSN, PATIENT_EMAIL, "Okonkwo")  # the servers' own address (127.0.0.1) is no PHI


@dataclass
class Run:
    """A finished server run: its output lines, parsed and checked."""

    stdout: str
    stderr: str
    returncode: int
    records: list[dict[str, Any]] = field(default_factory=list)

    def check(self, *, plain: str | None = None) -> Run:
        """Every stdout line is a schema-valid record (or matches the regex ``plain``); no PHI, no logging error."""
        assert "--- Logging error ---" not in self.stderr, self.stderr[-3000:]
        assert "Traceback" not in self.stderr, self.stderr[-3000:]
        checked = []
        for line in self.stdout.splitlines():
            if plain is not None and re.fullmatch(plain, line):
                continue  # the framework's own line, not ours
            self.records.append(validate_line(line))
            checked.append(line)
        text = "\n".join(checked)
        for value in RAW_PHI:
            assert value not in text, f"{value!r} reached the output"
        return self

    def numbered(self, message: str) -> list[int]:
        """The ``n`` of every record with ``message``, sorted."""
        return sorted(int(r["n"]) for r in self.records if r.get("message") == message)

    def by_logger(self, name: str) -> list[dict[str, Any]]:
        """The records of logger ``name``."""
        return [r for r in self.records if r.get("logger") == name]


class Server:
    """One server process on 127.0.0.1:``port``, stopped by a signal."""

    def __init__(self, argv: Sequence[str], port: int, env: dict[str, str] | None = None) -> None:
        self.port = port
        environment = {**os.environ, **IDENTITY_ENV, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            list(argv),
            cwd=ROOT,
            env={**environment, **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_ready(self, timeout: float = 20.0) -> None:
        """Wait until the port accepts connections (or fail with the server's output)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                out, err = self.process.communicate()
                pytest.fail(f"server exited with {self.process.returncode}:\n{out[-2000:]}\n{err[-3000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        pytest.fail("server did not open its port in time")

    def get(self, path: str, method: str = "GET") -> int:
        """Send one request; its status."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method)
        try:
            with _DIRECT.open(request, timeout=10) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as exc:
            exc.read()
            return int(exc.code)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20.0) -> Run:
        """Stop the server with ``sig`` and collect its output."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
            pytest.fail(f"server did not stop in {timeout}s:\n{err[-3000:]}")
        return Run(out, err, self.process.returncode)


@pytest.fixture
def start_server() -> Iterator[Callable[..., Server]]:
    """``start_server(argv, env=None)``: ``python *argv`` on a free port (``{port}`` in argv), killed at the end."""
    servers: list[Server] = []

    def start(argv: Sequence[str], env: dict[str, str] | None = None) -> Server:
        port = free_port()
        server = Server([sys.executable, *(a.format(port=port) for a in argv)], port, env)
        servers.append(server)
        server.wait_ready()
        return server

    yield start
    for server in servers:
        if server.process.poll() is None:
            server.process.kill()
            server.process.communicate()


def parse(line: str) -> dict[str, Any]:
    """One output line as a record."""
    return orjson.loads(line)  # type: ignore[no-any-return]
