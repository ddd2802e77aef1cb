"""logging's handler of last resort, redacting: records of loggers with no handler still reach stderr.

``logging`` writes a record that finds no handler (before ``configure()``, in a child process that
never called it, under ``hipaalog.testing.capture()`` alone) to stderr through ``logging.lastResort``,
as it is. Importing hipaalog replaces that handler, when it is still the standard library's, with one
that writes the same text redacted by the default policy; the redaction machinery loads on the first
such record, not at import.
"""

from __future__ import annotations

import logging
import sys

__all__ = ["RedactingLastResort", "install"]


class RedactingLastResort(logging.Handler):
    """Writes a record's message (and its exception) to stderr, redacted, as ``logging.lastResort`` would."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            from .redaction import default_redactor

            redactor = default_redactor()
            text = redactor.redact_text(record.getMessage())
            if record.exc_info:
                text += "\n" + redactor.redact_text(logging.Formatter().formatException(record.exc_info))
            stream = sys.stderr
            if stream is not None:
                stream.write(text + "\n")
        except Exception:  # noqa: BLE001 - logging must not raise; nothing of the record is shown
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """Say that a record could not be written, without its arguments (stdlib prints them raw)."""
        stream = sys.stderr
        if logging.raiseExceptions and stream is not None:
            try:
                stream.write(f"hipaalog: a record of logger {record.name!r} could not be written\n")
            except Exception:  # noqa: BLE001 - nowhere left to report to
                pass


def install() -> None:
    """Put :class:`RedactingLastResort` in place of the standard library's handler of last resort."""
    current = getattr(logging, "lastResort", None)
    if current is not None and type(current).__name__ == "_StderrHandler":
        logging.lastResort = RedactingLastResort()
