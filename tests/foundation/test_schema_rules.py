"""Schema fields cannot be spoofed; declared types never change; identity is required."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from hipaalog import ConfigError, JsonFormatter
from hipaalog._identity import detect_platform, resolve_identity

from ._records import FIXED_TIMESTAMP, IDENTITY, make_record


def fmt(formatter: JsonFormatter, **extra: object) -> dict[str, object]:
    return orjson.loads(formatter.format(make_record(extra=extra)))  # type: ignore[no-any-return]


def test_caller_fields_named_like_schema_fields_are_prefixed_not_overwritten() -> None:
    """extra level/appId/timestamp/severity land under extra_*; the real values stay."""
    record = fmt(JsonFormatter(**IDENTITY), level="debug", appId="evil", timestamp="1999", severity=0)
    assert (record["level"], record["appId"], record["timestamp"]) == ("info", "claims", FIXED_TIMESTAMP)
    assert record["message"] == "claim C-1 accepted"
    assert (record["extra_level"], record["extra_appId"], record["extra_timestamp"]) == ("debug", "evil", "1999")
    assert (record["severity"], record["extra_severity"]) == (6, 0)


def test_prefix_collisions_repeat_the_prefix() -> None:
    """A caller who sends both level and extra_level keeps both, neither overwritten."""
    record = fmt(JsonFormatter(**IDENTITY), extra_level="mine", level="forged")
    assert (record["extra_level"], record["extra_extra_level"]) == ("mine", "forged")


def test_a_collision_never_overwrites_a_caller_field_named_like_its_prefix() -> None:
    """level and extra_level from the same caller both survive, whatever their order."""
    record = fmt(JsonFormatter(**IDENTITY), level="forged", extra_level="mine")
    assert (record["extra_level"], record["extra_extra_level"]) == ("mine", "forged")


def test_static_fields_cannot_set_schema_fields() -> None:
    """static_fields naming a schema field is a ConfigError, not a silent overwrite."""
    with pytest.raises(ConfigError, match="static_fields may not set schema fields \\(appId, level\\)"):
        JsonFormatter(**IDENTITY, static_fields={"level": "x", "appId": "y"})


def test_declared_types_hold_across_records_and_violations_are_tagged() -> None:
    """A declared number never appears as a string; the violation is listed instead."""
    formatter = JsonFormatter(**IDENTITY, fields={"amount": "number", "claim_id": "string"})
    good = fmt(formatter, amount=10, claim_id="C-1")
    bad = fmt(formatter, amount="10.50", claim_id=7)
    assert (good["amount"], good["claim_id"]) == (10, "C-1")
    assert "amount" not in bad and "claim_id" not in bad
    assert bad["schema_violations"] == [
        {"field": "amount", "expected": "number", "actual": "string", "value": '"10.50"'},
        {"field": "claim_id", "expected": "string", "actual": "integer", "value": "7"},
    ]


def test_booleans_are_not_numbers_and_null_must_be_declared() -> None:
    """True is not a number; None passes only where null is declared."""
    formatter = JsonFormatter(**IDENTITY, fields={"amount": "number", "note": ["string", "null"]})
    record = fmt(formatter, amount=True, note=None)
    assert record["note"] is None
    assert record["schema_violations"][0]["actual"] == "boolean"


def test_timed_fields_are_declared_by_default() -> None:
    """duration_ms is a number on every record, even without declarations."""
    record = fmt(JsonFormatter(**IDENTITY), duration_ms="slow")
    assert record["schema_violations"][0]["field"] == "duration_ms"


def test_declarations_from_a_json_schema_file(tmp_path: Path) -> None:
    """fields= a JSON Schema path declares its properties' types (schema fields ignored)."""
    schema = {"properties": {"amount": {"type": "number"}, "level": {"type": "string"}, "tags": {"type": "array"}}}
    path = tmp_path / "fields.json"
    path.write_text(json.dumps(schema))
    record = fmt(JsonFormatter(**IDENTITY, fields=str(path)), amount="1", tags=["a"])
    assert record["tags"] == ["a"]
    assert record["schema_violations"][0]["field"] == "amount"


@pytest.mark.parametrize(
    ("fields", "needle"),
    [
        ({"amount": "float"}, "unknown type 'float'"),
        ({"level": "string"}, "is a schema field"),
        ("/nonexistent/fields.json", "cannot read JSON Schema file"),
    ],
)
def test_bad_declarations_fail_at_configure_time(fields: object, needle: str) -> None:
    """Unknown type names, declaring a schema field and unreadable files are ConfigErrors."""
    with pytest.raises(ConfigError, match=needle):
        JsonFormatter(**IDENTITY, fields=fields)  # type: ignore[arg-type]


def test_missing_identity_names_the_arguments_and_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without app_id and microservice the error names both and their HIPAALOG_* variables."""
    for name in ("HIPAALOG_APP_ID", "HIPAALOG_PLATFORM", "HIPAALOG_MICROSERVICE"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ConfigError) as info:
        JsonFormatter(platform="vm")
    message = str(info.value)
    assert "app_id (or the environment variable HIPAALOG_APP_ID)" in message
    assert "microservice (or the environment variable HIPAALOG_MICROSERVICE)" in message
    assert "HIPAALOG_PLATFORM" not in message


def test_identity_from_environment(identity_env: dict[str, str]) -> None:
    """HIPAALOG_* variables supply the identity when arguments are absent."""
    record = orjson.loads(JsonFormatter().format(make_record()))
    assert (record["appId"], record["platform"], record["microservice"]) == ("claims", "vm", "claims-api")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"KUBERNETES_SERVICE_HOST": "10.0.0.1"}, "k8s"),
        ({"ECS_CONTAINER_METADATA_URI_V4": "http://169.254.170.2/v4/x"}, "ecs"),
        ({"AWS_LAMBDA_FUNCTION_NAME": "claims"}, "lambda"),
        ({}, "vm"),
    ],
)
def test_platform_auto_reads_the_runtime_environment(environ: dict[str, str], expected: str) -> None:
    """platform='auto' becomes the platform the runtime's variables name."""
    assert detect_platform(environ) == expected
    assert resolve_identity("a", "auto", "m", environ=environ).platform == expected


def test_renaming_a_schema_field_is_refused() -> None:
    """rename_fields may not move schema fields: the schema is the contract with the index."""
    with pytest.raises(ConfigError, match="schema field names are fixed"):
        JsonFormatter(**IDENTITY, rename_fields={"message": "@message"})


def test_bad_severity_style_and_cap_are_config_errors() -> None:
    """Unknown severity styles and silly caps fail at construction."""
    with pytest.raises(ConfigError, match="severity_style"):
        JsonFormatter(**IDENTITY, severity_style="loud")
    with pytest.raises(ConfigError, match="max_message_chars"):
        JsonFormatter(**IDENTITY, max_message_chars=3)
