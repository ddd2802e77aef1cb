"""Names in e-mail: display names in address lists, RFC 2047 encoded words, greetings.

* ``Jane Roe <jane@example.org>`` and ``"Roe, Jane" <...>``: the display name before an address
  in angle brackets (in ``To:``, ``From:``, ``Cc:`` lines or anywhere);
* ``=?utf-8?q?Jane_Roe?=`` (and ``?b?`` base64): an encoded word in an address header or before
  an address is a display name; elsewhere it is masked when it decodes to a name;
* ``Dear Ms. Roe,``, ``Hi Jane,``: the capitalised words after a greeting, unless they address a
  group (``Dear Customer``, ``Hello World``, ``Hi team``).

Kept: the date of a message's ``Date:`` (``Sent:``, ``Resent-Date:``, ``Delivery-Date:``) header and of its
``Received:`` trace lines when the text has other header lines (when the message was sent, as HL7's MSH-7: a
date of the message, not of the person), and the display name of a role mailbox that names no person
(``"Backup Bot" <backup@...>``, ``Jenkins CI <ci@...>``).
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import EMAIL, MAIL
from ._kinds import KEEP
from ._lexicon import ENGLISH
from ._message_ids import id_label
from ._name_table import GIVEN, SURNAME_RANK
from ._role_mail import ROLE_WORDS, role_mailbox
from ._vocab import FIRST_NAMES, SURNAMES

__all__ = ["MailDetector"]

_ADDRESS: Final = r"<[\w.+'-]+@[\w-]+(?:\.[\w-]+)+>"
_ANGLE_ADDRESS: Final = re.compile(_ADDRESS)
_DISPLAY: Final = re.compile(
    r"""(?:(?<=[ :,;=\n\t(\["'])|^)[ ]*(?:"([^"\n]{1,80})"|"""
    r"""((?:[A-Z]|[^\x00-\x7f])[\w'’.-]*(?:[ ](?:[A-Z]|[^\x00-\x7f])[\w'’.-]*){0,3}))[ ]*$"""
)
"""The display name ending just before an address in angle brackets (searched in a window before it)."""
_ENCODED: Final = re.compile(r"=\?[\w-]{1,40}\?([QqBb])\?([^?\s]{1,300})\?=")
_HEADER_BEFORE: Final = re.compile(r"(?:^|[\s\"'])(?:To|From|Cc|CC|Bcc|BCC|TO|FROM|Reply-To|Sender)[ ]*:[^\n]{0,300}$")
_GREETING: Final = re.compile(
    r"(?<![A-Za-z0-9_/]|[^\x00-\x7f])(?:Dear|DEAR|Hi|HI|Hello|HELLO|Hey|Greetings)[ ,]+"
    r"(?:(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?/?)+[ ]+)?"
    r"((?:[A-Z]\.|[A-Z](?:[A-Za-z'’-]*[A-Za-z])?)(?:[ ](?:[A-Z]\.|[A-Z](?:[A-Za-z'’-]*[A-Za-z])?)){0,2})"
    r"(?=[ ]*(?:[,:;!.\n]|\\n|$))"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_GROUPS: Final = _words(
    """all team everyone everybody folks friends friend there world customer customers patient patients member
    members user users sir madam sirs colleagues colleague valued admin administrator support staff guys
    people provider providers doctor doctors nurse client clients partner partners subscriber subscribers
    again back team's you and from"""
)
_NAME_WORD: Final = re.compile(r"[A-Z][a-z'’-]+")
_HEADER_DATE: Final = re.compile(
    r"(?:^|(?<=\n))(?:Date|DATE|Sent|Resent-Date|Delivery-[Dd]ate)[ ]*:[ ]*"
    r"((?:[A-Z][a-z]{2},[ ]*)?[0-9]{1,2}[ ][A-Z][a-z]{2}[ ][0-9]{4}[ ][0-9]{2}:[0-9]{2}(?::[0-9]{2})?"
    r"(?:[ ]*[+-][0-9]{4}|[ ][A-Z]{1,5})?(?:[ ]\([A-Z]{1,5}\))?)"
)
"""An RFC 5322 ``Date:`` header's value: ``Mon, 7 Dec 2026 04:12:55 +0000``."""
_RECEIVED_DATE: Final = re.compile(
    r"(?:^|(?<=\n))Received:[^\n]{0,600}?;[ ]*((?:[A-Z][a-z]{2},[ ]*)?[0-9]{1,2}[ ][A-Z][a-z]{2}[ ][0-9]{4}"
    r"[ ][0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:[ ]*[+-][0-9]{4})?)"
)
_OTHER_HEADER: Final = re.compile(r"(?:^|\n)(?:From|To|Subject|Message-ID|Message-Id|Received|Return-Path)[ ]*:")
"""Another header line: the text is a message (or its header), whose ``Date:`` is the message's."""
_BOT_WORDS: Final = frozenset(
    {"bot", "robot", "daemon", "mailer", "automation", "automated", "backup", "backups", "service", "services",
     "notifications", "alerts", "monitor", "monitoring", "scheduler", "system", "server", "ci", "cd", "pipeline",
     "no-reply", "noreply", "team", "desk", "center", "centre", "office", "department", "dept", "bounce"}
)  # fmt: skip
"""Words of the display names of machines and teams (``Backup Bot``, ``Alerts Team``)."""
_FUNCTION_HEADS: Final = (_BOT_WORDS | ROLE_WORDS | {"reply", "replies"}) - {"test", "dev", "root"}
"""Last words of a display name that name a unit, a function or a system rather than a person."""
_TITLES: Final = frozenset(("dr", "mr", "mrs", "ms", "miss", "mx", "prof", "doctor", "nurse"))
_HEADERS: Final = ("To", "TO", "From", "FROM", "Cc", "CC", "Bcc")
_SIGN_OFFS: Final = ("Thanks", "Regards", "Sincerely", "Cheers", "Best")
_GREETINGS: Final = ("Dear", "DEAR", "Hi", "HI", "Hello", "HELLO", "Hey", "Greetings")
_COMMENT_NAME: Final = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+[ ]*\(([^()\n]{1,60})\)")
"""The old comment form of a display name: ``jane@example.org (Jane Roe)``."""
_HEADER_NAME: Final = re.compile(
    r"(?:^|\n)(?:To|From|Cc|CC|Bcc|Reply-To|TO|FROM)[ ]*:[ ]*"
    r"([A-Z][A-Za-z'’.-]+(?:[ ][A-Z][A-Za-z'’.-]+){1,3})[ ]*(?=,|\r|\n|\\r|\\n|$)"
)
"""A header naming a person without an address: ``To: Jane Roe``."""
_SIGN_OFF: Final = re.compile(
    r"(?<![A-Za-z_/]|[^\x00-\x7f])(?:Thanks|Regards|Sincerely|Cheers|Best)[,!.]?[ ]*(?:\r?\n|\\r\\n|\\n)+[ ]*"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?[ ]+)?([A-Z][a-z'’-]+(?:[ ][A-Z][a-z'’.-]+){0,2})(?=[ ]*(?:\r|\n|\\r|\\n|$))"
)
"""The name under a sign-off: ``Regards,\nJane Roe``."""


def _decoded(encoding: str, payload: str) -> str:
    try:
        if encoding in "Bb":
            raw = base64.b64decode(payload + "=" * (-len(payload) % 4))
        else:
            raw = quopri.decodestring(payload.replace("_", " ").encode("ascii", "replace"), header=True)
    except (binascii.Error, ValueError):
        return ""
    return raw.decode("utf-8", "replace")


def looks_like_name(text: str) -> bool:
    """Whether ``text`` is two or three capitalised words with a census given name or surname among them."""
    words = text.replace(",", " ").split()
    if not 1 < len(words) < 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    return any(w.lower() in GIVEN or w.lower() in SURNAME_RANK for w in words)


def _names_a_function(words: list[str]) -> bool:
    """Whether a display name's last word names a unit or a system (``Patient Portal``, ``Saint Mary Hospital``).

    A person before it (``Jane Roe Office``: a given name, then a given name or surname), a given name before a
    surname that is also a unit's word (``Mary Case``) or a title keeps it a person's.
    """
    if not words or words[-1].strip(".:;()") not in _FUNCTION_HEADS:
        return False
    first = words[0].rstrip(".")
    if first in _TITLES or "'s" in words[0] or any("’s" in word or "'s" in word for word in words):
        return False
    if first in GIVEN and len(words) == 2:
        return words[1] not in SURNAME_RANK  # "Mary Case", "Jane Nurse": a surname that is also a unit's word
    return not (len(words) > 2 and first in GIVEN and (words[1] in GIVEN or words[1] in SURNAME_RANK))


_UNIT_ENDINGS: Final = ("ics", "tion", "ment", "ing", "ity", "ware", "ance", "ence")
"""Endings of the nouns that name a field of work (``Analytics``, ``Informatics``, ``Procurement``)."""


def _plain_word(word: str) -> bool:
    """Whether a lower-case word of a display name is a word of the language that no name table lists
    (``supply``, ``analytics``, ``medical``; not ``chain``, ``grant``, ``jordan``, ``valley``)."""
    word = word.strip(".:;()&")
    if len(word) < 3 or word in GIVEN or word in SURNAME_RANK:
        return False
    if word.title() in FIRST_NAMES or word.title() in SURNAMES:
        return False
    return word in ENGLISH or word.endswith(_UNIT_ENDINGS)


def _brand_and_desk(shown: str, address: str) -> bool:
    """Whether a display name before a role mailbox is the company and the desk the mailbox is (``Stryker Sales
    <sales@stryker.example>``): its last word is the mailbox's name, or its first the domain's, no word a given name."""
    words = shown.strip("\"'").lower().split()
    local, _, domain = address.lower().partition("@")
    if len(words) < 2 or not role_mailbox(local, domain):
        return False
    for word in words:
        if word.title() in FIRST_NAMES:
            return False  # "Roe Jane Sales <sales@...>": a person's name before the desk
    labels = domain.split(".")
    return words[-1] == local or (len(labels) > 1 and words[0] == labels[-2])


def _names_a_role(shown: str, address: str) -> bool:
    """Whether a display name names a function, a machine or a team, not a person.

    Before a role mailbox, a display name holding a word no name table lists (``Supply Chain``, ``Analytics
    Guild``, ``Jordan Valley Medical Center Accounts Payable``) names a unit; ``Jane Roe`` or ``Grant Chase`` before
    ``billing@`` stays a person's.
    """
    words = shown.strip("\"'").replace(",", " ").lower().split()
    if _names_a_function(words):
        return True
    local, _, domain = address.partition("@")
    if not role_mailbox(local, domain):
        return False
    if all(word in ROLE_WORDS or word in _BOT_WORDS for word in words) or not looks_like_name(shown):
        return True
    return any(_plain_word(word) for word in words) and not _TITLES.intersection(w.rstrip(".") for w in words)


class MailDetector(BaseDetector):
    """Display names of e-mail addresses, RFC 2047 encoded names and names after greetings."""

    gate = MAIL | EMAIL
    name = "mail"
    kinds = ("NAME",)

    def find(self, text: str) -> Iterator[Span]:
        if "@" in text and "<" in text:
            for address in _ANGLE_ADDRESS.finditer(text):
                match = _DISPLAY.search(text, max(0, address.start() - 90), address.start())
                if match is None:
                    continue
                group = 1 if match.start(1) >= 0 else 2
                start, end = match.span(group)
                shown = text[start:end].strip()
                if shown and any(ch.isalpha() for ch in shown) and "=?" not in shown:
                    if _brand_and_desk(shown, address[0][1:-1]):
                        yield start, start + len(text[start:end].rstrip()), KEEP  # no name reader's either
                        continue
                    if id_label(shown) or _names_a_role(shown, address[0][1:-1]):
                        continue
                    yield start, start + len(text[start:end].rstrip()), "NAME"
        if "=?" in text:
            for match in _ENCODED.finditer(text):
                after = text[match.end() : match.end() + 3].lstrip()
                if (
                    after.startswith("<")
                    or _HEADER_BEFORE.search(text, max(0, match.start() - 300), match.start()) is not None
                    or looks_like_name(_decoded(match[1], match[2]))
                ):
                    yield match.start(), match.end(), "NAME"
        if "(" in text and "@" in text:
            for match in _COMMENT_NAME.finditer(text):
                if any(ch.isalpha() for ch in match[1]):
                    yield match.start(1), match.end(1), "NAME"
        if ":" in text and any(header in text for header in _HEADERS):
            for match in _HEADER_NAME.finditer(text):
                if match[1].split()[0].lower() not in _GROUPS:
                    yield match.start(1), match.end(1), "NAME"
        if ("Date" in text or "DATE" in text or "Sent:" in text) and _OTHER_HEADER.search(text) is not None:
            for match in _HEADER_DATE.finditer(text):
                yield match.start(1), match.end(1), KEEP
        if "Received:" in text:
            for match in _RECEIVED_DATE.finditer(text):
                yield match.start(1), match.end(1), KEEP
        for match in _SIGN_OFF.finditer(text) if any(word in text for word in _SIGN_OFFS) else ():
            if match[1].split()[0].lower() not in _GROUPS:
                yield match.start(1), match.end(1), "NAME"
        for match in _GREETING.finditer(text) if any(word in text for word in _GREETINGS) else ():
            words = match[1].split()
            while words and words[-1].lower().rstrip(".") in _GROUPS:
                words.pop()
            if words and words[0].lower() not in _GROUPS:
                start = match.start(1)
                yield start, start + len(" ".join(words)), "NAME"
