"""Message identifiers (``<unique@host>``): machine-made, shaped like an address, no one's mailbox.

A message id is written after its header (``Message-ID: <...>``, ``References: <...> <...>``) or, in a bounce,
a delivery log or an exception, after the header's name without the colon (``(Message-ID <...>)``,
``message_id=<...>``, ``msgid <...>``). That name is no display name of the address after it either. An address
there that is a mailbox's shape (at a free-mail provider's own domain, ``<jane.roe1961@yahoo.com>``, or a given name
and a surname before the ``@``) is read as one: machines make ids at their own hosts (``@mail.gmail.com``).
"""

from __future__ import annotations

import re
from typing import Final

from ._name_parts import names_someone, surname_word
from ._role_mail import free_mail_domain

__all__ = ["id_label", "message_id_at"]

_HEADER: Final = re.compile(r"(?:message-id|in-reply-to|references|content-id)\s*:[^\n]*$", re.IGNORECASE)
"""An RFC 5322 header holding message identifiers, from the start of its line."""
_LABEL: Final = r"(?i:message[-_ ]?id|msg[-_]?id|content[-_]id|in-reply-to|x-message-id)"
_LABEL_BEFORE: Final = re.compile(rf"(?=[CcIiMmXx])(?<![\w-]){_LABEL}[ ]*[:=]?[ ]*$")
"""The name of a message-id header right before the ``<`` of an id, with or without its colon."""
_LABEL_ALONE: Final = re.compile(_LABEL)
_ID_CHARS: Final = re.compile(r"[\w.=+$/-]+")
"""Characters of a message id's left part that the address reader does not take (``CAF=`` of ``<CAF=abc@...>``)."""


def message_id_at(text: str, start: int) -> bool:
    """Whether the address at ``start`` (just after a ``<``) is a message id: in a message-id header of its line,
    or right after such a header's name."""
    line = text.rfind("\n", 0, start) + 1
    opening = text.rfind("<", max(line, start - 64), start)
    if opening < 0 or (opening < start - 1 and _ID_CHARS.fullmatch(text, opening + 1, start) is None):
        return False  # not in angle brackets, or not the id's first characters between (``<CAF=abc123@...>``)
    if _mailbox(text, start):
        return False  # "Message-ID: <jane.roe@gmail.com>": a person's address pasted where an id goes
    start = opening + 1
    if _HEADER.match(text, line, start) is not None:
        return True
    return _LABEL_BEFORE.search(text, max(line, start - 24), start - 1) is not None


_ADDRESS: Final = re.compile(r"([^@\s<>]{1,64})@([\w.-]{1,253})")
_UUID_LOCAL: Final = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-")
_MACHINE_LOCAL: Final = re.compile(r"[A-Z]{2,4}[+=_]|[^@]{30}")
"""A local part a program made: a web-mail id's prefix (``CAF+``, ``CA+``) or thirty characters."""
_PHONE_LOCAL: Final = re.compile(r"\+?1?[2-9][0-9]{2}[2-9][0-9]{6}")
"""A telephone number as the local part (``<4155550193@vtext.com>``: a text-message gateway's mailbox)."""
_RUNS: Final = re.compile(r"[A-Za-z]+")


def _mailbox(text: str, start: int) -> bool:
    """Whether the address at ``start`` is a person's mailbox's shape: at a free-mail provider's own domain
    (``gmail.com``, not ``mail.gmail.com``), a given name and a surname, an initial and a surname or a telephone
    number in its local part. A name counts however long the local part is (a program's ids spell no one)."""
    address = _ADDRESS.match(text, start)
    if address is None or _UUID_LOCAL.match(address[1]) is not None:
        return False  # "<A1B2C3D4-E5F6-...@icloud.com>": a mail program's id
    local = address[1]
    if names_someone(local) or _initialed(local) or _PHONE_LOCAL.fullmatch(local) is not None:
        return True  # "<wendell.okafor.born.1961...@gmail.com>", "<w.okafor.1961@...>", "<4155550193@vtext.com>"
    if _MACHINE_LOCAL.match(local) is not None:
        return False  # "<CAF=...@gmail.com>": a web-mail program's id
    return free_mail_domain(address[2])


def _initialed(local: str) -> bool:
    """Whether a local part's letter runs are an initial and a surname no English word spells (``w.okafor.1961``,
    ``okafor.w``): a person's mailbox, not a program's id (``20250318.4821.ops``)."""
    runs = _RUNS.findall(local)
    if len(runs) != 2:
        return False
    first, second = runs
    surname = second if len(first) == 1 else first if len(second) == 1 else ""
    return len(surname) >= 4 and surname_word(surname)


def id_label(shown: str) -> bool:
    """Whether the text shown before an address in angle brackets is a message-id header's name (``Message-ID``)."""
    return _LABEL_ALONE.fullmatch(shown) is not None
