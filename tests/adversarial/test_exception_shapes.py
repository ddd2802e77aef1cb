"""Exceptions handed to logging in shapes the standard library does not expect, each holding planted values.

``exc_info`` that is not ``(type, exception, traceback)`` (a careless ``(ValueError, str(error), tb)``, a filter
setting a text), ``__notes__`` that is not a list (a text, a tuple, an object: ``traceback`` prints them all), a
great many notes, and an exception whose ``__str__`` returns a ``str`` subclass printing something else: no
handler may print the values, no log call may raise, and the record keeps its message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from .canaries import DEFAULT
from .harness import Harness

SSN_TEXT = DEFAULT.ssn.text
EMAIL_TEXT = DEFAULT.email.text


class Lying(str):
    """A ``str`` holding a plain text whose printed form is the planted text."""

    def __str__(self) -> str:
        return SSN_TEXT


class Carrier:
    """An object printed (``repr``) with the planted text."""

    def __repr__(self) -> str:
        return f"Carrier({EMAIL_TEXT!r})"

    __str__ = __repr__


def _logged(harness: Harness, exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        harness.logger.exception("%s failed", harness.tag)


def _noted(notes: object) -> BaseException:
    error = ValueError("bad row")
    error.__notes__ = notes  # type: ignore[attr-defined]
    return error


def _filter_sets(harness: Harness, value: object) -> None:
    class Attach(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            record.exc_info = value  # type: ignore[assignment]
            return True

    attach = Attach()
    harness.logger.addFilter(attach)
    try:
        harness.logger.error("%s attached", harness.tag)
    finally:
        harness.logger.removeFilter(attach)


class LyingError(Exception):
    def __str__(self) -> str:
        return Lying("lookup failed")


ATTACKS: dict[str, Callable[[Harness], None]] = {
    "exc_info with a text for the exception": lambda h: h.logger.error(
        "%s lookup", h.tag, exc_info=(ValueError, SSN_TEXT, None)
    ),
    "exc_info of one text": lambda h: h.logger.error("%s lookup", h.tag, exc_info=(SSN_TEXT,)),  # type: ignore[arg-type]
    "exc_info set to a text by a filter": lambda h: _filter_sets(h, f"Traceback: {SSN_TEXT}"),
    "exc_info set to a lying text by a filter": lambda h: _filter_sets(h, (KeyError, Lying("row"), None)),
    "notes as a text": lambda h: _logged(h, _noted(SSN_TEXT)),
    "notes as a tuple": lambda h: _logged(h, _noted((EMAIL_TEXT, "retry"))),
    "notes as an object": lambda h: _logged(h, _noted(Carrier())),
    "str returns a lying str": lambda h: _logged(h, LyingError()),
}


@pytest.mark.parametrize("attack", list(ATTACKS.values()), ids=list(ATTACKS))
def test_exception_shapes_leak_nothing(harness: Harness, attack: Callable[[Harness], None]) -> None:
    attack(harness)
    assert harness.leaks(DEFAULT.all()) == []
    assert harness.delivered()


def test_notes_are_bounded(harness: Harness) -> None:
    """Each note is scanned on its own: past 64 one note says how many were left out (a planted one among them)."""
    error = ValueError("bad batch")
    for row in range(5000):
        error.add_note(f"row {row} skipped")
    error.add_note(SSN_TEXT)
    seen: list[logging.LogRecord] = []
    catch = logging.Handler()
    catch.emit = seen.append  # type: ignore[method-assign]
    logging.getLogger().addHandler(catch)
    try:
        _logged(harness, error)
    finally:
        logging.getLogger().removeHandler(catch)
    assert seen[0].exc_info is not None
    notes = seen[0].exc_info[1].__notes__  # type: ignore[union-attr]
    assert notes[:2] == ["row 0 skipped", "row 1 skipped"]
    assert notes[64:] == ["[4937 more notes left out]"]
    assert harness.leaks(DEFAULT.all()) == []
    assert harness.delivered()


def test_plain_exc_info_shapes_stay(harness: Harness) -> None:
    """``(None, None, None)`` outside an except block, and benign notes, are kept as they are."""
    seen: list[logging.LogRecord] = []
    catch = logging.Handler()
    catch.emit = seen.append  # type: ignore[method-assign]
    logging.getLogger().addHandler(catch)
    try:
        harness.logger.exception("%s outside", harness.tag)
        _logged(harness, _noted(["retry 2 of 3", "service claims-api"]))
    finally:
        logging.getLogger().removeHandler(catch)
    assert seen[0].exc_info == (None, None, None)
    assert seen[1].exc_info is not None
    assert seen[1].exc_info[1].__notes__ == ["retry 2 of 3", "service claims-api"]  # type: ignore[union-attr]
