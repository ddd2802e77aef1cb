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

from ._detector import Span
from ._keys import tokens
from ._organisations import ORG_WORDS
from ._repr_fields import Cleared
from ._role_mail import free_mail_domain
from ._service_lines import phone_line, street_line

__all__ = ["desk_pairs", "firm_contact"]

_DESK_WORDS: Final = frozenset(("office", "support", "helpdesk", "help", "sales", "billing", "orders", "business"))
_MAILBOX: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
_DESK_PAIR: Final = re.compile(
    r"[A-Za-z][A-Za-z_]{1,30}_(?i:(e?mail)|(phone|tel)|(fax))[ ]?[=:][ ]?(['\"]?)([^\s'\",;]{5,80})"
)
"""A contact field of free ``key=value`` text whose name says whose it is (``support_email=``, ``office_phone:``)."""
_PERSON_SIGNS: Final = frozenset(("NAME", "SSN", "DOB", "MRN", "PATIENT", "MEMBER_ID", "MBI", "HEALTH_PLAN", "AGE"))
"""Kinds found in a text that say it is about a person: then its contact fields are left to the readers."""
_KEPT: Final = frozenset(("EMAIL", "PHONE", "FAX", "ID", "URL"))


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
    return kind == "ADDRESS" and street_line(value)


def desk_pairs(text: str, found: list[Span]) -> list[Cleared]:
    """Values of an organisation's contact fields in ``key=value`` text (``support_email=help@acme.example
    office_phone=+1-415-555-0132``) to keep, when nothing else ``found`` in the text is a person's."""
    kept: list[Cleared] = []
    for pair in _DESK_PAIR.finditer(text):
        kind = "EMAIL" if pair[1] else "PHONE" if pair[2] else "FAX"
        key = text[pair.start() : pair.start(4)].rstrip(":= ")
        value = pair[5]
        if firm_contact(key, kind, value):
            kept.append(Cleared(pair.start(5), pair.end(5), _KEPT))
    if kept and any(span[2] in _PERSON_SIGNS for span in found):
        return []
    return kept
