"""Properties of redaction over generated values: no canary survives, valid JSON, idempotent, data untouched."""

from __future__ import annotations

import copy
import logging
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import hipaalog
from hipaalog.redaction import Redactor

from ..conftest import validate_line
from .strategies import (
    ARBITRARY_TEXT,
    CANARIES,
    KEYS,
    digit_shapes,
    json_values,
    text_around,
    values_with_canary,
)

SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("HIPAALOG_HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
REDACTOR = Redactor()
PSEUDONYMS = Redactor(strategy="pseudonym", pseudonym_key="hex:" + "ab" * 32)
PARTIAL = Redactor(strategy="partial")


def _rendered(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


@SETTINGS
@given(values_with_canary())
@example(("hl7x@aa.com", "hl7x@aa.com"))  # a role word with more beside it is someone's address
@example(({"to": "it.jroe@aa.com"}, "it.jroe@aa.com"))
def test_no_canary_survives_in_any_position_or_nesting(planted: tuple[Any, str]) -> None:
    """A canary identifier placed anywhere in a nested value is gone after redaction, whatever the strategy."""
    value, canary = planted
    for redactor in (REDACTOR, PSEUDONYMS, PARTIAL):
        assert canary not in _rendered(redactor.redact(value))


@SETTINGS
@given(CANARIES.flatmap(lambda canary: st.tuples(st.just(canary), text_around(canary))))
def test_no_canary_survives_in_a_log_message(pair: tuple[str, str]) -> None:
    """A canary inside a formatted message never reaches the emitted line."""
    canary, message = pair
    formatter = hipaalog.JsonFormatter(app_id="a", platform="vm", microservice="m")
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "%s", (message,), None)
    line = formatter.format(record)
    assert canary not in line
    validate_line(line)


@SETTINGS
@given(json_values())
def test_output_is_always_valid_json(value: Any) -> None:
    """Whatever the caller logs, the redacted record serializes to schema-valid JSON."""
    formatter = hipaalog.JsonFormatter(app_id="a", platform="vm", microservice="m")
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "event", (), None)
    record.payload = value
    line = formatter.format(record)
    assert orjson.loads(line)["message"] == "event"
    validate_line(line)


@SETTINGS
@given(json_values() | ARBITRARY_TEXT)
@example({"patient": 2022000000})  # its pseudonym, PHONE:k1:..., is no "phone:" cue before a value
def test_redaction_is_idempotent(value: Any) -> None:
    """Redacting a redacted value changes nothing (masks, tokens and partial forms are stable)."""
    for redactor in (REDACTOR, PSEUDONYMS, PARTIAL):
        once = redactor.redact(value)
        assert redactor.redact(once) == once


@SETTINGS
@given(json_values())
def test_caller_data_is_untouched(value: Any) -> None:
    """Redaction never changes the caller's objects, nested ones included."""
    before = copy.deepcopy(value)
    REDACTOR.redact({"ssn": value, "payload": value, "note": [value]})
    REDACTOR.redact_event({"message": "m", "data": value})
    assert value == before


@SETTINGS
@given(ARBITRARY_TEXT | CANARIES.flatmap(text_around) | digit_shapes().flatmap(text_around))
def test_gate_never_hides_what_the_detectors_find(text: str) -> None:
    """The fast gate is conservative: the gated scan finds exactly what running every detector finds."""
    scanner = Redactor()._scanner
    assert scanner.spans(text) == scanner.spans_ungated(text)


@settings(SETTINGS, max_examples=SETTINGS.max_examples * 4)
@given(st.lists(digit_shapes(), min_size=1, max_size=3).map(" ".join))
@example("A90000000")  # a DEA number whose second character is a 9: eight digits in a row
@example("pt 93 y/o, IP 10.0.0.1, MBI 1EG4-TE5-MK73, VIN 1HGCM82633A004352")
@example("x001000000( AA0000000=")  # a call's keyword argument at the end of the text, its value cut off
def test_gate_keeps_every_digit_shape_the_detectors_find(text: str) -> None:
    """The gate's cheap screen for digit shapes passes every spelling of an identifier a detector reports."""
    scanner = Redactor()._scanner
    assert scanner.spans(text) == scanner.spans_ungated(text)


_PAIR = st.tuples(
    KEYS | st.sampled_from(["event", "region", "status", "duration_ms", "node", "https", "retry-after", "x.y"]),
    st.sampled_from(["=", ": ", ":", " = ", '": "', "='", "://", "=="]),
    ARBITRARY_TEXT | CANARIES | st.sampled_from(["ok", "Jane Doe", "1985-02-14", "4", "MRN-4417"]),
)


@SETTINGS
@given(st.lists(_PAIR, min_size=1, max_size=6).map(lambda pairs: " ".join(f"{k}{sep}{v}" for k, sep, v in pairs)))
@example('patient_name: "Jane Doe" status=ok')
@example("event=intake dob=1985-02-14 node=a1")
def test_gate_finds_every_phi_key_in_key_value_text(text: str) -> None:
    """In ``key=value`` and ``key: value`` text, the gate's reading of keys never hides what the detectors find."""
    scanner = Redactor()._scanner
    assert scanner.spans(text) == scanner.spans_ungated(text)


@SETTINGS
@given(
    st.dictionaries(st.sampled_from(["message", "note", "claim_id", "status", "detail"]), ARBITRARY_TEXT, max_size=4)
)
@example({"message": "2024-06-11T10:15:30Z", "note": "MRN 200"})  # a person's id masked in a field read as plain
def test_fast_event_path_equals_the_full_walk(fields: dict[str, str]) -> None:
    """An event redacted by the shortcut for clean events equals the same event walked field by field, and a
    redactor's verdict does not change once it has seen the keys before (its caches are no context)."""
    fast = Redactor()
    slow = Redactor()
    slow._fast_events = False
    event = {"timestamp": "2024-06-11T10:15:30.000000Z", "level": "info", **fields, "payer": {"name": "Acme", "n": 2}}
    first = fast.redact_event(event)  # the first call fills the key cache
    walked = slow.redact_event(event)
    assert fast.redact_event(event) == walked == first
    assert slow.redact_event(event) == walked


@SETTINGS
@given(KEYS, json_values() | ARBITRARY_TEXT | CANARIES.flatmap(text_around))
def test_redact_field_equals_redacting_a_one_field_dict(key: str, value: Any) -> None:
    """The record factory's per-field shortcut gives what redacting ``{key: value}`` gives, for any key and value."""
    for redactor in (REDACTOR, PSEUDONYMS, PARTIAL, Redactor(allow_fields=["note"])):
        assert redactor.redact_field(key, value) == redactor.redact({key: value}).get(key)


@pytest.mark.parametrize("text", ["", "a", "patient", "SSN", "12345"])
def test_short_and_cue_only_texts_pass_unchanged(text: str) -> None:
    """Texts without an identifier (a lone cue word, a short number) come out unchanged."""
    assert REDACTOR.redact_text(text) == text
