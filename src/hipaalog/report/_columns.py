"""The columnar form of an audit segment: only the fields the report's rules read, one array per field.

A segment's lines are parsed once (the same parser and the same field checks as the streaming
analyzer) into :class:`Columns`; DuckDB reads them straight from the numpy arrays, or from the
Parquet sidecar that :func:`write_parquet` keeps beside a sealed segment. :func:`segment_parquet`
writes that file, letting DuckDB read the NDJSON itself when it can (:mod:`._ndjson`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._ndjson import SegmentColumns
from ._reader import _records

if TYPE_CHECKING:
    from ._duck import EngineSettings

__all__ = ["COLUMNS", "Columns", "parse_segment", "segment_parquet"]

COLUMNS = (
    "ts",
    "seq",
    "event",
    "actor",
    "outcome",
    "source",
    "patient",
    "resource",
    "emergency",
    "patients",
)
"""Column names, in the order of the Parquet sidecar."""
_EVENTS = frozenset({"access", "login", "change", "export"})


@dataclass
class Columns:
    """The rule fields of one segment's audit records, in file order, and what reading saw besides."""

    stream: str = ""
    """``appId/microservice`` of the segment's first audit record (the name its evidence is filed under)."""
    lines: int = 0
    unreadable: int = 0
    non_audit: int = 0
    ordered: bool = True
    """Whether the audit records' timestamps never go back (the columnar engine orders by time)."""
    data: dict[str, list[Any]] = field(default_factory=lambda: {name: [] for name in COLUMNS})

    def __len__(self) -> int:
        return len(self.data["ts"])

    def arrays(self) -> dict[str, Any]:
        """The columns as numpy arrays (what DuckDB scans without copying through Python objects)."""
        import numpy as np

        data = self.data
        return {
            "ts": np.asarray(data["ts"], dtype=np.float64),
            "seq": np.asarray([s if s is not None else -1 for s in data["seq"]], dtype=np.int64),
            **{name: np.asarray(data[name], dtype=object) for name in COLUMNS[2:8]},
            "emergency": np.asarray(data["emergency"], dtype=np.bool_),
            "patients": np.asarray(data["patients"], dtype=np.int64),
        }


def _text(value: object) -> str | None:
    return value if type(value) is str else None


def parse_segment(path: str) -> Columns:
    """Read one plain or gzip segment into :class:`Columns`.

    The fields are kept exactly as the analyzer reads them: text fields only when they are
    strings (a log-in's source only when not empty), ``seq`` only when an integer (else -1),
    ``emergency`` only when it is ``true``, an export's patient count as the rule counts it.
    """
    out = Columns()
    data = out.data
    ts_, seq_, event_, actor_, outcome_ = data["ts"], data["seq"], data["event"], data["actor"], data["outcome"]
    source_, patient_, resource_ = data["source"], data["patient"], data["resource"]
    emergency_, patients_ = data["emergency"], data["patients"]
    for timestamp, _, _, record in _records(path, 0, out):
        audit = record["audit"]
        if not out.stream and not len(ts_):
            out.stream = f"{record.get('appId', '?')}/{record.get('microservice', '?')}"
        event = audit.get("event")
        seq = record.get("seq")
        source = audit.get("source")
        count = audit.get("patients")
        if ts_ and timestamp < ts_[-1]:
            out.ordered = False
        ts_.append(timestamp)
        seq_.append(seq if type(seq) is int and 0 <= seq < 1 << 63 else None)
        event_.append(event if event in _EVENTS else None)
        actor_.append(_text(audit.get("actor")))
        outcome_.append(_text(audit.get("outcome")))
        source_.append(source if type(source) is str and source else None)
        patient_.append(_text(audit.get("patient")))
        resource_.append(_text(audit.get("resource")))
        emergency_.append(audit.get("emergency") is True)
        patients_.append(count if type(count) is int and 0 < count < 1 << 62 else 1)
    return out


def segment_parquet(path: str, target: str, settings: EngineSettings | None = None) -> SegmentColumns:
    """Write the rule columns of the segment ``path`` to the Parquet file ``target``; what reading saw.

    DuckDB reads the segment when every line is a plain audit record (:func:`._ndjson.ndjson_to_parquet`);
    otherwise it is parsed here, with the same result.
    """
    from ._duck import write_parquet
    from ._ndjson import ndjson_to_parquet

    written = ndjson_to_parquet(path, target, settings)
    if written is not None:
        return written
    parsed = parse_segment(path)
    write_parquet(parsed, target)
    return SegmentColumns(parsed.stream, parsed.lines, parsed.unreadable, parsed.non_audit, parsed.ordered, len(parsed))
