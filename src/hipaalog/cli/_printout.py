"""What the ``hipaalog`` command prints, redacted: its messages echo arguments and file contents.

An argument it rejects (argparse's errors included), a file name it cannot open, a line of a file it cannot
read may each hold PHI. While a command runs, ``sys.stderr`` and ``sys.stdout`` are wrapped in
:class:`RedactedLines`, which writes each line redacted by the default policy; in a line of JSON (a ``--json``
report) each string is redacted on its own, so that a count beside a kind's name (``"SSN": 2``) stays a count.
A command whose stdout is a document of its own (``schema``, ``report --json``) declares ``STDOUT_IS_DATA``
and checks what it takes from its arguments itself. Bytes written to the underlying binary stream
(``hipaalog redact ... -`` writes its already redacted output so) pass as they are.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

__all__ = ["RedactedLines", "redacted_printout"]

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_OPENERS = frozenset('{["}]')


class RedactedLines:
    """A text stream writing whole lines, each redacted, to ``stream``; the rest of its interface is ``stream``'s."""

    def __init__(self, stream: TextIO, *, json_aware: bool = False) -> None:
        self._stream = stream
        self._json_aware = json_aware
        self._pending = ""
        self._redact: Callable[[str], str] | None = None

    def write(self, text: str) -> int:
        """Hold ``text`` until its line is complete; write complete lines redacted."""
        self._pending += text
        if "\n" in self._pending:
            lines, _, self._pending = self._pending.rpartition("\n")
            self._stream.write(self._redacted(lines) + "\n")
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        """Write what is held (redacted) and flush ``stream``."""
        if self._pending:
            pending, self._pending = self._pending, ""
            self._stream.write(self._redacted(pending))
        self._stream.flush()

    def _redactor(self) -> Callable[[str], str]:
        if self._redact is None:
            from ..redaction import default_redactor

            self._redact = default_redactor().redact_text
        return self._redact

    def _redacted(self, text: str) -> str:
        try:
            return "\n".join(self._redacted_line(line) for line in text.split("\n"))
        except Exception:  # noqa: BLE001 - the redactor is broken: nothing of the text is shown
            return "hipaalog: output withheld (it could not be redacted)"

    def _redacted_line(self, line: str) -> str:
        if self._json_aware and line.lstrip()[:1] in _JSON_OPENERS:
            return _JSON_STRING.sub(self._redacted_string, line)
        return self._redactor()(line)

    def _redacted_string(self, match: re.Match[str]) -> str:
        text = json.loads(match[0])
        redacted = self._redactor()(text)
        return match[0] if redacted == text else json.dumps(redacted, ensure_ascii=False)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def redacted_printout(*, stdout: bool = True) -> Iterator[None]:
    """Wrap ``sys.stderr`` (and ``sys.stdout`` unless told not to) in :class:`RedactedLines` for the block;
    flush and restore after."""
    saved = sys.stdout, sys.stderr
    out = RedactedLines(saved[0], json_aware=True) if stdout and saved[0] is not None else None
    err = RedactedLines(saved[1]) if saved[1] is not None else None
    wrapped = [out, err]
    sys.stdout, sys.stderr = out or saved[0], err or saved[1]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
        for stream in wrapped:
            if stream is not None:
                try:
                    stream.flush()
                except Exception:  # noqa: BLE001 - the stream closed under us; nothing is left to write to
                    pass
