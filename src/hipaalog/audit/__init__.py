"""Audit trail: who accessed which patient's record, who logged in, what changed, what left.

Configure the stream once, then record events from anywhere::

    hipaalog.audit.configure("/var/log/app/audit.jsonl", key="env:AUDIT_KEY", pseudonym_key="env:PSEUDONYM_KEY")
    hipaalog.audit.access("dr.lee", patient="MRN-0042", action="read", resource="Observation", outcome="success")

Each event is one ``hipaalog/1`` record with an ``audit`` object (schema in ``hipaalog schema``),
sealed into the stream's HMAC chain (``seq``, ``chain``, ``key_id``) and on disk when the call
returns True. Patients are written as keyed pseudonyms, never as given. Audit events are never
filtered by level; a failing disk makes the call wait (``block_timeout``) rather than drop the
event, and an event that could not be written is counted and returned as False, never raised.
"""

from __future__ import annotations

import inspect
import logging
import os
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .. import _diagnostics
from .._audit_schema import AUDIT_EVENTS, AUDIT_LOGGER, AUDIT_OUTCOMES
from ..exceptions import ConfigError
from ._stream import AuditStream, Listener

__all__ = [
    "AUDIT_EVENTS",
    "AUDIT_LOGGER",
    "AUDIT_OUTCOMES",
    "AuditStream",
    "Listener",
    "access",
    "alert",
    "change",
    "close",
    "configure",
    "export",
    "get_stream",
    "login",
    "logout",
]

_STREAM_OPTIONS = frozenset(inspect.signature(AuditStream).parameters) - {"path", "replaces"}
_lock = threading.RLock()
_default: AuditStream | None = None
_env_tried = False


def configure(
    path: str | os.PathLike[str] | None = None,
    *,
    key: str | bytes | None = None,
    key_id: str | None = None,
    pseudonym_key: str | bytes | None = None,
    pseudonym_key_id: str | None = None,
    signing_key: object = None,
    **options: Any,
) -> AuditStream:
    """Open the audit stream that :func:`access`, :func:`login` and the others write to.

    Values not given come from the environment: ``HIPAALOG_AUDIT_PATH``, ``HIPAALOG_AUDIT_KEY``
    (and ``HIPAALOG_AUDIT_KEY_ID``, default ``k1``), ``HIPAALOG_PSEUDONYM_KEY`` (and
    ``HIPAALOG_PSEUDONYM_KEY_ID``, default ``k1``), ``HIPAALOG_AUDIT_SIGNING_KEY``. Identity
    (``app_id``...) as for :func:`hipaalog.configure`. Other keyword arguments are those of
    :class:`AuditStream` (rotation, checkpoints, ``on_rotate``, ``forward``, ...).

    A previously configured stream is closed (with a final checkpoint). Every problem is a
    :class:`~hipaalog.exceptions.ConfigError` raised here.
    """
    global _default
    unknown = sorted(set(options) - _STREAM_OPTIONS)
    if unknown:
        raise ConfigError(
            f"audit: unknown option(s) {', '.join(unknown)}; see hipaalog.audit.AuditStream for the options"
        )
    env = os.environ
    path = path if path is not None else env.get("HIPAALOG_AUDIT_PATH") or None
    if path is None:
        raise ConfigError("the audit stream needs a file: pass path= (or set HIPAALOG_AUDIT_PATH)")
    key = key if key is not None else env.get("HIPAALOG_AUDIT_KEY") or None
    if key is None:
        raise ConfigError(
            "the audit stream needs an HMAC key: pass key= (or set HIPAALOG_AUDIT_KEY), for example "
            "key='env:AUDIT_KEY' with AUDIT_KEY=hex:<64 hex digits>"
        )
    if pseudonym_key is None and "pseudonymizer" not in options:
        pseudonym_key = env.get("HIPAALOG_PSEUDONYM_KEY") or None
    if signing_key is None:
        signing_key = env.get("HIPAALOG_AUDIT_SIGNING_KEY") or None
    with _lock:
        previous = _default
        same = previous is not None and previous.path == os.path.abspath(os.fspath(path))
        stream = AuditStream(
            path,
            key=key,
            key_id=key_id or env.get("HIPAALOG_AUDIT_KEY_ID") or "k1",
            pseudonym_key=pseudonym_key,
            pseudonym_key_id=pseudonym_key_id or env.get("HIPAALOG_PSEUDONYM_KEY_ID") or "k1",
            signing_key=signing_key,
            replaces=previous if same else None,
            **options,
        )
        _default = stream
    if previous is not None and not same:
        previous.close()
    return stream


def get_stream() -> AuditStream | None:
    """The configured audit stream (``None`` before :func:`configure`)."""
    return _default


def close() -> None:
    """Close the configured stream (a final checkpoint is written); later events are not written."""
    global _default
    with _lock:
        stream, _default = _default, None
    if stream is not None:
        stream.close()


def _current() -> AuditStream | None:
    global _env_tried
    stream = _default
    if stream is not None and not stream.closed:
        return stream
    with _lock:
        if _default is not None and not _default.closed:
            return _default
        if not _env_tried and os.environ.get("HIPAALOG_AUDIT_PATH"):
            _env_tried = True
            try:
                return configure()
            except ConfigError as exc:
                _diagnostics.problem("audit-not-configured", f"from the environment: {exc}")
                return None
    _diagnostics.problem("audit-not-configured", "an audit event was not written: call hipaalog.audit.configure()")
    return None


def access(
    actor: str,
    patient: str | int,
    action: str,
    resource: str,
    outcome: str | bool,
    *,
    reason: str | None = None,
    emergency: bool = False,
) -> bool:
    """Record that ``actor`` did ``action`` (read, search, print, ...) on ``patient``'s ``resource``.

    Args:
        actor: the workforce user's id.
        patient: the patient's identifier; written as its keyed pseudonym ``PATIENT:<key id>:<digest>``.
        outcome: ``"success"``, ``"failure"`` or ``"denied"``.
        reason: why (free text; redacted).
        emergency: break-glass access (recorded and flagged).

    Returns:
        True when the event is on disk; False when it could not be written (counted, never raised).
    """
    stream = _current()
    if stream is None:
        return False
    return stream.access(actor, patient, action, resource, outcome, reason=reason, emergency=emergency)


def login(user: str, success: bool | str, source_ip: str, method: str, *, reason: str | None = None) -> bool:
    """Record a log-in attempt by ``user`` from ``source_ip`` with ``method`` (password, sso, mfa...)."""
    stream = _current()
    return stream.login(user, success, source_ip, method, reason=reason) if stream else False


def logout(user: str, source_ip: str, method: str = "user", *, reason: str | None = None) -> bool:
    """Record a log-out (``method``: user, timeout, admin, ...)."""
    stream = _current()
    return stream.logout(user, source_ip, method, reason=reason) if stream else False


def change(
    actor: str,
    patient: str | int,
    resource: str,
    fields: Sequence[str] | Mapping[str, object],
    outcome: str | bool = "success",
    *,
    reason: str | None = None,
) -> bool:
    """Record a change to ``patient``'s ``resource``: the names of the ``fields`` changed, never their values."""
    stream = _current()
    return stream.change(actor, patient, resource, fields, outcome, reason=reason) if stream else False


def export(
    actor: str,
    patients: int | Sequence[object],
    format: str,
    destination: str,
    outcome: str | bool = "success",
    *,
    reason: str | None = None,
) -> bool:
    """Record an export: how many ``patients`` (a count, or a collection, counted), ``format``, ``destination``."""
    stream = _current()
    return stream.export(actor, patients, format, destination, outcome, reason=reason) if stream else False


def alert(
    rule: str,
    detail: str = "",
    *,
    actor: str = "hipaalog",
    outcome: str = "success",
    evidence: Sequence[int] = (),
    level: int = logging.WARNING,
) -> bool:
    """Record an alert raised by a monitor: the ``rule``, one line of ``detail``, the ``seq`` of the evidence."""
    stream = _current()
    return stream.alert(rule, detail, actor=actor, outcome=outcome, evidence=evidence, level=level) if stream else False
