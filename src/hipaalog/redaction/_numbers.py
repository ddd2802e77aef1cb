"""Detectors for identifiers with a shape of their own: found anywhere, confirmed by check digits.

SSNs (valid ranges only), NANP phone and fax numbers, payment cards (Luhn), NPIs (Luhn over
80840, after a cue), Medicare MBIs, DEA numbers (check digit), VINs (check digit or cue), MAC
addresses, IPv4 (not version strings) and IPv6 addresses, e-mail addresses, URLs that carry an
identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final
from urllib.parse import parse_qsl, urlsplit

from ._checks import dea_ok, digits_of, ipv4_ok, ipv6_ok, luhn_ok, nanp_ok, npi_ok, ssn_ok, vin_ok
from ._detector import Detector, Span
from ._gate import CARD, CUED, DEA, EMAIL, IPV4, MAC, MBI, PHONE, SSN, URL, VIN
from ._keys import DEFAULT_CATALOGUE, PERSON_WORDS, tokens

__all__ = [
    "CardDetector",
    "DeaDetector",
    "EmailDetector",
    "IPv4Detector",
    "IPv6Detector",
    "MacDetector",
    "MbiDetector",
    "NpiDetector",
    "PhoneDetector",
    "SsnDetector",
    "UrlDetector",
    "VinDetector",
]

_SSN_SHAPED: Final = re.compile(r"(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-]|\.\d)")
_SSN_CUED: Final = re.compile(
    r"(?i:\b(?:ssn|ss#|ss\s?no\.?|social\s+security(?:\s+(?:number|no\.?|#))?|soc\.?\s*sec\.?))"
    r"[^\w\n]{0,6}(?:(?i:is|was|of)\s+)?(\d{3})[- ]?(\d{2})[- ]?(\d{4})(?!\d)"
)


class SsnDetector(Detector):
    """SSNs written ``123-45-6789`` or ``123 45 6789``, or as nine digits after a cue (``SSN 123456789``)."""

    gate = SSN | CUED
    name = "ssn"
    kinds = ("SSN",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _SSN_SHAPED.finditer(text):
            if ssn_ok(match[1], match[3], match[4]):
                yield match.start(), match.end(), "SSN"
        for match in _SSN_CUED.finditer(text):
            if ssn_ok(match[1], match[2], match[3]):
                yield match.start(1), match.end(3), "SSN"


_PHONE: Final = re.compile(
    r"(?<![\w+.-])(?:(?:\+1|001|1)[-. ]?)?(?:\((\d{3})\)[ ]?|(\d{3})[-. ])(\d{3})[-. ](\d{4})"
    r"(?:[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6})?(?![\w-]|\.\d)"
)
_PHONE_PLUS: Final = re.compile(r"(?<![\w+])\+1[-. ]?(\d{3})[-. ]?(\d{3})[-. ]?(\d{4})(?![\w-]|\.\d)")
_PHONE_CUED: Final = re.compile(
    r"(?i:\b(?:phone|tel|telephone|cell|mobile|fax|ph|call|contact|callback|sms|text)\b)"
    r"[^\w\n]{0,4}(?:(?i:number|no\.?|#|is|at)[^\w\n]{0,3})?(?:1[-. ]?)?(\d{3})(\d{3})(\d{4})(?!\d)"
)
_FAX_CUE: Final = re.compile(r"(?i)\bfax\b")


class PhoneDetector(Detector):
    """North American phone and fax numbers with a valid area code and exchange (NANP).

    Formatted numbers (``(415) 555-0132``, ``415.555.0132``, ``+1 415 555 0132``, extensions) are
    found anywhere; ten bare digits only after a cue (``phone 4155550132``). A number with
    ``fax`` shortly before it is reported as ``FAX``.
    """

    gate = PHONE | CUED
    name = "phone"
    kinds = ("PHONE", "FAX")

    def find(self, text: str) -> Iterator[Span]:
        for match in _PHONE.finditer(text):
            if nanp_ok(match[1] or match[2], match[3]):
                yield match.start(), match.end(), self._kind(text, match.start())
        for regex in (_PHONE_PLUS, _PHONE_CUED):
            for match in regex.finditer(text):
                if nanp_ok(match[1], match[2]):
                    start = match.start() if regex is _PHONE_PLUS else match.start(1)
                    yield start, match.end(), self._kind(text, start)

    @staticmethod
    def _kind(text: str, start: int) -> str:
        return "FAX" if _FAX_CUE.search(text, max(0, start - 20), start) else "PHONE"


_CARD: Final = re.compile(r"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-]|\.\d)")


class CardDetector(Detector):
    """Payment card numbers: 13 to 19 digits (spaces or dashes allowed) passing the Luhn check."""

    gate = CARD
    name = "card"
    kinds = ("CARD",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _CARD.finditer(text):
            digits = digits_of(match[0])
            if digits[0] in "23456" and luhn_ok(digits) and digits.count(digits[0]) != len(digits):
                yield match.start(), match.end(), "CARD"


_NPI: Final = re.compile(r"(?i:\bnpi\b)[^\w\n]{0,4}(?:(?i:number|no\.?|#|is)[^\w\n]{0,3})?(\d{10})(?!\d)")


class NpiDetector(Detector):
    """National Provider Identifiers after ``NPI``: ten digits passing Luhn over the prefix 80840."""

    gate = CUED
    name = "npi"
    kinds = ("NPI",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _NPI.finditer(text):
            if npi_ok(match[1]):
                yield match.start(1), match.end(1), "NPI"


_MBI_LETTER = "AC-HJKMNP-RT-Y"
_MBI: Final = re.compile(
    rf"(?<![A-Za-z0-9])[1-9][{_MBI_LETTER}][{_MBI_LETTER}0-9][0-9]-?[{_MBI_LETTER}][{_MBI_LETTER}0-9][0-9]-?"
    rf"[{_MBI_LETTER}]{{2}}[0-9]{{2}}(?![A-Za-z0-9])"
)


class MbiDetector(Detector):
    """Medicare Beneficiary Identifiers (11 characters in the CMS format, dashes optional)."""

    gate = MBI
    name = "mbi"
    kinds = ("MBI",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _MBI.finditer(text):
            yield match.start(), match.end(), "MBI"


_DEA: Final = re.compile(r"(?<![A-Za-z0-9])[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}(?![A-Za-z0-9])")


class DeaDetector(Detector):
    """DEA registration numbers: two letters and seven digits with a correct check digit."""

    gate = DEA
    name = "dea"
    kinds = ("DEA",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _DEA.finditer(text):
            if dea_ok(match[0]):
                yield match.start(), match.end(), "DEA"


_VIN: Final = re.compile(r"(?<![A-Za-z0-9])(?=[0-9]*[A-HJ-NPR-Z])(?=[A-HJ-NPR-Z]*[0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])")
_VIN_CUE: Final = re.compile(r"(?i)\bvin\b")


class VinDetector(Detector):
    """Vehicle identification numbers: 17 characters with a valid check digit, or any such after ``VIN``."""

    gate = VIN
    name = "vin"
    kinds = ("VEHICLE",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _VIN.finditer(text):
            start = match.start()
            if vin_ok(match[0]) or _VIN_CUE.search(text, max(0, start - 16), start):
                yield start, match.end(), "VEHICLE"


_MAC: Final = re.compile(
    r"(?<![\w:.-])(?:[0-9A-Fa-f]{2}(:)(?:[0-9A-Fa-f]{2}:){4}[0-9A-Fa-f]{2}|[0-9A-F]{2}(-)(?:[0-9A-F]{2}-){4}[0-9A-F]{2})(?![\w:-])"
)


class MacDetector(Detector):
    """MAC addresses (device identifiers): six hex pairs joined by colons, or uppercase ones by dashes."""

    gate = MAC
    name = "mac"
    kinds = ("DEVICE",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _MAC.finditer(text):
            yield match.start(), match.end(), "DEVICE"


_IPV4: Final = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
_VERSION_BEFORE: Final = re.compile(
    r"(?i)(?:\bv|\bversion|\bver\.?|\brelease|\bbuild|\brev(?:ision)?|\bfirmware|\bfw|\bsdk|\bapi|\bschema|/|@|==|>=|<=|~=)"
    r"[\s:=]{0,2}$"
)


class IPv4Detector(Detector):
    """IPv4 addresses, except loopback, ``0.0.0.0``, broadcast, and version strings (``version 10.2.3.4``)."""

    gate = IPV4
    name = "ipv4"
    kinds = ("IP",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _IPV4.finditer(text):
            start = match.start()
            if ipv4_ok(match[0]) and not _VERSION_BEFORE.search(text, max(0, start - 12), start):
                yield start, match.end(), "IP"


_IPV6: Final = re.compile(r"(?<![\w:.])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}(?:\.\d{1,3}){0,3}(?:%[\w.]+)?")


class IPv6Detector(Detector):
    """IPv6 addresses (full, compressed, IPv4-mapped, with zone), except loopback and ``::``."""

    gate = MAC
    name = "ipv6"
    kinds = ("IP",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _IPV6.finditer(text):
            candidate = match[0]
            if not ipv6_ok(candidate):
                candidate = candidate.rstrip(":.")
                if not ipv6_ok(candidate):
                    continue
            yield match.start(), match.start() + len(candidate), "IP"


_EMAIL: Final = re.compile(r"(?<![\w.%+-])[\w.%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}(?![\w-])")


class EmailDetector(Detector):
    """E-mail addresses (``git@`` remotes excepted)."""

    gate = EMAIL
    name = "email"
    kinds = ("EMAIL",)

    def find(self, text: str) -> Iterator[Span]:
        if "@" not in text:
            return
        for match in _EMAIL.finditer(text):
            if not match[0].startswith("git@"):
                yield match.start(), match.end(), "EMAIL"


_URL: Final = re.compile(r"(?i)\b(?:https?|ftps?|wss?|sftp)://[^\s\"'<>`\\]+")
_PERSON_PATH: Final = frozenset(
    {"patient", "patients", "member", "members", "person", "persons", "people", "subscriber", "subscribers",
     "beneficiary", "beneficiaries", "user", "users", "profile", "profiles", "chart", "charts", "mrn", "record",
     "records", "relatedperson", "coverage", "claimant", "guarantor"}
)
_UUIDISH: Final = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")


def url_has_identifier(url: str) -> bool:
    """Whether a URL carries something that identifies a person.

    Credentials; a query parameter named like a PHI field or a person, or whose value holds an
    ``@`` or four digits; a path segment after a person resource (``/patients/123``), or holding
    five digits, an ``@`` or a UUID.
    """
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        netloc = parts.netloc
    except ValueError:
        return True
    if "@" in netloc:
        return True
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if not value:
            continue
        if "@" in value or sum(ch.isdigit() for ch in value) >= 4:
            return True
        info = DEFAULT_CATALOGUE.info(name)
        if info.kind is not None or info.kind_in_person is not None and info.person:
            return True
        if any(word in PERSON_WORDS for word in tokens(name)):
            return True
    after_person = False
    for segment in parts.path.split("/"):
        if not segment:
            continue
        if after_person and "." not in segment:
            return True
        if "@" in segment or sum(ch.isdigit() for ch in segment) >= 5 or _UUIDISH.search(segment):
            return True
        after_person = segment.lower() in _PERSON_PATH
    return bool(parts.fragment and sum(ch.isdigit() for ch in parts.fragment) >= 4)


class UrlDetector(Detector):
    """URLs carrying an identifier in credentials, path or query (see :func:`url_has_identifier`)."""

    gate = URL
    name = "url"
    kinds = ("URL",)

    def find(self, text: str) -> Iterator[Span]:
        if "://" not in text:
            return
        for match in _URL.finditer(text):
            url = match[0].rstrip(".,;:!?)]}")
            if url_has_identifier(url):
                yield match.start(), match.start() + len(url), "URL"
