"""The redaction engine: key rules and value detectors over any JSON-like value, with strategies.

A :class:`Redactor` walks a value once. Under a PHI key the whole value is replaced, whatever
its type; every other string goes through the detectors. New containers are built on the way, so
the caller's objects are never changed. Cycles, excess depth and huge strings are bounded, and
anything that cannot be inspected is masked (fail closed) and counted.
"""

from __future__ import annotations

import collections
import datetime as _dt
import enum
import os
import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from .. import _diagnostics
from .._errors import structured_message
from .._jsonable import attributes_of, fields_of, key_text, table_rows, to_json_native
from .._pseudonym import Pseudonymizer
from .._schema import TRUSTED_FIELDS, VIOLATIONS_FIELD
from ..exceptions import ConfigError
from ._builtin import DEFAULT_DETECTORS, builtin_detectors
from ._checks import bare_number_kind, luhn_ok
from ._child_kinds import key_kind
from ._context import MARKER
from ._day_dates import software_date_key
from ._detector import Detector, by_pattern, check_kind, get_detector
from ._echo import StatementMemory
from ._fhir import DATED_ELEMENTS, EVENT_DATES, directory_field, fhir_element, fhir_kinds, thing_reference
from ._firm_contacts import firm_contact
from ._hl7_fields import hl7_observation_kind
from ._hl7_parsed import hl7_care_kinds, hl7_list_kinds, is_segment_list
from ._id_shapes import CELL_MIN_DIGITS, id_shape
from ._keys import PERSON_RESOURCES, VERSION_WORDS, KeyCatalogue, KeyInfo, compact, tokens
from ._kinds import UNINSPECTED
from ._machines import machine_fields, machine_words
from ._name_column import column_names, loosely_named
from ._name_pairs import FIRST_KEYS, name_pair
from ._name_siblings import person_by_siblings
from ._named_values import (
    LABELLED_VALUE_KEYS,
    TABLE_COLUMN_KEYS,
    TABLE_ROW_KEYS,
    column_kinds,
    extension_name,
    labelled_kind,
    named_value_kind,
)
from ._names import name_shaped
from ._ncpdp_fields import CLAIM_KEPT, NCPDP_KEYS, claim_fields
from ._organisations import PLACE_TERMS, organisation_words
from ._owned_fields import OWNED_CHILDREN, gives_kinds, owned_fields
from ._person_key_ids import person_key_id
from ._person_key_values import PERSON_VALUE_KEYS, person_key_value
from ._person_values import lone_person_word, person_item_kind, person_value
from ._postal_siblings import POSTAL_KEYS, postal_key
from ._questionnaire import answer_kind, item_kind
from ._recoded import spelled_by
from ._record_places import PLACE_KEYS, record_places
from ._record_repeats import echoed, learn
from ._role_mail import free_mail_domain
from ._row_cells import written_phone
from ._scanner import HEX_ID, HEX_START, DetectorFailed, Scanner, dates_in
from ._service_lines import (
    desk_line,
    phone_line,
    street_line,
    system_mailbox,
)
from ._shaped_ids import shaped_ids, software_word
from ._spelled_phones import spelled_phone
from ._strategies import DROP, STRATEGIES, Strategy, is_redacted, mask_text
from ._tabular import TabularDetector, settled
from ._typed_entities import ENTITY_KEYS, ENTRY_ACCOUNT_KEYS, ENTRY_ID_KEYS, entity_kind, entry_id_keys, typed_id
from ._values import SEARCH_DATE_KEYS, foreign_name, full_date, maybe_date, searched_dates

__all__ = ["Finding", "KeyRule", "Redactor", "by_key"]

_DEEP: Final = "[hipaalog: nested too deep]"
_CYCLE: Final = "[hipaalog: circular reference]"
_UNINSPECTED_MASK: Final = mask_text(UNINSPECTED)
_KEEP: Final = object()
_NOTHING: Final[frozenset[str]] = frozenset()
_SAFE_KEYS_LIMIT: Final = 4096
_NATIVE_LEAVES: Final = (_dt.datetime, _dt.date, _dt.time, uuid.UUID)
_SEQUENCES: Final = (list, tuple, collections.deque)
_SETS: Final = (set, frozenset)
_MIN_ATTRIBUTE_FORM: Final = 4
_SCALARS: Final = frozenset({str, int, float, bytes})
_SPELLING: Final = frozenset({str, int})
"""Types of a list's first item that may, with the rest, spell a value (character codes, a number in pieces)."""
_NEUTRAL_KEY: Final = KeyInfo(None, None, None, "", True)
"""What a key says when its text is (or held) an identifier: nothing about the value under it."""
_UNIQUE_SUFFIX: Final = re.compile(r"#[0-9]+$")


class _Walk(set[int]):
    """One walk's state: the ids of the containers on the current path (cycles), and how unknown objects convert.

    ``convert`` turns an object hipaalog does not know into what the encoder would write for it
    (the encoder's ``json_default``, then hipaalog's own conversion); the walk redacts the result.
    """

    __slots__ = ("convert",)

    def __init__(self, convert: Callable[[Any], Any] = to_json_native) -> None:
        super().__init__()
        self.convert = convert


_AGE_NUMBER: Final = re.compile(r"\s*(\d{1,3})(?:\.\d+)?\s*(?:\+|y|yr|yrs|years?)?\s*$", re.IGNORECASE)
_QUANTITY_KEYS: Final = frozenset({"value", "unit", "system", "code", "comparator"})
"""The elements of a FHIR ``Quantity`` (an ``Age`` is one): its ``value`` is the number the key names."""
_AGE_RANGE: Final = re.compile(r"\s*(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s*(?:y|yrs|years)?\s*$", re.IGNORECASE)
"""An age band (``90-94``): over 89 when its upper end is."""
_VERSION_VALUE: Final = re.compile(r"v?[0-9]{1,4}(?:\.[0-9]{1,6}){1,4}(?:[-+][0-9A-Za-z.-]+)?")
_OPTION_NAMES: Final = (
    "strategy",
    "strategies",
    "pseudonym_key",
    "pseudonym_keys",
    "active_key",
    "allow_fields",
    "phi_fields",
    "key_rules",
    "detectors",
    "disable",
    "patterns",
    "rules",
    "max_depth",
    "max_items",
    "max_scan_chars",
)


@dataclass(frozen=True)
class KeyRule:
    """Field names (any style) whose values are identifiers of ``kind``; see :func:`by_key`."""

    names: tuple[str, ...]
    kind: str = "ID"
    strategy: str | None = None

    def __repr__(self) -> str:
        return f"by_key({', '.join(map(repr, self.names))}, kind={self.kind!r})"


def by_key(*names: str, kind: str = "ID", strategy: str | None = None) -> KeyRule:
    """A key rule: fields called any of ``names`` (matched style-insensitively, at any depth) hold ``kind``.

    ``strategy`` applies to ``kind`` unless the redactor's ``strategies`` option names that kind.
    """
    if not names or not all(isinstance(n, str) and compact(n) for n in names):
        raise ConfigError(f"by_key needs field names with letters or digits, not {names!r}")
    check_kind(kind)
    if strategy is not None and strategy not in STRATEGIES:
        raise ConfigError(f"by_key strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    return KeyRule(tuple(names), kind, strategy)


@dataclass(frozen=True)
class Finding:
    """Where an identifier is, never what it is.

    Attributes:
        kind: what was found (``"SSN"``, ``"NAME"``, ...; see ``hipaalog.redaction.KINDS``).
        path: where: ``"$"`` for a bare string, else JSONPath-like (``"$.patient.ssn"``, ``"$.items[0]"``).
        span: character offsets ``(start, end)`` inside the string at ``path``; ``None`` when the
            whole value is PHI because of its field name.
        rule: ``"key"`` (the field name says so) or ``"text"`` (a detector found it in the string).
    """

    kind: str
    path: str
    span: tuple[int, int] | None = None
    rule: str = "text"

    def __str__(self) -> str:
        where = f"{self.path} chars {self.span[0]}-{self.span[1]}" if self.span else self.path
        return f"{self.kind} at {where}"


_OWNED_QUICK: Final = OWNED_CHILDREN | {c.upper() for c in OWNED_CHILDREN} | {c.capitalize() for c in OWNED_CHILDREN}
"""Child names that may take a meaning from their parent, in the cases they are written in."""


def _path_of(parent: str, key: object) -> str:
    text = str(key)
    if text.isidentifier():
        return f"{parent}.{text}"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'{parent}["{escaped}"]'


_MAILBOX: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def _own_places(item: Mapping[Any, Any]) -> frozenset[str]:
    """The keys of an organisation's mapping that name its town (``{"vendor": {"city": ...}}``): not masked by name."""
    return frozenset(k for k, v in item.items() if type(k) is str and type(v) is str and compact(k) in PLACE_TERMS)


_MACHINE_KEYS: Final = frozenset(
    {"rss", "rss_mb", "rss_kb", "uptime", "ttl", "max_age", "cpu", "cpu_pct", "mem", "mem_mb"}
    | {"threads", "fds", "hits", "misses", "hostname", "container", "pod", "worker", "etag", "last_modified"}
)
"""Keys of a process, a cache entry or a host: an ``age`` beside one is theirs (seconds, days), no person's."""


def _machine_age(value: Mapping[Any, Any]) -> bool:
    """Whether a mapping with an ``age`` key holds a machine's keys beside it (and so its age is a thing's)."""
    return not _MACHINE_KEYS.isdisjoint(value)


def _naming(info: KeyInfo) -> bool:
    """Whether a field's name says it holds a name (``name``, ``owner_name``, ``full_name``)."""
    return info.kind == "NAME" or info.compact == "name"


def _one_mailbox(value: Any) -> bool:
    """Whether ``value`` is one e-mail address and nothing else (an organisation's ``orders@firm.example``)."""
    if type(value) is not str or len(value) > 254 or _MAILBOX.fullmatch(value) is None:
        return False
    return not free_mail_domain(value.rpartition("@")[2])  # jane.roe@gmail.com under a vendor: a person's box


def _unique(name: str, taken: Mapping[str, Any]) -> str:
    """``name`` with the first free ``#N`` suffix (two keys that read the same once redacted)."""
    number = 2
    while f"{name}#{number}" in taken:
        number += 1
    return f"{name}#{number}"


def _safe_form(form: Callable[[object], str], value: object) -> str:
    """``repr(value)`` or ``str(value)``, or ``""`` when that raises."""
    try:
        text = form(value)
    except Exception:  # noqa: BLE001 - a broken __repr__/__str__ has no form to look for
        return ""
    return text if isinstance(text, str) else ""


def _is_version(compact_key: str, value: str) -> bool:
    """Whether a field named like a version (``version``, ``sdkVersion``, ``build``) holds a dotted version.

    Four numbers of at most 255 with a first one of 25 or more read as an IPv4 address, whatever the
    field is called (``build=203.0.113.7``): versions that big are rare, an address there is PHI.
    """
    if not (compact_key.endswith("version") or compact_key in VERSION_WORDS):
        return False
    if _VERSION_VALUE.fullmatch(value) is None:
        return False
    parts = value.lstrip("v").split(".")
    return not (len(parts) == 4 and all(p.isdigit() and int(p) <= 255 for p in parts) and int(parts[0]) >= 25)


_CLINICIAN_RESOURCES: Final = frozenset({"Practitioner", "PractitionerRole"})
"""FHIR resources about a clinician: their logical ``id`` is kept (their names and identifiers still count)."""
_ZIP_PLUS_FOUR: Final = re.compile(r"[0-9]{5}-[0-9]{4}")
_PHONE_STARTS: Final = frozenset("+(0123456789")
"""How a phone number written in groups starts."""
_ROW_MAX: Final = 64
_ROW_PERSON_KINDS: Final = frozenset({"EMAIL", "PHONE", "NAME", "DOB"})
"""Kinds of a row's item that make the row a person's, its identifier-shaped items theirs (``_row_ids``)."""


def _masked_kind(text: str) -> str | None:
    """The kind a mask or pseudonym token stands for (``[REDACTED:EMAIL]``, ``[EMAIL:...]``), else ``None``."""
    if len(text) > 80 or text[:1] != "[" or not is_redacted(text):
        return None
    head = text[1:].split(":", 2)
    if head[0] == "REDACTED" and len(head) > 1:
        return head[1].rstrip("]")
    return head[0]


"""Longer lists are not read as one row."""


def _row_like(items: list[Any]) -> bool:
    """Whether ``items`` are scalars with two capitalised strings at least (a row of a table, not a list of words);
    a string in a script without case (Arabic, Devanagari, Hangul, Han) counts as two: it may be a name alone."""
    capitalised = 0
    for item in items:
        cls = type(item)
        if cls is str:
            first = item[:1]
            capitalised += (
                2 if first > "\u024f" and first.isalpha() and first.lower() == first.upper() else first.isupper()
            )
        elif not (cls is int or cls is float or cls is bool or item is None):
            return False
    return capitalised >= 2


def _pairs(items: list[Any]) -> bool:
    """Whether ``items`` are ``(name, value)`` pairs: a mapping's items, parsed query parameters, headers."""
    for item in items:  # noqa: SIM110 - a loop is cheaper than all() over a generator on the hot path
        if not (isinstance(item, (tuple, list)) and len(item) == 2 and type(item[0]) is str):
            return False
    return True


def _datum(item: object) -> bool:
    """Whether ``item``, the second of two, reads as a value rather than a second field name (``["ssn", "dob"]``):
    a number, or text with a digit, a space, an ``@`` or a capital first."""
    if type(item) is int:
        return True
    return type(item) is str and (item[:1].isupper() or _DATUM_SIGN.search(item) is not None)


def _is_value_x(key: str) -> bool:
    """Whether ``key`` is a FHIR ``value[x]`` element (``valueString``, ``valueAddress``; not ``value``)."""
    return key[:5] == "value" and key[5:6].isupper()


def _is_period(compact_key: str, value: object) -> bool:
    """Whether a field of a FHIR resource is a ``Period`` (``{"start": ..., "end": ...}``) of the resource itself."""
    return (
        compact_key.endswith("period")
        and isinstance(value, Mapping)
        and bool(value)
        and all(key in ("start", "end", "id", "extension") for key in value)
    )


_ID_KEY: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{3,35}")
_DATE_KEY: Final = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")


def _id_key(name: str) -> bool:
    """Whether a mapping key below a person or a collection of people is shaped like their identifier:
    five digits or more, or four beside letters (``414493279``, ``XK4471920``; not ``2024``, ``v1``, ``2024-03``)."""
    if _ID_KEY.fullmatch(name) is None or _DATE_KEY.fullmatch(name) is not None:
        return False
    digits = sum(ch.isdigit() for ch in name)
    return digits >= 5 or (digits >= 4 and digits < len(name.replace("-", "")))


def _integral(item: object) -> int | None:
    """The int an integral float or Decimal equals (``3127482290.0``, ``Decimal("219099999")``), else ``None``:
    such a number is judged as the int it equals, under every key rule."""
    if type(item) is float:
        return int(item) if item.is_integer() and -(10**18) < item < 10**18 else None
    if isinstance(item, Decimal) and item.is_finite():
        integral = item.to_integral_value()
        return int(integral) if integral == item and -(10**18) < integral < 10**18 else None
    return None


_SEARCH_KEYS: Final = frozenset({"q", "query", "search", "searchterm", "term", "keyword", "lookup", "display"})
"""Keys of a search or a display text: a person's name when a sibling key names a person's identifier."""
_QUICK_EXCEPT: Final = _SEARCH_KEYS | PERSON_VALUE_KEYS
"""Plain keys the walk's quick branch leaves to the full one."""
_RECORD_NUMBER_KEYS: Final = {
    **dict.fromkeys(("recordno", "recordnumber", "recordnum", "recordnbr", "recno", "recnum", "recnbr"), "MRN"),
    **dict.fromkeys(("visitno", "visitnumber", "visitnum", "visitnbr", "encounterno", "encounternumber"), "ACCOUNT"),
}
"""Keys of a record or visit number, a person's only beside one (``record_no`` of a batch job is a row's)."""
_RECORD_NUMBER: Final = re.compile(r"[A-Za-z]{0,4}-?(?:[0-9]{5,16}|[0-9]{3,8}(?:-[0-9]{2,8}){1,3})")
_GROUPED_PHONE: Final = re.compile(r"(?:\+[0-9]{1,3}[ .-]?)?\(?0?[0-9]{1,4}\)?(?:[ .-][0-9]{2,4}){2,5}")
_PLATE_KEYS: Final = frozenset({"tag", "tag_no", "tagno", "tag_number", "plate", "plate_no", "reg", "registration"})
"""Keys of a vehicle's plate beside its VIN (``tag`` alone is a label, a version or an image's)."""
_PERSON_FIELD_KINDS: Final = frozenset({"DOB", "SSN", "MRN", "PATIENT", "MEMBER_ID", "MBI", "NAME"})
_A_NAME: Final = re.compile(r"\[(?:REDACTED:)?NAME[:\]]")
"""hipaalog's mask of a person's name."""
_A_PERSON: Final = re.compile(r"\[(?:REDACTED:)?(?:NAME|MRN|PATIENT|MEMBER_ID|SSN|DOB|MBI|EMAIL)[:\]]")
"""hipaalog's mask of what names a person in a record: ``PERSON_MARKER``'s kinds, and a person's e-mail (a role
mailbox is kept, never masked); not a phone's mask, which a toll-free line in text gets too (a phone under a person's
key counts, see ``contact``)."""
_DATUM_SIGN: Final = re.compile(r"[0-9 @]")
_NAME_LIKE: Final = re.compile(r"[^\W\d_]+(?:[ '’.-]+[^\W\d_]+){0,3}")
"""One to four words of letters (a name as typed into a search box)."""


def _bare_kind(item: object) -> str | None:
    """The kind of a bare phone number, SSN or name under a person's key, as text, an int or an integral number."""
    if type(item) is str or type(item) is int:
        return person_item_kind(item)  # a phone number, an SSN, or a name written alone
    number = _integral(item)
    return None if number is None else bare_number_kind(number)


def _line_of_desk(key: Any, kind: str, item: Any) -> bool:
    """Whether a phone or e-mail field's value is an organisation's or a system's, not a person's line."""
    if kind == "EMAIL":
        return system_mailbox(item)  # a role mailbox: noreply@, alerts@
    return type(key) is str and phone_line(item) and desk_line(tokens(key))  # "support_phone", "toll_free_number"


_LINE_KINDS: Final = frozenset(("PHONE", "FAX"))
"""Kinds of an organisation's field that are its own lines (``{"vendor": {"main_phone": ...}}``)."""
_CONTACT_KINDS: Final = frozenset(("PHONE", "EMAIL", "FAX"))
_FIRM_KINDS: Final = _CONTACT_KINDS | {"ADDRESS"}
_MOST_CARD_FIELDS: Final = 8
_CARD_KEYS: Final = frozenset(("contact", "contacts", "contactinfo", "contactdetails", "support", "helpdesk"))
"""Keys of an organisation's contact card (``{"vendor": {"contact": {"email": ...}}}``), run together."""
"""Kinds of a field an organisation's own may hold (``office_phone``, ``vendor_email``, ``clinic_address``)."""
"""Kinds of a field that say a mapping is someone's contact card, so its generic name is a person's."""
_DESK_WORDS: Final = frozenset(
    ("support", "helpdesk", "help", "office", "main", "business", "sales", "store", "toll", "tollfree", "desk", "front")
)
"""Words of a phone or e-mail field that name an organisation's line (``support_phone``): no sign of a person."""
_GENERIC_NAMES: Final = frozenset(("name", "extraname"))
"""Generic name keys (run together), ``extra_name`` being ``name`` renamed away from a ``LogRecord`` attribute."""
_PARAMETER_KEYS: Final = frozenset({"params", "parameters", "args", "bind_params", "binds", "bindings"})
"""Keys of a SQL statement's parameters logged beside it (under one of :data:`_STATEMENT_KEYS`)."""
_STATEMENT_KEYS: Final = ("sql", "statement", "query", "stmt")


def _settled(kind: str | None, value: Any) -> str | None:
    """The kind of a parameter of a column of ``kind`` (a generic name column's only if it reads as a name)."""
    if kind is None or value is None or isinstance(value, bool):
        return None
    return settled(kind, value if type(value) is str else str(value))


def _table_rows(value: object) -> list[Any] | dict[str, Any] | None:
    """:func:`table_rows`, or ``None`` when reading the table raised (the value is then converted as any other)."""
    try:
        return table_rows(value)
    except Exception:  # noqa: BLE001 - a broken array or frame is written as its text instead
        return None


_ANY_DIGIT: Final = re.compile(r"[0-9]")
_ID_HINT: Final = re.compile(r"[0-9]{5}|[0-9][A-Z]{2,4}[0-9]|[0-9]{2,6}-[0-9]{2}")
"""Where a text may hold an id-shaped token (:mod:`._shaped_ids`): five digits in a row, a plate, dashed groups."""


_DATE_HINT: Final = re.compile(
    r"[0-9](?:[/.-][0-9]|[ ]?(?:st|nd|rd|th|of)?[ ][A-Z]|(?:er|º|\.)?[ ](?:de[ ])?[^\W\d_]{3})"
    r"|[A-Z][a-z]{2,8}\.?[ ][0-9]|[0-9]{8}"
)
"""Where a text may hold a date with a day: numbers with a separator, a month's name beside a number (``29 avril``,
``6. März``, ``3 de agosto``), 8 digits."""
_PLACE_HINT: Final = re.compile(r"[A-Z][a-z]|[0-9]{5}-[0-9]|[0-9][FM]")
"""Where a text may hold a town, a ZIP+4 or an age with a sex (:mod:`._record_places`)."""
_DATES_DEPTH: Final = 4
"""How deep below a mapping that names a person its dates are looked for."""


def _apart(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``spans`` sorted and joined where they overlap (``March 19`` inside ``March 19, 2025``)."""
    joined: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]), kind)
        else:
            joined.append((start, end, kind))
    return joined


_ECHO_ROWS: Final = 64
"""Values of one flattened ``insertmanyvalues`` batch typed by the columns of one row repeated."""
_NAMED_ID: Final = ("id", "ids", "_no", "_nr", "num", "number", "ref", "key", "code")
"""Ends of a field's name that say which id it holds: the key catalogue judged it (``order_id`` is a thing's)."""
_SEGMENT_FIELD: Final = re.compile(r"[A-Za-z][A-Za-z0-9]{2}[._-][0-9]{1,3}(?:[._-][0-9]{1,3})*$")
"""A field of an HL7 segment named by its position (``obr_3``, ``PID.19``, ``pid_11_5``)."""


def _holds_person(walked: Any) -> bool:
    """Whether a mapping, list or tuple just walked holds, as one of its own values, hipaalog's mask of a person's
    identifier (``{"first_name": "[REDACTED:NAME]"}``, ``["[REDACTED:NAME]", "D1234567"]``)."""
    cls = type(walked)
    if cls is dict:
        return _names_person(walked)
    if cls is list or cls is tuple:
        for value in walked:
            if type(value) is str and "[" in value and _A_PERSON.search(value) is not None:
                return True
    return False


def _names_person(mapping: dict[Any, Any]) -> bool:
    """Whether a mapping just walked holds, as one of its own values, hipaalog's mask of a person's identifier."""
    for value in mapping.values():
        if type(value) is str and "[" in value and _A_PERSON.search(value) is not None:
            return True
    return False


def _in_marker(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps hipaalog's own mask or pseudonym."""
    return "[" in text and any(m.start() < end and start < m.end() for m in MARKER.finditer(text))


def _file_name(item: object) -> bool:
    """Whether ``item`` (text, or a list of texts) names files without a digit: ``archive.zip``, ``dist/app.tar.gz``."""
    if type(item) is list or type(item) is tuple:
        return bool(item) and all(_file_name(x) for x in item)
    return type(item) is str and "." in item and " " not in item and _ANY_DIGIT.search(item) is None


def _truncated(what: str, left_out: int) -> str:
    """The marker that stands for the ``left_out`` entries of a value past ``max_items`` (counted)."""
    _diagnostics.problem("redaction-truncated", f"a value of more than max_items {what}: {left_out} left out")
    return f"[hipaalog: {left_out} more {what} left out]"


class Redactor:
    """Redacts PHI from log events, JSON-like values and text.

    Every option can be given in a mapping (``Redactor({"strategy": "mask"})``, or a ``redaction:``
    block of a dictConfig file) or as keywords; unknown options are a
    :class:`~hipaalog.exceptions.ConfigError`.

    Options:
        strategy: what replaces identifiers by default: ``"mask"`` (``[REDACTED:SSN]``),
            ``"pseudonym"`` (keyed token ``SSN:k1:...``), ``"partial"`` (last 4 digits, the year of a
            date, the first 3 digits of a ZIP code, 90 for an age; a mask where a kind has no
            partial form) or ``"drop"`` (leave the field out; in text, a mask).
        strategies: per kind, for example ``{"NAME": "pseudonym", "DOB": "partial"}``. Ages default to
            ``"partial"`` (so an ``age`` field stays a number).
        pseudonym_key: key of the pseudonym strategy (``hex:...``, ``base64:...``, ``env:VAR`` or a
            string of 16+ characters); default: the ``HIPAALOG_PSEUDONYM_KEY`` variable. Key id ``k1``.
        pseudonym_keys, active_key: several keys by id and the one used for new tokens (rotation).
        allow_fields: field names never redacted (any style, at any depth), or dotted paths from the
            top (``"payer.name"``).
        phi_fields: further PHI field names, as a list (kind ``ID``) or a mapping name -> kind.
        key_rules: use hipaalog's catalogue of Safe Harbor field names (default ``True``).
        detectors: detector names to run, ``"default"`` meaning all built-ins (default); registered
            names and :class:`Detector` objects may be added.
        disable: detector names to leave out (for example ``["address"]``).
        patterns: custom regular expressions: strings (kind ``ID``) or ``{"pattern", "kind", "name"}``.
        rules: rule objects: :func:`by_key`, :func:`by_pattern`, :func:`by_callable`.
        max_depth: nesting depth walked (default 32); deeper values become a marker.
        max_items: entries of one mapping or list walked (default 10,000); the rest is left out, a marker
            says how many, and the event is counted (``redaction-truncated``): time stays bounded.
        max_scan_chars: longest string scanned (default 65536); the rest is cut off with a marker.
    """

    def __init__(self, policy: Mapping[str, Any] | None = None, **options: Any) -> None:
        if policy is not None and not isinstance(policy, Mapping):
            raise ConfigError(f"Redactor policy must be a mapping of options, not {type(policy).__name__}")
        merged: dict[str, Any] = {str(k): v for k, v in (policy or {}).items()}
        merged.update(options)
        unknown = sorted(set(merged) - set(_OPTION_NAMES))
        if unknown:
            raise ConfigError(f"unknown redaction option(s) {', '.join(unknown)}; known: {', '.join(_OPTION_NAMES)}")
        self._policy = merged
        self._configure(**merged)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Redactor:
        """A redactor from a policy mapping (what ``redaction=`` of the formatter and dictConfig take)."""
        return cls(config)

    # -- configuration ------------------------------------------------------------------------
    def _configure(
        self,
        *,
        strategy: str = "mask",
        strategies: Mapping[str, str] | None = None,
        pseudonym_key: str | bytes | None = None,
        pseudonym_keys: Mapping[str, str | bytes] | None = None,
        active_key: str | None = None,
        allow_fields: Sequence[str] = (),
        phi_fields: Mapping[str, str] | Sequence[str] | None = None,
        key_rules: bool = True,
        detectors: Sequence[str | Detector] | None = None,
        disable: Sequence[str] = (),
        patterns: Sequence[str | Mapping[str, Any]] = (),
        rules: Sequence[Detector | KeyRule] = (),
        max_depth: int = 32,
        max_items: int = 10_000,
        max_scan_chars: int = 65536,
    ) -> None:
        limits = (("max_depth", max_depth, 1), ("max_items", max_items, 16), ("max_scan_chars", max_scan_chars, 256))
        for name, number, low in limits:
            if isinstance(number, bool) or not isinstance(number, int) or number < low:
                raise ConfigError(f"redaction option {name} must be an integer of at least {low}, not {number!r}")
        self.max_depth = max_depth
        self.max_items = max_items
        self.max_scan_chars = max_scan_chars

        extra_keys: dict[str, str] = {}
        if phi_fields is not None:
            if isinstance(phi_fields, Mapping):
                extra_keys.update({str(k): str(v) for k, v in phi_fields.items()})
            elif isinstance(phi_fields, (list, tuple)):
                extra_keys.update({str(k): "ID" for k in phi_fields})
            else:
                raise ConfigError("phi_fields must be a list of field names or a mapping of field name -> kind")
        custom: list[Detector] = []
        rule_strategies: dict[str, str] = {}
        for rule in rules:
            if isinstance(rule, KeyRule):
                extra_keys.update(dict.fromkeys(rule.names, rule.kind))
                if rule.strategy is not None:
                    rule_strategies[rule.kind] = rule.strategy
            elif isinstance(rule, Detector):
                custom.append(rule)
                rule_strategy = getattr(rule, "strategy", None)
                if isinstance(rule_strategy, str):
                    rule_strategies.update(dict.fromkeys(rule.kinds, rule_strategy))
            else:
                raise ConfigError(f"rules must be by_key/by_pattern/by_callable objects, not {type(rule).__name__}")
        for kind in extra_keys.values():
            check_kind(kind)
        if not isinstance(key_rules, bool):
            raise ConfigError("key_rules must be true or false")
        self.keys = KeyCatalogue(extra_keys, builtin=key_rules)

        if isinstance(allow_fields, str) or not all(isinstance(f, str) for f in allow_fields):
            raise ConfigError("allow_fields must be a list of field names or dotted paths")
        self._allow_names = frozenset(compact(f) for f in allow_fields if "." not in f)
        self._allow_paths = frozenset(f for f in allow_fields if "." in f)

        for item in patterns:
            if isinstance(item, str):
                custom.append(by_pattern(item, "ID"))
            elif isinstance(item, Mapping) and "pattern" in item:
                unknown = set(item) - {"pattern", "kind", "name", "group", "strategy"}
                if unknown:
                    raise ConfigError(f"pattern entry has unknown key(s) {', '.join(sorted(unknown))}")
                detector = by_pattern(
                    item["pattern"], item.get("kind", "ID"), name=item.get("name"), group=item.get("group", 0)
                )
                custom.append(detector)
                if item.get("strategy") is not None:
                    rule_strategies[detector.kinds[0]] = item["strategy"]
            else:
                raise ConfigError("patterns must be regular expressions or mappings with 'pattern' ('kind', 'name')")

        builtin: list[Detector] = []
        names = list(detectors) if detectors is not None else ["default"]
        disabled = set(disable)
        known_builtin = set(DEFAULT_DETECTORS)
        for name in disabled:
            if name not in known_builtin:
                get_detector(name)  # raises a ConfigError naming the known detectors
        for entry in names:
            if isinstance(entry, Detector):
                custom.append(entry)
            elif entry == "default":
                builtin.extend(d for d in builtin_detectors(self.keys) if d.name not in disabled)
            elif entry in known_builtin:
                if entry not in disabled:
                    builtin.extend(d for d in builtin_detectors(self.keys) if d.name == entry)
            elif isinstance(entry, str):
                custom.append(get_detector(entry))
            else:
                raise ConfigError(f"detectors must be names or Detector objects, not {type(entry).__name__}")
        self._scanner = Scanner(builtin, custom, self.keys)
        # A whole argument shaped like a name ("notified %s" % "Tadeusz Kuziora") is masked as one, unless
        # the name model is disabled.
        self.names_values = any(d.name == "person_name" for d in builtin)
        self._tabular = next((d for d in builtin if isinstance(d, TabularDetector)), None)
        self._echo = StatementMemory(self._tabular.parameter_kinds) if self._tabular is not None else None
        self._fast_events = not self._allow_names and not self._allow_paths
        self._clean = self._scanner.clean
        self._stable_output = not custom
        self._top_actions: dict[Any, int] = {}
        self._owners: dict[Any, bool] = {}  # field names that give generic children a kind ({"device": {"id"}})
        self._nested_actions: dict[Any, int] = {}
        self._safe_keys: dict[str, KeyInfo] = {}
        self._plain_values: dict[str, None] = {}  # short strings of plain fields that are no name nor phone

        chosen = {**rule_strategies, **{str(k): v for k, v in (strategies or {}).items()}}
        self._pseudonymizer = self._make_pseudonymizer(pseudonym_key, pseudonym_keys, active_key, strategy, chosen)
        self._default_strategy = self._strategy(strategy, "strategy")
        by_kind: dict[str, Strategy] = {"AGE": self._strategy("partial", "AGE")}
        for kind, name in chosen.items():
            check_kind(kind)
            by_kind[str(kind)] = self._strategy(name, f"strategies[{kind!r}]")
        self._strategies = by_kind

    @staticmethod
    def _make_pseudonymizer(
        key: str | bytes | None,
        keys: Mapping[str, str | bytes] | None,
        active: str | None,
        strategy: str,
        strategies: Mapping[str, Any] | None,
    ) -> Pseudonymizer | None:
        wanted = strategy == "pseudonym" or "pseudonym" in (strategies or {}).values()
        if keys:
            if key is not None:
                raise ConfigError("give pseudonym_key or pseudonym_keys, not both")
            return Pseudonymizer(keys, active)
        if key is None:
            key = os.environ.get("HIPAALOG_PSEUDONYM_KEY") or None
        if key is None:
            if wanted:
                raise ConfigError(
                    "redaction strategy 'pseudonym' needs a key: set pseudonym_key (for example "
                    "'env:HIPAALOG_PSEUDONYM_KEY' or 'hex:<64 hex digits>') or the HIPAALOG_PSEUDONYM_KEY variable"
                )
            return None
        return Pseudonymizer({"k1": key}, active)

    def _strategy(self, name: object, what: str) -> Strategy:
        if not isinstance(name, str) or name not in STRATEGIES:
            raise ConfigError(f"redaction {what}: unknown strategy {name!r}; use one of {', '.join(STRATEGIES)}")
        return Strategy(name, self._pseudonymizer)

    def strategy_for(self, kind: str) -> Strategy:
        """The strategy applied to identifiers of ``kind``."""
        return self._strategies.get(kind, self._default_strategy)

    @property
    def detectors(self) -> tuple[Detector, ...]:
        """The detectors this redactor runs on text."""
        return self._scanner.detectors

    # -- text ---------------------------------------------------------------------------------
    def redact_text(self, text: str) -> str:
        """``text`` with every identifier replaced. Never raises."""
        if type(text) is str and text in self._clean:
            return text
        if type(text) is not str:
            try:
                text = str.__str__(text)
            except Exception:  # noqa: BLE001 - fail closed
                return _UNINSPECTED_MASK
        tail = ""
        if len(text) > self.max_scan_chars:
            cut = self.max_scan_chars
            space = text.rfind(" ", cut - 64, cut)
            cut = space if space > 0 else cut
            tail = f"…[hipaalog: {len(text) - cut} chars not scanned, left out]"
            text = text[:cut]
        try:
            spans = self._scanner.spans(text)
        except DetectorFailed:
            return _UNINSPECTED_MASK
        except Exception as exc:  # noqa: BLE001 - fail closed: the text is not emitted as is
            _diagnostics.problem("redaction-failed", f"text could not be inspected ({type(exc).__name__}); masked")
            return _UNINSPECTED_MASK
        if not spans:
            return text + tail if tail else text
        parts: list[str] = []
        position = 0
        strategies = self._strategies
        default = self._default_strategy
        for start, end, kind in spans:
            parts.append(text[position:start])
            parts.append(strategies.get(kind, default).text(kind, text[start:end]))
            position = end
        parts.append(text[position:])
        if tail:
            parts.append(tail)
            return "".join(parts)
        out = "".join(parts)
        if self._stable_output:
            # Redaction is idempotent with hipaalog's own detectors (a property test pins it): the
            # output, scanned again, would come out unchanged. Remembering it as clean makes the
            # second pass cheap (the record factory's output reaching the formatter, say).
            self._scanner.remember_clean(out)
        return out

    def redact_echo(self, logger: str, thread: object, message: str) -> str:
        """``message`` with the PHI among the parameters of the statement logged just before it (same logger and
        thread) replaced, as SQLAlchemy's ``echo`` logs them apart (``INSERT INTO patient (name, city) VALUES
        (?, ?)``, then ``[generated in 0.0002s] ('Roe', 'Lake Amanda')``); any other message as it is. The
        result is still redacted as text. Never raises."""
        memory = self._echo
        if memory is None or self._tabular is None or message.__class__ is not str:
            return message
        try:
            found = memory.parameters_for((logger, thread), message)
            if found is None:
                return message
            (kinds, named), start = found
            if kinds and "insertmanyvalues" in message[:start]:  # rows flattened into one tuple
                kinds = kinds * (_ECHO_ROWS // len(kinds) + 1)
            spans = list(self._tabular.parameter_spans(message, start, kinds, named))
            return self._masked_kinds(message, _apart(spans)) if spans else message
        except Exception as exc:  # noqa: BLE001 - the message is still redacted as text
            _diagnostics.problem("redaction-failed", f"echoed parameters could not be typed ({type(exc).__name__})")
            return message

    # -- values -------------------------------------------------------------------------------
    def redact(self, value: Any, *, default: Callable[[Any], Any] | None = None) -> Any:
        """A redacted, JSON-native copy of ``value`` (a string, mapping, list or any object). Never raises.

        The copy is what hipaalog writes for ``value``, redacted: dataclasses, attrs classes and pydantic
        models become objects of their fields, named tuples arrays, enums their values, sets sorted
        arrays, bytes text, mapping keys text; other objects become the text ``default`` (or
        hipaalog's own conversion) gives them. Field-name rules apply to the fields of objects too,
        and mapping keys are redacted like any other text.
        """
        try:
            walk = _Walk() if default is None else _Walk(default)
            return self._value(value, 0, None, walk, "$" if self._allow_paths else None)
        except Exception as exc:  # noqa: BLE001 - fail closed
            _diagnostics.problem("redaction-failed", f"value could not be inspected ({type(exc).__name__}); masked")
            return _UNINSPECTED_MASK

    def redact_field(self, key: str, value: Any) -> Any:
        """What ``redact({key: value})`` holds under ``key`` (``None`` when the field is dropped). Never raises.

        A plain field name with a string or small number (most ``extra=`` fields) skips the copy of
        a one-field dict; a dict or list whose strings the gate finds clean comes back as it is
        (shared, never changed), as in :meth:`redact_event`.
        """
        if self._fast_events and type(key) is str:
            actions = self._nested_actions
            action = actions.get(key)
            if action is None:
                action = self._key_action(key, _NOTHING)
                if len(actions) < 4096:
                    actions[key] = action
            if action == 1:
                cls = type(value)
                if cls is str and (value in self._plain_values or not (len(value) <= 64 and self._loose_text(value))):
                    if value in self._clean:
                        return value
                    clean = self.redact_text(value)
                    return value if clean != value and _line_of_desk(key, "PHONE", value) else clean  # "toll_free"
                if cls is float or cls is bool or value is None:
                    return value
                if cls is int and -(10**12) < value < 10**12 and not 2 * 10**9 <= value < 2 * 10**10:
                    return value
                if cls is dict or cls is list:
                    parts: list[str] = []
                    try:
                        if cls is dict:
                            collected = self._collect(value, parts, 1, _NOTHING)
                        else:
                            collected = self._collect_list(value, parts, 1)
                        if collected and (not parts or self._clean_parts(parts)):
                            return value
                    except Exception:  # noqa: BLE001 - the full walk below decides, and fails closed
                        pass
        redacted = self.redact({key: value})
        if isinstance(redacted, dict):
            if len(redacted) == 1:
                return next(iter(redacted.values()))
            return None
        return _UNINSPECTED_MASK

    def field_name(self, key: object) -> str:
        """A field name as written: its text, with any identifier in it redacted. Never raises.

        Names recur: a name found clean is remembered, so most calls cost one lookup.
        """
        try:
            if type(key) is str and key in self._safe_keys:
                return key
            return self._key(key)[1]
        except Exception as exc:  # noqa: BLE001 - fail closed
            _diagnostics.problem("redaction-failed", f"a field name could not be inspected ({type(exc).__name__})")
            return _UNINSPECTED_MASK

    def redact_event(self, event: dict[str, Any], *, default: Callable[[Any], Any] | None = None) -> dict[str, Any]:
        """A redacted copy of a log event: trusted schema fields kept, everything else redacted. Never raises.

        Like :meth:`redact`, the copy holds only JSON-native values (``default`` converts objects
        hipaalog does not know, as the encoder would); no value reaches the output unwalked.

        Most events hold no PHI: when every field name is plain and the gate finds nothing in the
        event's strings taken together (one pass over them joined), the copy is shallow (nested
        containers are shared, never changed). Otherwise the event is walked field by field.
        """
        if self._fast_events:
            parts: list[str] = []
            try:
                if self._collect(event, parts, 0, TRUSTED_FIELDS) and (not parts or self._clean_parts(parts)):
                    return dict(event)
            except Exception:  # noqa: BLE001 - the full walk below decides, and fails closed
                pass
        try:
            walk = _Walk() if default is None else _Walk(default)
            out = self._mapping(event, 0, None, walk, "$" if self._allow_paths else None, TRUSTED_FIELDS)
        except Exception as exc:  # noqa: BLE001 - fail closed: keep only the trusted fields
            _diagnostics.problem("redaction-failed", f"event could not be inspected ({type(exc).__name__}); masked")
            out = {k: v for k, v in event.items() if k in TRUSTED_FIELDS}
            out["message"] = _UNINSPECTED_MASK
            return out
        if not isinstance(out, dict):
            return {k: v for k, v in event.items() if k in TRUSTED_FIELDS} | {"message": _UNINSPECTED_MASK}
        violations = out.get(VIOLATIONS_FIELD)
        if isinstance(violations, list):
            out[VIOLATIONS_FIELD] = [self._violation(v) for v in violations]
        echoes: dict[str, str] = {}
        if learn(event, out, self.keys, echoes):  # a value masked in one field, left in another (._record_repeats)
            for key, value in out.items():
                if key not in TRUSTED_FIELDS:
                    out[key] = echoed(value, echoes)
        return out

    def _clean_parts(self, parts: list[str]) -> bool:
        """Whether no detector finds anything in any of ``parts``; remembers each clean one.

        One gate pass over the strings joined by newlines settles the common case: the gate only
        looks for signs (digits shaped like identifiers, cue words, PHI keys), a sign in one string
        is a sign in the joined text, so a joined text without any proves every string clean. When
        the gate sees something, each string is scanned on its own: a verdict is only ever reached,
        and remembered, for a string by itself, never with its neighbours as context (a neighbour
        saying ``build`` must not make an IP address count as a version, here or in any later record).
        """
        scanner = self._scanner
        try:
            if len(parts) > 1 and not scanner.might_find("\n".join(parts)):
                for part in parts:
                    scanner.remember_clean(part)
                return True
            return not any(scanner.spans(part) for part in parts)  # each remembered as clean when it is
        except DetectorFailed:
            return False

    def _collect(self, value: dict[Any, Any], parts: list[str], depth: int, trusted: frozenset[str]) -> bool:
        """Add the unseen strings of a dict to ``parts``; ``False`` when a key or value needs the full walk.

        The hot path of every record: locals and literal action codes (0 skip, 1 plain, 2 scalars
        only, 3 walk) keep each field to a few lookups.
        """
        actions = self._top_actions if trusted else self._nested_actions
        clean = self._clean
        plain = self._plain_values
        remember = self._scanner.remember_clean
        str_, dict_, list_, float_, bool_, int_ = str, dict, list, float, bool, int
        if len(value) > self.max_items:
            return False  # the full walk leaves out what is past the limit
        if not FIRST_KEYS.isdisjoint(value) and name_pair(value) is not None:
            return False  # {"first": "Jane", "last": "Roe"}: the walk masks the pair
        if self._labelled(value):
            return False  # {"field": "dob", "value": ...}: the label gives its sibling a kind, the walk reads it
        if not NCPDP_KEYS.isdisjoint(value) and claim_fields(value) is not None:
            return False  # {"C2": ..., "CA": "JANE"}: a pharmacy claim's fields, masked by the walk
        for key, item in value.items():
            try:
                action = actions[key]
            except KeyError:
                action = self._key_action(key, trusted)
                if len(actions) < 4096:
                    actions[key] = action
            if action == 0:
                continue
            cls = type(item)
            if cls is str_:
                if action == 3:
                    return False
                if item not in plain and len(item) <= 64 and self._loose_text(item):
                    return False  # a name, or a bare phone number: the walk decides by the key
                if "[" in item and _A_PERSON.search(item) is not None:
                    return False  # a person masked before: the walk masks the full dates beside it
                if item not in clean:
                    if item[:1] in HEX_START and HEX_ID.fullmatch(item):
                        remember(item)  # ids recur (a request's records share one): next time one lookup
                    elif len(item) > 4096:
                        return False
                    else:
                        parts.append(item)
            elif cls is float_ or cls is bool_ or item is None:
                if action == 3:
                    return False
            elif cls is int_:
                if action == 3 or not -(10**12) < item < 10**12 or 2 * 10**9 <= item < 2 * 10**10:
                    return False  # a number of 10 or 11 digits may be a bare phone number: the walk decides
            elif cls is dict_:
                if action != 1 or depth > 8 or not self._collect(item, parts, depth + 1, _NOTHING):
                    return False
                if not _OWNED_QUICK.isdisjoint(item) and self._owner(key):
                    return False  # {"device": {"id": ...}}: the parent gives the child a kind
            elif cls is list_:
                if action != 1 or depth > 8 or not self._collect_list(item, parts, depth + 1):
                    return False
                if item and type(item[0]) is dict and self._owner(key):
                    return False  # {"visits": [{"date": ...}]}
            else:
                return False
        return True

    def _key_action(self, key: Any, trusted: frozenset[str]) -> int:
        """What the quick path does with a field: skip it, check its value, or leave the event to the full walk."""
        if key in trusted:
            return 0  # skip
        info = self._safe_key(key) if type(key) is str and key != "resourceType" else None
        if info is None:
            return 3  # walk: a key that is not text, holds an identifier, or names a FHIR resource
        if key in _PARAMETER_KEYS:
            return 3  # a statement's parameters: typed by the statement beside them, if there is one
        if info.compact in SEARCH_DATE_KEYS:
            return 3  # a search: a name and a date typed together are whom someone looked up
        if info.compact in PERSON_VALUE_KEYS:
            return 3  # {"client": "10/29/2013"}: a person's date or identifier, judged by the walk
        if info.plain:
            return 1  # plain
        if info.kind is not None or info.person is not None:
            return 3
        return 2  # "name", version fields: plain unless the value is a dict or list

    def _labelled(self, value: dict[Any, Any]) -> bool:
        """Whether a sibling names what a value of ``value`` holds: ``{"field": "dob", "value": ...}``,
        ``{"name": "birthdate", "valueDate": ...}``, ``{"columns": ["dob"], "rows": [...]}``."""
        if not LABELLED_VALUE_KEYS.isdisjoint(value) and labelled_kind(value, self.keys) is not None:
            return True
        if not TABLE_COLUMN_KEYS.isdisjoint(value) and column_kinds(value, self.keys) is not None:
            return True
        name = value.get("name") if "name" in value else None
        if type(name) is not str:
            return False
        for key in value:
            if type(key) is str and _is_value_x(key):
                return named_value_kind(name, self.keys) is not None
        return False

    def _collect_list(self, value: list[Any], parts: list[str], depth: int) -> bool:
        """:meth:`_collect` for the items of a list."""
        if len(value) > self.max_items or (1 < len(value) <= _ROW_MAX and _row_like(value)):
            return False  # read as a row by the full walk (its items are context for each other), or cut short
        if value and type(value[0]) is str and hl7_list_kinds(value) is not None:
            return False  # a parsed HL7 segment: its fields are read by position in the full walk
        if len(value) == 2 and type(value[0]) is str and self._pair_kind(value) is not None:
            return False  # ["dob", "03/07/1984"]: a mapping's entry, its name gives the value a kind
        clean = self._clean
        for item in value:
            cls = type(item)
            if cls is str:
                if item not in self._plain_values and len(item) <= 64 and self._loose_text(item):
                    return False
                if item not in clean:
                    if item[:1] in HEX_START and HEX_ID.fullmatch(item):
                        self._scanner.remember_clean(item)
                    elif len(item) > 4096:
                        return False
                    else:
                        parts.append(item)
            elif cls is float or cls is bool or item is None:
                continue
            elif cls is int:
                if not -(10**12) < item < 10**12:
                    return False
            elif cls is dict:
                if depth > 8 or not self._collect(item, parts, depth + 1, _NOTHING):
                    return False
            elif cls is list:
                if depth > 8 or not self._collect_list(item, parts, depth + 1):
                    return False
            else:
                return False
        return True

    def _violation(self, violation: Any) -> Any:
        if isinstance(violation, dict) and isinstance(violation.get("field"), str):
            kind = self.keys.kind(violation["field"])
            if kind is not None and "value" in violation:
                return {**violation, "value": mask_text(kind)}
        return violation

    def _value(self, value: Any, depth: int, person: str | None, active: _Walk, path: str | None) -> Any:
        cls = type(value)
        if cls is str:
            return self.redact_text(value)
        if cls is int:
            return self._number(value)
        if cls is float or cls is bool or value is None:
            return value
        if cls is dict:
            return self._mapping(value, depth, person, active, path, _NOTHING)
        if cls is list or cls is tuple:
            return self._sequence(value, depth, person, active, path)
        try:
            return self._other(value, depth, person, active, path)
        except Exception as exc:  # noqa: BLE001 - fail closed for this value alone
            _diagnostics.problem(
                "redaction-failed", f"a {cls.__qualname__} value could not be inspected ({type(exc).__name__}); masked"
            )
            return _UNINSPECTED_MASK

    def _other(self, value: Any, depth: int, person: str | None, active: _Walk, path: str | None) -> Any:
        """Any value that is not a plain JSON type: converted to what hipaalog writes for it, then walked."""
        if depth >= self.max_depth:
            return _DEEP
        if isinstance(value, enum.Enum):
            return self._value(value.value, depth + 1, person, active, path)
        if isinstance(value, str):
            return self.redact_text(str.__str__(value))
        if isinstance(value, int):  # an int subclass (bool cannot be subclassed: it never gets here)
            return self._number(int.__int__(value))
        if isinstance(value, float):
            return float.__float__(value)
        if isinstance(value, _NATIVE_LEAVES):
            return value
        fields = fields_of(value)
        if fields is None and isinstance(value, Mapping):
            return self._mapping(value, depth, person, active, path, _NOTHING)
        if fields is None and isinstance(value, (list, tuple)):
            return self._sequence(value, depth, person, active, path)
        marker = id(value)
        if marker in active:
            return _CYCLE
        active.add(marker)
        try:
            if fields is not None:
                name = type(value).__name__
                person = person or self.keys.info(name).person  # a Patient class: a person
                fields = self._owned(name, fields)  # a Patient's license, a Device's serial: the class is their parent
                places = self._own_fields(name, fields) if person is None else _NOTHING
                if places:  # a Vendor's city: the firm's own
                    walked = self._mapping(self._places_read(fields, places), depth, None, active, path, places)
                else:
                    walked = self._mapping(fields, depth, person, active, path, _NOTHING)
                if isinstance(value, tuple):  # a named tuple stays an array, its items redacted by their names
                    return [walked.get(name) for name in fields]
                return walked
            if isinstance(value, _SEQUENCES):
                return self._sequence(list(value), depth, person, active, path)
            if isinstance(value, _SETS):
                return self._sequence(to_json_native(value), depth, person, active, path)
            if isinstance(value, BaseException):  # its details (pydantic's loc and input...) decide, not only its text
                message = structured_message(value, self)
                if message is not None:
                    return self.redact_text(f"{type(value).__name__}: {message}")
            rows = _table_rows(value)
            if rows is not None:  # a structured array or data frame: its columns are keys
                return self._value(rows, depth + 1, person, active, path)
            converted = active.convert(value)
            if converted is value or type(converted) is type(value):
                converted = to_json_native(value)
                if converted is value or type(converted) is type(value):
                    return _UNINSPECTED_MASK
            if isinstance(converted, str):
                attributes = attributes_of(value)
                if attributes:
                    converted = self._mask_attributes(converted, attributes, depth, person, active)
            return self._value(converted, depth + 1, person, active, path)
        finally:
            active.discard(marker)

    def _mask_attributes(
        self, text: str, attributes: dict[str, Any], depth: int, person: str | None, active: _Walk
    ) -> str:
        """``text`` (an object's repr) with the shown forms of its PHI attributes masked.

        An object written as its repr (``Patient(name='Jane Roe', ssn=...)``) carries its attributes
        in the text, where field-name rules cannot see them: each attribute is redacted as a field
        of that name, and wherever its value's repr or str appears in the text, it is replaced.
        Only the object's own scalar attributes are looked at (text, numbers, bytes): a repr shows
        those, and the walk never follows an object's references into the rest of the program.
        """
        attributes = {k: v for k, v in attributes.items() if type(v) in _SCALARS}
        if not attributes:
            return text
        redacted = self._mapping(attributes, depth + 1, person, active, None, _NOTHING)
        for name, original in attributes.items():
            clean = redacted.get(name, DROP)
            if clean is original or (type(clean) is type(original) and clean == original):
                continue
            if not isinstance(clean, str):
                clean = mask_text(self.keys.kind(name) or "ID")
            for form in {_safe_form(repr, original), _safe_form(str, original)}:
                if len(form) >= _MIN_ATTRIBUTE_FORM:
                    text = text.replace(form, repr(clean) if form[:1] in "'\"" else clean)
        return text

    def _number(self, value: int) -> Any:
        if value >= 10**12 and value < 10**19:
            digits = str(value)
            if digits[0] in "23456" and luhn_ok(digits):
                return self.strategy_for("CARD").value("CARD", value)
        return value

    def _sequence(  # noqa: PLR0917 - recursive helper, positional like _mapping
        self, value: Any, depth: int, person: str | None, active: _Walk, path: str | None, things: bool = False
    ) -> Any:
        """A list or tuple, walked item by item; ``things``: its key says the items are things (``services``)."""
        if depth >= self.max_depth:
            return _DEEP
        marker = id(value)
        if marker in active:
            return _CYCLE
        active.add(marker)
        try:
            given = list(value)
            if len(given) > self.max_items:
                left_out = len(given) - self.max_items
                given = [*given[: self.max_items], _truncated("items", left_out)]
            items = given
            if len(items) > 1 and type(items[0]) in _SPELLING:  # [115, 115, 110, ...], ['536', '22', '8174']
                spelled = spelled_by(items)
                if spelled is not None:
                    redacted = self.redact_text(spelled)
                    if redacted != spelled:
                        return redacted
            if items and type(items[0]) is str and is_segment_list(items):
                fields = hl7_list_kinds(items)  # ["PID", "1", "", "00482913^^^HOSP^MR", ...]: by position
                if fields is not None:
                    items = self._segment(items, fields)
            elif len(items) > 1 and any(type(item) is list and hl7_list_kinds(item) is not None for item in items):
                items = [  # a parsed message: its care segments' dates are the patient's
                    self._segment(item, care) if (care := hl7_care_kinds(item)) is not None else item for item in items
                ]
            elif items and isinstance(items[0], (tuple, list)) and _pairs(items):
                items = [self._pair(item) for item in items]  # [("mrn", "5529301"), ("page", "2")]: dict items
            elif len(items) == 2 and type(items[0]) is str and _datum(items[1]) and self._pair_kind(items) is not None:
                items = list(self._pair(items))  # ("dob", "1950-02-03") alone: one mapping entry
            elif 1 < len(items) <= _ROW_MAX and _row_like(items):
                items = self._row(items)
            elif len(items) > 1 and type(items[-1]) is dict and self.names_values and (names := column_names(items)):
                items = self._name_cells(items, names)  # [{"name": "Jane Roe"}, {"name": "Ann Lee"}]
            out = [
                self._value(item, depth + 1, person, active, None if path is None else f"{path}[{index}]")
                for index, item in enumerate(items)
            ]
            if not things and len(out) <= _ROW_MAX:
                if self.names_values:
                    self._person_row(given, out)
                if len(out) > 1:
                    self._row_ids(given, out)
            return out
        finally:
            active.discard(marker)

    def _name_cells(self, items: list[Any], names: list[tuple[int, Any]]) -> list[Any]:
        """``items`` with the generic names :func:`column_names` found replaced as people's names."""
        items = list(items)
        for index, key in names:
            replaced = self._as_kind("NAME", items[index][key])
            item = dict(items[index])
            if replaced is DROP:
                del item[key]
            else:
                item[key] = replaced
            items[index] = item
        return items

    def _pair(self, pair: Any) -> Any:
        """A ``(name, value)`` pair with the value replaced when the name is a PHI field's (a named tuple of a
        name and a value, ``MultiDict`` items, ``zip`` results: each a mapping's entry)."""
        kind = self._pair_kind(pair)
        if kind is None:
            return pair
        replaced = self._as_kind(kind, pair[1])
        return (tuple if isinstance(pair, tuple) else list)((pair[0], "[REDACTED]" if replaced is DROP else replaced))

    def _pair_kind(self, pair: Any) -> str | None:
        """The kind a pair's name gives its value: a PHI field's kind, a date or an identifier under a person's
        key (``("who", "19540707")``), a person's name under a generic name key (``("name", "Ann Lee")``)."""
        name, value = pair[0], pair[1]
        kind = _settled(self.keys.kind(name), value)
        if kind is not None or not (type(value) is str or type(value) is int):
            return kind
        info = self.keys.info(name)
        kind = person_key_value(info, value)
        if kind is None and type(value) is str and (info.kind_in_person == "NAME" or info.holds_name):
            kind = "NAME" if self.names_values and " " in value and person_value(value) else None
        return kind

    def _segment(self, items: list[Any], fields: Mapping[int, str]) -> list[Any]:
        """A parsed HL7 segment (its id, then its fields by position) with its person fields replaced."""
        out = list(items)
        for index, kind in fields.items():
            if index < len(out):
                item = out[index]
                if item is not None and item != "" and not (type(item) is list and not item):
                    out[index] = self.strategy_for(kind).value(kind, item)
        return out

    def _person_row(self, given: list[Any], out: list[Any]) -> None:
        """``out`` (the walked ``given``) with each item that is a person's name replaced, and then, the
        row being about that person, its full dates, bare phone numbers and numeric ids too
        (``["Toluwanimi Oluwagbemi", "4046666334", "billing dispute"]``)."""
        beside: list[tuple[int, str]] = []
        foreign: list[int] = []
        named = False
        for index, item in enumerate(given):
            current = out[index]
            unchanged = current is item
            if type(current) is str and "NAME" in current[:16] and is_redacted(current):
                named = True  # masked already under its key ("caller": ["Ifeoma Adeyemi", ...]) or by the walk
                continue
            loose = self._loose(_NEUTRAL_KEY, item)
            if loose is not None and loose[0] == "DATE" and not full_date(item):
                loose = None  # digits that are no date: a record number, maybe
            if loose is not None:
                if not loose[1]:
                    named = named or loose[0] == "NAME"  # masked already, or now
                    if unchanged:
                        out[index] = self._key_value(loose[0], item)
                elif unchanged:
                    beside.append((index, loose[0]))
            elif unchanged and type(item) is str and 5 <= len(item) <= 12 and item.isdigit():
                beside.append((index, "ID"))  # a record number beside a name
            elif unchanged and type(item) is str and _ZIP_PLUS_FOUR.fullmatch(item) is not None:
                beside.append((index, "ZIP"))  # a ZIP+4 code beside a name
            elif unchanged and type(item) is str and _GROUPED_PHONE.fullmatch(item):
                beside.append((index, "PHONE"))  # a national form in groups ("05 90 18 58 84") beside a name
            elif unchanged and type(item) is str and foreign_name(item):
                foreign.append(index)
        if not named and foreign and any(kind != "ID" or len(out[index]) >= 7 for index, kind in beside):
            named = True  # ["नंद तिवारी", "19910726", "14019-0584"]: a name in another script, with what is theirs
            for index in foreign:
                out[index] = self._key_value("NAME", given[index])
        if not named:
            return
        for index, kind in beside:
            item = out[index]
            out[index] = self._key_value(kind, item.isoformat() if isinstance(item, _dt.date) else item)
        if DROP in out:
            out[:] = [item for item in out if item is not DROP]

    def _row_ids(self, given: list[Any], out: list[Any]) -> None:
        """``out`` (the walked ``given``) with each identifier-shaped item masked when another item is a person's
        e-mail, phone, name or birth date, masked by the walk (``[b"H639278545", ("ann@mail.example",)]``): the
        row is that person's and the identifier theirs. Machine rows (a host, a port, a uuid) hold no such item."""
        for current in out:
            if type(current) is list and len(current) == 1:
                current = current[0]  # the e-mail in a one-item tuple of its own
            if type(current) is str and _masked_kind(current) in _ROW_PERSON_KINDS:
                break
        else:
            return
        for index, item in enumerate(given):
            cls = type(item)
            if cls is str:
                text = item
            elif cls is bytes or cls is bytearray:
                text = bytes(item).decode("utf-8", "replace")
            elif cls is int:
                text = str(item)
            else:
                continue
            current = out[index]
            if (current is not item and current != text) or text[:1] == "[":
                continue  # masked already, or changed by the walk
            if id_shape(text, CELL_MIN_DIGITS) == "ID" and not full_date(text):
                replaced = self._key_value("ID", text if cls is not int else item)
                if replaced is not _KEEP:
                    out[index] = replaced

    def _row(self, items: list[Any]) -> list[Any]:
        """``items`` (scalars, two of them capitalised text) read together as a row, as their repr reads
        (``["Quintero", "Marisol", "1961-03-04"]``: a surname beside a given name, so a date beside them
        is about a person); an item a span reaches is replaced by its kind's strategy."""
        try:
            row = repr(tuple(items))
            spans = self._scanner.spans(row)
            if not spans:
                return items
            out = list(items)
            position = 1
            for index, item in enumerate(items):
                shown = repr(item)
                start = row.index(shown, position)
                end = position = start + len(shown)
                kinds = [kind for s, e, kind in spans if s < end and e > start]
                if kinds and item is not None and type(item) is not bool:
                    out[index] = self.strategy_for(kinds[0]).value(kinds[0], item)
        except Exception:  # noqa: BLE001 - the items are still read one by one
            return items
        return out

    def _safe_key(self, key: str) -> KeyInfo | None:
        """The catalogue's verdict on a string key whose text holds nothing to redact, else ``None``."""
        info = self._safe_keys.get(key)
        if info is not None:
            return info
        try:
            if self._scanner.spans(key):
                return None
        except DetectorFailed:
            return None
        redacted_key = key[:1] == "[" and is_redacted(_UNIQUE_SUFFIX.sub("", key))
        info = _NEUTRAL_KEY if redacted_key else self.keys.info(key)
        if len(self._safe_keys) >= _SAFE_KEYS_LIMIT:
            self._safe_keys.clear()
        self._safe_keys[key] = info
        return info

    def _key(self, key: Any) -> tuple[str, str, KeyInfo]:
        """A mapping key as written: ``(text as written, redacted text, catalogue verdict on the text)``."""
        name = key_text(key)
        info = self._safe_keys.get(name)
        if info is not None:
            return name, name, info
        written = self.redact_text(name)
        if written != name:
            return name, written, _NEUTRAL_KEY
        info = self._safe_key(name)  # clean: scanned once more only when the cache could not keep it
        return name, name, _NEUTRAL_KEY if info is None else info

    def _mapping(  # noqa: PLR0917 - the hot path: positional arguments are the cheapest to pass
        self,
        value: Any,
        depth: int,
        person: str | None,
        active: _Walk,
        path: str | None,
        trusted: frozenset[str],
    ) -> Any:
        if depth >= self.max_depth:
            return _DEEP
        marker = id(value)
        if marker in active:
            return _CYCLE
        try:
            items = list(value.items())
        except Exception:  # noqa: BLE001 - a mapping that cannot be read is not emitted
            _diagnostics.problem("redaction-failed", f"a {type(value).__name__} could not be read; masked")
            return _UNINSPECTED_MASK
        if len(items) > self.max_items:
            left_out = len(items) - self.max_items
            items = [*items[: self.max_items], (_truncated("entries", left_out), None)]
        if not FIRST_KEYS.isdisjoint(value) and (pair := name_pair(value)) is not None:
            masker = self.strategy_for("NAME")  # {"first": "Jane", "last": "Roe"}: one name over two fields
            items = [(k, masker.text("NAME", v) if k in pair and type(v) is str else v) for k, v in items]
        if not NCPDP_KEYS.isdisjoint(value) and (claim := claim_fields(value)) is not None:
            items = [(k, self._key_value(claim[k], v) if k in claim else v) for k, v in items]  # an NCPDP claim
            trusted = trusted | CLAIM_KEPT  # its prescription number, NDC and prescriber's id stay as they are
        if not POSTAL_KEYS.isdisjoint(value) and (postal := postal_key(value, self.keys, trusted)) is not None:
            items = self._postal_read(items, postal)  # {"line1": ..., "code": "94107"}: the address's postal code
        active.add(marker)
        try:
            resource = value.get("resourceType") if "resourceType" in value else None
            if person is None and isinstance(resource, str):
                person = PERSON_RESOURCES.get(resource)
            if person is None and resource is None and ("given" in value or "family" in value):
                person = person_by_siblings(value, self.keys)  # {"given": ..., "dob": ...}: a person's
            out: dict[str, Any] = {}
            allow_names = self._allow_names
            safe_keys = self._safe_keys
            clean = self._scanner.clean
            with_patient: bool | None = None  # whether a key names an HL7 patient field; found when needed
            with_person: bool | None = None  # whether a key names a person's identifier; found when needed
            extension: KeyInfo | None = None  # a FHIR extension's url, as the field name of its value[x]
            named_kind: str | None = None  # a Parameters' {"name": "birthdate", "valueDate": ...}: the name's kind
            if "url" in value and (named := extension_name(value.get("url"))) is not None:
                extension = self.keys.info(named)
            elif (
                "name" in value
                and type(value.get("name")) is str
                and any(type(k) is str and _is_value_x(k) for k in value)
            ):
                named_kind = named_value_kind(value["name"], self.keys)
            else:
                named_kind = labelled_kind(value, self.keys)  # {"field": "zip", "value": ...}
            columns = None if TABLE_COLUMN_KEYS.isdisjoint(value) else column_kinds(value, self.keys)
            question = item_kind(value, self.keys) if "linkId" in value and "answer" in value else None
            bound = None if _PARAMETER_KEYS.isdisjoint(value) else self._statement_of(value)
            fast = (
                person is None
                and resource is None
                and not allow_names
                and path is None
                and extension is None
                and named_kind is None
                and question is None
                and bound is None
                and columns is None
            )
            about_person = person is not None and resource is None  # the mapping names a person: its dates are theirs
            contact = False  # a person's phone number or e-mail address: a loose name beside it is theirs
            beside: list[tuple[Any, str]] = []  # full dates and bare phone numbers: the person's, if there is one
            vehicle = "vin" in value or "VIN" in value  # {"vin": ..., "tag": "3ABC123"}: the tag is its plate
            thing = "display" in value and "reference" in value and thing_reference(value["reference"])
            typed = None if resource is not None or ENTITY_KEYS.isdisjoint(value) else entity_kind(value)
            for key, item in items:
                if vehicle and type(key) is str and key.lower() in _PLATE_KEYS and type(item) is str and item:
                    out[key] = self._key_value("VEHICLE", item)
                    continue
                if key in trusted or (resource is not None and person is None and directory_field(resource, key)):
                    out[key] = item  # an organisation's name, NPI and address are no one's PHI
                    continue
                if key == "id" and resource in _CLINICIAN_RESOURCES and type(item) is str:
                    out[key] = item  # a clinician's record on the server: no patient's identifier
                    continue
                if key == "display" and thing and type(item) is str:
                    out[key] = item  # {"reference": "Organization/7", "display": "Acme Pharma"}: a thing's name
                    continue
                if typed is not None and typed_id(typed, key, item):
                    out[key] = self._key_value(typed, item)  # {"ref": "KH526056", "type": "patient"}
                    continue
                info = safe_keys.get(key) if type(key) is str else None
                if info is not None and fast and info.plain and info.compact not in _QUICK_EXCEPT:
                    cls = type(item)
                    if cls is str:
                        clean_item = item if item in clean else self.redact_text(item)
                        if clean_item is not item and _line_of_desk(key, "PHONE", item):
                            clean_item = item  # "toll_free": "1-800-555-0142": a desk's line, read as text
                        if not about_person and "[" in clean_item and _A_PERSON.search(clean_item):
                            about_person = True  # a person masked before (an extra field, the message's argument)
                        if (loose := self._loose(info, item)) is not None:
                            if loose[1]:
                                if clean_item is item:
                                    beside.append((key, loose[0]))
                            elif loose[0] != "PHONE" or not _line_of_desk(key, "PHONE", item):
                                about_person = about_person or loose[0] == "NAME"  # masked already, or now
                                if clean_item is item:
                                    clean_item = self._key_value(loose[0], item)
                                    if clean_item is DROP:
                                        continue
                        out[key] = clean_item
                    elif cls is int:
                        out[key] = item if -(10**12) < item < 10**12 else self._number(item)
                        if 10**9 <= item < 10**11 and (loose := self._loose(info, item)) is not None:
                            beside.append((key, loose[0]))
                    elif cls is float or cls is bool or item is None:
                        out[key] = item
                    else:
                        if cls is dict or cls is list:
                            item = self._owned(key, item)  # {"device": {"id": ...}}: a device id
                        if cls is dict and (places := self._own_fields(key, item, value)):
                            out[key] = self._mapping(
                                self._places_read(item, places), depth + 1, None, active, None, places
                            )
                        else:
                            out[key] = self._value(item, depth + 1, None, active, None)
                        if not about_person and out[key] is not item and _holds_person(out[key]):
                            about_person = True  # "args": ["Jane Roe", ...]: a task's arguments masked by value
                        if out[key] is item and issubclass(cls, _dt.date) and not info.record_time:
                            beside.append((key, "DATE"))
                    continue
                name, written, info = self._key(key)
                if person is not None and written == name and _id_key(name):
                    written = self._person_key(person, key)  # {"patients": {414493279: "ok"}}: the key is the id
                    if written is DROP:
                        continue
                    info = _NEUTRAL_KEY
                if written in out:  # two keys that read the same once redacted: keep both values
                    written = _unique(written, out)
                child_path = None if path is None else _path_of(path, written)
                allowed_path = child_path is not None and child_path[2:] in self._allow_paths
                if (allow_names and info.compact in allow_names) or allowed_path:
                    out[written] = item
                    continue
                if bound is not None and key in _PARAMETER_KEYS:
                    item = self._parameters(item, *bound)  # {"sql": "... WHERE id=%s", "params": [2196730]}
                if question is not None and key == "answer" and type(item) is list:
                    item = self._answers(question, item)  # {"linkId": "dob", "answer": [{"valueDate": ...}]}
                kind = self._key_kind(info, person, item)
                if (
                    kind == "AGE"
                    and person is None
                    and info.compact == "age"
                    and _machine_age(value)
                    and not (self._holds_person_field(value) or self._named_as_person(value))
                ):
                    kind = None  # {"pid": 4120, "age": 120, "rss_mb": 694}: a process's age, in its own unit
                if kind is None and extension is not None and type(key) is str and _is_value_x(key):
                    kind = self._key_kind(extension, person, item)  # {"url": ".../mothers-maiden-name", "valueString"}
                if (
                    kind is None
                    and named_kind is not None
                    and type(key) is str
                    and (_is_value_x(key) or key in LABELLED_VALUE_KEYS)
                ):
                    kind = named_kind
                if columns is not None and key in TABLE_ROW_KEYS and (type(item) is list or type(item) is tuple):
                    item = [self._parameters(row, columns, {}) for row in item]  # {"columns": [...], "data": [[...]]}
                if kind is None and (info.beside_patient or info.observation_segment) is not None:
                    if with_patient is None:
                        with_patient = any(type(k) is str and self.keys.info(k).patient_field for k, _ in items)
                    if with_patient and info.beside_patient is not None:
                        kind = info.beside_patient  # "obr_7" beside "pid_5": the observation is the patient's
                    elif with_patient and info.observation_segment is not None and isinstance(item, Mapping):
                        item = self._observation(info.observation_segment, item)  # {"obr": {"7": ...}, "pid": ...}
                if kind is None and info.compact in _SEARCH_KEYS and type(item) is str and _NAME_LIKE.fullmatch(item):
                    if with_person is None:
                        with_person = any(type(k) is str and self.keys.kind(k) in _PERSON_FIELD_KINDS for k, _ in items)
                    kind = "NAME" if with_person else None  # {"q": "kayla reyes", "dob": ...}: whom was looked up
                if kind is None and info.names_person:
                    if type(item) is list or type(item) is tuple:
                        item = self._bare_numbers(item)  # "emergency_contacts": ["4155550199", ...]
                    else:
                        kind = _bare_kind(item)  # "contact": "8752617223", "guardian": 219099999.0
                        if kind is None:
                            kind = person_key_id(info.person, info.compact, item)  # "patient": "E3092577"
                        if kind is None and spelled_phone(item):
                            kind = "PHONE"  # "contact": "+44 20 7946 0958": a number in any country's shape
                if kind is None and resource is not None and _is_period(info.compact, item):
                    kind = "DATE"  # an encounter's admission and discharge, a coverage's dates
                if kind is None and resource is not None:
                    kind, item = self._fhir_field(info.compact, item)
                if (
                    kind in _FIRM_KINDS
                    and person is None
                    and info.person is None
                    and (_line_of_desk(key, kind, item) or (type(key) is str and firm_contact(key, kind, item)))
                ):
                    out[written] = item  # "support_phone": "800-555-0199", "email": "noreply@org.example"
                    continue
                if kind is not None:
                    replaced = self._key_value(kind, item)
                    if replaced is DROP:
                        continue
                    if replaced is not _KEEP:
                        out[written] = replaced
                        contact = contact or (kind in _CONTACT_KINDS and _DESK_WORDS.isdisjoint(tokens(key)))
                        about_person = about_person or (
                            kind in _PERSON_FIELD_KINDS
                            and (replaced != item or (type(item) is str and is_redacted(item)))  # masked before
                        )
                        continue
                elif type(item) is str and _is_version(info.compact, item):
                    out[written] = item
                    continue
                if type(item) is dict or type(item) is list:
                    item = self._owned(key, item)  # {"visit": {"date": ...}}: a visit date
                if type(item) is list or type(item) is tuple:
                    walked = self._sequence(item, depth + 1, info.person or person, active, child_path, info.thing)
                elif (
                    type(item) is dict
                    and person is None
                    and info.person is None
                    and (places := self._own_fields(key, item, value))
                ):
                    walked = self._mapping(self._places_read(item, places), depth + 1, None, active, child_path, places)
                else:
                    walked = self._value(item, depth + 1, info.person or person, active, child_path)
                    if walked is not item and person is None and _line_of_desk(key, "PHONE", item):
                        walked = item  # "toll_free_number": "1-800-555-0142": a desk's line, read as text
                if type(walked) is str and info.compact in SEARCH_DATE_KEYS and (found := searched_dates(walked)):
                    walked = self._masked_spans(walked, found, "DATE")  # {"q": "Myrcha 02/20/1954"}
                out[written] = walked
                if not about_person and type(item) is str and "[" in walked and _A_PERSON.search(walked):
                    about_person = True  # a person masked before (an extra field, the message's argument)
                elif not about_person and walked is not item and _holds_person(walked):
                    about_person = True  # {"patient": {"first_name": ...}}, "args": ["Jane Roe", ...]
                if (loose := self._loose(info, item)) is not None:
                    if loose[1]:
                        if walked is item:
                            beside.append((written, loose[0]))
                    elif loose[0] != "PHONE" or not _line_of_desk(key, "PHONE", item):
                        about_person = about_person or loose[0] == "NAME"  # masked already, or now
                        replaced = self._key_value(loose[0], item) if walked is item else walked
                        if replaced is DROP:
                            del out[written]
                        else:
                            out[written] = replaced
            if beside and about_person:
                self._beside_person(out, beside)
            elif beside and contact:
                self._beside_person(out, [entry for entry in beside if entry[1] == "NAME"])  # {"name", "phone"}
            if about_person and not (ENTRY_ID_KEYS.isdisjoint(out) and ENTRY_ACCOUNT_KEYS.isdisjoint(out)):
                for key, kind in entry_id_keys(out, _A_NAME):  # {"key": "E88806194", "value": "Maria Lopez"}
                    out[key] = self._key_value(kind, out[key])
            if (about_person or contact) and len(out) > 1:  # a person's phone or e-mail names them too
                self._ids_beside_person(out, trusted, depth)  # after the fields whose key gives the kind (an MRN)
                self._care_beside_person(out, trusted, depth)  # "next 4/24", "pickup in Gadstrup", {"where": ...}
            return out
        finally:
            active.discard(marker)

    def _places_read(self, item: dict[Any, Any], places: frozenset[str]) -> dict[Any, Any]:
        """An organisation's mapping with its town fields read as text only (an id or a name in them still masked);
        its phone lines stay as they are."""
        return {k: self.redact_text(v) if k in places and compact(k) in PLACE_TERMS else v for k, v in item.items()}

    def _own_fields(self, key: Any, item: Mapping[Any, Any], parent: Mapping[Any, Any] | None = None) -> frozenset[str]:
        """The keys of an organisation's mapping that name its town, its phone lines, its mailboxes and its street
        address, or of a machine's that name its network addresses (``key`` names which): not masked by name. A
        machine beside a person's field (``{"host": {"ip": ...}, "patient": ...}``) may be theirs: it keeps none."""
        if type(key) is not str:
            return _NOTHING
        words = tokens(key)
        if machine_words(words):
            return _NOTHING if parent is not None and self._holds_person_field(parent) else machine_fields(item)
        if not organisation_words(words):
            return _NOTHING
        places = _own_places(item)
        if self._named_as_person(item):
            return places  # {"vendor": {"name": "Jane Roe", "address": ...}}: a person's own lines
        lines = [k for k, v in item.items() if type(k) is str and self._firm_field(k, v)]
        return places.union(lines) if lines else places

    def _holds_person_field(self, parent: Mapping[Any, Any]) -> bool:
        """Whether a mapping holds a field that names a person or what only a person has (``patient``, ``mrn``)."""
        for k in parent:
            if type(k) is str:
                info = self.keys.info(k)
                if info.kind in _PERSON_FIELD_KINDS or (info.person is not None and info.person != "ID"):
                    return True  # "patient", "mrn", "member"; not "caller" nor "requester" (a service's, often)
        return False

    def _named_as_person(self, item: Mapping[Any, Any]) -> bool:
        """Whether an organisation's mapping names it as a person would be (``"name": "Jane Roe"``)."""
        for k, v in item.items():
            if type(k) is str and type(v) is str and _naming(self.keys.info(k)) and name_shaped(v):
                return True
        return False

    def _firm_field(self, key: str, value: Any) -> bool:
        """Whether an organisation's field holds its own phone line, mailbox, street address or contact card."""
        if type(value) is dict:
            return compact(key) in _CARD_KEYS and self._desk_card(value)
        info = self.keys.info(key)
        if info.person is not None:
            return False
        if phone_line(value) and (info.kind in _LINE_KINDS or desk_line(tokens(key))):
            return True
        if info.kind == "EMAIL":
            return _one_mailbox(value)
        if info.kind == "ZIP":
            return type(value) is str or type(value) is int  # the firm's own postcode, beside its street
        return info.kind == "ADDRESS" and street_line(value) and compact(key) not in PLACE_TERMS

    def _desk_card(self, card: dict[Any, Any]) -> bool:
        """Whether an organisation's ``contact`` mapping holds only its own lines, mailboxes and street address
        (``{"email": "billing@acme.example", "phone": ...}``); a contact person's name in it keeps it walked."""
        if not card or len(card) > _MOST_CARD_FIELDS:
            return False
        for k, v in card.items():
            info = self.keys.info(k) if type(k) is str else None
            if info is None or info.person is not None or info.kind not in _FIRM_KINDS:
                return False
            if not (firm_contact(f"office_{k}", info.kind, v) or _line_of_desk(k, info.kind, v)):
                return False
        return True

    def _organisation(self, key: Any) -> bool:
        """Whether a field name names an organisation or one of its sites (``vendor``, ``branch_office``)."""
        return type(key) is str and organisation_words(tokens(key))

    def _owner(self, key: Any) -> bool:
        """Whether a field name gives generic children a kind (remembered per name)."""
        owners = self._owners
        found = owners.get(key)
        if found is None:
            found = type(key) is str and gives_kinds(key, self.keys)
            if len(owners) < 4096:
                owners[key] = found
        return found

    def _owned(self, key: Any, item: Any) -> Any:
        """``item`` (a dict or a list of dicts under ``key``) with its generic children judged by ``key``."""
        if type(key) is not str:
            return item
        if type(item) is dict:
            return item if _OWNED_QUICK.isdisjoint(item) else owned_fields(key, item, self.keys, self._key_value)
        if type(item) is list and item and type(item[0]) is dict:
            return [
                owned_fields(key, x, self.keys, self._key_value)
                if type(x) is dict and not _OWNED_QUICK.isdisjoint(x)
                else x
                for x in item
            ]
        return item

    def _answers(self, question: str, answers: list[Any]) -> list[Any]:
        """A ``QuestionnaireResponse`` item's answers with their ``value[x]`` masked as its question says."""
        out: list[Any] = []
        for answer in answers:
            if isinstance(answer, Mapping):
                masked = dict(answer)
                for key, item in answer.items():
                    if type(key) is str and _is_value_x(key) and not isinstance(item, (Mapping, list)):
                        kind = answer_kind(question, item)
                        if kind is not None and (replaced := self._key_value(kind, item)) is not _KEEP:
                            if replaced is DROP:
                                del masked[key]
                            else:
                                masked[key] = replaced
                answer = masked
            out.append(answer)
        return out

    def _statement_of(self, value: Any) -> tuple[list[str | None], dict[str, str | None]] | None:
        """The kinds of a SQL statement's parameters when a mapping holds both (``{"sql": ..., "params": ...}``)."""
        if self._tabular is None:
            return None
        for key in _STATEMENT_KEYS:
            statement = value.get(key) if key in value else None
            if type(statement) is str and len(statement) <= 4096:
                kinds, named = self._tabular.parameter_kinds(statement)
                return (kinds, named) if any(kinds) else None
        return None

    def _parameters(self, item: Any, kinds: list[str | None], named: dict[str, str | None]) -> Any:
        """``item``, a statement's parameters (a list by position, a dict by placeholder name), with the
        values of PHI columns replaced."""
        if type(item) is list or type(item) is tuple:
            pairs = [(kinds[index] if index < len(kinds) else None, value) for index, value in enumerate(item)]
            replaced = [self._as_kind(_settled(kind, value), value) for kind, value in pairs]
            return [value for value in replaced if value is not DROP]
        if type(item) is dict:
            out = {}
            for key, value in item.items():
                replaced = self._as_kind(_settled(named.get(str(key)), value), value)
                if replaced is not DROP:
                    out[key] = replaced
            return out
        return item

    def _loose(self, info: KeyInfo, item: Any) -> tuple[str, bool] | None:
        """What an unchanged scalar under a key without a rule is, by its value: ``("NAME", False)`` for a
        person's name (under any key but a thing's), ``("PHONE", False)`` for a bare phone number under a
        phone word (``reach``, ``cb``); ``(kind, True)`` for a full date or a bare phone number, which are a
        person's only beside one; ``None`` for anything else."""
        cls = type(item)
        if cls is str:
            size = len(item)
            if info.names_person and self.names_values and size <= 40 and " " not in item and lone_person_word(item):
                return "NAME", False  # one name word under a key that names a person ({"who": "Miki"})
            if size > 64 or size < 5:
                return None
            if info.phone_word > 0 and spelled_phone(item):
                return "PHONE", False  # "cb_number": "+33 6 12 34 56 78": a line's number in any country's shape
            if (
                (" " in item or "," in item)
                and not info.thing
                and self.names_values
                and (person_value(item) if info.holds_name else name_shaped(item))  # both remember their verdicts
            ):
                return "NAME", False
            generic = info.compact in _GENERIC_NAMES and (" " in item or "," in item) and self.names_values
            if generic and loosely_named(item):
                return "NAME", True  # {"name": "Ann Lee", "dob": ...}: a person's name beside a sign of them
            if info.phone_word >= 0 and size in {10, 11} and item.isdigit():
                return None if bare_number_kind(item) != "PHONE" else ("PHONE", info.phone_word == 0)
            if info.phone_word == 1 and written_phone(item):
                return "PHONE", False  # {"to": "06 38 52 75 36"}: a number in a phone's groups under a phone word
            if info.compact in _RECORD_NUMBER_KEYS and _RECORD_NUMBER.fullmatch(item):
                return _RECORD_NUMBER_KEYS[info.compact], True  # {"patient_name": ..., "record_no": "55237587"}
            if not info.record_time and maybe_date(item) and not software_date_key(info.compact):
                return "DATE", True  # confirmed (full_date) only beside a person
            return None
        if cls is int:
            if 2 * 10**9 <= item < 2 * 10**10 and info.phone_word >= 0 and bare_number_kind(item) == "PHONE":
                return "PHONE", info.phone_word == 0
            return None
        if cls is dict or cls is list or cls is float or cls is bool or item is None:
            return None
        if issubclass(cls, _dt.date) and not info.record_time and not software_date_key(info.compact):  # type()
            return "DATE", True
        return None

    def _loose_text(self, text: str) -> bool:
        """Whether a short string of a plain field may be a name or a bare phone number (the quick path's check);
        a string that is neither is remembered."""
        if " " in text or "," in text:
            loose = (self.names_values and person_value(text)) or spelled_phone(text)  # the key decides later
        else:
            loose = (
                (len(text) in {10, 11} and text[0] in "123456789" and text.isdigit())
                or (self.names_values and lone_person_word(text))  # {"who": "Miki"}: a name if the key names a person
                or spelled_phone(text)  # "cb": "+33612345678": a phone if the key names a line
            )
        if not loose and text[:1] in _PHONE_STARTS and written_phone(text):
            loose = True  # a phone number in groups: the key decides (``to``, ``reach``)
        if not loose:
            if len(self._plain_values) >= _SAFE_KEYS_LIMIT:
                self._plain_values.clear()
            self._plain_values[text] = None
        return loose

    def _beside_person(self, out: dict[Any, Any], beside: list[tuple[Any, str]]) -> None:
        """Replace, in a mapping that names a person, the full dates and bare phone numbers found in it."""
        for key, kind in beside:
            item = out.get(key)
            if item is None or (kind == "DATE" and not full_date(item)):
                continue
            replaced = self._key_value(kind, item.isoformat() if isinstance(item, _dt.date) else item)
            if replaced is DROP:
                del out[key]
            else:
                out[key] = replaced

    def _ids_beside_person(
        self, out: dict[Any, Any], trusted: frozenset[str], depth: int = 0, named: frozenset[str] | None = None
    ) -> None:
        """Mask, in a mapping that names a person, the id-shaped tokens of its other texts (:mod:`._shaped_ids`),
        and of the texts in the mappings, lists and tuples below it (``"notes": ["card D1234567"]``,
        ``{"payload": {"items": [{"value": ...}]}}``): the message says whom, an extra field holds their number, or
        the other way round. Only texts holding such a token are rewritten; a field whose name is the software's
        (``request_id``, ``build``) stays, and so does all below it, and so does a token the mapping itself holds
        under a field that says which id it is (``"claim CLM-20931 accepted"`` beside ``"claim_id": "CLM-20931"``:
        the key catalogue judged it, and the message keeps what the field keeps)."""
        if named is None:
            named = frozenset(
                item
                for key, item in out.items()
                if type(key) is str and type(item) is str and key.lower().endswith(_NAMED_ID)
            )
        for key, item in out.items():
            if key in trusted:
                continue
            cls = type(item)
            if cls is not str and ((cls is not dict and cls is not list and cls is not tuple) or depth >= _DATES_DEPTH):
                continue
            if type(key) is str and (
                software_word(key) or key.lower().endswith(_NAMED_ID) or _SEGMENT_FIELD.match(key) is not None
            ):
                continue  # "build"; "order_id": an id the key catalogue judged; "OBR.3": its segment reader's
            if cls is dict:
                copied = dict(item)
                kept = CLAIM_KEPT if len(NCPDP_KEYS.intersection(copied)) > 1 else frozenset()  # a claim's NDC
                self._ids_beside_person(copied, kept, depth + 1, named)
                out[key] = copied
                continue
            if cls is not str:
                holder = dict(enumerate(item))
                self._ids_beside_person(holder, frozenset(), depth + 1, named)
                out[key] = cls(holder.values())
                continue
            if not _ID_HINT.search(item):
                continue
            if (whole := bare_number_kind(item)) is not None:
                out[key] = self._key_value(whole, item)  # {"who": "Jane Roe", "alt": "2125550199"}: their phone
                continue
            spans = [
                span
                for span in shaped_ids(item)
                if not _in_marker(item, span[0], span[1]) and item[span[0] : span[1]] not in named
            ]
            if spans:
                out[key] = self._masked_kinds(item, spans)

    def _care_beside_person(
        self, out: dict[Any, Any], trusted: frozenset[str], depth: int, with_dates: bool = True
    ) -> None:
        """Mask, in a mapping that names a person, the dates with a day (dates and date-times too) and then the towns,
        ZIP codes and ages over 89 (:mod:`._record_places`) of its other texts and of the mappings and lists below
        it: the message says whom, a field says when or where, or the other way round. A field named for the
        record's own time or the software's (``timestamp``, ``host``, ``build``) stays, and one named for a
        software's date (``build_date``, ``version``) keeps its dates."""
        for key, item in out.items():
            if key in trusted:
                continue
            dates, place_key = with_dates, False
            if type(key) is str:
                info = self.keys.info(key)
                if info.record_time or software_word(key):
                    continue
                dates = with_dates and not software_date_key(info.compact)
                place_key = info.compact in PLACE_KEYS
            if type(item) is str:
                text = item
                if dates and _DATE_HINT.search(text) is not None:
                    spans = [span for span in _apart(dates_in(text)) if not _in_marker(text, span[0], span[1])]
                    if spans:
                        text = self._masked_kinds(text, spans)
                if _PLACE_HINT.search(text) is not None:
                    spans = [span for span in record_places(text, place_key) if not _in_marker(text, span[0], span[1])]
                    if spans:
                        text = self._masked_kinds(text, spans)
                if text is not item:
                    out[key] = text
            elif isinstance(item, _dt.date):
                if dates:
                    out[key] = self._key_value("DATE", item.isoformat())
            elif type(item) is dict and depth < _DATES_DEPTH:
                copied = dict(item)
                self._care_beside_person(copied, frozenset(), depth + 1, dates)
                out[key] = copied
            elif (type(item) is list or type(item) is tuple) and depth < _DATES_DEPTH:
                holder = dict(enumerate(item))
                self._care_beside_person(holder, frozenset(), depth + 1, dates)
                out[key] = type(item)(holder.values())

    def _masked_kinds(self, text: str, spans: list[tuple[int, int, str]]) -> str:
        """``text`` with each of ``spans`` (sorted, apart) replaced as an identifier of its kind."""
        parts: list[str] = []
        position = 0
        for start, end, kind in spans:
            parts.append(text[position:start])
            parts.append(self._strategies.get(kind, self._default_strategy).text(kind, text[start:end]))
            position = end
        parts.append(text[position:])
        return "".join(parts)

    def _masked_spans(self, text: str, spans: list[tuple[int, int]], kind: str) -> str:
        """``text`` with each of ``spans`` replaced as an identifier of ``kind``."""
        strategy = self._strategies.get(kind, self._default_strategy)
        parts: list[str] = []
        position = 0
        for start, end in spans:
            parts.append(text[position:start])
            parts.append(strategy.text(kind, text[start:end]))
            position = end
        parts.append(text[position:])
        return "".join(parts)

    def _person_key(self, person: str, key: Any) -> Any:
        """A mapping key that identifies a person, replaced as an id of theirs would be (text), or ``DROP``."""
        replaced = self.strategy_for(person).value(person, key)
        return replaced if replaced is DROP or type(replaced) is str else str(replaced)

    def _fhir_field(self, compact_key: str, item: Any) -> tuple[str | None, Any]:
        """A field of a FHIR resource: ``DATE`` for an event date (``issued``, ``authoredOn``), or the value
        with the person's dates inside it replaced (``accident.date``, ``procedure[].date``)."""
        if compact_key in EVENT_DATES:
            return "DATE", item
        if compact_key in DATED_ELEMENTS:
            return None, fhir_element(compact_key, item, lambda kind, text: self.strategy_for(kind).text(kind, text))
        return None, item

    def _as_kind(self, kind: str | None, item: Any) -> Any:
        """``item`` replaced as a value of ``kind`` (kept when ``kind`` is ``None``), or ``DROP``."""
        if kind is None:
            return item
        replaced = self._key_value(kind, item)
        return item if replaced is _KEEP else replaced

    def _bare_numbers(self, items: Sequence[Any]) -> list[Any]:
        """``items`` (under a person's key) with each bare phone number or SSN replaced."""
        replaced = (self._as_kind(_bare_kind(item), item) for item in items)
        return [item for item in replaced if item is not DROP]

    def _observation(self, segment: str, fields: Mapping[Any, Any]) -> dict[Any, Any]:
        """``fields`` of an HL7 observation segment beside a patient, with its PHI fields replaced."""
        out: dict[Any, Any] = {}
        for key, item in fields.items():
            number = key if type(key) is int else int(key) if type(key) is str and key.isdigit() else None
            replaced = self._as_kind(hl7_observation_kind(segment, number) if number is not None else None, item)
            if replaced is not DROP:
                out[key] = replaced
        return out

    def _postal_read(self, items: list[tuple[Any, Any]], postal: Any) -> list[tuple[Any, Any]]:
        """``items`` with the value under the key ``postal`` masked as a postal code (or left out, if dropped)."""
        out: list[tuple[Any, Any]] = []
        for key, item in items:
            if key == postal:
                replaced = self._key_value("ZIP", item)
                if replaced is DROP:
                    continue
                item = item if replaced is _KEEP else replaced
            out.append((key, item))
        return out

    @staticmethod
    def _key_kind(info: KeyInfo, person: str | None, item: Any) -> str | None:
        return key_kind(info, person, item)

    def _key_value(self, kind: str, item: Any) -> Any:
        """The replacement of a value under a PHI key, ``DROP``, or ``_KEEP`` to walk it as usual."""
        if kind == "AGE":
            number: float | None = None
            if isinstance(item, Mapping) and _QUANTITY_KEYS.issuperset(item) and "value" in item:
                value = self._key_value("AGE", item["value"])  # FHIR Age: {"value": 93, "unit": "a", ...}
                return _KEEP if value is _KEEP else {**item, "value": value}
            if type(item) is list or type(item) is tuple:  # {"ages": [33, 93]}: each item an age
                ages = [self._key_value("AGE", part) for part in item]
                if all(age is _KEEP for age in ages):
                    return _KEEP
                return [part if age is _KEEP else age for part, age in zip(item, ages, strict=True)]
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                number = item
            elif isinstance(item, str):
                match = _AGE_NUMBER.match(item) or _AGE_RANGE.match(item)
                number = max(int(part) for part in match.groups() if part) if match else None
            if number is None or number <= 89:
                return _KEEP
        if item is None or item == "" or isinstance(item, bool):
            return item
        if kind == "ZIP" and _file_name(item):
            return _KEEP  # {"zip": "archive.zip"}: a file, not a postal code (every postal code has a digit)
        number = _integral(item)
        return self.strategy_for(kind).value(kind, item if number is None else number)

    # -- finding ------------------------------------------------------------------------------
    def find(self, value: Any, *, skip: Iterable[str] = ()) -> list[Finding]:
        """Where ``value`` holds PHI: every place this redactor would change. Never raises.

        Args:
            value: a string, or a JSON-like value (a parsed log record, an event dict).
            skip: top-level keys to leave out (for example ``hipaalog._schema.TRUSTED_FIELDS``).
        """
        found: list[Finding] = []
        try:
            self._find(value, "$", 0, None, set(), frozenset(skip), found)
        except Exception as exc:  # noqa: BLE001 - a value that cannot be inspected is reported
            _diagnostics.problem("redaction-failed", f"value could not be inspected ({type(exc).__name__})")
            found.append(Finding(UNINSPECTED, "$", None, "error"))
        return found

    def _find(  # noqa: PLR0917 - recursive helper, positional like _mapping
        self,
        value: Any,
        path: str,
        depth: int,
        person: str | None,
        active: set[int],
        skip: frozenset[str],
        found: list[Finding],
    ) -> None:
        if isinstance(value, str):
            text = value if len(value) <= self.max_scan_chars else value[: self.max_scan_chars]
            try:
                spans = self._scanner.spans(text)
            except DetectorFailed:
                found.append(Finding(UNINSPECTED, path, None, "error"))
                return
            found.extend(Finding(kind, path, (start, end), "text") for start, end, kind in spans)
            return
        if isinstance(value, bool) or value is None or isinstance(value, float):
            return
        if isinstance(value, int):
            if self._number(value) is not value:
                found.append(Finding("CARD", path, None, "text"))
            return
        if depth >= self.max_depth or id(value) in active:
            return
        if isinstance(value, enum.Enum):
            self._find(value.value, path, depth + 1, person, active, skip, found)
            return
        if isinstance(value, _NATIVE_LEAVES):
            return
        active.add(id(value))
        try:
            fields = fields_of(value) if not isinstance(value, (dict, list, tuple)) or type(value) is tuple else None
            if fields is not None:
                person = person or self.keys.info(type(value).__name__).person
                value = fields
            elif isinstance(value, _SETS) or (isinstance(value, _SEQUENCES) and not isinstance(value, (list, tuple))):
                value = list(value)
            elif not isinstance(value, (Mapping, list, tuple)):
                self._find_in_object(value, path, depth, person, active, found)
                return
            if isinstance(value, Mapping):
                resource = value.get("resourceType")
                if person is None and isinstance(resource, str):
                    person = PERSON_RESOURCES.get(resource)
                for key, item in list(value.items()):
                    if depth == 0 and key in skip:
                        continue
                    name, written, info = self._key(key)
                    child = _path_of(path, written)
                    if written != name:
                        found.extend(Finding(kind, child, None, "name") for kind in self._kinds_in(name))
                    elif person is not None and _id_key(name):
                        shown = self._person_key(person, key)  # the path shows the key as it is written out
                        child = _path_of(path, "[REDACTED]" if shown is DROP else shown)
                        found.append(Finding(person, child, None, "name"))
                        info = _NEUTRAL_KEY
                    if (self._allow_names and info.compact in self._allow_names) or child[2:] in self._allow_paths:
                        continue
                    kind = self._key_kind(info, person, item)
                    if kind is None and resource is not None and _is_period(info.compact, item):
                        kind = "DATE"
                    if kind is None and resource is not None:
                        kind = "DATE" if info.compact in EVENT_DATES else None
                        found.extend(Finding(k, child, None, "key") for k in fhir_kinds(info.compact, item))
                    if kind is None and info.names_person and not isinstance(item, (list, tuple)):
                        kind = _bare_kind(item)
                    if (
                        kind is None
                        and resource is None
                        and (loose := self._loose(info, item)) is not None
                        and not loose[1]
                        and not (type(item) is str and self._kinds_in(item))
                    ):
                        kind = loose[0]  # a whole name under any key, a bare phone under "cb" (no text finds them)
                    if kind is not None:
                        replaced = self._key_value(kind, item)
                        if replaced is not _KEEP:
                            if replaced is DROP or replaced != item:
                                found.append(Finding(kind, child, None, "key"))
                            continue
                    elif isinstance(item, str) and _is_version(info.compact, item):
                        continue
                    if type(item) is dict and person is None and info.person is None and self._organisation(key):
                        places = _own_places(item)
                        for place in places:  # an organisation's town: read as text only, as the walk does
                            self._find(item[place], _path_of(child, place), depth + 2, None, active, skip, found)
                        item = {k: v for k, v in item.items() if k not in places} if places else item
                    self._find(item, child, depth + 1, info.person or person, active, skip, found)
            elif isinstance(value, (list, tuple)):
                for index, item in enumerate(value):
                    self._find(item, f"{path}[{index}]", depth + 1, person, active, skip, found)
        finally:
            active.discard(id(value))

    def _find_in_object(  # noqa: PLR0917 - recursive helper, positional like _find
        self, value: Any, path: str, depth: int, person: str | None, active: set[int], found: list[Finding]
    ) -> None:
        """:meth:`_find` for an object hipaalog writes as text (its repr, or what it converts to)."""
        try:
            converted = to_json_native(value)
            if not isinstance(converted, str):
                self._find(converted, path, depth + 1, person, active, frozenset(), found)
                return
            attributes = attributes_of(value)
            if attributes and self._mask_attributes(converted, attributes, depth, person, _Walk()) != converted:
                found.append(Finding("ID", path, None, "key"))
            self._find(converted, path, depth + 1, person, active, frozenset(), found)
        except Exception:  # noqa: BLE001 - what cannot be inspected is reported
            found.append(Finding(UNINSPECTED, path, None, "error"))

    def _kinds_in(self, text: str) -> list[str]:
        """The kinds the detectors find in ``text`` (each once, in order)."""
        try:
            return list(dict.fromkeys(kind for _, _, kind in self._scanner.spans(text)))
        except DetectorFailed:
            return [UNINSPECTED]

    def __repr__(self) -> str:
        shown = {k: ("<key>" if "key" in k else v) for k, v in self._policy.items()}
        return f"Redactor({shown!r})" if shown else "Redactor()"
