"""Key rules: PHI field names in any style, at any depth, whatever the value's type; and what is not one."""

from __future__ import annotations

from typing import Any

import pytest

from hipaalog.exceptions import ConfigError
from hipaalog.redaction import Redactor, by_key, redact


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("ssn", "SSN"),
        ("SSN", "SSN"),
        ("patientSsn", "SSN"),
        ("patient_ssn", "SSN"),
        ("Patient-SSN", "SSN"),
        ("SSNNumber", "SSN"),
        ("dateOfBirth", "DOB"),
        ("birthDate", "DOB"),
        ("DOB", "DOB"),
        ("date_of_birth", "DOB"),
        ("firstName", "NAME"),
        ("last_name", "NAME"),
        ("patient_name", "NAME"),
        ("phoneNumber", "PHONE"),
        ("e-mail", "EMAIL"),
        ("homeAddress", "ADDRESS"),
        ("zipCode", "ZIP"),
        ("mrn", "MRN"),
        ("medicalRecordNumber", "MRN"),
        ("memberId", "MEMBER_ID"),
        ("patient_id", "PATIENT"),
        ("mbi", "MBI"),
        ("accountNumber", "ACCOUNT"),
        ("creditCardNumber", "CARD"),
        ("driversLicense", "LICENSE"),
        ("npi", "NPI"),
        ("vin", "VEHICLE"),
        ("license_plate", "VEHICLE"),
        ("deviceSerialNumber", "DEVICE"),
        ("website", "URL"),
        ("client_ip", "IP"),
        ("X-Forwarded-For", "IP"),
        ("fingerprint", "BIOMETRIC"),
        ("photoUrl", "PHOTO"),
        ("admissionDate", "DATE"),
        ("telecom", "PHONE"),
        ("identifier", "ID"),
        ("faxNumber", "FAX"),
    ],
)
def test_phi_keys_in_any_style(key: str, kind: str) -> None:
    """A value under a PHI field name is masked with that name's kind, whatever the naming style."""
    assert redact({key: "1234567"}) == {key: f"[REDACTED:{kind}]"}


@pytest.mark.parametrize(
    "key",
    [
        "ssn_check_enabled",
        "dob_format",
        "patient_count",
        "max_age",
        "server_ip",
        "cert_fingerprint",
        "license",
        "email_template",
        "phone_number_verified",
        "user_agent",
        "claim_id",
        "address_family",
        "name",
        "id",
        "status",
    ],
)
def test_look_alike_keys_are_not_phi(key: str) -> None:
    """Field names that merely contain a PHI word keep their (harmless) value."""
    assert redact({key: "harmless"}) == {key: "harmless"}


@pytest.mark.parametrize(
    "value",
    [123456789, 4.5, ["a", "b"], {"nested": "x"}, ("t", 1)],
)
def test_values_of_any_json_type_are_redacted(value: Any) -> None:
    """An SSN stored as a number, a list or an object under a PHI key is masked all the same."""
    assert redact({"patient": {"ssn": value}}) == {"patient": {"ssn": "[REDACTED:SSN]"}}


def test_empty_and_boolean_values_carry_nothing() -> None:
    """``null``, ``""`` and booleans under PHI keys identify no one and are kept (a schema stays stable)."""
    value = {"ssn": None, "dob": "", "email": True}
    assert redact(value) == value


def test_phi_keys_at_any_depth_and_in_lists() -> None:
    """Key rules apply inside nested objects and lists of objects."""
    value = {"a": [{"b": {"c": [{"dateOfBirth": "1985-03-12", "ok": 1}]}}]}
    assert redact(value) == {"a": [{"b": {"c": [{"dateOfBirth": "[REDACTED:DOB]", "ok": 1}]}}]}


def test_fhir_patient_resource() -> None:
    """A FHIR Patient loses its name, birth date, telecom, identifiers, address and id; gender stays."""
    patient = {
        "resourceType": "Patient",
        "id": "pt-1",
        "name": [{"use": "official", "family": "Doe", "given": ["Jane"]}],
        "birthDate": "1985-03-12",
        "gender": "female",
        "telecom": [{"system": "phone", "value": "415-555-0132"}],
        "identifier": [{"system": "urn:mrn", "value": "12345"}],
        "address": [{"line": ["12 Main St"], "city": "Boston", "state": "MA", "postalCode": "02139"}],
    }
    assert redact(patient) == {
        "resourceType": "Patient",
        "id": "[REDACTED:PATIENT]",
        "name": "[REDACTED:NAME]",
        "birthDate": "[REDACTED:DOB]",
        "gender": "female",
        "telecom": "[REDACTED:PHONE]",
        "identifier": "[REDACTED:ID]",
        "address": "[REDACTED:ADDRESS]",
    }


def test_name_and_id_count_only_about_a_person() -> None:
    """``name`` and ``id`` are PHI under a person object, not elsewhere (a payer's name stays)."""
    value = {"payer": {"name": "Acme Health", "id": "P-1"}, "guarantor": {"name": "Ann Lee", "id": "G-7"}}
    assert redact(value) == {
        "payer": {"name": "Acme Health", "id": "P-1"},
        "guarantor": {"name": "[REDACTED:NAME]", "id": "[REDACTED:ID]"},
    }


def test_human_name_shape_is_a_name_anywhere() -> None:
    """A FHIR HumanName under ``name`` is masked even outside a person object."""
    assert redact({"name": [{"family": "Doe", "given": ["J"]}]}) == {"name": "[REDACTED:NAME]"}


def test_ages_over_89_only() -> None:
    """An age field is PHI over 89 only; by default it becomes 90 and stays a number."""
    assert redact({"patient": {"age": 45}}) == {"patient": {"age": 45}}
    assert redact({"patient": {"age": 93}}) == {"patient": {"age": 90}}
    assert redact({"age": "101"}) == {"age": "90+"}


def test_version_fields_keep_dotted_versions() -> None:
    """A dotted version under a version field is not taken for an IP address."""
    value = {"service": {"version": "10.2.3.4", "sdkVersion": "1.2.3.4"}, "peer": "203.0.113.4"}
    assert redact(value) == {"service": {"version": "10.2.3.4", "sdkVersion": "1.2.3.4"}, "peer": "[REDACTED:IP]"}


def test_allowlist_by_name_and_by_path() -> None:
    """Allowlisted field names (any style) and dotted paths are never redacted."""
    redactor = Redactor(allow_fields=["patient_email", "contact.phone"])
    value = {"patientEmail": "a@b.org", "contact": {"phone": "415-555-0132"}, "other": {"phone": "415-555-0132"}}
    assert redactor.redact(value) == {
        "patientEmail": "a@b.org",
        "contact": {"phone": "415-555-0132"},
        "other": {"phone": "[REDACTED:PHONE]"},
    }


def test_custom_key_rules() -> None:
    """Extra PHI field names come from ``phi_fields`` (JSON) or ``by_key`` rules, matched in any style."""
    from_config = Redactor({"phi_fields": {"claimant_ref": "CLAIMANT"}})
    from_rule = Redactor(rules=[by_key("claimantRef", kind="CLAIMANT")])
    for redactor in (from_config, from_rule):
        assert redactor.redact({"ClaimantRef": "C-1"}) == {"ClaimantRef": "[REDACTED:CLAIMANT]"}


def test_builtin_key_rules_can_be_switched_off() -> None:
    """``key_rules: false`` leaves values under catalogue names to the value detectors only."""
    redactor = Redactor(key_rules=False)
    assert redactor.redact({"dob": "x", "note": "SSN 123-45-6789"}) == {"dob": "x", "note": "SSN [REDACTED:SSN]"}


def test_bad_key_rules_are_config_errors() -> None:
    """Key rules with no usable name or a malformed kind are rejected at configuration time."""
    with pytest.raises(ConfigError, match="field names"):
        by_key("--")
    with pytest.raises(ConfigError, match="UPPER_SNAKE_CASE"):
        Redactor(phi_fields={"x": "lower"})


@pytest.mark.parametrize(
    ("name", "value", "kind"),
    [
        ("social", "219099999", "SSN"),
        ("ssn_last", "9999", "SSN"),
        ("mbr", "XQZ123456789", "MEMBER_ID"),
        ("mbr_no", "123456789", "MEMBER_ID"),
        ("pump_sn", "PX-4410-22", "DEVICE"),
        ("serial", "SN 88213", "DEVICE"),
        ("display_name", "Jane Roe", "NAME"),
    ],
)
def test_abbreviated_field_names_logs_use(name: str, value: str, kind: str) -> None:
    """Short forms seen in real logs (``social``, ``mbr``, ``pump_sn``, ``display_name``) are PHI field names."""
    assert Redactor().redact({name: value}) == {name: f"[REDACTED:{kind}]"}


@pytest.mark.parametrize(
    ("record", "raw"),
    [
        ({"contact": "8752617223"}, "8752617223"),
        ({"contact": 8752617223}, "8752617223"),
        ({"guardian": "219099999"}, "219099999"),
        ({"patient": {"mother": "18752617223"}}, "18752617223"),
        ({"contact_no": "875 261 7223"}, "875 261 7223"),
        ({"callback": "8752617223"}, "8752617223"),
        ({"emergency_contacts": ["4155550199", "Ann Lee"]}, "4155550199"),
    ],
)
def test_a_bare_phone_or_ssn_under_a_persons_key_is_masked(record: dict[str, object], raw: str) -> None:
    redactor = Redactor()
    assert raw not in str(redactor.redact(record))
    assert raw not in redactor.redact_text(" ".join(f"{k}={v}" for k, v in record.items()))


@pytest.mark.parametrize(
    "record",
    [
        {"contact_count": 123456789},
        {"guardian": "1234567890123"},
        {"contact": "0123456789"},
        {"emergency_contact": {"name_length": 12}},
    ],
)
def test_other_numbers_under_a_persons_key_are_kept(record: dict[str, object]) -> None:
    assert Redactor().redact(record) == record
