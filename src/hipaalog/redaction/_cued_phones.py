"""A phone number of any country's shape right after a word that says one follows.

Numbers are written as each country, each form and each library writes them: ``(0151) 496 0354``, ``0319-508
9179``, ``08-766 930 80``, ``(06)55/189-4902``, ``+62 (34) 147 3825``, ``090-2608-4287``. No shape tells them
from other numbers, but the words before them do: a phone or contact word a few words earlier (``Telefon``,
``ph:``, ``contact``, ``call``, ``voicemail left at``, ``dialing``, ``OTP sent to``), or a key that names the
other end of a message (``to=``, ``from=``, ``number:``, ``msisdn=``). There, a run of digits and the marks
phone numbers are written with (spaces, ``()+-./``), 7 to 15 digits, is the number.

Kept: a run an id word comes before (``contact ticket 12345678``), a unit or ``%`` after (``call took
1200000 ms``), a date, a time, a dotted quad, an amount (``call 2024-03-05``, ``10:30:00``, ``1,234.56``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._checks import nanp_ok
from ._cues import CONTACT_WORDS, cased
from ._detector import BaseDetector, Span
from ._gate import PHONE

__all__ = ["MORE_PHONE_WORDS", "CuedPhoneDetector", "phone_key_screen"]

MORE_PHONE_WORDS: Final = frozenset(
    {"otp", "dialing", "dialling", "dialed", "dialled", "redial", "msisdn", "ph", "tel", "telephone", "cellphone"}
    | {"telefonnummer", "handynummer", "rufnummer", "telefoon", "mobiel", "telefono", "celular", "telemovel"}
    | {"telephone", "portable", "numero", "téléphone", "teléfono", "telefone", "telefonu", "puhelin", "mobiltelefon"}
    | {"fax", "faxed", "faxing", "refaxed", "facsimile"}
)
"""Phone words the contact table lacks (``dialing 0436 840 68 88``, ``OTP sent to (0151) 496 0354``,
``faxed to 0474783399``)."""
_WORDS: Final = cased(CONTACT_WORDS | MORE_PHONE_WORDS)
"""Every phone word in lower case, Title Case and UPPER CASE (as the gate matches them)."""
_KEYS: Final = frozenset({"to", "from", "number", "msisdn", "recipient", "dest", "destination", "sender"})
"""Keys of a message's ends: a number right after ``to=`` or ``number:`` is a phone number."""
_NUMBER: Final = re.compile(r"[+(0-9](?<![\w+(.,:/-][+(0-9])[0-9 ()./+-]{5,24}[0-9](?![\w/%-]|[.,]\w|[ ]?[:][0-9])")
"""A run of digits and phone marks, not glued to a word, a decimal or a path before or after it (a sentence's full
stop or comma may follow)."""
_WORD: Final = re.compile(r"[^\W\d]+")
_SPLIT: Final = re.compile(r"[^\w]+")
_LOWER_WORDS: Final = frozenset(word.lower() for word in _WORDS) | _KEYS
"""Every cue in lower case: a text none of whose words is one holds no cued number."""
_KEY_BEFORE: Final = re.compile(r"([^\W\d]+)[=:][ ]?['\"]?$")
_BRIDGES: Final = frozenset(
    {"to", "at", "on", "is", "was", "for", "via", "from", "sent", "left", "number", "no", "nr", "num", "the", "an"}
    | {"unter", "au", "al", "a", "para", "per", "op", "na", "pod", "under", "de", "of", "home", "work", "cell"}
    | {"mobile", "primary", "new", "old", "main", "their", "his", "her", "patient", "patients", "s", "failed"}
    | {"delivery", "invalid", "undelivered", "status", "redacted", "name", "phone", "dialing", "dialling"}
    | {"me", "us", "him", "them", "pt", "back", "anytime", "directly", "pages", "page", "records", "report", "results"}
)
"""Words that may stand between a phone word and its number (``voicemail left at``, ``sms delivery failed for``,
``reach me at``, ``called pt back on``)."""
_ID_WORDS: Final = frozenset(
    {"id", "order", "ticket", "case", "ref", "account", "acct", "mrn", "claim", "invoice", "batch", "job", "queue"}
    | {"count", "total", "size", "bytes", "ms", "version", "build", "port", "pid", "code", "attempt", "attempts"}
)
_UNIT_AFTER: Final = re.compile(r"[ ]?(?:ms|s|sec|secs|seconds|ns|us|bytes|kb|mb|gb|b|%|px|mg|ml|times|rows)\b")
_NOT_PHONE: Final = re.compile(
    r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}|[0-9]{1,3}(?:\.[0-9]{1,3}){3}"
)
"""Dates and dotted quads (an amount or a time never matches :data:`_NUMBER` as a whole)."""
_KEY_SCREEN: Final = re.compile(
    r"[=:](?:(?<=to[=:])|(?<=from[=:])|(?<=number[=:])|(?<=msisdn[=:])|(?<=recipient[=:])|(?<=dest[=:])"
    r"|(?<=destination[=:])|(?<=sender[=:]))[ ]?['\"]?[+(0-9]"
)


def phone_key_screen(text: str) -> bool:
    """Whether ``text`` may hold a number under a key of a message's ends (``to=``, ``number:``): the gate asks."""
    return _KEY_SCREEN.search(text) is not None


_NANP_SHAPE: Final = re.compile(r"\(?[1-9][0-9]{2}\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}")
"""Ten digits as North America groups them (``415 555 0134``, ``(415) 555-0134``, ``4155550134``)."""


def _nanp(run: str) -> bool:
    digits = "".join(ch for ch in run if ch.isdigit())
    return nanp_ok(digits[:3], digits[3:6])


def _digits(run: str) -> int:
    return sum(ch.isdigit() for ch in run)


def _cued(text: str, start: int) -> bool:
    """Whether a phone word is among the few words before ``start`` (bridging words allowed between), or a
    key of a message's ends right before it."""
    before = text[max(0, start - 48) : start]
    key = _KEY_BEFORE.search(before)
    if key is not None and (key[1] in _KEYS or key[1] in _WORDS):
        return True
    for word in reversed(_WORD.findall(before)[-5:]):
        if word in _WORDS:
            return True
        bare = word.lower()
        if bare in _ID_WORDS or bare not in _BRIDGES:
            return False
    return False


def _numbers(text: str) -> Iterator[Span]:
    for match in _NUMBER.finditer(text):
        run = match[0].rstrip(" ./-(")
        if run.count("(") != run.count(")") and not run.startswith("("):
            continue
        count = _digits(run)
        if not 7 <= count <= 15 or _NOT_PHONE.fullmatch(run) is not None or "  " in run:
            continue
        if run.count(".") == 1 and run.replace(".", "").isdigit():
            continue  # an amount or a measure (``1234567.89``)
        if count == 10 and _NANP_SHAPE.fullmatch(run) is not None and not _nanp(run):
            continue  # a North American shape that no North American number has (``tel 1115550134``)
        start = match.start()
        if _UNIT_AFTER.match(text, start + len(run)) is not None:
            continue
        if _cued(text, start):
            yield start, start + len(run), "PHONE"


class CuedPhoneDetector(BaseDetector):
    """Phone numbers of any country's shape after a phone word or a key of a message's ends."""

    gate = PHONE
    name = "cued_phone"
    kinds = ("PHONE",)

    def find(self, text: str) -> Iterator[Span]:
        if _LOWER_WORDS.isdisjoint(_SPLIT.split(text.lower())):
            return iter(())  # no phone word nor key of a message's ends: nothing is cued
        return _numbers(text)
