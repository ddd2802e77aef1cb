"""hipaalog's pytest plugin (entry point ``pytest11``): the ``hipaalog_caplog`` fixture.

The fixture is a :class:`hipaalog.testing.LogCapture` running for the test. A record that carries
declared-type violations (``schema_violations``) fails the test after it ran, unless the test is
marked ``@pytest.mark.hipaalog_allow_violations``.

The fixture also puts back the logging state the test changed (handlers, levels and filters of
every logger, record redaction, captured warnings, timing thresholds, bound context, the audit
stream): ``hipaalog.configure(redaction=False)`` in one test does not carry into the next. The
handlers the test added are closed while its output is still captured, so none of their records
reaches the real stdout after the test.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest

from . import _config, context, redaction, timing  # noqa: F401 - see below
from .testing import LogCapture

# ``import hipaalog`` loads its parts on first use. pytest's in-process runs (pytester) drop the modules first
# imported inside them; loading here what ``configure()`` loads keeps one copy of each class for the whole session.

__all__ = ["hipaalog_caplog"]

_CAPTURE = pytest.StashKey[LogCapture]()
_MARKER = "hipaalog_allow_violations"


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker (so ``--strict-markers`` accepts it)."""
    config.addinivalue_line(
        "markers", f"{_MARKER}: records with declared-type violations do not fail the test (hipaalog_caplog)"
    )


@pytest.fixture
def hipaalog_caplog(request: pytest.FixtureRequest) -> Iterator[LogCapture]:
    """The records hipaalog emits during the test, parsed, after schema checks and redaction."""
    state = LoggingState.take()
    capture = LogCapture().start()
    request.node.stash[_CAPTURE] = capture
    try:
        yield capture
    finally:
        try:
            state.restore()
        finally:
            capture.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    """After a test using the fixture passed, fail it if a record carried schema violations."""
    result = yield
    capture = item.stash.get(_CAPTURE, None)
    if capture is not None and item.get_closest_marker(_MARKER) is None:
        found = capture.violations()
        if found:
            shown = "\n".join(
                f"  record #{index}: field {v.get('field')!r} expected {v.get('expected')}, got {v.get('actual')}"
                for index, v in found[:20]
            )
            pytest.fail(
                f"{len(found)} declared-type violation(s) in the records logged by this test "
                f"(mark it @pytest.mark.{_MARKER} if that is intended):\n{shown}",
                pytrace=False,
            )
    return result


# -- the logging state a test may change, put back after it ----------------------------------------


@dataclass
class _LoggerState:
    level: int
    handlers: list[logging.Handler]
    filters: list[Any]
    propagate: bool
    disabled: bool


def _logger_state(logger: logging.Logger) -> _LoggerState:
    return _LoggerState(logger.level, list(logger.handlers), list(logger.filters), logger.propagate, logger.disabled)


@dataclass
class LoggingState:
    """What :meth:`take` saw; :meth:`restore` puts it back."""

    loggers: dict[str, _LoggerState]
    root: _LoggerState
    record_factory: Callable[..., logging.LogRecord]
    factory_redactor: Any  # hipaalog's factory changes its redactor in place on a later install
    warnings_captured: bool
    disabled_level: int
    thresholds: dict[str, float]
    bound: Mapping[str, Any]
    audit_stream: Any

    @classmethod
    def take(cls) -> LoggingState:
        """The current state."""
        loggers = {
            name: _logger_state(lg)
            for name, lg in list(logging.Logger.manager.loggerDict.items())
            if isinstance(lg, logging.Logger)
        }
        return cls(
            loggers=loggers,
            root=_logger_state(logging.root),
            record_factory=logging.getLogRecordFactory(),
            factory_redactor=getattr(logging.getLogRecordFactory(), "redactor", None),
            warnings_captured=getattr(logging, "_warnings_showwarning", None) is not None,
            disabled_level=logging.root.manager.disable,
            thresholds=timing.thresholds(),
            bound=context.bound(),
            audit_stream=_audit_stream(),
        )

    def restore(self) -> None:
        """Close the handlers added since :meth:`take`, then put every saved value back."""
        current = [logging.root, *self._loggers()]
        kept = {id(h) for state in [self.root, *self.loggers.values()] for h in state.handlers}
        added = {id(h): h for lg in current for h in lg.handlers if id(h) not in kept}
        self._put_loggers_back()
        for handler in added.values():
            try:
                handler.close()
            except Exception:  # noqa: BLE001 - one broken handler must not keep the others open
                continue
        logging.setLogRecordFactory(self.record_factory)
        if self.factory_redactor is not None:
            self.record_factory.redactor = self.factory_redactor  # type: ignore[attr-defined]
        logging.captureWarnings(self.warnings_captured)
        logging.disable(self.disabled_level)
        timing.configure_thresholds(self.thresholds, replace=True)
        context._set_bound(self.bound)
        self._restore_audit()

    @staticmethod
    def _loggers() -> list[logging.Logger]:
        return [lg for lg in list(logging.Logger.manager.loggerDict.values()) if isinstance(lg, logging.Logger)]

    def _put_loggers_back(self) -> None:
        _apply(logging.root, self.root)
        for logger in self._loggers():
            saved = self.loggers.get(logger.name)
            if saved is not None:
                _apply(logger, saved)
            else:  # made during the test: back to a logger nobody configured
                _apply(logger, _LoggerState(logging.NOTSET, [], [], True, False))

    def _restore_audit(self) -> None:
        audit = sys.modules.get("hipaalog.audit")
        if audit is None or _audit_stream() is self.audit_stream:
            return
        try:
            audit.close()  # the stream the test opened
        except Exception:  # noqa: BLE001
            pass
        with audit._lock:
            vars(audit)["_default"] = self.audit_stream


def _apply(logger: logging.Logger, state: _LoggerState) -> None:
    logger.setLevel(state.level)
    logger.handlers[:] = state.handlers
    logger.filters[:] = state.filters
    logger.propagate = state.propagate
    logger.disabled = state.disabled


def _audit_stream() -> Any:
    audit = sys.modules.get("hipaalog.audit")
    return getattr(audit, "_default", None) if audit is not None else None
