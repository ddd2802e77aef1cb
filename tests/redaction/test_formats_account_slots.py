"""Account numbers, member ids and phones in every slot of HL7 v2, X12 and tables that carries them.

The same synthetic value is planted in each slot; the interchange's own numbers (control numbers, a
provider's NPI and tax id, a payer's id) and the text around a slot are kept.
"""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()
VALUES = ("QV48213377", "A-00417729", "8842-1190-37", "000731954402")
"""Account-like values of several shapes: letters before digits, a dash prefix, groups, leading zeros."""
PID = "PID|1||12345^^^HOSP^MR||QUARRIE^ODILE||19800101|F"
SUBMITTER = "NM1*41*2*ACME BILLING*****46*12345~PER*IC*BILLING OFFICE*TE*8005550199"


def _x12_claim_ref(qualifier: str, value: str) -> str:
    return f"CLM*PCN1*150***11:B:1*Y*A*Y*Y~DTP*472*D8*20240101~REF*{qualifier}*{value}~"


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("qualifier", ["EA", "EJ", "D9", "F8"])
def test_a_claims_reference_numbers_outside_a_persons_loop(qualifier: str, value: str) -> None:
    out = REDACTOR.redact_text(_x12_claim_ref(qualifier, value))
    assert value not in out, out
    assert f"REF*{qualifier}*[REDACTED:" in out


@pytest.mark.parametrize("qualifier", ["1W", "0F", "HJ", "IG", "Q4", "3H", "23", "6P", "1L", "F6", "49", "A6", "Y4"])
def test_a_members_reference_numbers_in_a_fragment_that_starts_after_its_name(qualifier: str) -> None:
    text = f"HL*3*2*22*0~TRN*1*93175-012547*9877281234~REF*{qualifier}*XQ7741902~"
    out = REDACTOR.redact_text(text)
    assert "XQ7741902" not in out and "93175-012547" in out, out


@pytest.mark.parametrize("separator", ["|", "^"])
def test_reference_segments_with_another_element_separator_and_no_header(separator: str) -> None:
    text = _x12_claim_ref("EA", "MR8821337").replace("*", separator)
    out = REDACTOR.redact_text(text)
    assert "MR8821337" not in out, out


@pytest.mark.parametrize("qualifier", ["HP", "CP", "TE", "WP", "FX"])
@pytest.mark.parametrize("position", [3, 5, 7])
def test_every_number_of_any_contact(qualifier: str, position: int) -> None:
    elements = ["PER", "IC", "JORDAN", "EM", "billing@example.org", "EX", "123"]
    elements[position : position + 2] = [qualifier, "6175550134"]
    out = REDACTOR.redact_text(f"NM1*41*2*ACME BILLING*****46*12345~{'*'.join(elements)}~")
    assert "6175550134" not in out, out


def test_the_insured_partys_contact_is_a_persons() -> None:
    out = REDACTOR.redact_text("REF*0F*W88213377~PER*IP**TE*6175550134*WP*6175550177~")
    assert "6175550134" not in out and "6175550177" not in out, out


def test_the_interchange_providers_and_payers_ids_are_kept() -> None:
    text = (
        "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240101*1200*^*00501*000000905*0*P*:~"
        "GS*HC*SUB*REC*20240101*1200*905*X*005010X222A1~ST*837*0001*005010X222A1~BHT*0019*00*0123*20240101*1200*CH~"
        f"{SUBMITTER}~NM1*85*2*NORTHSIDE CLINIC*****XX*1234567893~REF*EI*123456789~REF*G2*PRV8812~"
        "NM1*PR*2*ACME HEALTH PLAN*****PI*87726~REF*2U*87726~REF*G1*AUTH7788~SE*25*0001~GE*1*905~IEA*1*000000905~"
    )
    out = REDACTOR.redact_text(text)
    assert "8005550199" not in out, out  # the submitter's office line: every number of a PER is masked
    assert out == text.replace("TE*8005550199", "TE*[REDACTED:PHONE]")


@pytest.mark.parametrize("separator", ["|", "^"])
def test_a_providers_references_with_another_separator_are_kept(separator: str) -> None:
    text = f"REF{separator}G2{separator}PRV8812~REF{separator}EI{separator}123456789~REF{separator}EA{separator}MR77120"
    out = REDACTOR.redact_text(text)
    assert out.startswith(text[: text.rindex("MR77120")]) and "MR77120" not in out, out


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("separator", ["\r", "\n", "\\r", " "])
def test_the_alternate_visit_id_of_pv1(value: str, separator: str) -> None:
    pv1 = "PV1|1|I|W^1^1" + "|" * 47 + f"{value}^^^HOSP^VN"
    out = REDACTOR.redact_text(f"{PID}{separator}{pv1}")
    assert value not in out, out
    assert "PV1|1|I|W^1^1" in out


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("header", ["konto", "conto", "compte", "guarantor_account_id"])
def test_account_columns_in_more_languages(header: str, value: str) -> None:
    for text in (
        f"id,name,{header},created\n7,Odile Quarrie,{value},2024-01-03",
        f"UPDATE patients SET {header} = '{value}' WHERE id = 12",
        f'{{"row": 3, "{header}": "{value}", "status": "open"}}',
    ):
        out = REDACTOR.redact_text(text)
        assert value not in out, out
        assert header in out


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize(
    "header", ["visit_no", "visit_number", "encounter_no", "encounter_number", "fin_nbr", "csn", "alternate_visit_id"]
)
def test_visit_and_encounter_columns_in_a_table_about_people(header: str, value: str) -> None:
    for text in (
        f"mrn,{header},dob\n00123456,{value},1980-01-01",
        f"INSERT INTO patients (id, last_name, dob, {header}) VALUES (12, 'Quarrie', '1980-01-01', '{value}')",
    ):
        out = REDACTOR.redact_text(text)
        assert value not in out, out
    kept = f"batch,{header},status\nnightly,{value},ok"
    assert REDACTOR.redact_text(kept) == kept


@pytest.mark.parametrize("header", ["numero_afiliado", "afiliado", "carteirinha"])
def test_member_columns_in_spanish_and_portuguese(header: str) -> None:
    out = REDACTOR.redact_text(f"SELECT * FROM billing WHERE {header} = 'M6716401401'")
    assert "M6716401401" not in out, out


@pytest.mark.parametrize(
    "mapping",
    [
        {"visit": {"count": 3}},
        {"encounter_type": "ED"},
        {"visit_type": "telehealth"},
        {"fin_status": "done"},
        {"konto_typ": "giro"},
        {"account_id": "123456789012"},
    ],
)
def test_benign_keys_beside_the_new_ones_are_kept(mapping: dict[str, object]) -> None:
    assert REDACTOR.redact(mapping) == mapping


@pytest.mark.parametrize("key", ["PID-18", "pid_18", "PID.18", "PV1-19", "pv1_50", "MRG-3", "IN1-36", "IN1.49"])
@pytest.mark.parametrize("separator", ["=", ": ", " = "])
def test_a_field_of_an_hl7_segment_quoted_by_its_number(key: str, separator: str) -> None:
    out = REDACTOR.redact_text(f"parsed {key}{separator}QV48213377; status ok")
    assert "QV48213377" not in out and key in out and "status ok" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "ipv4=10.0.0.1 listening",
        "encoding utf-8: ok",
        "at 12:30 retry",
        "h2: enabled",
        "MSH-7=20240101 received",
        "PID1=4321 PID2=4411 started",
        "xPID-3=4411 yPV1-19=A1234567",
    ],
)
def test_keys_ending_in_a_number_that_name_no_hl7_field_of_a_person_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_a_remittances_payer_claim_number_and_a_status_reports_claim_number() -> None:
    out = REDACTOR.redact_text("CLP*PCN7781*1*150*100**MC*1234567890123*11*1~REF*1K*ICN4471902~SVC*HC:99213*150*100~")
    assert "1234567890123" not in out and "ICN4471902" not in out, out
    assert "*1*150*100**MC*" in out and "SVC*HC:99213*150*100" in out


def test_the_prior_alternate_visit_id_of_a_merge() -> None:
    out = REDACTOR.redact_text(f"{PID}\rMRG|MR1^^^H^MR||||V1|QV48213377")
    assert "QV48213377" not in out, out


@pytest.mark.parametrize("column", ["account", "Account ID", "csn", "har", "fin"])
def test_generic_account_columns_in_a_table_about_people(column: str) -> None:
    out = REDACTOR.redact_text(f"mrn,{column},dob\n00123456,884213990177,1980-01-01")
    assert "884213990177" not in out, out
    columns = f"id, last_name, dob, {column.replace(' ', '_')}"
    sql = f"INSERT INTO patients ({columns}) VALUES (12, 'Quarrie', '1980-01-01', 'A-35537757')"
    assert "A-35537757" not in REDACTOR.redact_text(sql)


@pytest.mark.parametrize(
    "text",
    [
        "service,account_id,region,count\nbilling,123456789012,us-east-1,4",
        "tenant,account,plan\nacme,884213990177,pro",
        "url,har,status\n/api/x,capture-0042.har,200",
    ],
)
def test_generic_account_columns_of_a_table_about_no_person_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
