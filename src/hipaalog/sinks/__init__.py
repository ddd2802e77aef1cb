"""Where records go: the :class:`Sink` protocol and the built-in sinks.

A sink writes what it is handed and raises :class:`~hipaalog.exceptions.SinkError` for what did
not arrive; queues, batching and retries belong to :class:`hipaalog.SinkHandler`.

Built in: :class:`StreamSink` (stdout/stderr), :class:`FileSink` (rotation, gzip),
:class:`SyslogSink` (RFC 5424 over UDP, TCP, TLS), :class:`RelpSink` (RFC 5424 over RELP, each
message acknowledged) and :class:`HttpSink` (OpenSearch/Elasticsearch,
Loki, Mezmo, Splunk HEC, JSON lines). :func:`create_sink` builds them from URLs
(``syslog+tls://logs:6514``, ``https://search:9200/_bulk``, ``file:///var/log/app.jsonl``) or
mappings (``{"type": "loki", "url": ...}``).
"""

from __future__ import annotations

from .._encoded import EncodedRecord
from ..typing import Sink
from ._file import FileSink
from ._http import HttpSink
from ._preset import Preset
from ._registry import ENTRY_POINT_GROUP, create_sink, register_sink
from ._relp import RelpSink
from ._stream import StreamSink
from ._syslog import SyslogSink

__all__ = [
    "ENTRY_POINT_GROUP",
    "EncodedRecord",
    "FileSink",
    "HttpSink",
    "Preset",
    "RelpSink",
    "Sink",
    "StreamSink",
    "SyslogSink",
    "create_sink",
    "register_sink",
]
