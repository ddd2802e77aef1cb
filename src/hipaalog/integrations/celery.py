"""Celery: hipaalog through the ``setup_logging`` signal, the task on every record, prefork children flushed.

In the module that makes the Celery app::

    from hipaalog.integrations.celery import install

    app = Celery("claims", broker=...)
    install(app_id="claims", platform="k8s", microservice="claims-worker")

:func:`install` connects to Celery's signals instead of taking over logging behind its back: with a
``setup_logging`` receiver Celery leaves the root logger, and ``sys.stdout``, alone, and hipaalog's
``configure()`` runs there instead (once per worker; pool children inherit its handler). Every
record written while a task runs carries ``task_id`` and ``task_name``. A prefork pool child leaves
through ``os._exit``: on ``worker_process_shutdown`` it first delivers what it queued.
"""

from __future__ import annotations

import os
from typing import Any

from .._delivery import _shutdown
from ..context import _Binding, bind

__all__ = ["install"]

_options: dict[str, Any] = {}
_configured_in: int | None = None
_bindings: dict[str, _Binding] = {}


def install(**configure_options: Any) -> None:
    """Connect hipaalog to Celery's signals; ``configure_options`` go to :func:`hipaalog.configure`.

    Without ``level``, the worker's ``--loglevel`` applies. Call it once, where the app is made.
    """
    from celery import signals

    _options.clear()
    _options.update(configure_options)
    signals.setup_logging.connect(_setup_logging, weak=False, dispatch_uid="hipaalog.setup_logging")
    signals.task_prerun.connect(_task_started, weak=False, dispatch_uid="hipaalog.task_prerun")
    signals.task_postrun.connect(_task_ended, weak=False, dispatch_uid="hipaalog.task_postrun")
    signals.worker_process_shutdown.connect(_child_exits, weak=False, dispatch_uid="hipaalog.process_shutdown")


def _setup_logging(loglevel: int | str | None = None, **_: Any) -> None:
    """Celery's ``setup_logging``: configure hipaalog once (a forked pool child keeps its parent's handler)."""
    global _configured_in
    if _configured_in is not None:
        return
    from .._config import configure

    options = dict(_options)
    if "level" not in options and loglevel:
        options["level"] = loglevel
    configure(**options)
    _configured_in = os.getpid()


def _task_started(task_id: str | None = None, task: Any = None, **_: Any) -> None:
    if task_id is not None:
        _bindings[task_id] = bind(task_id=task_id, task_name=getattr(task, "name", None))


def _task_ended(task_id: str | None = None, **_: Any) -> None:
    binding = _bindings.pop(task_id, None) if task_id is not None else None
    if binding is not None:
        binding.__exit__(None, None, None)


def _child_exits(**_: Any) -> None:
    """A prefork child is about to ``os._exit``: deliver what it queued."""
    _shutdown.flush_all()
