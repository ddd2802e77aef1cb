"""The engine as a whole: events, the default pipeline, fail-closed behaviour, bounds, findings, configuration."""

from __future__ import annotations

import datetime as dt
import json
import logging
import logging.config
from collections.abc import Iterator
from typing import Any

import orjson
import pytest

import hipaalog
from hipaalog import _diagnostics
from hipaalog.exceptions import ConfigError
from hipaalog.redaction import Finding, Redactor, by_callable, find_phi, register_detector

from ..conftest import validate_line

IDENTITY = {"app_id": "claims", "platform": "vm", "microservice": "claims-api"}


def _record(msg: str, args: tuple[Any, ...] = (), **extra: Any) -> logging.LogRecord:
    record = logging.LogRecord("claims.api", logging.INFO, __file__, 7, msg, args, None)
    record.created = 1718100930.123456
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_default_pipeline_redacts_message_fields_and_errors() -> None:
    """The formatter's default pipeline masks PHI in the message, caller fields and the structured error."""
    formatter = hipaalog.JsonFormatter(**IDENTITY)
    try:
        raise ValueError("no coverage for SSN 123-45-6789")
    except ValueError as exc:
        record = _record("patient %s called from %s", ("Jane Doe", "(415) 555-0132"), patient={"dob": "1985-03-12"})
        record.exc_info = (type(exc), exc, exc.__traceback__)
    line = validate_line(formatter.format(record))
    assert line["message"] == "patient [REDACTED:NAME] called from [REDACTED:PHONE]"
    assert line["patient"] == {"dob": "[REDACTED:DOB]"}
    assert line["error"]["message"] == "no coverage for SSN [REDACTED:SSN]"
    assert line["error"]["type"] == "ValueError" and line["error"]["stack"]
    assert line["timestamp"] == "2024-06-11T10:15:30.123456Z" and line["appId"] == "claims"


def test_trusted_fields_pass_untouched() -> None:
    """Trusted schema fields are never scanned (a logger named like a person is still the logger)."""
    event = {"timestamp": "2024-06-11T10:15:30.000000Z", "logger": "patient.John Smith", "message": "ok"}
    assert Redactor().redact_event(event) == event


def test_stack_info_and_schema_violations_are_redacted() -> None:
    """stack_info text is scanned; a declared-type violation of a PHI field loses its value preview."""
    event = {
        "message": "m",
        "stack_info": 'File "x.py", line 1, in f\n    log("SSN 123-45-6789")',
        "schema_violations": [{"field": "ssn", "expected": "string", "actual": "integer", "value": "123456789"}],
    }
    out = Redactor().redact_event(event)
    assert "123-45-6789" not in out["stack_info"]
    assert out["schema_violations"][0]["value"] == "[REDACTED:SSN]"
    assert event["schema_violations"][0]["value"] == "123456789", "the caller's list is not changed"


def test_detector_failure_fails_closed_and_is_counted() -> None:
    """When a detector raises, the text is masked whole (never emitted as is: field names included) and counted."""

    def broken(text: str) -> list[tuple[int, int]]:
        raise RuntimeError("boom")

    redactor = Redactor(rules=[by_callable(broken, "ID", name="broken")])
    assert redactor.redact({"note": "anything at all"}) == {"[REDACTED:UNINSPECTED]": "[REDACTED:UNINSPECTED]"}
    assert _diagnostics.counts()["redaction-detector-failed"] == 2


def test_unreadable_values_are_masked() -> None:
    """A mapping that cannot be read, or a string whose methods raise, is masked, not emitted."""

    class Broken(dict[str, Any]):
        def items(self) -> Any:
            raise OSError("gone")

    class Weird(str):
        def __str__(self) -> str:
            raise RuntimeError("no")

    out = Redactor().redact({"a": Broken(x=1), "b": Weird("SSN 123-45-6789")})
    assert out == {"a": "[REDACTED:UNINSPECTED]", "b": "SSN [REDACTED:SSN]"}
    assert _diagnostics.counts()["redaction-failed"] == 1


def test_cycles_depth_and_huge_strings_are_bounded() -> None:
    """Cyclic and very deep structures end in markers; a huge string is scanned up to the cap, the rest cut."""
    cyclic: dict[str, Any] = {"note": "x"}
    cyclic["self"] = cyclic
    deep: Any = "SSN 123-45-6789"
    for _ in range(100):
        deep = [deep]
    redactor = Redactor(max_scan_chars=1000)
    assert redactor.redact(cyclic) == {"note": "x", "self": "[hipaalog: circular reference]"}
    assert "123-45-6789" not in json.dumps(redactor.redact(deep))
    huge = "SSN 123-45-6789 " + "a" * 5000 + " 987-65-4321"
    out = redactor.redact_text(huge)
    assert "123-45-6789" not in out and "987-65-4321" not in out and "chars not scanned, left out" in out
    assert len(out) < 1200


def test_unknown_objects_become_their_redacted_text() -> None:
    """Objects hipaalog writes as text are converted and redacted in the walk itself; orjson's own types stay."""
    when = dt.datetime(2024, 6, 11, tzinfo=dt.timezone.utc)

    class Patient:
        def __repr__(self) -> str:
            return "Patient(ssn='123-45-6789')"

    out = Redactor().redact_event({"message": "m", "when": when, "who": Patient()})
    assert out["when"] is when and out["who"] == "Patient(ssn='[REDACTED:SSN]')"
    line = validate_line(hipaalog.JsonFormatter(**IDENTITY).format(_record("m", who=Patient(), when=when)))
    assert line["who"] == "Patient(ssn='[REDACTED:SSN]')"


def test_find_phi_reports_places_never_values() -> None:
    """find_phi gives kind, JSONPath-like path and offsets; no finding carries the value."""
    value = {"patient": {"ssn": "123-45-6789"}, "items": [{"note": "call (415) 555-0132"}], "ok": "fine"}
    findings = find_phi(value)
    assert findings == [
        Finding("SSN", "$.patient.ssn", None, "key"),
        Finding("PHONE", "$.items[0].note", (5, 19), "text"),
    ]
    assert "555" not in repr(findings) and str(findings[1]) == "PHONE at $.items[0].note chars 5-19"
    assert find_phi("SSN 123-45-6789") == [Finding("SSN", "$", (4, 15), "text")]
    assert find_phi({"a b": "x@y.org"})[0].path == '$["a b"]'


def test_find_phi_ignores_redacted_output_and_skipped_fields() -> None:
    """What redaction wrote (masks, tokens, partial values) is not PHI; skipped top-level keys are not read."""
    redacted = Redactor(strategy="partial").redact({"ssn": "123-45-6789", "note": "DOB 03/12/1985"})
    assert find_phi(redacted, redactor=Redactor(strategy="partial")) == []
    assert find_phi({"logger": "patient Jane Doe"}, skip=frozenset({"logger"})) == []


def test_registered_detectors_are_named_in_policies() -> None:
    """A detector registered by name can be enabled from a JSON policy."""
    register_detector("test.claimant", lambda text: [(m, m + 8) for m in [text.find("CLMT")] if m >= 0], "CLAIMANT")
    redactor = Redactor.from_config({"detectors": ["default", "test.claimant"]})
    assert redactor.redact_text("ref CLMT9999 ok") == "ref [REDACTED:CLAIMANT] ok"


def test_disabling_a_detector() -> None:
    """``disable`` leaves a built-in detector out."""
    assert Redactor(disable=["email"]).redact_text("mail a@b.org") == "mail a@b.org"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"strategie": "mask"}, "unknown redaction option"),
        ({"detectors": ["nope"]}, "unknown detector 'nope'"),
        ({"patterns": ["("]}, "does not compile"),
        ({"max_depth": 0}, "max_depth"),
        ({"allow_fields": "ssn"}, "allow_fields"),
        ({"pseudonym_key": "hex:" + "1" * 64, "pseudonym_keys": {"k1": "hex:" + "2" * 64}}, "not both"),
    ],
)
def test_bad_options_are_config_errors(options: dict[str, Any], message: str) -> None:
    """Every option is validated when the redactor is built; the message says what is wrong."""
    with pytest.raises(ConfigError, match=message):
        Redactor(options)


@pytest.fixture
def log_file(tmp_path: Any) -> Iterator[Any]:
    path = tmp_path / "app.jsonl"
    yield path
    for handler in logging.getLogger("dictconfig.redaction").handlers:
        handler.close()


def test_redaction_policy_from_dictconfig(log_file: Any, identity_env: dict[str, str]) -> None:
    """A dictConfig formatter takes a JSON-only redaction policy (strategies, patterns, allowlist)."""
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {
                "json": {
                    "()": "hipaalog.JsonFormatter",
                    "redaction": {
                        "strategies": {"SSN": "partial"},
                        "patterns": [{"pattern": r"ACME-\d{6}", "kind": "ACME_ID"}],
                        "allow_fields": ["support_email"],
                    },
                }
            },
            "handlers": {"file": {"class": "hipaalog.SinkHandler", "formatter": "json", "sinks": [str(log_file)]}},
            "loggers": {"dictconfig.redaction": {"handlers": ["file"], "level": "INFO", "propagate": False}},
        }
    )
    logger = logging.getLogger("dictconfig.redaction")
    logger.info("SSN 123-45-6789 ref ACME-123456", extra={"support_email": "help@example.org"})
    for handler in logger.handlers:
        handler.flush()
        handler.close()
    line = orjson.loads(log_file.read_text().splitlines()[0])
    assert line["message"] == "SSN ***-**-6789 ref [REDACTED:ACME_ID]"
    assert line["support_email"] == "help@example.org"


def test_repr_hides_keys() -> None:
    """A redactor's repr shows its policy but never key material."""
    text = repr(Redactor(strategy="pseudonym", pseudonym_key="hex:" + "ab" * 32))
    assert "abab" not in text and "pseudonym" in text
