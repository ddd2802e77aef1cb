"""Check digits and number plans: what tells a real identifier from a look-alike."""

from __future__ import annotations

import ipaddress
import re
from typing import Final

from ._near import initials_first

__all__ = [
    "NATIONAL_PHONE_SCREEN",
    "PHONE_00",
    "PHONE_LOCAL",
    "PHONE_NATIONAL",
    "bare_number_kind",
    "dea_ok",
    "digits_of",
    "hex_token",
    "ip_private",
    "ipv4_ok",
    "ipv6_ok",
    "luhn_ok",
    "nanp_ok",
    "npi_ok",
    "spelled_at",
    "ssn_ok",
    "timestamp_ok",
    "vin_ok",
]

_DIGITS: Final = frozenset("0123456789")


def digits_of(text: str) -> str:
    """The ASCII digits of ``text``, in order."""
    return "".join(ch for ch in text if ch in _DIGITS)


_HEX_TOKEN: Final = re.compile(r"[0-9a-fA-F]{8,}")


def hex_token(text: str) -> bool:
    """Whether ``text`` is a run of eight hex digits or more with letters and digits (``7e90d3593a``): a digest or
    a link's token, which no person picks as a handle; ``jroe41890`` and ``0`` are not."""
    return _HEX_TOKEN.fullmatch(text) is not None and not text.isdigit() and any(ch in _DIGITS for ch in text)


def luhn_ok(digits: str) -> bool:
    """Whether ``digits`` passes the Luhn (mod 10) check."""
    total = 0
    for index, ch in enumerate(reversed(digits)):
        value = ord(ch) - 48
        if index & 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def ssn_ok(area: str, group: str, serial: str) -> bool:
    """Whether an SSN could have been issued: area 000, 666 and 900-999, group 00, serial 0000 never are."""
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def timestamp_ok(digits: str) -> bool:
    """Whether 14 digits read as a date and time ``YYYYMMDDHHMMSS`` (an HL7 timestamp, not a card number)."""
    return (
        digits[:2] in ("19", "20")
        and "01" <= digits[4:6] <= "12"
        and "01" <= digits[6:8] <= "31"
        and digits[8:10] <= "23"
        and digits[10:12] <= "59"
        and digits[12:14] <= "60"
    )


def nanp_ok(area: str, exchange: str) -> bool:
    """Whether a number has the North American shape: NXX area and NXX exchange (N is 2 to 9).

    Service (N11) and reserved (N9X) area codes pass: a number written as a phone number is masked
    even when its area code is not (yet) assigned, as test data and typos are.
    """
    return area[0] not in "01" and exchange[0] not in "01"


def npi_ok(npi: str) -> bool:
    """Whether a 10-digit NPI is valid: first digit 1 or 2, Luhn over the card prefix 80840."""
    return len(npi) == 10 and npi[0] in "12" and luhn_ok("80840" + npi)


def dea_ok(number: str) -> bool:
    """Whether a DEA registration number (two letters, seven digits) has a correct check digit."""
    d = [ord(ch) - 48 for ch in number[2:]]
    if len(d) != 7 or any(not 0 <= x <= 9 for x in d):
        return False
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


_VIN_VALUES: Final = {
    **{str(n): n for n in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS: Final = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_ok(vin: str) -> bool:
    """Whether a 17-character VIN has a correct check digit (position 9, North American rule)."""
    if len(vin) != 17:
        return False
    try:
        total = sum(_VIN_VALUES[ch] * w for ch, w in zip(vin, _VIN_WEIGHTS, strict=True))
    except KeyError:
        return False
    check = total % 11
    return vin[8] == ("X" if check == 10 else str(check))


def ipv4_ok(text: str) -> bool:
    """Whether ``text`` is a dotted-quad address that can point at someone (not loopback, 0.0.0.0 or broadcast)."""
    parts = text.split(".")
    if len(parts) != 4 or any(not p or len(p) > 3 or int(p) > 255 for p in parts):
        return False
    return parts[0] not in ("127", "0") and text != "255.255.255.255"


def ipv6_ok(text: str) -> bool:
    """Whether ``text`` is an IPv6 address other than loopback and the unspecified address."""
    try:
        address = ipaddress.IPv6Address(text.split("%", 1)[0])
    except ValueError:
        return False
    return not (address.is_loopback or address.is_unspecified)


def ip_private(text: str) -> bool:
    """Whether an address (IPv4, or IPv6 with an optional zone) is private, unique-local or link-local
    (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7, fe80::/10, and those mapped into IPv6)."""
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    networks = _PRIVATE_V4 if isinstance(address, ipaddress.IPv4Address) else _PRIVATE_V6
    return any(address in network for network in networks)


_PRIVATE_V4: Final = tuple(
    ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16")
)
_PRIVATE_V6: Final = (ipaddress.IPv6Network("fc00::/7"), ipaddress.IPv6Network("fe80::/10"))


def spelled_at(text: str) -> bool:
    """Whether ``text`` may hold an address with ``at`` or ``dot`` spelled out (``jane [at] example [dot] com``):
    a few substring checks, so text without one pays nothing more."""
    return "[at]" in text or "(at)" in text or " dot " in text or "[AT]" in text or "(AT)" in text or " DOT " in text


PHONE_00: Final = re.compile(r"0(?<![\w+.-]0)0[1-9][0-9]{0,2}(?:[-. ]?\(0\))?(?:[-. ]?[0-9]){7,12}(?![\w-]|\.[0-9])")
"""A number dialled with the international prefix ``00`` (``0049 30 1234567``): read after a contact cue only."""
PHONE_NATIONAL: Final = re.compile(
    r"0(?<![\w+.-]0)(?:[1-9][0-9]{0,4}(?:([-. ])[0-9]{2,8}(?:\1[0-9]{2,8}){0,3}|[- ][0-9]{2,8}(?:[- ][0-9]{2,8}){0,3})"
    r"|[1-9][0-9]{8,10})(?![\w-]|\.[0-9])"
)
"""A number outside North America in national form, with its trunk ``0`` (``07700 900123``, ``030 1234567``,
``06 12 34 56 78``, ``0412 345 678``): read after a contact cue only."""
NATIONAL_PHONE_SCREEN: Final = re.compile(
    r"0(?<![\w+.,/-]0)(?:[1-9]([ .])[0-9]{2}(?:\1[0-9]{2}){3}|7[1-9][0-9]{2}[ ][0-9]{6})"
    r"(?![\w/-]|[.,][0-9])"
)
"""France's five pairs (spaces or dots, one kind) and a British mobile after its ``07`` (``07700 900123``): numbers
with no word before them."""
PHONE_LOCAL: Final = initials_first(
    r"(?<![\w+.(-])(?:\([1-9][0-9]\)[ ]?9?[0-9]{4}-?[0-9]{4}"
    r"|[1-9][0-9][ ](?:9[0-9]{4}-[0-9]{4}|[0-9]{4}[ ][0-9]{4})"
    r"|8[ ]?\([0-9]{3}\)[ ]?[0-9]{3}-[0-9]{2}-[0-9]{2}"
    r"|[6-9][0-9]{2}(?:[ ][0-9]{2}){3}"
    r"|[5-9][0-9]{2}([ -])[0-9]{3}\1[0-9]{3}"
    r"|[6-9][0-9]{4}[ ][0-9]{5}"
    r"|3[0-9]{2}[ ][0-9]{3}[ ][0-9]{3,4})(?![\w-]|[.,][0-9])"
)
"""National forms without a trunk ``0``: Brazil (``(11) 91234-5678``, ``11 91234-5678``), Mexico (``55 1234
5678``), Russia (``8 (916) 123-45-67``), Spain and Poland (``612 34 56 78``, ``612 345 678``), India (``98765
43210``), Italy's mobiles (``312 345 6789``): read after a contact cue only."""


def bare_number_kind(value: str | int) -> str | None:
    """``PHONE`` or ``SSN`` for a value that is nothing but the digits of one (``8752617223``,
    ``18752617223``, ``219099999``), or a phone number in another country's national form (``0151
    12345678``, ``(11) 91234-5678``), else ``None``: what a bare number under a person's key is."""
    text = value if isinstance(value, str) else str(value)
    if not (9 <= len(text) <= 11 and text.isascii() and text.isdigit()):
        return _national_phone(text)
    if len(text) == 11 and text[0] == "1":
        text = text[1:]
    if len(text) == 10:
        return "PHONE" if nanp_ok(text[:3], text[3:6]) else None
    if len(text) == 9:
        return "SSN" if ssn_ok(text[:3], text[3:5], text[5:]) else None
    return None


def _national_phone(text: str) -> str | None:
    """``PHONE`` when ``text`` is a whole phone number in a national form or dialled with ``00``."""
    if not 9 <= len(text) <= 20 or not (text[:1].isdigit() or text[:1] == "("):
        return None
    shaped = PHONE_NATIONAL.fullmatch(text) or PHONE_LOCAL.fullmatch(text) or PHONE_00.fullmatch(text)
    return "PHONE" if shaped is not None and 9 <= len(digits_of(text)) <= 13 else None
