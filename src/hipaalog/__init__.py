"""hipaalog: structured, PHI-safe JSON logging for Python services under HIPAA.

Point the standard :mod:`logging` module at :class:`JsonFormatter` and :class:`SinkHandler` (or
call :func:`configure` once) and every record becomes one schema-valid, redacted JSON line.
"""

from __future__ import annotations

from . import context, exceptions, sinks, typing
from ._config import configure
from ._encoder import Encoder
from ._formatter import JsonFormatter
from ._handler import SinkHandler
from ._schema import SCHEMA_VERSION
from ._version import __version__
from .context import bind, unbind
from .exceptions import ConfigError, HipaalogError, SchemaViolation, SinkError

__all__ = [
    "SCHEMA_VERSION",
    "ConfigError",
    "Encoder",
    "HipaalogError",
    "JsonFormatter",
    "SchemaViolation",
    "SinkError",
    "SinkHandler",
    "__version__",
    "bind",
    "configure",
    "context",
    "exceptions",
    "sinks",
    "typing",
    "unbind",
]
