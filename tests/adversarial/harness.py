"""The attacked setup: the default ``hipaalog.configure()`` with a real file sink, and a third-party
handler on the same logger that keeps what it is handed, as OpenTelemetry's or Sentry's would read it.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hipaalog

from .canaries import Canary, find_leaks

__all__ = ["Harness", "ThirdParty", "fresh_harness"]

_FRESH = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}
_serial = itertools.count(1)


def _exceptions(exc: BaseException | None, seen: set[int]) -> list[BaseException]:
    """``exc``, its causes, contexts and group members, each once (no depth limit)."""
    out: list[BaseException] = []
    todo = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        out.append(item)
        todo.extend([item.__cause__, item.__context__])
        members = getattr(item, "exceptions", None)
        if isinstance(members, (list, tuple)):
            todo.extend(m for m in members if isinstance(m, BaseException))
    return out


def _safe(call: Any) -> str:
    try:
        return str(call())
    except Exception as exc:
        return f"<{type(exc).__name__}>"


class ThirdParty(logging.Handler):
    """A handler that is not hipaalog's: renders each record the ways other handlers read it."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []
        self.errors: list[str] = []
        self.plain = logging.Formatter("%(levelname)s %(name)s %(message)s")

    def emit(self, record: logging.LogRecord) -> None:
        parts = [_safe(record.getMessage), _safe(lambda: self.plain.format(record)), _safe(lambda: repr(record.args))]
        parts.append(_safe(lambda: repr(record.msg)))
        parts.append(f"{record.threadName} {record.processName} {getattr(record, 'taskName', '')}")
        for key, value in list(record.__dict__.items()):
            if key not in _FRESH:
                parts.append(f"{key}={_safe(lambda v=value: repr(v))} {_safe(lambda v=value: str(v))}")
        if record.exc_info and record.exc_info[1] is not None:
            for exc in _exceptions(record.exc_info[1], set()):
                parts.append(_safe(lambda e=exc: "".join(traceback.format_exception_only(e))))
                parts.append(_safe(lambda e=exc: repr(e.args)))
                parts.append(_safe(lambda e=exc: repr(vars(e))))
                for attr in ("filename", "filename2", "object", "cmd", "output", "stderr", "__notes__"):
                    parts.append(_safe(lambda e=exc, a=attr: repr(getattr(e, a, None))))
                errors = getattr(exc, "errors", None)
                if callable(errors):
                    parts.append(_safe(lambda f=errors: repr(f())))
        if record.stack_info:
            parts.append(str(record.stack_info))
        self.seen.append("\n".join(parts))

    def handleError(self, record: logging.LogRecord) -> None:
        """A formatter that broke on the record is an attack that succeeded (it is counted, not raised)."""
        self.errors.append(record.getMessage() if isinstance(record.msg, str) else repr(record.msg))


class Harness:
    """The default configuration writing to ``directory``; :meth:`leaks` greps every byte written."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / "app.jsonl"
        self.handler = hipaalog.configure(
            app_id="adversary", platform="vm", microservice="attack", sinks=[str(self.path)]
        )
        self.third = ThirdParty()
        logging.getLogger().addHandler(self.third)
        self.logger = logging.getLogger("attack.app")
        self.texts: list[str] = []
        self.tag = f"case{next(_serial):05d}"

    def add_text(self, text: str | bytes) -> None:
        """Something else that was written (a CLI's stdout, stderr, an exception's text)."""
        self.texts.append(text.decode("utf-8", "replace") if isinstance(text, bytes) else text)

    def written(self) -> str:
        """Every file under the directory, after a flush."""
        self.handler.flush()
        out = []
        for path in sorted(self.directory.rglob("*")):
            if path.is_file():
                out.append(path.read_bytes().decode("utf-8", "replace"))
        return "\n".join(out)

    def leaks(self, canaries: list[Canary]) -> list[str]:
        """Where any canary is found: hipaalog's files, the third-party handler, other texts written."""
        found = [f"file {leak}" for leak in find_leaks(self.written(), canaries)]
        found += [f"third-party handler {leak}" for leak in find_leaks("\n".join(self.third.seen), canaries)]
        found += [f"output {leak}" for leak in find_leaks("\n".join(self.texts), canaries)]
        found += [f"third-party handler broke: {error[:80]!r}" for error in self.third.errors]
        return found

    def delivered(self, marker: str | None = None) -> bool:
        """Whether a record holding ``marker`` (default: this case's tag) reached the file."""
        return (marker or self.tag) in self.written()

    def close(self) -> None:
        """Remove the handlers (the test fixture restores the rest of logging)."""
        logging.getLogger().removeHandler(self.third)
        self.handler.close()


@contextlib.contextmanager
def fresh_harness() -> Iterator[Harness]:
    """A harness in a new directory, removed afterwards with its handlers (one per Hypothesis example)."""
    root = logging.getLogger()
    kept = list(root.handlers)
    with tempfile.TemporaryDirectory() as directory:
        made = Harness(Path(directory))
        try:
            yield made
        finally:
            made.close()
            root.handlers[:] = kept
            hipaalog.context.clear()
