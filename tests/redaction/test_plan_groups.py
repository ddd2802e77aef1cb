"""A health plan's group number is masked in every format that carries it, as X12's ``REF*6P`` already was:
FHIR ``Coverage.class`` of type group or subgroup, HL7 v2 ``IN1-8``, field names and cue words in text.
Groups that are no plan's (consumer groups, user groups, log groups) keep their ids."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()
GROUP = "QX-550913"


def _coverage(kind: str, value: str) -> dict[str, Any]:
    system = "http://terminology.hl7.org/CodeSystem/coverage-class"
    return {
        "resourceType": "Coverage",
        "id": "cov-7",
        "status": "active",
        "class": [
            {"type": {"coding": [{"system": system, "code": kind}]}, "value": value, "name": "Brightwater Mills Local"},
            {"type": {"coding": [{"system": system, "code": "plan"}]}, "value": "PLAN-GOLD-2", "name": "Gold HMO"},
        ],
    }


@pytest.mark.parametrize("kind", ["group", "subgroup"])
def test_a_coverage_group_value_is_masked_in_a_dict_field(kind: str) -> None:
    out = REDACTOR.redact({"coverage": _coverage(kind, GROUP)})
    classes = out["coverage"]["class"]
    assert classes[0]["value"] == "[REDACTED:MEMBER_ID]"
    assert classes[1]["value"] == "PLAN-GOLD-2"  # the plan is a product, not the member's group
    assert classes[0]["name"] == "Brightwater Mills Local"


@pytest.mark.parametrize("indent", [None, 2])
def test_a_coverage_group_value_is_masked_in_json_text(indent: int | None) -> None:
    out = REDACTOR.redact_text("coverage checked: " + json.dumps(_coverage("group", GROUP), indent=indent))
    assert GROUP not in out
    assert "PLAN-GOLD-2" in out and "Gold HMO" in out and "Brightwater Mills Local" in out


def test_a_coverage_group_value_is_masked_in_a_repr_and_in_xml() -> None:
    assert GROUP not in REDACTOR.redact_text(repr(_coverage("group", GROUP)))
    xml = (
        '<Coverage xmlns="http://hl7.org/fhir"><id value="cov-7"/><class><type><coding><code value="group"/>'
        f'</coding></type><value value="{GROUP}"/><name value="Brightwater Mills Local"/></class></Coverage>'
    )
    out = REDACTOR.redact_text(xml)
    assert GROUP not in out and "Brightwater Mills Local" in out


def test_the_group_number_of_an_hl7_in1_segment_is_masked() -> None:
    message = "PID|1||40021^^^MAIN^MR||Quillon^Bex\rIN1|1|GOLD2|PAYER9|Northwind Health||||55091377|Brightwater Mills"
    out = REDACTOR.redact_text(message)
    assert "55091377" not in out
    assert "Brightwater Mills" in out and "Northwind Health" in out


@pytest.mark.parametrize("key", ["group_number", "groupNo", "grp_nbr", "insurance_group", "planGroup"])
def test_a_group_number_under_its_field_name_is_masked(key: str) -> None:
    out = REDACTOR.redact({key: GROUP, "plan": "Gold HMO"})
    assert out == {key: "[REDACTED:MEMBER_ID]", "plan": "Gold HMO"}


@pytest.mark.parametrize(
    "text",
    [
        f"eligibility ok, group # {GROUP}",
        f"Grp No: {GROUP}",
        f"insurance group {GROUP} verified",
        f"GROUP NUMBER {GROUP} not on file",
    ],
)
def test_a_group_number_after_its_cue_is_masked(text: str) -> None:
    assert GROUP not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "value",
    [
        "consumer group id billing-7 rebalanced",
        "joined group id 5521 (admins)",
        "log group id lg-20310101 created",
        "group #12 of 40 processed",
    ],
)
def test_groups_of_other_things_keep_their_ids(value: str) -> None:
    assert REDACTOR.redact_text(value) == value


@pytest.mark.parametrize("value", [{"group_id": "consumers-2"}, {"group": "admins"}, {"groupName": "Night shift"}])
def test_group_fields_of_other_things_are_kept(value: dict[str, str]) -> None:
    assert REDACTOR.redact(value) == value
