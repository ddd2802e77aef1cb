"""The NCPDP D.0 field ids that identify a person, and the cheap check that selects the NCPDP reader."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["CORE_IDS", "NCPDP_FIELDS", "SEGMENT_BESIDE", "ncpdp_gate"]

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
_BEFORE_EQUALS: Final = re.compile(r"=(?<=([A-Z0-9]{2})=)")
"""Each ``=`` after two capitals or digits (a literal first: the engine skips to each ``=`` at C speed)."""


def ncpdp_gate(text: str) -> bool:
    """Whether ``text`` may hold NCPDP fields: a field separator (as is, escaped or ``<FS>``), a segment
    id beside ``|`` or ``^``, or field ids written as keys (``C2=... CC=...``)."""
    if "\x1c" in text or ("\\" in text and ("\\x1" in text or "\\u001" in text)) or "<FS>" in text:
        return True
    if ("AM0" in text or "AM1" in text or "AM2" in text) and SEGMENT_BESIDE.search(text) is not None:
        return True  # a segment id (AM01...) beside the separator the fields are written with
    if "=" not in text:
        return False
    ids = {found for found in _BEFORE_EQUALS.findall(text) if found in NCPDP_FIELDS}
    return bool(ids) and ("NCPDP" in text or (len(ids) > 1 and not ids.isdisjoint(CORE_IDS)))
