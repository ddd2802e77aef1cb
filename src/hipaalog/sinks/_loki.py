"""Grafana Loki push API: streams keyed by a small label set, entries as ``[ns, line]``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import orjson

from .._encoded import EncodedRecord
from ..exceptions import ConfigError
from ._preset import Preset, level_label

__all__ = ["LokiPreset"]


class LokiPreset(Preset):
    """``POST /loki/api/v1/push`` with labels ``app``, ``microservice``, ``platform`` and ``level``.

    Args:
        labels: static labels added to every stream (keep them few: each value makes a stream).
        tenant: the ``X-Scope-OrgID`` of a multi-tenant Loki.

    Loki answers 400 when it refuses entries (too old, out of order), without saying which: such
    a batch is counted as failed, never resent, so no entry arrives twice.
    """

    name = "loki"
    content_type = "application/json"
    default_path = "/loki/api/v1/push"

    def __init__(self, labels: Mapping[str, str] | None = None, tenant: str | None = None) -> None:
        self.labels = {str(k): str(v) for k, v in (labels or {}).items()}
        if any(not k.replace("_", "a").isalnum() or k[:1].isdigit() for k in self.labels):
            raise ConfigError(
                f"Loki label names are letters, digits and '_' (not first a digit): {sorted(self.labels)}"
            )
        self.tenant = tenant

    def headers(self, token: str | None) -> dict[str, str]:
        headers = super().headers(token)
        if self.tenant:
            headers["X-Scope-OrgID"] = self.tenant
        return headers

    def encode(self, batch: Sequence[EncodedRecord]) -> bytes:
        streams: dict[tuple[str, str, str, str], list[tuple[float, list[str]]]] = {}
        for record in batch:
            key = (record.app_id, record.microservice, record.platform, level_label(record.levelno))
            entry = [str(int(record.created * 1_000_000) * 1000), record.line.decode("utf-8", "replace")]
            streams.setdefault(key, []).append((record.created, entry))
        payload: list[dict[str, object]] = []
        for (app, service, platform, level), entries in streams.items():
            labels = {"app": app, "microservice": service, "platform": platform, "level": level, **self.labels}
            values = [entry for _, entry in sorted(entries, key=lambda e: e[0])]
            payload.append({"stream": labels, "values": values})
        return orjson.dumps({"streams": payload})
