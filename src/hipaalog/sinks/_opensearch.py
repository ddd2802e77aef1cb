"""OpenSearch and Elasticsearch ``_bulk``: one ``create`` action per record, per-item results."""

from __future__ import annotations

import time
from collections.abc import Sequence
from urllib.parse import urlencode

import orjson

from .._encoded import EncodedRecord
from ..exceptions import SinkError
from ._preset import Preset

__all__ = ["OpenSearchPreset"]


class OpenSearchPreset(Preset):
    """Bulk indexing: ``{"create": {"_index": ...}}`` then the record, for each record.

    Args:
        index: the index or data stream; ``strftime`` fields expand from each record's UTC time
            (``"logs-claims-%Y.%m.%d"``). Without it, the URL must name the index
            (``https://search:9200/logs-claims/_bulk``).
        pipeline: an ingest pipeline to run.

    Items answered 429 or 5xx are retried alone; items refused otherwise (a mapping conflict,
    say) are counted as failed and reported with the error type, never its reason text, which
    may quote the record.
    """

    name = "opensearch"
    default_path = "/_bulk"

    def __init__(self, index: str | None = None, pipeline: str | None = None, auth_scheme: str = "Bearer") -> None:
        self.index = index
        self.pipeline = pipeline
        self.auth_scheme = auth_scheme

    def query(self) -> str:
        return urlencode({"pipeline": self.pipeline}) if self.pipeline else ""

    def _action(self, record: EncodedRecord) -> bytes:
        if self.index is None:
            return b'{"create":{}}\n'
        index = time.strftime(self.index, time.gmtime(record.created)) if "%" in self.index else self.index
        return orjson.dumps({"create": {"_index": index}}) + b"\n"

    def encode(self, batch: Sequence[EncodedRecord]) -> bytes:
        return b"".join(self._action(r) + r.line + b"\n" for r in batch)

    def check(self, status: int, body: bytes, batch: Sequence[EncodedRecord]) -> None:
        if not 200 <= status < 300:
            return
        try:
            answer = orjson.loads(body)
            if not answer.get("errors"):
                return
            items = answer["items"]
            results = [next(iter(item.values())) for item in items]
        except (orjson.JSONDecodeError, AttributeError, KeyError, TypeError, StopIteration):
            raise SinkError("bulk answer unreadable; the batch is sent again") from None
        if len(results) != len(batch):
            raise SinkError(f"bulk answer has {len(results)} items for {len(batch)} records; the batch is sent again")
        failed, rejected, kinds = [], [], set()
        for i, result in enumerate(results):
            code = int(result.get("status", 0)) if isinstance(result, dict) else 0
            if 200 <= code < 300 or code == 409:  # 409: created by an earlier attempt
                continue
            if code == 429 or code >= 500:
                failed.append(i)
            else:
                rejected.append(i)
                error = result.get("error") if isinstance(result, dict) else None
                kinds.add(str(error.get("type")) if isinstance(error, dict) else f"status {code}")
        if failed or rejected:
            detail = f"bulk: {len(failed)} item(s) to retry, {len(rejected)} refused"
            raise SinkError(
                detail + (f" ({', '.join(sorted(kinds))})" if kinds else ""), failed=failed, rejected=rejected
            )
