"""Positional rows about a person (tuples, lists, named tuples, DB-API rows and parameters, ``VALUES (...)``,
``KeyError((...))``) logged through the logging path: the row's other values shaped as a person's are masked;
rows with nothing of a person stay as they are."""

from __future__ import annotations

import collections
import datetime
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from faker import Faker
from hypothesis import example, given, settings
from hypothesis import strategies as st

import hipaalog
from hipaalog.redaction import redact_text
from hipaalog.redaction._person_rows import person_id_shaped

Row = collections.namedtuple("Row", "a b c d")


class _Messages(logging.Handler):
    """Keeps each record's final message."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def logged(identity_env: dict[str, str]) -> Iterator[Any]:
    """``logged(msg, *args)``: the message a handler sees after hipaalog is configured."""
    hipaalog.configure(sinks=["stderr"])
    handler = _Messages()
    logger = logging.getLogger("app.rows")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False

    def log(msg: str, *args: Any) -> str:
        logger.info(msg, *args)
        return handler.messages[-1]

    yield log
    logger.removeHandler(handler)


@pytest.mark.parametrize(
    ("msg", "args", "secrets"),
    [
        # an MRN in the row: its member id, plate, serial and licence are the same person's
        (
            "fetched %s",
            (("MRN00482913", "W123456789", "7ABC123", "SN-88213-XK", "D1234567"),),
            ["W123456789", "7ABC123"],
        ),
        (
            "fetched %s",
            (("MRN00482913", "W123456789", "7ABC123", "SN-88213-XK", "D1234567"),),
            ["SN-88213", "D1234567"],
        ),
        # a VIN in the row: a record number passed as an int and a listed town
        ("fetched %s", ((48213377, "Springfield", "1HGCM82633A004352"),), ["48213377", "Springfield"]),
        # a name in the row: an age over 89
        ("fetched %s", (("visit", "2024-03-01", "Roe, Jane", 93),), ["93"]),
        ("fetched %r", (["visit", "Roe, Jane", 104],), ["104"]),
        # a birth date alone says the row is a person's
        ("row %s", (("1941-01-07", False, 401541447, "inpatient"),), ["1941-01-07", "401541447"]),
        ("params=%r", ((datetime.date(1939, 2, 13), "H988885646", "VH14530C"),), ["H988885646", "VH14530C"]),
        # a town beside a state or ZIP code in a person's row, and that code
        ("fetched %s", (("1980-01-03", "New Nicholas", "49429"),), ["New Nicholas", "49429"]),
        ("loaded %s", (["Jane Roe", "Marissaberg", "OH"],), ["Marissaberg"]),
        # the words right before the row say whose it is
        ("fetched patient row %s", (("X630444814", 44.92, "560190355"),), ["X630444814", "560190355"]),
        ("member query params=%s", ((False, "357882667", "JC2476Y"),), ["357882667", "JC2476Y"]),
        ("subscriber record %s", (Row("W185919654", "Griffinmouth", "FL", "34177"),), ["W185919654", "34177"]),
        ("INSERT INTO patients VALUES ('G9614898', 'active', 103, '1RXD582')", (), ["G9614898", "103", "1RXD582"]),
        ("patient not found: KeyError(('S6498120', '5RKV762', 'SN-95769-EF'))", (), ["S6498120", "5RKV762", "95769"]),
        ("pt fetchone() -> %r", (("3FHU233", 17.62, "999251957"),), ["3FHU233", "999251957"]),
        # a list of column names before the rows: their values by column, and the rest by shape
        (
            "columns %s rows %s",
            (
                ("mrn", "plate", "town", "status"),
                [("A1234", "XYZ 123", "Dunmore", "active"), ("B99", "7ABC123", "Quil", "")],
            ),
            ["A1234", "XYZ 123", "Dunmore", "B99", "7ABC123", "Quil"],
        ),
        ("names: %s values: %s", (["member_id", "serial", "age"], ("K88213", "SN-1", 93)), ["K88213", "SN-1", "93"]),
        # hipaalog's mask of an argument in the row
        ("row ('[REDACTED:NAME]', 'A0048213', 'ZE61789Y', 95)", (), ["A0048213", "ZE61789Y", "95"]),
        # a task about a claim, or with a plate among its arguments
        ("Task app.tasks.process_claim[c0ffee] args=('H736797751', 'SN-79429-YA') kwargs={}", (), ["H736797751"]),
        ("calling export_chart('NL9584C', 'G9791175')", (), ["NL9584C", "G9791175"]),
    ],
)
def test_a_persons_row_loses_its_identifiers(logged: Any, msg: str, args: tuple[Any, ...], secrets: list[str]) -> None:
    out = logged(msg, *args)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    ("msg", "args"),
    [
        ("fetched %s", (("job-48213377", 3),)),
        ("pool %s", (("db-primary.internal", 5432, 20, 3),)),
        ("status %s", (("failed", 12),)),
        ("version %r", ((3, 11, 4, "final", 0),)),
        ("commit %s", (("3fa85f64a1", "release/2.3", "Jenkins"),)),
        ("request %s", (("GET", "/api/v1/items", 200, 0.013),)),
        ("instance %s", (("us-east-1", "i-0abc123def4567890"),)),
        ("resize %s", (("1920x1080", "image/png", 204800),)),
        ("window %s", (("2026-12-07T13:00:00Z", "2026-12-07T13:05:00Z", 1234567),)),
        # a word of a person that is no word of the row's: a service, a module, a path, a count's subject
        ("patient-api cache stats %s", ((1532, 12, 0.013),)),
        ("claims-worker job %s done", (("job-48213377", "us-east-1", 3),)),
        ("claims_etl.load_batch args=%r", (("s3://bucket/claims/2026-12-01.csv", 1048576, "gzip"),)),
        ("member_sync instance %s", (("us-east-1", "i-0abc123def4567890"),)),
        ("patients table size %s", (("patients", 1204331, "rows"),)),
        ("member count by plan %s", ([("GOLD", 1234567), ("SILVER", 2345678)],)),
        ("Claim adjudication rules loaded %s", (("RULE-1001", "RULE-1002", "v2026.12"),)),
        ("member lookup cache %s", (("redis-01", 6379, "sha256", "utf8"),)),
        ("frame %s", (("/app/patients/views.py", 42, "get_patient"),)),
        # column names of no person: a town's column alone is in tables of counts too
        ("cols %s rows %s", (("id", "host", "port"), [("abc", "db1", 5432), ("K88213", "db2", 5433)])),
        ("by %s: %s", (("town", "state", "visits_total"), [("Springfield", "IL", 1234567)])),
    ],
)
def test_rows_of_no_person_stay(logged: Any, msg: str, args: tuple[Any, ...]) -> None:
    assert logged(msg, *args) == msg % args


_FAKE = Faker("en_US")


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(["%s", "%r", "list", "fstring"]))
@example(7, "%s")
@example(69, "%s")  # a name the name reader misses ("Thomas French"): the birth date says whose the row is
def test_generated_person_rows(seed: int, form: str) -> None:
    """A row holding a person's name and birth date beside a member id, a plate and a record number loses them."""
    _FAKE.seed_instance(seed)
    member = f"W{_FAKE.random_int(10**8, 10**9 - 1)}"
    letters = _FAKE.lexify("???", letters="ABCDEFGHJKLMNPRSTUVWXYZ")
    plate = f"{_FAKE.random_int(1, 9)}{letters}{_FAKE.random_int(100, 999)}"
    record = _FAKE.random_int(10**6 + 1, 10**9)
    born = _FAKE.date_between(datetime.date(1930, 1, 1), datetime.date(1990, 1, 1)).isoformat()
    row = (_FAKE.name(), born, "active", member, plate, record)
    shown = {"%s": str(row), "%r": repr(row), "list": str(list(row))}.get(form, f"{row}")
    text = f"fetched {shown}"
    out = redact_text(text)
    for secret in (member, plate, str(record)):
        assert secret not in out, out


@pytest.mark.parametrize(
    ("value", "shaped"),
    [
        ("W123456789", True),
        ("7ABC123", True),
        ("SN-88213-XK", True),
        ("D1234567", True),
        ("88213377", True),
        ("1048000", False),  # a round count
        ("sha256", False),
        ("utf8", False),
        ("1920x1080", False),
        ("3fa85f64a1", False),  # a short hash
        ("us-east-1", False),
        ("v2026.12", False),
    ],
)
def test_person_id_shapes(value: str, shaped: bool) -> None:
    assert person_id_shaped(value) is shaped
