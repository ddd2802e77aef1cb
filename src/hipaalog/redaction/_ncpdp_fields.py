"""The NCPDP D.0 field ids that identify a person, and the cheap check that selects the NCPDP reader."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

__all__ = [
    "CLAIM_KEPT",
    "CORE_IDS",
    "NCPDP_FIELDS",
    "NCPDP_KEYS",
    "QUOTED_KEY",
    "SEGMENT_BESIDE",
    "claim_fields",
    "keyed_claim",
    "ncpdp_gate",
    "numbered_key",
    "plausible",
    "quoted_claim",
]

NCPDP_FIELDS: Final[dict[str, str]] = {
    # Patient segment (AM01) and the response's patient segment (AM29)
    "CY": "MRN",  # 332-CY Patient ID
    "C4": "DOB",  # 304-C4 Date of Birth
    "CA": "NAME",  # 310-CA Patient First Name
    "CB": "NAME",  # 311-CB Patient Last Name
    "CM": "ADDRESS",  # 322-CM Patient Street Address
    "CN": "ADDRESS",  # 323-CN Patient City Address
    "CP": "ZIP",  # 325-CP Patient ZIP/Postal Zone
    "CQ": "PHONE",  # 326-CQ Patient Phone Number
    "HN": "EMAIL",  # 350-HN Patient E-Mail Address
    # Insurance segment (AM04)
    "C2": "MEMBER_ID",  # 302-C2 Cardholder ID
    "CC": "NAME",  # 312-CC Cardholder First Name
    "CD": "NAME",  # 313-CD Cardholder Last Name
    "C1": "MEMBER_ID",  # 301-C1 Group ID (the member's plan group, read with the cardholder's id)
    "N5": "MEMBER_ID",  # 115-N5 Medicaid ID Number
    "2A": "MEMBER_ID",  # 359-2A Medigap ID
    # Coordination of benefits segment (AM05): the cardholder's id with another payer
    "NU": "MEMBER_ID",  # 356-NU Other Payer Cardholder ID
    # Claim segment (AM07): the day the prescription was written is the patient's
    "DE": "DATE",  # 414-DE Date Prescription Written
    # Workers' compensation segment (AM06): the patient's employer and injury
    "DY": "DATE",  # 434-DY Date of Injury
    "DZ": "ID",  # 435-DZ Claim/Reference ID
    "CF": "NAME",  # 315-CF Employer Name
    "CG": "ADDRESS",  # 316-CG Employer Street Address
    "CH": "ADDRESS",  # 317-CH Employer City Address
    "CJ": "ZIP",  # 319-CJ Employer Zip/Postal Zone
    "CK": "PHONE",  # 320-CK Employer Phone Number
    "CL": "NAME",  # 321-CL Employer Contact Name
}
"""Field id -> kind of the D.0 fields that identify a patient, cardholder or their employer."""

SEGMENT_BESIDE: Final = re.compile(r"(?<![A-Za-z0-9])AM[0-9]{2}([|^*~])|([|^*~])(?=AM[0-9]{2}(?![A-Za-z0-9]))")
"""A segment id (``AM01``) beside a ``|``, ``^``, ``*`` or ``~`` (``~AM01*CA...``: both): the separators those
fields are written with."""
CORE_IDS: Final = frozenset({"C2", "C4", "CY", "CC", "CD", "CQ"})
"""Ids of which one must be among two keyed ones (``CA=17 CB=22`` alone is a grid, not a claim)."""
_IDS: Final = "|".join(NCPDP_FIELDS)
QUOTED_KEY: Final = re.compile(
    rf"""(["'])({_IDS})\1:[ ]?(?:"([^"\n]{{1,80}})"|'([^'\n]{{1,80}})'|([0-9]{{3,20}})(?![0-9.]))"""
)
"""A field id as a quoted key of a printed dict or JSON object: ``"CA": "JANE"``, ``'C4': 19500203``."""
_LETTER: Final = re.compile(r"[^\W\d_]")
_DIGITS: Final = re.compile(r"(?:[^0-9]*[0-9]){3}")
_NOT_NAME: Final = re.compile(r"[0-9/@:=\\<>{}]")
_NUMBERED: Final = frozenset({"C2", "C4", "CY", "CQ"})
"""Ids of which a claim parsed into a mapping holds one, with its digits (``CA`` and ``CC`` alone may be a
certificate authority and a copy's address)."""


def plausible(kind: str, value: str) -> bool:
    """Whether a keyed value can be a field of its kind: a name has a letter and no digit, path or address
    sign, an address a letter, an e-mail address an ``@``, a date, phone, ZIP or id three digits or more
    (``CA=4 CB=7`` is a grid's, ``"CA": "/etc/ssl/ca.pem"`` a certificate's)."""
    if kind == "NAME":
        return _LETTER.search(value) is not None and _NOT_NAME.search(value) is None
    if kind == "ADDRESS":
        return _LETTER.search(value) is not None and "@" not in value and "://" not in value
    if kind == "EMAIL":
        return "@" in value
    return _DIGITS.match(value) is not None


def keyed_claim(ids: set[str], text: str) -> bool:
    """Whether field ids written as keys make a claim: one beside the word ``NCPDP``, or two, one of them
    :data:`CORE_IDS` (``CA`` and ``CB`` alone may be a grid's columns)."""
    return ("NCPDP" in text and bool(ids)) or (len(ids) > 1 and not ids.isdisjoint(CORE_IDS))


_NUMBERED_KEY: Final = re.compile(r"C[24YQ][\"']:")
"""The end of a numbered id written as a quoted key (``C2":``): a literal first, searched at C speed."""


def numbered_key(text: str) -> bool:
    """Whether one of the numbered ids is written as a quoted key (``"C2":``): the cheap test before
    :func:`quoted_claim` reads the text."""
    return "C" in text and _NUMBERED_KEY.search(text) is not None


def quoted_claim(text: str) -> list[tuple[int, int, str]] | None:
    """The spans of a claim's fields printed as a dict or JSON object (``{"C2": "ZK4409", "CA": "JANE"}``),
    on the rule of :func:`claim_fields`; ``None`` when the quoted ids make no claim."""
    spans: list[tuple[int, int, str]] = []
    ids: set[str] = set()
    for found in QUOTED_KEY.finditer(text):
        group = 3 if found[3] is not None else 4 if found[4] is not None else 5
        kind = NCPDP_FIELDS[found[2]]
        if plausible(kind, found[group]):
            spans.append((found.start(group), found.end(group), kind))
            ids.add(found[2])
    return spans if len(ids) > 1 and not _NUMBERED.isdisjoint(ids) else None


CLAIM_KEPT: Final = frozenset(
    (
        *("C3", "C5", "C6", "C9", "CO", "CX", "FO"),  # person and relationship codes, gender, state, plan
        *("EM", "D2", "E1", "D7", "E7", "D3", "D5", "D6", "D8", "DF", "DJ", "DK", "28"),  # the claim and product
        *("EZ", "DB", "DR", "2J", "PM", "DL", "4E"),  # the prescriber and primary care provider
        *("D9", "DC", "DQ", "DU", "DN", "F5", "F6", "F9", "FM", "AN", "F3", "F4", "FQ", "FB", "UF"),  # price, response
    )
)
"""Ids of a claim's fields that are no person's (the prescription number, NDC, quantity, the prescriber's id and
name, prices, response codes): kept in a claim parsed into a mapping, where other values beside a patient's name
would be read by their shape (a nine-digit prescription number as an SSN)."""
NCPDP_KEYS: Final = frozenset(NCPDP_FIELDS)
"""The field ids, as the keys of a claim parsed into a mapping."""


def claim_fields(mapping: Mapping[Any, Any]) -> dict[str, str] | None:
    """Key -> kind of a claim parsed into a mapping (``{"C2": ..., "CA": "JANE", "C4": 19500203}``): the
    values under the table's ids that look like their kind, when the ids make a claim; ``None`` otherwise."""
    fields: dict[str, str] = {}
    for key in NCPDP_KEYS.intersection(mapping):
        item = mapping[key]
        cls = type(item)
        if cls is int or cls is str:
            kind = NCPDP_FIELDS[key]
            if plausible(kind, str(item)):
                fields[key] = kind
    return fields if len(fields) > 1 and not _NUMBERED.isdisjoint(fields) else None


_BEFORE_EQUALS: Final = re.compile(r"=(?<=([A-Z0-9]{2})=)")
"""Each ``=`` after two capitals or digits (a literal first: the engine skips to each ``=`` at C speed)."""


def ncpdp_gate(text: str) -> bool:
    """Whether ``text`` may hold NCPDP fields: a field separator (as is, escaped or ``<FS>``), a segment
    id beside ``|``, ``^``, ``*`` or ``~``, or field ids written as keys (``C2=... CC=...``, ``"C2": ...``)."""
    if "\x1c" in text or ("\\" in text and ("\\x1" in text or "\\u001" in text)) or "<FS>" in text:
        return True
    if ("\x1e" in text or "\x1d" in text or "<RS>" in text or "<GS>" in text) and "AM" in text:
        return True  # the segment or group separator written where the field separator belongs
    if ("AM0" in text or "AM1" in text or "AM2" in text) and SEGMENT_BESIDE.search(text) is not None:
        return True  # a segment id (AM01...) beside the separator the fields are written with
    if "=" in text:
        ids = {found for found in _BEFORE_EQUALS.findall(text) if found in NCPDP_FIELDS}
        if ids and keyed_claim(ids, text):
            return True
    return numbered_key(text) and quoted_claim(text) is not None
