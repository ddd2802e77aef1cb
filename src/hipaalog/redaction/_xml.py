"""Values of XML elements and attributes named like PHI fields: HL7 CDA documents, SOAP bodies, any XML.

An element's name is a field name (``<ssn>219099999</ssn>``, ``<birthDate>...``), judged by the
same key catalogue as ``key=value`` pairs and dict keys (:mod:`._keys`), its namespace prefix left
out. In a document about a person (a ``patient``, ``patientRole``, ``recordTarget``, ``guardian``...
element is open somewhere in the text), generic names count as they do under a person's key:
CDA's ``<given>`` and ``<family>`` are names, ``<id extension="..."/>`` an identifier. The values
CDA keeps in attributes are read too: ``<birthTime value="19610304"/>``, ``<telecom value="tel:..."/>``,
``<id extension="00482913" root="..."/>``; and an attribute named like a PHI field
(``<patient ssn="219099999">``) is judged by its own name.

FHIR's XML form (``<family value="Roe"/>``, in the ``http://hl7.org/fhir`` namespace) is read by
:mod:`._fhir` for the elements it judges by their place (a resource's logical ``<id value="..."/>`` stays);
the ``value`` of any other element named like a PHI field is masked here (``<serialNumber value="..."/>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import XML
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue

__all__ = ["XmlDetector"]

_PREFIX: Final = r"(?:[A-Za-z_][\w.-]{0,31}:)?"
"""A namespace prefix (``hl7:``, ``soap:``), left out of the name."""
_NAME: Final = r"([A-Za-z_][\w.-]{0,63})"
_ELEMENT: Final = re.compile(rf"<{_PREFIX}{_NAME}(?:[ \t\r\n][^<>]{{0,1024}})?>([^<]{{1,1024}})</")
"""An element holding text: its local name and the text (up to the next tag)."""
_TAG: Final = re.compile(rf"<{_PREFIX}{_NAME}([ \t\r\n][^<>]{{1,1024}})>")
"""An element with attributes: its local name and the attributes."""
_ATTRIBUTE: Final = re.compile(rf"""(?<![\w:.-]){_PREFIX}{_NAME}[ ]*=[ ]*(?:"([^"]{{1,512}})"|'([^']{{1,512}})')""")
_PERSON_ELEMENT: Final = re.compile(
    rf"<{_PREFIX}(?:patient|patientRole|recordTarget|guardian|guardianPerson|associatedPerson"
    r"|relatedPerson|subject|member|subscriber|beneficiary|insured|person|Patient|Person)[ \t\r\n>/]"
)
_VALUE_ATTRIBUTES: Final = frozenset({"value", "extension"})
"""Attributes that hold the element's value in CDA (``value`` of a time or telecom, ``extension`` of an id)."""
_ELEMENT_KINDS: Final = {
    "birthTime": "DOB",
    "deceasedTime": "DATE",
    "streetAddressLine": "ADDRESS",
    "postalCode": "ZIP",
    "telecom": "PHONE",
}
"""CDA element names the key catalogue does not know as field names."""
_FHIR_CONTEXTUAL: Final = frozenset(
    {"id", "name", "display", "text", "reference", "url", "system", "code", "version", "value", "family", "given"}
)
"""FHIR XML elements whose ``value`` the FHIR reader judges by where they sit (a resource's logical ``id``, a
reference's ``display``); the value of any other element named like a PHI field (``<serialNumber value=...>``)
is masked here, as its JSON form is by the key rules."""
_CODED: Final = re.compile(r"""(?<![\w:.-])(?:code|codeSystem)[ ]*=[ ]*["']""")
_CODE_TEXTS: Final = frozenset({"displayName", "codeSystemName", "originalText"})
"""Attributes of a coded element (``code=``, ``codeSystem=``) that name the code, not a person."""
_NOT_A_VALUE: Final = frozenset({"UNK", "NI", "NA", "ASKU", "NAV", "MSK", "true", "false", "null"})
"""CDA's null flavours and flags: no one's value."""


class XmlDetector(BaseDetector):
    """Text and value attributes of XML elements named like PHI fields (CDA ``<given>``, ``<birthTime value>``)."""

    gate = XML
    name = "xml"
    kinds = ("ID",)

    def __init__(self, catalogue: KeyCatalogue | None = None) -> None:
        self.catalogue = catalogue or DEFAULT_CATALOGUE

    def find(self, text: str) -> Iterator[Span]:
        person = "PATIENT" if _PERSON_ELEMENT.search(text) is not None else None
        kinds: dict[str, str | None] = {}
        for element in _ELEMENT.finditer(text):
            kind = self._kind(element[1], person, kinds)
            value = element[2]
            if kind is not None and value.strip() and value.strip() not in _NOT_A_VALUE:
                start = element.start(2) + len(value) - len(value.lstrip())
                yield start, element.end(2) - (len(value) - len(value.rstrip())), kind
        if "=" not in text:
            return
        fhir = "hl7.org/fhir" in text  # FHIR's XML: every primitive is a value attribute, read by ._fhir
        for tag in _TAG.finditer(text):
            tag_kind = self._kind(tag[1], person, kinds)
            offset = tag.start(2)
            coded = "code" in tag[2] and _CODED.search(tag[2]) is not None
            for attribute in _ATTRIBUTE.finditer(tag[2]):
                name = attribute[1]
                if coded and name in _CODE_TEXTS:
                    continue  # <code code="J45.909" codeSystem="..." displayName="Asthma"/>: a code's words
                own = name not in _VALUE_ATTRIBUTES
                if own:
                    kind = self._kind(name, person, kinds)
                elif fhir:
                    kind = tag_kind if name == "value" and tag[1] not in _FHIR_CONTEXTUAL else None
                else:
                    kind = tag_kind
                group = 2 if attribute[2] is not None else 3
                value = attribute[group]
                if kind is not None and value not in _NOT_A_VALUE:
                    yield offset + attribute.start(group), offset + attribute.end(group), kind

    def _kind(self, name: str, person: str | None, kinds: dict[str, str | None]) -> str | None:
        """The kind of PHI an element or attribute called ``name`` holds (cached per text)."""
        if name in kinds:
            return kinds[name]
        kind = _ELEMENT_KINDS.get(name) or self.catalogue.kind(name, person)
        if kind is not None and person is None and name in ("id", "name"):
            kind = None  # only about a person
        kinds[name] = kind
        return kind
