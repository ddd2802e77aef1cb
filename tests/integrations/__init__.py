"""Integrations: timing, context, structlog, OpenTelemetry, the pytest plugin, examples."""
