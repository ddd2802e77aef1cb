"""The one type a formatter writes byte for byte: a line hipaalog itself finished (a sealed audit record)."""

from __future__ import annotations

__all__ = ["FinishedLine"]


class FinishedLine(bytes):
    """The finished JSON line of a record, carried on the record as ``hipaalog_line``.

    Only hipaalog's audit stream makes these, for the records it seals and forwards to logging.
    A caller's ``extra={"hipaalog_line": b"..."}`` is plain ``bytes``, never this type, so data a
    caller logs can never stand in for a record's bytes: formatters write it as an ordinary field.
    """

    __slots__ = ()
