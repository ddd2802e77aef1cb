"""Header lines of mail that name the mail system, not a person: a list's own mailboxes and the relays' addresses.

A mailing list's headers (``List-Post: <mailto:announce@lists.example>``, ``List-Unsubscribe``, ``List-Id``) name
the list's mailboxes and pages; authentication results (``Authentication-Results``, ``Received-SPF``, ``ARC-*``)
and ``X-Received: by ...`` name the servers mail passed through (``designates 209.85.220.41 as permitted
sender``). A ``Received: from`` line is left to the readers: its client may be a person's machine.
"""

from __future__ import annotations

import re
from typing import Final

from ._detector import Span
from ._repr_fields import Cleared
from ._role_mail import free_mail_domain

__all__ = ["mail_system_lines"]

_LIST_HEADERS: Final = (
    "List-Id:", "List-ID:", "List-Post:", "List-Unsubscribe:", "List-Subscribe:", "List-Help:", "List-Owner:",
    "List-Archive:", "List-Unsubscribe-Post:",
)  # fmt: skip
_RELAY_HEADERS: Final = (
    "Authentication-Results:", "ARC-Authentication-Results:", "Received-SPF:", "X-Received:", "ARC-Seal:",
    "ARC-Message-Signature:",
)  # fmt: skip
_LIST_KINDS: Final = frozenset(("EMAIL", "URL", "ID"))
_BRACKETED: Final = re.compile(r"<([^<>\s]{1,256})>")
"""A list's mailbox or page in angle brackets (``<mailto:announce@lists.example>``, ``<announce.lists.example>``)."""
_RELAY_KINDS: Final = frozenset(("IP",))
_MOST_LINES: Final = 64
_PERSON_SIGNS: Final = frozenset(("NAME", "SSN", "DOB", "MRN", "PATIENT", "MEMBER_ID", "MBI", "HEALTH_PLAN", "AGE"))
"""Kinds found on a list header that say a person is written there: then its mailboxes are not the list's."""


def mail_system_lines(text: str, found: list[Span]) -> list[Cleared]:
    """The header lines of ``text`` (with their folded continuations) whose addresses are the mail system's; a
    list header where a person is ``found`` (``List-Help: Jane Roe <mailto:jroe@roe.example>``) keeps nothing."""
    kept: list[Cleared] = []
    for headers, kinds in ((_LIST_HEADERS, _LIST_KINDS), (_RELAY_HEADERS, _RELAY_KINDS)):
        for header in headers:
            at = text.find(header)
            while at >= 0 and len(kept) < _MOST_LINES:
                if at == 0 or text[at - 1] == "\n":
                    start, end = at + len(header), _header_end(text, at)
                    if kinds is _LIST_KINDS:
                        if not any(start <= span[0] < end and span[2] in _PERSON_SIGNS for span in found):
                            kept.extend(_list_addresses(text, start, end))
                    elif header != "X-Received:" or "from " not in text[start:end]:
                        kept.append(Cleared(start, end, kinds))  # not "X-Received: from <a client>"
                at = text.find(header, at + len(header))
    return kept


def _list_addresses(text: str, start: int, end: int) -> list[Cleared]:
    """The bracketed mailboxes and pages of a list header: the list's own, unless a free-mail provider's (a
    person's box); the header's other words (a name, a number on a folded line) are left to the readers."""
    kept = []
    for found in _BRACKETED.finditer(text, start, end):
        address = found[1]
        if "@" in address and free_mail_domain(address.rpartition("@")[2].rstrip(">?").split("?", 1)[0]):
            continue
        kept.append(Cleared(found.start(), found.end(), _LIST_KINDS))
    return kept


def _header_end(text: str, at: int) -> int:
    """Where the header line at ``at`` ends, its folded lines (opening with a space or a tab) included."""
    end = text.find("\n", at)
    while end >= 0 and text[end + 1 : end + 2] in (" ", "\t") and end + 1 < len(text):
        end = text.find("\n", end + 1)
    return len(text) if end < 0 else end
