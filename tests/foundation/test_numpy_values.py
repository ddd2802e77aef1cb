"""numpy numbers keep their JSON type: a field holding ``np.int64(7)`` is the number 7, as the int would be."""

from __future__ import annotations

import logging

import orjson
import pytest

from hipaalog import JsonFormatter
from hipaalog._jsonable import MAX_NUMPY_ITEMS, numpy_number, to_json_native

np = pytest.importorskip("numpy")


def _fields(**extra: object) -> dict[str, object]:
    formatter = JsonFormatter(app_id="a", platform="p", microservice="m")
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "event", (), None)
    record.__dict__.update(extra)
    return orjson.loads(formatter.format(record))  # type: ignore[no-any-return]


def test_numpy_scalars_and_numeric_arrays_are_json_numbers() -> None:
    out = _fields(count=np.int64(7), ratio=np.float32(2.5), ok=np.bool_(True), sizes=np.array([[1, 2], [3, 4]]))
    assert out["count"] == 7 and out["ratio"] == 2.5 and out["ok"] is True
    assert out["sizes"] == [[1, 2], [3, 4]]


def test_the_same_field_has_one_type_whether_numpy_made_it_or_not() -> None:
    assert type(_fields(n=np.uint16(3))["n"]) is type(_fields(n=3)["n"])


def test_field_name_rules_still_apply_to_numpy_numbers() -> None:
    out = _fields(ssn=np.int64(219099999), member_ids=np.array([219099999]))
    assert "219099999" not in orjson.dumps(out).decode()


def test_what_is_no_plain_number_keeps_its_repr() -> None:
    assert numpy_number(np.datetime64("2024-05-05")) is None  # dates are read by the date rules in their text
    assert numpy_number(np.array(["a"])) is None
    assert numpy_number(np.zeros(MAX_NUMPY_ITEMS + 1)) is None
    assert numpy_number(7) is None
    assert isinstance(to_json_native(np.zeros(MAX_NUMPY_ITEMS + 1)), str)
