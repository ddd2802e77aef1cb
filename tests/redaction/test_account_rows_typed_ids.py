"""Account columns beside a generic name column, ids of records typed as a person, and phones' app identifiers."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hipaalog.redaction import redact, redact_text

# -- account columns in tables whose only person column is "Name" ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (
            "Name,Account,Balance\nOdile Brandt,000731904455,12.50\nJohn Park,000902116633,3.10",
            ["000731904455", "000902116633", "John Park"],
        ),
        (
            "name\taccount\tbalance\nJohn Park\t55120398812\t1.00\nOdile Brandt\t44120398812\t12.50",
            ["55120398812", "44120398812", "John Park"],
        ),
        ("| Name | Account | Due |\n|---|---|---|\n| Odile Brandt | 7712093344 | 12.50 |", ["7712093344"]),
        ("Name;Account;Saldo\nJürgen Weber;5532019987;120,50", ["5532019987"]),
        ("Name,Account ID,Plan\nTeodora Vukovic,AC-5530129,basic", ["AC-5530129"]),
    ],
)
def test_accounts_beside_a_persons_name_are_masked(text: str, secrets: list[str]) -> None:
    out = redact_text(text)
    assert not [secret for secret in secrets if secret in out], out
    assert "[REDACTED:ACCOUNT]" in out


@pytest.mark.parametrize(
    "text",
    [
        "Name,Account,Region\nprod,123456789012,us-east-1\nstaging,210987654321,eu-west-1",
        "Name,Account,Balance\nEscrow Fund,7712093345,1.00\nOperating,7712093346,2.00",
        "name,account,owner_team\nbilling-api,331209876543,payments\nsearch,331209876544,discovery",
    ],
)
def test_accounts_of_a_table_that_names_no_one_stay(text: str) -> None:
    assert redact_text(text) == text


def test_amounts_and_headers_of_a_persons_table_stay() -> None:
    out = redact_text("Name,Account,Balance\nOdile Brandt,000731904455,12.50")
    assert out.startswith("Name,Account,Balance\n")
    assert out.endswith(",12.50")


# -- ids of records whose type names a person ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "secret", "kind"),
    [
        ({"items": [{"ref": "KH526056", "type": "patient"}]}, "KH526056", "PATIENT"),
        ([{"id": "QP4471920", "kind": "Patient"}], "QP4471920", "PATIENT"),
        ({"object_type": "app.Beneficiary", "object_id": "HX4471920"}, "HX4471920", "MEMBER_ID"),
        ({"records": [{"value": 55120398, "entityType": "members"}]}, "55120398", "MEMBER_ID"),
        ({"model": "Patient", "pk": 4471920}, "4471920", "PATIENT"),
    ],
)
def test_id_of_a_record_typed_as_a_person_is_masked(value: Any, secret: str, kind: str) -> None:
    out = json.dumps(redact(value))
    assert secret not in out
    assert f"[REDACTED:{kind}]" in out


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("touched [{'ref': 'KH526056', 'type': 'patient'}]", "KH526056"),
        ('{"items": [{"ref": "KH526056", "type": "patient"}]}', "KH526056"),
        ('{"id": "KH526056", "resourceType": "Patient"}', "KH526056"),
        ("opened kind=Patient ref=KH526056", "KH526056"),
        ('{"object_type": "app.Member", "object_id": "HX4471920"}', "HX4471920"),
    ],
)
def test_id_of_a_typed_person_record_in_text_is_masked(text: str, secret: str) -> None:
    assert secret not in redact_text(text)


def test_id_beside_a_masked_name_in_an_entry_is_masked() -> None:
    out = redact({"rows": [{"key": "E88806194", "value": "Odile Brandt"}], "context": "patient"})
    assert out == {"rows": [{"key": "[REDACTED:ID]", "value": "[REDACTED:NAME]"}], "context": "patient"}


@pytest.mark.parametrize(
    "value",
    [
        {"items": [{"id": "svc-42", "type": "service"}, {"ref": "KH526056", "type": "invoice"}]},
        {"type": "patient", "id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301"},
        {"type": "patient", "count": 12},
        {"kind": "Deployment", "uid": "ab12cd34ef"},
        {"id": "ORD12345", "name": "Widget Pro"},
    ],
)
def test_ids_of_other_records_stay(value: Any) -> None:
    assert redact(value) == value


# -- a phone's hardware, install, push and advertising identifiers --------------------------------------------


@pytest.mark.parametrize(
    ("value", "secret"),
    [
        ({"udid": "00008110-001A2C3E0E91801E"}, "00008110-001A2C3E0E91801E"),
        ({"installation_id": "c7b9a3e2-55f1-4a0e-9c1d-2f7b8e6a4d10"}, "c7b9a3e2-55f1-4a0e-9c1d-2f7b8e6a4d10"),
        ({"installId": "5b7c9d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e"}, "5b7c9d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e"),
        ({"push_token": "dQw4w9WgXcQ:APA91bHun4MxP5egoKMwt2KZ"}, "dQw4w9WgXcQ:APA91bHun4MxP5egoKMwt2KZ"),
        ({"fcmToken": "eX1yZ2abc:APA91bF3kLmNoPqRsTuVw"}, "eX1yZ2abc:APA91bF3kLmNoPqRsTuVw"),
        ({"apns_token": "740f4707bebcf74f9b7c25d48e3358945f6aa01d"}, "740f4707bebcf74f9b7c25d48e3358945f6aa01d"),
        ({"app_instance_id": "cSTbk3kzQ9aX1yZ2abcdEF"}, "cSTbk3kzQ9aX1yZ2abcdEF"),
        ({"idfv": "6D92078A-8246-4BA4-AE5B-76104861E7DC"}, "6D92078A-8246-4BA4-AE5B-76104861E7DC"),
    ],
)
def test_app_identifiers_under_their_keys_are_masked(value: Any, secret: str) -> None:
    out = json.dumps(redact(value))
    assert secret not in out
    assert "[REDACTED:DEVICE]" in out


@pytest.mark.parametrize(
    "text",
    [
        "registered install_id=9f8e7d6c-1234-4abc-8def-001122334455 app=health",
        "push sent fcm_token=cZ9kQ:APA91bGx7Hn2LmPq8RsT0uVw status=200",
        '{"event": "register", "apnsToken": "a1b2c3d4e5f60718293a4b5c6d7e8f90"}',
    ],
)
def test_app_identifiers_in_text_are_masked(text: str) -> None:
    assert "[REDACTED:DEVICE]" in redact_text(text)


@pytest.mark.parametrize(
    "value",
    [
        {"instance_id": "i-0abc123def4567890", "region": "us-east-1"},
        {"instance_id": "web-1", "pod": "api-7f9c"},
        {"device": "pixel-7", "app_version": "3.2.1", "os": "android 14"},
    ],
)
def test_server_instances_and_device_models_stay(value: Any) -> None:
    assert redact(value) == value


def test_account_of_a_spreadsheet_row_as_a_dict_is_masked() -> None:
    out = redact({"Name": "Odile Brandt", "Account": "000731904455", "Balance": 12.5})
    assert out == {"Name": "[REDACTED:NAME]", "Account": "[REDACTED:ACCOUNT]", "Balance": 12.5}


@pytest.mark.parametrize(
    "value",
    [
        {"name": "billing-api", "account": "123456789012"},
        {"name": "Odile Brandt", "account": "acme-prod"},
    ],
)
def test_account_beside_no_persons_name_or_without_digits_stays(value: dict[str, str]) -> None:
    out = redact(value)
    assert out["account"] == value["account"]


@pytest.mark.parametrize("text", ["Name,Acct,Balance", "Name;Region;Cost\nbilling;eu;1", "Name\tStatus\tOwner"])
def test_header_cells_after_a_name_column_stay(text: str) -> None:
    assert redact_text(text) == text
