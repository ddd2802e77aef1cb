"""The smallest useful setup: configure once, log as usual, read JSON lines on stdout.

Run: python examples/quickstart.py
"""

from __future__ import annotations

import logging

import hipaalog


def main() -> None:
    """Configure hipaalog and log a request's worth of records."""
    handler = hipaalog.configure(
        app_id="acme-health",
        platform="auto",
        microservice="claims-api",
        fields={"amount": "number", "claim_id": "string"},
    )
    log = logging.getLogger("claims")
    with hipaalog.bind(request_id="req-20931"):
        log.info("claim %s accepted", "CLM-20931", extra={"claim_id": "CLM-20931", "amount": 1289.5})
        try:
            {}["payer"]
        except KeyError:
            log.exception("payer lookup failed")
    handler.close()


if __name__ == "__main__":
    main()
