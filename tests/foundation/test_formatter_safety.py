"""JsonFormatter never raises into the application, whatever it is handed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import logging
import uuid
from typing import Any

import orjson
import pytest

from hipaalog import JsonFormatter, _diagnostics
from hipaalog._encoder import DEFAULT_MAX_MESSAGE_CHARS
from hipaalog.redaction import Redactor

from ._records import IDENTITY, make_record


def fmt(extra: dict[str, Any] | None = None, **record_kw: Any) -> dict[str, Any]:
    line = JsonFormatter(**IDENTITY, redaction=False).format(make_record(extra=extra, **record_kw))
    assert "\n" not in line
    return orjson.loads(line)  # type: ignore[no-any-return]


class Opaque:
    def __repr__(self) -> str:
        return "Opaque(7)"


class BrokenRepr:
    def __repr__(self) -> str:
        raise RuntimeError("repr exploded")


class BrokenStr(Exception):
    def __str__(self) -> str:
        raise RuntimeError("str exploded")


class Color(enum.Enum):
    RED = "red"


@dataclasses.dataclass
class Claim:
    claim_id: str
    amount: float


def test_values_orjson_cannot_serialize_become_json_values() -> None:
    """Custom objects, sets, Decimal, bytes, datetimes, UUIDs, enums and dataclasses all serialize."""
    record = fmt(
        {
            "obj": Opaque(),
            "items": {3, 1, 2},
            "amount": decimal.Decimal("1289.50"),
            "raw": b"ab\xff",
            "when": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
            "id": uuid.UUID(int=1),
            "color": Color.RED,
            "claim": Claim("C-1", 10.0),
        }
    )
    assert record["obj"] == "Opaque(7)"
    assert record["items"] == [1, 2, 3]
    assert record["amount"] == 1289.5  # a number stays a number
    assert record["raw"] == "ab\\xff"
    assert record["when"] == "2024-01-02T03:04:05Z"
    assert record["id"] == "00000000-0000-0000-0000-000000000001"
    assert record["color"] == "red"
    assert record["claim"] == {"claim_id": "C-1", "amount": 10.0}


def test_object_whose_repr_raises_is_named_not_raised() -> None:
    """An object whose repr and str raise becomes python-json-logger's marker."""
    assert fmt({"bad": BrokenRepr()})["bad"] == "__could_not_encode__"


def test_recursive_structures_are_cut_with_a_marker() -> None:
    """A list that contains itself and a dict that contains itself serialize with markers."""
    loop: list[Any] = [1]
    loop.append(loop)
    node: dict[str, Any] = {"name": "n"}
    node["self"] = node
    record = fmt({"loop": loop, "node": node})
    assert record["loop"] == [1, "[hipaalog: circular reference]"]
    assert record["node"] == {"name": "n", "self": "[hipaalog: circular reference]"}


def test_very_deep_nesting_is_cut_with_a_marker() -> None:
    """Nesting far beyond orjson's limit is cut at hipaalog's depth cap instead of failing."""
    deep: Any = "leaf"
    for _ in range(1000):
        deep = [deep]
    record = fmt({"deep": deep})
    text = orjson.dumps(record["deep"]).decode()
    assert "[hipaalog: nested too deep]" in text


def test_bad_format_arguments_keep_the_template_and_say_so() -> None:
    """'%d' with a string argument logs the template plus a marker, and is counted."""
    record = fmt(msg="claim %d of %d", args=("x",))
    assert record["message"] == "claim %d of %d [hipaalog: format failed: TypeError]"
    assert _diagnostics.counts()["bad-format-arguments"] == 1


def test_lone_surrogates_and_invalid_utf8_become_replacement_characters() -> None:
    """Lone surrogates in message and fields are replaced, so the line stays valid UTF-8."""
    record = fmt({"note": "ab\udc80cd"}, msg="bad \ud800 text", args=None)
    assert "\ufffd" in record["message"]
    assert record["note"].startswith("ab") and record["note"].endswith("cd")


def test_huge_message_is_truncated_with_a_marker() -> None:
    """A 1 MB message is cut to the documented cap and says how much was left out."""
    size = 1_000_000
    record = fmt(msg="x" * size, args=None)
    cap = DEFAULT_MAX_MESSAGE_CHARS
    assert record["message"] == "x" * cap + f"…[truncated {size - cap} chars]"


def test_huge_field_is_truncated_too() -> None:
    """Top-level string fields share the message cap."""
    record = fmt({"blob": "y" * (DEFAULT_MAX_MESSAGE_CHARS + 5)})
    assert record["blob"].endswith("…[truncated 5 chars]")


def test_integers_beyond_64_bits_keep_every_digit() -> None:
    """A 70-bit integer is written as its decimal digits rather than failing."""
    assert fmt({"big": 2**70})["big"] == str(2**70)


def test_mapping_keys_that_are_not_strings_become_strings() -> None:
    """A dict with int and tuple keys serializes with stringified keys."""
    assert fmt({"by_code": {1: "a", (2, 3): "b"}})["by_code"] == {"1": "a", "(2, 3)": "b"}


def test_json_default_is_used_and_a_raising_one_falls_back() -> None:
    """A caller json_default converts unknown objects; if it raises, hipaalog's conversion is used."""
    good = JsonFormatter(**IDENTITY, json_default=lambda o: {"opaque": True})
    assert orjson.loads(good.format(make_record(extra={"o": Opaque()})))["o"] == {"opaque": True}

    def explode(obj: object) -> object:
        raise ValueError("nope")

    bad = JsonFormatter(**IDENTITY, redaction=False, json_default=explode)
    assert orjson.loads(bad.format(make_record(extra={"o": Opaque()})))["o"] == "Opaque(7)"


def test_exception_whose_str_raises_is_still_described() -> None:
    """An exception with a raising __str__ yields a structured error with a marker message."""
    try:
        raise BrokenStr()
    except BrokenStr as exc:
        record = fmt(exc_info=(type(exc), exc, exc.__traceback__))
    assert record["error"]["message"] == "<unprintable BrokenStr>"


def test_a_failing_redactor_fails_closed() -> None:
    """If redaction itself raises, the record keeps only trusted schema fields and a stub message."""

    class Exploding(Redactor):
        def redact_event(self, event: dict[str, Any]) -> dict[str, Any]:
            raise RuntimeError("detector crashed")

    formatter = JsonFormatter(**IDENTITY, redaction=Exploding())
    record = orjson.loads(formatter.format(make_record("patient ssn 219-09-9999", None, extra={"ssn": "219-09-9999"})))
    assert "219-09-9999" not in orjson.dumps(record).decode()
    assert record["message"] == "[hipaalog: record could not be serialized]"
    assert _diagnostics.counts()["record-unserializable"] == 1


def test_logging_through_a_real_logger_never_raises(capsys: pytest.CaptureFixture[str]) -> None:
    """A logger with a hipaalog handler swallows every bad input and writes a line for each."""
    from hipaalog import SinkHandler

    handler = SinkHandler(["stdout"])
    handler.setFormatter(JsonFormatter(**IDENTITY, redaction=False))
    log = logging.getLogger("safety")
    log.addHandler(handler)
    log.propagate = False
    log.setLevel(logging.INFO)
    loop: list[Any] = []
    loop.append(loop)
    log.info("a %s %s", 1)  # noqa: PLE1206 - the wrong argument count is the point
    log.info("b", extra={"x": BrokenRepr(), "y": loop})
    log.info(BrokenRepr())
    handler.flush()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert all(orjson.loads(line)["appId"] == "claims" for line in lines)


def test_a_record_without_a_level_is_written_not_raised() -> None:
    """logging.makeLogRecord({"msg": ...}) has levelno None: the formatter writes a stub, it does not raise."""
    record = orjson.loads(JsonFormatter(**IDENTITY).format(logging.makeLogRecord({"msg": "hello", "created": "x"})))
    assert (record["message"], record["level"], record["timestamp"]) == (
        "[hipaalog: record could not be read]",
        "level none",
        "1970-01-01T00:00:00.000000Z",
    )
