"""Host, port and typed query options from a sink's URL (``syslog+tcp://host:514?timeout=2``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import SplitResult, parse_qsl

from ..exceptions import ConfigError

__all__ = ["apply_url"]

_TRUE = ("1", "true", "yes")
_FALSE = ("0", "false", "no")


def _typed(label: str, known: Mapping[str, type], name: str, text: str) -> Any:
    kind = known.get(name)
    if kind is None:
        raise ConfigError(f"{label} URL option {name!r} is unknown; known: {', '.join(sorted(known))}")
    if kind is bool:
        if text.lower() not in _TRUE + _FALSE:
            raise ConfigError(f"{label} URL option {name}={text!r}: use true or false")
        return text.lower() in _TRUE
    if kind is str:
        return text
    try:
        return kind(text)
    except ValueError:
        raise ConfigError(f"{label} URL option {name}={text!r}: use a number") from None


def apply_url(
    url: str,
    parts: SplitResult,
    *,
    label: str,
    known: Mapping[str, type],
    options: dict[str, Any],
    defaults: Mapping[str, Any],
    host: str | None,
    port: int | None,
) -> tuple[str | None, int | None]:
    """``(host, port)`` from ``url`` unless given, and its query options typed into ``options``.

    An option passed as a keyword (different from its default in ``defaults``) wins over the URL's.
    Unknown names and values of the wrong type are a :class:`~hipaalog.exceptions.ConfigError`
    naming the sink (``label``) and what is expected.
    """
    host = host or parts.hostname
    try:
        port = port or parts.port
    except ValueError:
        raise ConfigError(f"{url!r}: the port must be a number") from None
    for name, text in parse_qsl(parts.query, keep_blank_values=True):
        value = _typed(label, known, name, text)
        if options[name] == defaults[name]:  # an explicit keyword wins over the URL
            options[name] = value
    return host, port
