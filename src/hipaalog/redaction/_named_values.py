"""Values named by a sibling field, in JSON, repr or XML text: FHIR ``Parameters`` and OTLP attributes.

FHIR's ``Parameters`` resource (``$match``, ``$everything``, custom operations) gives each value
its name in a sibling: ``{"name": "birthdate", "valueDate": "1961-03-04"}``, in ``parameter[]``
and ``part[]`` (in XML, ``<name value="birthdate"/><valueDate value="..."/>``). OpenTelemetry's
wire form does the same: ``{"key": "app.patient.display", "value": {"stringValue": "..."}}``. The
name is judged as a field name (:mod:`._keys`), and the names of a person's search parameters count
too (``family``, ``given``, ``address-city``...); a value so named is masked whole. Parameters
that name no person (``count``, ``url``) stay. A ``QuestionnaireResponse``'s answers are named by their
question (:mod:`._questionnaire`).

The same holds in dicts of any application: a label beside a value (``{"field": "zip", "value": ...}``,
``{"key": "mrn", "val": ...}``, an audit trail's ``{"attribute": "phone", "old": ..., "new": ...}``) and a
table as columns and rows (``{"columns": ["mrn", "dob"], "data": [[...], ...]}``, pandas' ``split`` form).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from ._detector import BaseDetector, Span
from ._gate import NAMED
from ._json_values import NAMED_VALUE, XML_NAMED_VALUE, value_end, value_spans
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue
from ._questionnaire import questionnaire_spans
from ._spelled_phones import CONTACT_USES, spelled_phone

__all__ = [
    "LABELLED_VALUE_KEYS",
    "TABLE_COLUMN_KEYS",
    "TABLE_ROW_KEYS",
    "NamedValueDetector",
    "extension_name",
    "labelled_kind",
    "named_value_kind",
]

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


_JSON_EXTENSION: Final = re.compile(
    r"""(["'])url\1\s*:\s*(["'])([^"'\\\r\n]{1,256})\2\s*,\s*(["'])value[A-Z][A-Za-z]{1,30}\4\s*:\s*"""
)
"""A FHIR extension's ``url`` and its ``value[x]`` in JSON or repr text; the value starts where the match ends."""
_XML_EXTENSION: Final = re.compile(
    r"""<extension[ ]+url=(["'])([^"'<>]{1,256})\1[ ]*>\s*<value[A-Z][A-Za-z]{1,30}[ ]+value=(["'])([^"'<>]{0,512})\3"""
)
"""The same in FHIR XML: ``<extension url="..."><valueString value="..."/>``."""


def extension_name(url: object) -> str | None:
    """The field name a FHIR extension's ``url`` gives its ``value[x]``: its last path part
    (``.../StructureDefinition/patient-mothersMaidenName`` -> ``patient-mothersMaidenName``)."""
    if type(url) is not str or not url:
        return None
    return url.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or None


def named_value_kind(name: str, catalogue: KeyCatalogue = DEFAULT_CATALOGUE) -> str | None:
    """The kind of PHI a value named ``name`` by its sibling holds, or ``None``."""
    return SEARCH_PARAMETER_KINDS.get(name.lower()) or catalogue.kind(name)


_LABEL_KEYS: Final = (
    "name", "field", "key", "attribute", "attr", "label", "param", "parameter", "property", "column", "fieldName",
    "field_name", "attributeName", "attribute_name", "type", "kind", "system", "use",
)  # fmt: skip
"""Keys of a dict whose string names what its value keys hold (the first one present counts)."""
LABELLED_VALUE_KEYS: Final = frozenset(
    (
        "value", "val", "v", "data", "text", "content", "old", "new", "oldValue", "newValue", "old_value",
        "new_value", "before", "after", "from", "to", "previous", "current", "was", "now",
    )
)  # fmt: skip
"""Keys of the values such a label names."""
TABLE_COLUMN_KEYS: Final = frozenset(("columns", "headers", "header", "fields", "column_names", "colnames", "cols"))
TABLE_ROW_KEYS: Final = frozenset(("rows", "data", "values", "records", "results"))
"""A table as a dict: the column names under one of the first keys, the rows (lists by position) under one of
these."""


def labelled_kind(mapping: Mapping[Any, Any], catalogue: KeyCatalogue = DEFAULT_CATALOGUE) -> str | None:
    """The kind of PHI the value keys of ``{"field": "zip", "value": ...}`` hold, by the label's name, or ``None``."""
    if LABELLED_VALUE_KEYS.isdisjoint(mapping):
        return None
    for key in _LABEL_KEYS:
        label = mapping.get(key)
        if label is not None:
            if type(label) is not str or not 1 < len(label) <= 64:
                return None
            if label.lower() in CONTACT_USES:  # {"kind": "home", "value": "(021) 555 0142"}: a contact point
                return "PHONE" if any(spelled_phone(mapping.get(k)) for k in LABELLED_VALUE_KEYS) else None
            return named_value_kind(label, catalogue)
    return None


def column_kinds(mapping: Mapping[Any, Any], catalogue: KeyCatalogue = DEFAULT_CATALOGUE) -> list[str | None] | None:
    """The kind of each column of a table written as a dict (``{"columns": [...], "data": [[...]]}``), or
    ``None`` when it has no rows key or no column names a PHI field."""
    if TABLE_ROW_KEYS.isdisjoint(mapping):
        return None
    for key in TABLE_COLUMN_KEYS:
        names = mapping.get(key)
        if type(names) is list or type(names) is tuple:
            kinds = [catalogue.kind(name) if type(name) is str else None for name in names]
            return kinds if any(kinds) else None
    return None


class NamedValueDetector(BaseDetector):
    """Values of FHIR ``Parameters`` and OTLP attributes whose sibling names a PHI field."""

    gate = NAMED
    name = "named_value"
    kinds = ("NAME", "DOB", "ADDRESS", "ZIP", "PHONE", "EMAIL", "DATE", "ID", "SSN", "MRN", "MEMBER_ID")

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
        if "linkId" in text:
            yield from questionnaire_spans(text, self.catalogue)
        if "extension" in text:
            yield from self._extensions(text)
        if "<" in text:
            for found in XML_NAMED_VALUE.finditer(text):
                kind = named_value_kind(found[2], self.catalogue)
                if kind is not None and found[4].strip():
                    yield found.start(4), found.end(4), kind

    def _extensions(self, text: str) -> Iterator[Span]:
        """FHIR extensions' values in text, named by their ``url`` as in dicts (``.../patient-mothersMaidenName``)."""
        for found in _JSON_EXTENSION.finditer(text):
            name = extension_name(found[3])
            kind = self.catalogue.kind(name) if name is not None else None
            if kind is not None:
                start = found.end()
                end = value_end(text, start)
                if end > start and text[start] not in "[{":
                    yield from value_spans(text, start, end, kind)
        if "<extension" in text:
            for found in _XML_EXTENSION.finditer(text):
                name = extension_name(found[2])
                kind = self.catalogue.kind(name) if name is not None else None
                if kind is not None and found[4].strip():
                    yield found.start(4), found.end(4), kind
