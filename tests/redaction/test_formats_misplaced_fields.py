"""Healthcare messages whose writer put a value in the wrong place: NCPDP fields after the segment or group
separator, an HL7 policy number in a later IN1 field than the standard's."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()

_CLAIM = ("AM01", "C419290831", "CAUrsula", "CBBoguszewski", "CM979 Harbor Rd", "CP20953", "CQ749 750 6361")
_SECRETS = ("19290831", "Ursula", "Boguszewski", "979 Harbor Rd", "20953", "749 750 6361", "2WP9-U27-NZ96")


@pytest.mark.parametrize(
    ("field", "group"), [("\x1e", "\x1d"), ("\\u001e", "\\u001d"), ("\\x1e", "\\x1d"), ("<RS>", "<GS>")]
)
def test_ncpdp_fields_after_the_segment_separator_are_read(field: str, group: str) -> None:
    text = "inbound message: " + field.join(_CLAIM) + group + "AM04" + field + "C22WP9-U27-NZ96"
    out = REDACTOR.redact_text(text)
    for secret in _SECRETS:
        assert secret not in out, (secret, out)
    assert "AM01" in out and "AM04" in out


@pytest.mark.parametrize(
    "text",
    [
        "AM07\x1eD2123456\x1eD7 00002-1433-80\x1eE71",  # a claim segment: prescription, product, quantity
        "record\x1eCAT\x1eCBS ok",  # separators with no segment id: no claim
        "queue\x1eCACHE\x1eCBOR",
    ],
)
def test_text_with_those_separators_and_no_patient_field_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


_MSH = "MSH|^~\\&|EPIC|RIVERBEND|LIS|LAB|202612074094||ADT^A01|485945775|P|2.5.1\r"
_PID = "PID|1||E1234567||Roe^Jane||19500203|F\r"


@pytest.mark.parametrize("index", [39, 41, 46, 52])
def test_an_in1_member_id_in_a_later_field_is_masked(index: int) -> None:
    fields = ["IN1", "1", "PPO01", "22473", "Quest lab east", *[""] * (index - 5), "H33910719P"]
    out = REDACTOR.redact_text(_MSH + _PID + "|".join(fields))
    assert "H33910719P" not in out
    assert "|PPO01|22473|Quest lab east|" in out


def test_in1_amounts_and_codes_stay() -> None:
    values = {31: "A", 33: "30", 37: "500.00", 38: "2000.00", 40: "350.00", 43: "F", 47: "3"}
    fields = ["IN1", "1", "PPO01", "22473", "Quest lab east", *(values.get(index, "") for index in range(5, 48))]
    text = _MSH + _PID + "|".join(fields)
    out = REDACTOR.redact_text(text)
    assert out.split("\r")[-1] == text.split("\r")[-1]
