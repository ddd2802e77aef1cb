"""The fast gate: one regex pass that says which detectors could find anything in a text.

Most log text holds no PHI, and running every detector over it would cost far more than writing
the line. So one compiled pattern, skipping quickly over ordinary characters, stops only at
*anchors*: characters where an identifier could begin (a digit group, ``@``, a title, a
capitalized word after a lowercase one, ``key=``...). Strong anchors (an SSN shape, an e-mail
``@``) select their detector outright; weak ones (a four-digit number, a capitalized word) are
confirmed by a look at the few words around them (a cue such as ``DOB`` or ``patient``, a street
suffix, a PHI field name) before their detectors are selected. A text without anchors costs
that one pass.

The gate is conservative by construction: every built-in detector's matches contain one of its
anchors (``tests/redaction`` checks gated and ungated scans agree on the labelled corpus and on
generated text).
"""

from __future__ import annotations

import re
from typing import Final

from ._keys import DEFAULT_CATALOGUE, KeyCatalogue
from ._vocab import FIRST_NAMES, STATE_CODES, STATE_NAMES as _STATE_NAMES, STREET_SUFFIXES, SURNAMES

__all__ = [
    "ADDRESS",
    "AGE",
    "ALL",
    "CARD",
    "CUED",
    "DEA",
    "EMAIL",
    "HL7",
    "IPV4",
    "KV",
    "MAC",
    "MBI",
    "NAME",
    "PHONE",
    "SSN",
    "URL",
    "VIN",
    "ZIP",
    "gate",
]

SSN, PHONE, CARD, CUED, MBI, DEA, VIN, MAC, IPV4, EMAIL, URL, HL7, AGE, ZIP, ADDRESS, NAME, KV = (
    1 << n for n in range(17)
)
ALL: Final = (1 << 17) - 1

_ANCHOR: Final = re.compile(
    r"""[0-9A-Z@^:=(+](?:
    (?<=[0-9])(?:
        (?P<ssn>(?<![0-9][0-9])[0-9]{2}[- ][0-9]{2}[- ][0-9]{4})
      | (?P<phone>[0-9]{2}\)?[-. ]{1,2}[0-9]{3}[-. ][0-9]{4})
      | (?P<ipv4>[0-9]{0,2}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9])
      | (?P<mbi>[A-Z][A-Z0-9][0-9]-?[A-Z])
      | (?P<vin>(?<![A-Za-z0-9][A-Z0-9])[A-HJ-NPR-Z0-9]{16}(?![A-Za-z0-9]))
      | (?P<mac>[0-9A-Fa-f]-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-)
      | (?P<number>[0-9]{2})
      | (?P<date>[0-9]?[/.-][0-9]{1,2}[/.-][0-9]{2})
      | (?P<street>[0-9]{1,5}[A-Za-z]?[ ]+[A-Z0-9])
      | (?P<age>(?<![0-9.][0-9])(?<=[19])[0-9]{1,2}(?![0-9]))
    )
  | (?<=[A-Z])(?:
        (?P<title>(?<=[DMP])(?:r|rs|s|x|iss|rof|R|RS|S)\.?[ ][A-Z])
      | (?P<capital>(?<![A-Za-z0-9_][A-Z])[a-z])
      | (?P<caps>(?<![A-Za-z0-9_][A-Z])[A-Z]*,?[ ][A-Z]{2})
      | (?P<mac2>[0-9A-F]-[0-9A-F]{2}-[0-9A-F]{2}-)
      | (?P<dea>[A-Z9][0-9]{7}(?![0-9]))
      | (?P<state>[A-Z](?:[ ]+|\^)[0-9]{5})
      | (?P<segment>(?<=P)ID\||(?<=N)K1\||(?<=G)T1\||(?<=I)N1\|)
      | (?P<vin2>(?<![A-Za-z0-9][A-Z])[A-HJ-NPR-Z0-9]{16}(?![A-Za-z0-9]))
    )
  | (?P<at>(?<=@))
  | (?P<caret>(?<=\^))
  | (?<=:)(?:(?P<url>(?<=[A-Za-z]:)//)|(?P<ipv6>(?<=[0-9a-fA-F]:)[0-9a-fA-F]{0,4}:[0-9a-fA-F]{0,4}:|(?<=::))|(?P<kv>(?<=[A-Za-z0-9_"']:)|(?<=[A-Za-z0-9_"'][ ]:)))
  | (?P<kv2>(?<=[A-Za-z0-9_"']=)|(?<=[A-Za-z0-9_"'][ ]=))
  | (?<=\()(?P<paren>[0-9]{3}\)[ ]?[0-9]{3}[-. ][0-9]{4})
  | (?<=\+)(?P<plus>1[-. ]?[0-9]{3})
)""",
    re.VERBOSE,
)

_STRONG: Final = {
    "ssn": SSN,
    "phone": PHONE | CUED,
    "paren": PHONE,
    "plus": PHONE,
    "ipv4": IPV4,
    "mbi": MBI,
    "vin": VIN,
    "vin2": VIN,
    "mac": MAC,
    "mac2": MAC,
    "ipv6": MAC,
    "title": NAME,
    "dea": DEA,
    "segment": HL7,
    "at": EMAIL,
    "caret": HL7 | NAME | ZIP,
    "url": URL,
}

NUMBER_CUES: Final = frozenset(
    """dob d.o.b born birth birthdate birthday bd admitted admission admit discharged discharge died death deceased
    expired dos service visit seen visited appointment surgery procedure injury doi zip zipcode postal post mrn
    record medical med rec chart member subscriber beneficiary medicaid medicare policy insurance plan account
    acct acct# iban license licence driver's drivers dl certificate passport permit plate tag vin serial s/n
    device imei udi npi ssn ss# ssn# social security sec soc phone tel telephone cell mobile fax ph call contact
    callback sms text patient pt id# mrn# no. number num # box york jersey carolina dakota island virginia
    columbia rico hampshire mexico""".split()
    + [name.lower() for name in _STATE_NAMES.split("|") if " " not in name]
)
"""Words that, shortly before a number or a date, may make it an identifier."""

NAME_CUES: Final = frozenset(
    """patient pt pt. pt: name named first last full given family middle maiden legal preferred member
    subscriber insured guarantor beneficiary resident caregiver guardian spouse wife husband mother father son
    daughter parent sibling sister brother kin contact nok decedent for""".split()
)
"""Words that, just before a capitalized word, may make it a person's name."""

_AGE_CUES: Final = frozenset({"age", "aged", "ages", "age:", "aged:", "age=", "is", "of", "was"})
_STRIP: Final = ".,:;=#()[]{}\"'-"


def _words_before(text: str, position: int, count: int) -> list[str]:
    words = [w.strip(_STRIP) for w in text[max(0, position - 48):position].lower().split()[-count - 1:]]
    return [w for w in words if w][-count:]


def _age_cued(text: str, before: list[str], end: int) -> bool:
    return any(w in _AGE_CUES for w in before) or "y" in text[end:end + 4].lower()


def _number_cued(text: str, position: int) -> bool:
    return any(w in NUMBER_CUES or w.rstrip("#:") in NUMBER_CUES for w in _words_before(text, position, 4))


def _weak(name: str, text: str, start: int, end: int, catalogue: KeyCatalogue) -> int:
    """The detectors a weak anchor selects once its surroundings confirm it (0 when they do not)."""
    if name == "number":
        bits = 0
        size = len(text)
        stop = start
        while stop < size and (
            text[stop].isdigit() or text[stop] in " -.()/" and stop + 1 < size and text[stop + 1].isdigit()
        ):
            stop += 1
        digits = sum(ch.isdigit() for ch in text[start:stop])
        if digits >= 12:
            bits |= CARD
        before = _words_before(text, start, 4)
        if any(word in NUMBER_CUES or word.rstrip("#:") in NUMBER_CUES for word in before):
            bits |= CUED | ZIP
            if before and before[-1] == "box":
                bits |= ADDRESS
        if digits <= 3 and 89 < int(text[start:start + 3]) < 140 and _age_cued(text, before, start + 3):
            bits |= AGE
        return bits | _street(text, stop)
    if name == "date":
        return CUED if _number_cued(text, start) else 0
    if name == "street":
        return _street(text, end - 1)
    if name == "age":
        return AGE if _age_cued(text, _words_before(text, start, 2), end) else 0
    if name in ("capital", "caps"):
        words = _words_before(text, start, 2)
        if words and words[-1] in NAME_CUES:
            return NAME
        if len(words) > 1 and words[-2] in NAME_CUES and words[-1] in ("is", "was", "name"):
            return NAME
        if "," in text[max(0, start - 2):start]:
            first = text[start:start + 24].split(" ")[0].strip(_STRIP).title()
            last = text[max(0, start - 30):start].rstrip(", ").split(" ")[-1].strip(_STRIP).title()
            if first in FIRST_NAMES or last in SURNAMES:
                return NAME
        return 0
    if name == "state":
        return ZIP if text[start:start + 2] in STATE_CODES else 0
    if name in ("kv", "kv2"):
        return KV if _phi_key_before(text, start, catalogue) else 0
    return 0


def _street(text: str, position: int) -> int:
    """ADDRESS when a street suffix follows the building number at ``position`` within a few words."""
    words = text[position:position + 64].split()
    for word in words[1:6]:
        bare = word.rstrip(".,;")
        if bare in STREET_SUFFIXES or bare.title() in STREET_SUFFIXES:
            return ADDRESS
    return 0


_KEY_BEFORE: Final = re.compile(r"[ \t]*[\"']?([\w.\-]{0,63}[A-Za-z_])")


def _phi_key_before(text: str, separator: int, catalogue: KeyCatalogue) -> bool:
    window = text[max(0, separator - 70):separator][::-1]
    match = _KEY_BEFORE.match(window)
    if match is None:
        return False
    key = match[1][::-1]
    return catalogue.kind(key) is not None


def gate(text: str, catalogue: KeyCatalogue = DEFAULT_CATALOGUE) -> int:
    """Bit set of the detector groups worth running on ``text`` (0: nothing to find)."""
    bits = 0
    strong = _STRONG
    for match in _ANCHOR.finditer(text):
        name = match.lastgroup
        if name is None:
            continue
        found = strong.get(name)
        if found is None:
            found = _weak(name, text, match.start(), match.end(), catalogue)
        bits |= found
        if bits == ALL:
            break
    return bits
