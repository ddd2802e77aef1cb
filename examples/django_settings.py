"""Django: the ``LOGGING`` setting and a request-id middleware, runnable without Django installed.

Copy ``LOGGING`` into your ``settings.py`` (and ``RequestIdMiddleware`` into your project, listed
in ``MIDDLEWARE``). Django applies ``LOGGING`` with ``logging.config.dictConfig``; so does this
script, then logs what Django's own loggers typically write, and runs the middleware around a
stand-in view.

Run: python examples/django_settings.py
"""

from __future__ import annotations

import logging
import logging.config
import uuid
from collections.abc import Callable
from typing import Any

import hipaalog

# --- settings.py -----------------------------------------------------------------------------
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "hipaalog": {
            "()": "hipaalog.JsonFormatter",
            "app_id": "acme-health",
            "platform": "auto",
            "microservice": "patient-portal",
            "fields": {"status_code": "integer", "duration": "number"},
        },
    },
    "handlers": {
        "stdout": {"class": "hipaalog.SinkHandler", "formatter": "hipaalog", "sinks": ["stdout"]},
    },
    "loggers": {
        # Django's request errors (4xx as warnings, 5xx as errors) and security events.
        "django.request": {"level": "WARNING"},
        "django.security": {"level": "WARNING"},
        # SQL with parameters is logged at DEBUG when settings.DEBUG is on: keep it off in production.
        "django.db.backends": {"level": "INFO"},
    },
    "root": {"level": "INFO", "handlers": ["stdout"]},
}
# MIDDLEWARE = ["examples.django_settings.RequestIdMiddleware", ...]


# --- middleware.py ---------------------------------------------------------------------------
class RequestIdMiddleware:
    """Binds ``request_id`` for the request (from ``X-Request-ID`` or a new one) and echoes it back."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex
        with hipaalog.bind(request_id=request_id):  # every record of this request carries it
            response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


# --- a stand-in for Django, so the example runs anywhere -------------------------------------
class _Request:
    def __init__(self, path: str, headers: dict[str, str]) -> None:
        self.path = path
        self.headers = headers


def _view(request: Any) -> dict[str, Any]:
    log = logging.getLogger("portal.appointments")
    log.info("appointments listed", extra={"appointment_count": 3})
    logging.getLogger("django.request").warning(
        "Not Found: %s", request.path, extra={"status_code": 404, "http_path": request.path}
    )
    return {}


def main() -> None:
    """Apply LOGGING as Django would and serve one request through the middleware."""
    logging.config.dictConfig(LOGGING)
    middleware = RequestIdMiddleware(_view)
    response = middleware(_Request("/appointments/next", {"X-Request-ID": "req-portal-1"}))
    logging.getLogger("django.security.DisallowedHost").error(
        "Invalid HTTP_HOST header: 'portal.invalid'.", extra={"status_code": 400}
    )
    logging.getLogger("portal").info("response sent", extra={"request_id_echoed": response["X-Request-ID"]})
    logging.shutdown()


if __name__ == "__main__":
    main()
