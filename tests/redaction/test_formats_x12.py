"""X12 270/271/837 by segment and qualifier: people's loops masked, providers and payers kept."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._x12 import X12Detector

REDACTOR = Redactor()
ELIGIBILITY = (
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~"
    "GS*HS*S*R*20240101*1200*1*X*005010X279A1~ST*270*0001*005010X279A1~BHT*0022*13*10001234*20240101*1200~"
    "HL*1**20*1~NM1*PR*2*ACME HEALTH*****PI*12345~HL*2*1*21*1~NM1*1P*2*BONE CLINIC*****XX*1234567893~"
    "HL*3*2*22*0~TRN*1*93175-012547*9877281234~NM1*IL*1*QUIST*ODALYS*Q***MI*XGH123456789~REF*SY*219099999~"
    "N3*12 ALDER ROW*APT 4~N4*SALEM*MA*01970~DMG*D8*19810417*F~DTP*291*D8*20240101~EQ*30~SE*13*0001~"
    "GE*1*1~IEA*1*000000001~"
)
SECRETS = ("QUIST", "ODALYS", "XGH123456789", "219099999", "12 ALDER ROW", "SALEM", "01970", "19810417")


@pytest.mark.parametrize(
    "text",
    [ELIGIBILITY, ELIGIBILITY.replace("~", "~\n"), ELIGIBILITY.replace("~", "\\n"), f'{{"x12": "{ELIGIBILITY}"}}'],
    ids=["tilde", "tilde-newline", "escaped-newline", "json"],
)
def test_subscriber_loop_is_masked(text: str) -> None:
    out = REDACTOR.redact_text(text)
    for secret in SECRETS:
        assert secret not in out, (secret, out)
    assert "ACME HEALTH" in out and "BONE CLINIC" in out and "1234567893" in out  # payer and provider stay


def test_claim_patient_loop_contacts_and_control_number() -> None:
    claim = (
        "NM1*85*2*NORTH CLINIC*****XX*1234567893~N3*1 CLINIC WAY~N4*BOSTON*MA*02139~"
        "NM1*QC*1*QUIST*MILO~N3*9 ELM ST~N4*SALEM*MA*01970~DMG*D8*20100101*M~PER*IC*ODALYS QUIST*TE*6175550134~"
        "CLM*PCN-7781*125***11:B:1~DTP*472*D8*20240102~REF*EA*MR00482913"
    )
    found = {claim[a:b]: kind for a, b, kind in X12Detector().find(claim)}
    assert found["QUIST"] == "NAME" and found["MILO"] == "NAME" and found["9 ELM ST"] == "ADDRESS"
    assert found["20100101"] == "DOB" and found["6175550134"] == "PHONE" and found["ODALYS QUIST"] == "NAME"
    assert found["PCN-7781"] == "ACCOUNT" and found["20240102"] == "DATE" and found["MR00482913"] == "MRN"
    assert "NORTH CLINIC" not in found and "1 CLINIC WAY" not in found and "02139" not in found


def test_a_street_abbreviation_does_not_end_the_segment() -> None:
    text = "NM1*IL*1*ROE*JANE~N3*12 MAIN ST*APT 4~"
    assert {"12 MAIN ST", "APT 4"} <= {text[a:b] for a, b, _ in X12Detector().find(text)}


def test_asterisks_in_prose_are_not_x12() -> None:
    assert list(X12Detector().find("rating *5* from user; NM1 parsed; REF*")) == []


def test_remittance_claim_payment_control_number() -> None:
    out = REDACTOR.redact_text("CLP*PCN-7781*1*125*100*25*12*CLM998~NM1*QC*1*QUIST*ODALYS~")
    assert "PCN-7781" not in out and "QUIST" not in out and "*125*100*" in out


def test_the_element_separator_declared_by_the_interchange_header() -> None:
    text = (
        "ISA|00|          |00|          |ZZ|SENDER|ZZ|RECEIVER|240101|1200|^|00501|000000001|0|P|:~"
        "NM1|IL|1|QUIST|ODALYS||||MI|XGH123456789~DMG|D8|19810417~NM1|PR|2|ACME HEALTH|||||PI|12345~"
    )
    out = REDACTOR.redact_text(text)
    for secret in ("QUIST", "ODALYS", "XGH123456789", "19810417"):
        assert secret not in out, secret
    assert "ACME HEALTH" in out


def test_an_834_members_ids_before_its_name_and_any_ssn_reference_are_masked() -> None:
    text = (
        "ST*834*0001~INS*Y*18*030*XN*A*E**FT~REF*0F*X44819203~REF*1L*GRP7741~NM1*IL*1*VUKOVIC*MILENA****34*219099999~"
        "DMG*D8*19620211*F~SE*6*0001~"
    )
    out = Redactor().redact_text(text)
    assert "X44819203" not in out and "VUKOVIC" not in out and "19620211" not in out
    assert "219099999" not in Redactor().redact_text("ST*270*0001~NM1*PR*2*ACME HEALTH~REF*SY*219099999~SE*3*0001~")


def test_835_claim_dates_of_care_are_masked_and_the_payers_are_kept() -> None:
    remittance = (
        "BPR*I*150*C*ACH~TRN*1*8812*1512345678~DTM*405*20250301~N1*PR*ACME HEALTH~"
        "CLP*PCN-9921*1*150*90**12*7781*11*1~NM1*QC*1*QUIST*MILO****MI*ZKT440918273~"
        "NM1*82*1*BONE*ADA****XX*1234567893~DTM*232*20250210~DTM*233*20250211~DTM*050*20250215~"
    )
    out = REDACTOR.redact_text(remittance)
    assert "20250210" not in out and "20250211" not in out and "20250215" not in out
    assert "DTM*405*20250301" in out  # the payer's production date
