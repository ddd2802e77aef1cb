"""hipaalog: structured, PHI-safe JSON logging for Python services under HIPAA.

Point the standard :mod:`logging` module at :class:`JsonFormatter` and :class:`SinkHandler` (or
call :func:`configure` once) and every record becomes one schema-valid, redacted JSON line.
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from ._exit_paths import install as _install_exit_paths
from ._extra_names import install as _install_extra_names
from ._last_resort import install as _install_last_resort
from ._printed_errors import install as _install_printed_errors
from ._process_names import install as _install_process_names
from ._request_lines import watch as _watch_request_lines
from ._structlog_printers import install as _install_structlog_printers
from ._uncaught import install as _install_uncaught_hooks
from ._version import __version__
from ._warning_printout import install as _install_warning_printout
from .exceptions import ConfigError, HipaalogError, SchemaViolation, SinkError

if _TYPE_CHECKING:
    from . import (
        archive,
        audit,
        context,
        exceptions,
        integrations,
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
    from .context import bind, unbind
    from .redaction import Redactor, redact
    from .timing import timed

_LAZY_MODULES = frozenset(
    {
        "archive",
        "audit",
        "context",
        "exceptions",
        "integrations",
        "integrity",
        "monitor",
        "redaction",
        "report",
        "sinks",
        "synthetic",
        "timing",
        "typing",
    }
)
"""Subpackages imported on first use, so that ``import hipaalog`` costs no more than a small library."""

_LAZY_NAMES = {
    "configure": "._config",
    "Encoder": "._encoder",
    "JsonFormatter": "._formatter",
    "SinkHandler": "._handler",
    "SCHEMA_VERSION": "._schema",
    "bind": ".context",
    "unbind": ".context",
    "Redactor": ".redaction",
    "redact": ".redaction",
    "timed": ".timing",
}
"""Names imported from their module on first use: ``configure()`` loads the formatter, sinks and redaction it needs."""


def __getattr__(name: str) -> _Any:
    if name in _LAZY_MODULES:
        value = _importlib.import_module(f"{__name__}.{name}")
    elif name in _LAZY_NAMES:
        value = getattr(_importlib.import_module(_LAZY_NAMES[name], __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY_MODULES | set(_LAZY_NAMES))


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
    "integrations",
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

_install_last_resort()  # records of loggers with no handler reach stderr redacted (see _last_resort)
_install_uncaught_hooks()  # uncaught exceptions reach stderr redacted (see _uncaught)
_install_warning_printout()  # warnings printed before configure() reach stderr redacted
_install_extra_names()  # extra= fields named like record attributes are kept, not raised on (see _extra_names)
_install_printed_errors()  # tracebacks the standard library prints itself (multiprocessing, logging errors) too
_watch_request_lines()  # http.server's request lines on stderr, whenever it is loaded
_install_exit_paths()  # sys.exit(text), exit(text) and argparse's error line on stderr
_install_process_names()  # a crashing multiprocessing child's "Process <name>:" header
_install_structlog_printers()  # structlog's ConsoleRenderer and ExceptionPrettyPrinter, whenever structlog is loaded
