"""FHIR search parameters that carry a person's identifiers, in the query of a URL (messages, access logs).

``GET /fhir/Patient?name=Roe&birthdate=1980-03-12`` names and dates someone, and so do the same
parameters in other spellings: modifiers (``given:exact``), chains (``subject.name``,
``subject:Patient.birthdate``), reverse chains (``_has:Encounter:patient:date``), date prefixes
(``date=ge2020-07-20``: the prefix stays, the date is masked) and token systems
(``identifier=http://hospital.example/mrn|00482913``: the value after ``|`` is masked).

A parameter counts by the resource the query searches: names and ``identifier`` only on people
(``Patient``, ``Person``, ``RelatedPerson``, ``Practitioner``, a REST path such as ``/patients``) or
through a chain from a person reference; clinical dates only on resources about a patient; the
parameters that only people have (``birthdate``, ``family``, ``phone``, ``address-postalcode``)
anywhere but on organisations, locations and other directory resources. Codes, counts and paging
(``code=2339-0&_count=50``) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import SEARCH

__all__ = ["NON_PERSON_RESOURCES", "FhirSearchDetector", "search_spans"]

_PARAMETER: Final = re.compile(
    r"(?<=[?&;])([A-Za-z_][\w:.\-]{0,80})=([^&#\s\"'<>]{1,200}(?:[ ](?!HTTP/)[A-Z][^&#\s\"'<>]{0,60}){0,4})"
)
"""A parameter and its value; a value decoded from ``+`` or ``%20`` goes on over capitalised words (a full name)."""
_LOWER_NAME_WORDS: Final = re.compile(r"(?:[ ](?!http)[a-z][a-z'’-]{1,40}(?![\w/=:.])){1,2}")
"""Lower-case words after a lower-case name value: the rest of the name (``q=devon kennedy``)."""
_RESOURCE: Final = re.compile(r"/([A-Za-z][\w-]{1,40})(?:/_?search)?/?\?$")
"""The path segment the query searches (``/fhir/Patient?``, ``/api/patients/search?``, ``/Patient/_search?``)."""
_PERSON_PATHS: Final = frozenset(
    {
        "Patient",
        "Person",
        "RelatedPerson",
        "Practitioner",
        "patients",
        "patient",
        "members",
        "member",
        "people",
        "persons",
        "person",
        "subscribers",
        "beneficiaries",
        "enrollees",
    }
)
NON_PERSON_RESOURCES: Final = frozenset(
    {
        "Organization",
        "OrganizationAffiliation",
        "Location",
        "HealthcareService",
        "Endpoint",
        "CapabilityStatement",
        "TerminologyCapabilities",
        "Medication",
        "MedicationKnowledge",
        "Substance",
        "InsurancePlan",
        "ValueSet",
        "CodeSystem",
        "ConceptMap",
        "NamingSystem",
        "StructureDefinition",
        "OperationDefinition",
        "SearchParameter",
        "ImplementationGuide",
        "Questionnaire",
        "PlanDefinition",
        "ActivityDefinition",
        "Library",
        "Measure",
        "ObservationDefinition",
        "SpecimenDefinition",
    }
)
"""Resources that describe things, places and organisations, never a person."""
_PERSON_REFERENCES: Final = frozenset(
    {"subject", "patient", "beneficiary", "subscriber", "policy-holder", "individual", "person", "relatedperson"}
)
"""Reference parameters that point at a person: a chain through one reaches that person's fields."""
_NAMES: Final = frozenset({"name", "identifier", "telecom", "address", "_id", "q", "query", "search", "term"})
"""Parameters that are a person's only on a person (an organisation has a name and an identifier too)."""
_OWN: Final = {
    "family": "NAME",
    "given": "NAME",
    "phonetic": "NAME",
    "birthdate": "DOB",
    "death-date": "DATE",
    "phone": "PHONE",
    "email": "EMAIL",
    "address-city": "ADDRESS",
    "address-postalcode": "ZIP",
    "subscriber-id": "MEMBER_ID",
    "mothersmaidenname": "NAME",
}
"""Parameters only a person has."""
_KINDS: Final = {**_OWN, "name": "NAME", "identifier": "ID", "telecom": "PHONE", "address": "ADDRESS", "_id": "PATIENT"}
_KINDS.update(dict.fromkeys(("q", "query", "search", "term"), "NAME"))  # /patients/search?q=<a name, an MRN...>
_DATES: Final = frozenset({"date", "onset-date", "abatement-date", "recorded-date", "authoredon", "occurrence"})
_MODIFIERS: Final = frozenset(
    {
        "exact",
        "contains",
        "missing",
        "not",
        "text",
        "above",
        "below",
        "in",
        "not-in",
        "of-type",
        "identifier",
        "iterate",
    }
)
_PREFIX: Final = re.compile(r"(?:eq|ne|gt|lt|ge|le|sa|eb|ap)(?=[0-9])")
_QUERY_CHARS: Final = 4096
"""A query is read this far at most."""


def _parts(name: str) -> list[str]:
    """The words of a parameter without its modifiers (``subject:Patient.name`` -> subject, Patient, name;
    ``given:exact`` -> given)."""
    first, *rest = name.replace(".", ":").split(":")
    return [first, *(part for part in rest if part and part not in _MODIFIERS)]


def _kind(name: str, resource: str | None) -> str | None:
    """The kind of PHI the parameter ``name`` carries in a search of ``resource``, or ``None``."""
    parts = _parts(name)
    if not parts:
        return None
    last = parts[-1].lower()
    chained = len(parts) > 1 and (parts[0].lower() in _PERSON_REFERENCES or parts[0] == "_has")
    if chained and last in _KINDS:
        return "ID" if last == "_id" else _KINDS[last]
    if resource in NON_PERSON_RESOURCES:
        return None
    if last in _OWN:
        return _OWN[last]
    if last in _NAMES:
        return _KINDS[last] if resource in _PERSON_PATHS and (last != "_id" or resource == "Patient") else None
    if last in _DATES:
        return "DATE" if resource is not None and resource[:1].isupper() else None
    if last in _PERSON_REFERENCES:
        return "PATIENT"
    return None


def _value_start(kind: str, value: str) -> int:
    """Where the identifier starts in a value: after a date prefix (``ge``) or a token's system (``sys|``)."""
    if kind in ("DATE", "DOB") and _PREFIX.match(value):
        return 2
    bar = value.rfind("|")
    if bar < 0 and "%7C" in value.upper():
        bar = value.upper().rfind("%7C") + 2
    if bar >= 0:
        return bar + 1
    if kind == "PATIENT":
        return value.rfind("/") + 1  # patient=Patient/123: the id
    return 0


def search_spans(text: str, query: int) -> Iterator[Span]:
    """Spans of person identifiers in the query that starts at ``query`` (the index of its ``?``)."""
    path = _RESOURCE.search(text, max(0, query - 48), query + 1)
    resource = path[1] if path else None
    end = query
    for match in _PARAMETER.finditer(text, query, min(len(text), query + _QUERY_CHARS)):
        if match.start() > end + 1:
            break  # the query ended (a space, a quote) before this pair
        end = match.end()
        kind = _kind(match[1], resource)
        if kind is None:
            continue
        value = match[2]
        start = _value_start(kind, value)
        stop = match.end(2)
        if kind == "NAME" and value[:1].islower():  # q=devon+kennedy, read with its + as a space
            more = _LOWER_NAME_WORDS.match(text, stop)
            stop = more.end() if more is not None else stop
        if start < len(value):
            yield match.start(2) + start, stop, kind


class FhirSearchDetector(BaseDetector):
    """Person identifiers among a URL's search parameters (``Patient?name=Roe&birthdate=...``)."""

    gate = SEARCH
    name = "fhir_search"
    kinds = ("NAME", "DOB", "DATE", "PHONE", "EMAIL", "ADDRESS", "ZIP", "ID", "PATIENT", "MEMBER_ID")

    def find(self, text: str) -> Iterator[Span]:
        if "?" not in text or "=" not in text:
            return
        query = text.find("?")
        while query >= 0:
            yield from search_spans(text, query)
            query = text.find("?", query + 1)
