"""FHIR R4/R4B resources written as JSON text (or as a Python dict repr) inside a string.

Dict fields are judged by the key rules (:mod:`._keys`); this detector reads the same elements in
text, by their keys and the object around them (indented JSON too):

* ``HumanName``: every string of ``family`` and ``given``; ``text`` inside a ``name`` object;
* ``Reference.display`` when the reference points at a person (``Patient/``, ``RelatedPerson/``,
  ``Person/``) or sits under a person element (``subject``, ``patient``, ``beneficiary``...);
* dates of a resource's periods (``period``, ``billablePeriod``, ``onsetPeriod``...) and of its
  events (``issued``, ``authoredOn``, ``recordedDate``, ``performed[x]``, ``Claim.accident.date``,
  ``procedure[].date``): when something happened to the patient.

What directory resources (``Organization``, ``Location``, ``Endpoint``, ``CapabilityStatement``...)
say of themselves is kept (their ``name``, ``identifier``, ``software``), and so are Bundle links
and full URLs without a person's id or search parameter: other detectors' spans inside them are
dropped (:data:`~._kinds.KEEP`).

Birth dates, addresses, telecoms and identifiers are PHI keys of the key-value detector already.
Logical ids of resources and codings are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

from ._cues import FHIR_KEYS
from ._detector import BaseDetector, Span
from ._fhir_search import NON_PERSON_RESOURCES, search_spans
from ._format_case import lower_view, upper_fhir
from ._gate import FHIR, KV
from ._keys import DEFAULT_CATALOGUE
from ._kinds import KEEP

__all__ = [
    "DATED_ELEMENTS",
    "EVENT_DATES",
    "FhirTextDetector",
    "directory_field",
    "fhir_element",
    "fhir_kinds",
    "thing_reference",
]

_STRING: Final = r"""(?:"((?:[^"\\]|\\.){1,200})"|'((?:[^'\\]|\\.){1,200})')"""
_FAMILY: Final = re.compile(r"""(?:"family["'][ ]*:|'family["'][ ]*:|f(?<![\w.]f)amily=)[ ]*""" + _STRING)
_FAMILY_CUT: Final = re.compile(r"""["']family["'][ ]*:[ ]*["']((?:[^"'\\]|\\.){1,200})\Z""")
"""A family name cut with the text (a body truncated to a length)."""
_GIVEN: Final = re.compile(r"""(?:"given["'][ ]*:|'given["'][ ]*:|g(?<![\w.]g)iven=)[ ]*\[""")
"""``"family": "Roe"`` in JSON and dict reprs, ``family='Roe'`` in the reprs of model objects (fhir.resources).
Each branch opens with a character (the engine skips to one of them)."""
_PERSON_NAME: Final = re.compile(r"""["']name["'][ ]*:[ ]*""" + _STRING)
_PERSON_TYPE: Final = re.compile(r"""["']resourceType["'][ ]*:[ ]*["'](?:Patient|Person|RelatedPerson)["']""")
_LIST_ITEM: Final = re.compile(r"""\s{0,80}""" + _STRING + r"""\s{0,80},?""")
"""An item of a list of strings, on its own line when the JSON is indented."""
_CUT_ITEM: Final = re.compile(r"""\s{0,80}["']((?:[^"'\\]|\\.){1,200})\Z""")
"""The last item, cut with the text (a body truncated to a length: ``"given": ["Jane", "Ma``)."""
_DISPLAY: Final = re.compile(r"""["']display["'][ ]*:[ ]*""" + _STRING)
_NAME_TEXT: Final = re.compile(r"""["']name["'][ ]*:[ ]*\[?\s{0,80}\{[^{}]{0,300}?["']text["'][ ]*:[ ]*""" + _STRING)
_PERIOD: Final = re.compile(r"""["'](?:period|[a-z][A-Za-z]{1,30}Period)["'][ ]*:[ ]*\{([^{}]{0,200})\}""")
"""A resource's ``Period`` (``period``, ``billablePeriod``, ``onsetPeriod``, ``performedPeriod``...)."""
_PERIOD_DATE: Final = re.compile(r"""["'](?:start|end)["'][ ]*:[ ]*""" + _STRING)
_PERSON_REFERENCE: Final = re.compile(r"""["']reference["'][ ]*:[ ]*["'](?:Patient|RelatedPerson|Person)/""")
_PERSON_ELEMENT: Final = re.compile(
    r"""["'](?:subject|patient|beneficiary|subscriber|policyHolder|payee|recipient|"""
    r"""individual|enterer|informationSource|asserter|who|agent)["'][ ]*:[ ]*\[?\s{0,80}$"""
)
_DIAGNOSTIC: Final = re.compile(
    r"[A-Z](?<![\w.][A-Z])[A-Za-z]+((?:\.[a-z][A-Za-z]*(?:\[[0-9]+\])?)+)[ ]*:[ ]*(?:value[ ]+)?"
    r"""(?:'([^'\n]{1,80})'|"([^"\n]{1,80})")"""
)
"""A FHIRPath and the value it judges, in OperationOutcome diagnostics: ``Patient.birthDate: value '...'``."""
_XML_VALUE: Final = re.compile(
    r"<(family|given|birthDate|deceasedDateTime|line|city|postalCode|district|subscriberId)[ ]+value=\"([^\"]{1,200})\""
)
"""FHIR XML: elements whose ``value`` attribute is PHI (``<family value="Roe"/>``)."""
_XML_KINDS: Final = {
    "family": "NAME",
    "given": "NAME",
    "birthDate": "DOB",
    "deceasedDateTime": "DATE",
    "postalCode": "ZIP",
    "subscriberId": "MEMBER_ID",
}
_XML_PERSON: Final = re.compile(r"<(?:family|given|birthDate|telecom|identifier|subscriberId)[ >]")
"""An element that makes XML text a FHIR resource about a person (each is a word the gate reads)."""
_XML_DATED: Final = re.compile(r"<([A-Za-z]*[Pp]eriod|accident|procedure)>(.{0,600}?)</\1>", re.DOTALL)
_XML_PERIOD_DATE: Final = re.compile(r"<(start|end|date)[ ]+value=\"([^\"]{1,40})\"")
"""FHIR XML: the dates of a ``Period`` (``<billablePeriod><start value=...``) and of an accident or procedure."""
_XML_PERSON_DISPLAY: Final = re.compile(
    r"<reference[ ]+value=\\*[\"'](?:Patient|RelatedPerson|Person)/[^\"'\\<>]{0,80}\\*[\"'][ ]*/>\s*"
    r"<display[ ]+value=\\*[\"']((?:[^\"'\\<>]|\\u[0-9a-fA-F]{4}){1,200})"
)
"""FHIR XML: the display of a reference to a person (``<reference value="Patient/..."/><display value="Roe"/>``)."""
_XML_ROLE_DISPLAY: Final = re.compile(
    r"<display[ ]+value=\\*[\"']((?:[^\"'\\<>]|\\u[0-9a-fA-F]{4}){1,200})\\*[\"'][ ]*/>\s*"
    r"</(?:subject|patient|beneficiary|subscriber|policyHolder|payee|recipient|individual|enterer|informationSource"
    r"|asserter|who|agent)>"
)
"""FHIR XML: the display of a reference in a person's element, whatever the reference holds (an identifier only:
``<patient><identifier>...</identifier><display value="Roe"/></patient>``); ``display`` is a reference's last."""
_XML_CONTAINER: Final = re.compile(r"<(telecom|identifier)>(.{0,400}?)</\1>", re.DOTALL)
_XML_INNER_VALUE: Final = re.compile(r"<value[ ]+value=\"([^\"]{1,200})\"")
_WINDOW: Final = 600
_EVENT_DATE_NAMES: Final = (
    "issued",
    "authoredOn",
    "recordedDate",
    "dateAsserted",
    "effectiveInstant",
    "effectiveDateTime",
    "occurrenceDateTime",
    "occurrenceString",
    "performedDateTime",
    "performedString",
    "onsetDateTime",
    "onsetString",
    "abatementDateTime",
    "abatementString",
    "deceasedDateTime",
    "whenHandedOver",
    "whenPrepared",
    "lastOccurrence",
    "collectedDateTime",
    "receivedTime",
    "timingDate",
    "servicedDate",
)
"""Elements of resources about a patient that say when something happened to them (Observation.issued,
MedicationRequest.authoredOn, Condition.recordedDate, Procedure.performed[x]...)."""
EVENT_DATES: Final = frozenset(name.lower() for name in _EVENT_DATE_NAMES)
"""The same, as field names run together in lower case (what the key rules compare)."""
_XML_EVENT_DATE: Final = re.compile(r"<(?:" + "|".join(_EVENT_DATE_NAMES) + r")[ ]+value=\"([^\"]{1,40})\"")
DATED_ELEMENTS: Final = frozenset({"accident", "procedure", "class"})
"""Elements whose ``date`` is the patient's (``Claim.accident.date``, ``ExplanationOfBenefit.procedure[].date``),
and ``Coverage.class``, whose ``value`` is the member's group number when its type is ``group`` or ``subgroup``."""
_GROUP_CLASSES: Final = frozenset({"group", "subgroup"})
_CLASS_LIST: Final = re.compile(r"""["']class["'][ ]*:\s*\[""")
_GROUP_CODE: Final = re.compile(r"""["'](?:code|text)["'][ ]*:[ ]*["'](?i:sub)?(?i:group)["']""")
_CLASS_VALUE: Final = re.compile(r"""["']value["'][ ]*:[ ]*""" + _STRING)
_CLASS_NAME: Final = re.compile(r"""["']name["'][ ]*:[ ]*""" + _STRING)
"""``Coverage.class`` in JSON text: each object of the list whose ``type`` is coded (or only written as text)
``group`` or ``subgroup`` has its ``value`` masked (the object's only ``value``: a CodeableConcept has none)."""
_XML_CLASS_GROUP: Final = re.compile(
    r"<(?:code|text)[ ]+value=\\*\"(?i:sub)?(?i:group)\\*\"[ ]*/>.{0,300}?</type>\s*"
    r"<value[ ]+value=\\*\"([^\"\\]{1,200})",
    re.DOTALL,
)
_EVENT_DATE: Final = re.compile(r"""["'](?:""" + "|".join(_EVENT_DATE_NAMES) + r""")["'][ ]*:[ ]*""" + _STRING)
_XML_PERSON_REFERENCE: Final = re.compile(r"<reference[ ]+value=\"(?:[^\"]{0,200}/)?(?:Patient|Person|RelatedPerson)/")
"""FHIR XML about a person by reference (``<subject><reference value="Patient/123"/>``): its periods and event
dates (``<billablePeriod><start value="..."/>``, ``<issued value="..."/>``) are the person's."""
_DATED: Final = re.compile(r"""["'](?:accident|procedure)["'][ ]*:[ ]*[\[{]""")
_DATE_FIELD: Final = re.compile(r"""["']date["'][ ]*:[ ]*""" + _STRING)
_RESOURCE_TYPE: Final = re.compile(r"""["']resourceType["'][ ]*:[ ]*["']([A-Za-z]{2,60})["']""")
_OWN_FIELD: Final = re.compile(
    r"""["'](name|title|alias|identifier|address|telecom|software|implementation|deviceName|modelNumber"""
    r"""|manufacturer|version|id)["'][ ]*:[ ]*(?=["'\[{])"""
)
"""Fields of directory resources (an organisation's name, NPI, address and telephone, an endpoint's address,
a device model's name and number): no one's PHI."""
_DIRECTORY_FIELDS: Final = frozenset(
    {"name", "title", "alias", "identifier", "address", "telecom", "software", "implementation", "id"}
)
_DEVICE_FIELDS: Final = frozenset({"deviceName", "modelNumber", "manufacturer", "version", "id"})
"""A device's model, not the device: its ``serialNumber``, ``udiCarrier`` and ``lotNumber`` stay masked (a
patient's implant is identified by them)."""


def directory_field(resource: object, key: object) -> bool:
    """Whether ``key`` is a directory resource's own field (an organisation's ``name``, a location's
    ``address``) or a device model's (``deviceName``, ``modelNumber``): kept as it is."""
    if resource == "Device":
        return key in _DEVICE_FIELDS
    return key in _DIRECTORY_FIELDS and resource in NON_PERSON_RESOURCES


def thing_reference(reference: object) -> bool:
    """Whether a FHIR ``Reference.reference`` points at a directory or product resource (``Organization/7``,
    ``https://.../Medication/m1``): the reference's ``display`` is that thing's name, no one's."""
    if type(reference) is not str or "/" not in reference:
        return False
    parts = reference.rstrip("/").split("/")
    return len(parts) > 1 and parts[-2] in NON_PERSON_RESOURCES


_LAST_UPDATED: Final = re.compile(
    r"""lastUpdated(?:["'][ ]*:[ ]*["']|["']?[ ]+value=["'])([0-9]{4}-[0-9]{2}-[0-9]{2}[T0-9:.+\-Z]{0,24})["']"""
)
"""``meta.lastUpdated`` in JSON and XML: a server's timestamp, kept."""
_XML_DIRECTORY: Final = re.compile(
    r"<(?:" + "|".join(sorted(NON_PERSON_RESOURCES | {"Device"})) + r")[ >][^<]{0,200}hl7\.org/fhir|hl7\.org/fhir"
    r"[^<]{0,200}><(?:" + "|".join(sorted(NON_PERSON_RESOURCES | {"Device"})) + r")[ >]"
)
"""A directory resource (or a device model) in FHIR's XML form."""
_XML_DIRECTORY_ELEMENT: Final = re.compile(r"<(" + "|".join(sorted(NON_PERSON_RESOURCES | {"Device"})) + r")[ >]")
"""A directory resource's element, whose own fields are kept when it holds no person's resource."""
_XML_OWN_VALUE: Final = re.compile(r"<(?:id|name|alias|title|modelNumber|version)[ ]+value=\"([^\"]{1,200})\"")
"""Its own id, name, alias, model number: string elements (a contact's name is a HumanName, with children)."""
_XML_PERSON_RESOURCE: Final = re.compile(r"<(?:Patient|RelatedPerson|Person|Practitioner|PractitionerRole)[ >/]")
"""A resource about a person inside the same text: nothing of a directory resource is kept then."""
_XML_OWN_ELEMENT: Final = re.compile(r"<(address|identifier|telecom)>(.{0,1000}?)</\1>", re.DOTALL)
_XML_CONTACT: Final = re.compile(r"<contact>.{0,4000}?</contact>", re.DOTALL)
"""A directory resource's contact person, whose name, address and telephone stay masked."""
_ATTACHMENT_URL: Final = re.compile(
    r"""["'](?:attachment|photo)["'][ ]*:[ ]*\[?[ ]*\{[^{}]{0,600}?["']url["'][ ]*:[ ]*["'](https?://[^"'\s]{1,500})"""
)
"""The link of an ``Attachment`` (a document's content, a patient's photo) in JSON text."""
_XML_ATTACHMENT: Final = re.compile(r"<(attachment|photo)>(.{0,1000}?)</\1>", re.DOTALL)
_XML_URL: Final = re.compile(r"<url[ ]+value=\"([^\"]{1,500})\"")
_LINK_URL: Final = re.compile(r"""["'](?:url|fullUrl)["'][ ]*:[ ]*["'](https?://[^"'\s]{1,500})["']""")
_PERSON_PATH: Final = re.compile(r"/(?:Patient|Person|RelatedPerson)/[^/?#]")
_OBJECT_CHARS: Final = 20000
"""Objects and lists are followed this far at most."""


def fhir_element(compact_key: str, item: Any, replace: Callable[[str, str], str]) -> Any:
    """A FHIR dict field with the person's dates replaced by ``replace(kind, text)``: the ``date`` of an
    ``accident`` or of each ``procedure`` (:data:`DATED_ELEMENTS`); the ``value`` of a ``Coverage.class``
    of type ``group`` or ``subgroup``."""
    if isinstance(item, list):
        return [fhir_element(compact_key, part, replace) for part in item]
    if compact_key == "class":
        if isinstance(item, Mapping) and type(item.get("value")) is str and _class_codes(item) & _GROUP_CLASSES:
            return {key: replace("MEMBER_ID", value) if key == "value" else value for key, value in item.items()}
        return item
    if isinstance(item, Mapping) and type(item.get("date")) is str:
        return {key: replace("DATE", value) if key == "date" else value for key, value in item.items()}
    return item


def _class_codes(item: Mapping[Any, Any]) -> set[str]:
    """The codes of a ``Coverage.class``'s ``type`` (a CodeableConcept), and its text in lower case."""
    kind = item.get("type")
    if not isinstance(kind, Mapping):
        return set()
    codings = kind.get("coding")
    text = kind.get("text")
    found = {text.lower()} if type(text) is str else set()
    if isinstance(codings, list):
        codes = (coding.get("code") for coding in codings if isinstance(coding, Mapping))
        found.update(code for code in codes if type(code) is str)
    return found


def fhir_kinds(compact_key: str, item: Any) -> list[str]:
    """The kinds of the identifiers :func:`fhir_element` replaces in ``item`` (what a finder reports)."""
    kinds: list[str] = []

    def note(kind: str, text: str) -> str:
        kinds.append(kind)
        return text

    fhir_element(compact_key, item, note)
    return kinds


def _closing(text: str, opening: int) -> int:
    """The index just past the bracket that closes the one at ``opening`` (-1 when not found near)."""
    depth = 0
    in_string = ""
    index = opening
    end = min(len(text), opening + _OBJECT_CHARS)
    while index < end:
        char = text[index]
        if in_string:
            if char == "\\":
                index += 1
            elif char == in_string:
                in_string = ""
        elif char in "\"'":
            in_string = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if not depth:
                return index + 1
        index += 1
    return -1


def _value_end(text: str, start: int) -> int:
    """The end of the JSON value (a string, an object or a list) that starts at ``start``."""
    if text[start] in "[{":
        return _closing(text, start)
    match = re.compile(_STRING).match(text, start)
    return match.end() if match else -1


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


def _depth(text: str, start: int, end: int) -> int:
    """How many brackets open between ``start`` and ``end`` are still open at ``end`` (strings not read)."""
    part = text[start:end]
    return part.count("{") + part.count("[") - part.count("}") - part.count("]")


class FhirTextDetector(BaseDetector):
    """Person names, displays of person references, event dates and periods of FHIR resources in
    text; the names, identifiers and links of directory resources (an organisation's NPI) are kept."""

    gate = FHIR | KV
    name = "fhir"
    kinds = ("NAME", "DATE", "MEMBER_ID")

    def find(self, text: str) -> Iterator[Span]:
        if upper_fhir(text):
            text = lower_view(text)  # "GIVEN": ["JANE"]: the same offsets, read as written lower case
        if "family" in text:
            for match in _FAMILY.finditer(text):
                start, end = _group(match)
                yield start, end, "NAME"
            if (cut := _FAMILY_CUT.search(text, max(0, len(text) - 220))) is not None:
                yield cut.start(1), cut.end(1), "NAME"
        if "given" in text:
            for match in _GIVEN.finditer(text):
                position = match.end()
                for _ in range(8):
                    item = _LIST_ITEM.match(text, position)
                    if item is None:
                        cut = _CUT_ITEM.match(text, position)
                        if cut is not None:
                            yield cut.start(1), cut.end(1), "NAME"
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
        if ("value=" in text and "hl7.org/fhir" in text) or (
            "<reference" in text and _XML_PERSON_REFERENCE.search(text) is not None
        ):
            yield from self._xml_resource(text)
        if "<display" in text:
            for match in _XML_PERSON_DISPLAY.finditer(text):
                yield match.start(1), match.end(1), "NAME"
            for match in _XML_ROLE_DISPLAY.finditer(text):
                yield match.start(1), match.end(1), "NAME"
        if "lastUpdated" in text:
            for match in _LAST_UPDATED.finditer(text):  # when the server stored the resource: no one's date
                yield match.start(1), match.end(1), KEEP
        if "<" in text and "hl7.org/fhir" in text and _XML_DIRECTORY_ELEMENT.search(text) is not None:
            if _XML_PERSON_RESOURCE.search(text) is None and _XML_DIRECTORY.search(text) is not None:
                yield from self._xml_directory(text, 0, len(text))
            else:  # a Bundle with a person's resource too: each directory resource that holds none of it
                for directory in _XML_DIRECTORY_ELEMENT.finditer(text):
                    end = text.find(f"</{directory[1]}>", directory.end())
                    if end > 0 and _XML_PERSON_RESOURCE.search(text, directory.end(), end) is None:
                        yield from self._xml_directory(text, directory.end(), end)
        if "." in text and ":" in text:
            for match in _DIAGNOSTIC.finditer(text):
                element = match[1].rsplit(".", 1)[-1].split("[")[0]
                kind = DEFAULT_CATALOGUE.kind(element, "ID" if element in FHIR_KEYS else None)
                if kind is not None:
                    start, end = _group(match, 2)
                    yield start, end, kind
        if "resourceType" in text:
            yield from self._resource_text(text)

    def _resource_text(self, text: str) -> Iterator[Span]:
        """Person names, event dates and periods of resources in JSON text; what directory resources keep."""
        for match in _EVENT_DATE.finditer(text):
            start, end = _group(match)
            yield start, end, "DATE"
        if "accident" in text or "procedure" in text:
            yield from self._dated(text)
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
        for resource in _RESOURCE_TYPE.finditer(text):
            if resource[1] in NON_PERSON_RESOURCES or resource[1] == "Device":
                yield from self._directory(text, resource.start(), resource[1])
        if "url" in text or "Url" in text:
            yield from self._links(text)
        if "class" in text and ("roup" in text or "ROUP" in text):  # group, Group, GROUP
            yield from self._group_classes(text)

    @staticmethod
    def _group_classes(text: str) -> Iterator[Span]:
        """The ``value`` of each ``Coverage.class`` of type ``group`` or ``subgroup`` (JSON text); the ``name`` of
        every class (a plan's or an employer group's, as in a dict field) is kept."""
        for match in _CLASS_LIST.finditer(text):
            end = _closing(text, match.end() - 1)
            position = match.end()
            while 0 < position < end:
                opening = text.find("{", position, end)
                closing = _closing(text, opening) if opening >= 0 else -1
                if closing < 0:
                    break
                name = _CLASS_NAME.search(text, opening, closing)
                if name is not None:
                    start, stop = _group(name)
                    yield start, stop, KEEP
                if _GROUP_CODE.search(text, opening, closing) is not None:
                    value = _CLASS_VALUE.search(text, opening, closing)
                    if value is not None:
                        start, stop = _group(value)
                        yield start, stop, "MEMBER_ID"
                position = closing

    @staticmethod
    def _dated(text: str) -> Iterator[Span]:
        """The ``date`` of an accident or of a procedure of a claim (JSON text)."""
        for match in _DATED.finditer(text):
            end = _closing(text, match.end() - 1)
            if end > 0:
                for date in _DATE_FIELD.finditer(text, match.end(), end):
                    start, stop = _group(date)
                    yield start, stop, "DATE"

    @staticmethod
    def _directory(text: str, position: int, resource: str) -> Iterator[Span]:
        """The name, identifiers and software of an organisation, location, endpoint... kept as they are."""
        opening, _ = _enclosing_object(text, position)
        closing = _closing(text, opening) if opening >= 0 else -1
        if closing < 0 <= opening and len(text) - opening < _OBJECT_CHARS:
            closing = len(text)  # the text was cut inside the resource (a body truncated to a length)
        if closing < 0:
            return
        cursor, depth = opening, 0
        for field in _OWN_FIELD.finditer(text, opening, closing):
            depth += _depth(text, cursor, field.start())
            cursor = field.start()
            if depth != 1 or not directory_field(resource, field[1]):
                continue  # a field of a nested element (a contact's HumanName), not the resource's own
            end = _value_end(text, field.end())
            if end < 0 and closing == len(text):
                end = len(text)  # its own field, cut with the text
            if end > 0:
                yield field.end(), end, KEEP

    @staticmethod
    def _links(text: str) -> Iterator[Span]:
        """Bundle links and full URLs without a person's id or search parameter, kept as they are."""
        attached: set[int] = set()
        if "attachment" in text or "photo" in text:
            for found in _ATTACHMENT_URL.finditer(text):  # a document's or a photo's own link, as in a dict
                attached.add(found.start(1))
                yield found.start(1), found.end(1), "URL"
        for link in _LINK_URL.finditer(text):
            url = link[1]
            if _PERSON_PATH.search(url) is not None or link.start(1) in attached:
                continue
            attachment = text.rfind("attachment", max(0, link.start() - 200), link.start())
            if attachment >= 0 and "}" not in text[attachment : link.start()]:
                continue  # an Attachment's url: where a person's document is, judged as any other URL
            query = url.find("?")
            if query >= 0 and next(search_spans(url, query), None) is not None:
                continue
            yield link.start(1), link.end(1), KEEP

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
    def _xml_resource(text: str) -> Iterator[Span]:
        """FHIR XML: event dates (``<issued value=...>``), every ``...Period``'s start and end, the ``date`` of
        an accident or a procedure, as in JSON text; an attachment's or a photo's link."""
        if "<attachment>" in text or "<photo>" in text:
            for attachment in _XML_ATTACHMENT.finditer(text):  # a document's or a photo's link
                for url in _XML_URL.finditer(text, attachment.start(2), attachment.end(2)):
                    yield url.start(1), url.end(1), "URL"
        for match in _XML_EVENT_DATE.finditer(text):
            yield match.start(1), match.end(1), "DATE"
        if "<class>" in text:
            for match in _XML_CLASS_GROUP.finditer(text):
                yield match.start(1), match.end(1), "MEMBER_ID"
        for element in _XML_DATED.finditer(text):
            for date in _XML_PERIOD_DATE.finditer(text, element.start(2), element.end(2)):
                if element[1] in DATED_ELEMENTS and date[1] != "date":
                    continue
                yield date.start(2), date.end(2), "DATE"

    @staticmethod
    def _xml_directory(text: str, start: int, end: int) -> Iterator[Span]:
        """The own name, ids, address and telephone of directory resources between ``start`` and ``end``, kept."""
        for match in _XML_OWN_VALUE.finditer(text, start, end):  # <Organization ...><name value="Mercy West Clinic"/>
            yield match.start(1), match.end(1), KEEP
        contacts = [m.span() for m in _XML_CONTACT.finditer(text, start, end)]
        for match in _XML_OWN_ELEMENT.finditer(text, start, end):  # its address, NPI, telephone (not a contact's)
            if not any(first <= match.start() < last for first, last in contacts):
                yield match.start(2), match.end(2), KEEP

    @staticmethod
    def _about_person(text: str, position: int) -> bool:
        opening, closing = _enclosing_object(text, position)
        if opening < 0:
            return False
        inside = text[opening : closing if closing > 0 else position]
        if _PERSON_REFERENCE.search(inside) is not None:
            return True
        return _PERSON_ELEMENT.search(text, max(0, opening - 40), opening) is not None
