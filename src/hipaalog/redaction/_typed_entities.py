"""The identifier of a record whose type field names a person: ``{"ref": "KH526056", "type": "patient"}``.

Applications list what they touched as small mappings of an id and its type (``{"id": ..., "kind": "Patient"}``,
``{"entity": "member", "identifier": ...}``, ``{"object_type": "app.Beneficiary", "object_id": ...}``). When the
type is a person the record is about (a patient, a plan's member or subscriber, a beneficiary, an enrollee, a
dependent, a guarantor), an id-shaped value (:func:`~._person_key_ids.id_shaped`) under the mapping's id field is
that person's. An entry that pairs an id or an account with a name masked whole (``{"key": "E88806194",
"value": "Maria Lopez"}``, a spreadsheet's row ``{"Name": ..., "Account": "000123456789"}``) is a person's too.
Kept: the ids of other types (``order``, ``service``), hex keys and UUIDs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from ._person_key_ids import id_shaped

__all__ = [
    "ENTITY_KEYS",
    "ENTRY_ACCOUNT_KEYS",
    "ENTRY_ID_KEYS",
    "entity_kind",
    "entry_id_keys",
    "person_entity",
    "typed_id",
]

ENTITY_KEYS: Final = frozenset(
    (
        *("type", "kind", "entity", "entity_type", "entityType", "entity_kind", "entityKind", "object_type"),
        *("objectType", "resource_type", "record_type", "recordType", "subject_type", "subjectType", "@type"),
        *("_type", "model", "Type", "Kind", "Entity"),
    )
)
"""Keys of a record's type."""
_ID_KEYS: Final = frozenset(
    (
        *("id", "ref", "key", "identifier", "uid", "value", "external_id", "externalId", "entity_id", "entityId"),
        *("object_id", "objectId", "record_id", "recordId", "subject_id", "subjectId", "pk", "Id", "ID", "Identifier"),
    )
)
"""Keys of a typed record's identifier."""
ENTRY_ID_KEYS: Final = frozenset(("id", "key", "ref", "identifier", "uid", "Id", "ID", "Key"))
"""Keys of an entry's identifier beside its name."""
ENTRY_ACCOUNT_KEYS: Final = frozenset(("account", "Account", "ACCOUNT", "account_id", "accountId", "AccountId"))
"""Keys of an account that is a person's only beside their name (alone, a cloud's or a tenant's)."""
_ACCOUNT_DIGITS: Final = 5
_ENTRY_NAME_KEYS: Final = frozenset(
    ("value", "name", "Name", "NAME", "display", "label", "full_name", "fullName", "Full Name", "holder")
)
"""Keys of the name an entry shows beside its identifier."""
_PEOPLE: Final = {
    "patient": "PATIENT",
    "member": "MEMBER_ID",
    "subscriber": "MEMBER_ID",
    "beneficiary": "MEMBER_ID",
    "enrollee": "MEMBER_ID",
    "insured": "MEMBER_ID",
    "policyholder": "MEMBER_ID",
    "person": "ID",
    "relatedperson": "ID",
    "dependent": "ID",
    "guarantor": "ID",
    "resident": "ID",
}
"""Types of the people a record is about (lower case, singular), and the kind of their identifier."""
_LAST_PART: Final = re.compile(r"[A-Za-z_]+$")


def entity_kind(mapping: Mapping[Any, Any]) -> str | None:
    """The kind of an identifier in ``mapping`` whose type field names a person (see the module), else ``None``."""
    for key in ENTITY_KEYS.intersection(mapping):
        value = mapping[key]
        if type(value) is not str or len(value) > 64:
            continue
        part = _LAST_PART.search(value)  # "app.Patient", "fhir:Member", "crm/Person"
        if part is None:
            continue
        kind = person_entity(part[0])
        if kind is not None:
            return kind
    return None


def person_entity(word: str) -> str | None:
    """The kind of the identifier of a record of type ``word`` when the type is a person's (``Patient``,
    ``members``, ``related_person``), else ``None``."""
    word = word.replace("_", "").lower()
    kind = _PEOPLE.get(word) or (_PEOPLE.get(word[:-1]) if word.endswith("s") else None)
    if kind is None and word.endswith("ies"):
        kind = _PEOPLE.get(word[:-3] + "y")  # "beneficiaries"
    return kind


def typed_id(kind: str | None, key: object, item: object) -> bool:
    """Whether ``item`` under ``key`` is the identifier of a typed person record (``kind`` from :func:`entity_kind`)."""
    return kind is not None and key in _ID_KEYS and id_shaped(item)


def entry_id_keys(out: Mapping[Any, Any], named: re.Pattern[str]) -> list[tuple[Any, str]]:
    """The id and account keys of an entry (``out``, masked) whose name field is a masked name whole (``named``
    matches its mask), with their kinds: an id-shaped value under an id field, a number of five digits or more
    under an account field (``{"Name": "Maria Lopez", "Account": "000123456789"}``, a spreadsheet's row)."""
    if not any(_whole_mask(out.get(key), named) for key in _ENTRY_NAME_KEYS.intersection(out)):
        return []
    found = [(key, "ID") for key in ENTRY_ID_KEYS.intersection(out) if id_shaped(out[key])]
    return found + [(key, "ACCOUNT") for key in ENTRY_ACCOUNT_KEYS.intersection(out) if _account_number(out[key])]


def _whole_mask(value: object, named: re.Pattern[str]) -> bool:
    return type(value) is str and value.endswith("]") and named.match(value) is not None


def _account_number(value: object) -> bool:
    """Whether ``value`` holds an account's number: five digits or more (``000123456789``, ``AC-5530129``)."""
    if type(value) is int:
        return value >= 10**4
    return type(value) is str and len(value) <= 40 and sum(ch.isdigit() for ch in value) >= _ACCOUNT_DIGITS
