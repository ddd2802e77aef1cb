"""Formats written in the other case: HL7 v2 and X12 lower-cased whole (or segment by segment), FHIR JSON
upper-cased, are read as their own case: the same slots are masked, at the same offsets; shell pipes and globs
that share a segment id's letters keep their text."""

from __future__ import annotations

import json
import logging

import pytest

from hipaalog.redaction import RedactingFilter, redact_text

# Synthetic values only.
NAME, GIVEN, MEMBER, MRN, DOB, PHONE = "QUIST", "MILO", "W123456789", "A0048213", "20100101", "6175550134"
X12 = (
    "ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *240101*1200*^*00501*000000905*0*P*:~"
    f"NM1*IL*1*{NAME}*{GIVEN}****MI*{MEMBER}~N3*9 ELM ST~N4*SALEM*MA*01970~DMG*D8*{DOB}*M~PER*IP**HP*{PHONE}~"
)
HL7 = (
    "MSH|^~\\&|APP|FAC|||20240101||ADT^A01|1|P|2.5\r"
    f"PID|1||{MRN}^^^MRN||{NAME}^{GIVEN}||{DOB}|M|||9 ELM ST^^SALEM^MA^01970||{PHONE}"
)
VALUES = (NAME, GIVEN, MEMBER, MRN, DOB, PHONE, "9 ELM ST", "01970")


def _lowered_values_absent(out: str) -> None:
    for value in VALUES:
        assert value.lower() not in out, (value, out)


@pytest.mark.parametrize("message", [X12, HL7], ids=["x12", "hl7"])
def test_a_message_lower_cased_whole_is_masked_as_its_upper_case_form(message: str) -> None:
    upper, lower = redact_text(message), redact_text(message.lower())
    _lowered_values_absent(lower)
    assert lower.lower() == upper.lower()  # the same slots, the same kinds


def test_one_segment_in_lower_case_beside_upper_case_ones() -> None:
    out = redact_text(HL7.replace("PID|", "pid|"))
    assert MRN not in out and DOB not in out and PHONE not in out, out


@pytest.mark.parametrize("separator", ["|", "^"])
def test_lower_case_x12_with_another_element_separator(separator: str) -> None:
    text = separator.join(("nm1", "il", "1", "roe", "jane", "", "", "", "mi", "w998877665")) + "~"
    out = redact_text(text)
    assert "w998877665" not in out and "roe" not in out, out


def test_through_a_logging_filter() -> None:
    record = logging.LogRecord("hl7", logging.INFO, __file__, 1, "inbound %s", (HL7.lower(),), None)
    RedactingFilter().filter(record)
    _lowered_values_absent(record.getMessage())


@pytest.mark.parametrize(
    "text",
    [
        "ps aux | grep pid|sort -n",
        "select * from t where ref* = 1",
        'grep "ref*" logs/*.txt | wc -l',
        "lookup order: isa|pid|msh, then cache",
        "pid|1234 exited with status 0",
    ],
)
def test_shell_pipes_and_globs_keep_their_text(text: str) -> None:
    assert redact_text(text) == text


RESOURCES = [
    {"resourceType": "Patient", "name": [{"family": "Quist", "given": ["Milo"]}], "birthDate": "2010-01-01"},
    {"resourceType": "RelatedPerson", "name": [{"given": ["Aurel"], "family": "Quist"}]},
    {"resourceType": "Encounter", "subject": {"reference": "Patient/1", "display": "Milo Quist"},
     "period": {"start": "2024-03-12", "end": "2024-03-14"}},
]  # fmt: skip


@pytest.mark.parametrize("resource", RESOURCES, ids=["patient", "related", "encounter"])
def test_fhir_json_upper_cased_whole_is_masked_as_written(resource: dict[str, object]) -> None:
    out = redact_text(json.dumps(resource).upper())
    for value in ("QUIST", "MILO", "AUREL", "2010-01-01", "2024-03-12", "2024-03-14"):
        assert value not in out, (value, out)
