"""Ids and dates of a person in formats: CSV headers after a log prefix, FHIR XML subscriberId, PV1 off by one."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


def _pv1(fields: dict[int, str]) -> str:
    """A PV1 segment with ``fields`` at their HL7 positions (PV1-1 is the set id)."""
    values = [""] * (max(fields) + 1)
    values[1] = "1"
    for index, value in fields.items():
        values[index] = value
    return "PV1|" + "|".join(values[1:])


PID = "PID|1||55120934^^^MERCY^MR||Quintero^Marisol||19580214|F"


@pytest.mark.parametrize(
    ("prefix", "delimiter"),
    [("export chunk: ", ","), ("tsv body received: ", "\t"), ("rows -> batch 7: ", ";")],
)
def test_a_csv_header_after_a_log_prefix_types_its_columns(prefix: str, delimiter: str) -> None:
    header = delimiter.join(["member_id", "patient", "date_of_service"])
    row = delimiter.join(["QHZ772019344", "Marisol Quintero", "2023-09-14"])
    out = REDACTOR.redact_text(f"{prefix}{header}\n{row}\n")
    assert "QHZ772019344" not in out and "2023-09-14" not in out


def test_a_table_of_things_after_a_log_prefix_stays() -> None:
    text = "inventory sync: name,version,status\npostgres,16.2,ok\nredis,7.2.4,ok\n"
    assert REDACTOR.redact_text(text) == text


def test_fhir_xml_subscriber_id() -> None:
    xml = (
        '<Coverage xmlns="http://hl7.org/fhir"><status value="active"/>'
        '<subscriberId value="ZRT550193822"/><payor><display value="Acme Mutual"/></payor></Coverage>'
    )
    out = REDACTOR.redact_text(xml)
    assert "ZRT550193822" not in out and "Acme Mutual" in out


@pytest.mark.parametrize(
    ("fields", "secret"),
    [
        ({10: "MED", 18: "VN44120937"}, "VN44120937"),  # the visit number one field early
        ({18: "IP", 20: "7730195521"}, "7730195521"),  # one field late
        ({43: "202402291430"}, "202402291430"),  # the admit time one field early
        ({46: "20240302"}, "20240302"),  # the discharge date one field late
    ],
)
def test_pv1_visit_numbers_and_times_one_field_off(fields: dict[int, str], secret: str) -> None:
    out = REDACTOR.redact_text(f"{PID}\r{_pv1(fields)}\r")
    assert secret not in out


@pytest.mark.parametrize(
    "fields",
    [
        {18: "OP", 20: "SP"},  # patient type and financial class as codes
        {46: "1250.00"},  # a balance
        {43: "ICU^12^B"},  # a prior location
    ],
)
def test_pv1_codes_amounts_and_locations_stay(fields: dict[int, str]) -> None:
    segment = _pv1(fields)
    assert segment in REDACTOR.redact_text(f"{PID}\r{segment}\r")


def test_fhir_xml_periods_and_event_dates_of_a_resource_about_a_person() -> None:
    xml = (
        '<Claim xmlns="http://hl7.org/fhir"><patient><reference value="Patient/e81c"/></patient>'
        '<billablePeriod><start value="2022-08-30"/><end value="2022-09-02"/></billablePeriod>'
        '<created value="2026-01-05"/><item><servicedDate value="2022-08-31"/></item></Claim>'
    )
    out = REDACTOR.redact_text(xml)
    assert "2022-08-30" not in out and "2022-09-02" not in out and "2022-08-31" not in out
    assert '<created value="2026-01-05"/>' in out  # when the claim record was made


def test_fhir_xml_dates_without_a_person_stay() -> None:
    xml = (
        '<Slot xmlns="http://hl7.org/fhir"><schedule><reference value="Schedule/77"/></schedule>'
        '<start value="2025-03-03T09:00:00Z"/></Slot>'
    )
    assert REDACTOR.redact_text(xml) == xml
