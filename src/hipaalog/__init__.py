"""hipaalog: structured, PHI-safe JSON logging for Python services under HIPAA.

Point the standard :mod:`logging` module at :class:`JsonFormatter` and :class:`SinkHandler` (or
call :func:`configure` once) and every record becomes one schema-valid, redacted JSON line.
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from . import context, exceptions, redaction, sinks, timing, typing
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

if _TYPE_CHECKING:
    from . import archive, audit, integrity, monitor, report, synthetic

_LAZY_MODULES = frozenset({"archive", "audit", "integrity", "monitor", "report", "synthetic"})
"""Subpackages imported on first use, so that ``import hipaalog`` stays quick for applications that only log."""


def __getattr__(name: str) -> _Any:
    if name in _LAZY_MODULES:
        module = _importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY_MODULES)


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
