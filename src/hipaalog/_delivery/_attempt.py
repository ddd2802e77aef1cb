"""One attempt to write a batch, and what it means: delivered, to retry, or refused for good."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .._encoded import EncodedRecord
from ..exceptions import SinkError
from ..typing import Sink

__all__ = ["Outcome", "attempt"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one ``sink.write``.

    ``retry`` keeps the failed records in their original order; ``rejected`` counts records the
    sink refused for good; everything else in the batch was delivered (``written``, in order,
    when the caller asked to keep them). ``maybe_sent`` counts the records of ``retry`` that may
    have reached the peer before the write broke off: sending them again may duplicate them.
    """

    delivered: int
    retry: list[EncodedRecord] = field(default_factory=list)
    rejected: int = 0
    retry_after: float | None = None
    error: str = ""
    written: list[EncodedRecord] = field(default_factory=list)
    maybe_sent: int = 0


def attempt(sink: Sink, records: Sequence[EncodedRecord], *, keep: bool = False) -> Outcome:
    """Write ``records`` to ``sink`` once (``keep``: list the written ones). Never raises."""
    try:
        sink.write(records)
    except SinkError as exc:
        return _partial(records, exc, keep)
    except Exception as exc:  # noqa: BLE001 - a broken sink is retried, then spilled, never fatal
        return Outcome(0, list(records), 0, None, f"{type(exc).__name__} raised by the sink")
    return Outcome(len(records), written=list(records) if keep else [])


def _partial(records: Sequence[EncodedRecord], exc: SinkError, keep: bool) -> Outcome:
    n = len(records)
    rejected = {i for i in exc.rejected if 0 <= i < n}
    if exc.failed is not None:
        failed = {i for i in exc.failed if 0 <= i < n}
    elif rejected:
        failed = set()
    else:
        failed = set(range(n))
    failed -= rejected
    if not exc.retryable:
        rejected |= failed
        failed = set()
    retry = [records[i] for i in sorted(failed)]
    error = str(exc) or type(exc).__name__
    written = [r for i, r in enumerate(records) if i not in failed and i not in rejected] if keep else []
    maybe_sent = len(failed.intersection(exc.maybe_sent))
    return Outcome(n - len(retry) - len(rejected), retry, len(rejected), exc.retry_after, error, written, maybe_sent)
