"""Ids below a person's record (lists of strings, nested extras, a task's arguments) and rows ``pprint`` broke."""

from __future__ import annotations

import datetime
import pprint

import pytest

from hipaalog.redaction import Redactor


def _text(value: object) -> str:
    return repr(Redactor().redact(value))


@pytest.mark.parametrize(
    ("record", "secret"),
    [
        ({"patient": {"name": "Jane Roe"}, "notes": ["card D1234567", "seen 03/04/2024"]}, "D1234567"),
        ({"patient": {"name": "Jane Roe"}, "notes": ("badge W123456789",)}, "W123456789"),
        ({"patient": {"name": "Jane Roe"}, "payload": {"data": {"items": [{"value": "W524018511"}]}}}, "W524018511"),
        ({"patient": {"name": "Jane Roe"}, "data": {"args": [["55672311", "x"]]}}, "55672311"),
        ({"patient": {"name": "Jane Roe"}, "fields": ("member", "6ABC493")}, "6ABC493"),
    ],
)
def test_an_id_nested_below_a_person_record_is_masked(record: dict[str, object], secret: str) -> None:
    assert secret not in _text(record)


def test_a_task_argument_list_naming_a_person_makes_the_record_theirs() -> None:
    redactor = Redactor()
    record = {"args": ["Jane Roe", "2ABC242", "1961-04-03"], "queue": "default"}
    for _ in range(2):  # the second time the keys are known: the quick path must judge the same
        assert "2ABC242" not in repr(redactor.redact(record))


def test_a_tuple_below_a_person_keeps_its_type_and_benign_values() -> None:
    out = Redactor().redact({"patient": {"name": "Jane Roe"}, "fields": ("status", "active", "W123456789")})
    assert out["fields"][:2] in (("status", "active"), ["status", "active"])
    assert "W123456789" not in repr(out)


@pytest.mark.parametrize(
    "record",
    [
        {"service": "billing-api", "payload": {"data": {"items": [{"value": "ORD-2024-001"}, {"value": 1234567}]}}},
        {"task": "rebuild_index", "args": ["products", "B2231887"], "kwargs": {"force": True}},
        {"host": "db-1", "fields": ["region", "us-east-1", "az", "us-east-1b"]},
    ],
)
def test_nested_values_without_a_person_stay(record: dict[str, object]) -> None:
    assert Redactor().redact(record) == record


def test_a_pprinted_row_of_a_person_is_read_as_one_row() -> None:
    row = ("Roe", "Jane", datetime.date(1961, 4, 3), "555-0100", "Elmira", "NY", "14901", "W123456789")
    text = "dump\n" + pprint.pformat([row, row], width=40)
    assert "\n" in text.split("dump\n", 1)[1]  # one value a line
    out = Redactor().redact_text(text)
    for secret in ("Roe", "Jane", "1961, 4, 3", "Elmira", "14901", "W123456789"):
        assert secret not in out
    assert out.count("\n") == text.count("\n")


@pytest.mark.parametrize(
    "value",
    [
        [("p99", 0.2345, "p50", 0.0123), ("p999", 1.5, "max", 2.25)],
        [("db-primary.internal", 5432), ("cache.internal", 6379), ("queue.internal", 5672)],
        [("requests", "2.31.0"), ("urllib3", "2.2.1"), ("certifi", "2024.2.2")],
        {"hits": 1234567, "keys": [("users:list", 1234567), ("orders:recent", 7654321)], "misses": 42},
        [("PENDING", "STARTED", "SUCCESS", "FAILURE", "RETRY", "REVOKED"), (64, 224, 224, 3)],
    ],
)
def test_a_pprinted_benign_structure_stays(value: object) -> None:
    text = pprint.pformat(value, width=30)
    assert "\n" in text
    assert Redactor().redact_text(text) == text
