"""Splunk HTTP Event Collector: one event object per record, the record as the event."""

from __future__ import annotations

import socket
from collections.abc import Sequence

import orjson

from .._encoded import EncodedRecord
from ..exceptions import SinkError
from ._preset import Preset

__all__ = ["SplunkPreset"]


class SplunkPreset(Preset):
    """``POST /services/collector/event`` with ``Authorization: Splunk <token>``.

    Args:
        index, source, sourcetype, host: event metadata (``source`` defaults to the logger name,
            ``sourcetype`` to ``_json``, ``host`` to this machine's name).

    When HEC refuses one event of a batch it names it (``invalid-event-number``): the events
    before it were indexed, that one is counted as failed, and the ones after it are resent.
    """

    name = "splunk"
    content_type = "application/json"
    default_path = "/services/collector/event"
    auth_scheme = "Splunk"

    def __init__(
        self, index: str | None = None, source: str | None = None, sourcetype: str = "_json", host: str | None = None
    ) -> None:
        self.index, self.source, self.sourcetype = index, source, sourcetype
        self.host = host or socket.gethostname()

    def _event(self, record: EncodedRecord) -> bytes:
        meta: dict[str, object] = {
            "time": round(record.created, 6),
            "host": self.host,
            "source": self.source or record.logger,
            "sourcetype": self.sourcetype,
        }
        if self.index:
            meta["index"] = self.index
        event = record.line if record.line[:1] == b"{" else orjson.dumps(record.line.decode("utf-8", "replace"))
        return orjson.dumps(meta)[:-1] + b',"event":' + event + b"}"

    def encode(self, batch: Sequence[EncodedRecord]) -> bytes:
        return b"\n".join(self._event(r) for r in batch)

    def check(self, status: int, body: bytes, batch: Sequence[EncodedRecord]) -> None:
        if status != 400:
            return
        try:
            answer = orjson.loads(body)
            bad = int(answer["invalid-event-number"])
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            return
        if 0 <= bad < len(batch):
            raise SinkError(
                f"HEC refused event {bad} of {len(batch)} ({answer.get('text', 'invalid event')})",
                failed=list(range(bad + 1, len(batch))),
                rejected=[bad],
            )
