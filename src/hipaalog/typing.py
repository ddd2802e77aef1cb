"""Every extension point of hipaalog, as Protocols and type aliases.

Implement these to plug in your own pieces; mypy checks that they fit. Nothing here is needed at
run time except for ``isinstance`` checks against the ``runtime_checkable`` protocols.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeAlias, runtime_checkable

from ._encoded import EncodedRecord

__all__ = ["Clock", "Detector", "EncodedRecord", "EventDict", "JSONValue", "Sink", "Span"]

JSONValue: TypeAlias = Any
"""Any value that serializes to JSON (``dict``, ``list``, ``str``, numbers, ``bool``, ``None``)."""

EventDict: TypeAlias = dict[str, Any]
"""A record on its way to JSON: schema fields first, then the caller's fields."""


@runtime_checkable
class Sink(Protocol):
    """A destination for encoded records: *where* records go, never *when*.

    Batching, retries, backoff and spilling belong to the delivery layer; a sink only writes what
    it is handed and says, by raising :class:`hipaalog.exceptions.SinkError`, what did not arrive.
    Third-party sinks register a factory under the ``hipaalog.sinks`` entry-point group.
    """

    name: str
    """A short label used in counters and self-records (for example ``"file:/var/log/app.jsonl"``)."""

    def write(self, batch: Sequence[EncodedRecord]) -> None:
        """Deliver ``batch`` in order, or raise ``SinkError`` naming what failed."""

    def flush(self) -> None:
        """Push anything buffered to the destination."""

    def close(self) -> None:
        """Flush and release resources; the sink is not used afterwards.

        A sink whose writes are not confirmed when ``write`` returns (a stream with no
        acknowledgements, such as TCP syslog) may also have ``settle() -> (confirmed, lost)``: the
        number of records, oldest first, that earlier writes got confirmed and that were lost. The
        delivery layer keeps written records until they are settled and writes the lost ones again.
        """


Span: TypeAlias = "tuple[int, int, str]"
"""Where an identifier is in a text and what it is: ``(start, end, kind)``, for example ``(8, 19, "SSN")``."""


@runtime_checkable
class Detector(Protocol):
    """Finds identifiers in text; plug one in with ``hipaalog.redaction.register_detector`` or ``rules=[...]``.

    ``hipaalog.redaction.by_pattern`` and ``by_callable`` build detectors from a regex or a function;
    subclass ``hipaalog.redaction.BaseDetector`` for anything else. If ``find`` raises, the text it
    was given is masked whole and the failure counted (fail closed).
    """

    @property
    def name(self) -> str:
        """A short label for policies and diagnostics (``"acme.member_id"``)."""

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds it may report (``UPPER_SNAKE_CASE``)."""

    def find(self, text: str) -> Iterable[Span]:
        """The spans of identifiers in ``text``."""


@runtime_checkable
class Clock(Protocol):
    """A source of time, replaceable in tests."""

    def time(self) -> float:
        """Seconds since the epoch (wall clock)."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin that never goes backwards."""


SinkSpec: TypeAlias = "Sink | str | Mapping[str, Any]"
"""How a sink may be named in configuration: an object, a URL such as ``file:///var/log/app.jsonl``,
or a mapping with a ``type`` key (the form ``dictConfig`` files use)."""

SinkSpecs: TypeAlias = "Sequence[SinkSpec]"
