"""Which fields of HL7 v2 segments hold PHI (v2.5.1 positions), shared by the text detector and the key rules.

A field is masked whole: its components (``^``), repetitions (``~``) and subcomponents (``&``).
Provider fields (attending doctor, primary care provider) are not about the patient and stay.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CARE_SEGMENTS",
    "HL7_FIELDS",
    "HL7_MARKS",
    "HL7_SEGMENTS",
    "OBSERVATION_SEGMENTS",
    "hl7_field_kind",
    "hl7_observation_kind",
]

HL7_FIELDS: Final[dict[str, dict[int, str]]] = {
    "PID": {
        2: "MRN",
        3: "MRN",
        4: "MRN",
        5: "NAME",
        6: "NAME",
        7: "DOB",
        9: "NAME",
        11: "ADDRESS",
        12: "ADDRESS",
        13: "PHONE",
        14: "PHONE",
        18: "ACCOUNT",
        19: "SSN",
        20: "LICENSE",
        21: "ID",
        23: "ADDRESS",
        29: "DATE",
    },
    "PD1": {12: "ID"},
    "NK1": {
        2: "NAME",
        4: "ADDRESS",
        5: "PHONE",
        6: "PHONE",
        8: "DATE",
        9: "DATE",
        10: "NAME",
        11: "ID",
        12: "ID",
        13: "NAME",
        16: "DOB",
        30: "NAME",
        31: "PHONE",
        32: "ADDRESS",
        33: "ID",
        37: "SSN",
    },
    "GT1": {
        2: "ID",
        3: "NAME",
        4: "NAME",
        5: "ADDRESS",
        6: "PHONE",
        7: "PHONE",
        8: "DOB",
        12: "SSN",
        13: "DATE",
        14: "DATE",
        16: "NAME",
        17: "ADDRESS",
        18: "PHONE",
        19: "ID",
    },
    "IN1": {
        8: "MEMBER_ID",  # the group number (X12 REF*6P alike)
        10: "ID",  # the insured's id at the employer group
        12: "DATE",
        13: "DATE",
        16: "NAME",
        18: "DOB",
        19: "ADDRESS",
        24: "DATE",
        26: "DATE",
        29: "DATE",
        36: "MEMBER_ID",
        44: "NAME",
        49: "MEMBER_ID",
    },
    "IN3": {2: "ID", 6: "DATE", 7: "DATE", 9: "DATE", 10: "DATE"},  # a pre-certification: its number and dates
    "IN2": {
        1: "ID",
        2: "SSN",
        3: "NAME",
        6: "MEMBER_ID",
        7: "NAME",
        8: "MEMBER_ID",
        9: "NAME",
        10: "ID",
        61: "MEMBER_ID",
        63: "PHONE",
        64: "PHONE",
    },  # IN2-7 the Medicaid case's name, IN2-9 and IN2-10 a military sponsor's name and id
    "PV1": {19: "ACCOUNT", 44: "DATE", 45: "DATE", 50: "ACCOUNT"},  # PV1-50: the alternate visit id
    "MRG": {1: "MRN", 2: "MRN", 3: "ACCOUNT", 4: "MRN", 5: "ACCOUNT", 6: "ACCOUNT", 7: "NAME"},
    # Segments of a patient's care: their dates say when it happened to the patient of the message.
    "EVN": {3: "DATE", 6: "DATE"},
    "PV2": {8: "DATE", 9: "DATE", 26: "DATE", 29: "DATE", 33: "DATE", 46: "DATE", 47: "DATE", 48: "DATE"},
    "ACC": {1: "DATE"},
    "DG1": {5: "DATE", 19: "DATE"},
    "PR1": {5: "DATE"},
    "AL1": {6: "DATE"},
    "ORC": {7: "DATE", 9: "DATE", 15: "DATE", 27: "DATE"},  # ORC-7 quantity/timing holds the start and end
    "OBR": {6: "DATE", 7: "DATE", 8: "DATE", 14: "DATE", 22: "DATE", 36: "DATE"},
    "OBX": {14: "DATE", 19: "DATE"},
    "SPM": {17: "DATE", 18: "DATE"},
    "RXA": {3: "DATE", 4: "DATE"},
    "TXA": {4: "DATE", 6: "DATE", 7: "DATE", 8: "DATE"},
    # A patient's appointment (SIU): its timing and each resource's start; a financial transaction's dates (DFT).
    "SCH": {11: "DATE"},
    "TQ1": {7: "DATE", 8: "DATE"},
    "AIS": {4: "DATE"},
    "AIG": {8: "DATE"},
    "AIL": {6: "DATE"},
    "AIP": {6: "DATE"},
    "FT1": {4: "DATE", 5: "DATE"},
}
"""Segment -> field number (as HL7 counts: ``PID-5``) -> the kind of PHI it holds. The dates of
the care segments (``EVN-6``, the event occurred: an admission) are about a person only in a
message that has a ``PID``; ``MSH-7`` and ``EVN-2`` (when the message was made or recorded) stay."""

CARE_SEGMENTS: Final = frozenset(
    {"EVN", "PV2", "ACC", "DG1", "PR1", "AL1", "ORC", "OBR", "OBX", "SPM", "RXA", "TXA"}
    | {"SCH", "TQ1", "AIS", "AIG", "AIL", "AIP", "FT1"}
)
"""Segments whose fields are PHI only beside a patient (``PID``) segment: dates of events, orders,
results and documents, which alone say nothing about anyone."""
OBSERVATION_SEGMENTS: Final = CARE_SEGMENTS
"""The former name of :data:`CARE_SEGMENTS`."""

HL7_SEGMENTS: Final = tuple(HL7_FIELDS)
HL7_MARKS: Final = tuple(f"{segment}|" for segment in HL7_FIELDS)
"""A segment id and its field separator: the gate selects the HL7 detector when one is in the text."""


def hl7_field_kind(segment: str, field: int) -> str | None:
    """The kind of PHI in field ``field`` of ``segment`` (upper case), or ``None`` (observation
    segments too: a parsed field alone does not say whether a patient is in the message)."""
    fields = HL7_FIELDS.get(segment) if segment not in CARE_SEGMENTS else None
    return None if fields is None else fields.get(field)


def hl7_observation_kind(segment: str, field: int) -> str | None:
    """The kind of PHI in field ``field`` of a care segment (``OBR-7``: the date the observation was
    made; ``EVN-6``: when the admission happened) when the message, or the parsed mapping, also holds a patient."""
    return HL7_FIELDS[segment].get(field) if segment in CARE_SEGMENTS else None
