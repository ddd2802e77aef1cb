"""hipaalog's pytest plugin (entry point ``pytest11``): the ``hipaalog_caplog`` fixture.

The fixture is a :class:`hipaalog.testing.LogCapture` running for the test. A record that carries
declared-type violations (``schema_violations``) fails the test after it ran, unless the test is
marked ``@pytest.mark.hipaalog_allow_violations``.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any

import pytest

from .testing import LogCapture

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
    capture = LogCapture().start()
    request.node.stash[_CAPTURE] = capture
    try:
        yield capture
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
