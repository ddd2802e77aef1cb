"""The kind a field name gives its value, alone or below a person: ``{"patient": {"name": ...}}`` is a name.

Shared by the walk of mappings and objects (:mod:`._redactor`) and by the reading of objects printed as text
(:mod:`._repr_fields`), so that ``Patient(name=...)`` in a message is judged as ``{"patient": {"name": ...}}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from ._cell_values import network_endpoint
from ._event_dates import DATED_ONLY_TERMS
from ._keys import KeyInfo
from ._person_key_ids import patient_pid
from ._person_key_values import PERSON_VALUE_KEYS, person_key_value
from ._service_lines import COUNTED_NAMES, holds_number, policy_name, small_count
from ._values import maybe_date

__all__ = ["key_kind"]

_UUID: Final = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_NAME_PARTS: Final = frozenset({"given", "family", "text", "prefix", "suffix", "use", "period"})
"""Keys of a FHIR HumanName."""
_NAME_POSITIONS: Final = frozenset({"first", "last", "middle"})
"""Keys that name a part of a name below a person, and a page's bounds anywhere else."""


def _human_name(value: object) -> bool:
    """Whether ``value`` is shaped like a FHIR HumanName (or a list of them)."""
    if isinstance(value, list) and value:
        value = value[0]
    return (
        isinstance(value, Mapping)
        and any(key in value for key in ("given", "family"))
        and all(isinstance(key, str) and key in _NAME_PARTS for key in value)
    )


def _holds_kind(kind: str, info: KeyInfo, item: Any) -> bool:
    """Whether ``item`` can be what its key names: not a person's object, a count, a software policy or, under an
    address key, a network endpoint (whose IP, if any, the text's own readers judge)."""
    if kind == "ADDRESS" and type(item) is str and network_endpoint(item):
        return False
    if kind == "DATE" and info.compact in DATED_ONLY_TERMS:
        return _dated(item)
    if info.compact == "certificateid" and type(item) is str and _UUID.fullmatch(item) is not None:
        return False  # {"certificate_id": "1234abcd-12ab-..."}: a machine's certificate, no licence's number
    if type(item) is dict:  # {"member": {"count": 3}}: a person's object; {"bucket_policy": {...}}: a policy's
        return not info.names_person and (kind != "MEMBER_ID" or not policy_name(info.compact))
    if info.compact in COUNTED_NAMES and small_count(item):
        return False  # {"patient": {"serial": 3}}: a count
    return kind != "MEMBER_ID" or not policy_name(info.compact) or holds_number(item)  # {"policy": "allow-all"}


_DAY_NUMBERS: Final = (18000101, 21001231)
"""The bounds of a date written as a number (``20230214``)."""
_EPOCH_SECONDS: Final = (10**9, 2_100_000_000)
"""The bounds of a moment written as seconds since 1970 (2001 to 2036); in milliseconds, a thousand times these."""


def _dated(item: object) -> bool:
    """Whether ``item`` may be a date: text of one (with a digit), a number of eight digits, an epoch count in
    seconds or milliseconds (``{"admitEpoch": 1717009200}``), a date object."""
    if type(item) is str:
        return maybe_date(item) and any(ch.isdigit() for ch in item)
    if type(item) is int:
        low, high = _EPOCH_SECONDS
        return _DAY_NUMBERS[0] <= item <= _DAY_NUMBERS[1] or low <= item < high or low * 1000 <= item < high * 1000
    return hasattr(item, "year") and hasattr(item, "month")


def key_kind(info: KeyInfo, person: str | None, item: Any) -> str | None:
    """The kind of ``item`` under a key of ``info``, below a person of kind ``person`` (``None``: no person)."""
    if person is None:
        kind = info.kind
    elif info.kind is None and info.kind_in_person == "ID":
        kind = person
    else:
        kind = info.kind_in_person
    if kind is None and info.compact in ("name", "names") and _human_name(item):
        return "NAME"
    if kind is None and info.compact == "pid" and patient_pid(item):
        return "PATIENT"  # {"pid": "MR715892"}: no process has that id
    if kind is None and (info.names_person or info.compact in PERSON_VALUE_KEYS):
        kind = person_key_value(info, item)  # {"who": "19540707"}, {"insured": "M0204424"}: the person's
        if kind is not None:
            return kind
    if kind is not None and not _holds_kind(kind, info, item):
        return None
    if kind == "NAME" and info.compact in _NAME_POSITIONS:
        first = item[0] if (type(item) is list or type(item) is tuple) and item else item
        if not (type(first) is str and first[:1].isalpha()):
            return None  # {"patients": {"first": 0, "last": 20}}: a page's bounds, not a name's parts
    return kind
