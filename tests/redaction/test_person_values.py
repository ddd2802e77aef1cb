"""Values of structured data that are a person's: names under keys the catalogue lacks, and the dates, phone
numbers and record numbers of a mapping or row that names a person (dicts, lists, and their reprs in text)."""

from __future__ import annotations

import datetime
import json
import logging
from collections import namedtuple
from dataclasses import dataclass
from typing import Any

import pytest

from hipaalog.redaction import Redactor
from hipaalog.testing import capture

REDACTOR = Redactor()


def _shown(value: Any) -> str:
    return json.dumps(REDACTOR.redact(value), default=str)


# -- names under any key -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("record", "name"),
    [
        ({"visit": {"attendee": "Ifeoma Adeyemi", "reason": "annual physical"}}, "Adeyemi"),
        ({"amount": 80.5, "guarantor": "Radoslaw Wierzbicki"}, "Wierzbicki"),
        ({"plan": {"holder": "Bento Silveira", "months": 12}}, "Silveira"),
        ({"ticket": {"requester": {"display": "Oyelaran Babatunde"}}}, "Babatunde"),
        ({"rounds": [{"bed": "4C", "pt": "Kwabena Asante"}, {"bed": "4D", "pt": "empty"}]}, "Asante"),
        ({"http": {"x_user": "mireille dufresne", "status": 200}}, "dufresne"),
        ({"attendees": ["Ottilie Brandstaetter", "Kwabena Asante"]}, "Brandstaetter"),
        ({"errors": [{"loc": ["body", "who"], "msg": "too long", "input": "Bento Silveira"}]}, "Silveira"),
        ({"profile": {"display": "Marnie Price"}}, "Marnie"),  # a surname that is a word, under a person's key
        ({"who": "Jon Page", "queue": "billing"}, "Page"),
        ({"signer": "Eun Park"}, "Eun"),
        ({"sender": "رجائي مذحج"}, "مذحج"),
    ],
)
def test_a_whole_value_that_is_a_name_is_masked_under_any_key(record: dict[str, Any], name: str) -> None:
    out = _shown(record)
    assert name not in out and "[REDACTED:NAME]" in out


@pytest.mark.parametrize(
    "record",
    [
        {"service": "Ozempic Semaglutide"},  # reads as a name, but under a thing's key
        {"medication": "Lisinopril Hctz", "dose": "10mg"},
        {"status": "Payment Failed", "team": "Revenue Cycle"},
        {"who": "Front Desk", "display": "Mercy Clinic"},
        {"owner": "Santa Clara", "signer": "self", "attendee": "West Lisashire"},
        {"tags": ["Phoenix Gateway", "Aurora Settings"], "q": "chest pain"},
        {"subject": "Reset Password", "sender": "Deploy Bot"},
    ],
)
def test_things_words_places_and_organisations_stay(record: dict[str, Any]) -> None:
    assert REDACTOR.redact(record) == record


def test_person_value_reads_what_a_persons_key_holds() -> None:
    from hipaalog.redaction._person_values import person_value

    assert person_value("Tiffany Price") and person_value("Haeun Park") and person_value("ابتهاج Müller")
    assert not person_value("Will Retry") and not person_value("system") and not person_value("North Clinic")


# -- dates and phone numbers beside a person -----------------------------------------------------
def test_the_dates_of_a_mapping_that_names_a_person_are_theirs() -> None:
    out = REDACTOR.redact({"obs": {"subject": "Ottilie Brandstaetter", "collected": "2024-09-03", "value": 6.1}})
    assert out["obs"] == {"subject": "[REDACTED:NAME]", "collected": "[REDACTED:DATE]", "value": 6.1}
    out = REDACTOR.redact({"mrn": "00482913", "seen": datetime.date(2025, 2, 14), "slot": "2026-12-08T09:00"})
    assert out == {"mrn": "[REDACTED:MRN]", "seen": "[REDACTED:DATE]", "slot": "[REDACTED:DATE]"}
    out = REDACTOR.redact({"patient": {"when": "03/07/2024", "note": "ok"}})
    assert out["patient"]["when"] == "[REDACTED:DATE]"


def test_a_records_own_times_and_dates_without_a_person_stay() -> None:
    record = {"name": "Bento Silveira", "created_at": "2024-09-03T10:00:00Z", "updatedOn": "2024-09-04", "ts": 3}
    out = REDACTOR.redact({"row": record})["row"]
    assert out["created_at"] == record["created_at"] and out["updatedOn"] == "2024-09-04"
    plain = {"job": "rollup", "ran": "2024-09-03", "window": "2024-09", "version": "1.2.10", "year": "1961"}
    assert REDACTOR.redact({"batch": plain}) == {"batch": plain}
    assert REDACTOR.redact({"who": "Bento Silveira", "build": "1.2.10", "born": "1961"})["build"] == "1.2.10"


def test_bare_phone_numbers_beside_a_person_or_under_a_phone_word() -> None:
    out = REDACTOR.redact({"entry": {"who": "Kwabena Asante", "number": 4155550132, "alt": "2125550199"}})
    assert out["entry"] == {"who": "[REDACTED:NAME]", "number": "[REDACTED:PHONE]", "alt": "[REDACTED:PHONE]"}
    assert REDACTOR.redact({"reach": "4155550132", "cb": "2125550199"}) == {
        "reach": "[REDACTED:PHONE]",
        "cb": "[REDACTED:PHONE]",
    }
    kept = {"who": "Kwabena Asante", "order_id": "4155550132", "epoch": 1733500000, "bytes": 4155550132}
    out = REDACTOR.redact(kept)
    assert out["order_id"] == "4155550132" and out["epoch"] == 1733500000 and out["bytes"] == 4155550132
    assert REDACTOR.redact({"count": 4155550132, "page": "2125550199"}) == {"count": 4155550132, "page": "2125550199"}


def test_a_list_that_names_a_person_is_a_row_about_them() -> None:
    out = REDACTOR.redact({"caller": ["Ifeoma Adeyemi", "4155550132", "billing dispute", "2661904"]})
    assert out["caller"] == ["[REDACTED:NAME]", "[REDACTED:PHONE]", "billing dispute", "[REDACTED:ID]"]
    plain = {"params": ["4155550132", "2661904", "billing dispute"]}
    assert REDACTOR.redact(plain) == plain  # no name: numbers alone say nothing


# -- identifiers ---------------------------------------------------------------------------------
@pytest.mark.parametrize("key", ["patient_ref", "patientRef", "subject_ref", "pt_id", "person_id", "member_ref"])
def test_references_to_a_person_are_identifiers(key: str) -> None:
    out = _shown({"obj": {key: "5521907"}})
    assert "5521907" not in out


def test_ids_under_a_person_and_the_user_id_decision() -> None:
    assert "E4471920" not in _shown({"subject": {"ref": "E4471920", "kind": "mrn"}})
    assert REDACTOR.redact({"user_id": "5750162"}) == {"user_id": "5750162"}  # a workforce user id (see docs)


def test_a_statements_parameters_logged_beside_it() -> None:
    record = {"sql": "UPDATE patient SET phone=%s, city=%s WHERE id=%s", "params": ["4155550132", "Orvale", 2661904]}
    out = REDACTOR.redact(record)
    assert out["params"] == ["[REDACTED:PHONE]", "[REDACTED:ADDRESS]", "[REDACTED:PATIENT]"]
    named = {
        "query": "SELECT * FROM members WHERE last_name = %(ln)s AND plan = %(p)s",
        "params": {"ln": "Quist", "p": "gold"},
    }
    assert REDACTOR.redact(named)["params"] == {"ln": "[REDACTED:NAME]", "p": "gold"}
    users = {"sql": "UPDATE users SET last_login = %s WHERE id = %s", "params": ["2024-09-03", 42]}
    assert REDACTOR.redact(users) == users


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("glucometer paired to patient 2661904", "2661904"),
        ("Patient MR4471920 transferred", "MR4471920"),
        ("resident 5503318 moved to wing B", "5503318"),
        ("pt 88120455 discharged", "88120455"),
    ],
)
def test_a_patient_word_before_a_record_number(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    ["patient 120/80 on arrival", "pt 3 of 10 seen today", "patients 12345 processed", "patient count 55210"],
)
def test_numbers_that_are_no_record_number_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


# -- the same values as text: reprs, JSON, key=value ---------------------------------------------
Caller = namedtuple("Caller", "who number reason")


@dataclass
class Booking:
    slot: str
    attendee: str
    reason: str


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ('audit action=view subject="Eun Park" reason=treatment', ["Eun Park"]),
        ('consent signer="Radoslaw Wierzbicki" relation=self', ["Wierzbicki"]),
        ("kwargs {'who': 'Bento Silveira', 'when': '2025-03-18'}", ["Silveira", "2025-03-18"]),
        (f"processing {Caller('Jon Page', '4155550132', 'refill')!r}", ["Page", "4155550132"]),
        (f"booked {Booking('2026-04-24T10:00', 'Ifeoma Adeyemi', 'follow-up')!r}", ["Adeyemi", "2026-04-24"]),
        ('webhook payload={"contact": {"display": "Eun Park", "tel": "+44 20 7946 0958"}}', ["Eun Park"]),
        ("context {'req': {'user': {'label': 'mireille dufresne'}}, 'attempt': 2}", ["dufresne"]),
        ("row=(2661904, 'Wierzbicki', 'Radoslaw', datetime.date(1961, 3, 4), '4155550132')", ["2661904", "1961, 3, 4"]),
        ("cache miss for key=('Babatunde', 'Oyelaran', '1948-11-02')", ["Babatunde", "1948-11-02"]),
        ("event {'given': 'Eduardo', 'family': 'Peñalosa', 'tel': '4155550132'}", ["Eduardo", "Peñalosa"]),
        ("ivr: caller id 4155550132 matched an account", ["4155550132"]),
        ("waitlist add reach=4155550132 pref=mornings", ["4155550132"]),
    ],
)
def test_the_same_values_written_as_text(text: str, secrets: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, (secret, out)


@pytest.mark.parametrize(
    "text",
    [
        "Config(name='cache', mode='Fast Path', owner='Phoenix Gateway')",
        "loaded ('GET', 'POST', 'PUT') handlers for 3 routes",
        "batch (128, 'Payment Failed', 'Retry Scheduled')",
        'reply {"display": "Glucose", "status": "final"}',
        "waitlist add count=4155550132 window=7d",
        "service={'owner': 'Front Desk', 'team': 'Revenue Cycle'}",
    ],
)
def test_look_alike_text_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_through_logging_extra_and_arguments() -> None:
    with capture() as logs:
        log = logging.getLogger("values")
        log.warning("slot released", extra={"appt": {"slot": "2019-03-08T09:00", "attendee": "Ifeoma Adeyemi"}})
        log.warning("processing %s", Caller("Eun Park", "4155550132", "refill"))
    shown = json.dumps(logs.records, default=str)
    assert len(logs.records) == 2
    for secret in ("Adeyemi", "2019-03-08", "Eun Park", "4155550132"):
        assert secret not in shown, secret


def test_find_reports_names_and_phones_found_by_their_value() -> None:
    record = {"appt": {"attendee": "Radoslaw Wierzbicki", "reach": "4155550132", "service": "Ozempic Semaglutide"}}
    found = {(finding.kind, finding.path) for finding in REDACTOR.find(record)}
    assert found == {("NAME", "$.appt.attendee"), ("PHONE", "$.appt.reach")}


def test_person_keys_in_other_languages() -> None:
    out = REDACTOR.redact({"Empfänger": "Jon Page", "paciente": {"id": "5521907"}, "testigo": "Eun Park"})
    assert out == {
        "Empfänger": "[REDACTED:NAME]",
        "paciente": {"id": "[REDACTED:PATIENT]"},
        "testigo": "[REDACTED:NAME]",
    }


@pytest.mark.parametrize(
    ("value", "full"),
    [
        ("2024-09-03", True),
        ("2024-09-03T10:00:00Z", True),
        ("03/07/2024", True),
        ("12.03.1948", True),
        ("19480312", True),
        ("March 12, 1948", True),
        ("12-Mar-1948", True),
        (datetime.datetime(2024, 9, 3, 10, 0), True),
        ("2024-09", False),
        ("1961", False),
        ("1.2.10", False),
        ("Mar 2024", False),
        ("2024-13-03", False),
    ],
)
def test_what_a_full_date_is(value: object, full: bool) -> None:
    from hipaalog.redaction._values import full_date

    assert full_date(value) is full
