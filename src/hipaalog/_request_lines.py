"""The standard library's HTTP servers' request lines, redacted: ``http.server`` writes them to stderr as they are.

``http.server.BaseHTTPRequestHandler.log_message`` (every request line, ``send_error`` messages) writes the
client's address and the request, query string included, to stderr; ``wsgiref.simple_server`` and
``xmlrpc.server`` inherit it. Whenever ``http.server`` is loaded, before ``import hipaalog`` or after it, its
standard ``log_message`` is replaced with one that writes the same line redacted by the default policy. A handler
class with its own ``log_message`` keeps it. hipaalog never imports ``http.server`` itself (it is costly to load).
"""

from __future__ import annotations

import sys
from typing import Any

from ._import_hooks import when_imported
from ._printed_errors import write_redacted

__all__ = ["install", "watch"]


def watch() -> None:
    """Replace ``log_message`` now when ``http.server`` is loaded, else as soon as it is imported."""
    when_imported("http.server", install)


def install() -> None:
    """Replace ``BaseHTTPRequestHandler.log_message`` when ``http.server`` is loaded and it is the standard one."""
    module = sys.modules.get("http.server")
    handler = getattr(module, "BaseHTTPRequestHandler", None)
    if handler is None:
        return
    if getattr(handler.log_message, "__module__", None) == "http.server":
        handler.log_message = _log_message


def _log_message(self: Any, format: str, *args: Any) -> None:
    """``BaseHTTPRequestHandler.log_message``: the same line, redacted; never raises."""
    try:
        message = format % args
        text = f"{self.address_string()} - - [{self.log_date_time_string()}] {message}\n"
    except Exception:  # noqa: BLE001 - a line that cannot be made is not written
        return
    write_redacted(sys.stderr, text)
