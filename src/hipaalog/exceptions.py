"""The one exception hierarchy of hipaalog.

Logging calls never raise these into application code: they are raised at configuration time
(:class:`ConfigError`), by explicit checks that a caller asked for (:class:`SchemaViolation`),
or by sinks to the delivery layer (:class:`SinkError`), which counts and handles them.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["ConfigError", "HipaalogError", "SchemaViolation", "SinkError"]


class HipaalogError(Exception):
    """Base class of every error hipaalog raises."""


class ConfigError(HipaalogError, ValueError):
    """A configuration value is missing or wrong; the message says what to fix.

    Subclasses :class:`ValueError` so that ``logging.config.dictConfig`` reports it like its own
    configuration errors.
    """


class SchemaViolation(HipaalogError):
    """A record broke a declared field type (raised only where a test or caller asks for it)."""

    def __init__(self, message: str, violations: Sequence[object] = ()) -> None:
        super().__init__(message)
        self.violations = list(violations)


class SinkError(HipaalogError):
    """A sink could not deliver some or all of a batch.

    Args:
        message: what went wrong, without record content.
        retryable: whether trying again later may succeed (a 503 is, a 400 is not).
        retry_after: seconds the peer asked us to wait (``Retry-After``), if it said.
        failed: indices into the batch of the records that failed; ``None`` means all of them.
        rejected: indices of records the peer refused for good (a mapping error, say); they are
            counted as failed and never retried, whatever ``retryable`` says for the others. With
            ``rejected`` given, ``failed=None`` means "none besides these".
        maybe_sent: indices of failed records that may have reached the peer all the same (the
            connection broke while they were being sent); written again, they count as ``resent``.
    """

    def __init__(
        self,
        message: str,
        *,
        retryable: bool = True,
        retry_after: float | None = None,
        failed: Sequence[int] | None = None,
        rejected: Sequence[int] = (),
        maybe_sent: Sequence[int] = (),
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.failed = None if failed is None else list(failed)
        self.rejected = list(rejected)
        self.maybe_sent = list(maybe_sent)
