"""Everyday objects, URLs and mail logged by systems stay as written; a person's values of the same shapes do not.

Nested dataclass reprs, a thing's dated fields, a machine's ``last seen``, build numbers shaped like a reversed
SSN, message ids after their header's name, firms named by surnames and date windows in a query are benign; each
test beside them checks that a patient's value in the same shape is still masked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import logging

import pytest

from hipaalog.redaction import Redactor, redact_record

REDACTOR = Redactor()


class Status(enum.Enum):
    OK = 1
    PENDING = 2


@dataclasses.dataclass
class Order:
    id: int
    sku: str
    price: decimal.Decimal
    placed: dt.date
    status: Status


@dataclasses.dataclass
class Batch:
    id: int
    created: dt.datetime
    orders: list[Order]


@dataclasses.dataclass
class Patient:
    name: str
    mrn: str
    last_seen: dt.date


@dataclasses.dataclass
class Ward:
    code: str
    patients: list[Patient]


def _message(msg: str, *args: object) -> str:
    record = logging.LogRecord("app", logging.INFO, __file__, 1, msg, args, None)
    redact_record(record, REDACTOR)
    return record.getMessage()


def test_objects_in_a_list_field_print_in_their_own_shape() -> None:
    orders = [
        Order(3532457, "SKU-13302", decimal.Decimal("30.49"), dt.date(2025, 3, 18), Status.PENDING),
        Order(8319, "SKU-1", decimal.Decimal("9.99"), dt.date(2025, 3, 18), Status.OK),
    ]
    batch = Batch(55327, dt.datetime(2025, 3, 18, 2, 43, 45), orders)
    assert _message("processing %s", batch) == f"processing {batch}"
    assert _message("processing %r", batch) == f"processing {batch!r}"


def test_a_person_inside_a_list_field_is_still_masked() -> None:
    ward = Ward("W3", [Patient("Odalys Prieto", "MRN00482913", dt.date(2024, 3, 1))])
    out = _message("ward %r", ward)
    assert out.startswith("ward Ward(code='W3', patients=[Patient(name="), out
    assert "Odalys" not in out and "00482913" not in out and "2024, 3, 1" not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "loaded Facility(name='Mayo Clinic', id=22192, beds=354, city='Las Palmas', opened=datetime.date(1984, 6, 20))",
        "Device(model='X7', hostname='db-01.example.com', last_seen=datetime.datetime(2025, 3, 26, 11, 10, 59))",
        "node api-06.example.com last seen 2025-06-10",
        "agent mq-07 first seen on 2025-06-10",
        "device X12 last seen 2025-06-10",
        "agent build 3179-31-270 deployed",
        "order 4821-33-120 shipped to warehouse 7",
        "bounce: 550 5.1.1 <alerts@example.de>: unknown (Message-ID <a5ac06d864c2f2e39403560d97dae38d@example.de>)",
        "delivered message_id=<20250318.4411@mx.example.com> status=sent",
        "List-Unsubscribe: <https://davies-warner.com/unsub?l=184>",
        "GET https://shop.example.de/api/v2/orders/37246?page=19&since=2025-03-18 200 5ms",
        "ValueError: invalid version '7.1' for Fanucci, Favata e Calbo SPA feed",
        "contract renewed for Pasquier Godard SARL today",
        "invoice from Andrade Ltda. received",
        "state Invoice(number=3740436, customer='Johns Hopkins Hospital', total=Decimal('55210.64'))",
        "Order(ref=219099999, qty=3)",
        "distributor Chen Inc, Lake Jill, PA 56969 onboarded",
        "distributor Gonzales Group, Lewisfort, MI 79182 onboarded",
        "In-Reply-To: <CAF=abc123@mail.gmail.com>",
        "From: Stryker Sales <sales@stryker.example>\nSubject: Your weekly digest for March 18, 2025",
    ],
)
def test_benign_system_text_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Row(name='Odalys Prieto', dob=datetime.date(1984, 6, 20), mrn=1234567)", "1984, 6, 20"),
        ("row=('Odalys', datetime.date(1984, 6, 20), 1234567)", "1984, 6, 20"),
        ("Patient(name='Odalys Prieto', mrn='MRN-0048', last_seen=datetime.date(2024, 3, 1))", "2024, 3, 1"),
        ("Patient(id=3, admitted=datetime.datetime(2024, 3, 1, 4, 5, 6))", "2024, 3, 1"),
        ("pt last seen 2024-03-01 in clinic", "2024-03-01"),
        ("Odalys Prieto last seen 2024-03-01", "2024-03-01"),
        ("patient MRN 00482913 last seen on 03/01/2024", "03/01/2024"),
        ("ssn 4718-22-635 on file", "4718-22-635"),
        ("Message-ID: <x1@mx.example.com>\nTo: Odalys Prieto <odalys.prieto@example.org>", "odalys.prieto@"),
        ("Message-ID: <x1@mx.example.com>\nTo: Odalys Prieto <odalys.prieto@example.org>", "Odalys Prieto"),
        ("sent message_id=<abc123@mail.example.com> to=<odalys.prieto@example.org>", "odalys.prieto@"),
        ("see https://jane-roe.net/about", "jane-roe.net"),
        ("GET https://portal.example.org/api/patients/8812/visits?since=2024-03-01", "2024-03-01"),
        ("GET https://example.org/api/v1/search?date=1984-03-18", "1984-03-18"),
        ("GET https://example.org/api/v1/orders?q=2025-03-18", "2025-03-18"),
        ("message for Odalys Prieto from clinic", "Odalys Prieto"),
        ("referred by Odalys Prieto PA today", "Odalys Prieto"),
        ("Patient(number=3740436)", "3740436"),
        ("Invoice(number=3125550178, total=3)", "3125550178"),
        ("Shipment(phone=3740436)", "3740436"),
        ("pt lives at 12 Main St, Lake Jill, PA 56969", "56969"),
        ("Odalys Prieto, PA, Lake Jill, PA 56969", "56969"),
        ("From: Jane Sales <sales@acme.example>", "Jane Sales"),
        ("From: Odalys Prieto <sales@acme.example>\nSubject: visit on March 18, 2025", "March 18, 2025"),
        ("see https://roe-jane.com/", "roe-jane"),
    ],
)
def test_a_persons_values_of_the_same_shapes_are_masked(text: str, hidden: str) -> None:
    out = REDACTOR.redact_text(text)
    assert hidden not in out, out


@pytest.mark.parametrize(
    ("text", "kept", "hidden"),
    [
        ("Car(make='Toyota', model='Camry', year=2021, plate='7ABC123')", ("Toyota", "Camry"), "7ABC123"),
        ("Van(make='Ford', model='Transit', vin='1HGCM82633A004352')", ("Ford", "Transit"), "1HGCM82633A004352"),
        (
            "Fleet(carrier='UPS', make='Nissan', trim='Lincoln', plate='7ABC123')",
            ("UPS", "Nissan", "Lincoln"),
            "7ABC123",
        ),
    ],
)
def test_a_things_attributes_beside_its_identifier_are_the_things(
    text: str, kept: tuple[str, ...], hidden: str
) -> None:
    out = REDACTOR.redact_text(text)
    assert hidden not in out, out
    assert all(value in out for value in kept), out


def test_a_persons_row_beside_a_things_attribute_is_still_masked() -> None:
    out = REDACTOR.redact_text("Patient(name='Odalys Prieto', make='Toyota', plate='7ABC123', city='Elmira')")
    assert "Odalys" not in out and "7ABC123" not in out and "Elmira" not in out, out
