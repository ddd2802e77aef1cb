"""Objects printed as text read as mappings under their class: ``Vendor(city=...)`` is ``{"vendor": {"city": ...}}``.

A dataclass, attrs, pydantic or named tuple repr (``Drug(name='Metformin')``, ``models.Patient(id=...)``), and the
hand-written forms ``<Patient id=... name=...>`` and ``Patient<id=...>``, name their fields the way a mapping's
keys do, with the class as their parent. The class is judged by the functions the field path uses
(:mod:`._owned_fields`, :mod:`._organisations`, :mod:`._child_kinds`):

- a person's class gives its generic fields a kind (``Patient(license='D1234567')`` is a licence number,
  ``Subscriber(id=48213377)`` a member id, ``Member(name=...)`` a name);
- a thing's class takes back what the text path read into a generic field by its name alone: the ``city`` of a
  ``Vendor`` or a ``Facility`` is the firm's, the ``name`` of a ``Drug`` no one's unless it is shaped like a
  person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final, NamedTuple

from ._checks import ip_private
from ._child_kinds import key_kind
from ._detector import Span
from ._firms import BUSINESS_WORDS, FIRM_ENDS
from ._keys import INFRA_WORDS, KeyCatalogue, compact, tokens
from ._machines import MAC_FIELDS, machine_address_field, machine_words, network_value
from ._name_column import NAME_COLUMN_KEYS
from ._names import name_shaped
from ._organisations import PLACE_TERMS, organisation_words
from ._owned_fields import OWNED_CHILDREN, holds_persons, owned_fields
from ._person_key_values import person_key_value
from ._role_mail import free_mail_domain
from ._service_lines import phone_line, street_line
from ._values import full_date

__all__ = ["Cleared", "may_hold_objects", "repr_judgments"]

_OPENING: Final = re.compile(r"[(<](?=[A-Za-z_]\w{0,40}=[^=])|<(?=[A-Z][\w.]{0,80}[ ]+[A-Za-z_]\w{0,40}=[^=])")
"""Where an object's fields open: ``Patient(id=``, ``Patient<id=``, ``<Patient id=``."""
_CLASS_AFTER: Final = re.compile(r"[A-Z][\w.]{0,80}(?=[ ])")
_FIELD: Final = re.compile(r"[ ,]*([A-Za-z_]\w{0,40})=(?!=)")
_BARE: Final = re.compile(r"[^\s,()<>\[\]{}'\"]*")
_CLOSE: Final = {"(": ")", "<": ">"}
_NESTED: Final = {"(": ")", "[": "]", "{": "}", "<": ">"}
_MOST_OBJECTS: Final = 64
_MOST_FIELDS: Final = 64
_REACH: Final = 4096
"""Characters a quoted value or a nested object may span; past it the object is read no further."""
_MOST_DIGITS: Final = 18
"""A bare value read as a number up to this many digits (``account=100234567812``); longer ones stay text."""
_DATE_TYPES: Final = frozenset(("datetime.date", "datetime.datetime", "date", "datetime"))
_DATE_REPR: Final = re.compile(r"[a-z.]{4,17}\(([0-9]{4}), ([0-9]{1,2}), ([0-9]{1,2})[^()]{0,40}\)")
"""A ``date`` or ``datetime`` repr: its year, month and day."""
_NOT_VALUES: Final = frozenset(("None", "True", "False", "NaN", "nan", "null"))
_DATED: Final = frozenset(("DATE", "DOB"))
_KIND: Final = "\x00"
"""Prefix of the stand-in :func:`owned_fields` puts where it would mask a child (the kind follows it)."""
_NAME_CLEARS: Final = frozenset(("NAME", "ADDRESS"))
_PLACE_CLEARS: Final = frozenset(("ADDRESS", "NAME"))
_PHONE_CLEARS: Final = frozenset(("PHONE", "FAX"))
_SHORTEST_PHONE: Final = 1_000_000_000
_PLACE_LAST: Final = [[term] for term in PLACE_TERMS]
"""A field whose last word is a town's (``city``, ``dcCity``, ``site_town``)."""
_ADDRESS_CLEARS: Final = frozenset(("ADDRESS",))
_URL_CLEARS: Final = frozenset(("URL", "NAME"))
_IP_CLEARS: Final = frozenset(("IP",))
_LINE_CLEARS: Final = frozenset(("PHONE", "FAX", "ID"))
_MACHINE_CLEARS: Final = frozenset(("IP", "ADDRESS"))
_MAC_CLEARS: Final = frozenset(("DEVICE", "IP"))
_EMAIL_CLEARS: Final = frozenset(("EMAIL", "NAME"))
_STREET_CLEARS: Final = frozenset(("ADDRESS", "ZIP", "NAME", "CITY"))
_MAILBOX: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_SITE_FIELDS: Final = {
    **dict.fromkeys(("lat", "lon", "lng", "long", "latitude", "longitude", "latlng", "latlon", "coordinates", "geo"),
                    _ADDRESS_CLEARS),
    **dict.fromkeys(("homepage", "website", "url", "site", "web"), _URL_CLEARS),
}  # fmt: skip
"""Fields of an organisation's class that are its own: where it is and its web site (``Warehouse(lat=...)``,
``Vendor(homepage=...)``), kept from the kinds given."""
_ADDRESS_FIELDS: Final = frozenset(("ip", "ipaddress", "ipaddr", "ipv4", "ipv6", "address", "addr", "host"))
_FIRM_FIELDS: Final = frozenset(
    ("labeler", "labeller", "manufacturer", "mfr", "mfg", "vendor", "supplier", "distributor", "packager", "brand")
)
"""A thing's fields that hold a firm whatever its name is shaped like (``Device(manufacturer='Solé Daza')``)."""
_PACKAGE_PEOPLE: Final = frozenset(("maintainer", "author", "publisher", "owner", "creator", "organization"))
"""A thing's fields that hold a person or a firm: kept when the value is written as a firm's."""
"""A bare number of ten digits or more may be a phone under a field name that announces one (``number``)."""


class Cleared(NamedTuple):
    """A field's value the text path must not mask as one of ``kinds`` (its class says what it is)."""

    start: int
    end: int
    kinds: frozenset[str]


class _Field(NamedTuple):
    name: str
    start: int
    end: int
    value: str | int


def may_hold_objects(text: str) -> bool:
    """A cheap test: whether ``text`` may print an object with keyword fields."""
    return "=" in text and ("(" in text or "<" in text)


def repr_judgments(text: str, keys: KeyCatalogue) -> tuple[list[Span], list[Cleared]]:
    """Spans of generic fields a person's class gives a kind, and the values a thing's class keeps."""
    added: list[Span] = []
    cleared: list[Cleared] = []
    for parent, fields in _objects(text):
        info = keys.info(parent)
        person = info.person if info.names_person else None  # a Patient, not a PatientService
        item: Mapping[str, Any] = {field.name: field.value for field in fields}
        owned = item
        if not OWNED_CHILDREN.isdisjoint(name.lower() for name in item):
            owned = owned_fields(parent, item, keys, _stand_in)
        thing = person is None and not holds_persons(parent, keys)
        organisation = thing and organisation_words(tokens(parent))
        for field in fields:
            kind = _kind(owned.get(field.name))
            if kind is None and person is not None:
                child = keys.info(field.name)
                if child.kind is None:  # a field its name alone does not judge: the person gives it its kind
                    kind = key_kind(child, person, field.value)
                    if kind == "AGE" or (kind in _DATED and not full_date(field.value)):
                        kind = None
                    if kind is None and not child.record_time and type(field.value) is str and full_date(field.value):
                        kind = "DATE"  # a person's dates are theirs, as in a mapping, but a record's own times
            elif kind is None:
                kind = person_key_value(keys.info(field.name), field.value)  # Visit(who='19540707'): the person's
            if kind is not None:
                added.append((field.start, field.end, kind))
            elif organisation and (tokens(field.name)[-1:] in _PLACE_LAST or compact(field.name) in _SITE_FIELDS):
                cleared.append(Cleared(field.start, field.end, _SITE_FIELDS.get(compact(field.name), _PLACE_CLEARS)))
            elif thing and _address_field(parent, field.name) and _machine_address(parent, field.value):
                clears = _MACHINE_CLEARS if machine_words(tokens(parent)) else _IP_CLEARS
                cleared.append(Cleared(field.start - 1, field.end + 1, clears))  # Server(ip='10.0.3.7')
            elif thing and _mac_field(field.name) and machine_words(tokens(parent)) and _network(field.value):
                cleared.append(Cleared(field.start, field.end, _MAC_CLEARS))  # Server(mac='00:1a:2b:3c:4d:5e')
            elif organisation and (own := _desk_kinds(keys, field.name, field.value)) is not None:
                quoted = type(field.value) is str  # a span read from the quote on is the value's all the same
                cleared.append(Cleared(field.start - quoted, field.end + quoted, own))  # Vendor(email='orders@...')
            elif thing and compact(field.name) in _FIRM_FIELDS and type(field.value) is str:
                cleared.append(Cleared(field.start, field.end, _NAME_CLEARS))  # Product(labeler='Veen Bosch')
            elif thing and compact(field.name) in _PACKAGE_PEOPLE and _firm_written(field.value):
                cleared.append(Cleared(field.start, field.end, _NAME_CLEARS))  # Package(maintainer='Ortiz Group')
            elif thing and field.name in NAME_COLUMN_KEYS and not _person_shaped(field.value):
                cleared.append(Cleared(field.start, field.end, _NAME_CLEARS))
            elif thing and type(field.value) is int and _kept_number(keys, field.name, field.value):
                cleared.append(Cleared(field.start, field.end, _PHONE_CLEARS))  # Invoice(number=3740436)
    return added, cleared


def _machine_address(parent: str, value: str | int) -> bool:
    """Whether a thing's address field holds a machine's: the class is a machine's (``Server``, ``Node``) or the
    address is a private one (``Printer(ip='192.168.4.20')``)."""
    if type(value) is not str or not network_value(value):
        return False  # Server(address='12 Elm St'), Node(hostname='078-05-1120'): no machine's address
    words = tokens(parent)
    return not INFRA_WORDS.isdisjoint(words) or machine_words(words) or ip_private(value)


def _network(value: str | int) -> bool:
    return type(value) is str and network_value(value)


def _mac_field(name: str) -> bool:
    """Whether a field's name says it holds a network card's hardware address (``mac``, ``eth0_mac``)."""
    return compact(name) in MAC_FIELDS or tokens(name)[-1:] in (["mac"], ["hwaddr"])


def _address_field(parent: str, name: str) -> bool:
    """Whether a thing's field holds a network address: by its name, or any ``*_ip`` of a machine's class."""
    key = compact(name)
    if key in _ADDRESS_FIELDS:
        return True
    return not _mac_field(name) and machine_words(tokens(parent)) and machine_address_field(name)


def _desk_kinds(keys: KeyCatalogue, name: str, value: str | int) -> frozenset[str] | None:
    """The kinds an organisation's contact field is kept from: its mailbox, phone line or street address
    (``Vendor(email='orders@acme.example', office_phone=...)``); ``None`` for any other field."""
    info = keys.info(name)
    if (info.person is not None and "contact" not in tokens(name)) or type(value) is not str:
        return None
    kind = info.kind
    if kind == "EMAIL" and _MAILBOX.fullmatch(value) and not free_mail_domain(value.rpartition("@")[2]):
        return _EMAIL_CLEARS  # orders@acme.example; a free-mail box is a person's (jane.roe@gmail.com)
    if kind in _PHONE_CLEARS and phone_line(value):
        return _LINE_CLEARS
    if kind == "ZIP" or (kind == "ADDRESS" and street_line(value)):
        return _STREET_CLEARS
    return None


def _firm_written(value: str | int) -> bool:
    """Whether a package's person field holds a firm (``Ortiz Group``, ``Veen B.V.``, ``Acme Labs``)."""
    if type(value) is not str or " " not in value:
        return False
    end = value.rstrip(" .")
    last = end.rsplit(" ", 1)[-1]
    return last.replace(".", "").upper() in FIRM_ENDS or last in BUSINESS_WORDS


def _kept_number(keys: KeyCatalogue, name: str, value: int) -> bool:
    """Whether a thing's bare number is no phone, as under its field's name in a mapping: the name has no kind and
    announces no phone (``ref``, ``total``), or announces one (``number``) but the number is too short for one."""
    info = keys.info(name)
    return info.kind is None and (info.phone_word < 1 or value < _SHORTEST_PHONE)


def _person_shaped(value: str | int) -> bool:
    """Whether a thing's ``name`` reads as a person's all the same (the field path's test for a generic name)."""
    return type(value) is str and name_shaped(value)


def _stand_in(kind: str, value: Any) -> str:
    return _KIND + kind


def _kind(value: Any) -> str | None:
    return value[1:] if type(value) is str and value[:1] == _KIND else None


def _objects(text: str) -> Iterator[tuple[str, list[_Field]]]:
    """Each object printed in ``text`` with keyword fields: its class's last name and its fields."""
    count = 0
    budget = 2 * len(text) + _REACH  # characters the fields may be read over: linear time whatever the input
    for opening in _OPENING.finditer(text):
        if budget < 0:
            return
        at = opening.start()
        if text[at] == "(" or (at and (text[at - 1].isalnum() or text[at - 1] == "_")):
            parent = _class_before(text, at)
            start = at + 1
        else:
            named = _CLASS_AFTER.match(text, at + 1)
            parent = None if named is None else named[0]
            start = -1 if named is None else named.end()
        if not parent:
            continue
        fields, end = _fields(text, start, _CLOSE[text[at]])
        budget -= end - start
        if fields:
            yield parent.rsplit(".", 1)[-1], fields
            count += 1
            if count >= _MOST_OBJECTS:
                return


def _class_before(text: str, at: int) -> str | None:
    """The class name right before ``at`` (``Patient``, ``models.Patient``), or ``None``."""
    begin = at
    limit = max(0, at - 80)
    while begin > limit and (text[begin - 1].isalnum() or text[begin - 1] in "_."):
        begin -= 1
    name = text[begin:at]
    last = name.rsplit(".", 1)[-1]
    return name if last[:1].isupper() and last.isascii() else None


def _fields(text: str, at: int, close: str) -> tuple[list[_Field], int]:
    """The keyword fields from ``at`` up to ``close``, each with where its value is written, and where reading ended."""
    fields: list[_Field] = []
    size = len(text)
    position = at
    while len(fields) < _MOST_FIELDS:
        key = _FIELD.match(text, position)
        if key is None or key.end() >= size:
            break
        start = key.end()
        first = text[start]
        if first == "b" and text[start + 1 : start + 2] in ("'", '"'):
            start += 1  # a bytes value: b'...'
            first = text[start]
        if first in "'\"":
            end = _quote_end(text, start + 1, first)
            if end < 0:
                position = min(size, start + _REACH)
                break
            fields.append(_Field(key[1], start + 1, end, text[start + 1 : end]))
            position = end + 1
        else:
            bare = _BARE.match(text, start)
            position = bare.end() if bare is not None else start
            if position < size and text[position] in _NESTED:
                end = _nested_end(text, position)  # a list or an object: its own fields are read on their own
                if end < 0:
                    position = min(size, position + _REACH)  # read that far: counted against the budget
                    break
                day = _DATE_REPR.fullmatch(text, start, end) if bare is not None and bare[0] in _DATE_TYPES else None
                if day is not None:  # admitted=datetime.date(2024, 3, 1): judged as the date it prints
                    fields.append(_Field(key[1], start, end, f"{day[1]}-{int(day[2]):02d}-{int(day[3]):02d}"))
                position = end
            elif bare is not None and bare[0] and bare[0] not in _NOT_VALUES:
                value = bare[0]
                number = len(value) <= _MOST_DIGITS and value.isascii() and value.isdigit()
                fields.append(_Field(key[1], start, position, int(value) if number else value))
        if position >= size or text[position] == close or text[position] not in ", ":
            break
    return fields, max(position, at)


def _quote_end(text: str, start: int, quote: str) -> int:
    """Index of the quote closing a value at ``start`` (backslash escapes honoured), or -1."""
    limit = min(len(text), start + _REACH)
    index = start
    while index < limit:
        ch = text[index]
        if ch == "\\":
            index += 2
        elif ch == quote:
            return index
        else:
            index += 1
    return -1


def _nested_end(text: str, at: int) -> int:
    """Index just past the bracket closing the one at ``at`` (quoted text skipped), or -1."""
    depth = 0
    index = at
    limit = min(len(text), at + _REACH)
    while index < limit:
        ch = text[index]
        if ch in "'\"":
            end = _quote_end(text, index + 1, ch)
            if end < 0:
                return -1
            index = end
        elif ch in _NESTED:
            depth += 1
        elif ch in ")]}>":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return -1
