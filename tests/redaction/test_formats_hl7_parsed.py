"""HL7 segments parsed into lists or dicts: fields read by position, as objects and as JSON or repr text."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()
PID = ["PID", "1", "", "W7730218^^^NORTHSIDE^MR", "", "IKEDA^SORA^M", "", "19580923", "M", "", "",
       "88 Birch Hollow^^Dunmore^PA^18512", "", "5705550172", "", "", "", "", "61200345"]  # fmt: skip
PV1 = ["PV1", "1", "I", *[""] * 16, "V99120344"]
OBX = ["OBX", "1", "NM", "2345-7^Glucose^LN", "", "104", "mg/dL", "", "", "", "", "F", "", "", "20250302"]
MSH = ["MSH", "^~\\&", "LABSYS", "NORTHSIDE", "EHR", "NORTHSIDE", "20250302081500", "", "ORU^R01", "CTL0042", "P"]
SECRETS = ("W7730218", "IKEDA", "SORA", "19580923", "88 Birch Hollow", "Dunmore", "5705550172", "61200345", "V99120344")


def _leaks(out: str) -> list[str]:
    return [secret for secret in SECRETS if secret in out]


@pytest.mark.parametrize("form", [json.dumps, repr, str], ids=["json", "repr", "str"])
def test_a_list_of_segments_as_text_is_read_by_position(form: Any) -> None:
    out = REDACTOR.redact_text(form([PID, PV1]))
    assert _leaks(out) == [], out
    assert '"I"' in out or "'I'" in out  # the patient class stays


def test_a_list_of_segments_as_an_object_is_read_by_position() -> None:
    out = json.dumps(REDACTOR.redact({"segments": [PID, PV1]}))
    assert _leaks(out) == [], out
    assert REDACTOR.redact({"segments": [tuple(PID)]})["segments"][0][7] != "19580923"


@pytest.mark.parametrize("form", [json.dumps, repr], ids=["json", "repr"])
def test_a_dict_of_fields_as_text_is_read_by_number(form: Any) -> None:
    message = {"PID": {"3": PID[3], "5": {"1": "IKEDA", "2": "SORA"}, "7": PID[7], "11": PID[11], "13": PID[13]},
               "PV1": {"PV1.19": "V99120344"}, "OBR": {"7": "202503020815"}}  # fmt: skip
    out = REDACTOR.redact_text(form(message))
    assert _leaks(out) == [], out
    assert "202503020815" not in out  # an order's date beside the patient


@pytest.mark.parametrize("value", [[OBX], [MSH], {"MSH": {"7": "20250302081500"}, "OBX": {"14": "20250302"}}])
def test_segments_without_a_patient_are_kept(value: Any) -> None:
    assert REDACTOR.redact_text(json.dumps(value)) == json.dumps(value)
    assert REDACTOR.redact({"v": value}) == {"v": json.loads(json.dumps(value))}


def test_a_care_segment_beside_the_patient_loses_its_dates() -> None:
    out = REDACTOR.redact_text(json.dumps([PID, OBX]))
    assert "20250302" not in out and "2345-7^Glucose^LN" in out


def test_an_hl7_name_ends_before_the_quote_closing_its_string() -> None:
    assert REDACTOR.redact_text("['PID', '1', '', '', '', 'IKEDA^SORA', '']").count("'") == 14


def test_care_segments_in_a_parsed_message_object_lose_their_dates() -> None:
    orc = ["ORC", "NW", "ORD5512", "", "", "", "", "^^^202503020815", "", "202503020816"]
    out = REDACTOR.redact({"segments": [MSH, PID, orc, OBX]})["segments"]
    assert out[0] == MSH and "202503020815" not in str(out[2]) and "202503020816" not in str(out[2])
    assert out[3][14] != "20250302" and out[3][3] == "2345-7^Glucose^LN"
    assert REDACTOR.redact({"segments": [orc]}) == {"segments": [orc]}  # no patient: the order's dates stay
