"""Writing records to a stream: stdout, stderr, or any file object the caller opened."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import IO, Any

from .._encoded import EncodedRecord
from ..exceptions import SinkError

__all__ = ["StreamSink"]


class StreamSink:
    """Writes each record as one line to a text or binary stream.

    ``"stdout"`` and ``"stderr"`` are looked up at every write, so a test runner or daemon that
    swaps ``sys.stdout`` still receives the records.
    """

    def __init__(self, stream: IO[Any] | str = "stdout") -> None:
        if isinstance(stream, str) and stream not in ("stdout", "stderr"):
            raise ValueError(f"stream must be 'stdout', 'stderr' or a file object, not {stream!r}")
        self._stream = stream
        self.name = stream if isinstance(stream, str) else f"stream:{getattr(stream, 'name', type(stream).__name__)}"

    def _target(self) -> IO[Any]:
        if self._stream == "stdout":
            return sys.stdout
        if self._stream == "stderr":
            return sys.stderr
        return self._stream  # type: ignore[return-value]

    def write(self, batch: Sequence[EncodedRecord]) -> None:
        """Write the batch, one line per record."""
        stream = self._target()
        payload = b"".join(record.line + b"\n" for record in batch)
        try:
            buffer = getattr(stream, "buffer", None)
            if buffer is not None:
                stream.flush()  # keep order with text already written through the wrapper
                buffer.write(payload)
                buffer.flush()
            elif isinstance(stream, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(stream, "mode", ""):
                stream.write(payload)
            else:
                stream.write(payload.decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise SinkError(f"{self.name}: {exc}", retryable=isinstance(exc, OSError)) from exc

    def flush(self) -> None:
        """Flush the stream."""
        try:
            self._target().flush()
        except (OSError, ValueError):
            pass

    def close(self) -> None:
        """Flush; the stream itself stays open (it belongs to the caller)."""
        self.flush()

    def __repr__(self) -> str:
        return f"StreamSink({self.name!r})"
