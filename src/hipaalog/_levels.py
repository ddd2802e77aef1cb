"""Level names and severities: how a ``levelno`` shows up in a record."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal

__all__ = ["SEVERITY_STYLES", "SeverityStyle", "level_name", "severity_for"]

SeverityStyle = Literal["rfc5424", "gcp", "otel"]
SEVERITY_STYLES: tuple[str, ...] = ("rfc5424", "gcp", "otel")


def _rfc5424(levelno: int) -> int:
    if levelno >= logging.CRITICAL:
        return 2
    if levelno >= logging.ERROR:
        return 3
    if levelno >= logging.WARNING:
        return 4
    if levelno > logging.INFO:
        return 5  # NOTICE-like custom levels between INFO and WARNING
    if levelno >= logging.INFO:
        return 6
    return 7


def _gcp(levelno: int) -> str:
    if levelno >= logging.CRITICAL:
        return "CRITICAL"
    if levelno >= logging.ERROR:
        return "ERROR"
    if levelno >= logging.WARNING:
        return "WARNING"
    if levelno > logging.INFO:
        return "NOTICE"
    if levelno >= logging.INFO:
        return "INFO"
    return "DEBUG"


def _otel(levelno: int) -> int:
    # OpenTelemetry SeverityNumber: TRACE 1-4, DEBUG 5-8, INFO 9-12, WARN 13-16, ERROR 17-20, FATAL 21-24
    if levelno >= logging.CRITICAL:
        return 21
    if levelno >= logging.ERROR:
        return 17
    if levelno >= logging.WARNING:
        return 13
    if levelno > logging.INFO:
        return 10
    if levelno >= logging.INFO:
        return 9
    if levelno >= logging.DEBUG:
        return 5
    return 1


_STYLE_FUNCS: dict[str, Callable[[int], int | str]] = {"rfc5424": _rfc5424, "gcp": _gcp, "otel": _otel}
_CACHE: dict[tuple[str, int], int | str] = {}


def severity_for(levelno: int, style: str = "rfc5424") -> int | str:
    """The ``severity`` value for ``levelno`` in ``style`` (an int, or a string for ``gcp``)."""
    key = (style, levelno)
    try:
        return _CACHE[key]
    except KeyError:
        value = _STYLE_FUNCS[style](levelno)
        if len(_CACHE) < 1024:
            _CACHE[key] = value
        return value


def rfc5424_severity(levelno: int) -> int:
    """The RFC 5424 severity (0-7) of ``levelno``, whatever style the record shows."""
    return _rfc5424(levelno)


def level_name(record_levelname: str) -> str:
    """The lowercase level name a record carries (``WARNING`` -> ``warning``)."""
    return record_levelname.lower()
