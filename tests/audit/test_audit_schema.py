"""The audit sub-schema is part of the exported schema and holds audit records to the contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jsonschema
import orjson

from hipaalog._schema import json_schema, opensearch_template

from .conftest import StreamFactory, write_sample


def test_schema_command_exports_the_audit_definition() -> None:
    """hipaalog schema prints the audit object definition and the rule that audit records carry it."""
    result = subprocess.run(
        [sys.executable, "-m", "hipaalog", "schema"], check=False, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    document = orjson.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(document)
    audit = document["$defs"]["audit"]
    assert audit["properties"]["event"]["enum"] == ["access", "login", "logout", "change", "export", "alert"]
    assert audit["properties"]["outcome"]["enum"] == ["success", "failure", "denied"]
    assert set(document["allOf"][0]["then"]["required"]) == {"audit", "seq", "chain", "key_id"}


def test_audit_records_validate_and_broken_ones_do_not(make_stream: StreamFactory, tmp_path: Path) -> None:
    """Every event kind validates; an audit record without seq, or an access without patient, does not."""
    stream = make_stream()
    write_sample(stream, 8)
    stream.alert("rule", "detail")
    validator = jsonschema.Draft202012Validator(json_schema())
    records = [orjson.loads(line) for line in (tmp_path / "audit.jsonl").read_bytes().splitlines()]
    for record in records:
        validator.validate(record)
    no_seq = {k: v for k, v in records[0].items() if k != "seq"}
    assert not validator.is_valid(no_seq)
    no_patient = {**records[0], "audit": {k: v for k, v in records[0]["audit"].items() if k != "patient"}}
    assert not validator.is_valid(no_patient)
    bad_outcome = {**records[0], "audit": {**records[0]["audit"], "outcome": "maybe"}}
    assert not validator.is_valid(bad_outcome)
    other_logger = {**no_seq, "logger": "app.audit"}
    assert validator.is_valid(other_logger)  # the rule applies to hipaalog.audit records only


def test_opensearch_template_maps_the_audit_fields() -> None:
    """The index template maps audit fields as keywords and seq as a number."""
    props = opensearch_template()["template"]["mappings"]["properties"]
    assert props["seq"] == {"type": "long"}
    assert props["audit"]["properties"]["patient"] == {"type": "keyword"}
    assert props["audit"]["properties"]["patients"] == {"type": "long"}
