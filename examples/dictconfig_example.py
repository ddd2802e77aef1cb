"""hipaalog from a dictConfig dictionary (the shape of Django's LOGGING setting, or a YAML file).

Run: python examples/dictconfig_example.py
"""

from __future__ import annotations

import logging
import logging.config

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "hipaalog.JsonFormatter",
            "app_id": "acme-health",
            "platform": "vm",
            "microservice": "eligibility",
            "fields": {"member_count": "integer"},
            "static_fields": {"region": "us-east-1"},
        },
    },
    "handlers": {
        "stdout": {"class": "hipaalog.SinkHandler", "formatter": "json", "sinks": ["stdout"]},
    },
    "loggers": {"urllib3": {"level": "WARNING"}},
    "root": {"level": "INFO", "handlers": ["stdout"]},
}


def main() -> None:
    """Apply the dictionary and log two records."""
    logging.config.dictConfig(LOGGING)
    log = logging.getLogger("eligibility")
    log.info("batch checked", extra={"member_count": 120})
    log.warning("payer slow", extra={"payer": "acme-ppo", "latency_ms": 2300})
    logging.shutdown()


if __name__ == "__main__":
    main()
