"""Identifiers used as mapping keys: a person's id as the key of a per-person mapping is masked like the id.

``extra={"patients": {<id>: "ok"}}`` carries the identifier in the key, where field-name rules never
look. Made-up values only; the keys must stay unique after masking, and other keys must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._records import clean_message

KEY = "hex:" + "5e" * 32


@pytest.mark.parametrize("collection", ["patients", "members", "subscribers", "by_patient", "patientStatus"])
@pytest.mark.parametrize("identifier", [287654321, "287654321", "QZ5510832", "E-8812345"])
def test_an_identifier_key_below_people_is_masked(collection: str, identifier: Any) -> None:
    out = Redactor().redact({collection: {identifier: "eligible", "count": 1}})
    (inner,) = out.values()
    assert str(identifier) not in str(out)
    assert inner["count"] == 1
    assert "eligible" in inner.values()


def test_masked_keys_stay_unique_and_keep_every_value() -> None:
    out = Redactor().redact({"patients": {287654321: "a", "QZ5510832": "b", 287654322: "c"}})
    inner = out["patients"]
    assert sorted(inner.values()) == ["a", "b", "c"]
    assert len(inner) == 3
    assert all("2876543" not in key and "QZ55" not in key for key in inner)


def test_pseudonymised_keys_correlate_with_the_same_id_as_a_value() -> None:
    redactor = Redactor(strategy="pseudonym", pseudonym_key=KEY)
    out = redactor.redact({"by_patient": {287654321: "ok"}, "patient_id": 287654321})
    assert list(out["by_patient"]) == [out["patient_id"]]


def test_drop_leaves_the_entry_out() -> None:
    assert Redactor(strategy="drop").redact({"patients": {287654321: "ok", "total": 1}}) == {"patients": {"total": 1}}


def test_a_collection_of_identifiers_is_masked_whole() -> None:
    out = Redactor().redact({"mrns": {"E8812345": "merged"}, "ssns": ["287-65-4321"], "member_ids": ["QZ5510832"]})
    assert out == {"mrns": "[REDACTED:MRN]", "ssns": "[REDACTED:SSN]", "member_ids": "[REDACTED:MEMBER_ID]"}


def test_find_reports_an_identifier_key() -> None:
    findings = Redactor().find({"patients": {287654321: "ok"}})
    assert [(f.kind, f.rule) for f in findings] == [("PATIENT", "name")]


def test_a_mapping_argument_keyed_by_people() -> None:
    msg, args = clean_message("eligibility %s", {"members": {"QZ5510832": "eligible"}}, Redactor())
    assert "QZ5510832" not in str(msg % args)


@pytest.mark.parametrize(
    "record",
    [
        {"patients": {"2024": 5, "v1": 2, "count": 3}},
        {"patients": {"2024-03": 4}},
        {"services": {"87654321": "ok", "QZ5510832": "ok"}},
        {"counts": {"patients": 3}},
        {"charts": ["cpu", "mem"], "socials": ["site"]},
        {"members": [{"status": "active"}]},
    ],
)
def test_other_keys_stay(record: dict[str, Any]) -> None:
    out = Redactor().redact(record)
    assert list(_keys(out)) == list(_keys(record))


def _keys(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [str(k) for k in value] + [k for v in value.values() for k in _keys(v)]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []
