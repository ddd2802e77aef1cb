"""uvicorn (FastAPI, Starlette): a ``log_config`` uvicorn accepts, and structured access records.

::

    import uvicorn
    from hipaalog.integrations.uvicorn import AccessTiming, log_config

    uvicorn.run(AccessTiming(app), log_config=log_config(app_id="portal", platform="k8s", microservice="api"))

uvicorn applies ``log_config`` with ``logging.config.dictConfig`` at start-up. Its loggers
(``uvicorn``, ``uvicorn.error``, ``uvicorn.access``) then propagate to the root logger's hipaalog
handler; each access record carries ``http_method``, ``http_path`` (the query string apart, in
``http_query`` with its values masked), ``http_status``, ``http_version``, ``http_client`` (masked,
or a keyed pseudonym) and, with :class:`AccessTiming`, ``duration_ms``; the ``color_message``
duplicate that uvicorn adds to its own records is dropped. After ``hipaalog.configure()``, pass
``log_config(handler=False)``: uvicorn's records then go to the handler ``configure()`` installed.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from time import perf_counter
from typing import Any

from ._http import ClientMask, access_fields, dict_config

__all__ = ["AccessTiming", "UvicornFields", "log_config"]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_started: contextvars.ContextVar[float | None] = contextvars.ContextVar("hipaalog_request_started", default=None)
_ACCESS_ARGS = 5  # uvicorn's access record: (client, method, path with query, HTTP version, status)


class AccessTiming:
    """ASGI middleware: notes when each request started, so that its access record gets ``duration_ms``.

    The access record is written when the response starts, so the duration runs until then.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        token = _started.set(perf_counter())
        try:
            await self.app(scope, receive, send)
        finally:
            _started.reset(token)


class UvicornFields(logging.Filter):
    """Structures uvicorn's access records and drops ``color_message`` from its other records.

    Args:
        pseudonym_key: key of the client's pseudonym (``http_client``); without one it is masked.
    """

    def __init__(self, pseudonym_key: str | bytes | None = None) -> None:
        super().__init__()
        self._client = ClientMask(pseudonym_key)

    def filter(self, record: logging.LogRecord) -> bool:
        if "color_message" in record.__dict__:
            del record.__dict__["color_message"]
        args = record.args
        if record.name == "uvicorn.access" and isinstance(args, tuple) and len(args) == _ACCESS_ARGS:
            client, method, target, version, status = args
            started = _started.get()
            access_fields(
                record,
                method=method,
                target=target,
                status=status,
                client=self._client(client),
                version=version,
                duration_ms=(perf_counter() - started) * 1000 if started is not None else None,
            )
        return True


def log_config(
    level: str = "info",
    *,
    sinks: Sequence[Any] | None = None,
    handler: bool = True,
    handler_options: dict[str, Any] | None = None,
    client_pseudonym_key: str | None = None,
    **formatter_options: Any,
) -> dict[str, Any]:
    """The ``log_config`` for ``uvicorn.run()`` / ``uvicorn.Config`` (a ``dictConfig`` dictionary).

    Args:
        level: level of uvicorn's loggers and of the root logger.
        sinks: where records go (``SinkHandler`` sinks); default stdout.
        handler: give the root logger a hipaalog handler; ``False`` after ``hipaalog.configure()``.
        handler_options: further ``SinkHandler`` options.
        client_pseudonym_key: key for ``http_client`` pseudonyms (``"env:CLIENT_KEY"``); default: masked.
        formatter_options: ``JsonFormatter`` options: ``app_id``, ``platform``, ``microservice``,
            ``fields``, ``redaction``... (identity from ``HIPAALOG_*`` variables when left out).
    """
    return dict_config(
        level=level,
        sinks=sinks,
        handler=handler,
        handler_options=handler_options,
        formatter_options=formatter_options,
        loggers={"uvicorn": {}, "uvicorn.error": {}, "uvicorn.access": {}},
        filter_factory=f"{__name__}.UvicornFields",
        filter_options={"pseudonym_key": client_pseudonym_key} if client_pseudonym_key else {},
    )
