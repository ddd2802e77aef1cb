"""A town beside its own postal code as the two values of a tuple or row (``('Bellinzona', '6500')``).

The pair is an address's last line split in two: the town is one of the table of towns or shaped as one (``New
Kevin``, ``Johnsonburgh``), the code has a postal code's shape of a country of the table (four or five digits,
``12345-678``, ``1234 AB``, ``SW1A 1AA``). Not a year (``('Frankfurt', '2024')``), a port or a count of three
digits or a service's port (``('Frankfurt', '8443')``), nor a word of English (``('Reading', '10000')``).
"""

from __future__ import annotations

import re
from typing import Final

from ._gazetteer import NONE, listed_town, town_evidence
from ._lexicon import ENGLISH

__all__ = ["town_and_code"]

_CODE: Final = re.compile(
    r"[0-9]{4,5}|[0-9]{5}-[0-9]{3,4}|[0-9]{4}[ ]?[A-Z]{2}|[A-Z]{1,2}[0-9][0-9A-Z]?[ ][0-9][A-Z]{2}|[0-9]{8}"
)
_YEAR: Final = re.compile(r"(?:19[5-9]|20[0-4])[0-9]")
"""Four digits that read as a recent year first."""
_TOWN: Final = re.compile(r"[A-ZÀ-Þ][^\W\d_]+(?:['’ -][A-Za-zÀ-ÿ][^\W\d_]*){0,3}")


_PORTS: Final = frozenset(
    (
        *("3000", "3306", "4000", "5000", "5432", "5672", "6379", "8000", "8080", "8443", "8888", "9000", "9090"),
        *("9092", "9200", "11211", "27017"),
    )
)
"""Service ports a datacenter's town may stand beside (``('Frankfurt', '8443')``): no postal codes there."""


def town_and_code(town: str, code: str) -> bool:
    """Whether two values are a town and its postal code (see the module's description)."""
    if _CODE.fullmatch(code) is None or _YEAR.fullmatch(code) is not None or code in _PORTS:
        return False
    if _TOWN.fullmatch(town) is None or town.lower() in ENGLISH:
        return False
    return listed_town(town) or town_evidence(town.split()) != NONE
