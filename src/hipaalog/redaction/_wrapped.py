"""Values cut apart by a line break, a tab or a lopsided space, mended for the reader's view.

:func:`~._normalize.reader_view` applies these with the other recodings; each maps to the characters it
replaces, so a value found in the mended text masks what spelled it:

- digit groups of an SSN's, a phone number's or a date's shape whose gaps hold a tab or a line break, or a
  dash with a space on one side only (``219-\\n09-9999``, ``219\\r\\n-09-9999``, ``219\\t09\\t9999``,
  ``219 -09-9999``): a line broken inside them (a wrap) is taken out, so that they read as they were written;
  tabs, lopsided spaces and mixed marks make them one bare number (what a cue makes of it);
- an e-mail address wrapped at its ``@`` (``jane.roe@\\nexample.org``, ``jane.roe\\n@example.org``).

Gaps of one kind (``219-09-9999``, ``219 09 9999``, ``219 - 09 - 9999``) are read by the detectors as written.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["REWRITES", "may_hold_wrapped"]

_GAP: Final = r"[ \t]{0,4}(?:\r?\n[ \t]{0,8})?[-/]?[ \t]{0,4}(?:\r?\n[ \t]{0,8})?"
_BROKEN: Final = re.compile(
    rf"[0-9](?<![\w.,/-][0-9])[0-9]{{1,3}}{_GAP}[0-9]{{2,3}}{_GAP}[0-9]{{2,4}}(?![\w.,/-]|[ \t]*[-/][ \t]*[0-9])"
)
"""Three digit groups with gaps of spaces, tabs, line breaks and at most one dash or slash each (runs of spaces
and tabs bounded: a long run costs no backtracking)."""
_BROKEN_HINT: Final = re.compile(r"[0-9][-/]?(?:[\t\r\n]|[ ][-/][0-9]|[-/][ ][0-9])")
"""What a gap worth mending holds next to a digit, found before the whole pattern is tried."""
_DIGITS: Final = re.compile(r"[0-9]+")
_SHAPES: Final = frozenset({(3, 2, 4), (3, 3, 4), (4, 2, 2), (2, 2, 4), (1, 2, 4), (2, 1, 4), (1, 1, 4)})
"""SSN, phone number and date shapes (dates also with one-digit months and days)."""
_PLAIN_GAPS: Final = frozenset({"-", " ", "/", " - ", " / "})


def _mended(found: str) -> str:
    """``found`` with its gaps mended (see the module), or ``found`` when it is no such value or reads as written."""
    groups = _DIGITS.findall(found)
    if tuple(len(group) for group in groups) not in _SHAPES:
        return found
    gaps = _DIGITS.split(found)[1:-1]
    if gaps[0] == gaps[1] and gaps[0] in _PLAIN_GAPS:
        return found
    marks = {gap.strip(" \t\r\n") for gap in gaps}
    wrapped = "\n" in found or "\r" in found
    return (marks.pop() if wrapped and len(marks) == 1 else "").join(groups)


_WRAPPED_MAIL: Final = re.compile(
    r"[\w.+-](?:[ \t]{0,4}(?:\r?\n|\t)[ \t]{0,8}@|@[ \t]{0,4}(?:\r?\n|\t)[ \t]{0,8})"
    r"[A-Za-z0-9][A-Za-z0-9-]{0,62}\.[A-Za-z]{2}"
)
"""The end of an address's local part, a line break or tab before or after its ``@``, and its domain's start."""
_MAIL_GAP: Final = re.compile(r"[ \t\r\n]+")


def _unwrapped(found: str) -> str:
    return _MAIL_GAP.sub("", found)


REWRITES: Final = ((_BROKEN, _mended), (_WRAPPED_MAIL, _unwrapped))
"""The rewrites, in the order the view applies them."""


def may_hold_wrapped(text: str) -> bool:
    """Whether a rewrite above would change ``text`` (``False`` is certain)."""
    if "@" in text and ("\n" in text or "\t" in text) and _WRAPPED_MAIL.search(text) is not None:
        return True
    if _BROKEN_HINT.search(text) is None:
        return False
    for match in _BROKEN.finditer(text):  # noqa: SIM110 - cheaper than any() over a generator on the hot path
        if _mended(match[0]) != match[0]:
            return True
    return False
