"""What replaces an identifier: a mask, a keyed pseudonym, a partial value, or nothing.

Every strategy is idempotent: applied to its own output it changes nothing, so redacting twice
(a record filter and then the formatter) gives the same line as redacting once.
"""

from __future__ import annotations

import re
from typing import Any, Final

import orjson

from .._pseudonym import Pseudonymizer
from ..exceptions import ConfigError
from ._checks import digits_of
from ._vocab import RESTRICTED_ZIP3

__all__ = ["DROP", "STRATEGIES", "Strategy", "is_redacted", "mask_text"]

STRATEGIES: Final = ("mask", "pseudonym", "partial", "drop")

DROP: Final = object()
"""Returned for a field value that is to be left out."""

_REDACTED_VALUE: Final = re.compile(r"\[REDACTED:[A-Z][A-Z0-9_]*\]|\[?[A-Z][A-Z0-9_]*:[A-Za-z0-9_.-]+:[a-z2-7]{16}\]?")
_YEAR: Final = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_NUMERIC_KINDS: Final = frozenset({"SSN", "PHONE", "FAX", "CARD", "NPI", "ZIP", "ACCOUNT"})
_ALNUM_KINDS: Final = frozenset({"MEMBER_ID", "MBI", "MRN", "LICENSE", "DEVICE", "VEHICLE", "DEA"})
_KEEP_LAST4: Final = _NUMERIC_KINDS - {"ZIP"} | _ALNUM_KINDS | {"ID", "PATIENT"}


def mask_text(kind: str) -> str:
    """The mask of an identifier of ``kind``: ``[REDACTED:KIND]``."""
    return f"[REDACTED:{kind}]"


def is_redacted(value: str) -> bool:
    """Whether ``value`` is entirely a mask or a pseudonym token (so redacting it again must keep it)."""
    return _REDACTED_VALUE.fullmatch(value) is not None


def _canonical(kind: str, value: Any) -> str:
    """The form of ``value`` that is pseudonymised, so that spellings of one identifier share a token."""
    if not isinstance(value, str):
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str).decode()
        except (TypeError, orjson.JSONEncodeError):
            return repr(value)
    if kind in _NUMERIC_KINDS:
        digits = digits_of(value)
        if len(digits) >= 4:
            return digits
    if kind == "EMAIL":
        return value.strip().lower()
    if kind == "NAME":
        return " ".join(value.replace("^", " ").split()).casefold()
    if kind in _ALNUM_KINDS:
        return "".join(ch for ch in value.upper() if ch.isalnum())
    return value.strip()


def _keep_last4(text: str) -> str | None:
    visible = sum(1 for ch in text if ch.isalnum() or ch == "*")
    if visible < 8:
        return None
    keep = 4
    out = []
    for ch in reversed(text):
        if ch.isalnum():
            if keep > 0:
                keep -= 1
                out.append(ch)
            else:
                out.append("*")
        else:
            out.append(ch)
    return "".join(reversed(out))


def _partial_text(kind: str, text: str) -> str | None:
    """The partial form of an identifier, or ``None`` when ``kind`` has none (then it is masked)."""
    if kind in _KEEP_LAST4:
        return _keep_last4(text)
    if kind in ("DOB", "DATE"):
        year = _YEAR.search(text)
        return year[0] if year else None
    if kind == "AGE":
        return "90+"
    if kind == "ZIP":
        digits = digits_of(text)[:3]
        if len(digits) < 3:
            return None
        return ("000" if digits in RESTRICTED_ZIP3 else digits) + "**"
    if kind == "EMAIL":
        at = text.rfind("@")
        return "***" + text[at:] if at > 0 else None
    if kind == "IP" and text.count(".") == 3 and ":" not in text:
        first, second = text.split(".")[:2]
        return f"{first}.{second}.*.*"
    return None


class Strategy:
    """One way to replace identifiers; built by :meth:`Redactor` from a strategy name."""

    __slots__ = ("name", "pseudonymizer")

    def __init__(self, name: str, pseudonymizer: Pseudonymizer | None = None) -> None:
        if name not in STRATEGIES:
            raise ConfigError(f"unknown redaction strategy {name!r}; use one of {', '.join(STRATEGIES)}")
        if name == "pseudonym" and pseudonymizer is None:
            raise ConfigError(
                "the 'pseudonym' strategy needs a key: set pseudonym_key (for example 'env:HIPAALOG_PSEUDONYM_KEY' "
                "or 'hex:...') or the HIPAALOG_PSEUDONYM_KEY environment variable"
            )
        self.name = name
        self.pseudonymizer = pseudonymizer

    def text(self, kind: str, found: str) -> str:
        """What replaces ``found``, an identifier of ``kind`` inside a text."""
        name = self.name
        if name == "pseudonym":
            assert self.pseudonymizer is not None
            return "[" + self.pseudonymizer.token(kind, _canonical(kind, found)) + "]"
        if name == "partial":
            partial = _partial_text(kind, found)
            if partial is not None:
                return partial
        return mask_text(kind)

    def value(self, kind: str, value: Any) -> Any:
        """What replaces ``value``, a field under a PHI key (``DROP`` to leave the field out)."""
        name = self.name
        if isinstance(value, str) and is_redacted(value):
            return value
        if name == "drop":
            return DROP
        if name == "pseudonym":
            assert self.pseudonymizer is not None
            return self.pseudonymizer.token(kind, _canonical(kind, value))
        if name == "partial":
            if kind == "AGE" and isinstance(value, (int, float)) and not isinstance(value, bool):
                return 90 if isinstance(value, int) else 90.0
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                partial = _partial_text(kind, str(value))
                if partial is not None:
                    return partial
        return mask_text(kind)

    def __repr__(self) -> str:
        return f"Strategy({self.name!r})"
