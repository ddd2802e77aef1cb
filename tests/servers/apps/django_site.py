"""A one-file Django site for the server test: settings, URLs and views."""

from __future__ import annotations

import logging
import os

from django.http import HttpRequest, HttpResponse
from django.urls import path

from hipaalog.integrations.django import logging_settings

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = __name__
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict[str, object] = {}
USE_TZ = True
LOGGING = logging_settings(sinks=[os.environ["PORTAL_LOG_FILE"]])

log = logging.getLogger("portal.web")


def chart(request: HttpRequest, chart_id: str) -> HttpResponse:
    """Logs one numbered record with synthetic PHI (to be redacted)."""
    log.info("chart shown", extra={"n": int(request.GET.get("n", "-1")), "ssn": request.GET.get("ssn", "")})
    return HttpResponse("ok")


def broken(request: HttpRequest) -> HttpResponse:
    """A server error: django.request logs it with the exception."""
    raise LookupError("no such chart")


urlpatterns = [path("charts/<str:chart_id>", chart), path("broken", broken)]
