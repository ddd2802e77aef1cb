"""python-json-logger's arguments mean the same on hipaalog.JsonFormatter."""

from __future__ import annotations

import logging

import orjson
import pytest

from hipaalog import JsonFormatter

from ._records import FIXED_TIMESTAMP, IDENTITY, make_record


def load(formatter: JsonFormatter, **kw: object) -> dict[str, object]:
    return orjson.loads(formatter.encode(make_record(**kw)))  # type: ignore[no-any-return]


def test_fmt_fields_beyond_the_schema_are_added() -> None:
    """fmt='%(levelname)s %(funcName)s %(lineno)d %(message)s' adds funcName and lineno."""
    record = load(JsonFormatter("%(levelname)s %(funcName)s %(lineno)d %(message)s", **IDENTITY))
    assert (record["funcName"], record["lineno"]) == ("submit", 42)
    assert "levelname" not in record


def test_rename_static_defaults_and_timestamp_alias() -> None:
    """rename_fields renames own fields, static_fields and defaults are added, timestamp aliases."""
    formatter = JsonFormatter(
        **IDENTITY,
        rename_fields={"req": "request_id"},
        static_fields={"region": "us-east-1"},
        defaults={"tenant": "default"},
        timestamp="@timestamp",
    )
    record = load(formatter, extra={"req": "r-1"})
    assert record["request_id"] == "r-1" and "req" not in record
    assert (record["region"], record["tenant"], record["@timestamp"]) == ("us-east-1", "default", FIXED_TIMESTAMP)


def test_reserved_attrs_and_private_attributes_are_skipped() -> None:
    """Names in reserved_attrs and names starting with '_' are never fields."""
    record = load(JsonFormatter(**IDENTITY, reserved_attrs=["secret"]), extra={"secret": 1, "_private": 2, "ok": 3})
    assert ("secret" in record, "_private" in record, record["ok"]) == (False, False, 3)


def test_dict_messages_become_fields() -> None:
    """logger.info({...}) logs the dict's keys as fields and its 'message' as the message."""
    record = load(JsonFormatter(**IDENTITY), msg={"message": "hello", "claim": "C-9"}, args=None)
    assert (record["message"], record["claim"]) == ("hello", "C-9")


def test_prefix_is_written_before_the_json() -> None:
    """prefix= puts text before the object, as in python-json-logger."""
    assert JsonFormatter(**IDENTITY, prefix="app: ").format(make_record()).startswith('app: {"timestamp"')


@pytest.mark.parametrize("option", ["json_indent", "json_ensure_ascii"])
def test_output_options_that_cannot_apply_warn(option: str) -> None:
    """Options that would break one-object-per-line are accepted with a warning."""
    with pytest.warns(UserWarning, match=option):
        JsonFormatter(**IDENTITY, **{option: 2 if option == "json_indent" else True})  # type: ignore[arg-type]


def test_migrating_is_a_one_line_change() -> None:
    """A typical python-json-logger configuration works unchanged apart from the class."""
    formatter = JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s",
        rename_fields={"levelname": "level", "name": "logger", "asctime": "timestamp"},
        static_fields={"service": "claims"},
        **IDENTITY,
    )
    record = load(formatter, level=logging.WARNING)
    assert (record["level"], record["logger"], record["service"]) == ("warning", "claims.api", "claims")
