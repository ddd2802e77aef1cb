"""Detectors for identifiers with a shape of their own: found anywhere, confirmed by check digits.

SSNs (valid ranges only), NANP phone and fax numbers, payment cards (Luhn), NPIs (Luhn over
80840, after a cue), Medicare MBIs, DEA numbers (check digit), VINs (check digit or cue), MAC
addresses, IPv4 (not version strings) and IPv6 addresses, e-mail addresses, URLs that carry an
identifier.

Every pattern starts with a character class (digits, ``@``...), so the regex engine skips plain
text quickly; boundaries and cues are checked in Python on the few candidates.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Final
from urllib.parse import unquote_plus, urlsplit

from ._checks import (
    PHONE_00,
    PHONE_LOCAL,
    PHONE_NATIONAL,
    dea_ok,
    digits_of,
    hex_token,
    ip_private,
    ipv4_ok,
    ipv6_ok,
    luhn_ok,
    nanp_ok,
    npi_ok,
    spelled_at,
    ssn_ok,
    timestamp_ok,
    vin_ok,
)
from ._cues import (
    CONTACT_PREPOSITIONS,
    CONTACT_SENTENCE_WORDS,
    CONTACT_WORDS,
    CUED_IDS,
    PHONES,
    words_after,
    words_before,
)
from ._detector import BaseDetector, Span
from ._gate import CARD, CUED, DEA, EMAIL, IPV4, MAC, MBI, PHONE, SSN, URL, VIN
from ._keys import DEFAULT_CATALOGUE, PERSON_WORDS, tokens
from ._lexicon import ENGLISH, unknown_word
from ._message_ids import message_id_at
from ._name_domains import BARE_HOST_HINT, bare_hosts, dotted_name_host, named_in_text
from ._name_table import AMBIGUOUS_GIVEN, GIVEN, SURNAME_RANK
from ._near import CueIndex
from ._personal_hosts import firm_label, frequent_surname, given_and_unknown, personal_host, trade_label
from ._role_mail import role_mailbox
from ._values import SEARCH_DATE_KEYS, full_date
from ._vocab import FIRST_NAMES, SURNAMES

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
    "PrivateIpDetector",
    "SsnDetector",
    "UrlDetector",
    "VinDetector",
    "url_has_identifier",
    "url_identifier_spans",
]

_SSN: Final = re.compile(r"[0-9](?<![0-9][0-9])[0-9]{2}(?:([- ./_])[0-9]{2}\1|[0-9]{2})[0-9]{4}(?![0-9]|\.[0-9])")
"""Nine digits, or 3-2-4 groups joined by dashes, spaces, dots, slashes or underscores; what is around them
is judged in :meth:`SsnDetector.find`."""


class SsnDetector(BaseDetector):
    """SSNs written ``123-45-6789``, ``123 45 6789`` or ``123.45.6789`` anywhere, glued to a short word
    (``ID123-45-6789``, ``'123-45-6789x'``), or as nine digits, ``123/45/6789`` or ``123_45_6789`` with a cue
    before (``SSN 123456789``, ``ssn_123_45_6789.pdf``, ``SSN123456789``) or after (``123456789 (SSN)``);
    numbers in never-issued ranges (area 000, 666, 9xx; group 00; serial 0000) are not SSNs."""

    gate = SSN | CUED
    name = "ssn"
    kinds = ("SSN",)

    def find(self, text: str) -> Iterator[Span]:
        cues = _SSN_CUES.scope(text)
        for match in _SSN.finditer(text):
            value, sep, start = match[0], match[1], match.start()
            digits = value if sep is None else value.replace(sep, "")
            if ssn_ok(digits[:3], digits[3:5], digits[5:]) and _ssn_context(text, match, cues.near(start)):
                yield start, match.end(), "SSN"


def _ssn_context(text: str, match: re.Match[str], cue_near: bool) -> bool:
    """Whether what surrounds a 9-digit candidate makes it an SSN (see :class:`SsnDetector`)."""
    sep, start, end = match[1], match.start(), match.end()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    glued = glued_word(text, start)
    if (before == "-" and glued not in _SSN_GLUED) or after == "-" or after.isdigit():
        return False
    if sep in ("-", " ") and glued not in _NOT_SSN_GLUED and (sep == "-" or not after.isalpha()):
        return True  # as written: no cue needed, and a short word glued before is a label
    if after.isalpha() or (before.isalnum() and glued not in _SSN_GLUED):
        return False
    if sep == ".":
        return not _dotted_version(text, start)
    if glued in _SSN_GLUED or _cue_after(text, end, _SSN_AFTER):
        return True
    return cue_near and CUED_IDS.before(text, start) == "SSN"


_SSN_CUES: Final = CueIndex(["ssn", "ss", "social", "security", "soc", "sec"])
_SSN_GLUED: Final = frozenset({"ssn", "ss", "ssno", "soc", "socsec", "social", "ssnum"})
"""Words glued before an SSN that announce one (``SSN123456789``, ``ssn_123_45_6789``, ``ssn-123-45-6789``)."""
_SSN_AFTER: Final = frozenset({"ssn", "ss", "social", "soc"})
"""Words just after nine digits that say they are an SSN (``123456789 (SSN)``)."""
_NOT_SSN_GLUED: Final = frozenset(
    {"v", "ver", "version", "build", "rev", "release", "order", "ord", "inv", "invoice", "ref", "po", "ticket", "tkt"}
    | {"case", "inc", "chg", "req", "sku", "lot", "batch", "job", "run", "trace", "span", "tx", "txn", "x"}
)
"""Words glued before 3-2-4 digit groups that make them a version or a reference, not an SSN."""
_GLUED_WORD: Final = re.compile(r"[_#:-]?([A-Za-z]{1,12})(?<![A-Za-z0-9][A-Za-z]{12})")


def glued_word(text: str, start: int) -> str:
    """The word glued before ``text[start]`` (``SSN`` of ``SSN123``, ``tel`` of ``tel_415``, ``SSN`` of
    ``patientSSN123``), in lower case; ``""`` when there is none or it is glued to digits itself (``a1b2c3``)."""
    if not start or not (text[start - 1].isalpha() or text[start - 1] in "_#:-"):
        return ""
    chunk = text[max(0, start - 14) : start][::-1]
    match = _GLUED_WORD.match(chunk)
    if match is None:
        return ""
    word = match[1][::-1]
    rest = chunk[match.end() : match.end() + 1]
    if rest.isdigit():
        return ""
    if not word.isupper() and not word.islower():
        tail = len(word)
        while tail and word[tail - 1].isupper():
            tail -= 1
        word = word[tail:] if tail < len(word) else word  # patientSSN -> SSN
    return word.lower()


def _cue_after(text: str, end: int, words: frozenset[str]) -> bool:
    """Whether one of ``words`` follows a number, bare or in brackets (``123456789 (SSN)``, ``... cell``)."""
    after = words_after(text[end : end + 24].lstrip(" ([{"), 0, 1)
    return bool(after) and after[0] in words


def _dotted_version(text: str, start: int) -> bool:
    """Whether dotted digit groups at ``start`` follow a version word (``version 123.45.6789``)."""
    before = text[max(0, start - 1) : start]
    if before in ("v", "V", "=", "/", "@"):
        return True
    previous = words_before(text, start, 1)
    return bool(previous) and previous[0] in _VERSION_WORDS


_PHONE: Final = re.compile(
    r"(?:\(([0-9]{3})\)[ ]?|([0-9]{3})[-./ ])([0-9]{3})[-. ]([0-9]{4})"
    r"(?:[ ]?(?:x|ext\.?|extension|X|EXT\.?)[ ]?[0-9]{1,6})?(?![\w-]|\.[0-9])"
)
_PHONE_PLUS: Final = re.compile(r"\+1[-. ]?\(?([0-9]{3})\)?[-. ]?([0-9]{3})[-. ]?([0-9]{4})(?![\w-]|\.[0-9])")
_PHONE_INTL: Final = re.compile(r"\+(?<![\w+]\+)[2-9][0-9]{0,2}(?:[-. ]?\(0\))?(?:[-. ]?[0-9]){7,12}(?![\w-]|\.[0-9])")
"""A number outside North America in international form (``+44 20 7946 0958``, ``+49 (0)30 901820``,
``+33612345678``): a country code and 8 to 13 digits in all."""
_PHONE_BARE: Final = re.compile(r"[0-9](?<![0-9.+][0-9])(?:[0-9]{9}|[-. ]?[0-9]{10})(?![A-Za-z0-9-]|\.[0-9])")
"""Ten bare digits (eleven with a leading 1); a word glued before them is judged in :meth:`PhoneDetector.find`."""
_PHONE_GLUED: Final = frozenset(
    {"phone", "ph", "tel", "telephone", "cell", "cel", "mobile", "mob", "fax", "sms", "callback", "cb", "whatsapp"}
)
"""Words glued before a phone number that announce one (``tel4155550132``, ``phone_4155550132``, ``FAX:...``)."""
_PHONE_AFTER: Final = _PHONE_GLUED | {"home", "work", "office", "landline", "direct", "pager", "emergency"}
"""Words just after ten digits that say they are a phone number (``4155550132 (cell)``)."""
_STRONG_PHONE_CUES: Final = frozenset({"phone", "tel", "telephone", "cell", "mobile", "callback", "fax", "sms"})
"""Cues that announce a phone number a word or two ahead (``work``, ``home``, ``call`` only right before it)."""
_FAX: Final = frozenset({"fax"})
_PHONE_PREFIX: Final = re.compile(r"(?:^|(?<=[^\w+.-]))(?:\+1|001|1)[-. ]?$")


_PHONE_SPACED: Final = re.compile(r"[0-9](?<![\w.][0-9])(?:[ ][0-9]){9,10}(?![\w.]|[ ][0-9])")
"""Ten digits (eleven with a leading 1) written one by one (``phone 4 1 5 5 5 5 0 1 3 2``): after a phone cue only."""
_CONTACT_CUES: Final = CONTACT_WORDS
_SPACED_HINT: Final = re.compile(r" [0-9] [0-9] [0-9] ")
"""What every match of :data:`_PHONE_SPACED` holds; searched from each space, not from each digit of the text."""
_SENTENCE_PHONE_CUES: Final = frozenset({"phone", "telephone", "mobile", "cell", "sms", "fax", "whatsapp", "landline"})
"""Words that make ten bare NANP digits in the same sentence a phone number (``The 'To' number 4155550132 is
not a valid phone number``)."""
_NOT_PHONE_BEFORE: Final = frozenset(
    {"id", "#", "no", "order", "invoice", "ref", "ticket", "case", "build", "version", "epoch", "ts", "timestamp"}
    | {"count", "total", "amount", "size", "bytes", "took", "elapsed", "latency", "duration", "offset", "seq", "port"}
    | {"pid", "process", "thread", "job", "task", "batch", "run", "record", "row"}
)
_NOT_PHONE_AFTER: Final = frozenset(
    {"ms", "ns", "us", "s", "sec", "secs", "seconds", "bytes", "b", "kb", "mb", "gb", "rows", "records", "items"}
    | {"times", "tokens", "calls", "requests", "usd", "cents", "points", "records", "entries", "messages", "events"}
)
_WORD: Final = re.compile(r"[A-Za-z]+")


def _bare_phone_kind(text: str, start: int, end: int) -> str | None:
    """The kind of ten bare NANP digits at ``text[start:end]``: a cue glued before, written after, up to two
    words before, or elsewhere in the sentence makes them a phone number; an id word or a unit never."""
    glued = glued_word(text, start)
    if glued in _PHONE_GLUED:
        return "FAX" if glued == "fax" else "PHONE"
    if start and (text[start - 1].isalpha() or text[start - 1] in "_-"):
        return None  # glued to another word: an id (``ID4155550132``, ``build-4155550132``)
    if _cue_after(text, end, _PHONE_AFTER):
        return "FAX" if _cue_after(text, end, _FAX) else "PHONE"
    words = words_before(text, start, 4)
    kind = PHONES.match(words)
    vetoed = bool(words) and words[-1] in _NOT_PHONE_BEFORE
    for drop in (1, 2):  # "callback requested at 4155550134": a word or two between cue and number
        if kind is None and not vetoed and len(words) > drop and words[-drop - 1] in _STRONG_PHONE_CUES:
            kind = PHONES.match(words[:-drop])
    if kind is None and (_phone_in_sentence(text, start, end, words) or _contact_cue(text, start, end)):
        kind = "PHONE"  # "... not a valid phone number", "with wife Jane Roe (4155550132)"
    return kind


def _phone_in_sentence(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether a phone word shares the sentence of a number that no id word precedes and no unit follows."""
    if (words and words[-1] in _NOT_PHONE_BEFORE) or CUED_IDS.match(words) is not None:
        return False
    after = words_after(text, end, 1)
    if after and after[0] in _NOT_PHONE_AFTER:
        return False
    return not _SENTENCE_PHONE_CUES.isdisjoint(_sentence_words(text, start, end))


def _sentence_words(text: str, start: int, end: int) -> list[str]:
    """The lowercase words of the sentence around ``text[start:end]`` (80 characters each way at most)."""
    left = text[max(0, start - 80) : start]
    right = text[end : end + 80]
    for mark in (". ", "; ", "\n", "! ", "? "):
        cut = left.rfind(mark)
        if cut >= 0:
            left = left[cut + len(mark) :]
        cut = right.find(mark)
        if cut >= 0:
            right = right[:cut]
    return [word.lower() for word in _WORD.findall(left + " " + right)]


def _contact_cue(text: str, start: int, end: int) -> bool:
    """Whether a phone or contact word comes up to six words before a non-US number (``NOK: Jane Roe``,
    ``Rückruf an Frau Roe unter``), or a preposition does with a phone word in its sentence (``sms ... from``)."""
    words = words_before(text, start, 6)
    if (words and words[-1] in _NOT_PHONE_BEFORE) or CUED_IDS.match(words) is not None:
        return False
    after = words_after(text, end, 1)
    if after and after[0] in _NOT_PHONE_AFTER:
        return False
    if not _CONTACT_CUES.isdisjoint(words):
        return True
    return (
        bool(words)
        and words[-1] in CONTACT_PREPOSITIONS
        and not CONTACT_SENTENCE_WORDS.isdisjoint(_sentence_words(text, start, end))
    )


class PhoneDetector(BaseDetector):
    """North American phone and fax numbers with a valid area code and exchange (NANP), and numbers in
    international form with another country code (``+44 20 7946 0958``).

    Formatted numbers (``(415) 555-0132``, ``415.555.0132``, ``1-415-555-0132``, ``+1 415 555 0132``,
    extensions) are found anywhere; ten bare digits only up to two words after a cue (``phone 4155550132``,
    ``callback requested at 4155550132``). A
    number after ``fax`` is reported as ``FAX``.
    """

    gate = PHONE | CUED
    name = "phone"
    kinds = ("PHONE", "FAX")

    def find(self, text: str) -> Iterator[Span]:
        for match in _PHONE.finditer(text):
            start = match.start()
            if start:
                before = text[start - 1]
                if before.isalnum() or before in "_+.-" or (before == " " and text[start - 2 : start - 1] in ("-",)):
                    prefix = _PHONE_PREFIX.search(text, max(0, start - 5), start)
                    if prefix is not None:
                        start = prefix.start()
                    elif glued_word(text, start) not in _PHONE_GLUED:
                        continue
                elif before == " ":
                    prefix = _PHONE_PREFIX.search(text, max(0, start - 5), start)
                    if prefix is not None:
                        start = prefix.start()
            if nanp_ok(match[1] or match[2], match[3]):
                yield start, match.end(), self._kind(text, start)
        if "+1" in text:
            for match in _PHONE_PLUS.finditer(text):
                stuck = match.start() > 0 and text[match.start() - 1].isalnum()
                if nanp_ok(match[1], match[2]) and (not stuck or glued_word(text, match.start()) in _PHONE_GLUED):
                    yield match.start(), match.end(), self._kind(text, match.start())
        if "+" in text:
            for match in _PHONE_INTL.finditer(text):
                if match[0][1:].isdigit() and len(match[0]) < 11:
                    continue  # unformatted and short: a signed count (+20000000) as often as a number
                yield match.start(), match.end(), self._kind(text, match.start())
        for match in _PHONE_BARE.finditer(text):
            digits = digits_of(match[0])[-10:]
            if nanp_ok(digits[:3], digits[3:6]):
                kind = _bare_phone_kind(text, match.start(), match.end())
                if kind is not None:
                    yield match.start(), match.end(), kind
        for match in _PHONE_SPACED.finditer(text) if " " in text and _SPACED_HINT.search(text) else ():
            digits = digits_of(match[0])[-10:]
            if nanp_ok(digits[:3], digits[3:6]) and PHONES.before(text, match.start(), 3) is not None:
                yield match.start(), match.end(), self._kind(text, match.start())
        if "00" in text:
            for match in PHONE_00.finditer(text):
                if _contact_cue(text, match.start(), match.end()):
                    yield match.start(), match.end(), self._kind(text, match.start())
        for match in PHONE_NATIONAL.finditer(text):
            if 9 <= len(digits_of(match[0])) <= 12 and _contact_cue(text, match.start(), match.end()):
                yield match.start(), match.end(), self._kind(text, match.start())
        if " " in text:
            for match in PHONE_LOCAL.finditer(text):
                if _contact_cue(text, match.start(), match.end()):
                    yield match.start(), match.end(), self._kind(text, match.start())

    @staticmethod
    def _kind(text: str, start: int) -> str:
        return "FAX" if PHONES.before(text, start, 3) == "FAX" else "PHONE"


_CARD: Final = re.compile(r"[0-9](?<![\w-][0-9])(?<![0-9]\.[0-9])(?:[ -]?[0-9]){12,18}(?![\w-]|\.[0-9])")


class CardDetector(BaseDetector):
    """Payment card numbers: 13 to 19 digits (spaces or dashes allowed) passing the Luhn check."""

    gate = CARD
    name = "card"
    kinds = ("CARD",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _CARD.finditer(text):
            if _card_ok(digits_of(match[0])):
                yield match.start(), match.end(), "CARD"
                continue
            # "200 4111 1111 1111 1111": a number next to the card made the run too long; drop up to two
            # groups at either end (a bounded number of tries: linear time on any run of digit groups)
            groups = [(g.start(), g.end()) for g in _DIGIT_GROUP.finditer(match[0])]
            span = _card_within(match[0], groups)
            if span is not None:
                yield match.start() + span[0], match.start() + span[1], "CARD"


def _card_within(run: str, groups: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of a card number made of whole groups of ``run``, dropping at most two groups at each end."""
    digits = digits_of(run)
    counts = [0]  # digits in the first k groups
    for start, end in groups:
        counts.append(counts[-1] + end - start)
    size = len(groups)
    for first in range(min(3, size)):
        for last in range(size, max(first, size - 3), -1):
            if 13 <= counts[last] - counts[first] <= 19 and _card_ok(digits[counts[first] : counts[last]]):
                return groups[first][0], groups[last - 1][1]
    return None


_DIGIT_GROUP: Final = re.compile(r"[0-9]+")


def _card_ok(digits: str) -> bool:
    return (
        13 <= len(digits) <= 19
        and digits[0] in "23456"
        and digits.count(digits[0]) != len(digits)
        and luhn_ok(digits)
        and not (len(digits) == 14 and timestamp_ok(digits))
    )


_TEN_DIGITS: Final = re.compile(r"[0-9](?<![\w][0-9])[0-9]{9}(?![0-9])")


class NpiDetector(BaseDetector):
    """National Provider Identifiers after ``NPI``: ten digits passing Luhn over the prefix 80840."""

    gate = CUED
    name = "npi"
    kinds = ("NPI",)

    def find(self, text: str) -> Iterator[Span]:
        if "npi" not in text and "NPI" not in text and "Npi" not in text:
            return
        for match in _TEN_DIGITS.finditer(text):
            if npi_ok(match[0]) and CUED_IDS.before(text, match.start()) == "NPI":
                yield match.start(), match.end(), "NPI"


_MBI_LETTER = "AC-HJKMNP-RT-Y"
_MBI: Final = re.compile(
    rf"[1-9](?<![A-Za-z0-9][1-9])[{_MBI_LETTER}][{_MBI_LETTER}0-9][0-9]-?[{_MBI_LETTER}][{_MBI_LETTER}0-9][0-9]-?"
    rf"[{_MBI_LETTER}]{{2}}[0-9]{{2}}(?![A-Za-z0-9])"
)


class MbiDetector(BaseDetector):
    """Medicare Beneficiary Identifiers (11 characters in the CMS format, dashes optional)."""

    gate = MBI
    name = "mbi"
    kinds = ("MBI",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _MBI.finditer(text):
            yield match.start(), match.end(), "MBI"


_DEA: Final = re.compile(r"[ABCDEFGHJKLMPRSTUX](?<![A-Za-z0-9][A-Z])[A-Z9][0-9]{7}(?![A-Za-z0-9])")


class DeaDetector(BaseDetector):
    """DEA registration numbers: two letters and seven digits with a correct check digit (not after ``order``,
    ``invoice``, ``ref``... where the same shape is a reference number)."""

    gate = DEA
    name = "dea"
    kinds = ("DEA",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _DEA.finditer(text):
            if dea_ok(match[0]) and not _ORDER_BEFORE.search(text, max(0, match.start() - 24), match.start()):
                if "|" in text and _order_field(text, match.start()):
                    continue  # OBR-3 "AB1234563": a filler order number of the same shape
                yield match.start(), match.end(), "DEA"


_ORDER_SEGMENT: Final = re.compile(r"(?:^|[\r\n]|\\r)(?:OBR|ORC|SPM|TXA|OBX)\|([^\r\n\\]*)$")


def _order_field(text: str, start: int) -> bool:
    """Whether ``start`` is in the first fields of an HL7 order or result segment (placer and filler numbers)."""
    segment = _ORDER_SEGMENT.search(text, max(0, start - 160), start)
    return segment is not None and segment[1].count("|") < 4


_ORDER_BEFORE: Final = re.compile(
    r"(?i:order|ord|invoice|inv|po|ref|reference|confirmation|conf|tracking|ticket|case|booking|reservation|"
    r"shipment|rma|sku|item|part|batch|lot)(?:[ _.-]?(?:id|no|num|number|nbr|#))?[ ]?[:=#]?[ ]?[\"']?$"
)
"""Words before a number of two letters and seven digits that make it an order or a reference, not a DEA number."""


_VIN: Final = re.compile(
    r"[A-HJ-NPR-Za-hj-npr-z0-9](?<![A-Za-z0-9][A-HJ-NPR-Za-hj-npr-z0-9])[A-HJ-NPR-Za-hj-npr-z0-9]{16}(?![A-Za-z0-9])"
)
"""17 characters a VIN may hold, in capitals or (after its cue only) in small letters."""


_NOT_HEX: Final = frozenset("ghjklmnprstuvwxyz")


def lower_vin(vin: str) -> bool:
    """Whether a token of 17 small letters and digits proves itself a VIN with no cue: its check digit holds, its
    serial ends in four digits, and a letter no hex digit is among its first eleven (a random hex id of this length
    passes the first two about once in 120; base32, base36 ids and ULIDs far less often)."""
    return vin[-4:].isdigit() and vin_ok(vin.upper()) and not _NOT_HEX.isdisjoint(vin[:11])


class VinDetector(BaseDetector):
    """Vehicle identification numbers: 17 characters with a valid check digit, or any such after ``VIN`` (there
    in small letters too; with no cue, in small letters only as :func:`lower_vin` says)."""

    gate = VIN | CUED
    name = "vin"
    kinds = ("VEHICLE",)

    def find(self, text: str) -> Iterator[Span]:
        if len(text) < 17:
            return
        for match in _VIN.finditer(text):
            vin = match[0]
            if vin.isdigit() or vin.isalpha():
                continue
            if not vin.isupper():  # "vin 1hgcm82633a004352": typed in small letters, after its cue or proved
                if vin.islower() and (lower_vin(vin) or CUED_IDS.before(text, match.start()) == "VEHICLE"):
                    yield match.start(), match.end(), "VEHICLE"
                continue
            if (
                (vin_ok(vin) and vin[-4:].isdigit())
                or CUED_IDS.before(text, match.start()) == "VEHICLE"
                or (vin[-4:].isdigit() and _vehicle_word_before(text, match.start()))
            ):
                yield match.start(), match.end(), "VEHICLE"


_VEHICLE_WORDS: Final = frozenset(
    {"car", "auto", "truck", "van", "motorcycle", "ride", "fin", "fahrzeug", "fahrgestellnummer", "kfz", "chassis"}
    | {"véhicule", "vehicule", "vehiculo", "vehículo", "veículo", "veiculo", "voiture", "coche", "carro", "wagen"}
)
"""Words of a vehicle before a VIN whose check digit is not North America's (Europe's and Asia's have none):
``FIN WVWZZZ1JZXW000001``, ``numéro de série du véhicule VF1AB000123456789``, ``car ...``."""


def _vehicle_word_before(text: str, start: int) -> bool:
    """Whether a vehicle's word is among the five words before ``start`` (``Fahrzeug-Ident-Nr.`` read in parts)."""
    for word in words_before(text, start):
        if word in _VEHICLE_WORDS or ("-" in word and not _VEHICLE_WORDS.isdisjoint(word.split("-"))):
            return True
    return False


_MAC: Final = re.compile(
    r"[0-9A-Fa-f](?<![\w:.-][0-9A-Fa-f])[0-9A-Fa-f]:(?:[0-9A-Fa-f]{2}:){4}[0-9A-Fa-f]{2}(?![\w:-])"
)
_MAC_HINT: Final = re.compile(r":[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}:")
"""The middle of every :data:`_MAC` match (its second to fifth colons), asked first: it opens with a colon the
engine skips to, where the whole pattern is tried at every hex digit (times of day have two colons only)."""


_DASHED_MAC: Final = re.compile(r"[0-9A-Fa-f](?<![\w:.-][0-9A-Fa-f])[0-9A-Fa-f](?:-[0-9A-Fa-f]{2}){5}(?![\w:-])")
"""A MAC address with dashes (``3A-84-31-20-C5-C1``, the Windows and IEEE form)."""
_CUED_MAC: Final = re.compile(
    r"[0-9A-Fa-f](?<![\w:.-][0-9A-Fa-f])(?:[0-9A-Fa-f]{3}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{11})(?![\w:.-])"
)
"""A MAC address in Cisco's dotted form (``3a84.3120.c5c1``) or as twelve bare hex digits: a device's only after
a word that says so (``mac``, ``hwaddr``, ``bssid``)."""
_MAC_WORD: Final = re.compile(r"(?=[MmHhBb])(?i:mac|hwaddr|bssid)")
"""A word announcing a MAC address, asked before :data:`_CUED_MAC` runs."""


_UDI: Final = re.compile(
    r"""\(01\)[0-9]{14}(?:[ ]?\((?:1[0-7]|21|24[01]|30|8004)\)[^\s()",;']{0,29}[^\s()",;'.:]){1,6}"""
)
"""A GS1 UDI written with its application identifiers in brackets: ``(01)`` and the 14-digit device
identifier, then production identifiers (``(17)`` expiry, ``(10)`` lot, ``(21)`` serial...)."""
_UDI_INSTANCE: Final = frozenset({"(21)", "(10)"})


class MacDetector(BaseDetector):
    """Device identifiers without a cue: MAC addresses in colon or dash notation (six hex pairs), and GS1
    UDIs that name one device or lot (``(01)00844588003288(17)141120(21)7654321``; a bare ``(01)`` device
    identifier names a model, not a device); after a device's cue, a MAC address dotted or bare."""

    gate = MAC | CARD | CUED
    name = "mac"
    kinds = ("DEVICE",)

    def find(self, text: str) -> Iterator[Span]:
        if ":" in text and _MAC_HINT.search(text) is not None:
            for match in _MAC.finditer(text):
                yield match.start(), match.end(), "DEVICE"
        if text.count("-") >= 5:
            for match in _DASHED_MAC.finditer(text):
                yield match.start(), match.end(), "DEVICE"
        for match in _CUED_MAC.finditer(text) if _MAC_WORD.search(text) is not None else ():
            if CUED_IDS.before(text, match.start()) == "DEVICE":
                yield match.start(), match.end(), "DEVICE"
        if "(01)" in text:
            for match in _UDI.finditer(text):
                if any(ai in match[0] for ai in _UDI_INSTANCE):
                    yield match.start(), match.end(), "DEVICE"


_IPV4: Final = re.compile(r"[0-9](?<![\w.][0-9])[0-9]{0,2}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(?![\w]|\.[0-9])")
_VERSION_WORDS: Final = frozenset(
    {
        "v",
        "version",
        "ver",
        "release",
        "build",
        "rev",
        "revision",
        "firmware",
        "fw",
        "sdk",
        "api",
        "schema",
        "agent",
        "rv",
    }
)
"""Words after which a dotted quad is a version: ``rv`` is the engine's revision in a browser's user agent
(``rv:1.9.5.20``)."""


class IPv4Detector(BaseDetector):
    """IPv4 addresses (``peer=203.0.113.7`` too; written as one number after ``ip``: ``ip 3488221437``,
    ``ip 0xcfea08fd``), except loopback, ``0.0.0.0``, broadcast, private and link-local addresses
    (infrastructure; see :class:`PrivateIpDetector`), and version strings (``version 10.2.3.4``,
    ``version=10.2.3.4``, ``v10.2.3.4``, ``app/10.2.3.4``, ``pkg==10.2.3.4``)."""

    gate = IPV4
    name = "ipv4"
    kinds = ("IP",)

    def find(self, text: str) -> Iterator[Span]:
        for start, end in _ipv4_spans(text):
            if not ip_private(text[start:end]):
                yield start, end, "IP"
        for start, end in _dashed_host_spans(text) if text.count("-") >= 3 else ():
            yield start, end, "IP"
        for match in _IP_NUMBER.finditer(text) if "ip" in text or "IP" in text else ():
            dotted = _dotted_quad(match[0])
            if dotted and ipv4_ok(dotted) and not ip_private(dotted) and _ip_cue(text, match.start()):
                yield match.start(), match.end(), "IP"


_DASHED_QUAD: Final = re.compile(r"[0-9](?<![\w.][0-9])[0-9]{0,2}(?:-[0-9]{1,3}){3}(?![\w-])")
"""An IPv4 address with dashes for dots, as hosts name themselves after it (``203-0-113-7.dyn.example.net``)."""
_DOMAIN_AFTER: Final = re.compile(r"\.[A-Za-z][\w-]*\.[A-Za-z]")
"""Two labels of a domain after an address in a host name (``.dyn.example.net``; not a file's ``.tar``)."""
_HOST_PREFIX: Final = re.compile(r"(?:^|[^\w.-])(?:[A-Za-z][A-Za-z0-9]{0,15}-)?$")
"""What may come before such an address in a host name: nothing, or one label word and a dash (``ec2-``, ``ip-``)."""


def _dashed_host_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of public IPv4 addresses written with dashes inside a host name: before a domain
    (``203-0-113-7.dyn.example.net``, ``ec2-54-12-3-9.compute-1.amazonaws.com``) or after ``ip-``
    (``ip-54-12-3-9``); not dates or numbers with dashes elsewhere (``12-31-20-24 rows``)."""
    for match in _DASHED_QUAD.finditer(text):
        start, end = match.span()
        prefix = _HOST_PREFIX.search(text, max(0, start - 18), start)
        if prefix is None:
            continue
        domain = text[end : end + 1] == "." and _DOMAIN_AFTER.match(text, end) is not None
        if not domain and prefix[0][-3:].lower() != "ip-":
            continue
        dotted = match[0].replace("-", ".")
        if ipv4_ok(dotted) and not ip_private(dotted):
            yield start, end


_IP_NUMBER: Final = re.compile(r"(?<![\w.])(?:0[xX][0-9a-fA-F]{8}|[1-9][0-9]{7,9})(?![\w.])")
"""An IPv4 address written as one number, decimal or hexadecimal (``3488221437``, ``0xcfea08fd``)."""
_IP_CUES: Final = frozenset({"ip", "ipv4", "ip_addr", "ip_address"})


def _dotted_quad(number: str) -> str:
    """The dotted form of an address written as one number, or ``""`` when it is out of range."""
    value = int(number, 16) if number[:2] in ("0x", "0X") else int(number)
    if not 1 << 24 <= value <= 0xFFFFFFFF:
        return ""
    return ".".join(str(value >> shift & 255) for shift in (24, 16, 8, 0))


def _ip_cue(text: str, start: int) -> bool:
    """Whether ``ip`` (or ``ip address``, ``ip addr``) comes just before a number."""
    words = words_before(text, start, 2)
    if words and words[-1] in ("address", "addr") and len(words) == 2:
        words = words[:1]
    return bool(words) and words[-1] in _IP_CUES


def _ipv4_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the dotted quads in ``text`` that are addresses (not versions, loopback or broadcast)."""
    if text.count(".") < 3:
        return
    for match in _IPV4.finditer(text):
        start = match.start()
        if not ipv4_ok(match[0]):
            continue
        before = text[max(0, start - 2) : start]
        if before != "//" and (before[-1:] in ("v", "V", "/", "@", "~") or before in (">=", "<=", "==", "~=", "!=")):
            continue  # a version (app/10.2.3.4, pkg==10.2.3.4); after "//" the host of a URL (http://203.0.113.7/)
        previous = words_before(text, start, 1)
        if previous and previous[0] in _VERSION_WORDS:
            continue
        yield start, match.end()


_IPV6: Final = re.compile(r"[0-9A-Fa-f:](?<![\w:.][0-9A-Fa-f:])[0-9A-Fa-f:]{1,38}(?:\.[0-9]{1,3}){0,3}(?:%[\w.]+)?")
_TWO_COLONS: Final = re.compile(r":[0-9A-Fa-f]{0,38}:")
"""Two colons with hex digits alone between them: every :data:`_IPV6` candidate with the two colons an address
needs holds them (its run of hex digits and colons holds both), asked first from each colon."""


class IPv6Detector(BaseDetector):
    """IPv6 addresses (full, compressed, IPv4-mapped, with zone), except loopback, ``::``, unique-local and
    link-local ones (``fd12::7``, ``fe80::1%eth0``: see :class:`PrivateIpDetector`), hex bytes with colons that
    would fall in the reserved ``0000::/8`` (``4F:2A:99:10:BC:7E:01:33``, a serial), and except what only looks
    like one: a cast or a scope (``'2026-12-01'::date``, ``(a)::bigint``, ``::face``: ``::`` and hex letters
    alone, or a word glued after the candidate)."""

    gate = MAC
    name = "ipv6"
    kinds = ("IP",)

    def find(self, text: str) -> Iterator[Span]:
        for start, end in _ipv6_spans(text):
            if not ip_private(text[start:end]):
                yield start, end, "IP"


def _ipv6_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the IPv6 addresses in ``text`` (not loopback, ``::``, casts or scopes)."""
    if _TWO_COLONS.search(text) is None:
        return
    for match in _IPV6.finditer(text):
        candidate = match[0]
        if candidate.count(":") < 2:
            continue
        if not ipv6_ok(candidate):
            candidate = candidate.rstrip(":.")
            if not ipv6_ok(candidate):
                continue
        end = match.start() + len(candidate)
        if _cast_like(candidate) or _reserved_first_group(candidate):
            continue
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            continue
        yield match.start(), end


def _reserved_first_group(candidate: str) -> bool:
    """Whether a candidate opens with a group of 1 to ``ff`` (``4F:2A:99:10:BC:7E:01:33``): no address is routed in
    ``0000::/8`` but ``::``-forms, so it is bytes in hex (a certificate's serial, a key's fingerprint)."""
    first = candidate.partition(":")[0]
    return 0 < len(first) <= 2 and int(first, 16) > 0


def _cast_like(candidate: str) -> bool:
    """Whether a candidate is ``::`` and hex letters only (``::dead``): a cast or a scope, not an address."""
    return candidate.startswith("::") and not any(ch.isdigit() for ch in candidate)


class PrivateIpDetector(BaseDetector):
    """Private, unique-local and link-local addresses (``10.0.4.2``, ``192.168.1.20``, ``fd00::12``), which the
    default detectors keep: they name a host inside a network (a pod, a load balancer, a probe), reach no
    one from outside it, and fill access logs. Not a default detector: add ``"private_ip"`` to ``detectors``
    where a private address is tied to a person (a bedside device, a home network seen from inside)."""

    gate = IPV4 | MAC
    name = "private_ip"
    kinds = ("IP",)

    def find(self, text: str) -> Iterator[Span]:
        if "." in text:
            for start, end in _ipv4_spans(text):
                if ip_private(text[start:end]):
                    yield start, end, "IP"
        if "::" in text or text.count(":") > 2:
            for start, end in _ipv6_spans(text):
                if ip_private(text[start:end]):
                    yield start, end, "IP"


_EMAIL_LOCAL: Final = re.compile(r"[\w.%+-]{1,64}")
_EMAIL_DOMAIN: Final = re.compile(r"(?:[^\W_][\w-]{0,62}\.)+(?:xn--[a-z0-9-]{1,59}|[^\W\d_]{2,24})(?![\w-])")
"""Labels and a top-level domain of letters, in any script (``bücher.example``, ``пример.рф``, punycode)."""
_SCALED_IMAGE: Final = re.compile(r"[0-9](?:\.[0-9])?x\.(?:png|jpe?g|gif|svg|webp|avif|PNG|JPE?G|GIF|SVG|WEBP)")
"""The density suffix of an image asset (``logo@2x.png``, ``icon@1.5x.webp``): what follows its ``@`` is no domain."""
_QUOTED_LOCAL: Final = re.compile(r'"[^"\\\n]{1,64}"$')
"""A quoted local part ending just before an ``@`` (``"jane roe"@example.org``)."""
_SPELLED_AT: Final = re.compile(
    r"(?<![\w.+-])([\w.+-]{1,64})(?:[ ]*(?:\[at\]|\(at\)|\{at\}|<at>|\[AT\]|\(AT\))[ ]*|[ ]+(?:at|AT)[ ]+)"
    r"((?:[^\W_][\w-]{0,62}(?:[ ]*(?:\[dot\]|\(dot\)|\{dot\}|\[DOT\]|\(DOT\))[ ]*|[ ]+(?:dot|DOT)[ ]+|\.))+)"
    r"([A-Za-z]{2,24})(?![\w-])"
)
"""An address spelled out against harvesting: ``jane.roe [at] example [dot] com``, ``jane at example dot com``."""


class EmailDetector(BaseDetector):
    """E-mail addresses (``git@`` remotes, the message ids of ``Message-ID:``-style headers and node names on
    site-local domains, ``celery@worker-1.svc.cluster.local``, excepted)."""

    gate = EMAIL
    name = "email"
    kinds = ("EMAIL",)

    def find(self, text: str) -> Iterator[Span]:
        at = text.find("@")
        while at > 0:
            domain = _EMAIL_DOMAIN.match(text, at + 1)
            if domain is not None and _SCALED_IMAGE.fullmatch(domain[0]) is not None:
                domain = None  # logo@2x.png: an image drawn for a screen's pixel density, not an address
            start = _local_start(text, at) if domain is not None and not _site_local(domain[0]) else -1
            if (
                domain is not None
                and start >= 0
                and text[start:at] != "git"
                and not message_id_at(text, start)
                and not (role_mailbox(text[start:at], domain[0]) and not _person_domain(domain[0].lower(), text))
            ):
                yield start, domain.end(), "EMAIL"
            at = text.find("@", at + 1)
        if spelled_at(text):
            yield from _spelled_addresses(text)


def _local_start(text: str, at: int) -> int:
    """Where the local part before ``text[at]`` (an ``@``) starts, quoted or not; -1 when there is none."""
    if text[at - 1] == '"':
        quoted = _QUOTED_LOCAL.search(text, max(0, at - 66), at)
        if quoted is not None:
            return quoted.start()
    local = _EMAIL_LOCAL.match(text[max(0, at - 64) : at][::-1])
    return -1 if local is None else at - local.end()


def _spelled_addresses(text: str) -> Iterator[Span]:
    """Addresses with ``at`` and ``dot`` spelled out, when a person's address is clearly meant: the ``at`` or
    a ``dot`` in brackets, or both spelled as words after a local part with a dot, underscore or digit."""
    for match in _SPELLED_AT.finditer(text):
        if _spelled_address(text, match):
            yield match.start(), match.end(), "EMAIL"


def _spelled_address(text: str, match: re.Match[str]) -> bool:
    """Whether a spelled-out candidate is an address (see :func:`_spelled_addresses`)."""
    spelled, local, tld = match[0], match[1], match[3]
    if "[" in spelled or "(" in spelled or "{" in spelled or "<" in spelled:
        return not _site_local(tld)
    if " dot " not in spelled.lower() or tld.lower() not in _COMMON_TLDS:
        return False
    return any(ch in local for ch in "._0123456789") or not _MAIL_CUES.isdisjoint(words_before(text, match.start(), 2))


_COMMON_TLDS: Final = frozenset(
    {"com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "us", "uk", "ca", "au", "de", "fr", "es", "it"}
    | {"nl", "ch", "at", "be", "se", "no", "dk", "fi", "ie", "nz", "in", "jp", "cn", "br", "mx", "ru", "pl", "info"}
    | {"biz", "me", "health", "care", "email", "mail", "online"}
)
"""Top-level domains common enough that ``at ... dot com`` spelled in words is read as an address."""
_MAIL_CUES: Final = frozenset({"email", "e-mail", "mail", "mailto", "contact", "address", "reply", "write"})


_SITE_LOCAL: Final = frozenset(
    {"local", "localdomain", "localhost", "internal", "intranet", "lan", "home", "arpa", "corp", "svc", "cluster"}
)
"""Last labels of names that never reach the internet (mDNS, cloud-internal, cluster DNS, home networks): a
``user@host`` there names a process or a node (``celery@db-1.prod.svc.cluster.local``), not a mailbox."""


def _site_local(domain: str) -> bool:
    """Whether an address's domain is a site-local name rather than an internet domain."""
    return domain.rsplit(".", 1)[-1].lower() in _SITE_LOCAL


_URL_REST: Final = re.compile(r"[^\s\"'<>`\\]+")
_SCHEME: Final = re.compile(r"(?:s?ptth|s?ptf|ptfs|s?sw)(?![A-Za-z])", re.IGNORECASE)
_PERSON_PATH: Final = frozenset(
    {
        "patient",
        "patients",
        "member",
        "members",
        "person",
        "persons",
        "people",
        "subscriber",
        "subscribers",
        "beneficiary",
        "beneficiaries",
        "user",
        "users",
        "profile",
        "profiles",
        "chart",
        "charts",
        "mrn",
        "record",
        "records",
        "relatedperson",
        "coverage",
        "claimant",
        "guarantor",
    }
)
_UUIDISH: Final = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")


_SOCIAL_HOSTS: Final = frozenset(
    {
        "linkedin.com",
        "facebook.com",
        "fb.com",
        "twitter.com",
        "x.com",
        "instagram.com",
        "tiktok.com",
        "github.com",
        "gitlab.com",
        "medium.com",
        "pinterest.com",
        "reddit.com",
        "youtube.com",
        "threads.net",
        "bsky.app",
        "about.me",
        "flickr.com",
        "tumblr.com",
        "vk.com",
        "quora.com",
        "soundcloud.com",
        "behance.net",
        "dribbble.com",
        "mastodon.social",
        "linktr.ee",
    }
)
"""Hosts whose first path segment names a person (``linkedin.com/in/jane-roe``, ``github.com/janeroe``)."""
_NOT_PROFILE: Final = frozenset(
    {
        "",
        "login",
        "search",
        "help",
        "about",
        "explore",
        "settings",
        "home",
        "share",
        "sharer",
        "intent",
        "watch",
        "hashtag",
        "topics",
        "features",
        "pricing",
        "docs",
        "privacy",
        "legal",
        "terms",
        "orgs",
        "marketplace",
    }
)


_CODE_HOSTS: Final = frozenset({"github.com", "gitlab.com"})
_SOCIAL_BRANDS: Final = frozenset(
    host.split(".", 1)[0]
    for host in _SOCIAL_HOSTS
    if host not in _CODE_HOSTS and len(host.split(".", 1)[0]) > 4 and host.split(".", 1)[0] not in {"medium", "about"}
)
"""Social hosts by their name alone, for their other domains and subdomains (``m.facebook.com``,
``uk.linkedin.com``, ``facebook.de``); the code hosts and names that are words (``medium``) only as listed."""
_FAMILY_SUFFIXES: Final = ("family", "familie")
"""A host named after a family (``roefamily.net``, ``the-roe-family.org``): a surname before one of these."""


def _personal(netloc: str, path: str) -> bool:
    """Whether a URL is a social profile (a profile path on a social host) or a personal site or page
    (``/~jroe``, ``/@janeroe``, a host named after a person: ``janeroe.com``, ``jane-roe.net``)."""
    host = netloc.rsplit(":", 1)[0].lower()
    host = host[4:] if host.startswith("www.") else host
    segments = [segment for segment in path.split("/") if segment]
    if any(segment[0] in "~@" and len(segment) > 2 for segment in segments):
        return True
    if personal_host(host, segments) or dotted_name_host(host):
        return True
    labels = host.split(".")
    if host in _SOCIAL_HOSTS or labels[-2:] == ["wordpress", "com"] or _brand(labels) in _SOCIAL_BRANDS:
        if host in _CODE_HOSTS and len(segments) != 1:
            return False  # a repository (github.com/org/project), not a profile page
        return bool(segments) and segments[0].lower() not in _NOT_PROFILE
    handle = segments[1] if len(segments) > 1 and segments[0] == "u" else ""
    if any(ch.isalpha() for ch in handle) and not hex_token(handle):  # not a link's token (/u/7e90d3593a)
        return True  # a portal's page of one user by handle (/u/jroe41890), not an account index (/u/0/)
    label = labels[0]
    if trade_label(label):
        return False  # "ferreteria.miranda.pt", "industriasmora.es": a business's host
    return "." in host and (_person_label(label) or _family_label(label))


def _brand(labels: list[str]) -> str:
    """The label a host is registered under (``m.facebook.com``, ``facebook.co.uk`` -> ``facebook``)."""
    if len(labels) < 2:
        return ""
    if len(labels) > 2 and labels[-2] in {"co", "com"}:
        return labels[-3]
    return labels[-2]


def _family_label(label: str) -> bool:
    """Whether a host label names a family by its surname (``roefamily``, ``the-roe-family``)."""
    word = label.replace("-", "")
    word = word[3:] if word.startswith("the") and len(word) > 9 else word
    for suffix in _FAMILY_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            surname = word[: -len(suffix)]
            return surname in SURNAME_RANK or (len(surname) > 4 and surname.isalpha() and unknown_word(surname))
    return False


def _person_label(label: str) -> bool:
    """Whether a host label is a given name and a surname, either way round (``janeroe``, ``jane-roe``,
    ``roejane``; ``jroe`` is not, nor two surnames ``fisher-lopez`` or ``davies-warner``, a frequent surname last)."""
    if "-" in label:
        first, _, last = label.partition("-")
        last = last.replace("-", "")
        if frequent_surname(first) and frequent_surname(last):
            return False  # "fisher-lopez", "hayes-torres": two surnames, a firm's, not one person's
        # "jane-roe", "roe-jane"; not "davies-warner": a given name after a surname is one only if rare as a surname
        return _name_pair(first, last) or (_name_pair(last, first) and SURNAME_RANK.get(last, _RARE) >= _RARE)
    if label in SURNAME_RANK:
        return False  # "williams", "woodward": one surname, a firm's or a family's, not one person's
    if firm_label(label):
        return False  # "harrisbeach", "davispolk": two surnames run together, a firm's, not one person's
    return any(
        _name_pair(label[:cut], label[cut:]) or _name_pair(label[cut:], label[:cut]) for cut in range(4, len(label) - 3)
    )


_RARE: Final = 2000
"""A given name after a surname in a host label ranks at least this as a surname (``roe-jane``, not ``-warner``)."""


def _name_pair(given: str, surname: str) -> bool:
    """Whether two words are a given name and a surname (the census table, or hipaalog's own lists)."""
    return (given in GIVEN or given.title() in FIRST_NAMES) and (surname in SURNAME_RANK or surname.title() in SURNAMES)


_FHIR_RECORDS: Final = frozenset(
    [
        "Observation",
        "Encounter",
        "Condition",
        "Procedure",
        "MedicationRequest",
        "MedicationStatement",
        "MedicationAdministration",
        "Medication",
        "DiagnosticReport",
        "Immunization",
        "AllergyIntolerance",
        "CarePlan",
        "CareTeam",
        "Claim",
        "ClaimResponse",
        "ExplanationOfBenefit",
        "Organization",
        "Location",
        "Bundle",
        "Composition",
        "DocumentReference",
        "ServiceRequest",
        "Appointment",
        "Schedule",
        "Slot",
        "Specimen",
        "Task",
        "CapabilityStatement",
        "ValueSet",
        "CodeSystem",
        "ConceptMap",
        "StructureDefinition",
        "OperationOutcome",
        "Questionnaire",
        "QuestionnaireResponse",
        "Goal",
        "EpisodeOfCare",
        "Provenance",
        "AuditEvent",
        "Subscription",
        "Communication",
        "Flag",
        "List",
        "Endpoint",
        "HealthcareService",
        "PractitionerRole",
        "Binary",
        "Media",
        "ImagingStudy",
    ]
)
"""FHIR resource types that are records, not persons: the logical id after one (``/Observation/140592``)
does not identify anyone by itself (person resources, ``/Patient/123``, still do)."""
_PAGING: Final = frozenset(
    {
        "_count",
        "_getpages",
        "_getpagesoffset",
        "_offset",
        "_page",
        "_pageToken",
        "_sort",
        "_format",
        "_summary",
        "_elements",
        "_total",
        "_bundletype",
        "page",
        "page_size",
        "per_page",
        "offset",
        "limit",
        "cursor",
    }
)
"""Query parameters that page or shape results."""


_FHIR_TOKEN_PARAMETERS: Final = frozenset(
    {
        "code",
        "category",
        "status",
        "type",
        "class",
        "intent",
        "priority",
        "severity",
        "clinical-status",
        "verification-status",
        "combo-code",
        "component-code",
        "value-concept",
        "vaccine-code",
        "_type",
        "_profile",
        "_tag",
        "_security",
        "_include",
        "_revinclude",
    }
)
"""FHIR search parameters whose values are codes of a terminology or of FHIR itself, never a person's."""


def _fhir_search(path: str) -> bool:
    """Whether a URL path searches a FHIR record type (``/r4/Observation``, ``/fhir/Condition/_search``)."""
    segments = [segment for segment in path.split("/") if segment]
    if segments and segments[-1] == "_search":
        segments.pop()
    return bool(segments) and segments[-1] in _FHIR_RECORDS


_CARE_PATH: Final = frozenset(
    {
        "result",
        "results",
        "lab",
        "labs",
        "report",
        "reports",
        "document",
        "documents",
        "encounter",
        "encounters",
        "visit",
        "visits",
        "appointment",
        "appointments",
        "claim",
        "claims",
        "prescription",
        "prescriptions",
        "rx",
        "referral",
        "referrals",
        "admission",
        "admissions",
        "study",
        "studies",
        "imaging",
        "note",
        "notes",
        "eob",
        "statements",
        "inbox",
        "account",
        "accounts",
    }
)
"""Path segments of care or of an account: a long number or a UUID in a path with one of them (or with a
person's segment, :data:`_PERSON_PATH`) is a person's record; elsewhere it names a resource of a service
(``/services/360640``, ``/builds/4821937/log``)."""


def _person_path(segments: list[str]) -> bool:
    """Whether a URL path names a person or their care anywhere (``/patients/...``, ``/lab/results/...``)."""
    for segment in segments:
        lower = segment.lower()
        if lower in _PERSON_PATH or lower in _CARE_PATH:
            return True
        if "-" in lower or "_" in lower:
            for word in tokens(lower):
                if word in PERSON_WORDS or word in _PERSON_PATH or word in _CARE_PATH:
                    return True
    return False


def url_identifier_spans(url: str) -> list[tuple[int, int]]:
    """Spans (offsets in ``url``) of what identifies a person in a URL; the whole URL for credentials or a
    personal site.

    A social profile or a personal site (:func:`_personal`) and credentials in the host mask the whole
    URL. Otherwise the spans are: the value of a query parameter named like a PHI field or a person, or
    whose value holds an ``@`` or four digits; a path segment after a person resource (``/patients/123``),
    holding an ``@``, or holding five digits or a UUID in a path about a person or their care
    (:func:`_person_path`; not the logical id after a FHIR record type, ``/Observation/140592``); a fragment
    with four digits. Paging parameters (``_count``, ``_getpages``...) are not read.
    """
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        netloc = parts.netloc
    except ValueError:
        return [(0, len(url))]
    if "@" in netloc or _personal(netloc, parts.path):
        return [(0, len(url))]
    host_at = url.find(netloc) if netloc else 0
    path_at = host_at + len(netloc) if netloc else (url.find("://") + 3 if "://" in url else 0)
    query_at = url.find("?", path_at)
    hash_at = url.find("#", path_at)
    path_end = min(at for at in (query_at, hash_at, len(url)) if at >= 0)
    spans: list[tuple[int, int]] = []
    if 0 <= query_at < (hash_at if hash_at >= 0 else len(url)):
        _query_spans(url, query_at + 1, hash_at if hash_at >= 0 else len(url), parts.path, spans)
    path = url[path_at:path_end]
    segments = path.split("/")
    about_person = _person_path(segments)
    after_person = after_record = False
    offset = path_at
    for segment in segments:
        seg_start = offset
        offset += len(segment) + 1
        if not segment:
            continue
        if (
            (after_person and "." not in segment and not _collection_action(segment))
            or ("@" in segment and _SCALED_IMAGE.search(segment) is None)
            or (
                about_person
                and not after_record
                and (sum(ch.isdigit() for ch in segment) >= 5 or _UUIDISH.search(segment))
            )
        ):
            spans.append((seg_start, seg_start + len(segment)))
        after_person = segment.lower() in _PERSON_PATH
        after_record = segment in _FHIR_RECORDS
    if hash_at >= 0 and sum(ch.isdigit() for ch in url[hash_at + 1 :]) >= 4:
        spans.append((hash_at + 1, len(url)))
    return spans


def _collection_action(segment: str) -> bool:
    """Whether a segment after ``/patients/`` is an action on the collection, no one's id or name: a word of the
    language in lower case, perhaps after ``_`` or ``$`` (``search``, ``export``, ``count``, ``_search``,
    ``$everything``)."""
    word = segment.lstrip("_$")
    return word.isalpha() and word.islower() and word.isascii() and word in ENGLISH and word not in GIVEN


def _query_spans(url: str, start: int, end: int, path: str, spans: list[tuple[int, int]]) -> None:
    """Add the spans of the query values in ``url[start:end]`` that identify a person."""
    coded = _fhir_search(path)
    at = start
    for pair in _QUERY_SPLIT.split(url[start:end]):
        pair_start = at
        at += len(pair) + 1
        raw_name, equals, raw_value = pair.partition("=")
        name, value = unquote_plus(raw_name), unquote_plus(raw_value)
        if not value:
            continue
        value_span = (pair_start + len(raw_name) + len(equals), pair_start + len(pair))
        if DEFAULT_CATALOGUE.info(name).kind is not None or any(word in PERSON_WORDS for word in tokens(name)):
            spans.append(value_span)
            continue
        if name in _PAGING:
            continue  # FHIR paging and result controls (_count, _getpages, _offset...): not about anyone
        if coded and name.partition(":")[0] in _FHIR_TOKEN_PARAMETERS and "@" not in value:
            continue  # a search of records by a code (Observation?code=http://loinc.org|8480-6): no one's
        if name.lower() in _DIGEST_PARAMETERS and "@" not in value:
            continue  # a cache-buster, a signature or a nonce (?v=2c689519, ?sig=...): the request's, no one's
        if name.lower().replace("-", "_") in _CODE_PARAMETERS and "@" not in value:
            continue  # a product's or a clinical code (?ndc=03610-0180-99, ?cpt=99213, ?icd10=E11.9): no one's
        if "@" in value or (
            sum(ch.isdigit() for ch in value) >= 4 and not _hash_like(value) and not _window_date(name, value, path)
        ):
            spans.append(value_span)


def _window_date(name: str, value: str, path: str) -> bool:
    """Whether a query value is a recent date bounding a listing of things (``/orders?since=2025-03-18``): not about
    a person (no person or care in the path, no search box) and no birth year."""
    if not full_date(value) or name.lower() in SEARCH_DATE_KEYS or _person_path(path.split("/")):
        return False
    year = _YEAR.search(value)
    return year is not None and int(year[0]) > _LAST_BIRTH_YEAR


_QUERY_SPLIT: Final = re.compile(r"[&;]")
_YEAR: Final = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_LAST_BIRTH_YEAR: Final = datetime.date.today().year - 16
"""Dates of a year up to this one may be a birth date (a person of sixteen or more): never read as a window."""
_DIGEST_PARAMETERS: Final = frozenset(
    (
        "v", "ver", "version", "rev", "hash", "sha", "md5", "checksum", "digest", "etag", "sig", "signature",
        "x-amz-signature", "x-goog-signature", "nonce", "state", "cb", "cachebust", "cache_bust", "_",
        "expires", "x-amz-expires", "x-amz-date", "x-amz-credential", "x-amz-security-token", "x-goog-expires",
        "x-goog-date", "x-goog-credential", "se", "st", "sp", "sv", "sr", "skoid", "sktid", "skt", "ske",
    )
)  # fmt: skip
"""Query parameters that carry a digest, a signature or a nonce of the request, or a presigned URL's validity (S3,
GCS and Azure SAS), never a person's identifier."""
_CODE_PARAMETERS: Final = frozenset(
    (
        *("ndc", "ndc11", "ndc_code", "rxcui", "rxnorm", "cpt", "cpt_code", "hcpcs", "icd", "icd9", "icd10"),
        *("icd10cm", "icd_code", "dx_code", "loinc", "loinc_code", "snomed", "snomedct", "cvx", "mvx", "drg"),
        *("ms_drg", "revenue_code", "rev_code", "pos", "place_of_service", "taxonomy", "sku", "upc", "gtin"),
        *("ean", "isbn", "asin", "product_id", "item", "item_id", "part", "part_number", "model", "lot", "lot_number"),
    )
)
"""Query parameters that name a product or a code of a terminology (a drug's NDC, a procedure's CPT code, a
diagnosis, a lab test, an article's SKU): the same for everyone, never a person's identifier."""
_LOWER_HEX: Final = re.compile(r"[0-9a-f]{8,128}")
_LETTERS_THEN_DIGITS: Final = re.compile(r"[a-f]{1,4}[0-9]+")


def _hash_like(value: str) -> bool:
    """Whether a query value is a lower-case hex digest or nonce (``v=693fae27``, ``state=2ace83d5a12c73c8``): digits
    and letters mixed through it, not a prefix of letters before a number (``ab123456`` stays an id)."""
    return (
        _LOWER_HEX.fullmatch(value) is not None
        and sum(ch.isalpha() for ch in value) >= 2
        and _LETTERS_THEN_DIGITS.fullmatch(value) is None
    )


def url_has_identifier(url: str) -> bool:
    """Whether a URL carries something that identifies a person (see :func:`url_identifier_spans`)."""
    return bool(url_identifier_spans(url))


def _person_domain(host: str, text: str) -> bool:
    """Whether a host (lower case) is a person's own: named after a person (:func:`_personal`), or its label spells
    a name ``text`` holds (``info@jacqueline-clement.io`` beside ``Jacqueline Clément``)."""
    host = host[4:] if host.startswith("www.") else host
    labels = host.split(".")
    if len(labels) < 2:
        return False
    if _personal(host, "") and _bare_personal(labels[-3:] if labels[-2] not in {"co", "com"} else labels[-4:-1]):
        return True
    return named_in_text(".".join(labels[:-1]) if len(labels) <= 3 else labels[-2], text)


_URL_HOST: Final = re.compile(r"[A-Za-z0-9.-]{4,253}")
"""A URL's host after its scheme (no user, no port)."""


def _bare_person_hosts(text: str) -> Iterator[Span]:
    """Hosts written without a scheme (``janeroe.com``, ``www`` aside) that are a person's own (whole, path too)."""
    for start, end, host, path in bare_hosts(text):
        if host.startswith("www.") or host.count(".") > 2:
            continue  # a "www." host is read as a URL; a longer host is a service's (mail.example.co.uk)
        labels = host.split(".")
        if named_in_text(".".join(labels[:-1]), text) or (_personal(host, path) and _bare_personal(labels)):
            yield start, end, "URL"


_BARE_GIVEN: Final = 5
"""A given name opening a host label run together, written with no scheme, has this many letters at least."""


def _surely_given(word: str) -> bool:
    return word in GIVEN and word not in AMBIGUOUS_GIVEN and word not in ENGLISH


def _bare_personal(labels: list[str]) -> bool:
    """Whether a host written with no scheme, or after a role mailbox's ``@``, is surely a person's (stricter than
    a URL's host: ``compania.es``, ``leone-gabba.it``, ``chang-wilson.com`` are firms'): a given name and a
    listed surname (``jane-roe``), a given name of five letters or more and a surname or a word no dictionary knows
    (``alyssawesterbeek``), or a given name and a surname as two labels (``mathew.edwards.com``)."""
    if len(labels) == 3:
        return dotted_name_host(".".join(labels))
    label = labels[0]
    if "-" in label:
        first, _, last = label.partition("-")
        return not _surname_pair(label) and _surely_given(first) and (last in SURNAME_RANK or last.title() in SURNAMES)
    return any(
        _surely_given(label[:cut]) and (label[cut:] in SURNAME_RANK or label[cut:].title() in SURNAMES)
        for cut in range(_BARE_GIVEN, len(label) - 3)
    ) or given_and_unknown(label, _BARE_GIVEN)


_SURNAME_FIRST: Final = 1000
"""A word ranked higher than this among surnames opens a firm's hyphenated name more often than a person's."""


def _surname_pair(label: str) -> bool:
    """Whether a hyphenated host label opens with a frequent surname (``howard-levine``, ``landry-wilson``): a
    firm's host written bare, unless the text names the person (``jordan-wright.de`` alone stays)."""
    first, dash, _ = label.partition("-")
    return bool(dash) and SURNAME_RANK.get(first, _SURNAME_FIRST) < _SURNAME_FIRST


_WWW: Final = re.compile(r"(?<![\w./@-])(?i:www)\.(?=[^\W_])")
"""A URL written without its scheme (``www.janeroe.com/...``): its host opens with ``www.``."""


class UrlDetector(BaseDetector):
    """URLs (``http``, ``https``, ``ftp``, ``ftps``, ``sftp``, ``ws``, ``wss``, and ``www.`` hosts with no scheme)
    carrying an identifier in credentials, path or query (see :func:`url_has_identifier`)."""

    gate = URL
    name = "url"
    kinds = ("URL",)

    def find(self, text: str) -> Iterator[Span]:
        mark = text.find("://")
        while mark > 0:
            scheme = _SCHEME.match(text[max(0, mark - 5) : mark][::-1])
            rest = _URL_REST.match(text, mark + 3)
            if scheme is not None and rest is not None:
                start = mark - scheme.end()
                end = mark + 3 + len(rest[0].rstrip(".,;:!?)]}"))
                if start == 0 or not text[start - 1].isalnum():
                    for first, last in url_identifier_spans(text[start:end]):
                        yield start + first, start + last, "URL"
                    host = _URL_HOST.match(text, mark + 3)
                    if host is not None and _person_domain(host[0].lower(), text):
                        yield start, end, "URL"  # https://hofiggretel.org beside "Gretel Höfig"
                mark = text.find("://", end)
            else:
                mark = text.find("://", mark + 3)
        for www in _WWW.finditer(text) if "www." in text or "WWW." in text else ():
            rest = _URL_REST.match(text, www.start())
            end = www.start() + len(rest[0].rstrip(".,;:!?)]}")) if rest is not None else www.end()
            for first, last in url_identifier_spans(text[www.start() : end]):
                yield www.start() + first, www.start() + last, "URL"
            www_host = text[www.start() : end].split("/", 1)[0].lower()
            if _person_domain(www_host, text):
                yield www.start(), end, "URL"
        if "." in text and BARE_HOST_HINT.search(text) is not None:
            yield from _bare_person_hosts(text)
        if " /" in text or '"/' in text:
            yield from _request_path_dates(text)


_REQUEST_PATH: Final = re.compile(r"(?=[GPDH])(?:GET|POST|PUT|PATCH|DELETE|HEAD)[ ](/[^\s?#\"']{3,2000})")
"""A request line's path, no host before it (``POST /api/v1/patients/4821/visits/1950-02-03 HTTP/1.1``)."""


def _request_path_dates(text: str) -> Iterator[Span]:
    """The full dates in a request line's path after a person's resource (``/patients/<id>/visits/<date>``,
    ``/members/<id>/dob/<date>``): a person's dates. A path about no one keeps its dates (``/reports/2024-05-01``)."""
    for found in _REQUEST_PATH.finditer(text):
        offset = found.start(1)
        person = False
        for segment in found[1].split("/"):
            if person and full_date(segment):
                yield offset, offset + len(segment), "DATE"
            person = person or segment.lower() in _CARE_PEOPLE
            offset += len(segment) + 1


_CARE_PEOPLE: Final = frozenset(
    (
        *("patient", "patients", "member", "members", "person", "persons", "people", "subscriber", "subscribers"),
        *("beneficiary", "beneficiaries", "enrollee", "enrollees", "resident", "residents", "dependent"),
        *("dependents", "guarantor", "guarantors", "insured", "mrn", "mrns", "chart", "charts"),
    )
)
"""Path segments naming the people a care system holds (an app's ``users`` and ``accounts`` not among them)."""
