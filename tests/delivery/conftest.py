"""Peers and helpers for the delivery tests: HTTP ingest fakes, a real rsyslog, child processes."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from hipaalog import JsonFormatter, SinkHandler

from .._peers import require
from ._ingest import Ingest
from ._rsyslog import RSYSLOGD, Rsyslog, TlsFiles, make_tls_files

IDENTITY = {"app_id": "claims", "platform": "vm", "microservice": "claims-api"}
MakeLogger = Callable[..., tuple[logging.Logger, SinkHandler]]


@pytest.fixture
def make_logger() -> Iterator[MakeLogger]:
    """``make_logger(sinks, **options)``: a fresh logger with its own SinkHandler, closed after the test."""
    handlers: list[SinkHandler] = []

    def make(sinks: list[Any], **options: Any) -> tuple[logging.Logger, SinkHandler]:
        options.setdefault("stats_interval", 0)
        options.setdefault("handle_sigterm", False)
        handler = SinkHandler(sinks, **options)
        handler.setFormatter(JsonFormatter(**IDENTITY))
        logger = logging.getLogger(f"claims.delivery.{uuid.uuid4().hex[:8]}")
        logger.propagate = False
        logger.setLevel(logging.DEBUG)
        logger.addHandler(handler)
        handlers.append(handler)
        return logger, handler

    yield make
    for handler in handlers:
        handler.close()


@pytest.fixture
def ingest() -> Iterator[Callable[..., Ingest]]:
    """``ingest(api, cert=None)``: a loopback server answering like that ingest API, closed after the test."""
    servers: list[Ingest] = []

    def start(api: str = "jsonl", cert: tuple[str, str] | None = None) -> Ingest:
        server = Ingest(api, cert=cert)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    """A throwaway CA and server certificate (openssl)."""
    require("openssl", shutil.which("openssl") is not None)
    return make_tls_files(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="session")
def rsyslog(tmp_path_factory: pytest.TempPathFactory, tls_files: TlsFiles) -> Iterator[Rsyslog]:
    """One rsyslogd for the session, listening on loopback over UDP, TCP and TLS."""
    require("rsyslog", RSYSLOGD is not None, "install the Debian packages rsyslog and rsyslog-gnutls")
    server = Rsyslog(tmp_path_factory.mktemp("rsyslog"), tls_files)
    try:
        server.start()
    except RuntimeError as exc:
        require("rsyslog", False, str(exc))
    yield server
    server.stop()


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Poll ``predicate`` until it holds (``True``) or ``timeout`` passes (``False``)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON-lines file (empty if it does not exist)."""
    if not path.exists():
        return []
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line]


def run_child(
    code: str, *, timeout: float = 60.0, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh Python process (bounded in time) and return the finished process."""
    environment = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        check=False,
    )


CHILD_PRELUDE = """
import logging, os, signal, sys, threading, time
import hipaalog
from hipaalog import JsonFormatter, SinkHandler

def make(sinks, **options):
    options.setdefault("stats_interval", 0)
    handler = SinkHandler(sinks, **options)
    handler.setFormatter(JsonFormatter(app_id="claims", platform="vm", microservice="claims-api"))
    log = logging.getLogger("claims.child")
    log.setLevel(logging.INFO)
    log.propagate = False
    log.addHandler(handler)
    return log, handler
"""
"""Code every child process starts with: ``make(sinks, **options) -> (logger, handler)``."""
