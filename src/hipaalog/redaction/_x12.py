"""X12 270/271 eligibility and 837 claim segments in text, by segment and qualifier.

A person's loop starts at an ``NM1`` naming a subscriber, patient, dependent or other person
(``NM1*IL``, ``NM1*QC``, ``NM1*03``...; providers and payers are not PHI), and runs to the next
``NM1``. Inside it: the name and id of the ``NM1``, ``N3`` street lines, ``N4`` city and ZIP,
``DMG`` birth date, ``REF`` identifiers and ``PER`` contacts. Everywhere: a person's or a claim's ``REF`` numbers
(``SY`` an SSN, ``EA`` a chart, ``EJ`` an account, ``1W`` a member...), the numbers of any ``PER``, ``DTP``
dates (service, admission, discharge, eligibility), ``DTM`` dates of care and coverage (835 claim
statement dates ``232``/``233``, ``050`` received, ``472`` service...), the patient control number of ``CLM`` and
the insured's group or policy number of ``SBR`` (an 837's subscriber) and ``COB`` (an 834's other coverage).
Elements are separated by ``*`` (or what the ``ISA`` header declares; ``|`` or ``^`` read from a
``NM1``, ``DMG``, ``REF`` or ``PER`` without one); segments end at ``~``, a line end (raw or escaped), any other
mark right before the next segment (``'NM1*``), or where the next segment starts after whitespace.
Each segment is read once: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import X12_HEADER as ISA
from ._cues import X12_OTHER_SEPARATOR
from ._detector import BaseDetector, Span
from ._format_case import lower_x12, upper_view
from ._gate import X12

__all__ = ["X12Detector"]

_SEGMENT_IDS: Final = r"(?<![A-Za-z0-9])(?:NM1|N3|N4|DMG|REF|PER|DTP|DTM|CLM|CLP|INS|PAT|SBR|COB)"
_NEXT: Final = (
    "ISA|GS|BHT|HL|TRN|NM1|N3|N4|REF|PER|DMG|INS|DTP|DTM|EQ|EB|MSG|III|AAA|SE|GE|IEA|CLM|HI|SBR|PAT|PRV|SV1|SV2|LX|"
    "AMT|NTE|OI|CAS|SVD|K3|QTY|HSD|LS|LE|PWK|CN1|CR1|CRC|HCP|MOA|CLP|SVC|BPR|TRN|N1|PLB"
)
_PATTERNS: Final[dict[str, tuple[re.Pattern[str], re.Pattern[str]]]] = {}


def _patterns(separator: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The segments read and where each ends, for an element ``separator``.

    A segment ends at ``~`` (unless it separates elements), a line end (raw or escaped), the end of a
    quoted string, any other mark right before the next segment (``'NM1*``, ``!REF*``), or the next
    segment after whitespace (``ST`` is left out: it is a street too).
    """
    found = _PATTERNS.get(separator)
    if found is None:
        mark = re.escape(separator)
        terminator = "~" if separator != "~" else "'"
        found = (
            re.compile(rf"{_SEGMENT_IDS}{mark}"),
            re.compile(
                rf"[{terminator}\r\n\"]|\\[rn]|'(?![\w'])|(?<=\s)(?:{_NEXT}){mark}"
                rf"|[^A-Za-z0-9\s{mark}](?=(?:{_NEXT}){mark})"
            ),
        )
        _PATTERNS[separator] = found
    return found


_PERSON_ENTITIES: Final = frozenset(
    {"IL", "QC", "03", "74", "QD", "S1", "S3", "QB", "GB", "6Y", "9K", "E9", "J6", "36", "31", "70", "GD", "E1", "EXS"}
)
"""NM1 entity codes of people (insured, patient, dependent, responsible party, a member's mailing address, a prior
incorrect insured, a guardian...) and employers."""
_NAME_ELEMENTS: Final = (3, 4, 5, 7)
_ID_QUALIFIER_AT: Final = (8, 7, 9, 6)
"""Where an ``NM1``'s id code qualifier stands (``NM108``), or one element off in text written by hand."""
_REF_ANYWHERE: Final = {
    "SY": "SSN",
    "EA": "MRN",
    "EJ": "ACCOUNT",
    "D9": "ACCOUNT",
    "F8": "ACCOUNT",
    "1K": "ACCOUNT",
    **dict.fromkeys(("1W", "0F", "HJ", "IG", "Q4", "3H", "23", "6P", "1L", "F6", "49", "A6", "Y4"), "MEMBER_ID"),
}
"""``REF`` qualifiers that name a person's or a claim's number whatever loop they stand in (a claim's ``REF*EA``
medical record number, ``REF*EJ`` patient account, ``REF*D9``/``REF*F8``/``REF*1K`` claim numbers; a member's
``REF*1W``, ``0F``, ``HJ``, ``IG``... in a fragment that starts after its ``NM1``). A provider's (``0B``, ``1G``,
``G2``, ``EI``, ``TJ``), a payer's (``2U``, ``FY``), an authorisation's (``G1``, ``9F``) and a trace's stay."""
_REF_IDS: Final = frozenset({"N6", "ABY", "ABB", "4A", "ZZ", "17"})
"""Other ids, read in a person's loop only."""
_ID_KINDS: Final = {"34": "SSN", "MI": "MEMBER_ID", "II": "MEMBER_ID", "ZZ": "MEMBER_ID", "24": "ID"}
_DTM_CARE: Final = frozenset(
    {"232", "233", "050", "036", "472", "150", "151", "434", "435", "096", "090", "091", "304", "307", "356", "357"}
)
"""``DTM`` qualifiers of a person's care or coverage (claim statement period, received, service, admission,
discharge, eligibility, coverage expiration); the others (``405`` production, ``009`` processed) are the payer's."""
_PER_VALUES: Final = {"TE": "PHONE", "HP": "PHONE", "WP": "PHONE", "CP": "PHONE", "FX": "FAX", "EM": "EMAIL"}
_PER_NUMBERS: Final = frozenset({"TE", "HP", "WP", "CP", "FX"})
"""Every number of any ``PER``, whoever's contact it is: a submitter's or a provider's own line is masked too (a number
in a claim file is not worth telling apart from a patient's; the contact's department name stays)."""


def _nm1_elements(elements: list[str]) -> list[tuple[int, str]]:
    """A person's ``NM1``: the parts of the name, and the id after its qualifier (``MI``, ``34``...), looked for
    at ``NM108`` first, then one element either side (a hand-written segment with a ``*`` too few or too many)."""
    qualifier = next(
        (index for index in _ID_QUALIFIER_AT if index + 1 < len(elements) and elements[index] in _ID_KINDS), None
    )
    if qualifier is None:
        found = [(index, "NAME") for index in _NAME_ELEMENTS]
        if len(elements) > 9:
            found.append((9, _ID_KINDS.get(elements[8], "MEMBER_ID")))
        return found
    found = [(index, "NAME") for index in (3, 4, 5, 6, 7) if index < qualifier]
    found.append((qualifier + 1, _ID_KINDS[elements[qualifier]]))
    return found


class X12Detector(BaseDetector):
    """Names, ids, addresses, birth dates, contacts and dates of people in X12 270/271/837 text."""

    gate = X12
    name = "x12"
    kinds = (
        "NAME",
        "MEMBER_ID",
        "SSN",
        "ID",
        "ADDRESS",
        "ZIP",
        "DOB",
        "DATE",
        "ACCOUNT",
        "MRN",
        "PHONE",
        "FAX",
        "EMAIL",
    )

    def find(self, text: str) -> Iterator[Span]:
        if lower_x12(text):
            text = upper_view(text)  # nm1*il*1*roe*jane: the same offsets, read as written upper case
        separator = "*"
        if "ISA" in text and (isa := ISA.search(text)) is not None:
            separator = isa[1]  # the interchange header names the element separator
        elif "NM1*" not in text and (other := X12_OTHER_SEPARATOR.search(text)) is not None:
            separator = other[1]  # NM1|IL|1|ROE|JANE: another separator, no header
        elif "*" not in text:
            return
        segments, ends = _patterns(separator)
        done = 0
        person = False
        for match in segments.finditer(text):
            start = match.start()
            if start < done:
                continue
            end_match = ends.search(text, match.end())
            end = end_match.start() if end_match else len(text)
            done = end
            elements = text[start:end].split(separator, 16)
            offsets = [start]
            for element in elements[:-1]:
                offsets.append(offsets[-1] + len(element) + 1)
            segment = elements[0]
            if segment == "NM1":
                person = len(elements) > 1 and elements[1] in _PERSON_ENTITIES
            elif segment == "INS":
                person = True  # an 834 member's loop: its REF ids come before the member's NM1
            for index, kind in self._elements(segment, elements, person):
                if index < len(elements) and elements[index].strip():
                    yield offsets[index], offsets[index] + len(elements[index]), kind

    @staticmethod
    def _elements(segment: str, elements: list[str], person: bool) -> list[tuple[int, str]]:
        """``(element index, kind)`` of the PHI elements of one segment."""
        qualifier = elements[1] if len(elements) > 1 else ""
        if segment == "DTP":
            return [(3, "DATE")]
        if segment == "DTM":
            return [(2, "DATE"), (6, "DATE")] if qualifier in _DTM_CARE else []
        if segment == "CLM":
            return [(1, "ACCOUNT")]  # the patient control number of an 837 claim
        if segment == "PAT":
            return [(6, "DATE")] if len(elements) > 6 and elements[5] in {"D8", "DT"} else []  # a date of death
        if segment == "SBR":
            return [(3, "MEMBER_ID")]  # the insured's group or policy number
        if segment == "COB":
            return [(2, "MEMBER_ID")]  # the policy number of a member's other coverage
        if segment == "CLP":
            return [(1, "ACCOUNT"), (7, "ACCOUNT")]  # an 835 payment's patient control and payer claim numbers
        if segment == "REF" and qualifier in _REF_ANYWHERE:
            return [(2, _REF_ANYWHERE[qualifier])]  # an SSN, a chart, an account or a member's id, whatever the loop
        if segment == "PER" and not person and qualifier != "IP":
            return [
                (index + 1, _PER_VALUES[elements[index]])
                for index in (3, 5, 7)
                if index < len(elements) and elements[index] in _PER_NUMBERS
            ]
        if not person and not (segment == "PER" and qualifier == "IP"):
            return []  # PER*IP: the insured party's own contact
        if segment == "NM1":
            return _nm1_elements(elements)
        if segment == "N3":
            return [(1, "ADDRESS"), (2, "ADDRESS")]
        if segment == "N4":
            return [(1, "ADDRESS"), (3, "ZIP")]
        if segment == "DMG":
            return [(2, "DOB")]
        if segment == "REF":
            return [(2, "MEMBER_ID")] if qualifier in _REF_IDS else []
        if segment == "PER":
            found = [(2, "NAME")]
            for index in (3, 5, 7):
                kind = _PER_VALUES.get(elements[index] if index < len(elements) else "")
                if kind:
                    found.append((index + 1, kind))
            return found
        return []
