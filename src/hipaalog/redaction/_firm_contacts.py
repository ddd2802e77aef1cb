"""An organisation's own contact fields named by the organisation: ``office_phone``, ``vendor_email``,
``clinic_address``, ``support_email``.

A phone, e-mail or address field whose name opens with an organisation's or a desk's word (``office``, ``vendor``,
``clinic``, ``support``) reaches the firm, not a person, when its value is only that: one phone number, one
mailbox on a domain no free-mail provider runs, one line of street address. Under a person (``patient.office_phone``)
the caller never asks: a person's fields stay theirs.
"""

from __future__ import annotations

import re
from typing import Any, Final

from ._keys import tokens
from ._organisations import ORG_WORDS
from ._role_mail import free_mail_domain
from ._service_lines import phone_line

__all__ = ["firm_contact"]

_DESK_WORDS: Final = frozenset(("office", "support", "helpdesk", "help", "sales", "billing", "orders", "business"))
_MAILBOX: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
_MOST_ADDRESS: Final = 120


def firm_contact(key: str, kind: str, value: Any) -> bool:
    """Whether ``value`` under ``key`` (a field of ``kind`` PHONE, FAX, EMAIL or ADDRESS) is an organisation's own."""
    words = tokens(key)
    if len(words) < 2 or (ORG_WORDS.isdisjoint(words[:-1]) and _DESK_WORDS.isdisjoint(words[:-1])):
        return False
    if kind in ("PHONE", "FAX"):
        return phone_line(value)
    if type(value) is not str:
        return False
    if kind == "EMAIL":
        mailbox = _MAILBOX.fullmatch(value.strip())
        return mailbox is not None and not free_mail_domain(mailbox[1])
    return kind == "ADDRESS" and 0 < len(value) <= _MOST_ADDRESS and "\n" not in value
