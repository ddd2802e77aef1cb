"""A machine's network addresses, an organisation's own contact fields and rows of capital codes stay; a patient's,
a patient device's and a person's row in the same shapes are still masked."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from hipaalog.redaction import redact, redact_text
from hipaalog.redaction._records import RedactingFilter

MAC = "00:1a:2b:3c:4d:5e"


def _message(msg: str, *args: object) -> str:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, msg, args, None)
    RedactingFilter().filter(record)
    return record.getMessage()


@pytest.mark.parametrize("parent", ["server", "host", "db_node", "printer", "worker"])
def test_machine_mapping_keeps_its_addresses(parent: str) -> None:
    item = {parent: {"name": "db-3", "ip": "10.2.3.4", "mac": MAC}}
    assert redact(item) == item


def test_patient_device_mapping_still_masked() -> None:
    out = redact({"device": {"ip": "73.12.4.5", "mac": MAC}})
    assert out["device"]["ip"] == "[REDACTED:IP]"
    assert "REDACTED" in out["device"]["mac"]


@pytest.mark.parametrize("cls", ["Server", "Host", "Printer", "Worker", "Gateway"])
def test_machine_dataclass_argument_keeps_its_addresses(cls: str) -> None:
    machine = dataclasses.make_dataclass(cls, ["name", "ip", "mac"])("db-3", "10.2.3.4", MAC)
    assert _message("registered %r", machine) == f"registered {machine!r}"


def test_machine_repr_text_keeps_public_address_and_mac() -> None:
    text = f"probe Printer(hostname='prt-2', address='34.2.3.4', mac_address='{MAC}', rack=12)"
    assert redact_text(text) == text


def test_patient_device_repr_still_masked() -> None:
    pump = dataclasses.make_dataclass("InsulinPump", ["serial", "ip", "mac"])("SN-88213", "73.12.4.5", MAC)
    out = _message("device %r", pump)
    assert "73.12.4.5" not in out
    assert MAC not in out


def test_vendor_mapping_keeps_its_contact_fields() -> None:
    item = {"vendor": {"name": "Acme Ltd", "email": "orders@acme.example", "phone": "415-555-0132",
                       "address": "12 Main St, Springfield"}}  # fmt: skip
    assert redact(item) == item


def test_vendor_repr_text_keeps_its_contact_fields() -> None:
    text = (
        "supplier Vendor(name='Wilson, Smith and Bennett', contact_email='orders@acme.example', "
        "office_phone='(415) 555-0132', address='12 Main St, Springfield, IL 62701')"
    )
    assert redact_text(text) == text


def test_supplier_dataclass_argument_keeps_its_contact_fields() -> None:
    supplier = dataclasses.make_dataclass("Supplier", ["name", "email", "phone"])(
        "Acme", "orders@acme.example", "415-555-0132"
    )
    assert _message("onboarded %r", supplier) == f"onboarded {supplier!r}"


def test_patient_contact_fields_still_masked() -> None:
    patient = dataclasses.make_dataclass("Patient", ["name", "email", "phone"])(
        "Jane Roe", "jane.roe@example.com", "415-555-0132"
    )
    out = _message("contact %r", patient)
    assert "jane.roe@example.com" not in out
    assert "555-0132" not in out
    text = "Patient(name='Jane Roe', contact_email='jane.roe@example.com', address='12 Main St, Springfield')"
    assert "jane.roe@example.com" not in redact_text(text)
    assert "12 Main St" not in redact_text(text)


@pytest.mark.parametrize(
    "row",
    [("JFK", "SFO", "2024-05-01"), ("ORD", "LAX", "2023-11-02", 1642), ("AAPL", "MSFT", "2022-01-03", 184.19)],
)
def test_row_of_capital_codes_beside_a_date_stays(row: tuple[object, ...]) -> None:
    assert redact_text(f"route {row!r}") == f"route {row!r}"
    assert redact(row) == list(row)


@pytest.mark.parametrize("row", [("ROE", "ANN", "1961-02-03"), ("Jane Roe", "1961-02-03")])
def test_person_row_in_capitals_still_masked(row: tuple[str, ...]) -> None:
    out = redact_text(f"row {row!r}")
    assert "1961-02-03" not in out
    assert "ANN" not in out and "Jane Roe" not in out


@pytest.mark.parametrize(
    "text",
    [
        "host=lt-30.wood.example ip=10.2.3.4 latency_ms=60",
        "peer=db-1 ip=127.0.0.1 status=503",
        "upstream=cache-2 ip=192.168.4.20 retries=2",
    ],
)
def test_private_address_beside_a_machine_key_stays(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    "text", ["patient portal login user=janeroe ip=73.12.4.5", "host=web-1 ip=73.12.4.5", "login user=jroe ip=10.1.2.3"]
)
def test_ip_under_its_key_still_masked_without_a_machine_or_when_public(text: str) -> None:
    assert "[REDACTED:IP]" in redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "stock moved depot=East Joseph sku=CJ-6991 qty=147",
        "site='New Michael' capacity=71",
        "Event(title='Networked archive', venue='South Angela', day=datetime.date(2025, 3, 4))",
        "warehouse=Port Angela items=12",
    ],
)
def test_town_under_a_site_key_stays(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize("text", ["venue=Michael Jordan", "site='Angela Roe' dob=1961-02-03"])
def test_person_under_a_site_key_still_masked(text: str) -> None:
    assert "[REDACTED:NAME]" in redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT id, name FROM stores WHERE city ILIKE 'sa%' ORDER BY name LIMIT 50",
        "UPDATE warehouses SET city='Lake Amanda' WHERE id=78907",
        "select * from departments where dc_city in ('Boston', 'Lake Amanda')",
    ],
)
def test_town_filter_over_a_firms_table_stays(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * FROM patients WHERE last_name = 'Roe' AND city = 'Springfield'",
        "SELECT f.id FROM facilities f JOIN patients p ON p.fid = f.id WHERE p.city = 'Springfield'",
    ],
)
def test_town_filter_over_a_persons_table_still_masked(text: str) -> None:
    assert "Springfield" not in redact_text(text)


def test_organisation_contact_card_and_desk_fields_stay() -> None:
    item = {
        "vendor": {"name": "Acme", "contact": {"email": "billing@acme.example", "phone": "415-555-0132"}},
        "office_phone": "415-555-0132",
        "office_address": "12 Main St",
    }
    assert redact(item) == item


def test_person_contact_fields_of_the_same_shape_still_masked() -> None:
    out = redact(
        {
            "vendor": {"contact": {"name": "Jane Roe", "email": "jane@acme.example"}},
            "patient": {"contact": {"email": "billing@acme.example"}, "office_phone": "415-555-0132"},
            "office_email": "jane.roe@gmail.com",
        }
    )
    assert out["vendor"]["contact"]["email"] == "[REDACTED:EMAIL]"
    assert out["patient"]["contact"]["email"] == "[REDACTED:EMAIL]"
    assert out["patient"]["office_phone"] == "[REDACTED:PHONE]"
    assert out["office_email"] == "[REDACTED:EMAIL]"


@pytest.mark.parametrize(
    "text",
    [
        "clinic contact: support_email=help@acme.example office_phone=+1-415-555-0132",
        "settings office_phone=001-945-914-5061x23100",
        "query: SELECT * FROM stores WHERE city = %s AND active params=('Springfield',)",
        "Precedence: list\nList-Unsubscribe: <mailto:leave-9403@lists.acme.example>\n"
        "List-Post: <mailto:announce@lists.acme.example>",
        "Authentication-Results: mx.acme.example; spf=pass (domain of alerts@acme.example designates 209.85.220.41 "
        "as permitted sender) smtp.mailfrom=alerts@acme.example",
        "X-Received: by 2002:a05:6214:1c8e:b0:68f:1234:5678 with SMTP id yjnWX; Tue, 02 Apr 2024 10:11:12 -0700",
    ],
)
def test_organisation_and_mail_system_text_stays(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("patient Jane Roe support_email=help@acme.example", "Jane Roe"),
        ("mrn=MR1234567 office_phone=415-555-0132", "415-555-0132"),
        ("query: SELECT * FROM patients WHERE city = %s params=('Springfield',)", "Springfield"),
        ("From: Jane Roe <jane.roe@example.com>\nList-Id: <ops.lists.acme.example>\n", "jane.roe@example.com"),
        ("Received: from [73.12.4.5] (helo=laptop) by smtp.acme.example", "73.12.4.5"),
        ("note: List-Post: <mailto:jane.roe@example.com>", "jane.roe@example.com"),
    ],
)
def test_person_in_the_same_shapes_still_masked(text: str, secret: str) -> None:
    assert secret not in redact_text(text)


def test_machine_named_address_fields_and_firm_postcode_stay() -> None:
    node = "Node(hostname='w-3', internal_ip='10.0.4.17', external_ip='34.120.8.9', eth0_mac='0a:1b:2c:3d:4e:5f')"
    assert redact_text(node) == node
    facility = "Facility(name='North Clinic', street='100 Main St', zip='62701')"
    assert redact_text(facility) == facility
    item = {"facility": {"street": "100 Main St", "zip": "62701"}}
    assert redact(item) == item


def test_patient_device_named_address_fields_and_patient_postcode_still_masked() -> None:
    pump = "InsulinPump(serial='SN-88213', external_ip='73.12.4.5', eth0_mac='0a:1b:2c:3d:4e:5f')"
    out = redact_text(pump)
    assert "73.12.4.5" not in out
    assert "0a:1b:2c:3d:4e:5f" not in out
    assert redact({"patient": {"zip": "62701"}}) == {"patient": {"zip": "[REDACTED:ZIP]"}}
