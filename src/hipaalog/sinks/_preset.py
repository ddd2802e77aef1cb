"""What an HTTP ingest API expects: the body of a batch, headers, and how to read its answer.

A preset only shapes requests and reads responses; :class:`~hipaalog.sinks.HttpSink` owns the
connection, gzip, status codes and ``Retry-After``. Raise :class:`SinkError` from :meth:`check`
with ``failed`` / ``rejected`` indices when the API reports per-record results.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from .._encoded import EncodedRecord

__all__ = ["JsonLinesPreset", "Preset", "level_label"]


def level_label(levelno: int) -> str:
    """``"info"``, ``"warning"``, ... for a level number (``"level 25"`` for unnamed custom levels)."""
    return str(logging.getLevelName(levelno)).lower()


class Preset:
    """The generic shape; subclasses override what their API does differently."""

    name = "jsonl"
    content_type = "application/x-ndjson"
    default_path = "/"
    auth_scheme = "Bearer"

    def headers(self, token: str | None) -> dict[str, str]:
        """Headers for every request, including authentication with ``token`` if given."""
        return {"Authorization": f"{self.auth_scheme} {token}"} if token else {}

    def query(self) -> str:
        """Query parameters to add to the URL of each request (without ``?``)."""
        return ""

    def encode(self, batch: Sequence[EncodedRecord]) -> bytes:
        """The request body for ``batch`` (before gzip)."""
        return b"".join(record.line + b"\n" for record in batch)

    def check(self, status: int, body: bytes, batch: Sequence[EncodedRecord]) -> None:
        """Read an answer the API gave for ``batch``; raise ``SinkError`` for per-record failures.

        Status codes the preset does not explain are handled by the sink afterwards.
        """


class JsonLinesPreset(Preset):
    """A generic POST of JSON lines (``application/x-ndjson``), one record per line; any 2xx is success."""
