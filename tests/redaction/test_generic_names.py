"""A generic ``name`` field holding a person's name, judged by the signs of a person beside it.

Every case goes through the real path (``logging`` -> hipaalog's handler -> one JSON line); every value is made up.
``Ann Lee`` or ``Kim Park`` alone under ``name`` may be anything; beside a person's phone number, e-mail address,
birth date or record number, or in a list whose other items clearly hold people's names, it is a person's name.
Firms, places and phrases under the same key, with the same signs, reach the line as they were.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from hipaalog.testing import capture

LOG = logging.getLogger("tests.generic_names")

LOOSE_NAMES = ["Ann Lee", "Kim Park", "Dale Fisher", "Grace Wood", "Crystal Bell"]
SIGNS = [("phone", "3125550143"), ("email", "a.lee42@example.org"), ("dob", "1961-03-07"), ("mrn", "55237587")]


def _line(extra: dict[str, Any]) -> str:
    with capture() as logs:
        LOG.warning("sync done", extra=extra)
    return logs.lines[-1].decode()


@pytest.mark.parametrize("name", LOOSE_NAMES)
@pytest.mark.parametrize(("sign", "value"), SIGNS)
def test_a_generic_name_beside_a_sign_of_a_person_is_masked(name: str, sign: str, value: str) -> None:
    for extra in (
        {"name": name, sign: value},
        {"data": {"name": name, sign: value}},
        {"rows": [{"name": name, sign: value}]},
        {"ctx": {"payload": [{"status": "ok"}, {"NAME": name, sign: value}]}},
    ):
        line = _line(extra)
        assert name not in line, extra
        assert "[REDACTED:NAME]" in line, extra


@pytest.mark.parametrize("name", LOOSE_NAMES)
def test_a_generic_name_in_a_list_of_people_is_masked(name: str) -> None:
    for extra in (
        {"data": [{"name": "Jane Roe"}, {"name": name}]},
        {"results": [{"name": name, "id": 1}, {"name": "Omar Haddad", "id": 2}]},
    ):
        line = _line(extra)
        assert name not in line, extra
        assert line.count("[REDACTED:NAME]") == 2, extra


@pytest.mark.parametrize(
    "name", ["Brown PLC", "Lee and Sons", "Walker, Kim and Simpson", "Pine Grove", "Will Call", "Order Service"]
)
def test_firms_places_and_phrases_under_a_generic_name_stay(name: str) -> None:
    for extra in (
        {"vendor": {"name": name, "phone": "3125550143"}},
        {"data": [{"name": "Jane Roe"}, {"name": name}]},
        {"data": {"name": name, "created": "2024-01-02", "count": 3}},
    ):
        line = json.loads(_line(extra))
        assert json.dumps(name) in json.dumps(line), extra


@pytest.mark.parametrize("name", ["Ann Lee", "Kim Park"])
def test_a_loose_name_with_no_sign_of_a_person_stays(name: str) -> None:
    for extra in (
        {"data": {"name": name, "created": "2024-01-02"}},
        {"data": [{"name": name}, {"name": "worker-pool"}]},
    ):
        line = json.loads(_line(extra))
        assert json.dumps(name) in json.dumps(line), extra


@pytest.mark.parametrize("key", ["support_phone", "officePhone", "helpdesk_email", "main_line_phone"])
def test_an_organisations_line_is_no_sign_of_a_person(key: str) -> None:
    line = json.loads(_line({"data": {"name": "Penny Lane", key: "8005550100"}}))
    assert line["data"]["name"] == "Penny Lane"
