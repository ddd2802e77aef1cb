"""FastAPI under a real uvicorn, with hipaalog's ``log_config``: every line it prints is a JSON record.

Run: python examples/fastapi_uvicorn.py
It starts uvicorn on a free port of 127.0.0.1, sends two requests, and stops. uvicorn's own records
(start-up, access, shutdown) and the app's come out structured: the access records carry
``http_method``, ``http_path``, ``http_query`` (values masked), ``http_status``, ``http_client``
(masked) and ``duration_ms``. Needs ``pip install fastapi uvicorn``.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import urllib.request

import uvicorn
from fastapi import FastAPI

from hipaalog.integrations.uvicorn import AccessTiming, log_config

log = logging.getLogger("portal.api")
app = FastAPI()


@app.get("/patients/{patient_id}/allergies")
def allergies(patient_id: str, source: str = "chart") -> dict[str, list[str]]:
    """One record per request; the SSN someone put in the query is masked in the access record."""
    log.info("allergies listed", extra={"patient_id": patient_id, "allergy_count": 2})
    return {"allergies": ["penicillin", "latex"]}


def main() -> None:
    """Serve two requests, then shut down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(
        AccessTiming(app),
        host="127.0.0.1",
        port=port,
        log_config=log_config(app_id="acme-health", platform="vm", microservice="portal-api"),
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for query in ("source=chart", "ssn=219-09-9999"):
        with direct.open(f"http://127.0.0.1:{port}/patients/p-204/allergies?{query}", timeout=10) as response:
            response.read()
    server.should_exit = True
    thread.join()
    logging.shutdown()


if __name__ == "__main__":
    main()
