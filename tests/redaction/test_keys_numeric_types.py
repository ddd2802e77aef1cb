"""An integral float or Decimal in a field is judged as the int it equals, under every key rule.

A data frame row or a money-typed column hands ``6175550143.0`` or ``Decimal("6175550143")`` where an
int or a string was expected: the value is the same identifier and must be masked (or pseudonymised
to the same token) as its int form is. Made-up values only.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._records import clean_message

PHONE = 6175550143
SSN = 287654321


@pytest.mark.parametrize("number", [float(PHONE), Decimal(PHONE), Decimal(f"{PHONE}.00")])
@pytest.mark.parametrize("key", ["emergency_contact", "guardian", "contact", "mother"])
def test_integral_numbers_under_a_persons_key(key: str, number: object) -> None:
    out = Redactor().redact({key: number})
    assert out == {key: "[REDACTED:PHONE]"}


@pytest.mark.parametrize("number", [float(SSN), Decimal(SSN)])
def test_integral_ssn_under_a_persons_key_and_in_lists(number: object) -> None:
    out = Redactor().redact({"guardian": number, "emergency_contacts": [number, "Ann Lee", "on file"]})
    # a contact's name written alone is masked too; other text in the list stays
    assert out == {"guardian": "[REDACTED:SSN]", "emergency_contacts": ["[REDACTED:SSN]", "[REDACTED:NAME]", "on file"]}


@pytest.mark.parametrize(("key", "kind"), [("phone", "PHONE"), ("ssn", "SSN"), ("mrn", "MRN"), ("zip", "ZIP")])
def test_integral_numbers_take_the_ints_pseudonym_and_partial_form(key: str, kind: str) -> None:
    value = {"phone": PHONE, "ssn": SSN, "mrn": 8812345, "zip": 80331}[key]
    policy = {"strategy": "pseudonym", "pseudonym_key": "hex:" + "3c" * 32}
    pseudonyms = Redactor(policy)
    assert pseudonyms.redact({key: float(value)}) == pseudonyms.redact({key: value})
    assert pseudonyms.redact({key: Decimal(value)}) == pseudonyms.redact({key: value})
    partial = Redactor(strategy="partial")
    assert partial.redact({key: Decimal(value)}) == partial.redact({key: value})
    assert str(value) not in str(Redactor().redact({key: float(value)}))
    assert Redactor().redact({key: Decimal(value)}) == {key: f"[REDACTED:{kind}]"}


def test_find_reports_an_integral_number_under_a_persons_key() -> None:
    findings = Redactor().find({"emergency_contact": Decimal(PHONE)})
    assert [(f.kind, f.path) for f in findings] == [("PHONE", "$.emergency_contact")]


def test_a_mapping_argument_keyed_by_a_person_is_redacted() -> None:
    assert clean_message("row %s", {"contact": float(PHONE)}, Redactor()) == ("row %s", {"contact": "[REDACTED:PHONE]"})


@pytest.mark.parametrize(
    "record",
    [
        {"contact_count": float(PHONE)},
        {"guardian": 6175550143.5},
        {"mother": Decimal("12.5")},
        {"amount": Decimal(PHONE)},
        {"emergency_contact": float("nan")},
        {"guardian": Decimal("Infinity")},
    ],
)
def test_other_numbers_stay(record: dict[str, object]) -> None:
    out = Redactor().redact(record)
    assert out.keys() == record.keys()
    assert all(not isinstance(v, str) for v in out.values())
