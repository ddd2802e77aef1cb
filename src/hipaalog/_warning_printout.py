"""Warnings printed redacted: Python writes a warning's message and source line to stderr as they are.

A warning issued before ``configure()`` routes warnings through logging (or when an application turns that off,
or never calls it) is printed by ``warnings.showwarning``, text and the offending source line raw. Importing
hipaalog replaces that function, when it is still Python's, with one that prints the same text redacted by the
default policy. ``logging.captureWarnings`` keeps working: it saves and restores whatever function is in place.
"""

from __future__ import annotations

import sys
import warnings
from typing import TextIO

__all__ = ["install"]


def install() -> None:
    """Put :func:`_showwarning` in place of ``warnings.showwarning`` when it is still Python's."""
    original = getattr(warnings, "_showwarning_orig", None)
    if original is not None and warnings.showwarning is original:
        warnings.showwarning = _showwarning


def _showwarning(  # noqa: PLR0917 - the signature warnings.showwarning has
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """``warnings.showwarning``, with the text redacted; never raises."""
    stream = file if file is not None else sys.stderr
    if stream is None:
        return
    try:
        from .redaction import default_redactor

        text = default_redactor().redact_text(warnings.formatwarning(message, category, filename, lineno, line))
    except Exception:  # noqa: BLE001 - nothing of the warning is shown when it cannot be redacted
        text = f"{filename}:{lineno}: {getattr(category, '__name__', 'Warning')}: (text withheld: not redactable)\n"
    try:
        stream.write(text)
    except Exception:  # noqa: BLE001 - the stream is gone; nowhere left to say it
        pass
