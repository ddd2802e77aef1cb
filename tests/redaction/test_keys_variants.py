"""Field names as applications spell them: qualifiers, abbreviations, reordered words, in dicts, key=value text and CSV.

Every value here is made up; each case names one spelling of a PHI field that the catalogue's plain
terms alone did not know, and the benign names beside them that must stay untouched.
"""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

VALUES = {
    "NAME": "Quillane",
    "DOB": "1966-04-03",
    "MRN": "8812345",
    "SSN": "287654321",
    "PHONE": "6175550143",
    "DATE": "2021-05-06",
    "ZIP": "80331",
    "ADDRESS": "Lindenweg",
    "PATIENT": "P00482913",
    "MEMBER_ID": "XQZ884213907",
}

QUALIFIED = [
    ("mrn_no", "MRN"),
    ("emr_id", "MRN"),
    ("ehr_number", "MRN"),
    ("hospital_no", "MRN"),
    ("mrNumber", "MRN"),
    ("pat_id", "PATIENT"),
    ("ptNo", "PATIENT"),
    ("health_plan_id", "MEMBER_ID"),
    ("municipality", "ADDRESS"),
    ("addressLocality", "ADDRESS"),
    ("mrn_str", "MRN"),
    ("MrnNum", "MRN"),
    ("med_rec_num", "MRN"),
    ("patient_mrn_raw", "MRN"),
    ("dob_str", "DOB"),
    ("dobIso", "DOB"),
    ("birthdate_raw", "DOB"),
    ("dt_of_birth", "DOB"),
    ("date_birth", "DOB"),
    ("bday", "DOB"),
    ("old_dob", "DOB"),
    ("patient_dob_value", "DOB"),
    ("last_name_raw", "NAME"),
    ("surname_str", "NAME"),
    ("name_last", "NAME"),
    ("nameFirst", "NAME"),
    ("pt_nm", "NAME"),
    ("first_nm", "NAME"),
    ("patientLastNameValue", "NAME"),
    ("family_name_normalized", "NAME"),
    ("ssn_raw", "SSN"),
    ("ssn_encrypted_plain", "SSN"),
    ("ssn_patient", "SSN"),
    ("mobile_raw", "PHONE"),
    ("phone_home", "PHONE"),
    ("phone_formatted", "PHONE"),
    ("zip_cd", "ZIP"),
]

BENIGN_KEYS = [
    "name",
    "name_raw",
    "service_name",
    "service_name_raw",
    "file_name",
    "host_name",
    "date",
    "date_str",
    "created_at",
    "updated_date",
    "build_date",
    "build_dt",
    "created_dt",
    "timestamp_last",
    "page_first",
    "dob_format",
    "zip_file",
    "phone_type",
    "address_family",
    "server_ip_str",
]


@pytest.mark.parametrize(("key", "kind"), QUALIFIED)
def test_qualified_field_names_are_phi_in_dicts(key: str, kind: str) -> None:
    assert Redactor().redact({key: VALUES[kind]}) == {key: f"[REDACTED:{kind}]"}


@pytest.mark.parametrize(("key", "kind"), QUALIFIED)
def test_qualified_field_names_are_phi_in_key_value_text(key: str, kind: str) -> None:
    assert Redactor().redact_text(f"sync {key}={VALUES[kind]} status=ok") == f"sync {key}=[REDACTED:{kind}] status=ok"


def test_qualified_field_names_are_phi_as_csv_headers() -> None:
    header = "name_last,dob_str,mrn_no,status"
    row = f"{VALUES['NAME']},{VALUES['DOB']},{VALUES['MRN']},active"
    assert (
        Redactor().redact_text(f"{header}\n{row}") == f"{header}\n[REDACTED:NAME],[REDACTED:DOB],[REDACTED:MRN],active"
    )


@pytest.mark.parametrize("key", BENIGN_KEYS)
def test_benign_look_alikes_keep_their_value(key: str) -> None:
    record = {key: "ledger-sync"}
    assert Redactor().redact(record) == record
    assert Redactor().redact_text(f"{key}=ledger-sync") == f"{key}=ledger-sync"


@pytest.mark.parametrize(
    ("key", "pieces", "kind"),
    [
        ("ssn_parts", [287, 65, 4321], "SSN"),
        ("phone_digits", ["617", "555", "0143"], "PHONE"),
        ("dob_components", [1966, 4, 3], "DOB"),
    ],
)
def test_an_identifier_split_into_pieces_is_masked_whole(key: str, pieces: list[object], kind: str) -> None:
    assert Redactor().redact({key: pieces}) == {key: f"[REDACTED:{kind}]"}


def test_pieces_of_plain_things_stay() -> None:
    record = {"version_parts": [1, 2, 3], "name_parts": ["billing", "api"], "path_segments": ["v1", "claims"]}
    assert Redactor().redact(record) == record


@pytest.mark.parametrize("key", ["soc_sec_no", "socsec", "tin", "tax_id", "taxId", "ssn_full", "ssn_last4_full"])
def test_more_names_of_a_social_security_or_taxpayer_number(key: str) -> None:
    out = Redactor().redact({"patient": {key: "219099999"}})
    assert "219099999" not in str(out)
