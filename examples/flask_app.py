"""A Flask app whose WSGI middleware binds a request id to every record of the request.

Run: python examples/flask_app.py
It serves a few requests through Flask's test client (no port is opened) and prints one JSON
record per line: the views' records, the access records, and an unhandled error, each carrying the
request's ``request_id``. Needs Flask (``pip install flask``).

Run: python examples/flask_app.py --serve 8000
serves the same app on 127.0.0.1:8000 with werkzeug's server until SIGTERM or Ctrl-C (the records
logged so far are delivered first); werkzeug's plain access lines are turned off, the middleware's
structured access records stand for them.
"""

from __future__ import annotations

import logging
import sys
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, jsonify

import hipaalog

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

access_log = logging.getLogger("claims.access")
log = logging.getLogger("claims.api")


class RequestContextMiddleware:
    """Binds ``request_id`` (from ``X-Request-ID`` or a new one) for the request and logs one access record.

    The ``with`` block undoes every bind made while the request ran, so nothing leaks into the
    next request this thread serves. The body is produced inside the block too, so records written
    while a streamed response is generated still carry the request id.
    """

    def __init__(self, app: WsgiApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        request_id = environ.get("HTTP_X_REQUEST_ID") or uuid.uuid4().hex
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "/")
        status: list[str] = []

        def start(status_line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            status.append(status_line)
            headers.append(("X-Request-ID", request_id))
            return start_response(status_line, headers, exc_info)

        with hipaalog.bind(request_id=request_id):
            started = time.perf_counter()
            result = self.app(environ, start)
            try:
                body = list(result)
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
            code = int(status[0].split()[0]) if status else 500
            access_log.info(
                "%s %s %d",
                method,
                path,
                code,
                extra={
                    "http_method": method,
                    "http_path": path,
                    "http_status": code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 3),
                },
            )
        return body


def create_app() -> Flask:
    """The claims API: two views and one that fails."""
    app = Flask("claims")

    @app.get("/claims/<claim_id>")
    def get_claim(claim_id: str) -> Any:
        with hipaalog.timed("db.claims.get", threshold_ms=250):
            claim = {"claim_id": claim_id, "status": "accepted", "amount": 1289.5}
        log.info("claim looked up", extra={"claim_id": claim_id, "claim_status": claim["status"]})
        return jsonify(claim)

    @app.post("/claims/<claim_id>/submit")
    def submit_claim(claim_id: str) -> Any:
        hipaalog.bind(claim_id=claim_id)  # lasts for the rest of this request only
        log.info("claim submitted to payer", extra={"payer": "acme-health-plan"})
        return jsonify({"claim_id": claim_id, "submitted": True}), 202

    @app.get("/claims/<claim_id>/remittance")
    def remittance(claim_id: str) -> Any:
        raise LookupError(f"no remittance advice for {claim_id}")

    app.wsgi_app = RequestContextMiddleware(app.wsgi_app)  # type: ignore[method-assign]
    return app


def serve(port: int) -> None:
    """Serve the app on 127.0.0.1:``port`` with werkzeug's server, until SIGTERM or Ctrl-C."""
    from werkzeug.serving import make_server

    hipaalog.configure(
        app_id="acme-health",
        platform="auto",
        microservice="claims-api",
        fields={"http_status": "integer", "duration_ms": "number"},
        loggers={"werkzeug": "warning"},  # its access lines are plain text with the client address
    )
    server = make_server("127.0.0.1", port, create_app(), threaded=True)
    log.info("serving", extra={"port": port})
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


def main() -> None:
    """Serve a few requests in-process and exit (``--serve PORT``: serve them over HTTP instead)."""
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]))
        return
    handler = hipaalog.configure(
        app_id="acme-health",
        platform="auto",
        microservice="claims-api",
        fields={"http_status": "integer", "duration_ms": "number"},
    )
    client = create_app().test_client()
    client.get("/claims/CLM-20931", headers={"X-Request-ID": "req-7f3a9c"})
    client.post("/claims/CLM-20931/submit")
    client.get("/claims/CLM-20931/remittance")
    log.info("no request in progress: no request_id on this record")
    handler.close()


if __name__ == "__main__":
    main()
