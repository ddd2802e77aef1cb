"""Values named by a sibling field, in JSON, repr or XML text: FHIR ``Parameters`` and OTLP attributes.

FHIR's ``Parameters`` resource (``$match``, ``$everything``, custom operations) gives each value
its name in a sibling: ``{"name": "birthdate", "valueDate": "1961-03-04"}``, in ``parameter[]``
and ``part[]`` (in XML, ``<name value="birthdate"/><valueDate value="..."/>``). OpenTelemetry's
wire form does the same: ``{"key": "app.patient.display", "value": {"stringValue": "..."}}``. The
name is judged as a field name (:mod:`._keys`), and the names of a person's search parameters count
too (``family``, ``given``, ``address-city``...); a value so named is masked whole. Parameters
that name no person (``count``, ``url``) stay.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import NAMED
from ._json_values import NAMED_VALUE, XML_NAMED_VALUE, value_end, value_spans
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue

__all__ = ["NamedValueDetector", "named_value_kind"]

SEARCH_PARAMETER_KINDS: Final = {
    "family": "NAME",
    "given": "NAME",
    "birthdate": "DOB",
    "address": "ADDRESS",
    "address-city": "ADDRESS",
    "address-postalcode": "ZIP",
    "phone": "PHONE",
    "email": "EMAIL",
    "telecom": "PHONE",
    "death-date": "DATE",
    "mothersmaidenname": "NAME",
}
"""Search parameters of FHIR's ``Patient`` (and ``$match`` inputs) that a value named so holds."""


def named_value_kind(name: str, catalogue: KeyCatalogue = DEFAULT_CATALOGUE) -> str | None:
    """The kind of PHI a value named ``name`` by its sibling holds, or ``None``."""
    return SEARCH_PARAMETER_KINDS.get(name.lower()) or catalogue.kind(name)


class NamedValueDetector(BaseDetector):
    """Values of FHIR ``Parameters`` and OTLP attributes whose sibling names a PHI field."""

    gate = NAMED
    name = "named_value"
    kinds = ("NAME", "DOB", "ADDRESS", "ZIP", "PHONE", "EMAIL", "DATE", "ID")

    def __init__(self, catalogue: KeyCatalogue | None = None) -> None:
        self.catalogue = catalogue or DEFAULT_CATALOGUE

    def find(self, text: str) -> Iterator[Span]:
        for found in NAMED_VALUE.finditer(text):
            kind = named_value_kind(found[3], self.catalogue)
            if kind is None:
                continue
            start = found.end()
            end = value_end(text, start)
            if end > start:
                yield from value_spans(text, start, end, kind)
        if "<" in text:
            for found in XML_NAMED_VALUE.finditer(text):
                kind = named_value_kind(found[2], self.catalogue)
                if kind is not None and found[4].strip():
                    yield found.start(4), found.end(4), kind
