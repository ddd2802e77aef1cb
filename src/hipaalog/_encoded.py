"""The unit the delivery layer moves: one serialized record plus what sinks need to route it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EncodedRecord"]


@dataclass(frozen=True, slots=True)
class EncodedRecord:
    """One record as it leaves the formatter.

    ``line`` is the complete JSON object, UTF-8, without a trailing newline; sinks add their own
    framing. The other attributes repeat values already inside ``line`` so that a sink can build a
    syslog PRI, a Loki label set or an index name without parsing JSON.
    """

    line: bytes
    levelno: int
    severity: int
    created: float
    logger: str
    app_id: str
    platform: str
    microservice: str
