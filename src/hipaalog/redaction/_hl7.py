"""HL7 v2 person fields in text, by segment and field position, in linear time.

Segments are found as their id and a ``|`` at the start of the text or after a separator: a
carriage return or newline, written as is or escaped (``\\r`` in a JSON string, a bytes repr),
the MLLP framing bytes (``\\x0b``, ``\\x1c``, raw or escaped), whitespace, a quote or a ``|``. A
segment ends at the next separator, or where the next known segment starts after whitespace
(messages flattened onto one line). Each segment is read once, so the cost is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._format_case import lower_hl7, upper_view
from ._gate import HL7
from ._hl7_fields import CARE_SEGMENTS, HL7_FIELDS, HL7_MARKS
from ._hl7_separators import custom_separators, standard_view

__all__ = ["HL7_MARKS", "Hl7Detector"]

_SEGMENT: Final = re.compile("(?:" + "|".join(HL7_FIELDS) + r"|Z[A-Z][A-Z0-9])\|")
_KNOWN_NEXT: Final = (
    "MSH|EVN|PID|PD1|PV1|PV2|NK1|GT1|IN1|IN2|IN3|OBR|OBX|ORC|AL1|DG1|DG2|PR1|MRG|NTE|ROL|ACC|UB1|UB2|SPM|TQ1|"
    "RXA|RXR|RXE|RXO|FT1|SCH|TQ1|AIS|AIG|AIL|AIP|TXA|QRD|QPD|RCP|MSA|ERR|DB1|PRB|GOL|IAM|Z[A-Z0-9]{2}"
)
_END: Final = re.compile(
    r"[\r\n\x0b\x1c\"]|'(?![\w'])|\\[rn]|\\x(?:0[abdABD]|1[cC])|\\u000[dDaAbB]|\\u001[cC]"
    rf"|(?<=[ \t])(?:{_KNOWN_NEXT})\|"
)
"""Where a segment ends: a separator as is or escaped, the end of a quoted string, or the next segment
on the same line."""
_BEFORE: Final = frozenset("\r\n\x0b\x1c \t|'\"")
_ESCAPED_BEFORE: Final = re.compile(r"(?:\\[rn]|\\x(?:0[abdABD]|1[cC])|\\u000[dDaAbB]|\\u001[cC])$")
_CX_TYPES: Final = r"(MR|MRN|PI|PT|PN|SS|AN|AI|MB|MA|MC|HC|JHN|DL|NH|SN)(?![\w])"
_CX: Final = re.compile(
    r"([A-Za-z0-9](?<![\w^&][A-Za-z0-9])[A-Za-z0-9-]{2,29})\^[^|^~\s]{0,20}\^[^|^~\s]{0,20}\^[^|^~\s]{0,40}\^"
    + _CX_TYPES
)
"""An identifier in HL7's CX form, ``00482913^^^HOSP^MR``: the value, typed by its identifier type code."""
_CX_TYPE: Final = re.compile(r"\^" + _CX_TYPES)
"""How every :data:`_CX` match ends (``^MR``): searched for first, from each ``^``."""
_CX_KINDS: Final = {
    "SS": "SSN",
    "AN": "ACCOUNT",
    "AI": "ACCOUNT",
    "DL": "LICENSE",
    "MB": "MEMBER_ID",
    "MA": "MEMBER_ID",
}
_CX_KINDS.update(dict.fromkeys(("MC", "HC", "JHN", "NH", "SN"), "MEMBER_ID"))
_MAX_FIELDS: Final = 72
_SET_ID_FIRST: Final = frozenset(
    {"PID", "NK1", "GT1", "IN1", "IN3", "PV1", "OBR", "OBX", "DG1", "PR1", "AL1", "SPM", "RXA", "TXA", "FT1", "TQ1"}
    | {"AIS", "AIG", "AIL", "AIP"}
)
"""Segments whose first field is a set id (a small number, or empty)."""
_SET_ID: Final = re.compile(r"[ ]*[0-9]{0,4}[ ]*")
"""Fields past this position hold nothing the table names (IN2-64 is the last)."""


_PV1_BESIDE: Final = frozenset({18, 20, 43, 46})
"""PV1 fields beside the visit number (19) and the admit and discharge times (44, 45): a patient type, a
financial class, a prior location and a balance, none of them shaped like an id or a timestamp."""
_VISIT_ID: Final = re.compile(r"[A-Za-z]{0,6}-?[0-9]{5,16}")
_TIMESTAMP: Final = re.compile(
    r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:[0-9]{2}){0,3}(?:[+-][0-9]{4})?"
)


_SITE_ID: Final = re.compile(r"[A-Za-z]{0,4}-?[0-9]{6,16}[A-Za-z]{0,2}")
_COMPONENT: Final = re.compile(r"[^|^~&]+")


def _site_fields(text: str, start: int, end: int) -> Iterator[Span]:
    """A site's own segment (``ZIN|1|H48213077|...``) in a patient's message: the fields no table names, but
    whose components are shaped like an identifier (six digits or more, up to four letters before) or a
    timestamp; codes, flags, amounts and names' words stay (``LAST^FIRST`` is read as a name elsewhere)."""
    for part in _COMPONENT.finditer(text, text.find("|", start, end) + 1, end):
        value = part[0].strip()
        if _TIMESTAMP.fullmatch(value):
            yield part.start(), part.end(), "DATE"
        elif _SITE_ID.fullmatch(value):
            yield part.start(), part.end(), "ID"


def _pv1_shifted(index: int, field: str) -> str | None:
    """The visit number or an admit/discharge time written one field off (``PV1-18``, ``PV1-43``) by its shape."""
    if index in {18, 20}:
        return "ACCOUNT" if _VISIT_ID.fullmatch(field) else None
    return "DATE" if _TIMESTAMP.fullmatch(field) else None


_IN1_BESIDE: Final = frozenset({7, 9, 35, 37, 48, 50})
"""IN1 fields beside the group number (8), the policy number (36) and the insured's id (49): the insurer's phone,
a group name, a plan code, a deductible, a handicap code and a verification time, none of them shaped like a
member's id (the phone is told apart by its ten digits)."""
_IN1_COMPANY_LAST: Final = 9
"""IN1 fields up to here name the plan and the insurer (its id, name, address, contact, phone, group); every later
field is the insured's or their coverage's, and a value there shaped like a member's id is taken for one wherever the
sender put it (a policy number written in IN1-39 instead of IN1-36)."""
_MEMBER_ID: Final = re.compile(r"(?=(?:[A-Za-z-]{0,8}[0-9]){5})[A-Za-z0-9][A-Za-z0-9-]{4,24}")
"""A member's id: letters, digits and dashes, five digits or more among them."""
_PHONE_DIGITS: Final = re.compile(r"1?[2-9][0-9]{9}")
_OBSERVATION_TYPES: Final = {
    "DT": "DATE",
    "DTM": "DATE",
    "TS": "DATE",
    "DR": "DATE",
    "XPN": "NAME",
    "XAD": "ADDRESS",
    "XTN": "PHONE",
    "CX": "ID",
}
"""OBX-2 value types whose OBX-5 is a person's (a date of onset, a contact's name, address or phone, an id)."""


def _in1_shifted(index: int, field: str) -> str | None:
    """A member's group, policy or id number written one field off (``IN1-37`` for ``IN1-36``), by its shape."""
    if _TIMESTAMP.fullmatch(field):
        return "DATE" if index == 50 else None
    if index == 7 and _PHONE_DIGITS.fullmatch(field):
        return None
    return "MEMBER_ID" if _MEMBER_ID.fullmatch(field) else None


def _starts_segment(text: str, start: int) -> bool:
    if not start or text[start - 1] in _BEFORE:
        return True
    return text[start - 1] in "rnbBcCdDaA" and _ESCAPED_BEFORE.search(text, max(0, start - 6), start) is not None


_FIELD_GOES_ON: Final = re.compile(r"[^\r\n'\"\\|]{0,80}[\^|]")
"""After an apostrophe: the rest of a field up to its next separator, with no quote or line end on the way."""


def _apostrophe_in_field(text: str, position: int) -> bool:
    """Whether the apostrophe at ``position`` belongs to a field's value (``O' Hara^^Boston``, ``d' Richer|``)
    rather than closing a quoted segment (``'PID|1||...', extra``): field separators follow it, within reach."""
    return _FIELD_GOES_ON.match(text, position + 1) is not None


_LINE_ENDS: Final = frozenset(("\r", "\n", "\\r", "\\n"))
_GOES_ON: Final = re.compile(r"(?:[^\r\n\x0b\x1c|=\\]|\\(?![rn])){0,160}[^\r\n\x0b\x1c|= \t\\]\|(?![ \t])")
"""A line that continues a field cut by a line end: text up to a field separator with no space beside it, no
line end or ``=`` on the way (``status=ok | 12ms``, a log line after the message, is no field)."""
_MAX_BREAKS: Final = 4


def _goes_on(text: str, end: re.Match[str]) -> int:
    """Where a segment goes on after ``end`` when that line end was inside one of its fields (a street line
    ``Mengerzeile 660\nSan Modesto^NY^10863|||...``): the next line starts no segment but holds more fields;
    otherwise -1."""
    separator = end[0]
    if separator not in _LINE_ENDS:
        return -1
    after = end.end()
    if separator == "\r" and text.startswith("\n", after):
        after += 1  # CR LF: one line end
    elif separator == "\\r" and text.startswith("\\n", after):
        after += 2
    if _SEGMENT.match(text, after) is not None or _GOES_ON.match(text, after) is None:
        return -1
    return after


class Hl7Detector(BaseDetector):
    """Person fields of HL7 v2 PID, PD1, NK1, GT1, IN1, IN2, PV1 and MRG segments (names, birth date,
    address, phones, SSN, record and account numbers, admission and discharge dates), and the dates
    of care segments (EVN, PV2, DG1, PR1, ORC, OBR, OBX, TXA...) in a message with a patient."""

    gate = HL7
    name = "hl7"
    kinds = ("NAME", "DOB", "ADDRESS", "PHONE", "SSN", "MRN", "ACCOUNT", "LICENSE", "ID", "MEMBER_ID", "DATE")

    def find(self, text: str) -> Iterator[Span]:
        if ("MSH" in text or "msh" in text) and (table := custom_separators(text)) is not None:
            text = standard_view(text, table)  # MSH#$~\\&#...: read with the separators it declares
        if lower_hl7(text):
            text = upper_view(text)  # pid|1||a0048213^^^mrn: the same offsets, read as written upper case
        if "^" in text and _CX_TYPE.search(text) is not None:
            for cx in _CX.finditer(text):
                yield cx.start(1), cx.end(1), _CX_KINDS.get(cx[2], "MRN")
        if "|" not in text:
            return
        done = 0
        for match in _SEGMENT.finditer(text):
            start = match.start()
            if start < done or not _starts_segment(text, start):
                continue
            end_match = _END.search(text, match.end())
            breaks = 0
            while end_match is not None:
                if end_match[0] == "'" and _apostrophe_in_field(text, end_match.start()):
                    resume = end_match.end()  # O' Hara^^Boston|...: a name's apostrophe
                elif breaks < _MAX_BREAKS and (resume := _goes_on(text, end_match)) >= 0:
                    breaks += 1  # a line end inside a field (a street's second line): the segment goes on
                else:
                    break
                end_match = _END.search(text, resume)
            end = end_match.start() if end_match else len(text)
            done = end
            segment = match[0][:3]
            if segment[0] == "Z":
                if "PID|" in text:
                    yield from _site_fields(text, start, end)
                continue
            if segment in CARE_SEGMENTS and "PID|" not in text:
                continue  # an event, order or result without a patient: its dates are about no one
            fields = HL7_FIELDS[segment]
            values = text[start:end].split("|", _MAX_FIELDS)
            if segment in _SET_ID_FIRST and len(values) > 1 and not _SET_ID.fullmatch(values[1]):
                continue  # PID|1234 started: a word after a pipe, not a segment
            position = start
            for index, field in enumerate(values):
                kind = fields.get(index)
                if kind is None and segment == "PV1" and index in _PV1_BESIDE:
                    kind = _pv1_shifted(index, field)
                elif kind is None and segment == "IN1" and (index in _IN1_BESIDE or index > _IN1_COMPANY_LAST):
                    kind = _in1_shifted(index, field)
                elif index == 2 and segment == "IN1":
                    plan = field.split("^", 1)[0]  # IN1-2, the plan's id: a member's id written there, by its shape
                    if _MEMBER_ID.fullmatch(plan) and not _TIMESTAMP.fullmatch(plan):
                        yield position, position + len(plan), "MEMBER_ID"
                elif index == 5 and segment == "OBX" and len(values) > 2:
                    kind = _OBSERVATION_TYPES.get(values[2].strip())
                if kind is not None and field.strip(" ^~&"):
                    yield position, position + len(field), kind
                position += len(field) + 1
