"""hipaalog: structured, PHI-safe JSON logging for Python services under HIPAA.

Point the standard :mod:`logging` module at :class:`JsonFormatter` and :class:`SinkHandler` (or
call :func:`configure` once) and every record becomes one schema-valid, redacted JSON line.
"""

from __future__ import annotations

from . import (
    archive,
    audit,
    context,
    exceptions,
    integrity,
    monitor,
    redaction,
    report,
    sinks,
    synthetic,
    timing,
    typing,
)
from ._config import configure
from ._encoder import Encoder
from ._formatter import JsonFormatter
from ._handler import SinkHandler
from ._schema import SCHEMA_VERSION
from ._version import __version__
from .context import bind, unbind
from .exceptions import ConfigError, HipaalogError, SchemaViolation, SinkError
from .redaction import Redactor, redact
from .timing import timed

__all__ = [
    "SCHEMA_VERSION",
    "ConfigError",
    "Encoder",
    "HipaalogError",
    "JsonFormatter",
    "Redactor",
    "SchemaViolation",
    "SinkError",
    "SinkHandler",
    "__version__",
    "archive",
    "audit",
    "bind",
    "configure",
    "context",
    "exceptions",
    "integrity",
    "monitor",
    "redact",
    "redaction",
    "report",
    "sinks",
    "synthetic",
    "timed",
    "timing",
    "typing",
    "unbind",
]
