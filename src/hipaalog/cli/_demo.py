"""``hipaalog demo``: a made-up claims service logging a few records, so you can see the output."""

from __future__ import annotations

import argparse
import decimal
import logging
import time

HELP = "log a few records from a made-up claims service to stdout"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options beyond the identity overrides."""
    parser.add_argument("--app-id", default="acme-health", help="appId of the demo records")
    parser.add_argument("--platform", default="auto", help="platform (default: detected from the environment)")
    parser.add_argument("--microservice", default="claims-api", help="microservice name")
    parser.add_argument(
        "--audit",
        nargs="?",
        const="hipaalog-demo-audit",
        metavar="DIR",
        help="instead: write weeks of a synthetic clinic's sealed audit stream to DIR, with planted incidents, "
        "and its audit report (default DIR: hipaalog-demo-audit)",
    )


class ClaimRejected(Exception):
    """The demo's business error."""


def _adjudicate(claim_id: str) -> None:
    try:
        raise KeyError("payer acme-ppo has no contract for CPT 99215")
    except KeyError as exc:
        raise ClaimRejected(f"claim {claim_id} rejected for member ID W123456789") from exc


def run(args: argparse.Namespace) -> int:
    """Configure hipaalog on stdout and log one request's worth of records."""
    if getattr(args, "audit", None):
        from ..synthetic._demo import run_audit_demo

        return run_audit_demo(args.audit)
    import hipaalog

    handler = hipaalog.configure(
        app_id=args.app_id,
        platform=args.platform,
        microservice=args.microservice,
        level="debug",
        sinks=["stdout"],
        fields={"amount": "number", "claim_id": "string", "line_count": "integer"},
        static_fields={"env": "demo"},
    )
    log = logging.getLogger("claims.api")
    try:
        with hipaalog.bind(request_id="req-7f3a9c", user_id="u-1042"):
            log.info(
                "claim %s received for patient Jane Roe, DOB 04/12/1961, phone (415) 555-0134",
                "CLM-20931",
                extra={"claim_id": "CLM-20931", "amount": decimal.Decimal("1289.50"), "line_count": 4},
            )
            log.info(
                "eligibility checked",
                extra={
                    "patient": {"name": "Jane Roe", "ssn": "219-09-9999", "email": "jane.roe@example.org"},
                    "payer": "acme-ppo",
                    "eligible": True,
                },
            )
            with hipaalog.timed("payer.eligibility", threshold_ms=1.0):
                time.sleep(0.005)  # a slow payer call, logged because it passed its threshold
            log.warning("claim total arrived as text", extra={"claim_id": "CLM-20931", "amount": "1289.50"})
            log.info("spoofing attempt", extra={"level": "debug", "appId": "someone-else"})
            try:
                _adjudicate("CLM-20931")
            except ClaimRejected:
                log.exception("adjudication failed")
    finally:
        handler.close()
        logging.getLogger().removeHandler(handler)
    return 0
