"""Format slots that were read nowhere: HL7 scheduling, financial and pre-certification segments, OBX-5 by its
value type, IN1 and X12 NM1 ids one field off, more X12 person loops and REF qualifiers, and SQL literals whose
column is an alias, a row's column list, an ``INSERT ... SELECT``'s or a ``COPY``'s. Values are made up."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._hl7 import Hl7Detector

REDACTOR = Redactor()
HEAD = (
    "MSH|^~\\&|EHR|HOSP|LAB|HOSP|20240101120000||SIU^S12|88213|P|2.5\rPID|1||4471902^^^HOSP^MR||Quist^Odalys||19810417"
)


def _masked(text: str, secrets: tuple[str, ...], kept: tuple[str, ...] = ()) -> str:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, (secret, out)
    for word in kept:
        assert word in out, (word, out)
    return out


@pytest.mark.parametrize(
    ("segment", "secrets"),
    [
        ("SCH|5512|7713|||||ROUTINE|NORMAL|30|MIN|^^30^202403051030^202403051100", ("202403051030", "202403051100")),
        ("AIP|1||1234567^SMITH^ADAM|||202403051030|||30|MIN", ("202403051030",)),
        ("AIS|1||99213^Office visit^CPT|202403051030", ("202403051030",)),
        ("AIL|1||CLINIC^2^B|||202403051030", ("202403051030",)),
        ("TQ1|1||||||202403051030|202403061030", ("202403051030", "202403061030")),
        ("FT1|1|||20240305|20240306|CG|99213^Office visit^CPT|||1|125.00", ("20240305", "20240306")),
        ("IN3|1|CERT8812734||||20240301|||20240302|20240310", ("CERT8812734", "20240301", "20240302", "20240310")),
    ],
    ids=["SCH-11", "AIP-6", "AIS-4", "AIL-6", "TQ1-7/8", "FT1-4/5", "IN3"],
)
def test_scheduling_financial_and_certification_fields(segment: str, secrets: tuple[str, ...]) -> None:
    text = f"{HEAD}\r{segment}"
    _masked(text, secrets, kept=(segment[:3] + "|",))
    read = " ".join(text[start:end] for start, end, _ in Hl7Detector().find(text))
    for secret in secrets:
        assert secret in read, (secret, read)  # read by its slot, not left to a date's shape


def test_appointment_without_a_patient_keeps_its_dates() -> None:
    text = (
        "MSH|^~\\&|EHR|HOSP|LAB|HOSP|20240101||SIU^S12|1|P|2.5\rSCH|5512|7713|||||ROUTINE|NORMAL|30|MIN|^^30^2024030510"
    )
    assert "2024030510" in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("value_type", "value", "kind"),
    [
        ("DT", "20190704", "DATE"),
        ("TS", "201907041230", "DATE"),
        ("XPN", "Quist^Milo", "NAME"),
        ("XTN", "^PRN^PH^^1^617^5550134", "PHONE"),
        ("XAD", "9 Elm St^^Salem^MA^01970", "ADDRESS"),
    ],
)
def test_observation_value_typed_as_a_date_name_or_phone(value_type: str, value: str, kind: str) -> None:
    text = f"{HEAD}\rOBX|1|{value_type}|8665-2^LMP^LN||{value}||||||F"
    out = _masked(text, (value,), kept=("8665-2",))
    assert f"|{value_type}|" in out
    assert (text.index(value), text.index(value) + len(value), kind) in set(Hl7Detector().find(text))


def test_numeric_observation_stays() -> None:
    _masked(f"{HEAD}\rOBX|1|NM|2345-7^Glucose^LN||105|mg/dL|70-99|H|||F", (), kept=("|105|mg/dL|70-99|",))


def test_insurance_ids_one_field_off() -> None:
    fields = ["IN1", "1", "BCBS01", "60054", "BLUE CROSS", "PO BOX 1^^ATLANTA^GA^30301", "8005550100"] + [""] * 45
    fields[9] = "7713002"  # the group number one field late
    fields[37] = "XEH771300219"  # the policy number one field late
    fields[48] = "W88213007"  # the insured's id one field early
    out = _masked(f"{HEAD}\r" + "|".join(fields), ("7713002", "XEH771300219", "W88213007"), kept=("BCBS01", "60054"))
    assert "8005550100" in out  # the insurer's phone in IN1-7 is no member's id


@pytest.mark.parametrize(
    "nm1",
    ["NM1*IL*1*QUIST*ODALYS*A**MI*XGH123456789", "NM1*IL*1*QUIST*ODALYS*****MI*XGH123456789"],
    ids=["one-star-short", "one-star-over"],
)
def test_x12_member_id_one_element_off(nm1: str) -> None:
    _masked(f"ST*270*0001~{nm1}~DMG*D8*19810417~", ("XGH123456789", "QUIST", "ODALYS", "19810417"), kept=("*MI*",))


def test_x12_mailing_address_loop_and_date_of_death() -> None:
    text = (
        "ST*834*0001~INS*Y*18*021*28*A***FT~REF*0F*219099999~NM1*IL*1*QUIST*ODALYS~NM1*31*1~N3*12 ALDER ROW~"
        "N4*SALEM*MA*01970~REF*G1*PA778812~REF*9F*RF99812~HCR*A1*CERT88123~PAT*19****D8*20240105~"
        "NM1*PR*2*ACME HEALTH*****PI*12345~REF*TJ*123456789~"
    )
    secrets = ("12 ALDER ROW", "SALEM", "01970", "20240105")
    _masked(text, secrets, kept=("ACME HEALTH", "12345", "REF*TJ*123456789", "REF*G1*PA778812", "HCR*A1*CERT88123"))


@pytest.mark.parametrize(
    "statement",
    [
        "MERGE INTO members m USING (SELECT 'XEH771300219' AS member_id, 'Quist' AS last_name) s ON m.id = s.id",
        "WITH x AS (SELECT 'XEH771300219'::text AS member_id, 'Quist' AS last_name) SELECT * FROM x",
        "UPDATE members SET (member_id, last_name) = ('XEH771300219', 'Quist') WHERE id = 3",
        "INSERT INTO members (member_id, last_name) SELECT 'XEH771300219', 'Quist'",
        "REPLACE INTO members (member_id, last_name) VALUES ('XEH771300219', 'Quist')",
        "INSERT OR REPLACE INTO members (member_id, last_name) VALUES ('XEH771300219', 'Quist')",
        "COPY members (member_id, last_name, plan) FROM STDIN;\nXEH771300219\tQuist\tGOLD\n\\N\tOdalys\tSILVER\n\\.",
        "COPY members (member_id, last_name) FROM STDIN WITH (FORMAT csv);\nXEH771300219,Quist\n\\.",
    ],
    ids=["merge", "cte-cast", "row-set", "insert-select", "replace", "insert-or-replace", "copy-text", "copy-csv"],
)
def test_sql_literals_named_away_from_values(statement: str) -> None:
    _masked(statement, ("XEH771300219", "Quist"), kept=("member_id",))


def test_sql_benign_aliases_rows_and_copy_stay() -> None:
    statement = (
        "SELECT count(*) AS total, 'billing-service' AS service_name, 'cardiology' AS name FROM jobs;\n"
        "UPDATE jobs SET (status, worker) = ('done', 'claims-api-2') WHERE id = 7;\n"
        "COPY metrics (ts, service, count) FROM STDIN;\n2024-01-02\tclaims-api\t41\n\\.\ndone"
    )
    _masked(statement, (), kept=("'billing-service'", "'cardiology'", "'claims-api-2'", "claims-api\t41", "done"))
