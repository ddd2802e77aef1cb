"""The command line: demo and schema."""

from __future__ import annotations

import subprocess
import sys

import jsonschema
import orjson

from hipaalog._schema import json_schema

from ..conftest import validate_line


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hipaalog", *args], check=False, capture_output=True, text=True, timeout=60
    )


def test_demo_prints_schema_valid_records() -> None:
    """hipaalog demo exits 0 and prints several records, each valid against the schema."""
    result = run_cli("demo")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) >= 5
    records = [validate_line(line) for line in lines]
    assert {r["level"] for r in records} >= {"info", "warning", "error"}
    assert any("error" in r for r in records)


def test_schema_is_valid_json_schema_and_describes_declared_fields() -> None:
    """hipaalog schema prints a valid draft 2020-12 schema including --field declarations."""
    result = run_cli("schema", "--field", "amount=number")
    assert result.returncode == 0, result.stderr
    document = orjson.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["properties"]["amount"] == {"type": "number"}
    assert set(document["required"]) >= {"timestamp", "level", "severity", "message", "appId"}


def test_schema_rejects_a_record_missing_identity() -> None:
    """The exported schema fails a record without appId (so an index can enforce it)."""
    validator = jsonschema.Draft202012Validator(json_schema())
    record = {
        "timestamp": "2024-01-01T00:00:00.000000Z",
        "level": "info",
        "severity": 6,
        "message": "m",
        "logger": "l",
        "platform": "vm",
        "microservice": "m",
    }
    assert not validator.is_valid(record)
    assert validator.is_valid({**record, "appId": "a"})


def test_opensearch_template_maps_fields() -> None:
    """--format opensearch maps timestamp as date and declared numbers as double."""
    result = run_cli("schema", "--format", "opensearch", "--field", "amount=number")
    props = orjson.loads(result.stdout)["template"]["mappings"]["properties"]
    assert props["timestamp"]["type"] == "date"
    assert props["amount"] == {"type": "double"}
    assert props["duration_ms"] == {"type": "double"}


def test_schema_rejects_bad_field_declarations() -> None:
    """A malformed --field exits 2 with a message."""
    result = run_cli("schema", "--field", "amount")
    assert result.returncode == 2 and "NAME=TYPE" in result.stderr
