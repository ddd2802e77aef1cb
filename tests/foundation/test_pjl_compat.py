"""python-json-logger's arguments and hooks mean the same on hipaalog's formatters, and redaction stays on."""

from __future__ import annotations

import enum
import io
import json
import logging
import logging.config
import sys
from typing import Any

import orjson
import pytest
from pythonjsonlogger.core import RESERVED_ATTRS

import hipaalog.json
import hipaalog.orjson
from hipaalog import JsonFormatter, _diagnostics
from hipaalog._finished import FinishedLine
from hipaalog._formatter import _is_finished
from hipaalog.exceptions import ConfigError

from ._records import FIXED_TIMESTAMP, IDENTITY, make_record

SSN = "078-05-1120"  # a synthetic SSN the default policy redacts
SCHEMA_KEYS = ("timestamp", "level", "severity", "message", "logger", "appId", "platform", "microservice")


def load(formatter: JsonFormatter, **kw: Any) -> dict[str, Any]:
    return orjson.loads(formatter.encode(make_record(**kw)))  # type: ignore[no-any-return]


def raised(exc: BaseException) -> Any:
    try:
        raise exc
    except BaseException:
        return sys.exc_info()


# -- fields python-json-logger writes ------------------------------------------------------------
def test_fmt_fields_are_written_beside_the_schema_fields() -> None:
    """fmt's record attributes are written as python-json-logger writes them; the schema fields stay."""
    formatter = JsonFormatter(
        "%(levelname)s %(funcName)s %(lineno)d %(asctime)s %(request_id)s %(message)s", "%Y", **IDENTITY
    )
    record = load(formatter)
    assert record["request_id"] is None  # named in fmt, absent from the record: null, as python-json-logger writes
    assert (record["funcName"], record["lineno"], record["levelname"]) == ("submit", 42, "INFO")
    assert record["asctime"].isdigit() and len(record["asctime"]) == 4  # datefmt is honoured
    assert (record["level"], record["message"], record["timestamp"]) == ("info", "claim C-1 accepted", FIXED_TIMESTAMP)


def test_renamed_record_attributes_named_in_fmt() -> None:
    """rename_fields moves levelname, name, msg and exc_info, as python-json-logger does."""
    formatter = JsonFormatter(
        "%(levelname)s %(name)s %(msg)s %(exc_info)s",
        **IDENTITY,
        rename_fields={"levelname": "log.level", "name": "log.logger", "msg": "log.template", "exc_info": "trace"},
    )
    record = load(formatter)
    assert (record["log.level"], record["log.logger"], record["log.template"]) == (
        "INFO",
        "claims.api",
        "claim %s accepted",
    )
    assert record["trace"] is None and "levelname" not in record and "exc_info" not in record
    assert record["level"] == "info"


def test_reserved_attrs_can_expose_standard_attributes() -> None:
    """A reserved_attrs list without funcName and process writes them."""
    reserved = [a for a in RESERVED_ATTRS if a not in ("funcName", "process")]
    record = load(JsonFormatter(**IDENTITY, reserved_attrs=reserved))
    assert record["funcName"] == "submit" and isinstance(record["process"], int)
    assert "lineno" not in record


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


def test_defaults_for_record_attribute_names_are_written() -> None:
    """defaults={"levelname": ...} is written as python-json-logger writes it; fmt's value wins when fmt names it."""
    defaults = {"levelname": "n/a", "level": "x", "message": "never"}
    record = load(JsonFormatter(**IDENTITY, defaults=defaults))
    assert (record["levelname"], record["extra_level"], record["message"]) == ("n/a", "x", "claim C-1 accepted")
    assert load(JsonFormatter("%(levelname)s", **IDENTITY, defaults=defaults))["levelname"] == "INFO"


def test_rename_fields_keep_missing_writes_null() -> None:
    """rename_fields_keep_missing=True writes renamed fields the record lacks as null."""
    formatter = JsonFormatter(**IDENTITY, rename_fields={"req": "request_id"}, rename_fields_keep_missing=True)
    assert load(formatter)["request_id"] is None
    assert load(formatter, extra={"req": "r-1"})["request_id"] == "r-1"
    assert "request_id" not in load(JsonFormatter(**IDENTITY, rename_fields={"req": "request_id"}))


@pytest.mark.parametrize(
    "rename", [{"level": "lvl"}, {"message": "@message"}, {"appId": "app"}, {"req": "appId"}, {"levelname": "logger"}]
)
def test_renaming_schema_fields_is_refused(rename: dict[str, str]) -> None:
    """Schema field names are fixed: a rename from or onto one is a ConfigError that says so."""
    with pytest.raises(ConfigError, match="schema field names are fixed"):
        JsonFormatter(**IDENTITY, rename_fields=rename)


def test_reserved_attrs_and_private_attributes_are_skipped() -> None:
    """Names in reserved_attrs and names starting with '_' are never fields."""
    record = load(JsonFormatter(**IDENTITY, reserved_attrs=["secret"]), extra={"secret": 1, "_private": 2, "ok": 3})
    assert ("secret" in record, "_private" in record, record["ok"]) == (False, False, 3)


def test_non_string_extra_keys_keep_the_record() -> None:
    """extra={5: "9"} writes "5": "9" and keeps the message and the other fields."""
    record = load(JsonFormatter(**IDENTITY), extra={5: "9", "claim": "C-1"})
    assert (record["5"], record["claim"], record["message"]) == ("9", "C-1", "claim C-1 accepted")


def test_dict_messages_become_fields() -> None:
    """logger.info({...}) logs the dict's keys as fields and its 'message' as the message."""
    record = load(JsonFormatter(**IDENTITY), msg={"message": "hello", "claim": "C-9", 7: "x", "level": 1}, args=None)
    assert (record["message"], record["claim"], record["7"], record["extra_level"]) == ("hello", "C-9", "x", 1)


def test_prefix_is_written_before_the_json() -> None:
    """prefix= puts text before the object, as in python-json-logger."""
    assert JsonFormatter(**IDENTITY, prefix="app: ").format(make_record()).startswith('app: {"timestamp"')


# -- exceptions and stacks -----------------------------------------------------------------------
def test_pjl_paths_write_exc_info_text_beside_the_error_object() -> None:
    """hipaalog.json writes exc_info as python-json-logger does (notes included); error gains the notes."""
    exc = ValueError("bad claim")
    exc.add_note("while pricing")
    record = load(hipaalog.json.JsonFormatter(**IDENTITY), exc_info=raised(exc))
    assert record["exc_info"].startswith("Traceback") and "while pricing" in record["exc_info"]
    assert record["error"]["type"] == "ValueError" and record["error"]["notes"] == ["while pricing"]
    assert "exc_info" not in load(JsonFormatter(**IDENTITY), exc_info=raised(ValueError("x")))


def test_exc_info_as_array_and_renamed() -> None:
    """exc_info_as_array writes the traceback as a list of lines, under rename_fields' name."""
    formatter = JsonFormatter(**IDENTITY, exc_info_as_array=True, rename_fields={"exc_info": "trace"})
    record = load(formatter, exc_info=raised(KeyError("k")))
    assert record["trace"][0].startswith("Traceback") and isinstance(record["trace"], list)
    assert "trace" not in load(formatter)


def test_exc_info_renamed_to_error_keeps_the_structured_error() -> None:
    """rename_fields={"exc_info": "error"} names the schema's error: the structured object, no text over it."""
    record = load(
        hipaalog.json.JsonFormatter(**IDENTITY, rename_fields={"exc_info": "error"}), exc_info=raised(OSError())
    )
    assert record["error"]["type"] == "OSError" and "exc_info" not in record


def test_stack_info_as_array_is_refused() -> None:
    """stack_info is one text in the schema: stack_info_as_array is a ConfigError saying what to do."""
    with pytest.raises(ConfigError, match="split the text into lines where you read it"):
        JsonFormatter(**IDENTITY, stack_info_as_array=True)


def test_stack_info_can_be_copied_under_another_name() -> None:
    """rename_fields={'stack_info': 'stack'} adds the stack under that name; the schema field stays."""
    for fmt in (None, "%(stack_info)s %(message)s"):
        formatter = JsonFormatter(fmt, **IDENTITY, rename_fields={"stack_info": "stack"})
        record = load(formatter, stack_info="Stack:\n  here")
        assert record["stack"] == record["stack_info"] == "Stack:\n  here"


# -- hooks -----------------------------------------------------------------------------------------
class Hooked(JsonFormatter):
    def add_fields(self, log_data: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]) -> None:
        super().add_fields(log_data, record, message_dict)
        log_data["note"] = f"patient SSN {SSN}"

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        log_data["level"] = log_data["level"].upper()  # a cookbook hook touching a schema field
        log_data["appId"] = "spoofed"
        log_data.pop("platform")
        return log_data


def test_hooks_are_called_and_their_values_redacted() -> None:
    """add_fields and process_log_record run; what they add is redacted; schema fields stay hipaalog's."""
    record = load(Hooked(**IDENTITY))
    assert record["note"] == "patient SSN [REDACTED:SSN]"
    assert (record["level"], record["extra_level"]) == ("info", "INFO")
    assert (record["appId"], record["extra_appId"], record["platform"]) == ("claims", "spoofed", "k8s")
    assert tuple(record)[: len(SCHEMA_KEYS)] == SCHEMA_KEYS


def test_add_fields_alone_sees_the_logged_dict() -> None:
    """Overriding add_fields only: it gets python-json-logger's message_dict; process_log_record passes through."""

    class AddOnly(JsonFormatter):
        def add_fields(self, log_data: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]) -> None:
            super().add_fields(log_data, record, {**message_dict, "from_hook": True})
            log_data["keys"] = sorted(map(str, message_dict))

    record = load(AddOnly(**IDENTITY), msg={"message": "hi", "claim": "C-2"}, args=None)
    assert (record["message"], record["claim"], record["from_hook"], record["keys"]) == (
        "hi",
        "C-2",
        True,
        ["claim", "message"],
    )


def test_jsonify_override_can_wrap_the_default_rendering() -> None:
    """super().jsonify_log_record() gives the compact JSON text of the redacted record."""

    class Wrapped(JsonFormatter):
        def jsonify_log_record(self, log_data: dict[str, Any]) -> str:
            return "<" + super().jsonify_log_record(log_data) + ">"

    line = Wrapped(**IDENTITY).format(make_record(f"SSN {SSN}", None))
    assert line.startswith('<{"timestamp"') and line.endswith("}>") and SSN not in line


def test_a_failing_hook_costs_the_hook_not_the_record() -> None:
    """A process_log_record that raises is counted; the record is written without it."""

    class Broken(JsonFormatter):
        def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
            raise RuntimeError("hook bug")

    before = _diagnostics.counts().get("formatter-hook-failed", 0)
    assert load(Broken(**IDENTITY))["message"] == "claim C-1 accepted"
    assert _diagnostics.counts()["formatter-hook-failed"] == before + 1


def test_jsonify_log_record_sees_only_redacted_json() -> None:
    """An overridden jsonify_log_record gets redacted, JSON-native data and its text is written."""
    seen: list[dict[str, Any]] = []

    class Custom(JsonFormatter):
        def jsonify_log_record(self, log_data: dict[str, Any]) -> str:
            seen.append(log_data)
            return "custom " + json.dumps(log_data["message"])

    line = Custom(**IDENTITY).format(make_record(f"SSN {SSN}", None, extra={"blob": b"x"}))
    assert line == 'custom "SSN [REDACTED:SSN]"'
    assert seen[0]["blob"] == "x"


# -- serialization options -------------------------------------------------------------------------
def test_json_output_options_render_like_python_json_logger() -> None:
    """json_indent and json_ensure_ascii render with json.dumps, as python-json-logger does."""
    formatter = JsonFormatter(**IDENTITY, json_indent=2, json_ensure_ascii=False)
    text = formatter.format(make_record("Привет", None))
    assert '\n  "message": "Привет"' in text
    assert '"message": "\\u041f' in JsonFormatter(**IDENTITY, json_ensure_ascii=True).format(
        make_record("Привет", None)
    )
    assert hipaalog.orjson.OrjsonFormatter(**IDENTITY, json_indent=True).format(make_record()).startswith('{\n  "')


def test_custom_serializer_gets_redacted_data() -> None:
    """json_serializer is called with python-json-logger's arguments, on data redaction has seen."""
    calls: list[tuple[dict[str, Any], dict[str, Any]]] = []

    def serializer(data: dict[str, Any], **kwargs: Any) -> str:
        calls.append((data, kwargs))
        return "|".join(f"{k}={v}" for k, v in data.items())

    text = JsonFormatter(**IDENTITY, json_serializer=serializer).format(make_record(f"SSN {SSN}", None))
    assert "message=SSN [REDACTED:SSN]" in text and SSN not in text
    assert set(calls[0][1]) == {"default", "cls", "indent", "ensure_ascii"}


class Visit:
    def __init__(self, patient_ssn: str) -> None:
        self.patient_ssn = patient_ssn


class VisitEncoder(json.JSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Visit):
            return {"note": f"SSN {o.patient_ssn}"}
        return super().default(o)


def test_json_encoder_and_json_default_results_are_redacted() -> None:
    """What a json_encoder's default or a json_default returns is redacted before it is written."""
    for formatter in (
        JsonFormatter(**IDENTITY, json_encoder=VisitEncoder),
        JsonFormatter(**IDENTITY, json_default=lambda o: {"note": f"SSN {o.patient_ssn}"}),
    ):
        text = formatter.format(make_record(extra={"visit": Visit(SSN)}))
        assert SSN not in text and json.loads(text)["visit"] == {"note": "SSN [REDACTED:SSN]"}


def test_bytes_never_reach_a_callers_default() -> None:
    """Bytes are written as text for redaction to read, even when json_default would base64 them."""
    calls: list[object] = []

    def default(obj: object) -> object:
        calls.append(obj)
        return "encoded"

    record = load(JsonFormatter(**IDENTITY, json_default=default), extra={"raw": f"SSN {SSN}".encode()})
    assert (record["raw"], calls) == ("SSN [REDACTED:SSN]", [])


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Unprintable:
    def __str__(self) -> str:
        raise ValueError("no")

    def __repr__(self) -> str:
        raise ValueError("no")


def test_python_json_logger_default_encodings() -> None:
    """Classes by name, Enum classes as values, tracebacks as text, unprintable objects as a marker."""
    traceback_object = raised(ValueError("x"))[2]
    extra = {"cls": Visit, "enum": Color, "tb": traceback_object, "bad": Unprintable(), "nested": [Visit]}
    record = load(JsonFormatter(**IDENTITY, redaction=False), extra=extra)
    assert (record["cls"], record["enum"], record["bad"], record["nested"]) == (
        "Visit",
        ["red", "blue"],
        "__could_not_encode__",
        ["Visit"],
    )
    assert "raise exc" in record["tb"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("json_serializer", "json.dumps", "json_serializer must be"),
        ("json_encoder", dict, "json_encoder must be"),
        ("json_default", 3, "json_default must be callable"),
        ("json_indent", 2.5, "json_indent must be"),
    ],
)
def test_bad_output_options_are_config_errors(option: str, value: object, message: str) -> None:
    """Options that cannot work are refused at construction, saying what to pass instead."""
    with pytest.raises(ConfigError, match=message):
        JsonFormatter(**IDENTITY, **{option: value})  # type: ignore[arg-type]


def test_json_encoder_that_needs_arguments_is_a_config_error() -> None:
    """A json_encoder that cannot be made without arguments fails at construction."""

    class Needy(json.JSONEncoder):
        def __init__(self, required: int) -> None:
            super().__init__()

    with pytest.raises(ConfigError, match="json_encoder Needy"):
        JsonFormatter(**IDENTITY, json_encoder=Needy)


def test_a_failing_serializer_falls_back_to_the_compact_line() -> None:
    """A json_serializer that raises is counted and the compact line is written instead."""

    def broken(data: object, **kwargs: object) -> str:
        raise TypeError("nope")

    before = _diagnostics.counts().get("serializer-failed", 0)
    assert orjson.loads(JsonFormatter(**IDENTITY, json_serializer=broken).format(make_record()))["severity"] == 6
    assert _diagnostics.counts()["serializer-failed"] == before + 1


# -- what code reads back, module paths, finished lines ---------------------------------------------
def test_attributes_code_reads_back() -> None:
    """The formatter keeps python-json-logger's attributes."""

    def default(obj: object) -> str:
        return "x"

    formatter = hipaalog.json.JsonFormatter(
        **IDENTITY, json_default=default, static_fields={"svc": "claims"}, json_indent=4, exc_info_as_array=True
    )
    assert (formatter.json_default, formatter.static_fields, formatter.json_indent) == (default, {"svc": "claims"}, 4)
    assert (formatter.json_serializer, formatter.json_encoder, formatter.exc_info_as_array) == (json.dumps, None, True)
    assert formatter.exc_info_field is True and repr(formatter).startswith("JsonFormatter(Encoder(")


@pytest.mark.parametrize("path", ["hipaalog.orjson.OrjsonFormatter", "hipaalog.jsonlogger.JsonFormatter"])
def test_dictconfig_switches_by_one_word(monkeypatch: pytest.MonkeyPatch, path: str) -> None:
    """A dictConfig that named pythonjsonlogger.orjson.OrjsonFormatter (or .jsonlogger) works with hipaalog's."""
    for key, value in (("APP_ID", "claims"), ("PLATFORM", "k8s"), ("MICROSERVICE", "claims-api")):
        monkeypatch.setenv(f"HIPAALOG_{key}", value)
    stream = io.StringIO()
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"json": {"()": path, "static_fields": {"env": "prod"}}},
            "handlers": {"out": {"class": "logging.StreamHandler", "formatter": "json", "stream": stream}},
            "loggers": {"pjl.dictconfig": {"handlers": ["out"], "level": "INFO", "propagate": False}},
        }
    )
    logger = logging.getLogger("pjl.dictconfig")
    try:
        logger.info("hello", extra={5: "9"})  # type: ignore[dict-item]
    finally:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
    record = json.loads(stream.getvalue())
    assert (record["message"], record["env"], record["5"], record["appId"]) == ("hello", "prod", "9", "claims")


def test_a_callers_hipaalog_line_is_an_ordinary_field() -> None:
    """extra={"hipaalog_line": ...} cannot replace the record's bytes; only a FinishedLine is written as is."""
    forged = b'{"message":"forged","level":"info"}'
    record = load(JsonFormatter(**IDENTITY), extra={"hipaalog_line": forged})
    assert (record["message"], record["hipaalog_line"]) == ("claim C-1 accepted", forged.decode())
    sealed = FinishedLine(b'{"seq":1}')
    assert JsonFormatter(**IDENTITY, prefix="> ").encode(make_record(extra={"hipaalog_line": sealed})) == b'> {"seq":1}'


def test_extra_cannot_forge_a_line_even_on_the_audit_logger() -> None:
    """Through Logger.makeRecord (any extra=, on any logger) hipaalog_line is never a finished line."""
    forged = b'{"message":"forged"}'
    logger = logging.getLogger("hipaalog.audit")
    record = logger.makeRecord(
        logger.name, logging.INFO, "app.py", 3, "real", None, None, "f", {"hipaalog_line": forged}
    )
    assert not _is_finished(forged, record)
    made = logging.makeLogRecord({"name": "hipaalog.audit", "pathname": "", "lineno": 0, "hipaalog_line": forged})
    assert not _is_finished(forged, made), "makeLogRecord can set any attribute: only the type counts"
    assert _is_finished(FinishedLine(forged), made)


def test_a_hook_that_returns_nothing_keeps_its_changes() -> None:
    """process_log_record that changes log_data in place but forgets to return it still counts."""

    class Forgetful(JsonFormatter):
        def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
            log_data["tag"] = "seen"
            return None  # type: ignore[return-value]

    assert load(Forgetful(**IDENTITY), extra={5: "9"})["tag"] == "seen"
