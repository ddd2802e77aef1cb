"""The three required identity fields (appId, platform, microservice): from arguments or environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from .exceptions import ConfigError

__all__ = ["ENV_VARS", "Identity", "detect_platform", "resolve_identity"]

ENV_VARS = {"app_id": "HIPAALOG_APP_ID", "platform": "HIPAALOG_PLATFORM", "microservice": "HIPAALOG_MICROSERVICE"}

_PLATFORM_MARKERS: tuple[tuple[str, str], ...] = (
    ("AWS_LAMBDA_FUNCTION_NAME", "lambda"),
    ("KUBERNETES_SERVICE_HOST", "k8s"),
    ("ECS_CONTAINER_METADATA_URI_V4", "ecs"),
    ("ECS_CONTAINER_METADATA_URI", "ecs"),
    ("K_SERVICE", "cloudrun"),
    ("WEBSITE_SITE_NAME", "azure-app-service"),
    ("FUNCTIONS_WORKER_RUNTIME", "azure-functions"),
    ("DYNO", "heroku"),
)


@dataclass(frozen=True, slots=True)
class Identity:
    """Who is logging: the values of ``appId``, ``platform`` and ``microservice``."""

    app_id: str
    platform: str
    microservice: str


def detect_platform(environ: Mapping[str, str] | None = None) -> str:
    """The platform named by the variables a runtime sets (``k8s``, ``ecs``, ``lambda``...), else ``vm``."""
    env = os.environ if environ is None else environ
    for variable, platform in _PLATFORM_MARKERS:
        if env.get(variable):
            return platform
    return "vm"


def resolve_identity(
    app_id: str | None = None,
    platform: str | None = None,
    microservice: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Identity:
    """Arguments first, then ``HIPAALOG_*`` variables; a missing value is a :class:`ConfigError`."""
    env = os.environ if environ is None else environ
    given = {"app_id": app_id, "platform": platform, "microservice": microservice}
    values: dict[str, str] = {}
    missing = []
    for name, value in given.items():
        if value is None or value == "":
            value = env.get(ENV_VARS[name], "")
        if not isinstance(value, str):
            raise ConfigError(f"{name} must be a string, not {type(value).__name__}")
        value = value.strip()
        if not value:
            missing.append(name)
        values[name] = value
    if missing:
        parts = ", ".join(f"{name} (or the environment variable {ENV_VARS[name]})" for name in missing)
        raise ConfigError(f"hipaalog needs {parts}: every record carries appId, platform and microservice")
    if values["platform"] == "auto":
        values["platform"] = detect_platform(env)
    return Identity(**values)
