"""DICOM attributes that identify a patient or their study, by tag and keyword, and the check that selects
the DICOM reader.

The table follows the patient, study, visit and procedure-step modules of the DICOM standard (PS3.3,
PS3.6) and the attributes its confidentiality profile (PS3.15 Annex E) removes. Provider names and
addresses (referring, performing physicians), the institution, the device and every UID are kept:
they are no person's identifiers, and instance UIDs are how imaging logs are followed.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["DICOM_KEYWORDS", "DICOM_TAGS", "KEYWORD", "dicom_gate", "is_dump"]

_TABLE: Final[tuple[tuple[str, str, str], ...]] = (
    # general study, series, equipment and SOP common: the dates and times of the imaging
    ("00080012", "InstanceCreationDate", "DATE"),
    ("00080013", "InstanceCreationTime", "DATE"),
    ("00080020", "StudyDate", "DATE"),
    ("00080021", "SeriesDate", "DATE"),
    ("00080022", "AcquisitionDate", "DATE"),
    ("00080023", "ContentDate", "DATE"),
    ("0008002A", "AcquisitionDateTime", "DATE"),
    ("00080030", "StudyTime", "DATE"),
    ("00080031", "SeriesTime", "DATE"),
    ("00080032", "AcquisitionTime", "DATE"),
    ("00080033", "ContentTime", "DATE"),
    ("00080050", "AccessionNumber", "ID"),
    # patient
    ("00100010", "PatientName", "NAME"),
    ("00100020", "PatientID", "MRN"),
    ("00100030", "PatientBirthDate", "DOB"),
    ("00100032", "PatientBirthTime", "DOB"),
    ("00101000", "OtherPatientIDs", "MRN"),
    ("00101001", "OtherPatientNames", "NAME"),
    ("00101005", "PatientBirthName", "NAME"),
    ("00101040", "PatientAddress", "ADDRESS"),
    ("00101050", "InsurancePlanIdentification", "MEMBER_ID"),
    ("00101060", "PatientMotherBirthName", "NAME"),
    ("00101090", "MedicalRecordLocator", "MRN"),
    ("00102152", "RegionOfResidence", "ADDRESS"),
    ("00102154", "PatientTelephoneNumbers", "PHONE"),
    ("00102155", "PatientTelecomInformation", "PHONE"),
    ("00102297", "ResponsiblePerson", "NAME"),
    # clinical trial subject
    ("00120040", "ClinicalTrialSubjectID", "ID"),
    ("00120042", "ClinicalTrialSubjectReadingID", "ID"),
    # study
    ("00200010", "StudyID", "ID"),
    ("00320032", "StudyVerifiedDate", "DATE"),
    ("00320034", "StudyReadDate", "DATE"),
    ("00321000", "ScheduledStudyStartDate", "DATE"),
    ("00321010", "ScheduledStudyStopDate", "DATE"),
    ("00321040", "StudyArrivalDate", "DATE"),
    ("00321050", "StudyCompletionDate", "DATE"),
    # visit
    ("00380010", "AdmissionID", "ACCOUNT"),
    ("0038001A", "ScheduledAdmissionDate", "DATE"),
    ("0038001C", "ScheduledDischargeDate", "DATE"),
    ("00380020", "AdmittingDate", "DATE"),
    ("00380021", "AdmittingTime", "DATE"),
    ("00380030", "DischargeDate", "DATE"),
    ("00380032", "DischargeTime", "DATE"),
    ("00380060", "ServiceEpisodeID", "ID"),
    # scheduled and performed procedure steps, imaging service requests
    ("00400002", "ScheduledProcedureStepStartDate", "DATE"),
    ("00400003", "ScheduledProcedureStepStartTime", "DATE"),
    ("00400004", "ScheduledProcedureStepEndDate", "DATE"),
    ("00400005", "ScheduledProcedureStepEndTime", "DATE"),
    ("00400244", "PerformedProcedureStepStartDate", "DATE"),
    ("00400245", "PerformedProcedureStepStartTime", "DATE"),
    ("00400250", "PerformedProcedureStepEndDate", "DATE"),
    ("00400251", "PerformedProcedureStepEndTime", "DATE"),
    ("00401001", "RequestedProcedureID", "ID"),
    ("00402004", "IssueDateOfImagingServiceRequest", "DATE"),
    ("00402016", "PlacerOrderNumberImagingServiceRequest", "ID"),
    ("00402017", "FillerOrderNumberImagingServiceRequest", "ID"),
)
DICOM_TAGS: Final[dict[str, str]] = {tag: kind for tag, _, kind in _TABLE}
"""Tag (eight hexadecimal digits, upper case) -> kind of the value."""
DICOM_KEYWORDS: Final[dict[str, str]] = {keyword: kind for _, keyword, kind in _TABLE}
"""DICOM keyword (``PatientBirthDate``) -> kind of the value."""
KEYWORD: Final = re.compile(
    r"(?<![\w.])(" + "|".join(sorted(DICOM_KEYWORDS, key=len, reverse=True)) + r")[\"']?[ \t]*[:=]"
)
"""A keyword of the table written as a key (``PatientID=``, ``"StudyDate": ``)."""


def dicom_gate(text: str) -> bool:
    """Whether ``text`` may hold a DICOM dump or the DICOM JSON model (keywords are words the gate looks up)."""
    return "(00" in text or ('"00' in text and '"Value"' in text)


_DUMP_LINE: Final = re.compile(r"^[ \t>|]*\([0-9A-Fa-f]{4},[ ]?[0-9A-Fa-f]{4}\)", re.MULTILINE)
"""A line of a tag dump: a tag first (indented, or marked as an item of a sequence)."""


def is_dump(text: str) -> bool:
    """Whether ``text`` is a tag dump: every line but one (a heading) opens with a tag."""
    lines = text.count("\n") + 1
    return lines > 1 and len(_DUMP_LINE.findall(text)) >= lines - 1
