"""structlog's printouts for people, redacted: ``ConsoleRenderer`` and ``ExceptionPrettyPrinter`` print events and
tracebacks themselves (source lines, exception messages and, with rich, frame locals), outside hipaalog's renderer.

When structlog is loaded (before ``import hipaalog`` or after it), ``ConsoleRenderer.__call__`` is wrapped so the text
it returns is redacted by the default policy, and ``ExceptionPrettyPrinter.__call__`` prints the exception it
formats redacted. Each is replaced only while it is still structlog's; hipaalog never imports structlog itself.
"""

from __future__ import annotations

import sys
from typing import Any

from ._import_hooks import when_imported

__all__ = ["install"]


def install() -> None:
    """Wrap the two printers once ``structlog.dev`` and ``structlog.processors`` are loaded."""
    when_imported("structlog.dev", _wrap_console_renderer)
    when_imported("structlog.processors", _wrap_pretty_printer)


def _redacted(text: str) -> str:
    try:
        from .redaction import default_redactor

        return default_redactor().redact_text(text)
    except Exception:  # noqa: BLE001 - fail closed: nothing of the text is shown
        return "hipaalog: structlog output withheld (it could not be redacted)"


def _wrap_console_renderer() -> None:
    renderer: Any = getattr(sys.modules.get("structlog.dev"), "ConsoleRenderer", None)
    standard = vars(renderer).get("__call__") if isinstance(renderer, type) else None
    if standard is None or getattr(standard, "__module__", None) != "structlog.dev":
        return

    def __call__(self: Any, logger: Any, name: str, event_dict: Any) -> Any:
        """``ConsoleRenderer.__call__``: the same line, redacted."""
        rendered = standard(self, logger, name, event_dict)
        return _redacted(rendered) if isinstance(rendered, str) else rendered

    renderer.__call__ = __call__


def _wrap_pretty_printer() -> None:
    module = sys.modules.get("structlog.processors")
    printer: Any = getattr(module, "ExceptionPrettyPrinter", None)
    figure_out = getattr(module, "_figure_out_exc_info", None)
    standard = vars(printer).get("__call__") if isinstance(printer, type) else None
    if standard is None or figure_out is None or getattr(standard, "__module__", None) != "structlog.processors":
        return

    def __call__(self: Any, logger: Any, name: str, event_dict: Any) -> Any:
        """``ExceptionPrettyPrinter.__call__``: the exception printed redacted."""
        exc = event_dict.pop("exception", None)
        if exc is None:
            exc_info = figure_out(event_dict.pop("exc_info", None))
            if exc_info:
                exc = self.format_exception(exc_info)
        if exc:
            print(_redacted(str(exc)), file=self._file)
        return event_dict

    printer.__call__ = __call__
