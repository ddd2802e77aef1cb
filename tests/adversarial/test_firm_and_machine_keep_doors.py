"""A patient's value written where a firm's or a machine's own is kept: an SSN under a clinic's phone field, a name
or a number under its address, a mailbox or a street under a server's ``hostname`` or ``ip``, a person's name or a
street as the town of a statement over a firm's table, a free-mail box or a name on a mailing list's header. Each
rule's own shape (a firm's street line and desk phone, a machine's address, a site's town, a list's mailbox) stays.
A machine's public address, MAC or name beside a person (in the same text or record) may be the person's device."""

from __future__ import annotations

import logging

import pytest

from .harness import Harness

LEAKING = [
    ("Server(name='db', address='42 Elm Street, Oakland CA 94607')", "42 Elm"),
    ("Vendor(name='Acme', address='Wendell Okafor 1961-04-03')", "1961-04-03"),
    ("Clinic(name='North', support_email='wendell.okafor@gmail.com')", "wendell.okafor"),
    ("SELECT * FROM facilities WHERE city IN ('Wendell Okafor', 'Boston')", "Okafor"),
    ("UPDATE stores SET town = '42 Elm Street 94607' WHERE id=3", "42 Elm"),
    ("SELECT * FROM departments d, patients p WHERE p.city = 'Lake Amanda'", "Lake Amanda"),
    ("SELECT * FROM stores s JOIN customers c ON c.sid = s.id WHERE c.city = 'Lake Amanda'", "Lake Amanda"),
    ("List-Id: <wendell.okafor@gmail.com>", "wendell.okafor"),
    ("List-Post: <mailto:ops@lists.example>\n  MRN 5529301 Wendell Okafor", "Okafor"),
    ("List-Help: Wendell Okafor <mailto:wokafor@okafor.example>", "wokafor"),
    ("mail dump\nList-Id: patient Wendell Okafor MRN 5529301 <jroe@okafor.example>", "jroe@"),
    ("X-Received: from 73.162.44.19 by mx for wendell", "73.162.44.19"),
    ("Server(name='jane-roe-home', ip='73.162.44.19') patient Jane Roe", "73.162.44.19"),
    ("Server(name='home', ip='73.162.44.19', mac='00:1a:2b:3c:4d:5e') MRN 5529301", "00:1a:2b:3c:4d:5e"),
]
KEYED = [
    ({"worker": {"hostname": "078-05-1120", "ip": "10.0.0.4"}}, "078-05-1120"),
    ({"worker": {"ip": "wendell.okafor@gmail.com"}}, "wendell.okafor"),
    ({"node": {"address": "42 Elm Street, Oakland CA 94607"}}, "42 Elm"),
    ({"host": {"addr": "(415) 555-0193"}}, "555-0193"),
    ({"clinic_phone": "078-05-1120"}, "078-05-1120"),
    ({"office_fax": "078 05 1120"}, "078 05 1120"),
    ({"clinic_address": "Wendell Okafor, 42 Elm Street"}, "Okafor"),
    ({"office_address": "SSN 078-05-1120"}, "078-05-1120"),
    ({"vendor": {"address": "MRN 8812004 Wendell Okafor"}}, "8812004"),
    ({"vendor": {"address": "42 Elm Street, Oakland CA 94607", "name": "Wendell Okafor"}}, "42 Elm"),
    ({"vendor": {"email": "wendell.okafor@yahoo.com"}}, "wendell.okafor"),
    ({"host": {"ip": "73.162.44.19"}, "patient": "Wendell Okafor"}, "73.162.44.19"),
    ({"server": {"ip": "73.162.44.19", "mac": "00:1a:2b:3c:4d:5e"}, "mrn": "5529301"}, "00:1a:2b:3c:4d:5e"),
]
KEPT = [
    "probe Printer(hostname='prt-2', address='34.2.3.4', mac_address='00:1a:2b:3c:4d:5e', rack=12)",
    "supplier Vendor(name='Wilson, Smith and Bennett', contact_email='orders@acme.example', "
    "office_phone='(415) 555-0132', address='12 Main St, Springfield, IL 62701')",
    "settings office_phone=001-945-914-5061x23100",
    "UPDATE warehouses SET city='Lake Amanda' WHERE id=78907",
    "SELECT * FROM stores s, regions r WHERE s.city = 'Lake Amanda'",
    "select * from departments where dc_city in ('Boston', 'Lake Amanda')",
    "Precedence: list\nList-Unsubscribe: <mailto:leave-9403@lists.acme.example>",
    "List-Id: Announcements <announce.lists.acme.example>",
    "X-Received: by 2002:a05:6214:1c8e:b0:68f:1234:5678 with SMTP id yjnWX; Tue, 02 Apr 2024 10:11:12 -0700",
    "Server(name='db', ip='34.2.3.4', mac='00:1a:2b:3c:4d:5e') restarted by deploy",
]
KEPT_KEYED = [
    {"server": {"name": "db-3", "ip": "10.2.3.4", "mac": "00:1a:2b:3c:4d:5e", "hostname": "db-3.internal"}},
    {"vendor": {"name": "Acme Ltd", "email": "orders@acme.example", "address": "12 Main St, Springfield"}},
    {"office_phone": "415-555-0132", "office_address": "PO Box 44, Reno NV 89501"},
    {"server": {"name": "db-3", "ip": "34.2.3.4"}, "caller": "billing-api", "status": "ok"},
]


def _line(harness: Harness, text: str, **extra: object) -> str:
    logging.getLogger("attack.app").info(text, extra=extra)
    lines = [line for line in harness.written().splitlines() if '"attack.app"' in line]
    return lines[-1]


@pytest.mark.parametrize(("text", "secret"), LEAKING)
def test_a_patients_value_in_a_firms_or_machines_shape_is_masked(harness: Harness, text: str, secret: str) -> None:
    line = _line(harness, text)
    assert "REDACTED" in line
    assert secret not in line


@pytest.mark.parametrize(("fields", "secret"), KEYED)
def test_a_patients_value_under_a_firms_or_machines_field_is_masked(
    harness: Harness, fields: dict[str, object], secret: str
) -> None:
    line = _line(harness, "record", **fields)
    assert "REDACTED" in line
    assert secret not in line


@pytest.mark.parametrize("text", KEPT)
def test_the_firms_and_machines_own_text_stays(harness: Harness, text: str) -> None:
    line = _line(harness, text)
    assert "REDACTED" not in line


@pytest.mark.parametrize("fields", KEPT_KEYED)
def test_the_firms_and_machines_own_fields_stay(harness: Harness, fields: dict[str, object]) -> None:
    line = _line(harness, "record", **fields)
    assert "REDACTED" not in line


@pytest.mark.parametrize(
    "fields",
    [
        {"rec": {"name": "Wendell Okafor", "age": 96, "uptime": 1}},
        {"rec": {"mrn": "5529301", "age": 96, "rss_mb": 694}},
        {"rec": {"patient": "W. Okafor", "age": 96, "hostname": "ward-3"}},
    ],
)
def test_an_age_over_89_beside_a_machines_key_in_a_persons_record_is_masked(
    harness: Harness, fields: dict[str, object]
) -> None:
    assert '"age":96' not in _line(harness, "record", **fields)


def test_a_process_age_beside_its_keys_stays(harness: Harness) -> None:
    assert '"age":120' in _line(harness, "record", proc={"pid": 4120, "age": 120, "rss_mb": 694, "name": "gunicorn"})
