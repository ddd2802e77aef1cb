"""Generic children judged by their parent's name: ``{"device": {"id": ...}}`` is a device id."""

from __future__ import annotations

import json
import logging

import pytest

from hipaalog.redaction import Redactor
from hipaalog.testing import capture

MASKED = [
    ({"device": {"id": "DEV-88213-X"}}, ("device", "id"), "DEVICE"),
    ({"device": {"sn": "88213991"}}, ("device", "sn"), "DEVICE"),
    ({"Device": {"ID": "DEV-88213-X"}}, ("Device", "ID"), "DEVICE"),
    ({"vehicle": {"reg": "AB12 CDE"}}, ("vehicle", "reg"), "VEHICLE"),
    ({"vehicle": {"id": "7ABC123"}}, ("vehicle", "id"), "VEHICLE"),
    ({"account": {"number": "ACC-99482113"}}, ("account", "number"), "ACCOUNT"),
    ({"insurance": {"id": "XQZ884213907"}}, ("insurance", "id"), "MEMBER_ID"),
    ({"insurance": {"group": "GRP22841"}}, ("insurance", "group"), "MEMBER_ID"),
    ({"visit": {"date": "2021-05-06"}}, ("visit", "date"), "DATE"),
    ({"appointment": {"start": "2021-05-06T10:00:00"}}, ("appointment", "start"), "DATE"),
    ({"encounter": {"end": "05/08/2021"}}, ("encounter", "end"), "DATE"),
    ({"admission": {"date": "2021-05-06"}}, ("admission", "date"), "DATE"),
    ({"procedure": {"performed": "2021-05-06"}}, ("procedure", "performed"), "DATE"),
    ({"service": {"date": "2021-05-06"}}, ("service", "date"), "DATE"),
    ({"operation": {"date": "2021-05-06"}}, ("operation", "date"), "DATE"),
    ({"procedure": {"performed": "2021-05-06T09:30:00"}}, ("procedure", "performed"), "DATE"),
    ({"patient": {"number": "A0048213"}}, ("patient", "number"), "PATIENT"),
    ({"patient": {"record": "A0048213"}}, ("patient", "record"), "PATIENT"),
]


@pytest.mark.parametrize(("event", "path", "kind"), MASKED)
def test_a_generic_child_takes_its_kind_from_the_parent(event: dict, path: tuple[str, str], kind: str) -> None:
    parent, child = path
    assert Redactor().redact(event)[parent][child] == f"[REDACTED:{kind}]"


def test_items_of_a_plural_parent_are_each_judged() -> None:
    out = Redactor().redact({"visits": [{"date": "2021-05-06", "count": 3}, {"date": "2021-06-01"}]})
    assert out == {"visits": [{"date": "[REDACTED:DATE]", "count": 3}, {"date": "[REDACTED:DATE]"}]}


def test_a_date_below_birth_does_not_survive() -> None:
    assert "1931-02-17" not in json.dumps(Redactor().redact({"birth": {"date": "1931-02-17"}}))


def test_years_below_a_person_are_an_age() -> None:
    assert Redactor().redact({"patient": {"years": 93}}) == {"patient": {"years": 90}}
    assert Redactor().redact({"patient": {"years": 54}}) == {"patient": {"years": 54}}


KEPT = [
    {"job": {"start": "2021-05-06T10:00:00", "id": 5}},
    {"service": {"start": "2026-12-07T10:00:00Z", "name": "api"}},
    {"build": {"date": "2021-05-06"}},
    {"request": {"id": "abc"}, "claim": {"id": "C-1", "number": "883"}},
    {"order": {"number": "ORD-12"}},
    {"trace": {"id": "9f3c2a1b7d0e9f3c2a1b7d0e9f3c2a1b"}},
    {"visit": {"date": "pending", "count": 3}},
    {"device": {"model": "Infusomat", "kind": "pump"}},
    {"operation": {"id": "op-7f3a", "start": "2024-05-01T10:00:00Z", "end": "2024-05-01T10:02:13Z"}},
    {"operations": [{"name": "migrate", "started": "2024-05-01 10:00:00"}]},
    {"procedure": {"name": "sp_refresh_totals", "start": "2024-05-01T10:00:00Z"}},
    {"exam": {"id": "quiz-3", "from": "2024-05-01T09:00:00Z", "to": "2024-05-01T10:00:00Z"}},
    {"consult": {"at": "2024-05-01T09:00:00Z"}},
]


@pytest.mark.parametrize("event", KEPT)
def test_children_of_other_things_are_kept(event: dict) -> None:
    assert Redactor().redact(event) == event


def test_nested_extra_and_json_text_reach_the_line_masked() -> None:
    log = logging.getLogger("tests.owned")
    body = json.dumps({"visit": {"date": "2021-05-06"}, "device": {"id": "DEV-88213-X"}})
    with capture() as logs:
        log.warning("sync %s", body, extra={"vehicle": {"reg": "AB12 CDE"}, "account": {"no": "99482113"}})
    line = logs.lines[-1].decode()
    assert "[REDACTED:DEVICE]" in line and "[REDACTED:VEHICLE]" in line
    for raw in ("2021-05-06", "DEV-88213-X", "AB12 CDE", "99482113"):
        assert raw not in line
