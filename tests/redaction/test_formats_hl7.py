"""HL7 v2 by segment and field: raw and escaped separators, MLLP bytes reprs, parsed dicts, linear time."""

from __future__ import annotations

import time

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._hl7 import Hl7Detector
from hipaalog.redaction._keys import DEFAULT_CATALOGUE

REDACTOR = Redactor()
PID = "PID|1||00482913^^^HOSP^MR||ROE^JANE^Q||19800312|F|||12 MAIN ST^^BOSTON^MA^02139||6175550134|||||ACC55|219099999"
SECRETS = ("00482913", "ROE^JANE", "19800312", "12 MAIN ST", "6175550134", "ACC55", "219099999")
MSH = "MSH|^~\\&|EPIC|HOSP|||20240101120000||ADT^A01|MSG1|P|2.5.1"


@pytest.mark.parametrize(
    "text",
    [
        f"{MSH}\r{PID}\rPV1|1|I",  # carriage returns
        f"{MSH}\n{PID}\nPV1|1|I",
        f'{{"raw": "{MSH}\\r{PID}\\rPV1|1|I"}}',  # a JSON string: a literal backslash-r
        repr(f"\x0b{MSH}\r{PID}\r\x1c\r".encode()),  # an MLLP bytes repr
        f"received {MSH} {PID} PV1|1|I",  # flattened onto one line
    ],
    ids=["cr", "lf", "escaped", "mllp-bytes", "one-line"],
)
def test_person_fields_are_masked_whatever_the_separator(text: str) -> None:
    out = REDACTOR.redact_text(text)
    for secret in SECRETS:
        assert secret not in out, (secret, out)
    assert "EPIC|HOSP" in out and "20240101120000" in out  # the header stays


def test_next_of_kin_guarantor_insurance_and_visit_dates() -> None:
    text = (
        "NK1|1|ROE^JOHN|SPO|9 ELM ST^^SALEM^MA^01970|6175550199\r"
        "GT1|1|G77|ROE^JOHN||9 ELM ST^^SALEM^MA^01970|6175550199||19750101\r"
        "IN1|1|PLAN7||||||||||||||ROE^JANE|SEL|19800312|12 MAIN ST^^BOSTON^MA^02139|||||||||||||||||XGH123456789\r"
        "IN2|E7781|219099999\r"
        "PV1|1|I|4N^401^1||||||||||||||||V9911|||||||||||||||||||||||||20240101080000|20240105120000\r"
        "OBR|1||ORD-1|2345-7^Glucose^LN|||20240102101500"
    )
    out = REDACTOR.redact_text(text)
    for secret in ("ROE^JOHN", "9 ELM ST", "6175550199", "19750101", "XGH123456789", "E7781", "219099999"):
        assert secret not in out, secret
    for secret in ("V9911", "20240101080000", "20240105120000"):
        assert secret not in out, secret
    assert "PLAN7" in out and "2345-7^Glucose^LN" in out
    assert "20240102101500" in out  # a result's date is about a person only beside a PID
    assert "20240102101500" not in REDACTOR.redact_text(f"{MSH}\r{PID}\r{text}")


def test_an_identifier_in_cx_form_is_typed_by_its_code() -> None:
    spans = list(Hl7Detector().find("pid_3=3723146770^^^LABSYS^MR ssn 219099999^^^SSA^SS"))
    assert [kind for _, _, kind in spans] == ["MRN", "SSN"]


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("pid_3", "MRN"),
        ("pid_5_1", "NAME"),
        ("PID.7", "DOB"),
        ("hl7.pid.19", "SSN"),
        ("pid5", "NAME"),
        ("NK1-2", "NAME"),
        ("in1_36", "MEMBER_ID"),
        ("PV1.44", "DATE"),
    ],
)
def test_parsed_field_keys_name_their_kind(key: str, kind: str) -> None:
    assert DEFAULT_CATALOGUE.kind(key) == kind


def test_fields_by_number_below_a_segment_key_are_masked() -> None:
    parsed = {"hl7": {"msh": {"7": "20240101120000"}, "pid": {"3": "3723146770", "7": "19570202"}}}
    out = REDACTOR.redact(parsed)
    assert out["hl7"]["msh"] == {"7": "20240101120000"}
    assert "3723146770" not in str(out) and "19570202" not in str(out)
    assert REDACTOR.redact({"pid": 4242, "retries": {"1": "ok"}}) == {"pid": 4242, "retries": {"1": "ok"}}


def test_process_ids_and_pipes_are_not_segments() -> None:
    assert list(Hl7Detector().find("worker PID|1234 started; a|b|c")) == []
    assert list(Hl7Detector().find("APID|1||00482913")) == []


def test_the_scan_is_linear_in_the_text() -> None:
    started = time.perf_counter()
    list(Hl7Detector().find("PID|" * 16000))
    list(Hl7Detector().find("\\rPID|" * 12000))
    assert time.perf_counter() - started < 3  # quadratic took 16 s and more on the first


_OBSERVATION_DATE = "20191226204800"


@pytest.mark.parametrize(
    "parsed",
    [
        {"obr_7": _OBSERVATION_DATE, "pid_5_1": "SHARP", "obr_3": "ORD-408218"},
        {"OBR.7": _OBSERVATION_DATE, "PID.3": "74730318", "OBR.3": "ORD-408218"},
        {"hl7": {"obr": {"7": _OBSERVATION_DATE, "3": "ORD-408218"}, "pid": {"5": "SHARP^HUMBERTO"}}},
        {"obx14": _OBSERVATION_DATE, "pid1": "1", "obx5": "222"},
    ],
)
def test_observation_dates_beside_a_patient_are_masked_in_parsed_messages(parsed: dict[str, object]) -> None:
    out = REDACTOR.redact(parsed)
    assert _OBSERVATION_DATE not in str(out)
    assert "ORD-408218" in str(out) or "222" in str(out), "the order number and result value are not PHI"
    if "hl7" not in parsed:  # as text, fields are recognised by their own keys (not below a segment's key)
        assert _OBSERVATION_DATE not in REDACTOR.redact_text(repr(parsed))


def test_observation_dates_without_a_patient_are_kept() -> None:
    parsed = {"obr_7": _OBSERVATION_DATE, "obr_3": "ORD-408218"}
    assert REDACTOR.redact(parsed) == parsed
    assert REDACTOR.redact({"hl7": {"obr": {"7": _OBSERVATION_DATE}}}) == {"hl7": {"obr": {"7": _OBSERVATION_DATE}}}
    assert _OBSERVATION_DATE in REDACTOR.redact_text(repr(parsed))


CARE = (
    "EVN|A03|20250301090000|20250302000000|||20250228071500\r"
    "PV2||||||||20250227|20250305\r"
    "DG1|1||J18.9^PNEUMONIA^I10||20250228083000|A\r"
    "PR1|1||5A1955Z^VENT^ICD10PCS||20250301101000\r"
    "ORC|RE|ORD-7|FIL-7||||||20250228093000\r"
    "OBX|1|NM|2345-7^GLUCOSE^LN||98|mg/dL|||||F|||20250228094500|||||20250228100000\r"
    "TXA|1|DS|TX|20250301120000||20250301121500\r"
    "NK1|1|ROE^JOHN|SPO|||||20190101|20291231"
)
CARE_DATES = (
    "20250302000000",
    "20250228071500",
    "20250227",
    "20250305",
    "20250228083000",
    "20250301101000",
    "20250228093000",
    "20250228094500",
    "20250228100000",
    "20250301120000",
    "20250301121500",
    "20190101",
    "20291231",
)


@pytest.mark.parametrize(
    "separator",
    ["\r", "\n", "\\r", "\\n", "\\x0d"],
    ids=["cr", "lf", "escaped-cr", "escaped-lf", "bytes-repr"],
)
def test_dates_of_a_patients_care_are_masked_whatever_the_separator(separator: str) -> None:
    text = separator.join((MSH, PID, *CARE.split("\r")))
    out = REDACTOR.redact_text(text)
    for date in CARE_DATES:
        assert date not in out, (date, out)
    assert "20240101120000" in out and "20250301090000" in out  # MSH-7 and EVN-2: when the message was made


def test_dates_of_care_segments_without_a_patient_stay() -> None:
    text = "\r".join((MSH, *CARE.split("\r")[:7]))
    out = REDACTOR.redact_text(text)
    assert "20250228071500" in out and "20250228093000" in out and "20250301120000" in out
    assert "J18.9^PNEUMONIA^I10" in REDACTOR.redact_text(f"{MSH}\r{PID}\r{CARE}")  # codes stay


@pytest.mark.parametrize(
    "parsed",
    [
        {"evn_6": "20250228071500", "pid_5": "ROE^JANE"},
        {"EVN.6": "20250228071500", "PID.5.1": "ROE"},
        {"evn6": "20250228071500", "pid3": "00482913"},
        {"evn": {"6": "20250228071500"}, "pid": {"5": "ROE^JANE"}},
        {"dg1_5": "20250228071500", "pid_3": "00482913"},
        {"pv2": {"8": "20250228071500"}, "pid": {"3": "00482913"}},
    ],
    ids=["flat", "dotted", "glued", "nested", "diagnosis", "pv2-nested"],
)
def test_parsed_care_dates_beside_a_patient_are_masked(parsed: dict[str, object]) -> None:
    assert "20250228071500" not in str(REDACTOR.redact(parsed))


def test_parsed_care_fields_alone_or_not_dates_stay() -> None:
    parsed = {"evn_6": "20250228071500", "evn_1": "A03", "evn_2": "20250301090000"}
    assert REDACTOR.redact(parsed) == parsed
    beside = REDACTOR.redact({**parsed, "pid_5": "ROE^JANE"})
    assert beside["evn_1"] == "A03" and beside["evn_2"] == "20250301090000"


@pytest.mark.parametrize("street", ["40 chemin d' Auteuil", "9 O' Brannagh Way", "7 Kings' Row"])
def test_an_apostrophe_in_a_field_does_not_end_the_segment(street: str) -> None:
    message = (
        "MSH|^~\\&|ADT1|GOOD|REC|HUB|202501031200||ADT^A04|88|P|2.5.1\r"
        f"PID|1||00482913^^^HOSP^MR||Quist^Odalys||19810417|F|||{street}^^Ste-Adele^QC^J8B 1Z4^CAN^H||"
        "^PRN^PH^^1^450^5550143|||S\rPV1|1|O"
    )
    redacted = REDACTOR.redact_text(message)
    for secret in ("Ste-Adele", "J8B 1Z4", "5550143", street.rsplit("'", maxsplit=1)[-1]):
        assert secret not in redacted
    assert "ADT^A04" in redacted


# -- separators declared in MSH-1 and MSH-2 ----------------------------------------------------------------
def _declared(field: str, component: str) -> str:
    segments = (
        "MSH|^~\\&|EPIC|HOSP|LAB|HOSP|202401050830||ADT^A01|MSG00417|P|2.5.1",
        "PID|1||Q7730418^^^HOSP^MR||OKONKWO^ADAEZE^^^||19710304|F|||14 LINDEN WAY^^HOLLISTON^MA^01746||508-555-0188",
        "IN1|1|PLN01^ACME PPO||ACME HEALTH" + "|" * 32 + "MBX55102938",  # IN1-36, the policy number
    )
    table = str.maketrans({"|": field, "^": component})
    return "\r".join(segment.translate(table) for segment in segments)


@pytest.mark.parametrize(("field", "component"), [("#", "$"), ("!", "@"), ("*", ":")], ids=["hash", "bang", "star"])
@pytest.mark.parametrize("case", [str, str.lower], ids=["upper", "lower"])
def test_separators_declared_in_msh_are_read(field: str, component: str, case: object) -> None:
    text = case(_declared(field, component))  # type: ignore[operator]
    out = Redactor().redact_text(text)
    for secret in ("Q7730418", "OKONKWO", "ADAEZE", "19710304", "LINDEN", "HOLLISTON", "01746", "0188", "55102938"):
        assert secret.lower() not in out.lower(), (secret, out)
    assert "ACME HEALTH".lower() in out.lower()


def test_a_pipe_in_a_message_declaring_other_separators_is_a_value() -> None:
    text = "MSH#$~\\&#EPIC#HOSP\rOBX#1#ST#NOTE$Note##status|queued"
    assert Redactor().redact_text(text) == text


def test_a_member_id_in_in1_2_and_names_in_in2_are_masked() -> None:
    text = (
        "PID|1||Q7730418^^^HOSP^MR||OKONKWO^ADAEZE\r"
        "IN1|1|ZX48213077^MEDICARE|INS01|ACME HEALTH\r"
        "IN1|2|BCBS01^BLUE PPO|INS02|ACME HEALTH\r"
        "IN2|||||||OKAFOR^CHIDI||NWOSU^EMEKA|MIL5520193"
    )
    out = Redactor().redact_text(text)
    for secret in ("ZX48213077", "OKAFOR", "CHIDI", "NWOSU", "EMEKA", "MIL5520193"):
        assert secret not in out, (secret, out)
    assert "^MEDICARE|INS01|ACME HEALTH" in out and "|BCBS01^BLUE PPO|" in out  # a plan's code stays
