"""Hand-built LogRecords with fixed times, so output can be compared byte for byte."""

from __future__ import annotations

import logging
from typing import Any

FIXED_CREATED = 1_700_000_000.123456
FIXED_TIMESTAMP = "2023-11-14T22:13:20.123456Z"
IDENTITY = {"app_id": "claims", "platform": "k8s", "microservice": "claims-api"}


def make_record(
    msg: object = "claim %s accepted",
    args: Any = ("C-1",),
    *,
    level: int = logging.INFO,
    name: str = "claims.api",
    extra: dict[str, Any] | None = None,
    exc_info: Any = None,
    stack_info: str | None = None,
) -> logging.LogRecord:
    """A LogRecord as ``Logger.makeRecord`` builds it, created at :data:`FIXED_CREATED`."""
    record = logging.LogRecord(name, level, "/srv/claims/api.py", 42, msg, args, exc_info, "submit", stack_info)
    record.created = FIXED_CREATED
    for key, value in (extra or {}).items():
        record.__dict__[key] = value
    return record
