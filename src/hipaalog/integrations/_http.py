"""What the server integrations share: the access-record fields and the dictConfig dictionary."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Final

from .._pseudonym import Pseudonymizer

__all__ = ["QUERY_MASK", "ClientMask", "access_fields", "dict_config", "split_target"]

QUERY_MASK: Final = "[REDACTED]"
"""What stands for every query value: a query string carries search terms, names, identifiers."""
CLIENT_MASK: Final = "[REDACTED:IP]"


class ClientMask:
    """The client address of an access record as a keyed pseudonym (``IP:client:...``), or masked without a key.

    An IP address identifies a person under HIPAA; the pseudonym still tells one client's
    requests apart from another's. The key takes the forms of ``pseudonym_key`` (``hex:...``,
    ``env:VAR``...).
    """

    def __init__(self, pseudonym_key: str | bytes | None = None) -> None:
        self._pseudonyms = Pseudonymizer({"client": pseudonym_key}) if pseudonym_key else None

    def __call__(self, client: Any) -> str:
        host = str(client)
        if host.startswith("["):  # [::1]:port
            host = host[1:].partition("]")[0]
        elif host.count(":") == 1:  # host:port
            host = host.partition(":")[0]
        if self._pseudonyms is None or not host:
            return CLIENT_MASK
        return self._pseudonyms.token("IP", host)


def split_target(target: str) -> tuple[str, str | None]:
    """``(path, query)`` of a request target, the query's values masked (its keys kept), or ``None``."""
    path, sep, query = target.partition("?")
    if not sep:
        return path, None
    keys = [part.split("=", 1)[0] for part in query.split("&") if part]
    return path, "&".join(f"{key}={QUERY_MASK}" for key in keys)


def access_fields(
    record: logging.LogRecord,
    *,
    method: Any,
    target: Any,
    status: Any,
    client: str | None = None,
    version: Any = None,
    duration_ms: float | None = None,
) -> None:
    """Turn ``record`` into a structured access record: fields, and a message without client or query."""
    path, query = split_target(str(target))
    method = str(method)
    record.http_method = method
    record.http_path = path
    if query is not None:
        record.http_query = query
    try:
        status = int(status)
    except (TypeError, ValueError):
        status = str(status)
    record.http_status = status
    if version is not None:
        record.http_version = str(version)
    if client is not None:
        record.http_client = client
    if duration_ms is not None:
        record.duration_ms = round(duration_ms, 3)
    # Arguments first: a record redacted as it was made (hipaalog.configure()) cleans msg and args as a pair.
    record.args = ()
    record.msg = f"{method} {path} {status}"


def dict_config(
    *,
    level: str,
    sinks: Sequence[Any] | None,
    handler: bool,
    handler_options: Mapping[str, Any] | None,
    formatter_options: Mapping[str, Any],
    loggers: Mapping[str, Mapping[str, Any]],
    filter_factory: str,
    filter_options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A ``dictConfig`` dictionary: the framework's ``loggers`` with ``filter_factory``, propagating to root.

    With ``handler`` the dictionary also gives the root logger a hipaalog handler; without it the
    framework's records go to whatever the root logger has (the handler of ``hipaalog.configure()``).
    """
    level_name = level.upper()
    config: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"hipaalog_fields": {"()": filter_factory, **(filter_options or {})}},
        "loggers": {
            name: {"level": level_name, "handlers": [], "propagate": True, "filters": ["hipaalog_fields"], **extra}
            for name, extra in loggers.items()
        },
    }
    if handler:
        config["formatters"] = {"hipaalog": {"()": "hipaalog.JsonFormatter", **formatter_options}}
        config["handlers"] = {
            "hipaalog": {
                "class": "hipaalog.SinkHandler",
                "formatter": "hipaalog",
                "sinks": list(sinks) if sinks is not None else ["stdout"],
                **(handler_options or {}),
            }
        }
        config["root"] = {"level": level_name, "handlers": ["hipaalog"]}
    return config
