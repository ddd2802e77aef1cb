"""Mezmo (formerly LogDNA) ingestion API: ``{"lines": [...]}`` with the ingestion key as user."""

from __future__ import annotations

import base64
import socket
import time
from collections.abc import Sequence
from urllib.parse import urlencode

import orjson

from .._encoded import EncodedRecord
from ._preset import Preset, level_label

__all__ = ["MezmoPreset"]


class MezmoPreset(Preset):
    """``POST /logs/ingest?hostname=..&now=..``; Mezmo parses each JSON line into fields.

    Args:
        hostname: the ``hostname`` query parameter (default: this machine's name).
        tags: tags for the ingested lines, comma-separated or a list.
    """

    name = "mezmo"
    content_type = "application/json; charset=UTF-8"
    default_path = "/logs/ingest"

    def __init__(self, hostname: str | None = None, tags: str | Sequence[str] | None = None) -> None:
        self.hostname = hostname or socket.gethostname()
        self.tags = tags if isinstance(tags, str) or tags is None else ",".join(tags)

    def headers(self, token: str | None) -> dict[str, str]:
        if not token:
            return {}
        return {"Authorization": "Basic " + base64.b64encode(f"{token}:".encode()).decode("ascii")}

    def query(self) -> str:
        params = {"hostname": self.hostname, "now": str(int(time.time() * 1000))}
        if self.tags:
            params["tags"] = self.tags
        return urlencode(params)

    def encode(self, batch: Sequence[EncodedRecord]) -> bytes:
        lines = [
            {
                "timestamp": int(r.created * 1000),
                "line": r.line.decode("utf-8", "replace"),
                "app": r.app_id,
                "level": level_label(r.levelno).upper(),
            }
            for r in batch
        ]
        return orjson.dumps({"lines": lines})
