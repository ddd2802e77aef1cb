"""The names a record carries from the code and process that logged it, as other formatters print them.

``%(levelname)s``, ``%(name)s``, ``%(threadName)s``, ``%(processName)s``, ``%(pathname)s``, ``%(filename)s``,
``%(module)s`` and ``%(funcName)s`` are in most plain formats. Each can come from data: a ``str`` subclass whose
``__str__`` says something else than it holds, a filter renaming the record, ``makeLogRecord``'s dict, code compiled
under a name made from data, a function made at run time, a level named from data. None may print the planted
values; a source file's own path, custom level names and the usual names stay exactly as they are.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .canaries import DEFAULT
from .harness import Harness

EMAIL = DEFAULT.email.value
SSN_TEXT = DEFAULT.ssn.text
PLACES = (
    "%(levelname)s %(lineno)s %(name)s %(threadName)s %(processName)s"
    " %(pathname)s %(filename)s %(module)s %(funcName)s %(message)s"
)


class Lying(str):
    """A ``str`` holding a plain name whose printed form is the planted text."""

    def __str__(self) -> str:
        return SSN_TEXT


@pytest.fixture
def printed(harness: Harness) -> Iterator[Path]:
    """A plain formatter printing every name, writing into the harness's directory (its leaks are found there)."""
    path = harness.directory / "plain.log"
    handler = logging.FileHandler(path)
    handler.setFormatter(logging.Formatter(PLACES))
    logging.getLogger().addHandler(handler)
    yield path
    logging.getLogger().removeHandler(handler)
    handler.close()


def _line_of(text: str) -> int:
    """The line of this file where ``text`` is first found."""
    return next(n for n, line in enumerate(Path(__file__).read_text().splitlines(), 1) if text in line)


def _renaming(attribute: str, value: object) -> logging.Filter:
    class Rename(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            setattr(record, attribute, value)
            return True

    return Rename()


def _lying_process_name(harness: Harness) -> None:
    process = multiprocessing.current_process()
    kept = process.name
    process.name = Lying("worker")
    try:
        harness.logger.info("%s from a worker", harness.tag)
    finally:
        process.name = kept


def _compiled(harness: Harness, filename: str, source: str = "log.info('%s rule', tag)") -> None:
    exec(compile(source, filename, "exec"), {"log": harness.logger, "tag": harness.tag})


def _made_function(harness: Harness) -> None:
    space: dict[str, object] = {}
    exec("def f(log, tag):\n    log.info('%s made', tag)\n", space)
    made: Callable[[logging.Logger, str], None] = space["f"]  # type: ignore[assignment]
    made.__code__ = made.__code__.replace(co_name=f"lookup_{EMAIL}")
    made(harness.logger, harness.tag)


def _filtered(harness: Harness, attribute: str, value: object) -> None:
    rename = _renaming(attribute, value)
    harness.logger.addFilter(rename)
    try:
        harness.logger.info("%s renamed", harness.tag)
    finally:
        harness.logger.removeFilter(rename)


def _made_record(harness: Harness) -> None:
    fields = {"name": f"patients.{EMAIL}", "msg": "%s made", "args": (harness.tag,), "levelno": 20}
    harness.logger.handle(logging.makeLogRecord({**fields, "levelname": "INFO", "threadName": Lying("worker")}))


def _level_named(harness: Harness) -> None:
    logging.addLevelName(27, f"NOTE {EMAIL}")
    try:
        harness.logger.log(27, "%s noted", harness.tag)
    finally:
        logging.addLevelName(27, "Level 27")


ATTACKS: dict[str, Callable[[Harness], None]] = {
    "lying logger name": lambda h: logging.getLogger(Lying("claims.lying")).info("%s named", h.tag),
    "lying process name": _lying_process_name,
    "compiled under a name from data": lambda h: _compiled(h, f"<rule {EMAIL}>"),
    "function made at run time": _made_function,
    "filter sets the logger name": lambda h: _filtered(h, "name", f"patients.{EMAIL}"),
    "filter sets the thread name": lambda h: _filtered(h, "threadName", f"job {EMAIL}"),
    "filter sets a lying thread name": lambda h: _filtered(h, "threadName", Lying("job")),
    "filter sets the function name": lambda h: _filtered(h, "funcName", f"lookup {EMAIL}"),
    "filter sets the path": lambda h: _filtered(h, "pathname", f"<rule {EMAIL}>"),
    "makeLogRecord names": _made_record,
    "filter sets the level name": lambda h: _filtered(h, "levelname", f"NOTE {EMAIL}"),
    "level named from data": _level_named,
}


@pytest.mark.parametrize("attack", list(ATTACKS.values()), ids=list(ATTACKS))
def test_record_names_print_no_phi(harness: Harness, printed: Path, attack: Callable[[Harness], None]) -> None:
    attack(harness)
    assert harness.leaks(DEFAULT.all()) == []
    assert harness.tag in printed.read_text()
    assert harness.delivered()


def test_compiled_names_keep_their_shape(harness: Harness, printed: Path) -> None:
    """The clean path's file and module are derived from it as logging derives them (no cut address)."""
    _compiled(harness, f"<rule {EMAIL}>")
    line = printed.read_text().strip()
    assert line.count("<rule [REDACTED:EMAIL]>") == 3
    assert "@" not in line


def test_usual_names_and_source_paths_stay(harness: Harness, printed: Path) -> None:
    """A source file's path (even one named after a formula's authors), ``<string>`` and plain names are kept."""
    _compiled(harness, "/srv/lib/quadrature/_genz_malik.py")
    _compiled(harness, "<string>")
    logging.getLogger("claims.api").info("%s plain", harness.tag)
    logging.addLevelName(26, "NOTICE")
    try:
        logging.getLogger("claims.api").log(26, "%s notice", harness.tag)
    finally:
        logging.addLevelName(26, "Level 26")
    lines = [line.split(maxsplit=2)[2] for line in printed.read_text().splitlines()]
    assert printed.read_text().splitlines()[3].split()[:2] == ["NOTICE", str(_line_of("log(26"))]
    assert lines[0].split()[3:7] == ["/srv/lib/quadrature/_genz_malik.py", "_genz_malik.py", "_genz_malik", "<module>"]
    assert lines[1].split()[3:7] == ["<string>", "<string>", "<string>", "<module>"]
    name, thread, process, path, _, module, function = lines[2].split()[:7]
    assert (name, thread, process, path, module, function) == (
        "claims.api",
        "MainThread",
        "MainProcess",
        __file__,
        Path(__file__).stem,
        "test_usual_names_and_source_paths_stay",
    )
