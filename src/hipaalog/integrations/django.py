"""Django: a ``LOGGING`` setting with structured ``django.request`` and ``django.server`` records.

In ``settings.py``::

    from hipaalog.integrations.django import logging_settings

    LOGGING = logging_settings(app_id="portal", platform="k8s", microservice="portal-web")

Django applies ``LOGGING`` with ``logging.config.dictConfig`` (after its own defaults). Its loggers
propagate to the root logger's hipaalog handler. ``django.request`` (4xx and 5xx responses) and
``django.server`` (``runserver``'s access lines) records carry ``http_method``, ``http_path``,
``http_query`` (values masked), ``http_status`` and, for ``django.request``, ``http_user``: the
authenticated user as a keyed pseudonym (``USER:user:...``), or masked without a key. The
``request`` object (or socket) and ``server_time`` that Django puts on these records are dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Final

from .._pseudonym import Pseudonymizer
from ._http import access_fields, dict_config

__all__ = ["DjangoFields", "logging_settings"]

_USER_MASK: Final = "[REDACTED:USER]"
_SERVER_ARGS = 3  # runserver's access record: (request line, status, size)


class DjangoFields(logging.Filter):
    """Structures ``django.request`` and ``django.server`` records and drops the objects Django attaches.

    Args:
        pseudonym_key: key of the user's pseudonym (``http_user``); without one the user is masked.
    """

    def __init__(self, pseudonym_key: str | bytes | None = None) -> None:
        super().__init__()
        self._pseudonyms = Pseudonymizer({"user": pseudonym_key}) if pseudonym_key else None

    def filter(self, record: logging.LogRecord) -> bool:
        attrs = record.__dict__
        request = attrs.pop("request", None)
        attrs.pop("server_time", None)
        if record.name == "django.server":
            self._server(record)
        elif record.name == "django.request" and hasattr(request, "method"):
            self._request(record, request)
        return True

    def _server(self, record: logging.LogRecord) -> None:
        args = record.args
        if not (isinstance(args, tuple) and len(args) == _SERVER_ARGS):
            return
        method, _, rest = str(args[0]).partition(" ")
        target, _, version = rest.rpartition(" ")
        access_fields(record, method=method, target=target or rest, status=args[1], version=version or None)

    def _request(self, record: logging.LogRecord, request: Any) -> None:
        query = str(getattr(request, "META", {}).get("QUERY_STRING", ""))
        path = str(getattr(request, "path", ""))
        status = record.__dict__.get("status_code", "-")
        reason, colon, _ = record.getMessage().partition(":")  # "Not Found: /path", "Internal Server Error: ..."
        access_fields(record, method=request.method, target=f"{path}?{query}" if query else path, status=status)
        if colon:
            record.msg = f"{reason}: {record.msg}"  # args are () now: the text is the message
        user = getattr(request, "user", None)
        if user is not None and getattr(user, "is_authenticated", False):
            pk = str(getattr(user, "pk", ""))
            record.http_user = self._pseudonyms.token("USER", pk) if self._pseudonyms else _USER_MASK


def logging_settings(
    level: str = "info",
    *,
    sinks: Sequence[Any] | None = None,
    handler_options: dict[str, Any] | None = None,
    pseudonym_key: str | None = None,
    **formatter_options: Any,
) -> dict[str, Any]:
    """The ``LOGGING`` setting (a ``dictConfig`` dictionary).

    Args:
        level: level of Django's loggers and of the root logger.
        sinks: where records go (``SinkHandler`` sinks); default stdout.
        handler_options: further ``SinkHandler`` options.
        pseudonym_key: key for ``http_user`` pseudonyms (``"env:USER_PSEUDONYM_KEY"``); default: masked.
        formatter_options: ``JsonFormatter`` options (identity from ``HIPAALOG_*`` variables when left out).
    """
    return dict_config(
        level=level,
        sinks=sinks,
        handler=True,
        handler_options=handler_options,
        formatter_options=formatter_options,
        loggers={"django": {}, "django.request": {}, "django.server": {}, "django.security": {}},
        filter_factory=f"{__name__}.DjangoFields",
        filter_options={"pseudonym_key": pseudonym_key} if pseudonym_key else {},
    )
