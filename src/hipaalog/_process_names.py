"""A crashing ``multiprocessing`` child's header, redacted: ``Process <name>:`` is written to stderr as it is.

A child process whose target raises writes ``Process <its name>:`` and then the traceback (the traceback is
redacted by :mod:`._printed_errors`). A process named from data (``Process(name=f"intake-{email}")``) would print
the name raw. When ``multiprocessing`` is loaded (now or later), the child's bootstrap is wrapped so that the child
starts under its name redacted by the default policy; a name with nothing to redact is kept.
"""

from __future__ import annotations

import re
from typing import Any, Final

from ._import_hooks import when_imported

__all__ = ["install"]

_NUMBERED: Final = re.compile(r"[A-Za-z]{1,40}(?:-[0-9]{1,9}(?::[0-9]{1,9})*)?")
"""A name multiprocessing gives (``Process-3``, ``ForkPoolWorker-2``, ``Process-1:4``): nothing to redact."""


def install() -> None:
    """Wrap ``BaseProcess._bootstrap`` once ``multiprocessing.process`` is loaded."""
    when_imported("multiprocessing.process", _wrap_bootstrap)


def _wrap_bootstrap() -> None:
    from multiprocessing import process

    standard = process.BaseProcess._bootstrap  # type: ignore[attr-defined]
    if getattr(standard, "__module__", None) != "multiprocessing.process":
        return

    def _bootstrap(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            from .redaction import default_redactor

            name = self._name
            if isinstance(name, str) and _NUMBERED.fullmatch(name) is None:
                self._name = default_redactor().redact_text(name)
        except Exception:  # noqa: BLE001 - fail closed: a name that cannot be redacted is not shown
            self._name = "hipaalog-withheld-name"
        return standard(self, *args, **kwargs)

    process.BaseProcess._bootstrap = _bootstrap  # type: ignore[attr-defined]
