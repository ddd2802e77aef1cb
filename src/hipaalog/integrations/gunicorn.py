"""gunicorn: a ``logconfig_dict`` whose handler every worker inherits, with structured access records.

In ``gunicorn.conf.py``::

    from hipaalog.integrations.gunicorn import logconfig_dict

    logconfig_dict = logconfig_dict(app_id="portal", platform="k8s", microservice="api")

gunicorn applies the dictionary in its master process; each worker is forked from it, starts with
empty queues of its own and delivers them before it exits. ``gunicorn.error`` and ``gunicorn.access``
propagate to the root logger's hipaalog handler (gunicorn's plain-text handlers are left unused).
Access records carry ``http_method``, ``http_path``, ``http_query`` (values masked),
``http_status``, ``http_version``, ``http_client`` (masked, or a keyed pseudonym) and
``duration_ms``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from ._http import ClientMask, access_fields, dict_config

__all__ = ["GunicornFields", "logconfig_dict"]


class GunicornFields(logging.Filter):
    """Structures ``gunicorn.access`` records (gunicorn passes its atoms as one mapping argument).

    Args:
        pseudonym_key: key of the client's pseudonym (``http_client``); without one it is masked.
    """

    def __init__(self, pseudonym_key: str | bytes | None = None) -> None:
        super().__init__()
        self._client = ClientMask(pseudonym_key)

    def filter(self, record: logging.LogRecord) -> bool:
        atoms = record.args
        if record.name == "gunicorn.access" and isinstance(atoms, Mapping):
            query = str(atoms.get("q") or "")
            try:
                duration_ms: float | None = int(str(atoms.get("D", ""))) / 1000  # microseconds
            except (TypeError, ValueError):
                duration_ms = None
            access_fields(
                record,
                method=atoms.get("m", "-"),
                target=f"{atoms.get('U', '-')}?{query}" if query else atoms.get("U", "-"),
                status=atoms.get("s", "-"),
                client=self._client(atoms.get("h", "")),
                version=atoms.get("H"),
                duration_ms=duration_ms,
            )
        return True


def logconfig_dict(
    level: str = "info",
    *,
    sinks: Sequence[Any] | None = None,
    handler_options: dict[str, Any] | None = None,
    client_pseudonym_key: str | None = None,
    **formatter_options: Any,
) -> dict[str, Any]:
    """The ``logconfig_dict`` setting for gunicorn (a ``dictConfig`` dictionary).

    Args:
        level: level of gunicorn's loggers and of the root logger.
        sinks: where records go (``SinkHandler`` sinks); default stdout.
        handler_options: further ``SinkHandler`` options.
        client_pseudonym_key: key for ``http_client`` pseudonyms (``"env:CLIENT_KEY"``); default: masked.
        formatter_options: ``JsonFormatter`` options (identity from ``HIPAALOG_*`` variables when left out).
    """
    return dict_config(
        level=level,
        sinks=sinks,
        handler=True,
        handler_options=handler_options,
        formatter_options=formatter_options,
        loggers={"gunicorn.error": {"qualname": "gunicorn.error"}, "gunicorn.access": {"qualname": "gunicorn.access"}},
        filter_factory=f"{__name__}.GunicornFields",
        filter_options={"pseudonym_key": client_pseudonym_key} if client_pseudonym_key else {},
    )
