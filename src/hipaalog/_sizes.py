"""Sizes in configuration: ``67108864``, ``"64MiB"``, ``"1GB"``, ``"512k"``."""

from __future__ import annotations

import re

from .exceptions import ConfigError

__all__ = ["parse_size"]

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:([kmgt])(i)?)?b?\s*$", re.IGNORECASE)


def parse_size(value: object, what: str) -> int:
    """Bytes from an int or a string with an optional SI (``MB``) or binary (``MiB``) unit.

    Anything else is a :class:`ConfigError` that names ``what``.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        match = _SIZE.match(value)
        if match:
            prefix, binary = (match.group(2) or "").lower(), match.group(3)
            scale = (1024 if binary else 1000) ** ("kmgt".index(prefix) + 1) if prefix else 1
            number = float(match.group(1))
            if number * scale >= 1:
                return int(number * scale)
    raise ConfigError(f"{what} must be a positive number of bytes such as 67108864 or '64MiB', not {value!r}")
