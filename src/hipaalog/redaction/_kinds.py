"""Identifier kinds: the labels that masks, pseudonym tokens and findings carry.

Each kind belongs to one of the 18 identifier classes of the HIPAA Safe Harbor method,
45 CFR 164.514(b)(2)(i)(A)-(R); :data:`SAFE_HARBOR` says which.
"""

from __future__ import annotations

from typing import Final

__all__ = ["KEEP", "KINDS", "SAFE_HARBOR", "UNINSPECTED"]

SAFE_HARBOR: Final[dict[str, str]] = {
    "NAME": "(A) names",
    "ADDRESS": "(B) geographic subdivisions smaller than a state",
    "ZIP": "(B) geographic subdivisions smaller than a state (ZIP codes)",
    "DOB": "(C) dates directly related to an individual (birth)",
    "DATE": "(C) dates directly related to an individual (admission, discharge, death, service)",
    "AGE": "(C) ages over 89",
    "PHONE": "(D) telephone numbers",
    "FAX": "(E) fax numbers",
    "EMAIL": "(F) email addresses",
    "SSN": "(G) social security numbers",
    "MRN": "(H) medical record numbers",
    "PATIENT": "(H) patient identifiers (pseudonymised like the audit trail's patient tokens)",
    "MEMBER_ID": "(I) health plan beneficiary numbers",
    "MBI": "(I) health plan beneficiary numbers (Medicare Beneficiary Identifier)",
    "ACCOUNT": "(J) account numbers",
    "CARD": "(J) account numbers (payment cards)",
    "LICENSE": "(K) certificate and license numbers",
    "NPI": "(K) certificate and license numbers (National Provider Identifier)",
    "DEA": "(K) certificate and license numbers (DEA registration)",
    "VEHICLE": "(L) vehicle identifiers and serial numbers, including license plates",
    "DEVICE": "(M) device identifiers and serial numbers",
    "URL": "(N) web universal resource locators",
    "IP": "(O) internet protocol addresses",
    "BIOMETRIC": "(P) biometric identifiers",
    "PHOTO": "(Q) full-face photographs and comparable images",
    "ID": "(R) any other unique identifying number, characteristic, or code",
}
"""Every kind hipaalog detects, with the Safe Harbor class it belongs to."""

UNINSPECTED: Final = "UNINSPECTED"
"""The kind of a value masked because it could not be inspected (fail closed)."""

KEEP: Final = "KEEP"
"""Not a kind: a span a format detector vouches for (an organisation's name in a FHIR resource); the spans
other detectors find inside it are dropped."""

KINDS: Final[frozenset[str]] = frozenset(SAFE_HARBOR) | {UNINSPECTED}
