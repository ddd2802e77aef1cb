"""What happened to the records of one sink: counted, never guessed."""

from __future__ import annotations

__all__ = ["COUNTER_NAMES", "Counters"]

COUNTER_NAMES = (
    "enqueued", "written", "delivered", "retried", "resent", "spilled", "dropped", "failed", "recovered",
)  # fmt: skip
"""Cumulative counters of one sink, in records.

- ``enqueued``: records handed to the sink's lane (every one, including those then dropped);
- ``written``: records a ``sink.write`` accepted, resends included;
- ``delivered``: records the peer acknowledged: at once for sinks whose ``write`` returns only
  once the peer answered (files, HTTP, RELP); for streams without acknowledgements (syslog over
  TCP) once the sink confirms them (see ``Lane``). A record replayed from the spill counts when it
  arrives;
- ``resent``: records written again because the peer lost them after ``write`` had accepted them
  (a reset connection), or that a failed ``write`` may have sent before it broke off, or kept on
  disk at shutdown while still unconfirmed; the peer may have seen some of them twice;
- ``retried``: record-attempts repeated after a failure;
- ``spilled``: records written to the spill directory;
- ``dropped``: records refused by a full queue or a full spill (each one reported);
- ``failed``: records the sink rejected for good, or that could not be delivered before shutdown;
- ``recovered``: records found in the spill directory at start, left by an earlier process.

Once a sink is idle, ``enqueued + recovered == delivered + dropped + failed + backlog``.
"""


class Counters:
    """Mutable counters of one lane; the lane's lock guards every update."""

    __slots__ = COUNTER_NAMES

    def __init__(self) -> None:
        self.enqueued = 0
        self.written = 0
        self.delivered = 0
        self.retried = 0
        self.resent = 0
        self.spilled = 0
        self.dropped = 0
        self.failed = 0
        self.recovered = 0

    def snapshot(self) -> dict[str, int]:
        """The counters as a plain dict."""
        return {name: getattr(self, name) for name in COUNTER_NAMES}
