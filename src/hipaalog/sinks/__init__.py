"""Where records go: the :class:`Sink` protocol and the built-in sinks.

A sink writes what it is handed and raises :class:`~hipaalog.exceptions.SinkError` for what did
not arrive; queues, batching and retries belong to :class:`hipaalog.SinkHandler`.
"""

from __future__ import annotations

from .._encoded import EncodedRecord
from ..typing import Sink
from ._file import FileSink
from ._registry import ENTRY_POINT_GROUP, create_sink, register_sink
from ._stream import StreamSink

__all__ = ["ENTRY_POINT_GROUP", "EncodedRecord", "FileSink", "Sink", "StreamSink", "create_sink", "register_sink"]
