"""``hipaalog.configure()``: one call that points the root logger at hipaalog."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import _diagnostics, _request_lines, _uncaught
from ._encoder import DEFAULT_MAX_MESSAGE_CHARS, Encoder
from ._formatter import JsonFormatter
from ._handler import SinkHandler
from ._identity import resolve_identity
from .exceptions import ConfigError
from .timing import configure_thresholds, validate_thresholds
from .typing import Sink

if TYPE_CHECKING:
    from .redaction import Redactor

__all__ = ["configure", "parse_level"]

_INSTALLED_ATTR = "_hipaalog_configured"


def parse_level(level: int | str, what: str = "level") -> int:
    """A level number from ``"info"``, ``"INFO"``, ``"20"`` or ``20``; anything else is a ConfigError."""
    if isinstance(level, bool):
        raise ConfigError(f"{what} must be a level name or number, not a bool")
    if isinstance(level, int):
        return level
    if isinstance(level, str):
        text = level.strip()
        if text.isdigit():
            return int(text)
        number = logging.getLevelName(text.upper())
        if isinstance(number, int):
            return number
    raise ConfigError(f"{what}: unknown level {level!r}; use debug, info, warning, error, critical or a number")


def configure(
    *,
    app_id: str | None = None,
    platform: str | None = None,
    microservice: str | None = None,
    level: int | str | None = None,
    sinks: Sequence[Sink | str | os.PathLike[str] | Mapping[str, Any]] | None = None,
    fields: Mapping[str, str | list[str]] | str | None = None,
    static_fields: Mapping[str, Any] | None = None,
    redaction: bool | Redactor | Mapping[str, Any] = True,
    redact_records: bool = True,
    severity_style: str = "rfc5424",
    max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS,
    loggers: Mapping[str, int | str] | None = None,
    replace_handlers: bool = True,
    capture_warnings: bool = True,
    log_uncaught: bool = True,
    handler_options: Mapping[str, Any] | None = None,
    timing: Mapping[str, float] | None = None,
    audit: Mapping[str, Any] | None = None,
) -> SinkHandler:
    """Set up the root logger so that every record becomes one hipaalog JSON line.

    Identity comes from the arguments or from ``HIPAALOG_APP_ID``, ``HIPAALOG_PLATFORM`` and
    ``HIPAALOG_MICROSERVICE``; the level from ``HIPAALOG_LEVEL`` (default ``info``); sinks from
    ``HIPAALOG_SINKS`` (comma-separated URLs, default ``stdout``). Every problem is a
    :class:`~hipaalog.exceptions.ConfigError` raised here, before anything is changed.

    Args:
        redact_records: also redact every ``LogRecord`` as it is made (process-wide record factory,
            see :func:`hipaalog.redaction.install_record_redaction`), so that other handlers on the
            same loggers (OpenTelemetry's, Sentry's) never see raw PHI. ``False`` removes it.
        loggers: levels for named loggers, for example ``{"urllib3": "warning"}``.
        replace_handlers: remove the root logger's existing handlers (a previous ``configure()``'s
            handler is also closed) so that records are not written twice. Handlers that an
            earlier ``dictConfig``/``basicConfig`` put there are flushed, closed unless another
            logger still uses them, and named in a warning on stderr.
        capture_warnings: route :mod:`warnings` through logging.
        log_uncaught: log an exception that nothing caught (main thread, other threads, ``__del__``)
            as a ``critical`` record of the ``hipaalog.uncaught`` logger, with its stack. Whatever
            this says, importing hipaalog makes Python print such exceptions to stderr redacted.
        handler_options: further :class:`SinkHandler` arguments.
        timing: thresholds in milliseconds for :func:`hipaalog.timed` by name pattern, for
            example ``{"db.*": 50, "*": 1000}`` (see :func:`hipaalog.timing.configure_thresholds`);
            ``None`` leaves the thresholds already set untouched.
        audit: open the audit stream too: arguments of :func:`hipaalog.audit.configure`, for
            example ``{"path": "/var/log/app/audit.jsonl", "key": "env:AUDIT_KEY"}``; identity
            and redaction default to the ones given here.

    Returns:
        the installed :class:`SinkHandler` (its ``stats()`` shows what was delivered).
    """
    if not isinstance(redact_records, bool):
        raise ConfigError(f"redact_records must be true or false, not {redact_records!r}")
    if not isinstance(log_uncaught, bool):
        raise ConfigError(f"log_uncaught must be true or false, not {log_uncaught!r}")
    root_level = parse_level(level if level is not None else os.environ.get("HIPAALOG_LEVEL", "info"))
    logger_levels = {name: parse_level(value, f"loggers[{name!r}]") for name, value in (loggers or {}).items()}
    timing_thresholds = validate_thresholds(timing) if timing is not None else None
    if sinks is None:
        env_sinks = os.environ.get("HIPAALOG_SINKS", "").strip()
        sinks = [s.strip() for s in env_sinks.split(",") if s.strip()] if env_sinks else ["stdout"]
    encoder = Encoder(
        resolve_identity(app_id, platform, microservice),
        fields=fields,
        static_fields=static_fields,
        redaction=redaction,
        severity_style=severity_style,
        max_message_chars=max_message_chars,
    )
    formatter = JsonFormatter(encoder=encoder)
    handler = SinkHandler(sinks, **SinkHandler.check_options(handler_options))
    handler.setFormatter(formatter)
    setattr(handler, _INSTALLED_ATTR, True)
    if audit is not None:
        from .audit import configure as configure_audit

        try:
            identity = {"app_id": app_id, "platform": platform, "microservice": microservice}
            configure_audit(**{**identity, "redaction": redaction, **audit})
        except BaseException:
            handler.close()
            raise

    root = logging.getLogger()
    replaced: list[logging.Handler] = []
    for existing in list(root.handlers):
        if getattr(existing, _INSTALLED_ATTR, False):
            root.removeHandler(existing)
            existing.close()
        elif replace_handlers:
            root.removeHandler(existing)
            replaced.append(existing)
    root.addHandler(handler)
    _hand_over(replaced)
    root.setLevel(root_level)
    for name, value in logger_levels.items():
        logging.getLogger(name).setLevel(value)
    logging.captureWarnings(capture_warnings)
    _uncaught.log_uncaught(log_uncaught)
    _request_lines.install()  # http.server loaded since import: its request lines redacted too
    from .redaction import install_record_redaction, uninstall_record_redaction

    if redact_records and encoder.redactor is not None:
        install_record_redaction(encoder.redactor)
    else:
        uninstall_record_redaction()
    if timing_thresholds is not None:
        configure_thresholds(timing_thresholds)
    return handler


def _hand_over(replaced: list[logging.Handler]) -> None:
    """Flush the handlers ``configure()`` took off the root logger; close those nothing else uses; say so."""
    told = []
    for old in replaced:
        if type(old).__module__.startswith("_pytest"):
            continue  # pytest's capture handlers: pytest takes them off and back itself
        told.append(type(old).__name__)
        try:
            old.flush()
            if not _still_used(old):
                old.close()
        except Exception as exc:  # noqa: BLE001 - a broken old handler must not fail the new configuration
            _diagnostics.problem("handler-close-failed", f"{type(old).__name__}: {type(exc).__name__}")
    if told:
        _diagnostics.problem(
            "handlers-replaced",
            f"configure() took {len(told)} handler(s) off the root logger ({', '.join(told)}): they were flushed "
            "and closed unless another logger still uses them; records of the root logger now go to hipaalog",
        )


def _still_used(handler: logging.Handler) -> bool:
    """Whether any logger other than the root still has ``handler``."""
    loggers = list(logging.Logger.manager.loggerDict.values())
    return any(isinstance(lg, logging.Logger) and handler in lg.handlers for lg in loggers)
