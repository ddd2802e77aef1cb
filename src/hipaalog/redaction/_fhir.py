"""FHIR R4/R4B resources written as JSON text (or as a Python dict repr) inside a string.

Dict fields are judged by the key rules (:mod:`._keys`); this detector reads the same elements in
text, by their keys and the object around them:

* ``HumanName``: every string of ``family`` and ``given``; ``text`` inside a ``name`` object;
* ``Reference.display`` when the reference points at a person (``Patient/``, ``RelatedPerson/``,
  ``Person/``) or sits under a person element (``subject``, ``patient``, ``beneficiary``...);
* dates of ``period``, ``billablePeriod`` and ``servicedPeriod`` (admission, discharge, service).

Birth dates, addresses, telecoms and identifiers are PHI keys of the key-value detector already.
Logical ids, ``fullUrl`` and ``link`` URLs and codings are left alone.
Search parameters in URLs are read by :mod:`._fhir_search`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import FHIR_KEYS
from ._detector import BaseDetector, Span
from ._gate import FHIR, KV
from ._keys import DEFAULT_CATALOGUE

__all__ = ["FhirTextDetector"]

_STRING: Final = r"""(?:"((?:[^"\\]|\\.){1,200})"|'((?:[^'\\]|\\.){1,200})')"""
_FAMILY: Final = re.compile(r"""(?:["']family["'][ ]*:|(?<![\w.])family=)[ ]*""" + _STRING)
_GIVEN: Final = re.compile(r"""(?:["']given["'][ ]*:|(?<![\w.])given=)[ ]*\[""")
"""``"family": "Roe"`` in JSON and dict reprs, ``family='Roe'`` in the reprs of model objects (fhir.resources)."""
_PERSON_NAME: Final = re.compile(r"""["']name["'][ ]*:[ ]*""" + _STRING)
_PERSON_TYPE: Final = re.compile(r"""["']resourceType["'][ ]*:[ ]*["'](?:Patient|Person|RelatedPerson)["']""")
_LIST_ITEM: Final = re.compile(r"""[ ]*""" + _STRING + r"""[ ]*,?""")
_DISPLAY: Final = re.compile(r"""["']display["'][ ]*:[ ]*""" + _STRING)
_NAME_TEXT: Final = re.compile(r"""["']name["'][ ]*:[ ]*\[?[ ]*\{[^{}]{0,300}?["']text["'][ ]*:[ ]*""" + _STRING)
_PERIOD: Final = re.compile(r"""["'](?:period|billablePeriod|servicedPeriod)["'][ ]*:[ ]*\{([^{}]{0,200})\}""")
_PERIOD_DATE: Final = re.compile(r"""["'](?:start|end)["'][ ]*:[ ]*""" + _STRING)
_PERSON_REFERENCE: Final = re.compile(r"""["']reference["'][ ]*:[ ]*["'](?:Patient|RelatedPerson|Person)/""")
_PERSON_ELEMENT: Final = re.compile(
    r"""["'](?:subject|patient|beneficiary|subscriber|policyHolder|payee|recipient|"""
    r"""individual|enterer|informationSource|asserter|who|agent)["'][ ]*:[ ]*\[?[ ]*$"""
)
_DIAGNOSTIC: Final = re.compile(
    r"(?<![\w.])[A-Z][A-Za-z]+((?:\.[a-z][A-Za-z]*(?:\[[0-9]+\])?)+)[ ]*:[ ]*(?:value[ ]+)?"
    r"""(?:'([^'\n]{1,80})'|"([^"\n]{1,80})")"""
)
"""A FHIRPath and the value it judges, in OperationOutcome diagnostics: ``Patient.birthDate: value '...'``."""
_XML_VALUE: Final = re.compile(
    r"<(family|given|birthDate|deceasedDateTime|line|city|postalCode|district)[ ]+value=\"([^\"]{1,200})\""
)
"""FHIR XML: elements whose ``value`` attribute is PHI (``<family value="Roe"/>``)."""
_XML_KINDS: Final = {
    "family": "NAME",
    "given": "NAME",
    "birthDate": "DOB",
    "deceasedDateTime": "DATE",
    "postalCode": "ZIP",
}
_XML_PERSON: Final = re.compile(r"<(?:family|given|birthDate|telecom|identifier)[ >]")
"""An element that makes XML text a FHIR resource about a person (each is a word the gate reads)."""
_XML_CONTAINER: Final = re.compile(r"<(telecom|identifier)>(.{0,400}?)</\1>", re.DOTALL)
_XML_INNER_VALUE: Final = re.compile(r"<value[ ]+value=\"([^\"]{1,200})\"")
_WINDOW: Final = 600


def _group(match: re.Match[str], first: int = 1) -> tuple[int, int]:
    return match.span(first) if match.start(first) >= 0 else match.span(first + 1)


def _enclosing_object(text: str, position: int) -> tuple[int, int]:
    """The ``{`` and ``}`` around ``position`` (looked for within a window; -1 when not found)."""
    low = max(0, position - _WINDOW)
    depth = 0
    index = position
    opening = -1
    while True:
        brace = text.rfind("{", low, index)
        close = text.rfind("}", max(low, brace), index)
        if close > brace:  # a nested object ends between: skip it
            depth += 1
            index = close
            continue
        if brace < 0:
            break
        if not depth:
            opening = brace
            break
        depth -= 1
        index = brace
    closing = text.find("}", position, position + _WINDOW)
    return opening, closing


class FhirTextDetector(BaseDetector):
    """Person names, person-reference displays and encounter periods of FHIR resources in text."""

    gate = FHIR | KV
    name = "fhir"
    kinds = ("NAME", "DATE")

    def find(self, text: str) -> Iterator[Span]:
        if "family" in text:
            for match in _FAMILY.finditer(text):
                start, end = _group(match)
                yield start, end, "NAME"
        if "given" in text:
            for match in _GIVEN.finditer(text):
                position = match.end()
                for _ in range(8):
                    item = _LIST_ITEM.match(text, position)
                    if item is None:
                        break
                    start, end = _group(item)
                    yield start, end, "NAME"
                    position = item.end()
        if "display" in text:
            for match in _DISPLAY.finditer(text):
                if self._about_person(text, match.start()):
                    start, end = _group(match)
                    yield start, end, "NAME"
        if "value=" in text and "<" in text and _XML_PERSON.search(text) is not None:
            yield from self._xml(text)
        if "." in text and ":" in text:
            for match in _DIAGNOSTIC.finditer(text):
                element = match[1].rsplit(".", 1)[-1].split("[")[0]
                kind = DEFAULT_CATALOGUE.kind(element, "ID" if element in FHIR_KEYS else None)
                if kind is not None:
                    start, end = _group(match, 2)
                    yield start, end, kind
        if "resourceType" in text:
            for match in _NAME_TEXT.finditer(text):
                start, end = _group(match)
                yield start, end, "NAME"
            if _PERSON_TYPE.search(text) is not None:
                for match in _PERSON_NAME.finditer(text):  # a name as a plain string, outside the standard
                    start, end = _group(match)
                    yield start, end, "NAME"
            for period in _PERIOD.finditer(text):
                for date in _PERIOD_DATE.finditer(text, period.start(1), period.end(1)):
                    start, end = _group(date)
                    yield start, end, "DATE"

    @staticmethod
    def _xml(text: str) -> Iterator[Span]:
        """FHIR XML: ``<family value="Roe"/>``, ``<birthDate value="..."/>``, values inside telecoms and identifiers."""
        for match in _XML_VALUE.finditer(text):
            yield match.start(2), match.end(2), _XML_KINDS.get(match[1], "ADDRESS")
        for container in _XML_CONTAINER.finditer(text):
            kind = "PHONE" if container[1] == "telecom" else "ID"
            for value in _XML_INNER_VALUE.finditer(text, container.start(2), container.end(2)):
                yield value.start(1), value.end(1), kind

    @staticmethod
    def _about_person(text: str, position: int) -> bool:
        opening, closing = _enclosing_object(text, position)
        if opening < 0:
            return False
        inside = text[opening : closing if closing > 0 else position]
        if _PERSON_REFERENCE.search(inside) is not None:
            return True
        return _PERSON_ELEMENT.search(text, max(0, opening - 40), opening) is not None
