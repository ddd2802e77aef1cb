"""Values a PHI key names that cannot be a person's: an organisation's or a system's line, a count, a setting.

A key says what a value would be; the value can still say it is not one:

- a desk's phone line (``support_phone``, ``helpdesk_phone``, ``toll_free``) and any phone of an organisation
  (``{"vendor": {"main_phone": ...}}``) reach a firm, not a person, when the value is only a phone number;
- a role mailbox (``noreply@``, ``alerts@``: see :mod:`._role_mail`) is a system's address wherever it sits,
  unless a person is above it;
- an identifier has at least four characters: ``{"patient": {"serial": 3}}`` counts something;
- a policy number holds digits: ``{"cache": {"policy": "LRU"}}`` names a software policy.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise
from typing import Any, Final

from ._role_mail import role_mailbox

__all__ = [
    "COUNTED_NAMES",
    "desk_line",
    "holds_number",
    "phone_line",
    "policy_name",
    "small_count",
    "street_line",
    "system_mailbox",
]

_DESKS: Final = frozenset(
    ("support", "helpdesk", "servicedesk", "tollfree", "switchboard", "hotline", "frontdesk", "helpline", "reception")
)
"""Words of a phone field that name a desk of an organisation (``support_phone``, ``helpdesk_tel``)."""
_DESK_PAIRS: Final = frozenset((("toll", "free"), ("front", "desk"), ("customer", "service"), ("help", "desk")))
"""Two words that name a desk together (``toll_free_number``, ``customer_service_phone``)."""
_PHONE: Final = re.compile(r"([+(\d][\d ().+/-]{6,24}?)(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?", re.IGNORECASE)
"""A phone number written alone: digits, spaces and the usual punctuation, perhaps an extension."""
_SSN_SHAPE: Final = re.compile(r"[0-9]{3}([ .-]?)[0-9]{2}\1[0-9]{4}")
"""Nine digits grouped 3-2-4 or run together: a Social Security number's shape, no phone line's."""
_MOST_ADDRESS: Final = 120
_STREET_START: Final = re.compile(
    r"[0-9]|(?i:p\.?[ ]?o\.?[ ]?box|suite|ste\.?|unit|floor|fl\.|bldg\.?|building)(?![a-z])"
)
"""How a firm's street address opens: its street number, a post-office box or a suite, floor or building."""
_NOT_STREET: Final = re.compile(
    r"[0-9](?<![0-9][0-9])(?:[0-9]{2}([ -])[0-9]{2}\1[0-9]{4}|[0-9]{3}-[01]?[0-9]-[0-3]?[0-9]"
    r"|[0-9]?/[0-3]?[0-9]/[0-9]{2})"
)
"""Digits no street line holds: an SSN's nine (``078-05-1120``) or a date written year first (``1961-04-03``)."""
_EMAIL: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
COUNTED_NAMES: Final = frozenset(
    (
        "number", "no", "num", "nbr", "nr", "serial", "sn", "serialnumber", "serialno", "serialnum", "group", "reg",
        "registration", "plate",
    )
)  # fmt: skip
"""Generic names of a number (run together) whose value of one to three digits is a count, not an identifier."""
_NUMBER_TEXT: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ./-]*")
"""How a policy number is written: letters and digits, perhaps in groups (not ``max-age=3600``, a setting)."""
_HELD_DIGITS: Final = 4
"""The fewest digits of a policy number (``"H12345678"``; not ``"retry-3x"``)."""


def desk_line(words: list[str]) -> bool:
    """Whether the words of a phone field's name name a desk of an organisation (``support_phone``)."""
    if not _DESKS.isdisjoint(words):
        return True
    return any((a, b) in _DESK_PAIRS for a, b in pairwise(words))


def phone_line(value: Any) -> bool:
    """Whether ``value`` is a phone number alone (text or an int of 10 or 11 digits), nothing else beside it."""
    if type(value) is int:
        return 10**9 <= value < 10**11
    if type(value) is not str or len(value) > 40:
        return False
    written = _PHONE.fullmatch(value.strip())
    if written is None:
        return False
    number: str = written[1]  # the number's own digits, not its extension's
    if _SSN_SHAPE.fullmatch(number.strip()):
        return False  # "078-05-1120" under "clinic_phone": a person's number in a firm's field
    return 7 <= sum(c.isdigit() for c in number) <= 15


def system_mailbox(value: Any) -> bool:
    """Whether ``value`` is one e-mail address and a role mailbox (``noreply@org.example``)."""
    if type(value) is not str or len(value) > 254 or _EMAIL.fullmatch(value.strip()) is None:
        return False
    local, _, domain = value.strip().rpartition("@")
    return role_mailbox(local, domain)


def small_count(value: Any) -> bool:
    """Whether ``value`` is a number of one to three digits (as an int or as digits): a count, no identifier."""
    if type(value) is int:
        return -1000 < value < 1000
    return type(value) is str and 0 < len(value) <= 3 and value.isascii() and value.isdigit()


def holds_number(value: Any) -> bool:
    """Whether ``value`` (text, a number, or a short sequence of them) holds the digits of a policy number."""
    if isinstance(value, (list, tuple)):
        return 0 < len(value) <= 8 and all(holds_number(x) for x in value)
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    elif isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        return False
    text = str(value)
    return (
        len(text) <= 40 and _NUMBER_TEXT.fullmatch(text) is not None and sum(c.isdigit() for c in text) >= _HELD_DIGITS
    )


def policy_name(compact_key: str) -> bool:
    """Whether a field name (words run together) ends with ``policy``: a plan's or a program's policy."""
    return compact_key.endswith(("policy", "policies"))


def street_line(value: Any) -> bool:
    """Whether ``value`` is one line of street address and nothing else: it opens with the street's number, a box
    or a suite (``12 Main St, Springfield``), and holds no SSN's or date's digits, so a person's name or number
    written under a firm's address field (``Jane Roe, 12 Main St``, ``SSN 078-05-1120``) is not kept as one."""
    if type(value) is not str or not 0 < len(value) <= _MOST_ADDRESS or "\n" in value:
        return False
    line = value.strip()
    return _STREET_START.match(line) is not None and _NOT_STREET.search(line) is None
