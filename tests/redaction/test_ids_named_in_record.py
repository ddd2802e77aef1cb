"""A record about a person keeps, in its message, a token it also holds under a field that says which id it is
(``claim_id``, ``order_id``), as that field keeps it; order, invoice and shipment numbers beside a person are the
business's. Other id-shaped tokens of the record stay masked."""

from __future__ import annotations

from hipaalog.redaction import Redactor

# Synthetic values only.
SSN, CARD = "123-45-6789", "D1234567"


def _message(msg: str, **extra: object) -> str:
    """The message of a record as the formatter hands it over: the message beside the extra fields."""
    return str(Redactor().redact({"message": msg, **extra})["message"])


def test_a_token_the_record_names_under_an_id_field_is_kept_in_the_message() -> None:
    assert _message("claim CLM-20931 accepted", claim_id="CLM-20931", member_ssn=SSN) == "claim CLM-20931 accepted"


def test_another_id_in_the_same_message_is_still_masked() -> None:
    out = _message(f"claim CLM-20931 accepted, card {CARD}", claim_id="CLM-20931", member_ssn=SSN)
    assert "CLM-20931" in out and CARD not in out, out


def test_the_same_token_without_its_field_is_masked_beside_a_person() -> None:
    assert "CLM-20931" not in _message("claim CLM-20931 accepted", member_ssn=SSN)


def test_order_invoice_and_shipment_numbers_beside_a_person_are_kept() -> None:
    for word, number in (("order", "ORD-20931"), ("invoice", "INV-2024-00931"), ("shipment", "SHP-77120")):
        out = _message(f"{word} {number} sent to Jane Roe, DOB 03/04/1961")
        assert number in out and "Jane Roe" not in out, out
