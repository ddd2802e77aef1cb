"""Positional rows and task arguments with no name in them, read as one person's record by their cells' shapes:
a tuple, ``args=(...)``, ``kwargs={...}`` with keys that say nothing, an ``asyncpg`` record, a ``functools.partial``
repr. Their ids, dates, towns, codes and great ages are masked; rows of things stay as they are."""

from __future__ import annotations

import datetime
import random
import re

import pytest
from faker import Faker

from hipaalog.redaction import redact, redact_text
from hipaalog.redaction._record_cells import care_date, record_cells, street_cell

_UUID = "8a1c2f3e-1111-4222-8333-444455556666"


def _kept(value: str, text: str) -> bool:
    """Whether ``value`` is still in ``text`` as a whole token."""
    return re.search(rf"(?<![0-9A-Za-z]){re.escape(value)}(?![0-9A-Za-z])", text) is not None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("loaded ('MRN00418822', datetime.date(2024, 3, 5), 'Elmira', '14901')", ["00418822", "2024, 3, 5", "14901"]),
        ("row (4412093, '7HGCM82633A004352', 'Oswego')", ["4412093", "7HGCM82633A004352", "Oswego"]),
        (f"Task tasks.sync[{_UUID}] received args=('A8812345', '1931-02-07', 94)", ["A8812345", "1931-02-07", "94"]),
        ("rows=[('W7741203', '2024-03-05'), ('W7741204', '2023-11-30')]", ["W7741203", "2024-03-05", "2023-11-30"]),
        ("state {'row': ('KX204417', '03/17/1938', 'SN-88213-XK')}", ["KX204417", "03/17/1938", "SN-88213-XK"]),
        ("kwargs={'a': 'BW429625', 'v': 'V3856650', 'x1': '95767'}", ["BW429625", "V3856650", "95767"]),
        ("<Record arg0='A8812345' arg1=datetime.date(1931, 2, 7) arg2=97>", ["A8812345", "1931, 2, 7", "97"]),
        ("functools.partial(<function sync at 0x7f3a2c1d9e40>, 'D1234567', '05/29/1951')", ["D1234567", "05/29/1951"]),
        (
            f"Job(id='{_UUID}', func=jobs.refresh, args=('H7944469', 'U9396963'), kwargs={{}})",
            ["H7944469", "U9396963"],
        ),
        ("default: jobs.export('Q8312636', '04/07/2026', '8NNH102') (job-1)", ["Q8312636", "04/07/2026", "8NNH102"]),
        ("Rec(a=6168221, v='U6459148', x1='O5328766')", ["6168221", "U6459148", "O5328766"]),
        ("[8381429, 'X0WTM71Y5BPED33EU', '19700108']", ["8381429", "X0WTM71Y5BPED33EU", "19700108"]),
        ("functools.partial(<function load at 0x7f>, 886828, '34396741', 'Częstochowa')", ["34396741", "Częstochowa"]),
        ("sync_patient_chart args=('B7731200',)", []),  # one cell: no row of two values
        ("sync_patient_chart ('B7731200', 'x')", ["B7731200"]),  # one strong cell and a word of a record
        ("visit lookup ('Elmira', 3)", ["Elmira"]),
    ],
)
def test_a_record_without_a_name_is_masked(text: str, values: list[str]) -> None:
    redacted = redact_text(text)
    for value in values:
        assert not _kept(value, redacted), redacted


@pytest.mark.parametrize(
    "text",
    [
        "python version sys.version_info=(3, 11, 4, 'final', 0)",
        "connecting to ('db.internal', 5432)",
        "input shape (32, 3, 224, 224)",
        "series [(datetime.date(2024, 3, 5), 12), (datetime.date(2024, 3, 6), 14)]",
        "window ('2024-03-01', '2024-03-31')",
        "headers [('Content-Type', 'application/json'), ('X-Request-Id', 'a1b2c3d4e5f6')]",
        "at ('app/views.py', 120)",
        "top cities [('Chicago', 104), ('Boston', 97)]",
        f"Task geo.refresh[{_UUID}] received args=('Denver', 2746388) kwargs={{}}",
        "order ('ORD-2024-00042', 'shipped', datetime.date(2024, 3, 5))",
        "flight ('UA1234', 'JFK', datetime.date(2024, 5, 1))",
        "shipment ('1Z999AA10123456784', 'Denver', '2024-05-01')",
        "region ('eu-west-1', 'i-0abc123def4567890', 'web-7f9c8d6b5-xk2lp')",
        "ids (4412093, 97)",
        "kwargs={'a': 1, 'v': 2, 'x1': 'fast'}",
        "{'id': 'PO4620318', 'ts': '2026-11-05', 'status': 'ok'}",
        "Vendor(company='Crawford PLC', contract_no='CN-48213-22', signed='2021-04-01')",
        "INSERT INTO claims (case_ref, note) VALUES ('CR-88123', 'ok')",
        "by ('town', 'state', 'visits_total'): [('Springfield', 'IL', 1234567)]",
        "calling geocode('Springfield', '62704')",
        "Message(queue_name='default', actor_name='rebuild', args=('search', 2), kwargs={}, options={})",
        "<Record id=42 name='widgets' count=17>",
        "functools.partial(<function retry at 0x7f3a2c1d9e40>, attempts=3, delay=0.5)",
    ],
)
def test_rows_of_things_stay(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([("A8812345", True), ("1931-02-07", True)], True),  # two strong cells
        ([("A8812345", True), ("2024-03-05", True)], True),  # a strong cell and a visit's date
        ([("Elmira", True), ("34396741", True)], True),  # a town and a code written as text
        ([("Elmira", True), ("14901", True)], False),  # a town and its own postal code: a place, no person
        ([("Elmira", True), ("104", False)], False),  # a town and a count
        ([("Elmira", True), ("2024-03-05", True)], False),  # a town and a date: a warehouse's shipment
        ([("4412093", False), ("97", False), ("2024-03-05", True)], False),  # weak cells alone
        ([("ORD-2024-00042", True), ("2024-03-05", True)], False),  # an order's id is weak
        ([("i-0abc123def4567890", True), ("A8812345", True)], False),  # a cloud's id weighs nothing
    ],
)
def test_record_cells_weighs_cells(values: list[tuple[str, bool]], expected: bool) -> None:
    text = "row"
    assert record_cells(values, text, (0, len(text))) is expected


def test_a_word_of_a_record_before_the_row_counts_but_not_one_in_a_quoted_value() -> None:
    cued = "sync_patient_chart"
    assert record_cells([("A8812345", True), ("x", True)], cued, (0, len(cued)))
    quoted = "by ('visits_total', "
    assert not record_cells([("A8812345", True), ("x", True)], quoted, (0, len(quoted)))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", True),
        ("03/05/2024", True),
        ("datetime.date(2024, 3, 5)", True),
        ("datetime.datetime(2024, 3, 5, 10, 2, 3)", True),
        ("2024-03-05T10:02:03", True),
        ("3.11.4", False),
        ("20240305x", False),
    ],
)
def test_care_date(value: str, expected: bool) -> None:
    assert care_date(value) is expected


@pytest.mark.parametrize("locale", ["en_US", "de_DE", "fr_FR", "en_GB", "pl_PL", "it_IT"])
def test_faker_records_in_task_arguments_are_masked(locale: str) -> None:
    fake = Faker(locale)
    fake.seed_instance(11)
    rng = random.Random(locale)
    for _ in range(20):
        mrn = f"{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.randrange(10**6, 10**7)}"
        born = fake.date_of_birth(minimum_age=30, maximum_age=99)
        seen = fake.date_between(start_date=datetime.date(2023, 1, 1), end_date=datetime.date(2025, 12, 31))
        text = f"Task tasks.sync[{_UUID}] received args=({mrn!r}, {born!r}, '{seen.isoformat()}') kwargs={{}}"
        redacted = redact_text(text)
        for value in (mrn, f"{born.year}, {born.month}, {born.day}", seen.isoformat()):
            assert value not in redacted, redacted


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            'Task tasks.sync received kwargs={"a": "BW429625", "x1": "1931-02-07", "v": "Jamesfort"}',
            ["BW429625", "1931-02-07", "Jamesfort"],
        ),
        ('tasks.sync_patient kwargs={"a": "7486081", "b": "2021-07-29"}', ["7486081", "2021-07-29"]),
        ("visit (6193583, '70400463', datetime.date(2025, 6, 17))", ["6193583", "70400463", "2025, 6, 17"]),
        ("Task jobs.refresh_visit[abc] succeeded: None args=(5185832, '04/30/2022')", ["5185832", "04/30/2022"]),
        ("args=('A8812345', 'East Lisaville')", ["A8812345", "East Lisaville"]),
        ("row ('LD7237712', 'Port Amanda', '2941')", ["LD7237712", "Port Amanda", "2941"]),
        ("args=('Sindrefjord', 'A24289889')", ["Sindrefjord", "A24289889"]),
        ("args=('A8812345', 'Kolding', '6000')", ["A8812345", "Kolding", "6000"]),
        ('payload: ["A8812345", "1931-02-07", "Raymonddan"]', ["A8812345", "1931-02-07", "Raymonddan"]),
    ],
)
def test_json_rows_weak_rows_after_a_record_word_and_unlisted_towns_are_masked(text: str, values: list[str]) -> None:
    redacted = redact_text(text)
    for value in values:
        assert not _kept(value, redacted), redacted


@pytest.mark.parametrize(
    "text",
    [
        '{"id": "PO4620318", "ts": "2026-11-05", "status": "ok"}',
        'kwargs={"a": 1, "b": "fast"}',
        'versions ["3.11.4", "2.31.0", "final"]',
        "visits_total (4412093, 97)",
        "visit window ('2024-03-01', '2024-03-31')",
        "batch args=(1234567, datetime.date(2025, 6, 17))",
        "admissions by day [('2024-03-01', 1234567)]",
        "order ('SKU-48213', 'Jamesfort')",
        'offices [["Crawford PLC", "4123", 33]]',
        "top towns [('Jamesfort', 4123), ('Lake Heather', 97)]",
        "chart args=('Cardiology', 1234567)",
    ],
)
def test_json_objects_series_and_rows_of_things_stay(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([("A8812345", True), ("Jamesfort", True)], True),  # a coined town beside a strong cell
        ([("Jamesfort", True), ("34396741", True)], False),  # a coined town beside a code alone
        ([("SKU-48213", True), ("Jamesfort", True)], False),  # beside an order's id
    ],
)
def test_a_coined_town_weighs_beside_a_strong_cell_only(values: list[tuple[str, bool]], expected: bool) -> None:
    assert record_cells(values, "row", (0, 3)) is expected


@pytest.mark.parametrize("locale", ["en_US", "en_AU", "no_NO", "da_DK", "de_CH", "nl_BE"])
def test_faker_towns_and_postcodes_beside_an_id_are_masked(locale: str) -> None:
    fake = Faker(locale)
    fake.seed_instance(12)
    rng = random.Random(locale)
    kept = 0
    for _ in range(30):
        letters = "".join(rng.choices("ABCDEFGHJKLMNPRSTUVWXYZ", k=2))
        mrn = f"{letters}{rng.randrange(10**5, 10**7)}"
        town, code = fake.city(), fake.postcode()
        redacted = redact_text(f"Task tasks.sync[{_UUID}] received args=({mrn!r}, {town!r}, {code!r}) kwargs={{}}")
        kept += _kept(mrn, redacted) or _kept(town, redacted) or _kept(code, redacted)
    assert kept <= 3  # a town that is also an English word (``Strand``) may stay


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("etl.load args=('Vejlegade 5', 'Hundested', '1916')", ["Vejlegade 5", "Hundested", "1916"]),
        ("tasks.sync args=('Christiaanhof 6', 'Oordegem', '6018')", ["Christiaanhof 6", "Oordegem", "6018"]),
        ("row ('742 Evergreen Terrace', 'Jamesfort')", ["742 Evergreen Terrace", "Jamesfort"]),
        ("Appointment(slot='01/03/2021', room='3B')", ["01/03/2021"]),
        ("Visit(seen=datetime.datetime(2024, 6, 30, 9, 30), status='booked')", ["2024, 6, 30"]),
    ],
)
def test_a_street_in_a_cell_and_a_care_events_slot_are_masked(text: str, values: list[str]) -> None:
    redacted = redact_text(text)
    for value in values:
        assert not _kept(value, redacted), redacted


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("742 Evergreen Terrace", True),
        ("Hauptstraße 12", True),
        ("Solberggata 8H", True),
        ("404 Not Found", False),
        ("3 Retries Left", False),
        ("Version 2", False),
    ],
)
def test_street_cell(value: str, expected: bool) -> None:
    assert street_cell(value) is expected


def test_a_slot_or_a_seen_date_of_no_care_event_stays() -> None:
    assert redact_text("Message(seen=datetime.datetime(2024, 6, 30, 9, 30))") == (
        "Message(seen=datetime.datetime(2024, 6, 30, 9, 30))"
    )
    assert redact({"appointment": {"slot": 3}}) == {"appointment": {"slot": 3}}
    assert redact({"appointment": {"slot": "2022-10-30"}}) == {"appointment": {"slot": "[REDACTED:DATE]"}}


@pytest.mark.parametrize(
    "text",
    [
        # a statement's parameters are judged by their columns, not read as a person's record by their shapes
        "slow query (3839ms): SELECT id, status FROM claims WHERE batch_id = %s AND created_at > %s"
        " LIMIT %s params=['RX-BATCH-244', '2026-09-02 12:56:11', 837]",
        "SELECT id FROM claims WHERE batch_id = $1 AND payer = $2 -- args: ('PO96885384', 'UHC22')",
        # a timestamp to the second beside an order number: when a job ran, not a visit
        "Task etl.load_partition[e9d36efd] received args=('PO23387812', '2026-09-15 07:15:51', 58)",
        "Task etl.load_partition[e9d36efd] received args=('PO23387812', datetime.datetime(2026, 9, 15, 7, 15), 58)",
        # a database's error code after "in" is no town and postcode
        "processed INV-2024-26781 in SQLSTATE 40001 (Encounter/954448)",
    ],
)
def test_parameters_job_times_and_error_codes_are_no_record(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("SELECT id FROM patients WHERE mrn = %s AND dob = %s params=['MR1234567', '1961-04-03']", "MR1234567"),
        ("Task clinic.sync_visit[e9d36efd] received args=('PO23387812', '2026-09-15 07:15:51', 58)", "PO23387812"),
        ("patient ('A8812345', '2024-03-05 10:30:00')", "2024-03-05"),
        ("Task x[e9d] received args=('A8812345', '2024-03-05', 'Elmira')", "A8812345"),
    ],
)
def test_the_same_shapes_about_a_patient_are_masked(text: str, hidden: str) -> None:
    assert hidden not in redact_text(text)
