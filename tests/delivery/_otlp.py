"""A loopback OTLP/HTTP logs receiver that decodes requests with the official ``opentelemetry-proto``
definitions and answers as the OpenTelemetry Collector does (success, partial success, 429/503 with
``Retry-After``, 400 with a ``google.rpc.Status``)."""

from __future__ import annotations

import base64
import gzip
import http.server
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

import orjson
from google.protobuf import json_format
from google.rpc import status_pb2
from opentelemetry.proto.collector.logs.v1 import logs_service_pb2

__all__ = ["Answer", "OtlpReceiver", "Received"]

Request = logs_service_pb2.ExportLogsServiceRequest
Response = logs_service_pb2.ExportLogsServiceResponse


@dataclass(frozen=True)
class Answer:
    """How to answer one request: ``status`` with ``retry_after``; ``rejected``/``message`` for a partial
    success (status 200) or the error's message."""

    status: int = 200
    rejected: int = 0
    message: str = ""
    retry_after: str | None = None


@dataclass(frozen=True)
class Received:
    """One request: how it came and what it decoded to."""

    content_type: str
    encoding: str
    request: Any
    at: float


def _ids_to_base64(node: Any) -> Any:
    """OTLP/JSON writes trace and span ids in hex; protobuf's JSON mapping wants base64 (the Collector converts)."""
    if isinstance(node, dict):
        return {
            k: base64.b64encode(bytes.fromhex(v)).decode() if k in ("traceId", "spanId") else _ids_to_base64(v)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_ids_to_base64(v) for v in node]
    return node


class OtlpReceiver:
    """``POST /v1/logs`` on 127.0.0.1; answers queued with :meth:`then`, success otherwise."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.attempts: list[float] = []  # when each request arrived, answered with success or not
        self._answers: deque[Answer] = deque()
        self._lock = threading.Lock()
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def then(self, *answers: Answer) -> OtlpReceiver:
        with self._lock:
            self._answers.extend(answers)
        return self

    def logs(self) -> list[tuple[Any, Any, Any]]:
        """``(resource, scope, log record)`` of every accepted request, in order."""
        out = []
        for item in self.received:
            for rl in item.request.resource_logs:
                for sl in rl.scope_logs:
                    out.extend((rl.resource, sl.scope, lr) for lr in sl.log_records)
        return out

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler_class(self) -> type[http.server.BaseHTTPRequestHandler]:
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                content_type = self.headers.get("Content-Type", "")
                as_json = content_type == "application/json"
                if as_json:
                    request = json_format.Parse(orjson.dumps(_ids_to_base64(orjson.loads(body))), Request())
                else:
                    request = Request.FromString(body)
                with receiver._lock:
                    answer = receiver._answers.popleft() if receiver._answers else Answer()
                    receiver.attempts.append(time.monotonic())
                if answer.status == 200:
                    receiver.received.append(
                        Received(content_type, self.headers.get("Content-Encoding", ""), request, time.monotonic())
                    )
                    reply = Response()
                    if answer.rejected or answer.message:
                        reply.partial_success.rejected_log_records = answer.rejected
                        reply.partial_success.error_message = answer.message
                    data = json_format.MessageToJson(reply).encode() if as_json else reply.SerializeToString()
                else:
                    status = status_pb2.Status(code=14 if answer.status in (429, 503) else 3, message=answer.message)
                    data = json_format.MessageToJson(status).encode() if as_json else status.SerializeToString()
                self.send_response(answer.status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                if answer.retry_after is not None:
                    self.send_header("Retry-After", answer.retry_after)
                self.end_headers()
                self.wfile.write(data)

        return Handler
