"""A person's accounts, licences and plans under a generic child name: ``{"patient": {"license": ...}}``.

Every case goes through the real path (``logging`` -> hipaalog's handler -> one JSON line); every value is made up.
The parent decides (a person, or a plan, billing or coverage above the child) and the value must hold the digits of
an identifier: the same children under software's parents, or holding words, reach the line as they were.
"""

from __future__ import annotations

import decimal
import json
import logging
from typing import Any

import pytest

from hipaalog.testing import capture

LOG = logging.getLogger("tests.held_fields")


def _line(extra: dict[str, Any]) -> str:
    with capture() as logs:
        LOG.warning("sync done", extra=extra)
    return logs.lines[-1].decode()


HELD = [
    ("billing", "account", 100234567812, "ACCOUNT"),
    ("billing", "account", "100234567812", "ACCOUNT"),
    ("guarantor", "acct", decimal.Decimal(48213377), "ACCOUNT"),
    ("insurance", "plan", "XGH882211903", "MEMBER_ID"),
    ("coverage", "policy", "POL55120934", "MEMBER_ID"),
    ("subscriber", "group", "GRP7719034", "MEMBER_ID"),
    ("patient", "license", "D1234567", "LICENSE"),
    ("patient", "license", b"D1234567", "LICENSE"),
    ("next_of_kin", "dl", "S55201934", "LICENSE"),
    ("emergencyContact", "permit", "PR28968354", "LICENSE"),
    ("customer", "account", 835953864179, "ACCOUNT"),
    ("patient", "license", ["D7991533"], "LICENSE"),
    ("account", "number", ("5330406177",), "ACCOUNT"),
    ("account", "account", 236181613513, "ACCOUNT"),
]


def _shapes(parent: str, child: str, value: Any) -> list[dict[str, Any]]:
    """The child as applications nest it: below the parent, deeper, in a list of them (first item or later)."""
    return [
        {parent: {child: value}},
        {"ctx": {parent: {child.upper(): value}}},
        {parent: [{child: value}, {"status": "ok"}]},
        {parent: [{child: None}, {child: value}]},
    ]


def _shown(value: Any) -> str:
    value = value[0] if isinstance(value, (list, tuple)) else value
    return value.decode() if isinstance(value, bytes) else str(value)


@pytest.mark.parametrize(("parent", "child", "value", "kind"), HELD)
def test_a_persons_own_number_is_masked_below_them(parent: str, child: str, value: Any, kind: str) -> None:
    for extra in _shapes(parent, child, value):
        line = _line(extra)
        assert _shown(value) not in line, extra
        assert f"[REDACTED:{kind}]" in line, extra


BENIGN = [
    ("customer", "plan", "enterprise"),
    ("user", "plan", "pro"),
    ("package", "license", "Apache-2.0"),
    ("patient", "license", "MIT"),
    ("customer", "account", 12),
    ("aws", "account", "123456789012"),
    ("billing_export", "account", "123456789012"),
    ("cloud", "account", 123456789012),
    ("repo", "license", "BSD-3-Clause"),
    ("job", "plan", "nightly-2026"),
]


@pytest.mark.parametrize(("parent", "child", "value"), BENIGN)
def test_the_same_children_of_software_or_holding_words_stay(parent: str, child: str, value: Any) -> None:
    for extra in _shapes(parent, child, value):
        line = json.loads(_line(extra))
        assert "[REDACTED" not in json.dumps(line), extra
        assert json.dumps(value) in json.dumps(line), extra


@pytest.mark.parametrize("value", [["Omar"], ("Omar",)])
def test_a_part_of_a_name_in_a_sequence_is_masked_below_a_person(value: Any) -> None:
    line = _line({"patient": {"first": value, "last": ["Haddad"]}})
    assert "Omar" not in line
    assert "Haddad" not in line


def test_a_pages_bounds_in_a_sequence_stay() -> None:
    line = json.loads(_line({"patients": {"first": [0], "last": [20]}}))
    assert line["patients"] == {"first": [0], "last": [20]}


@pytest.mark.parametrize("value", ["archive.zip", "dist/app.tar.gz", ["a.zip", "b.zip"]])
def test_a_file_under_zip_stays(value: Any) -> None:
    for extra in ({"zip": value}, {"upload": {"zip": value}}, {"patient": {"zip": value}}):
        line = json.loads(_line(extra))
        assert "[REDACTED" not in json.dumps(line), extra


@pytest.mark.parametrize("value", ["60614", "SW1A 1AA", "K1A 0B1", 60614])
def test_a_postal_code_under_zip_is_still_masked(value: Any) -> None:
    line = _line({"patient": {"zip": value}, "zip": value})
    assert str(value) not in line
