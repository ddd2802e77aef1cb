"""Header lines of mail that name the mail system, not a person: a list's own mailboxes and the relays' addresses.

A mailing list's headers (``List-Post: <mailto:announce@lists.example>``, ``List-Unsubscribe``, ``List-Id``) name
the list's mailboxes and pages; authentication results (``Authentication-Results``, ``Received-SPF``, ``ARC-*``)
and ``X-Received: by ...`` name the servers mail passed through (``designates 209.85.220.41 as permitted
sender``). A ``Received: from`` line is left to the readers: its client may be a person's machine.
"""

from __future__ import annotations

from typing import Final

from ._repr_fields import Cleared

__all__ = ["mail_system_lines"]

_LIST_HEADERS: Final = (
    "List-Id:", "List-ID:", "List-Post:", "List-Unsubscribe:", "List-Subscribe:", "List-Help:", "List-Owner:",
    "List-Archive:", "List-Unsubscribe-Post:",
)  # fmt: skip
_RELAY_HEADERS: Final = (
    "Authentication-Results:", "ARC-Authentication-Results:", "Received-SPF:", "X-Received:", "ARC-Seal:",
    "ARC-Message-Signature:",
)  # fmt: skip
_LIST_KINDS: Final = frozenset(("EMAIL", "URL", "NAME", "ID"))
_RELAY_KINDS: Final = frozenset(("IP",))
_MOST_LINES: Final = 64


def mail_system_lines(text: str) -> list[Cleared]:
    """The header lines of ``text`` (with their folded continuations) whose addresses are the mail system's."""
    kept: list[Cleared] = []
    for headers, kinds in ((_LIST_HEADERS, _LIST_KINDS), (_RELAY_HEADERS, _RELAY_KINDS)):
        for header in headers:
            at = text.find(header)
            while at >= 0 and len(kept) < _MOST_LINES:
                if at == 0 or text[at - 1] == "\n":
                    kept.append(Cleared(at + len(header), _header_end(text, at), kinds))
                at = text.find(header, at + len(header))
    return kept


def _header_end(text: str, at: int) -> int:
    """Where the header line at ``at`` ends, its folded lines (opening with a space or a tab) included."""
    end = text.find("\n", at)
    while end >= 0 and text[end + 1 : end + 2] in (" ", "\t") and end + 1 < len(text):
        end = text.find("\n", end + 1)
    return len(text) if end < 0 else end
