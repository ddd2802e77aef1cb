"""Real peers (rsyslog, S3, Chromium) in tests: skip on a laptop without them, fail under CI.

Under ``CI=true`` a missing peer is a failure, because CI installs every peer and a skip there
would hide a broken install step.
"""

from __future__ import annotations

import os
import shutil
import socket

import pytest

__all__ = ["free_port", "in_ci", "require", "require_binary"]


def in_ci() -> bool:
    """Whether the run is under CI (``CI=true``)."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(name: str, ok: bool, why: str = "") -> None:
    """Skip (locally) or fail (under CI) unless the peer ``name`` is available."""
    if ok:
        return
    message = f"peer {name} unavailable{': ' + why if why else ''}"
    if in_ci():
        pytest.fail(message + " (CI=true: every peer must be installed by .ci/run)")
    pytest.skip(message)


def require_binary(name: str, *candidates: str) -> str:
    """The path of the first executable found among ``candidates`` (default ``name``), or skip/fail."""
    for candidate in candidates or (name,):
        path = shutil.which(candidate)
        if path:
            return path
    require(name, False, f"none of {', '.join(candidates or (name,))} on PATH")
    raise AssertionError("unreachable")  # pragma: no cover


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    """A port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, kind) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
