"""Benign twins of PHI fields: a value that cannot be what its key names survives; the PHI twin stays masked.

Every case goes through the real path (``logging`` -> hipaalog's handler -> one JSON line), with made-up values.
A software policy holds words, a count one to three digits, an organisation's desk a toll-free line, a system a
role mailbox; a policy number holds digits, and under a person every field is still the person's.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from hipaalog.redaction import Redactor
from hipaalog.testing import capture

LOG = logging.getLogger("tests.fields_that_cannot_hold")


def _fields(extra: dict[str, Any]) -> dict[str, Any]:
    with capture() as logs:
        LOG.warning("sync done", extra=extra)
    line = json.loads(logs.lines[-1])
    return {key: line.get(key) for key in extra}


KEPT = [
    {"cache": {"policy": "LRU"}},
    {"retry": {"policy": "retry-3x"}},
    {"policy": "allow-all"},
    {"cookie": {"policy": "max-age=3600"}},
    {"eviction_policy": "least-connections"},
    {"bucket_policy": {"effect": "deny", "scheduled": "2024-03-05"}},
    {"policy": {"name": "ReadOnlyAccess", "version": "v2"}},
    {"patient": {"serial": 3}},
    {"patient": {"number": 12}},
    {"subscriber": {"serial": "21"}},
    {"member": {"count": 3}},
    {"member": {"count": 528, "status": "active"}},
    {"device": {"sn": 7}},
    {"serial": 3},
    {"support_phone": "800-555-0199"},
    {"helpdesk_phone": "1-800-555-0142"},
    {"toll_free_number": "(888) 555-0123"},
    {"customer_service_phone": "+1 877 555 0100"},
    {"vendor": {"main_phone": "8005550177", "city": "Springfield"}},
    {"pharmacy": {"phone": "(888) 555-0123", "fax": "888-555-0124"}},
    {"clinic": {"office_phone": "1-800-555-0142"}},
    {"organization": {"toll_free": "+1 877 555 0100"}},
    {"email": "noreply@org.example"},
    {"smtp": {"from_email": "alerts@ops.example.com"}},
    {"notifications": {"email": "no-reply@org.example"}},
]


@pytest.mark.parametrize("extra", KEPT)
def test_a_value_that_cannot_be_what_its_key_names_survives(extra: dict[str, Any]) -> None:
    assert _fields(extra) == extra


MASKED = [
    ({"policy": "884213907"}, "884213907"),
    ({"policy": 884213907}, "884213907"),
    ({"insurance_policy": "H1234-5678"}, "H1234-5678"),
    ({"coverage": {"policy": "W 884 213 907"}}, "884 213 907"),
    ({"policy": {"number": "XQZ88421390"}}, "XQZ88421390"),
    ({"patient": {"policy": "XQZ88421390"}}, "XQZ88421390"),
    ({"member": {"id": "XQZ1234567", "count": 3}}, "XQZ1234567"),
    ({"member": {"number": "88421390"}}, "88421390"),
    ({"subscriber": {"name": "Jane Roe"}}, "Jane Roe"),
    ({"member": {"dob": "1961-04-02"}}, "1961-04-02"),
    ({"member": "XQZ1234567"}, "XQZ1234567"),
    ({"patient": {"number": 4821}}, "4821"),
    ({"patient": {"serial": "SN0042"}}, "SN0042"),
    ({"patient": {"support_phone": "800-555-0199"}}, "800-555-0199"),
    ({"pharmacy": {"patient_phone": "415-555-0199"}}, "415-555-0199"),
    ({"clinic": {"patient": {"phone": "415-555-0199"}}}, "415-555-0199"),
    ({"patient_support_phone": "415-555-0199"}, "415-555-0199"),
    ({"support_phone": "call Jane Roe at 415-555-0199"}, "Jane Roe"),
    ({"vendor": {"phone": "Jane Roe 415-555-0199"}}, "415-555-0199"),
    ({"home_phone": "800-555-0199"}, "800-555-0199"),
    ({"main_phone": "415-555-0199"}, "415-555-0199"),
    ({"patient": {"email": "noreply@org.example"}}, "noreply@org.example"),
    ({"email": "support@gmail.com"}, "support@gmail.com"),
    ({"email": "jane.roe@example.com"}, "jane.roe@example.com"),
]


@pytest.mark.parametrize(("extra", "value"), MASKED)
def test_the_phi_twin_stays_masked(extra: dict[str, Any], value: str) -> None:
    assert value not in json.dumps(_fields(extra))


@pytest.mark.parametrize(
    "extra",
    [
        {"address": "0.0.0.0:8080"},
        {"server": {"address": "db.internal:5432"}},
        {"listen": {"address": "[::1]:8443"}},
        {"socket": {"address": "unix:/run/app.sock"}},
    ],
)
def test_a_network_endpoint_under_an_address_key_is_kept(extra: dict[str, Any]) -> None:
    assert _fields(extra) == extra


@pytest.mark.parametrize(
    "text",
    ['config {"address": "0.0.0.0:8080", "workers": 4}', "pool address='db.internal:5432' size=5"],
)
def test_a_network_endpoint_after_an_address_key_in_text_is_kept(text: str) -> None:
    assert Redactor().redact_text(text) == text


def test_a_persons_address_and_an_endpoints_ip_stay_masked() -> None:
    out = _fields({"patient": {"address": "12 Oak St, Springfield IL 62701"}, "client": {"address": "203.0.113.9:443"}})
    assert "Oak St" not in str(out) and "203.0.113.9" not in str(out)
