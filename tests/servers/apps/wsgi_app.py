"""A plain WSGI app, served by gunicorn in the server test (``tests.servers.apps.wsgi_app:app``)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

log = logging.getLogger("portal.wsgi")


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """Logs one numbered record per request (with synthetic PHI to be redacted) and answers 200."""
    query = parse_qs(environ.get("QUERY_STRING", ""))
    n = int(query.get("n", ["-1"])[0])
    log.info("chart opened", extra={"n": n, "worker_pid": os.getpid(), "ssn": query.get("ssn", [""])[0]})
    start_response("200 OK", [("Content-Type", "text/plain"), ("Connection", "close")])
    return [b"ok"]
