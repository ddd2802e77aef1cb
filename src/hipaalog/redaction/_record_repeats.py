"""A value masked in one place of a record, masked wherever else the same record holds it.

``extra={"ssn": "388166573", "n": 388166573}``: the key rule masks the first field; the second holds the
same number with nothing around it to say what it is. Once a whole value of an identifier kind (SSN,
MRN, member or patient id, account, phone, fax, e-mail, birth date, a name of two words or more) is
masked, :func:`learn` remembers it with its replacement, and :func:`echoed` masks every other copy of
it: fields, nested containers, the message, exception text; as a string, a number or bytes, in any case and with
any run of whitespace between its words (``JANE  ROE``, ``h5811942``).

Costs stay bounded: only values of at least :data:`SHORTEST` characters are remembered, at most
:data:`MOST` per record, the walks stop at :data:`_LEAVES` leaves, and a string is looked up whole
(one dict lookup) before it is searched for the remembered values (only when there are some).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final

from ._keys import KeyCatalogue

__all__ = ["ECHO_KINDS", "MOST", "SHORTEST", "echoed", "learn"]

ECHO_KINDS: Final = frozenset(
    {"SSN", "MRN", "MEMBER_ID", "MBI", "PATIENT", "ID", "ACCOUNT", "CARD", "PHONE", "FAX", "EMAIL", "DOB", "NAME"}
)
"""Kinds of values that identify one person wherever they appear again in the same record."""
SHORTEST: Final = 5
"""Values shorter than this are not remembered (a short number recurs by chance)."""
MOST: Final = 32
"""Values remembered per record at most."""
_LEAVES: Final = 500
_PATTERNS: Final = 64
_DEPTH: Final = 12
_MARKER: Final = re.compile(r"\[REDACTED:([A-Z_]+)\]")
_MISSING: Final = object()


def _text(value: object) -> str | None:
    """The text a leaf prints as, for a string, an integer or bytes (``None`` for anything else)."""
    if type(value) is str:
        return value
    if type(value) is int:
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return None


def _remember(text: str, clean: str, kind: str | None, echoes: dict[str, str]) -> bool:
    marker = _MARKER.fullmatch(clean)
    if marker is not None:
        kind = marker[1]
    if kind not in ECHO_KINDS or len(echoes) >= MOST:
        return False
    text = text.strip()
    if len(text) < SHORTEST or text in echoes or (kind == "NAME" and " " not in text):
        return False
    echoes[text] = clean
    return True


def learn(original: Any, clean: Any, keys: KeyCatalogue, echoes: dict[str, str], kind: str | None = None) -> bool:
    """Remember the whole values of ``original`` that ``clean`` (its redacted copy) masked; ``kind``: what the
    key above says it is. Whether anything new was remembered. Never raises."""
    if clean is original:
        return False
    try:
        return _learn(original, clean, keys, echoes, kind, 0, [0])
    except Exception:  # noqa: BLE001 - what cannot be walked is left as the redaction made it
        return False


def _learn(  # noqa: PLR0917 - recursive helper
    original: Any, clean: Any, keys: KeyCatalogue, echoes: dict[str, str], kind: str | None, depth: int, seen: list[int]
) -> bool:
    seen[0] += 1
    if seen[0] > _LEAVES or depth > _DEPTH:
        return False
    cls = type(original)
    if cls is not dict and cls is not list and cls is not tuple and isinstance(original, (list, tuple)):
        cls = list  # a named tuple, a list subclass: walked as the list the redaction made of it
    if cls is dict:
        if type(clean) is not dict:
            return False
        new = False
        get = clean.get
        for key, value in original.items():
            below = get(key, _MISSING) if type(key) is str else _MISSING
            if below is not value and below is not _MISSING:  # unchanged fields (most) cost one lookup
                new |= _learn(value, below, keys, echoes, keys.info(key).kind or kind, depth + 1, seen)
        return new
    if cls is list or cls is tuple:
        if (type(clean) is not list and type(clean) is not tuple) or len(clean) != len(original):
            return False
        new = False
        for item, clean_item in zip(original, clean, strict=True):
            if clean_item is not item:
                new |= _learn(item, clean_item, keys, echoes, kind, depth + 1, seen)
        return new
    text = _text(original)
    if text is not None and type(clean) is str and len(text) >= SHORTEST and text not in clean:
        return _remember(text, clean, kind, echoes)
    return False


def _folded(text: str) -> str:
    """A value as its copies are compared: whitespace runs as one space, lower case."""
    return " ".join(text.split()).lower()


@lru_cache(maxsize=_PATTERNS)
def _pattern(values: tuple[str, ...]) -> re.Pattern[str]:
    """The remembered values, longest first, written in any case and with any run of whitespace between their
    words (``Jane Roe`` finds ``JANE  ROE``), none inside a longer run of letters and digits."""
    parts = [r"\s+".join(re.escape(word) for word in value.split()) for value in sorted(values, key=len, reverse=True)]
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(parts)})(?![^\W_])", re.IGNORECASE)


def _in_text(text: str, echoes: dict[str, str]) -> str:
    pattern = _pattern(tuple(echoes))
    if pattern.search(text) is None:
        return text
    replacements = {_folded(value): replacement for value, replacement in echoes.items()}
    return pattern.sub(lambda found: replacements.get(_folded(found[0]), found[0]), text)


def echoed(value: Any, echoes: dict[str, str], depth: int = 0) -> Any:
    """``value`` with every remembered value in it masked as it was the first time (``value`` itself when
    none is there). Never raises."""
    if not echoes:
        return value
    try:
        return _echoed(value, echoes, depth, [0])
    except Exception:  # noqa: BLE001 - what cannot be walked is left as the redaction made it
        return value


def _echoed(value: Any, echoes: dict[str, str], depth: int, seen: list[int]) -> Any:
    seen[0] += 1
    if seen[0] > _LEAVES or depth > _DEPTH:
        return value
    text = _text(value)
    if text is not None:
        if len(text) < SHORTEST:
            return value
        whole = echoes.get(text)
        if whole is not None:
            return whole
        if type(value) is int:
            return value
        changed = _in_text(text, echoes)
        if changed == text:
            return value
        return changed if type(value) is str else changed.encode("utf-8")
    cls = type(value)
    if cls is dict:
        out: dict[Any, Any] | None = None
        for key, item in value.items():
            clean = _echoed(item, echoes, depth + 1, seen)
            if clean is not item:
                if out is None:
                    out = dict(value)
                out[key] = clean
        return value if out is None else out
    if cls is list or cls is tuple:
        items = [_echoed(item, echoes, depth + 1, seen) for item in value]
        for item, clean in zip(value, items, strict=True):
            if clean is not item:
                return items if cls is list else tuple(items)
        return value
    return value
