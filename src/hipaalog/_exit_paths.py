"""Messages printed on the way out, redacted: ``sys.exit(text)``, ``exit(text)`` and argparse's error line.

Python prints the object given to ``sys.exit()`` (or ``exit()``, ``quit()``) to stderr when it is not a number,
without ``sys.excepthook``: ``sys.exit(f"no chart for {email}")`` writes the address raw. argparse's error exit
prints the offending value (``argument --age: invalid int value: '...'``). Importing hipaalog replaces
``sys.exit``, the ``exit``/``quit`` helpers and ``argparse.ArgumentParser.exit`` (when argparse is loaded, now
or later), each only while it is still the standard one, with versions whose message is redacted by the default
policy; a message with nothing to redact keeps its object, and exit statuses are unchanged. A
``raise SystemExit(text)`` written out in full is not seen by any of them: pass text through ``sys.exit``.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

from ._import_hooks import when_imported

__all__ = ["exit_code", "install"]

_standard: dict[str, Any] = {}


def install() -> None:
    """Put the redacting versions in place of the standard ones (argparse's when it is imported)."""
    if type(sys.exit).__name__ == "builtin_function_or_method" and getattr(sys.exit, "__module__", None) == "sys":
        _standard["sys.exit"] = sys.exit
        sys.exit = _exit
    try:
        import _sitebuiltins
    except ImportError:  # pragma: no cover - an interpreter without site's helpers
        pass
    else:
        call = _sitebuiltins.Quitter.__call__
        if getattr(call, "__module__", None) == "_sitebuiltins":
            _standard["quitter"] = call
            _sitebuiltins.Quitter.__call__ = _quitter_call  # type: ignore[method-assign]
    when_imported("argparse", _install_argparse)


def exit_code(code: object) -> object:
    """What ``SystemExit(code)`` should hold: ``code`` as it is when it is ``None``, a number or text with nothing
    to redact; else its text, redacted (withheld when it cannot be redacted). Never raises."""
    if code is None or isinstance(code, int):
        return code
    try:
        text = str(code)
    except Exception:  # noqa: BLE001 - Python would print nothing useful either
        return f"<{type(code).__name__} object>"
    try:
        from .redaction import default_redactor

        redacted = default_redactor().redact_text(text)
    except Exception:  # noqa: BLE001 - fail closed
        return "hipaalog: the exit message was withheld (it could not be redacted)"
    return code if redacted == text else redacted


def _exit(status: object = None, /) -> NoReturn:
    """``sys.exit``: raises ``SystemExit`` with the status, its text redacted."""
    raise SystemExit(exit_code(status))


def _quitter_call(self: Any, code: object = None) -> NoReturn:
    """``exit()`` and ``quit()``: the standard helper with the code redacted."""
    _standard["quitter"](self, exit_code(code))
    raise SystemExit(code)  # pragma: no cover - the standard helper always raises


def _install_argparse() -> None:
    import argparse

    standard = argparse.ArgumentParser.exit
    if getattr(standard, "__module__", None) != "argparse":
        return
    _standard["argparse"] = standard

    def exit(self: argparse.ArgumentParser, status: int = 0, message: str | None = None) -> NoReturn:
        """``ArgumentParser.exit``: the message (an error naming the value it refused) printed redacted."""
        if message:
            shown = exit_code(message)
            message = shown if isinstance(shown, str) else message
        standard(self, status, message)
        raise SystemExit(status)  # pragma: no cover - the standard method always exits

    argparse.ArgumentParser.exit = exit  # type: ignore[method-assign]
