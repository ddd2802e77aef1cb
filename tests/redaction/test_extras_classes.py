"""PHI that applications hand to logging: extra= fields (flat, nested, in lists, in objects), %-arguments, notes.

Every case goes through the real path (``logging`` -> hipaalog's handler -> one JSON line) and every value is
made up. Each masked case is one spelling of a field, or one cue in a note, that reached the line raw before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from typing import Any

import pytest

from hipaalog.testing import capture

LOG = logging.getLogger("tests.extras_classes")

FIELDS = [
    ("numberPlate", "GF 54550", "VEHICLE"),
    ("kennzeichen", "B-XY 4412", "VEHICLE"),
    ("matricula", "724 NWE", "VEHICLE"),
    ("placa", "ABC-1234", "VEHICLE"),
    ("car_plate", "7QRT552", "VEHICLE"),
    ("vehicle_reg", "AB12 CDE", "VEHICLE"),
    ("cuenta", "ACC-54189392", "ACCOUNT"),
    ("kontonummer", "0048213377", "ACCOUNT"),
    ("billing_account", "ACC-32583361", "ACCOUNT"),
    ("guarantor_account", "88213412", "ACCOUNT"),
    ("harId", "H88213412", "ACCOUNT"),
    ("mr_num", "3275322", "MRN"),
    ("emr_no", "44820193", "MRN"),
    ("numero_historia", "91076712", "MRN"),
    ("prontuario", "5523019", "MRN"),
    ("fecha_atencion", "2026-07-09", "DATE"),
    ("fechaServicio", "17.09.2025", "DATE"),
    ("behandlungsdatum", "09.07.2026", "DATE"),
    ("data_atendimento", "09/07/2026", "DATE"),
    ("date_visite", "2026-07-09", "DATE"),
    ("follow_up_date", "2026-07-09", "DATE"),
    ("fill_date", "20250729", "DATE"),
    ("specimenDate", "Sep 14, 2025", "DATE"),
    ("date_seen", "2025-09-14", "DATE"),
    ("geboren", "1931-03-07", "DOB"),
    ("naissance", "07/03/1931", "DOB"),
]


def _shapes(key: str, value: Any) -> list[dict[str, Any]]:
    """The same field as applications nest it: flat, under a generic key, in a list, deep under a person."""
    return [
        {key: value},
        {"payload": {key: value, "id": "a0852838"}},
        {"data": [{key: value}, {"status": "done"}]},
        {"ctx": {"subject": {"details": {key: value}}}},
    ]


def _line(message: str, *args: Any, extra: dict[str, Any] | None = None) -> str:
    with capture() as logs:
        LOG.warning(message, *args, extra=extra)
    return logs.lines[-1].decode()


@pytest.mark.parametrize(("key", "value", "kind"), FIELDS)
def test_a_field_reaches_the_line_masked_however_it_is_nested(key: str, value: str, kind: str) -> None:
    for extra in _shapes(key, value):
        line = _line("sync done", extra=extra)
        assert value not in line, extra
        assert f"[REDACTED:{kind}]" in line, extra


@pytest.mark.parametrize(("key", "value", "kind"), FIELDS)
def test_a_mapping_argument_is_judged_by_its_key(key: str, value: str, kind: str) -> None:
    line = _line(f"lookup %({key})s ok", {key: value})
    assert value not in line
    assert f"[REDACTED:{kind}]" in json.loads(line)["message"]


@dataclasses.dataclass
class _Visit:
    cuenta: str
    kennzeichen: str
    fecha_atencion: dt.date
    status: str


def test_fields_of_objects_and_typed_values_are_masked() -> None:
    visit = _Visit("ACC-99218871", "B-XY 4412", dt.date(2024, 3, 5), "open")
    extra = {
        "data": [visit],
        "meta": {"fechaServicio": dt.datetime(2024, 3, 5, 9, 0)},
        "attrs": {"numberPlate": b"GF 54550"},
    }
    record = json.loads(_line("visit stored", extra=extra))
    assert record["data"] == [
        {
            "cuenta": "[REDACTED:ACCOUNT]",
            "kennzeichen": "[REDACTED:VEHICLE]",
            "fecha_atencion": "[REDACTED:DATE]",
            "status": "open",
        }
    ]
    assert record["meta"] == {"fechaServicio": "[REDACTED:DATE]"}
    assert record["attrs"] == {"numberPlate": "[REDACTED:VEHICLE]"}


def test_an_age_over_89_under_an_abbreviated_key_is_generalised() -> None:
    record = json.loads(_line("intake", extra={"pt": {"age_yrs": 97}, "rows": [{"yrs_old": 93}]}))
    assert record["pt"] == {"age_yrs": 90}
    assert record["rows"] == [{"yrs_old": 90}]


NOTES = [
    ("ticket #4411: member cannot log in, DOB on file 24.06.1948", "24.06.1948", "DOB"),
    ("caller gave birthdate on file 4-6-1948, verified", "4-6-1948", "DOB"),
    ("plan # TY44757710 terminated", "TY44757710", "MEMBER_ID"),
    ("plan no. QJ76414072 reinstated after appeal", "QJ76414072", "MEMBER_ID"),
    ("health plan id ZP35919668 on file", "ZP35919668", "MEMBER_ID"),
    ("claim denied, svc date 03/07/2025", "03/07/2025", "DATE"),
    ("date of svc 2025-03-07 billed twice", "2025-03-07", "DATE"),
]


@pytest.mark.parametrize(("note", "raw", "kind"), NOTES)
def test_notes_and_tickets_are_masked_in_the_message_and_in_extras(note: str, raw: str, kind: str) -> None:
    for line in (_line(note), _line("ticket updated", extra={"notes": note}), _line("note: %s", note)):
        assert raw not in line
        assert f"[REDACTED:{kind}]" in line


@pytest.mark.parametrize(
    ("note", "clean"),
    [
        ("pt 93 yrs, fall at home", "pt 90+ yrs, fall at home"),
        ("patient is 97 years, lives alone", "patient is 90+ years, lives alone"),
        ("she was 101 yrs at admission", "she was 90+ yrs at admission"),
    ],
)
def test_years_after_a_person_over_89_are_an_age(note: str, clean: str) -> None:
    assert json.loads(_line(note))["message"] == clean
    assert json.loads(_line("note saved", extra={"details": {"comment": note}}))["details"]["comment"] == clean


KEPT_MESSAGES = [
    "retention 95 years",
    "client 93 years in service",
    "pt 45 yrs, fall at home",
    "svc 2025-03-07 deployed",
    "dob check ok, build 1.2.2024",
    "release 24.06.2024 shipped to claims-api",
    "test plan #2 passed",
    "plan gold selected for tenant 3f9a12c4",
    "upgraded plan id pro-2024",
    "terraform plan: 12 to add, 0 to change",
]


@pytest.mark.parametrize("message", KEPT_MESSAGES)
def test_benign_messages_are_kept(message: str) -> None:
    assert json.loads(_line(message))["message"] == message


def test_benign_extras_are_kept() -> None:
    extra = {
        "request_id": "2cd141e6-bfcf-4aae-b73a-d67b8de2ecaa",
        "duration_ms": 588,
        "count": 42,
        "service": "eligibility-svc",
        "version": "4.10.7",
        "hostname": "ip-10-0-105-192.ec2.internal",
        "plan_id": "gold-2024",
        "plate_count": 3,
        "max_age_yrs": 120,
        "billing_account_status": "open",
        "data": {"count": 7, "kind": "batch", "items": [{"id": 12, "status": "done"}]},
    }
    record = json.loads(_line("job finished", extra=extra))
    assert {key: record[key] for key in extra} == extra
