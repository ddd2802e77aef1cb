"""Loopback HTTP servers that answer like log ingest APIs, with faults on demand.

Each server stores what a real API would have stored and records every request. Faults are
queued with :meth:`Ingest.then` (one per request, in order) or set for every request with
:attr:`Ingest.mode`; without one, requests succeed.
"""

from __future__ import annotations

import gzip
import http.server
import json
import ssl
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import orjson

__all__ = ["Fault", "Ingest", "Request"]


@dataclass(frozen=True)
class Fault:
    """What the server does with one request instead of (or before) storing it.

    kind: ``"status"`` (answer ``status`` with ``headers``, store nothing), ``"partial"``
    (OpenSearch: items at ``items`` get those statuses, the rest are stored; Splunk: event
    ``items`` keys' first index is invalid), ``"slow"`` (wait ``seconds``, then succeed),
    ``"drop"`` (read the request, close the connection without answering), ``"hang"`` (read the
    request, then wait until the server is released or closed), ``"close_after"`` (succeed, then
    close the kept-alive connection without saying so, as servers do with idle connections).
    """

    kind: str
    status: int = 503
    headers: dict[str, str] = field(default_factory=dict)
    items: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class Request:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    body: bytes
    records: list[Any]
    at: float


def _records(api: str, body: bytes) -> list[Any]:
    """The records a request carries, as the API would parse them."""
    if api == "jsonl":
        return [orjson.loads(line) for line in body.splitlines() if line]
    if api == "opensearch":
        lines = [line for line in body.splitlines() if line]
        return [
            {"action": orjson.loads(a), "doc": orjson.loads(d)} for a, d in zip(lines[::2], lines[1::2], strict=True)
        ]
    if api == "loki":
        out = []
        for stream in orjson.loads(body)["streams"]:
            out += [{"labels": stream["stream"], "ts": ts, "doc": orjson.loads(line)} for ts, line in stream["values"]]
        return out
    if api == "mezmo":
        return [{**entry, "doc": orjson.loads(entry["line"])} for entry in orjson.loads(body)["lines"]]
    if api == "splunk":
        decoder, text, pos, out = json.JSONDecoder(), body.decode(), 0, []
        while pos < len(text):
            if text[pos].isspace():
                pos += 1
                continue
            obj, pos = decoder.raw_decode(text, pos)
            out.append(obj)
        return out
    raise ValueError(api)


def _doc(api: str, record: Any) -> dict[str, Any]:
    """The hipaalog record inside one parsed API record."""
    if api == "jsonl":
        return record  # type: ignore[no-any-return]
    if api == "splunk":
        return record["event"]  # type: ignore[no-any-return]
    return record["doc"]  # type: ignore[no-any-return]


class Ingest:
    """A threaded HTTP/1.1 server on 127.0.0.1 speaking one API (``jsonl``, ``opensearch``,
    ``loki``, ``mezmo`` or ``splunk``)."""

    def __init__(self, api: str, *, cert: tuple[str, str] | None = None) -> None:
        self.api = api
        self.requests: list[Request] = []
        self.stored: list[dict[str, Any]] = []
        self.mode: Fault | None = None
        self._script: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self.scheme = "http"
        if cert is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*cert)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
            self.scheme = "https"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The base URL (``http://127.0.0.1:<port>``; ``https://localhost:<port>`` with a certificate)."""
        host = "localhost" if self.scheme == "https" else "127.0.0.1"
        return f"{self.scheme}://{host}:{self._server.server_address[1]}"

    def then(self, *faults: Fault) -> Ingest:
        """Queue faults for the next requests, one each."""
        with self._lock:
            self._script.extend(faults)
        return self

    def seqs(self) -> list[int]:
        """The ``n`` field (a test record's number) of every stored record, in arrival order."""
        with self._lock:
            return [doc["n"] for doc in self.stored if "n" in doc]

    def release(self) -> None:
        """Let hanging requests finish (with a dropped connection)."""
        self._release.set()

    def close(self) -> None:
        """Stop serving."""
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def _next_fault(self) -> Fault | None:
        with self._lock:
            return self._script.popleft() if self._script else self.mode

    def _handler_class(self) -> type[http.server.BaseHTTPRequestHandler]:
        ingest = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                body = gzip.decompress(raw) if self.headers.get("Content-Encoding") == "gzip" else raw
                records = _records(ingest.api, body)
                fault = ingest._next_fault()
                with ingest._lock:
                    ingest.requests.append(Request(self.path, dict(self.headers), body, records, time.monotonic()))
                ingest._answer(self, fault, records)

        return Handler

    def _store(self, records: list[Any]) -> None:
        with self._lock:
            self.stored += [_doc(self.api, r) for r in records]

    def _answer(self, req: http.server.BaseHTTPRequestHandler, fault: Fault | None, records: list[Any]) -> None:
        if fault is not None and fault.kind in ("drop", "hang"):
            if fault.kind == "hang":
                self._release.wait(30)
            req.close_connection = True
            req.connection.close()
            return
        if fault is not None and fault.kind == "status":
            self._send(req, fault.status, {"error": f"status {fault.status}"}, fault.headers)
            return
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.seconds)
        if fault is not None and fault.kind == "partial":
            self._partial(req, fault, records)
            return
        self._store(records)
        if fault is not None and fault.kind == "close_after":
            req.close_connection = True
        if self.api == "opensearch":
            items = [{"create": {"_index": "logs", "status": 201}} for _ in records]
            self._send(req, 200, {"took": 1, "errors": False, "items": items})
        elif self.api == "loki":
            self._send(req, 204, None)
        elif self.api == "mezmo":
            self._send(req, 200, {"status": "ok", "batchID": "b-1"})
        elif self.api == "splunk":
            self._send(req, 200, {"text": "Success", "code": 0})
        else:
            self._send(req, 200, {"ok": True})

    def _partial(self, req: http.server.BaseHTTPRequestHandler, fault: Fault, records: list[Any]) -> None:
        if self.api == "splunk":
            bad = min(fault.items)
            self._store(records[:bad])
            self._send(req, 400, {"text": "Invalid data format", "code": 6, "invalid-event-number": bad})
            return
        items = []
        for i, record in enumerate(records):
            status = fault.items.get(i, 201)
            if status == 201:
                self._store([record])
                items.append({"create": {"_index": "logs", "status": 201}})
            else:
                kind = "es_rejected_execution_exception" if status == 429 else "mapper_parsing_exception"
                items.append({"create": {"_index": "logs", "status": status, "error": {"type": kind, "reason": "x"}}})
        self._send(req, 200, {"took": 1, "errors": True, "items": items})

    @staticmethod
    def _send(
        req: http.server.BaseHTTPRequestHandler, status: int, body: Any, headers: dict[str, str] | None = None
    ) -> None:
        data = b"" if body is None else orjson.dumps(body)
        req.send_response(status)
        for name, value in (headers or {}).items():
            req.send_header(name, value)
        if data:
            req.send_header("Content-Type", "application/json")
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        req.wfile.write(data)
