"""python-json-logger's module paths, for a one-word migration: ``pythonjsonlogger.orjson`` -> ``hipaalog.orjson``."""

from __future__ import annotations

from .json import JsonFormatter

__all__ = ["OrjsonFormatter"]


class OrjsonFormatter(JsonFormatter):
    """``hipaalog.json.JsonFormatter`` under python-json-logger's orjson name (hipaalog always writes with orjson).

    As in python-json-logger, ``json_indent=True`` indents with two spaces.
    """
