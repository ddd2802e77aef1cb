"""Generic fields of an object its parent names: ``{"device": {"id": ...}}`` reads as ``device_id``.

Applications nest what a flat record spells in one field name: ``{"visit": {"date": ...}}`` is a visit
date, ``{"insurance": {"group": ...}}`` a plan's group number, ``{"account": {"number": ...}}`` an account
number, ``{"vehicle": {"reg": ...}}`` a plate. A child whose own name says nothing (``id``, ``number``,
``date``, ``start``) is judged by the name it makes with its parent's last word, singular
(``{"visits": [{"date": ...}]}``); a child with a name of its own keeps its own verdict.

A person's own numbers need a person, or a plan, above them: ``{"patient": {"license": ...}}`` is a
licence number and ``{"insurance": {"plan": ...}}`` a plan's, when the value holds the digits of one
(``{"package": {"license": "MIT"}}`` and ``{"customer": {"plan": "pro"}}`` stay). A number of one to three
digits is a count, no one's identifier (``{"patient": {"serial": 3}}`` stays).

Dates count only below the events of a person's care (visits, encounters, admissions, procedures,
birth and death) and only when the value is a full date: ``{"job": {"start": ...}}`` stays, and so does the
``start`` of an ``operation`` or a ``procedure`` (software's words too); their ``date`` does not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from ._keys import KeyCatalogue, tokens
from ._service_lines import COUNTED_NAMES, holds_number, small_count
from ._strategies import DROP
from ._values import full_date

__all__ = ["OWNED_CHILDREN", "gives_kinds", "holds_persons", "owned_fields"]

_ID_CHILDREN: Final = frozenset(
    ("id", "number", "no", "num", "nbr", "nr", "identifier", "serial", "sn", "group", "reg", "registration", "plate")
)
"""Children that name nothing alone: the identifier, number or serial of whatever the parent is."""
_DATE_CHILDREN: Final = frozenset(
    (
        "date", "dt", "day", "when", "on", "at", "start", "end", "started", "ended", "begin", "time", "datetime",
        "from", "to", "performed", "occurred", "scheduled", "slot", "seen", "booked",
    )
)  # fmt: skip
"""Children that hold when the parent happened."""
_HELD_CHILDREN: Final = {
    "account": "ACCOUNT", "acct": "ACCOUNT",
    "license": "LICENSE", "licence": "LICENSE", "lic": "LICENSE", "dl": "LICENSE", "permit": "LICENSE",
    "cert": "LICENSE", "certificate": "LICENSE",
    "plan": "MEMBER_ID", "policy": "MEMBER_ID", "group": "MEMBER_ID",
}  # fmt: skip
"""Children a person holds (an account, a licence, a plan), and their kinds below a person or a plan."""
_HOLDERS: Final = frozenset(
    (
        "customer", "client", "user", "holder", "accountholder", "policyholder", "account", "billing", "insurance",
        "insurer", "coverage", "policy", "claim", "payer", "benefit", "eligibility",
    )
)  # fmt: skip
"""Parents, besides those that name a person, whose accounts, licences and plans are a person's."""
OWNED_CHILDREN: Final = _ID_CHILDREN | _DATE_CHILDREN | frozenset(_HELD_CHILDREN)
"""Every child name the parent's name gives a meaning to (a cheap test before :func:`owned_fields`)."""

_EVENT_KINDS: Final = {
    "visit": "DATE",
    "appointment": "DATE",
    "appt": "DATE",
    "encounter": "DATE",
    "admission": "DATE",
    "admit": "DATE",
    "discharge": "DATE",
    "procedure": "DATE",
    "surgery": "DATE",
    "operation": "DATE",
    "consult": "DATE",
    "consultation": "DATE",
    "exam": "DATE",
    "examination": "DATE",
    "immunization": "DATE",
    "immunisation": "DATE",
    "vaccination": "DATE",
    "hospitalization": "DATE",
    "hospitalisation": "DATE",
    "stay": "DATE",
    "death": "DATE",
    "birth": "DOB",
}
"""Events of a person's care and life whose dates are Safe Harbor dates, and the kind of those dates."""
_WORK_EVENTS: Final = frozenset(("service", "operation", "procedure", "exam", "examination", "consult"))
"""Events of care whose words software also uses for its own work (a server, a long-running operation, a stored
procedure): only a child naming a day makes their date a date of care (``{"operation": {"start": ...}}`` stays)."""
_WORK_DATE_CHILDREN: Final = frozenset(("date", "dt", "day", "performed"))
"""The children that make the date of a :data:`_WORK_EVENTS` parent one of care."""
_OWNED_KINDS: Final = frozenset(
    ("DEVICE", "VEHICLE", "ACCOUNT", "MEMBER_ID", "MRN", "PATIENT", "LICENSE", "SSN", "PHONE", "FAX", "MBI")
)
"""Kinds an identifier child takes from its parent; a generic ``ID`` (``claim_id``) is no one's alone."""


def _owner(key: str) -> tuple[list[str], str] | None:
    words = tokens(key)
    if not words:
        return None
    last = words[-1]
    if len(last) > 3 and last[-1] == "s" and last[-2] != "s":
        last = last[:-1]  # "visits", "devices": the object each item is
    return words[:-1], last


def owned_fields(
    key: str,
    item: Mapping[Any, Any],
    keys: KeyCatalogue,
    value_of: Callable[[str, Any], Any],
) -> Mapping[Any, Any]:
    """``item`` with each generic child replaced by ``value_of(kind, value)`` when its parent ``key`` gives it a kind.

    Returns ``item`` itself when no child changed. ``value_of`` returns the replacement, ``DROP`` to leave
    the child out, or another object that is not a plain value (a marker) to leave the child as it is.
    """
    owner = _owner(key)
    if owner is None:
        return item
    prefix, last = owner
    event = _EVENT_KINDS.get(last)
    if event is None and last == "service":
        event = "DATE"
    holder: bool | None = None
    out: dict[Any, Any] | None = None
    for child, value in item.items():
        if type(child) is not str or value is None or isinstance(value, (bool, dict)):
            continue
        lowered = child.lower()
        kind: str | None = None
        if lowered in _HELD_CHILDREN:
            if holder is None:
                holder = last in _HOLDERS or keys.info(key).names_person
            if holder and holds_number(value):
                kind = _HELD_CHILDREN[lowered]
        if lowered in COUNTED_NAMES and small_count(value):
            continue  # {"patient": {"number": 12}}: a count; an identifier has four characters or more
        if kind is None and lowered in _ID_CHILDREN and (_scalar(value) or holds_number(value)):
            kind = _composed_kind(prefix, last, lowered, keys)  # ("5330406177",) as well: a number kept in a list
        elif kind is None and event is not None and lowered in _DATE_CHILDREN and _scalar(value):
            dated = last not in _WORK_EVENTS or lowered in _WORK_DATE_CHILDREN  # {"operation": {"start": ...}} stays
            kind = event if dated and full_date(value) else None
        if kind is None:
            continue
        replaced = value_of(kind, value)
        if replaced is value or (replaced is not DROP and not isinstance(replaced, (str, int, float))):
            continue
        if out is None:
            out = dict(item)
        if replaced is DROP:
            del out[child]
        else:
            out[child] = replaced
    return item if out is None else out


def _scalar(value: Any) -> bool:
    """Whether ``value`` is one value, not a sequence of them."""
    return not isinstance(value, (list, tuple))


def _composed_kind(prefix: list[str], last: str, child: str, keys: KeyCatalogue) -> str | None:
    """The kind of ``<parent>_<child>`` (then ``<parent>_id`` and ``<parent>_number`` for a serial or a plate)."""
    names = [child] if child in ("id", "number", "no", "num", "nbr", "nr", "group") else [child, "id", "number"]
    for name in names:
        kind = keys.info("_".join([*prefix, last, name])).kind
        if kind in _OWNED_KINDS:
            return kind
    return None


def gives_kinds(key: str, keys: KeyCatalogue) -> bool:
    """Whether ``key`` gives any generic child a kind (a visit, a device, an account; not a job or a request)."""
    owner = _owner(key)
    if owner is None:
        return False
    prefix, last = owner
    if last in _EVENT_KINDS or last == "service" or last in _HOLDERS or keys.info(key).names_person:
        return True
    return any(_composed_kind(prefix, last, child, keys) is not None for child in ("id", "number", "serial", "group"))


def holds_persons(key: str, keys: KeyCatalogue) -> bool:
    """Whether ``key`` names a person or what a person holds (a customer, an account, a policy): its accounts,
    licences and plans are a person's."""
    owner = _owner(key)
    return owner is not None and (owner[1] in _HOLDERS or keys.info(key).names_person)
