"""Records to an HTTP ingest API: batched, gzip, with presets for the common log stores."""

from __future__ import annotations

import base64
import contextlib
import email.utils
import gzip
import http.client
import select
import ssl
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import unquote, urlsplit

from .. import _atfork
from .._encoded import EncodedRecord
from .._sizes import parse_size
from .._version import __version__
from ..exceptions import ConfigError, SinkError
from ._loki import LokiPreset
from ._mezmo import MezmoPreset
from ._netstream import tls_context
from ._opensearch import OpenSearchPreset
from ._otlp import OtlpPreset
from ._preset import JsonLinesPreset, Preset
from ._splunk import SplunkPreset

__all__ = ["PRESETS", "HttpSink", "parse_retry_after"]

PRESETS: dict[str, Callable[..., Preset]] = {
    "jsonl": JsonLinesPreset,
    "opensearch": OpenSearchPreset,
    "elasticsearch": lambda **options: OpenSearchPreset(**options, auth_scheme="ApiKey"),
    "loki": LokiPreset,
    "mezmo": MezmoPreset,
    "logdna": MezmoPreset,
    "splunk": SplunkPreset,
    "otlp": OtlpPreset,
}
"""Preset name -> factory(**preset options)."""

_REFUSED = frozenset({400, 405, 410, 411, 414, 415, 422})
"""Statuses that mean "this request will never be accepted"; every other failure is retried."""
_IDLE_REUSE = 4.0
"""A kept-alive connection idle longer than this is replaced: servers close idle ones."""


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class HttpSink:
    """POSTs batches of records to an HTTP(S) endpoint in the shape a ``preset`` names.

    Presets: ``"jsonl"`` (generic JSON lines, the default), ``"opensearch"`` and
    ``"elasticsearch"`` (``_bulk``), ``"loki"`` (push API), ``"mezmo"`` (alias ``"logdna"``),
    ``"splunk"`` (HTTP Event Collector), ``"otlp"`` (OpenTelemetry logs, ``encoding="protobuf"``
    or ``"json"``). A URL without a path gets the preset's usual one (``/_bulk``,
    ``/loki/api/v1/push``, ``/logs/ingest``, ``/services/collector/event``, ``/v1/logs``).

    Args:
        url: ``http://`` or ``https://``; ``user:password@`` in it becomes Basic authentication.
        preset: the API shape, by name (further keyword arguments then go to the preset:
            ``index=``, ``labels=``, ``tenant=``, ``hostname=``, ``tags=``, ``source=``, ...), or a
            :class:`~hipaalog.sinks.Preset` instance for another API.
        token: the API's credential: ``Bearer`` for jsonl, opensearch and loki, ``ApiKey`` for
            elasticsearch, ``Splunk`` for splunk, the ingestion key for mezmo.
        headers: extra request headers.
        compress: gzip request bodies (``Content-Encoding: gzip``).
        timeout: seconds for connecting and for each response.
        max_request_bytes: larger batches are split into several requests (and a 413 answer makes
            the requests smaller).
        ca_file, cert_file, key_file, verify: TLS settings for ``https``.

    429 and 5xx answers, ``Retry-After``, timeouts and dropped connections are reported to the
    delivery layer as retryable (only the failed items of a bulk request); 400 and 422 as refused
    for good. A request whose connection dropped after the server had read it is sent again,
    so an API that stored it sees it twice.
    """

    def __init__(
        self,
        url: str,
        *,
        preset: str | Preset = "jsonl",
        token: str | None = None,
        headers: Mapping[str, str] | None = None,
        compress: bool = True,
        timeout: float = 10.0,
        max_request_bytes: int | str = "5MiB",
        ca_file: str | None = None,
        cert_file: str | None = None,
        key_file: str | None = None,
        verify: bool = True,
        **preset_options: Any,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"{url!r}: an HTTP sink needs an http:// or https:// URL with a host")
        if isinstance(preset, Preset):
            if preset_options:
                raise ConfigError(f"options {sorted(preset_options)} are for a named preset; set them on {preset!r}")
            self.preset = preset
        else:
            factory = PRESETS.get(str(preset).lower())
            if factory is None:
                raise ConfigError(f"unknown HTTP preset {preset!r}; known: {', '.join(sorted(PRESETS))}")
            try:
                self.preset = factory(**preset_options)
            except TypeError as exc:
                raise ConfigError(f"preset {preset!r}: {exc}") from exc
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise ConfigError(f"{url!r}: the port must be a number") from None
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, port
        self.path = parts.path if parts.path not in ("", "/") else self.preset.default_path
        self._query = parts.query
        self.compress = bool(compress)
        self.timeout = float(timeout)
        self.max_request_bytes = parse_size(max_request_bytes, "max_request_bytes")
        self._limit = self.max_request_bytes
        self._context: ssl.SSLContext | None = None
        if self.scheme == "https":
            self._context = tls_context(ca_file=ca_file, cert_file=cert_file, key_file=key_file, verify=verify)
        base = {"Content-Type": self.preset.content_type, "User-Agent": f"hipaalog/{__version__}"}
        if parts.username is not None:
            userinfo = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            base["Authorization"] = "Basic " + base64.b64encode(userinfo.encode()).decode("ascii")
        base.update(self.preset.headers(token))
        base.update({str(k): str(v) for k, v in (headers or {}).items()})
        self._headers = base
        netloc = f"[{self.host}]" if ":" in self.host else self.host
        self.name = f"http:{self.preset.name}:{self.scheme}://{netloc}:{self.port}{self.path}"
        self._conn: http.client.HTTPConnection | None = None
        self._last_used = 0.0
        self._lock = threading.Lock()
        _atfork.register(self)

    # -- batches -------------------------------------------------------------------------------
    def _chunks(self, batch: Sequence[EncodedRecord]) -> list[tuple[int, int]]:
        chunks, start, size = [], 0, 0
        for i, record in enumerate(batch):
            cost = len(record.line) + 64
            if i > start and size + cost > self._limit:
                chunks.append((start, i))
                start, size = i, 0
            size += cost
        if start < len(batch):
            chunks.append((start, len(batch)))
        return chunks

    def write(self, batch: Sequence[EncodedRecord]) -> None:
        """Send the batch in one or more requests; raise ``SinkError`` naming what did not arrive."""
        refused: list[int] = []
        reasons: list[str] = []
        with self._lock:
            for start, end in self._chunks(batch):
                try:
                    self._send(batch[start:end])
                except SinkError as exc:
                    n = end - start
                    failed = exc.failed if exc.failed is not None else ([] if exc.rejected else list(range(n)))
                    failed = sorted(set(failed) - set(exc.rejected))
                    rejected = list(exc.rejected) + ([] if exc.retryable else failed)
                    refused += [start + i for i in rejected]
                    reasons.append(str(exc))
                    if exc.retryable and failed:
                        retry = [start + i for i in failed] + list(range(end, len(batch)))
                        raise SinkError(
                            f"{self.name}: {'; '.join(reasons)}",
                            failed=retry,
                            rejected=refused,
                            retry_after=exc.retry_after,
                            maybe_sent=[start + i for i in exc.maybe_sent],
                        ) from exc
        if refused:
            raise SinkError(f"{self.name}: {'; '.join(reasons)}", rejected=refused)

    def _send(self, chunk: Sequence[EncodedRecord]) -> None:
        body = self.preset.encode(chunk)
        headers = dict(self._headers)
        if self.compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
        query = "&".join(q for q in (self._query, self.preset.query()) if q)
        status, reply_headers, reply = self._post(self.path + ("?" + query if query else ""), body, headers, len(chunk))
        self.preset.check(status, reply, chunk)
        if 200 <= status < 300:
            self._limit = min(self.max_request_bytes, self._limit * 2)
            return
        retry_after = parse_retry_after(reply_headers.get("Retry-After"))
        if status == 413 and len(chunk) > 1:
            self._limit = max(1024, sum(len(r.line) for r in chunk) // 2)
            raise SinkError("HTTP 413: request too large, sending smaller ones", retry_after=0.0)
        hint = {401: " (check the token)", 403: " (check the token's permissions)"}.get(status, "")
        raise SinkError(
            f"HTTP {status}{hint}", retryable=status not in _REFUSED and status != 413, retry_after=retry_after
        )

    # -- the connection ------------------------------------------------------------------------
    def _connection(self) -> http.client.HTTPConnection:
        conn = self._conn
        if conn is not None and (time.monotonic() - self._last_used > _IDLE_REUSE or not self._usable(conn)):
            self._drop()
            conn = None
        if conn is None:
            if self._context is not None:
                conn = http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout, context=self._context)
            else:
                conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self._conn = conn
        return conn

    @staticmethod
    def _usable(conn: http.client.HTTPConnection) -> bool:
        """A kept-alive connection the server has not closed (a closed one reads as readable)."""
        sock = conn.sock
        if sock is None:
            return True
        try:
            readable, _, _ = select.select([sock], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable

    def _post(
        self, path: str, body: bytes, headers: dict[str, str], records: int
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        """POST ``body`` (``records`` records); a request broken off once sent names them all in ``maybe_sent``."""
        conn = self._connection()
        sending = False
        try:
            if conn.sock is None:
                conn.connect()  # apart, so that a refused connection is known to have sent nothing
            sending = True
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            reply = response.read()
        except (OSError, http.client.HTTPException) as exc:
            self._drop()
            raise SinkError(
                f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__,
                maybe_sent=range(records) if sending else (),
            ) from exc
        self._last_used = time.monotonic()
        if response.will_close:
            self._drop()
        return response.status, response.headers, reply

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.close()

    # -- lifecycle -----------------------------------------------------------------------------
    def flush(self) -> None:
        """Nothing is buffered: every write is answered before it returns."""

    def close(self) -> None:
        """Close the kept-alive connection."""
        with self._lock:
            self._drop()

    def _after_fork_in_child(self) -> None:
        self._lock = threading.Lock()
        conn, self._conn = self._conn, None
        if conn is not None and conn.sock is not None:
            with contextlib.suppress(OSError):
                conn.sock.close()  # the child's copy only; no TLS goodbye on the parent's session

    def __repr__(self) -> str:
        return f"HttpSink({self.name!r})"
