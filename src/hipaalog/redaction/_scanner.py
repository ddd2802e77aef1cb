"""Finding identifiers in one text: a fast gate, then the detectors, then overlapping spans merged.

Clean text is the common case, so it is rejected early: a string too short to hold anything, a
string already seen clean (a bounded cache), or a string the gate (:mod:`._gate`) proves holds
nothing any built-in detector could report. Everything else goes through every detector.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .. import _diagnostics
from ._context import MARKER
from ._detector import Detector, Span
from ._gate import gate
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue

__all__ = ["MIN_PHI_CHARS", "Scanner"]

MIN_PHI_CHARS: Final = 4
"""No detector reports anything in fewer characters than this (``93yo`` is the shortest)."""
_CLEAN_CACHE_LIMIT: Final = 4096
HEX_START: Final = frozenset("0123456789abcdef")
HEX_ID: Final = re.compile(
    r"(?=[0-9]*[a-f])(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,128})"
)
"""A whole string that is a lowercase UUID or hex id (trace ids, hashes) holds nothing to find."""
_CLEAN_CACHE_MAX_CHARS: Final = 256


class DetectorFailed(Exception):
    """A detector raised; the text is masked whole (fail closed)."""


class Scanner:
    """Runs detectors over text.

    Args:
        builtin: detectors selected by the gate (hipaalog's own, each with its ``gate`` bits).
        custom: detectors that always run (user rules: the gate knows nothing of them).
        catalogue: the key catalogue the gate consults for ``key=value`` pairs.
    """

    __slots__ = ("_builtin", "_catalogue", "_clean", "_custom")

    def __init__(
        self, builtin: Sequence[Detector], custom: Sequence[Detector] = (), catalogue: KeyCatalogue = DEFAULT_CATALOGUE
    ) -> None:
        self._builtin = tuple((d, _gate_bits(d)) for d in builtin)
        self._custom = tuple(custom)
        self._catalogue = catalogue
        self._clean: dict[str, None] = {}

    @property
    def clean(self) -> dict[str, None]:
        """Texts already scanned and found clean (bounded; read it to skip a scan)."""
        return self._clean

    @property
    def detectors(self) -> tuple[Detector, ...]:
        """Every detector, built-in ones first."""
        return tuple(d for d, _ in self._builtin) + self._custom

    def spans(self, text: str) -> list[Span]:
        """Merged, sorted spans of identifiers in ``text``; raises :class:`DetectorFailed`."""
        if len(text) < MIN_PHI_CHARS or text in self._clean:
            return []
        if text[0] in HEX_START and " " not in text and HEX_ID.fullmatch(text):
            self.remember_clean(text)  # ids recur (a request's records share one): next time one lookup
            return []
        found: list[Span] = []
        detectors: list[Detector] = []
        if self._builtin:
            bits = gate(text, self._catalogue)
            if bits:
                detectors = [d for d, selected_by in self._builtin if selected_by & bits]
        if self._custom:
            detectors.extend(self._custom)
        for detector in detectors:
            try:
                found.extend(detector.find(text))
            except Exception as exc:  # noqa: BLE001 - fail closed: the caller masks the whole text
                _diagnostics.problem(
                    "redaction-detector-failed", f"detector {detector.name!r} raised {type(exc).__name__}; value masked"
                )
                raise DetectorFailed(detector.name) from None
        if not found:
            if len(text) <= _CLEAN_CACHE_MAX_CHARS:
                if len(self._clean) >= _CLEAN_CACHE_LIMIT:
                    self._clean.clear()
                self._clean[text] = None
            return []
        return _merge(found, text)

    def might_find(self, text: str) -> bool:
        """Whether any detector might report something in ``text`` (``False`` is certain)."""
        if self._custom:
            return True
        return bool(self._builtin) and gate(text, self._catalogue) != 0

    def remember_clean(self, text: str) -> None:
        """Record ``text`` as clean (after :meth:`might_find` said so)."""
        if len(text) <= _CLEAN_CACHE_MAX_CHARS:
            if len(self._clean) >= _CLEAN_CACHE_LIMIT:
                self._clean.clear()
            self._clean[text] = None

    def spans_ungated(self, text: str) -> list[Span]:
        """Like :meth:`spans` without the gate and the cache (to check the gate in tests)."""
        if text and text[0] in HEX_START and HEX_ID.fullmatch(text):
            return []
        found: list[Span] = []
        for detector in self.detectors:
            found.extend(detector.find(text))
        return _merge(found, text) if found else []


def _gate_bits(detector: Detector) -> int:
    bits = getattr(detector, "gate", None)
    return bits if isinstance(bits, int) else -1


def _merge(found: list[Span], text: str) -> list[Span]:
    """Sort spans, drop those inside hipaalog's own markers, join overlapping ones (the longest names the kind)."""
    protected = [m.span() for m in MARKER.finditer(text)] if "[" in text else []
    found.sort(key=lambda s: (s[0], s[0] - s[1]))
    merged: list[Span] = []
    best = 0
    for start, end, kind in found:
        if protected and any(p_start < end and start < p_end for p_start, p_end in protected):
            continue
        if merged and start < merged[-1][1]:
            last_start, last_end, last_kind = merged[-1]
            if end > last_end:
                if end - start > best:
                    last_kind, best = kind, end - start
                merged[-1] = (last_start, end, last_kind)
            continue
        merged.append((start, end, kind))
        best = end - start
    return merged
