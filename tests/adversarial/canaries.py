"""Synthetic PHI to plant, and how to find it again in whatever was written.

A canary is a value together with the two forms in which the default redaction is expected to
catch it in plain sight: under a field name that says what it is, and in a sentence with its cue
word. Every attack plants canaries that redaction catches in plain sight; a canary found in the
output afterwards therefore escaped through the path, the container or the encoding, never
through a detector that simply does not know the value.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field

from faker import Faker

import hipaalog

__all__ = ["DEFAULT", "Canaries", "Canary", "canaries_from", "find_leaks", "haystacks"]

_ESCAPE = re.compile(r"\\+u([0-9a-fA-F]{4})")
_MIN_DIGITS = 7


@dataclass(frozen=True)
class Canary:
    """One planted value: ``kind`` (SSN, EMAIL...), ``value``, its field name ``key`` and cue ``text``."""

    kind: str
    value: str
    key: str
    cue: str

    @property
    def text(self) -> str:
        """The value in a sentence with its cue word (``"DOB 03/07/1984"``)."""
        return f"{self.cue} {self.value}".strip()

    def patterns(self) -> list[re.Pattern[str]]:
        """What counts as this value in output: itself, its digits with any separators, a surname."""
        found = [re.compile(re.escape(self.value), re.IGNORECASE)]
        digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", self.value))
        if len(digits) >= _MIN_DIGITS:
            found.append(re.compile(r"(?<!\d)" + r"[^0-9A-Za-z]{0,3}".join(digits) + r"(?!\d)"))
        if self.kind == "NAME":
            surname = self.value.split()[-1]
            if len(surname) >= 4:
                found.append(re.compile(rf"\b{re.escape(surname)}\b"))
        if self.kind == "EMAIL":
            found.append(re.compile(re.escape(self.value.split("@")[0]) + r"\W{0,3}(@|%40|\(at\))", re.IGNORECASE))
        return found


@dataclass(frozen=True)
class Canaries:
    """One canary of each kind."""

    ssn: Canary
    email: Canary
    phone: Canary
    name: Canary
    dob: Canary
    mrn: Canary
    ip: Canary
    extra: tuple[Canary, ...] = field(default=())

    def all(self) -> list[Canary]:
        """Every canary."""
        return [self.ssn, self.email, self.phone, self.name, self.dob, self.mrn, self.ip, *self.extra]


DEFAULT = Canaries(
    ssn=Canary("SSN", "219-09-9999", "ssn", "ssn"),
    email=Canary("EMAIL", "marisol.quintanilla@example.com", "email", "email"),
    phone=Canary("PHONE", "415-555-0134", "phone", "phone"),
    name=Canary("NAME", "Marisol Quintanilla", "patient_name", "patient"),
    dob=Canary("DOB", "03/07/1984", "dob", "DOB"),
    mrn=Canary("MRN", "00482913", "mrn", "MRN"),
    ip=Canary("IP", "203.0.113.7", "client_ip", "ip"),
)


def _caught_in_plain_sight(canary: Canary) -> bool:
    """Whether default redaction removes the canary from its cue sentence and from under its field name."""
    text = hipaalog.redact(canary.text)
    under_key = hipaalog.redact({canary.key: canary.value})
    return not any(p.search(text) for p in canary.patterns()) and under_key[canary.key] != canary.value


@functools.cache
def _faker() -> Faker:
    return Faker("en_US")


def canaries_from(seed: int) -> Canaries | None:
    """A set of Faker-made canaries (``None`` when one of them is not caught in plain sight)."""
    fake = _faker()
    fake.seed_instance(seed)
    first, last = fake.first_name(), fake.last_name()
    made = Canaries(
        ssn=Canary("SSN", fake.ssn(), "ssn", "ssn"),
        email=Canary("EMAIL", f"{first.lower()}.{last.lower()}{seed % 97}@example.org", "email", "email"),
        phone=Canary(
            "PHONE", fake.numerify("(###) 555-0###").replace("(0", "(2").replace("(1", "(3"), "phone", "phone"
        ),
        name=Canary("NAME", f"{first} {last}", "patient_name", "patient"),
        dob=Canary("DOB", fake.date_of_birth(minimum_age=1, maximum_age=88).strftime("%m/%d/%Y"), "dob", "DOB"),
        mrn=Canary("MRN", fake.numerify("00######"), "mrn", "MRN"),
        ip=Canary("IP", fake.ipv4_public(), "client_ip", "ip"),
    )
    return made if all(_caught_in_plain_sight(c) for c in made.all()) else None


def haystacks(text: str) -> list[str]:
    """``text`` as a reader would see it: as written, Unicode-normalised, escapes and percent-encoding undone."""
    unescaped = _ESCAPE.sub(lambda m: chr(int(m[1], 16)), text)
    forms = [text, unicodedata.normalize("NFKC", unescaped)]
    forms.append(urllib.parse.unquote(forms[-1]))
    forms.append(html.unescape(forms[-1]).replace("\u00a0", " "))
    return forms


def find_leaks(text: str, canaries: list[Canary]) -> list[str]:
    """The kinds of the canaries found in ``text`` (with the first place each is found)."""
    leaks = []
    stacks = haystacks(text)
    for canary in canaries:
        for pattern in canary.patterns():
            match = next((m for s in stacks if (m := pattern.search(s))), None)
            if match is not None:
                start = max(0, match.start() - 60)
                leaks.append(f"{canary.kind}: ...{match.string[start : match.end() + 20]!r}")
                break
    return leaks
