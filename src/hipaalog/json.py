"""python-json-logger's module paths, for a one-word migration: ``pythonjsonlogger.json`` -> ``hipaalog.json``.

``hipaalog.json.JsonFormatter`` is :class:`hipaalog.JsonFormatter` writing python-json-logger's
``exc_info`` text beside the structured ``error`` (``exc_info_field=True``), so that searches and
dashboards built on python-json-logger's output keep working.
"""

from __future__ import annotations

from ._formatter import JsonFormatter as _JsonFormatter

__all__ = ["JsonFormatter"]


class JsonFormatter(_JsonFormatter):
    """:class:`hipaalog.JsonFormatter` under python-json-logger's name, with its ``exc_info`` field."""

    _exc_info_default = True
