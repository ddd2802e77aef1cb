"""Field names of an organisation's place: the city of a vendor, an office or a warehouse is no one's PHI.

``{"vendor": {"city": "Springfield"}}`` and ``office_city`` name where a firm or one of its sites is, not
where a person lives; under a person (``patient.office_city``) the key rules still mask it. An organisation's
phone lines (``{"pharmacy": {"phone": ...}}``) are its own as well (see :mod:`._service_lines`).
"""

from __future__ import annotations

from typing import Final

__all__ = ["ORG_WORDS", "PLACE_TERMS", "organisation_words"]

ORG_WORDS: Final = frozenset(
    (
        "vendor", "vendors", "supplier", "suppliers", "office", "offices", "branch", "branches", "company",
        "companies", "store", "stores", "warehouse", "warehouses", "datacenter", "datacenters", "datacentre",
        "facility", "facilities", "organization", "organizations", "organisation", "organisations", "manufacturer",
        "manufacturers", "merchant", "merchants", "firm", "firms", "depot", "depots", "plant", "plants", "clinic",
        "clinics", "hospital", "hospitals", "pharmacy", "pharmacies", "lab", "labs", "laboratory", "laboratories",
        "payer", "payers", "insurer", "insurers", "practice", "practices", "agency", "agencies", "org", "orgs",
        "helpdesk", "servicedesk", "site", "sites", "carrier", "carriers", "distributor", "distributors",
        "wholesaler", "wholesalers",
    )
)  # fmt: skip
"""Last words of a field name that say the object is an organisation or one of its sites."""
PLACE_TERMS: Final = frozenset(
    ("city", "town", "county", "municipality", "locality", "cty", "cityname", "townname", "ciudad", "ville", "stadt")
)
"""Field names (words run together) of a town: under an organisation, its own."""


def organisation_words(words: list[str]) -> bool:
    """Whether the words of a field name end with an organisation's (``vendor``, ``branch_office``, ``data_center``)."""
    if not words:
        return False
    last = words[-1]
    if last in ORG_WORDS:
        return True
    return len(words) > 1 and last in ("center", "centre", "centers", "centres") and words[-2] == "data"
