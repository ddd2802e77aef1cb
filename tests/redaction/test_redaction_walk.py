"""The walk redacts what the encoder writes: every type, every key, no verdict borrowed from a neighbour."""

from __future__ import annotations

import collections
import dataclasses
import enum
import json
import logging
import types
from pathlib import Path
from typing import Any

import attrs
import orjson
import pydantic
import pytest

import hipaalog
from hipaalog import _diagnostics
from hipaalog.exceptions import ConfigError
from hipaalog.redaction import Redactor

SSN = "219-09-9999"
EMAIL = "jane.roe@example.com"
NAME = "Jane Roe"


@dataclasses.dataclass
class Patient:
    name: str
    ssn: str


@dataclasses.dataclass
class Shipment:
    carrier: str
    contact_email: str


@attrs.define
class Member:
    name: str
    dob: str


class Subscriber(pydantic.BaseModel):
    name: str
    ssn: str
    phone: str


Row = collections.namedtuple("Row", "ssn note")


class Colour(enum.Enum):
    SECRET = SSN


class Slotted:
    __slots__ = ("dob", "ssn")

    def __init__(self) -> None:
        self.ssn = "219099999"  # no dashes: only the field name says it is an SSN
        self.dob = "03/07/1984"

    def __repr__(self) -> str:
        return f"Slotted(ssn={self.ssn!r}, dob={self.dob})"


class LazyUser:
    """Behaves like Django's SimpleLazyObject when loading the wrapped object fails."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        raise RuntimeError("user could not be loaded")

    def __repr__(self) -> str:
        return "<LazyUser>"


def _raw_values(value: Any) -> str:
    """Everything ``value`` would show once written, as text to grep."""
    return orjson.dumps(value).decode()


@pytest.mark.parametrize(
    ("value", "planted"),
    [
        (Patient(NAME, SSN), [NAME, SSN]),  # a person class: its name field is a name
        (Shipment("ups", EMAIL), [EMAIL]),
        (Member(NAME, "1984-03-07"), [NAME, "1984-03-07"]),
        (Subscriber(name=NAME, ssn="219099999", phone="4155550134"), [NAME, "219099999", "4155550134"]),
        (Row("219099999", "ok"), ["219099999"]),
        (Colour.SECRET, [SSN]),
        ({SSN}, [SSN]),
        (frozenset({EMAIL}), [EMAIL]),
        (collections.deque([EMAIL]), [EMAIL]),
        (b"ssn " + SSN.encode(), [SSN]),
        (bytearray(EMAIL.encode()), [EMAIL]),
        (Slotted(), ["219099999", "03/07/1984"]),
        (types.SimpleNamespace(ssn="219099999"), ["219099999"]),
        ({EMAIL: "sent", SSN: "ok"}, [EMAIL, SSN]),
        ({5: {EMAIL: 1}}, [EMAIL]),
        (collections.OrderedDict([("contact", EMAIL)]), [EMAIL]),
    ],
    ids=lambda v: type(v).__name__,
)
def test_every_type_is_walked_before_it_is_written(value: Any, planted: list[str]) -> None:
    """Whatever the type, the redacted copy is JSON-native and holds none of the planted values."""
    out = Redactor().redact({"field": value})
    written = _raw_values(out)  # no default= hook: the copy must be JSON-native already
    for raw in planted:
        assert raw not in written, (raw, written)


def test_named_tuples_stay_arrays_and_dataclasses_objects() -> None:
    """The shapes are what orjson would write: a named tuple an array, a dataclass an object."""
    out = Redactor().redact({"row": Row("219099999", "ok"), "patient": Patient(NAME, SSN)})
    assert out == {"row": ["[REDACTED:SSN]", "ok"], "patient": {"name": "[REDACTED:NAME]", "ssn": "[REDACTED:SSN]"}}


def test_keys_holding_phi_are_redacted_and_values_kept_apart() -> None:
    """A key that is an identifier is masked like text; two keys that read the same after it keep both values."""
    out = Redactor().redact({"results": {EMAIL: "sent", "john.doe@example.org": "bounced", SSN: "ok"}})
    assert out == {"results": {"[REDACTED:EMAIL]": "sent", "[REDACTED:EMAIL]#2": "bounced", "[REDACTED:SSN]": "ok"}}


def test_keys_are_written_as_text() -> None:
    """Keys that are not strings become the text orjson would write for them."""
    out = Redactor().redact({5: "9", None: "n", True: "t", Colour.SECRET: "e"})
    assert out == {"5": "9", "null": "n", "true": "t", "[REDACTED:SSN]": "e"}


def test_redacting_twice_changes_nothing_more() -> None:
    """A masked key is not read as the field name it spells (``[REDACTED:EMAIL]`` is no e-mail field)."""
    redactor = Redactor()
    once = redactor.redact({"results": {EMAIL: "sent"}})
    assert redactor.redact(once) == once == {"results": {"[REDACTED:EMAIL]": "sent"}}


def test_an_object_whose_class_raises_is_masked_alone() -> None:
    """A value that cannot even say its class is masked and counted; its neighbours are kept."""
    out = Redactor().redact({"user": LazyUser(), "ok": "fine"})
    assert out == {"user": "[REDACTED:UNINSPECTED]", "ok": "fine"}
    assert _diagnostics.counts()["redaction-failed"] == 1


def test_find_reports_keys_and_object_fields_by_redacted_paths() -> None:
    """find() sees what redact() sees, and its paths never spell the identifier they point at."""
    found = Redactor().find({"results": {EMAIL: "sent"}, "who": Patient(NAME, SSN)})
    as_text = [str(f) for f in found]
    assert 'EMAIL at $.results["[REDACTED:EMAIL]"]' in as_text
    assert "NAME at $.who.name" in as_text and "SSN at $.who.ssn" in as_text
    assert not any(EMAIL in text for text in as_text)


def test_a_neighbour_never_lends_its_context_to_a_verdict() -> None:
    """A field saying ``build`` beside an IP does not make it a version, in that record or any later one."""
    redactor = Redactor()
    assert redactor.redact_event({"stage": "build", "peer": "203.0.113.7"})["peer"] == "[REDACTED:IP]"
    assert redactor.redact({"peer": "203.0.113.7"}) == {"peer": "[REDACTED:IP]"}


@pytest.fixture
def stream_logger(tmp_path: Path) -> tuple[logging.Logger, Any, Path]:
    """The default ``configure()`` writing to a real file."""
    path = tmp_path / "app.jsonl"
    handler = hipaalog.configure(app_id="acme", platform="vm", microservice="walk", sinks=[str(path)])
    return logging.getLogger("walk"), handler, path


def _lines(handler: Any, path: Path) -> str:
    handler.flush()
    return path.read_text(encoding="utf-8")


def test_default_configure_writes_no_planted_value_through_extra_or_bind(stream_logger: Any) -> None:
    """Objects, keys and bytes through ``extra=`` and ``bind()`` reach the file redacted, on the default set-up."""
    log, handler, stream = stream_logger
    log.info("dc", extra={"obj": Patient(NAME, SSN), "results": {EMAIL: "sent"}, "raw": SSN.encode()})
    log.info("nt", extra={"rows": [Row("219099999", "x")], "sub": Subscriber(name=NAME, ssn="1", phone="2")})
    with hipaalog.bind(patient=Member(NAME, "1984-03-07")):
        log.info("bound")
    text = _lines(handler, stream)
    for raw in (NAME, SSN, EMAIL, "219099999", "1984-03-07"):
        assert raw not in text, raw
    for line in text.splitlines():
        json.loads(line)
    assert text.count("\n") == 3


def test_non_string_keys_keep_the_record(stream_logger: Any) -> None:
    """``extra`` with a non-string key inside a field keeps the message and every field."""
    log, handler, stream = stream_logger
    log.info("kept", extra={"codes": {5: "9", Colour.SECRET: "x"}})
    record = json.loads(_lines(handler, stream).splitlines()[-1])
    assert record["message"] == "kept"
    assert record["codes"] == {"5": "9", "[REDACTED:SSN]": "x"}


def test_unreadable_value_is_counted_not_raised(stream_logger: Any) -> None:
    """A value that raises when inspected never raises into the caller, and the record is still written."""
    log, handler, stream = stream_logger
    log.info("lazy", extra={"who": LazyUser()})
    record = json.loads(_lines(handler, stream).splitlines()[-1])
    assert record["message"] == "lazy"
    assert record["who"] == "[REDACTED:UNINSPECTED]"
    assert _diagnostics.counts()["redaction-failed"] >= 1


def test_a_logger_name_built_from_data_is_redacted(stream_logger: Any) -> None:
    """``logger`` is written from the logger's name, which code may build from data: it is scanned too."""
    _, handler, path = stream_logger
    logging.getLogger(f"mail.{EMAIL}").info("sent")
    logging.getLogger("walk.plain").info("kept")
    records = [json.loads(line) for line in _lines(handler, path).splitlines()]
    assert "[REDACTED:EMAIL]" in records[0]["logger"] and EMAIL not in records[0]["logger"]
    assert records[1]["logger"] == "walk.plain"


def test_an_ip_in_a_build_field_is_not_taken_for_a_version() -> None:
    """``build``/``version`` fields keep dotted versions, but four numbers shaped like an address are masked."""
    out = Redactor().redact({"build": "203.0.113.7", "version": "1.2.3.4", "sdkVersion": "10.0.19041.1"})
    assert out == {"build": "[REDACTED:IP]", "version": "1.2.3.4", "sdkVersion": "10.0.19041.1"}


def test_an_objects_references_are_never_followed() -> None:
    """Only an object's own scalar attributes are compared with its repr: the walk does not roam the program."""
    touched: list[str] = []

    class Spy:
        def __repr__(self) -> str:
            touched.append("repr")
            return "Spy()"

    class Holder:
        def __init__(self) -> None:
            self.ssn = "219099999"
            self.neighbour = Spy()
            self.itself = self

        def __repr__(self) -> str:
            return f"Holder(ssn={self.ssn!r})"

    assert Redactor().redact({"h": Holder()}) == {"h": "Holder(ssn='[REDACTED:SSN]')"}
    assert touched == []


def test_an_exception_value_is_redacted_through_its_details() -> None:
    """A pydantic error logged as a field is redacted by its ``loc``, not only by what its text shows."""

    class Claim(pydantic.BaseModel):
        ssn: int

    with pytest.raises(pydantic.ValidationError) as caught:
        Claim(ssn="219099999x")  # type: ignore[arg-type]
    out = Redactor().redact({"error": caught.value})
    assert "219099999" not in out["error"] and "[REDACTED:SSN]" in out["error"]


def test_switching_redaction_off_writes_exception_details_as_they_are(tmp_path: Path) -> None:
    """With ``redaction=False`` the structured ``error`` is not redacted either (one switch for everything)."""
    path = tmp_path / "plain.jsonl"
    handler = hipaalog.configure(app_id="acme", platform="vm", microservice="walk", sinks=[str(path)], redaction=False)
    try:
        raise KeyError("2190999990")
    except KeyError:
        logging.getLogger("walk").exception("lookup failed")
    record = json.loads(_lines(handler, path).splitlines()[-1])
    assert "2190999990" in record["error"]["message"]


def test_a_fhir_resources_own_period_is_a_date() -> None:
    """An Encounter's ``period`` (admission and discharge) is masked; a period outside a FHIR resource is kept."""
    redactor = Redactor()
    encounter = {"resourceType": "Encounter", "period": {"start": "2024-03-01T10:00:00Z", "end": "2024-03-04"}}
    expected = {"enc": {"resourceType": "Encounter", "period": "[REDACTED:DATE]"}}
    for _ in range(2):  # the second time through the remembered-key path
        assert redactor.redact({"enc": encounter}) == expected
    assert redactor.redact({"job": {"period": {"start": "monday"}}}) == {"job": {"period": {"start": "monday"}}}


def test_a_list_of_scalars_is_read_as_a_row() -> None:
    """["Quintero", "Marisol", "1961-03-04"]: a surname beside a given name, as a CSV row or a tuple repr is read."""
    out = Redactor().redact({"rows": [["Garcia", "Maria", "1961-03-04", 45438548]]})
    assert "Garcia" not in str(out) and "Maria" not in str(out) and "1961-03-04" not in str(out)
    kept = {"services": ["Billing", "Auth", "Gateway"], "pair": ["Chase", "Bank"], "sizes": [1, 2, 3]}
    assert Redactor().redact(kept) == kept


def test_a_row_in_a_field_is_read_as_a_row() -> None:
    """The same through redact_field (every extra= field of a log call), whose clean values take a quicker path."""
    out = Redactor().redact_field("rows", [["Garcia", "Maria", "1961-03-04"]])
    assert "Garcia" not in str(out) and "1961-03-04" not in str(out)
    assert Redactor().redact_field("roles", ["Billing", "Auth"]) == ["Billing", "Auth"]


def test_a_mapping_or_list_past_max_items_is_cut_with_a_marker_and_counted() -> None:
    redactor = Redactor(max_items=16)
    before = _diagnostics.counts().get("redaction-truncated", 0)
    out = redactor.redact({"claims": {f"CLM-{i:06d}": "ok" for i in range(40)}, "ids": list(range(40))})
    assert len(out["claims"]) == 17 and "[hipaalog: 24 more entries left out]" in out["claims"]
    assert out["ids"][-1] == "[hipaalog: 24 more items left out]" and len(out["ids"]) == 17
    assert _diagnostics.counts().get("redaction-truncated", 0) == before + 2


def test_max_items_must_be_a_sane_integer() -> None:
    with pytest.raises(ConfigError, match="max_items"):
        Redactor(max_items=3)
