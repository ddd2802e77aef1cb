"""Finding a planted value in what hipaalog wrote: exact, lower-case and digits-only forms."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = ["MARKER", "SEQ_FIELD", "canonical", "haystack", "leaked"]

MARKER = "[REDACTED"
"""How hipaalog's masks begin (``[REDACTED:SSN]``); in a benign record's line it is damage."""

SEQ_FIELD = "eval_seq"
"""An integer field the pipeline adds to every call so that each written line is matched to its record."""

VOLATILE = ("timestamp", SEQ_FIELD)
"""Output fields that differ between runs or that the harness adds; left out of comparisons and searches."""


def _strings(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            out.append(str(key))
            _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)
    elif value is not None and not isinstance(value, bool):
        out.append(str(value))


def canonical(line: str | None) -> Any:
    """A written line without its volatile fields (the raw text if it is not JSON)."""
    if line is None:
        return None
    try:
        event = json.loads(line)
    except ValueError:
        return line
    if isinstance(event, dict):
        for key in VOLATILE:
            event.pop(key, None)
    return event


def haystack(line: str | None) -> str:
    """Every key and value of a written line, decoded from JSON, one per line, plus the raw line.

    The raw line keeps escaped forms findable; the decoded strings keep values inside JSON text
    (a payload serialized into a field) findable exactly as a reader of the log would see them.
    """
    if line is None:
        return ""
    event = canonical(line)
    parts: list[str] = []
    _strings(event, parts)
    if isinstance(event, dict):
        parts.append(json.dumps(event))
    return "\n".join(parts)


def _word(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _found(needle: str, text: str, boundary: Callable[[str], bool]) -> bool:
    """Whether ``needle`` occurs in ``text`` with no ``boundary`` character right before or after it.

    A token also starts right after an escape written out as text (``\\nJane`` in a repr, or in
    JSON inside JSON).
    """
    start = 0
    while (i := text.find(needle, start)) >= 0:
        start = i + 1
        end = i + len(needle)
        if end < len(text) and boundary(text[end]):
            continue
        if i == 0 or not boundary(text[i - 1]) or (i >= 2 and text[i - 2] == "\\" and text[i - 1] in "nrt"):
            return True
    return False


def leaked(value: str, text: str) -> bool:
    """Whether ``value`` (as is, in any case, or as its digits alone) occurs as a whole token in ``text``."""
    if _found(value.lower(), text.lower(), _word):
        return True
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) >= 6 and digits != value and len(digits) >= len(value) // 2:
        return _found(digits, text, str.isdigit)
    return False
