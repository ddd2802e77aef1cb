"""PHI redaction engine (placeholder interface until the redaction work lands)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["Redactor", "default_redactor", "redact"]


class Redactor:
    """Interface the encoder relies on; the real engine replaces this module."""

    def redact(self, value: Any) -> Any:
        return value

    def redact_text(self, text: str) -> str:
        return text

    def redact_event(self, event: dict[str, Any]) -> dict[str, Any]:
        return event

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Redactor:
        return cls()


_DEFAULT = Redactor()


def default_redactor() -> Redactor:
    return _DEFAULT


def redact(value: Any) -> Any:
    return _DEFAULT.redact(value)
