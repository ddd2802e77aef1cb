"""Serials of certificates and machines, and towns of organisations, are no one's PHI; a person's still are."""

from __future__ import annotations

from typing import Any

import pytest
from faker import Faker

from hipaalog.redaction import find_phi, redact

FAKE = Faker()
Faker.seed(7207)


@pytest.mark.parametrize(
    "event",
    [
        {"certificate_serial": "4F:2A:99:10:BC:7E:01:33"},
        {"instance_serial": "i-0a1b2c3d4e5f67890"},
        {"cert_serial_number": "0x3A9F11C2"},
        {"server_serial": "CN7B2341XY"},
        {"tls.serial": "5D:11:0C:A2:E4:90:7B:3F"},
        {"vendor": {"name": "Acme Supply", "city": FAKE.city()}},
        {"office": {"city": FAKE.city(), "floor": 3}},
        {"event": {"supplier": {"City": FAKE.city(), "id": 7}}},
        {"branch_office": {"town": FAKE.city()}},
        {"warehouse_city": FAKE.city()},
        {"vendor_city": FAKE.city()},
    ],
)
def test_machine_serials_and_firm_towns_are_kept(event: dict[str, Any]) -> None:
    assert redact(event) == event
    assert find_phi(event) == []


@pytest.mark.parametrize(
    "event",
    [
        {"device_serial": f"SN-{FAKE.random_number(digits=6, fix_len=True)}"},
        {"pump_serial_no": f"PM{FAKE.random_number(digits=8, fix_len=True)}"},
        {"serial_number": f"SN-{FAKE.random_number(digits=6, fix_len=True)}-AB"},
        {"patient": {"city": FAKE.city()}},
        {"patient": {"office": {"city": FAKE.city()}}},
        {"member_city": FAKE.city()},
        {"patient_office_city": FAKE.city()},
    ],
)
def test_a_persons_serial_and_town_are_masked(event: dict[str, Any]) -> None:
    assert redact(event) != event
    assert find_phi(event)


def test_an_identifier_in_a_firms_town_field_is_still_masked() -> None:
    ssn = FAKE.ssn()
    event = {"vendor": {"city": f"see {ssn}"}}
    assert ssn not in str(redact(event))
    assert [f.kind for f in find_phi(event)] == ["SSN"]
