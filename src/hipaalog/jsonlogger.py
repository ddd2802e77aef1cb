"""python-json-logger's older module path: ``pythonjsonlogger.jsonlogger`` -> ``hipaalog.jsonlogger``, one word."""

from __future__ import annotations

from .json import JsonFormatter

__all__ = ["JsonFormatter"]
