"""Module-level shortcuts over the default redactor."""

from __future__ import annotations

import threading
from typing import Any

from ._redactor import Finding, Redactor

__all__ = ["default_redactor", "find_phi", "redact", "redact_text"]

_default: Redactor | None = None
_lock = threading.Lock()


def default_redactor() -> Redactor:
    """The redactor with hipaalog's default policy (masks everything; built once, shared)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Redactor()
    return _default


def redact(value: Any) -> Any:
    """A redacted copy of ``value`` (string, mapping, list, ...) under the default policy. Never raises."""
    return default_redactor().redact(value)


def redact_text(text: str) -> str:
    """``text`` with every identifier masked under the default policy. Never raises."""
    return default_redactor().redact_text(text)


def find_phi(
    value: Any, *, redactor: Redactor | None = None, skip: tuple[str, ...] | frozenset[str] = ()
) -> list[Finding]:
    """Where ``value`` holds PHI, as :class:`Finding` objects (kind and place, never the value).

    ``find_phi(value, *, redactor=None, skip=()) -> list[Finding]``

    Args:
        value: a string, or a JSON-like value such as a parsed log line; nested at any depth.
        redactor: the policy to judge by (default: :func:`default_redactor`). A place counts when
            that redactor would change it, so its own output (masks, pseudonym tokens, partial
            values) is never reported.
        skip: top-level keys to leave out, for example the trusted schema fields of a record.

    Each finding has ``kind`` (``"SSN"``, ...), ``path`` (``"$"`` for a bare string, else like
    ``"$.patient.ssn"`` or ``"$.items[0].note"``), ``span`` (``(start, end)`` character offsets in
    the string at ``path``, or ``None`` when the field name makes the whole value PHI) and
    ``rule`` (``"key"`` or ``"text"``).
    """
    return (redactor or default_redactor()).find(value, skip=skip)
