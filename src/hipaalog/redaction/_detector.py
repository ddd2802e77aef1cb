"""The detector interface, the registry of named detectors, and custom rules.

A detector finds identifiers in text: ``find(text)`` returns ``(start, end, kind)`` spans. The
built-in ones are registered by name; :func:`register_detector` adds your own, and policies
name them (``{"detectors": ["default", "acme.member_id"]}``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Final

from ..exceptions import ConfigError
from ..typing import Detector, Span

__all__ = [
    "BaseDetector",
    "CallableDetector",
    "Detector",
    "PatternDetector",
    "Span",
    "by_callable",
    "by_pattern",
    "check_kind",
    "get_detector",
    "register_detector",
    "registered_detectors",
]


class BaseDetector:
    """Base class of detectors (see the :class:`hipaalog.typing.Detector` protocol): a ``name``, the
    ``kinds`` it may report, and :meth:`find`.

    ``gate`` is for hipaalog's own detectors: the groups of the fast gate that select it. ``None``
    (every custom detector) means it runs on every text.
    """

    name: str = "detector"
    kinds: tuple[str, ...] = ()
    gate: int | None = None

    def find(self, text: str) -> Iterable[Span]:
        """Spans of identifiers in ``text``."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<detector {self.name}>"


class PatternDetector(BaseDetector):
    """Every match of a regular expression (or of one of its groups) is an identifier of ``kind``."""

    def __init__(
        self,
        pattern: str | re.Pattern[str],
        kind: str,
        *,
        name: str | None = None,
        group: int | str = 0,
        strategy: str | None = None,
    ) -> None:
        try:
            self._regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise ConfigError(f"redaction pattern {pattern!r} does not compile: {exc}") from None
        self._group = group
        self.kinds = (check_kind(kind),)
        self.name = name or f"pattern:{self._regex.pattern}"
        self.strategy = strategy

    def find(self, text: str) -> Iterable[Span]:
        kind = self.kinds[0]
        group = self._group
        for match in self._regex.finditer(text):
            start, end = match.span(group)
            if end > start:
                yield start, end, kind

    def __repr__(self) -> str:
        return f"by_pattern({self._regex.pattern!r}, {self.kinds[0]!r})"


class CallableDetector(BaseDetector):
    """Wraps ``function(text)`` returning ``(start, end)`` or ``(start, end, kind)`` spans."""

    def __init__(
        self,
        function: Callable[[str], Iterable[Any]],
        kind: str,
        *,
        name: str | None = None,
        strategy: str | None = None,
    ) -> None:
        if not callable(function):
            raise ConfigError(f"by_callable needs a callable, not {type(function).__name__}")
        self._function = function
        self.strategy = strategy
        self.kinds = (check_kind(kind),)
        self.name = name or f"callable:{getattr(function, '__qualname__', repr(function))}"

    def find(self, text: str) -> Iterable[Span]:
        default_kind = self.kinds[0]
        size = len(text)
        for item in self._function(text):
            start, end = int(item[0]), int(item[1])
            kind = str(item[2]) if len(item) > 2 else default_kind
            if not 0 <= start < end <= size:
                raise ValueError(f"detector {self.name} returned span {start}-{end} outside the text")
            yield start, end, kind

    def __repr__(self) -> str:
        return f"by_callable({self.name!r}, {self.kinds[0]!r})"


def check_kind(kind: object) -> str:
    """``kind`` if it is UPPER_SNAKE_CASE (up to 32 characters); a ConfigError otherwise."""
    if not isinstance(kind, str) or not re.fullmatch(r"[A-Z][A-Z0-9_]{0,31}", kind):
        raise ConfigError(f"identifier kind {kind!r} must be UPPER_SNAKE_CASE (for example 'MEMBER_ID')")
    return kind


def by_pattern(
    pattern: str | re.Pattern[str],
    kind: str = "ID",
    *,
    name: str | None = None,
    group: int | str = 0,
    strategy: str | None = None,
) -> PatternDetector:
    """A detector: every match of ``pattern`` (or its ``group``) is an identifier of ``kind``.

    ``strategy`` (``"mask"``, ``"pseudonym"``, ``"partial"``, ``"drop"``) applies to ``kind`` unless
    the redactor's ``strategies`` option names that kind.
    """
    return PatternDetector(pattern, kind, name=name, group=group, strategy=strategy)


def by_callable(
    function: Callable[[str], Iterable[Any]], kind: str = "ID", *, name: str | None = None, strategy: str | None = None
) -> CallableDetector:
    """A detector from ``function(text)``, which returns ``(start, end)`` or ``(start, end, kind)`` spans."""
    return CallableDetector(function, kind, name=name, strategy=strategy)


_REGISTRY: Final[dict[str, Detector]] = {}


def register_detector(name: str, detector: Detector | Callable[[str], Iterable[Any]], kind: str = "ID") -> Detector:
    """Make ``detector`` available to policies under ``name`` (a callable is wrapped with :func:`by_callable`)."""
    if not isinstance(name, str) or not name or name == "default":
        raise ConfigError(f"detector name {name!r} must be a non-empty string other than 'default'")
    if not isinstance(detector, Detector):
        if not callable(detector):
            raise ConfigError(f"register_detector needs a detector or a callable, not {type(detector).__name__}")
        detector = by_callable(detector, kind, name=name)
    _REGISTRY[name] = detector
    return detector


def get_detector(name: str) -> Detector:
    """The detector registered under ``name``; a ConfigError lists the known names otherwise."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"unknown detector {name!r}; known: {', '.join(sorted(_REGISTRY))} (register your own with "
            "hipaalog.redaction.register_detector)"
        ) from None


def registered_detectors() -> dict[str, Detector]:
    """Every registered detector by name."""
    return dict(_REGISTRY)
