"""NCPDP Telecommunication (vD.0) pharmacy claims in text: person fields by their two-character field id.

A D.0 transaction is a fixed header, then segments (after the segment separator ``0x1E``, groups
after ``0x1D``) made of fields after the field separator ``0x1C``. Each field starts with its
two-character id (``CA`` the patient's first name: ``␜CAJANE``). Logs show the separators as the
control characters, escaped (``\\x1c``), as ``<FS>``, or replaced by ``|`` or ``^``; rejection
messages print fields as ``C2=value``. This reader takes a field whose id the table below names:

* a field after ``0x1C`` (raw or escaped) or ``<FS>``, anywhere;
* a field after ``|`` or ``^`` when a segment id (``AM01``) sits beside that separator in the text;
* ``ID=value`` when two ids of the table are written so (one of them ``C2``, ``C4``, ``CY``, ``CC``, ``CD``
  or ``CQ``), or one beside the word ``NCPDP``;
* ``"ID": "value"`` or ``'ID': 'value'`` (a claim parsed into a dict, then printed) when two ids are, one of
  them ``C2``, ``C4``, ``CY`` or ``CQ`` with its digits.

A keyed value must look like its kind (``CA=4`` in a grid is no name).

Only the patient's, cardholder's and (workers' compensation) employer's fields are PHI. Provider
(``DB``, ``DL`` primary care provider), pharmacy, product, pricing (``DN`` basis of cost), prescription
and authorization numbers (``D2``, ``F3``, ``D7``) are kept, and so are the state (``CO``) and the
gender, relationship and person codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import NCPDP
from ._ncpdp_fields import NCPDP_FIELDS, SEGMENT_BESIDE, keyed_claim, numbered_key, plausible, quoted_claim

__all__ = ["NcpdpDetector"]

_IDS: Final = "|".join(NCPDP_FIELDS)
_CONTROL: Final = re.compile(
    rf"(?:\x1c|\\x1[cC]|\\u001[cC]|<FS>)({_IDS})((?:(?!\\x1|\\u001|<[FGR]S>)[^\x1c\x1d\x1e\r\n\"'\\]|'(?=[A-Za-z]))*)"
)
"""A field after the field separator: as the control character, escaped, or written ``<FS>`` (an apostrophe
inside a word, ``D'OLIO``, is part of the value; one before anything else closes a quoted repr)."""
_ANY_CONTROL: Final = re.compile(
    rf"(?:[\x1d\x1e]|\\x1[dDeE]|\\u001[dDeE]|<[GR]S>)({_IDS})"
    rf"((?:(?!\\x1|\\u001|<[FGR]S>)[^\x1c\x1d\x1e\r\n\"'\\]|'(?=[A-Za-z]))*)"
)
"""A field after the segment or group separator instead (``0x1E``, ``0x1D``, escaped or ``<RS>``/``<GS>``): a
message whose writer took the wrong control character for the field separator, read when a segment id is in it."""
_SEGMENT_IDS: Final = re.compile(
    r"(?:[\x1c\x1d\x1e]|\\x1[cdeCDE]|\\u001[cdeCDE]|<[FGR]S>)AM[0-9]{2}"
    r"|AM[0-9]{2}(?:[\x1c\x1d\x1e]|\\x1[cdeCDE]|\\u001[cdeCDE]|<[FGR]S>)"
)
"""A segment id (``AM01``) beside one of the control separators."""
_BY_SEPARATOR: Final = {
    separator: re.compile(rf"(?<={re.escape(separator)})({_IDS})([^|^*~\x1c\x1d\x1e\r\n\"']*)") for separator in "|^*~"
}
"""A field after a separator written as ``|``, ``^``, ``*`` or ``~`` (it runs to the next of any of them)."""
_KEYED: Final = re.compile(
    rf"""(?<![\w.&?/-])({_IDS})=(?:"([^"\n]{{1,80}})"|'([^'\n]{{1,80}})'"""
    rf"""|((?:(?![ ,;&|]+[A-Z0-9]{{2}}=)(?:[^\s"<>&;|\\]|[ ](?=[A-Z0-9]))){{1,80}}))"""
)
"""``C2=value``, ``CM="12 MAIN ST"``, ``CM=12 MAIN ST CN=...`` (a value without quotes runs to the next id,
over words that start with a capital or a digit; upper case ids only, not inside a word, a path or a query)."""


class NcpdpDetector(BaseDetector):
    """Patient, cardholder and employer fields of NCPDP D.0 pharmacy claims and responses."""

    gate = NCPDP
    name = "ncpdp"
    kinds = ("NAME", "DOB", "ADDRESS", "ZIP", "PHONE", "EMAIL", "MRN", "MEMBER_ID", "DATE", "ID")

    def find(self, text: str) -> Iterator[Span]:
        for field in _CONTROL.finditer(text):
            if field[2].strip():
                yield field.start(2), field.end(2), NCPDP_FIELDS[field[1]]
        if _SEGMENT_IDS.search(text) is not None:
            for field in _ANY_CONTROL.finditer(text):
                if field[2].strip():
                    yield field.start(2), field.end(2), NCPDP_FIELDS[field[1]]
        if "AM0" in text or "AM1" in text or "AM2" in text:
            separators = {found[1] or found[2] for found in SEGMENT_BESIDE.finditer(text)}
            for separator in sorted(separators):
                for field in _BY_SEPARATOR[separator].finditer(text):
                    if field[2].strip():
                        yield field.start(2), field.end(2), NCPDP_FIELDS[field[1]]
        keyed: list[tuple[str, int, str]] = []  # (field id, where its value starts, the value)
        if "=" in text:
            for found in _KEYED.finditer(text):
                group = 2 if found[2] is not None else 3 if found[3] is not None else 4
                value = found[group].rstrip(".,:;)") if group == 4 else found[group]
                keyed.append((found[1], found.start(group), value))
        if numbered_key(text) and (quoted := quoted_claim(text)) is not None:
            yield from quoted
        if keyed and keyed_claim({found[0] for found in keyed}, text):
            for field_id, start, value in keyed:
                kind = NCPDP_FIELDS[field_id]
                if plausible(kind, value):
                    yield start, start + len(value), kind
