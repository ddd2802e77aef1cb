"""DICOM attributes by tag and keyword: the patient's, study's and visit's identifying ones masked, the rest kept."""

from __future__ import annotations

import json

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._dicom import DicomDetector
from hipaalog.redaction._gate import TABLE, gate

REDACTOR = Redactor()
TAGS = [
    ("0008,0020", "DA", "Study Date", "StudyDate", "20240611"),
    ("0008,0030", "TM", "Study Time", "StudyTime", "101522"),
    ("0008,0050", "SH", "Accession Number", "AccessionNumber", "RAD7781204"),
    ("0010,0010", "PN", "Patient's Name", "PatientName", "QUIST^ODALYS"),
    ("0010,0020", "LO", "Patient ID", "PatientID", "70931846"),
    ("0010,0030", "DA", "Patient's Birth Date", "PatientBirthDate", "19660721"),
    ("0010,1001", "PN", "Other Patient Names", "OtherPatientNames", "TER HORST^ODALYS"),
    ("0010,1060", "PN", "Patient's Mother's Birth Name", "PatientMotherBirthName", "VELDKAMP"),
    ("0010,1040", "LO", "Patient's Address", "PatientAddress", "12 Alder Row, Salem"),
    ("0038,0020", "DA", "Admitting Date", "AdmittingDate", "20240610"),
    ("0040,0244", "DA", "Performed Procedure Step Start Date", "PerformedProcedureStepStartDate", "20240611"),
]
KEPT = [
    ("0008,0060", "CS", "Modality", "Modality", "MR"),
    ("0028,0010", "US", "Rows", "Rows", "512"),
    ("0008,0016", "UI", "SOP Class UID", "SOPClassUID", "1.2.840.10008.5.1.4.1.1.4"),
    ("0002,0010", "UI", "Transfer Syntax UID", "TransferSyntaxUID", "1.2.840.10008.1.2.1"),
    ("0010,0040", "CS", "Patient's Sex", "PatientSex", "F"),
]
SECRETS = [value for *_, value in TAGS]


def _dcmdump() -> str:
    lines = [f"({t}) {vr} [{v}]".ljust(50) + f"# {len(v):3d}, 1 {kw}" for t, vr, _, kw, v in TAGS + KEPT]
    return "\n".join(lines)


def _pydicom() -> str:
    return "\n".join(f"({t[:4]}, {t[5:]}) {label:<36} {vr}: '{v}'" for t, vr, label, _, v in TAGS + KEPT)


def _json_model() -> str:
    model: dict[str, object] = {}
    for t, vr, _, _, v in TAGS + KEPT:
        model[t.replace(",", "")] = {"vr": vr, "Value": [{"Alphabetic": v} if vr == "PN" else v]}
    return json.dumps(model)


@pytest.mark.parametrize(
    "text",
    [
        _dcmdump(),
        _pydicom(),
        "W: storage failed for dataset:\n" + _dcmdump(),
        json.dumps({"dump": _pydicom()}),
        _json_model(),
        " ".join(f"{kw}={v.replace(' ', '_')}" for *_, kw, v in TAGS + KEPT if "^" not in v),
        ", ".join(f"{kw}: {v}" for *_, kw, v in TAGS + KEPT if " " not in v and "^" not in v),
    ],
    ids=["dcmdump", "pydicom", "headed-dump", "json-string", "dicom-json", "keywords-equals", "keywords-colon"],
)
def test_identifying_tags_are_masked_and_others_kept(text: str) -> None:
    out = REDACTOR.redact_text(text)
    for secret in SECRETS:
        for form in (secret, secret.replace(" ", "_")):
            if form in text:
                assert form not in out, (form, out)
    for *_, value in KEPT:
        if value in text:
            assert value in out, (value, out)


def test_tags_are_typed_by_the_table() -> None:
    text = _dcmdump()
    found = {text[a:b]: kind for a, b, kind in DicomDetector().find(text)}
    assert found["70931846"] == "MRN" and found["19660721"] == "DOB" and found["20240611"] == "DATE"
    assert found["TER HORST^ODALYS"] == "NAME" and found["RAD7781204"] == "ID"
    assert not {"MR", "512", "F"} & set(found)


def test_a_dump_is_no_table() -> None:
    assert not gate(_dcmdump()) & TABLE


@pytest.mark.parametrize(
    "text",
    [
        "(0008,0060) CS [CT]  # 2, 1 Modality\n(0028,0011) US 512  # 2, 1 Columns",
        "retry (0020,000D) UI [1.2.826.0.1.3680043.8.498.1]",
        "pool (0002,0010) transfer syntax 1.2.840.10008.1.2",
        "StudyDescription=CT HEAD W/O, Modality=CT",
    ],
)
def test_non_identifying_attributes_are_kept(text: str) -> None:
    assert list(DicomDetector().find(text)) == []


def test_dicom_keys_of_an_object_are_field_names() -> None:
    model = json.loads(_json_model())
    out = json.dumps(REDACTOR.redact({"dataset": model, **{kw: v for *_, kw, v in TAGS + KEPT}}))
    for secret in SECRETS:
        assert secret not in out, (secret, out)
    for *_, value in KEPT:
        assert value in out
