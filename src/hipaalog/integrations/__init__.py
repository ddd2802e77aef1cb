"""Recipes for web servers and task queues that run their own logging set-up.

Each module is small and imports its framework only when used:

* :mod:`hipaalog.integrations.uvicorn`: a ``log_config`` for uvicorn (FastAPI, Starlette) with
  structured access records, and :class:`~hipaalog.integrations.uvicorn.AccessTiming` for their duration.
* :mod:`hipaalog.integrations.gunicorn`: a ``logconfig_dict`` for gunicorn and its workers.
* :mod:`hipaalog.integrations.django`: a ``LOGGING`` setting with structured ``django.request`` and
  ``django.server`` records.
* :mod:`hipaalog.integrations.celery`: hipaalog through Celery's ``setup_logging`` signal, the task's
  id and name on every record, prefork children that deliver before they exit.

Recipes and the tests that run each server for real: ``docs/integrations.md``.
"""

from __future__ import annotations

__all__: list[str] = []
