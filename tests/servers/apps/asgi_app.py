"""A FastAPI app served by uvicorn: ``python -m tests.servers.apps.asgi_app PORT MODE``.

MODE ``log_config``: hipaalog's uvicorn ``log_config`` only. MODE ``configure``: ``hipaalog.configure()``
first, then uvicorn with ``log_config(handler=False)``. MODE ``default``: ``hipaalog.configure()`` and
uvicorn's own default logging (the set-up a new user tries first).
"""

from __future__ import annotations

import logging
import sys

import uvicorn
from fastapi import FastAPI

import hipaalog
from hipaalog.integrations.uvicorn import AccessTiming, log_config

log = logging.getLogger("portal.api")
app = FastAPI()


@app.get("/patients/{patient}/visits")
def visits(patient: str, n: int, name: str = "", ssn: str = "", email: str = "") -> dict[str, int]:
    """Logs one numbered record that carries synthetic PHI (to be redacted)."""
    log.info("visits listed", extra={"n": n, "patient_name": name, "ssn": ssn, "note": f"write to {email}"})
    return {"n": n}


@app.get("/fail")
def fail() -> dict[str, int]:
    """A server error, logged by uvicorn with its traceback."""
    raise LookupError("no such chart")


def main() -> None:
    port, mode = int(sys.argv[1]), sys.argv[2]
    if mode == "log_config":
        config = log_config()
    else:
        hipaalog.configure()
        config = log_config(handler=False) if mode == "configure" else None
    kwargs = {"log_config": config} if config is not None else {}
    uvicorn.run(AccessTiming(app), host="127.0.0.1", port=port, **kwargs)


if __name__ == "__main__":
    main()
