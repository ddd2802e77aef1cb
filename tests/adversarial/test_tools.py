"""The tools and error descriptions on their own: audit free text, structure-aware exception messages."""

from __future__ import annotations

import subprocess
from pathlib import Path

import orjson
import pydantic
import pytest

import hipaalog
import hipaalog.audit
from hipaalog._errors import describe_exception, redact_argv, structured_message
from hipaalog.redaction import default_redactor

from .cases import AUDIT_KEY, PSEUDONYM_KEY

SSN, SSN_DIGITS, EMAIL, DOB, MRN = (
    "219-09-9999",
    "219099999",
    "marisol.quintanilla@example.com",
    "03/07/1984",
    "00482913",
)
"""Planted values in names: source lines shown in tracebacks must not hold them."""


def _audit_records(path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if b'"audit"' in line]


def test_audit_text_arguments_are_redacted_before_sealing(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """Every text argument of audit events (an unknown outcome too) is redacted in the sealed file and on stderr."""
    path = tmp_path / "audit.jsonl"
    identity = {"app_id": "ehr", "platform": "vm", "microservice": "chart"}
    hipaalog.audit.configure(path, key=AUDIT_KEY, pseudonym_key=PSEUDONYM_KEY, **identity)
    try:
        hipaalog.audit.access("dr.lee", MRN, "read", f"Patient/{SSN}", f"denied for {EMAIL}", reason=f"DOB {DOB}")
        hipaalog.audit.change("dr.lee", MRN, "Patient", {EMAIL: "new", "phone": "x"})
        hipaalog.audit.export("dr.lee", 2, "csv", f"mailto:{EMAIL}")
        hipaalog.audit.login("dr.lee", True, "198.51.100.1", f"sms to {EMAIL}")
        hipaalog.audit.alert("bulk-read", detail=f"read ssn {SSN}")
    finally:
        hipaalog.audit.close()
    written = path.read_text("utf-8") + capfd.readouterr().err
    for raw in (SSN, EMAIL, DOB):
        assert raw not in written
    access, change, export, login, alert = (r["audit"] for r in _audit_records(path))
    assert access["outcome"] == "failure" and "[REDACTED:EMAIL]" in access["reason"]  # type: ignore[index,operator]
    assert access["resource"] == "Patient/[REDACTED:SSN]"  # type: ignore[index]
    assert change["fields"] == ["[REDACTED:EMAIL]", "phone"]  # type: ignore[index]
    assert export["destination"] == "mailto:[REDACTED:EMAIL]" and login["actor"] == "dr.lee"  # type: ignore[index]
    assert alert["detail"] == "read ssn [REDACTED:SSN]"  # type: ignore[index]


class Intake(pydantic.BaseModel):
    dob: str = pydantic.Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    ssn: str = pydantic.Field(pattern=r"^\d{3}-\d{2}-\d{4}$")
    contacts: dict[str, int] = {}


def _validation_error() -> pydantic.ValidationError:
    try:
        Intake(dob=DOB, ssn=SSN_DIGITS, contacts={EMAIL: "x"})  # type: ignore[dict-item]
    except pydantic.ValidationError as exc:
        return exc
    raise AssertionError("no validation error")


def test_validation_errors_are_redacted_through_their_fields() -> None:
    """pydantic's inputs are redacted by the field their loc names, keys in loc as text; the shape stays readable."""
    described = describe_exception(_validation_error())
    message = described["message"]
    assert described["type"] == "pydantic_core._pydantic_core.ValidationError"
    assert message.startswith("3 validation errors for Intake\ndob\n")
    assert "input_value='[REDACTED:DOB]'" in message and "input_value='[REDACTED:SSN]'" in message
    assert "contacts.[REDACTED:EMAIL]" in message
    for raw in (DOB, SSN_DIGITS, EMAIL):
        assert raw not in message


def test_key_errors_file_names_and_commands() -> None:
    """A KeyError's identifier-like key is masked, other keys redacted; file names and commands piece by piece."""
    redactor = default_redactor()
    assert structured_message(KeyError(MRN)) == "'[REDACTED:ID]'"
    assert structured_message(KeyError("plan")) == "'plan'" and structured_message(ValueError(MRN)) is None
    error = FileNotFoundError(2, "No such file or directory", f"/scans/{SSN}_front.jpg")
    error.filename2 = f"/out/{EMAIL}"
    assert structured_message(error) == (
        "[Errno 2] No such file or directory: '/scans/[REDACTED:SSN]_front.jpg' -> '/out/[REDACTED:EMAIL]'"
    )
    assert redact_argv(["lookup", "--ssn", SSN_DIGITS, f"--dob={DOB}", "-v"], redactor) == [
        "lookup",
        "--ssn",
        "[REDACTED:SSN]",
        "--dob=[REDACTED:DOB]",
        "-v",
    ]
    failed = subprocess.CalledProcessError(2, ("grep", SSN, "/data"))
    assert (
        structured_message(failed) == "Command '('grep', '[REDACTED:SSN]', '/data')' returned non-zero exit status 2."
    )
    assert str(failed).replace(SSN, "[REDACTED:SSN]") == structured_message(failed), "subprocess's own wording"
    assert structured_message(subprocess.TimeoutExpired(f"lookup {EMAIL}", 3)) == (
        "Command 'lookup [REDACTED:EMAIL]' timed out after 3 seconds"
    )


def test_exception_classes_named_from_data_are_redacted() -> None:
    """A class made at run time with PHI in its name is described with the name redacted."""
    dynamic = type(f"Missing {EMAIL}", (LookupError,), {})
    assert EMAIL not in describe_exception(dynamic("lookup failed"))["type"]
    assert describe_exception(KeyError("x"))["type"] == "KeyError"


def test_assert_no_phi_finds_keys() -> None:
    """assert_no_phi() fails on PHI in a mapping key, and its report shows no value."""
    import logging

    from hipaalog.testing import capture

    unredacted = hipaalog.JsonFormatter(app_id="a", platform="vm", microservice="m", redaction=False)
    record = logging.LogRecord("unredacted", logging.INFO, __file__, 1, "plain", None, None)
    record.results = {EMAIL: "sent"}
    with capture() as logs:
        unredacted.format(record)
    with pytest.raises(AssertionError, match=r"EMAIL at \$\.results") as failure:
        logs.assert_no_phi()
    assert EMAIL not in str(failure.value)
