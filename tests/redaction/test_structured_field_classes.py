"""Structured fields whose key alone says too little: the value's shape or its siblings decide.

A postal code under a generic key of an address written out field by field, a patient id under ``pid`` (no
process has its id), a care event's date under a verb or a participle with a moment (``admit``, ``seen_on``), a
phone number in any country's punctuation under a line's or a person's key or in a labelled contact point.
"""

from __future__ import annotations

from typing import Any

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


# -- a postal code beside the lines of its address ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("record", "code_key", "code"),
    [
        ({"ship_to": {"street": "48 Quarry Bank", "town": "Thornbury", "code": "BS35 2QT"}}, "code", "BS35 2QT"),
        ({"billing": {"Line1": "Keizersgracht 311", "PC": "1016 EE"}}, "PC", "1016 EE"),
        ({"shipment": {"city": "Zaragoza", "cp": "50004"}}, "cp", "50004"),
        ({"step_2": {"address_line": "7 Brindle Court", "code": 60614}}, "code", 60614),
        ({"visit": {"where": {"suburb": "Paddington", "Code": "2021"}}}, "Code", "2021"),
    ],
)
def test_postal_code_under_a_generic_key_beside_its_address(record: dict[str, Any], code_key: str, code: Any) -> None:
    out = REDACTOR.redact(record)
    assert str(code) not in str(out)
    assert "[REDACTED:ZIP]" in str(out), code_key


@pytest.mark.parametrize(
    "record",
    [
        {"error": {"code": "E4012", "message": "upstream refused"}},  # no address beside it
        {"status": {"code": 503, "region": "eu-west-1"}},
        {"warehouse": {"code": "DOCK-A", "city_count": 4}},  # no digit in the code
        {"code": "90210"},  # alone
    ],
)
def test_codes_without_an_address_line_are_kept(record: dict[str, Any]) -> None:
    assert REDACTOR.redact(record) == record


def test_coordinates_are_no_address_line() -> None:
    out = REDACTOR.redact({"station": {"lat": 51.5, "lon": -0.12, "code": "LHR2"}})
    assert out["station"]["code"] == "LHR2"


# -- pid: a patient's id, or a process's ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value",
    ["KR4471902", "GHX-20931187", "77120954", 88012345, "4471-902553"],
)
def test_pid_that_no_process_can_have_is_masked(value: object) -> None:
    out = REDACTOR.redact({"pid": value, "ward": "4B"})
    assert out["pid"] == "[REDACTED:PATIENT]"
    assert out["ward"] == "4B"


def test_pid_below_a_person_and_in_text_and_a_repr() -> None:
    assert REDACTOR.redact({"patient": {"pid": "TQ-5518820"}}) == {"patient": {"pid": "[REDACTED:PATIENT]"}}
    assert "MX80217744" not in REDACTOR.redact_text("chart opened pid=MX80217744 unit=ICU")
    assert "60021937" not in REDACTOR.redact_text('lookup failed, PID: "60021937"')
    assert "J7730129" not in REDACTOR.redact_text("Visit(pid='J7730129', bed=12)")


@pytest.mark.parametrize(
    "value",
    [{"pid": 4120}, {"pid": "31337"}, {"pid": 2_048_000}, {"pid": "worker-3"}],
)
def test_process_ids_are_kept(value: dict[str, object]) -> None:
    assert REDACTOR.redact(value) == value


@pytest.mark.parametrize("text", ["gunicorn worker booted, pid: 20411", "reaped child pid=4120 status=0"])
def test_process_ids_in_text_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


# -- a care event's date under a verb, or a participle with a moment ---------------------------------------------
@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("admit", "11/02/29"),
        ("seen_on", "20290307"),
        ("diagnosedAt", "2029/04/18"),
        ("treated_on", "14 mars 2029"),
        ("referred_date", "2029-05-06"),
        ("admit", 20290102),
    ],
)
def test_care_dates_under_event_keys_are_masked(key: str, value: object) -> None:
    out = REDACTOR.redact({key: value, "route": "/intake"})
    assert out[key] == "[REDACTED:DATE]"
    assert out["route"] == "/intake"


@pytest.mark.parametrize(
    "record",
    [{"admit": "inpatient"}, {"admit": "yes"}, {"admit": 2}, {"seen": True}, {"seen_at": "read"}, {"seen": 12}],
)
def test_event_keys_without_a_date_are_kept(record: dict[str, object]) -> None:
    assert REDACTOR.redact(record) == record


# -- phone numbers in any country's punctuation ------------------------------------------------------------------
@pytest.mark.parametrize(
    "record",
    [
        {"cb_number": "+49 30 901820 44"},
        {"callback": "(03) 9876 5012"},
        {"contact": "+81-3-5521-0934"},
        {"guardian": "0612.44.87.19"},
        {"contacts": [{"kind": "mobile", "value": "+27 82 555 0193"}]},
        {"telecom": [{"system": "phone", "use": "home", "value": "(0161) 496 0721"}]},
        {"numbers": [{"type": "home", "value": "06-2281 4470"}]},
        {"callback": "0229814470"},  # a national number with its trunk 0, no punctuation
    ],
)
def test_phone_numbers_in_any_shape_under_a_line_or_person_key(record: dict[str, Any]) -> None:
    out = str(REDACTOR.redact(record))
    assert "[REDACTED:PHONE]" in out
    for digits in ("901820", "9876", "5521", "87.19", "555 0193", "496 0721", "2281", "98144"):
        assert digits not in out


@pytest.mark.parametrize(
    "record",
    [
        {"from": "2029-05-06", "to": "2029-06-07"},  # a period
        {"from": "192.168.40.200"},  # an address of a machine
        {"contacts": [{"kind": "home", "value": "/home/svc/.config"}]},  # a path
        {"kind": "work", "value": "queue drained"},
        {"kind": "counter", "value": 3},
        {"system": "http://loinc.org", "code": "8867-4", "value": "72"},
        {"invoice_number": "0000412981"},  # a padded id
    ],
)
def test_values_that_are_no_phone_are_kept(record: dict[str, Any]) -> None:
    assert REDACTOR.redact(record) == record


# -- a pandas Series, named by its footer -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "dupes\nchart\nCH-77120    odile marchetti\nCH-77121   BRANKO VIDMAR\nName: patient, dtype: object",
            ["odile marchetti", "BRANKO VIDMAR", "77120"],
        ),
        ("0    Saoirse Ni Bhriain\n1     kaito morimoto\nName: full_name, dtype: str", ["Saoirse", "kaito morimoto"]),
        ("3    1961-02-14\n9    1948-11-30\nName: dob, Length: 2, dtype: object", ["1961-02-14", "1948-11-30"]),
        ("a    +44 20 7946 0391\nb    (03) 9555 0142\nName: phone, dtype: object", ["7946", "9555"]),
    ],
)
def test_series_values_are_judged_by_the_name_in_its_footer(text: str, values: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for value in values:
        assert value not in out
    assert out.endswith(text.rsplit("\n", 1)[1])  # the footer stays


@pytest.mark.parametrize(
    "text",
    [
        "service\nbilling-api      12\nauth-gateway      3\nName: count, dtype: int64",
        "0    Acme Health Partners\n1    Globex Logistics\nName: vendor, dtype: object",
        "0    NaN\n1    None\nName: dob, dtype: object",
    ],
)
def test_series_of_other_fields_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


# -- a task's positional arguments: names in any case or script, phones in any punctuation ------------------------
@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Task outreach.text_patient[7f2e] received args=('QP-55120', 'ilse brandvold', '(0389)-701364')", ["ilse"]),
        ("default: jobs.refresh_member('QP-55121', 'WENDELIN KVARME', phone='05 543 5398')", ["WENDELIN", "543"]),
        ("calling notify_guardian('QP-55122', 'Ηλέκτρα Σταμούλη', '+30 21 0555 0193')", ["Ηλέκτρα", "0555"]),
        ("Task intake.sync_chart[91] received args=('QP-55123', 'oskari vainio', '+7-(923)-074-43-03')", ["7-(923)"]),
    ],
)
def test_task_arguments_about_a_person_in_any_case_or_punctuation(text: str, values: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for value in values:
        assert value not in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Task reports.rebuild[0a1b] received args=('nightly', 'queue drained', 3) kwargs={}", "'queue drained'"),
        ("default: jobs.sync_patient('QP-55124', 'celery beat', 'billing export')", "'celery beat', 'billing export'"),
    ],
)
def test_task_arguments_in_words_of_english_or_software_are_kept(text: str, kept: str) -> None:
    assert kept in REDACTOR.redact_text(text)
