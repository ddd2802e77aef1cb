"""A date or an identifier directly under a key that names a person: ``{"patient": "10/29/2013"}``,
``{"who": "M0204424"}``, ``Visit(who='19540707')``.

The value under such a key is the person: their name (judged elsewhere), their birth date or their identifier.
A full date there is theirs whatever its format (a record's own times have keys of their own); a token shaped like
a record number (:func:`._person_key_ids.id_shaped`) is theirs under the keys of whom a record is about or who is
insured (``who``, ``member``, ``subscriber``, ``insured``, ``client``). Under a relative's or a contact's key
(``guardian``, ``caller``) a number that is no phone number may be a count or a CRM row and stays; their dates do
not. ``client`` is a person's in care (a counselling client) as often as a program's: a program is never a full
date, and its name is seldom a record number's shape.
"""

from __future__ import annotations

from typing import Final

from ._day_dates import software_date_key
from ._keys import KeyInfo
from ._person_key_ids import id_shaped
from ._values import full_date

__all__ = ["PERSON_VALUE_KEYS", "person_key_value"]

PERSON_VALUE_KEYS: Final = frozenset({"client", "clients"})
"""Keys (compact) that name a person for their values' sake although the catalogue does not say so."""
_ID_HOLDERS: Final = frozenset({
    "who", "whom", "member", "subscriber", "insured", "insuree", "policyholder", "client", "patient", "pt",
    "subject", "resident", "participant", "enrollee", "beneficiary", "dependent", "dependant",
})  # fmt: skip
"""Keys (compact) under which an identifier-shaped token is the person's identifier."""


def person_key_value(info: KeyInfo, item: object) -> str | None:
    """The kind of ``item`` under a key of ``info`` that names a person, when it is a full date or an
    identifier-shaped token (``"DATE"``, or the person's kind of identifier); ``None`` otherwise."""
    if not (info.names_person or info.compact in PERSON_VALUE_KEYS):
        return None
    if (type(item) is str and full_date(item)) and not info.record_time and not software_date_key(info.compact):
        return "DATE"
    if info.compact in _ID_HOLDERS and id_shaped(item):
        return info.person if info.person is not None else "ID"
    return None
