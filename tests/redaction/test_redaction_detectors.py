"""Value detectors on free text: what each finds, and the look-alikes each leaves alone."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor, redact_text

REDACTOR = Redactor()


def kinds_in(text: str) -> list[str]:
    """The kinds the default policy finds in ``text``, in order."""
    return [kind for _, _, kind in REDACTOR._scanner.spans_ungated(text)]


@pytest.mark.parametrize(
    ("text", "secret", "kind"),
    [
        ("verifying 123-45-6789 for enrollment", "123-45-6789", "SSN"),
        ("identity check: ssn 123 45 6789 matched", "123 45 6789", "SSN"),
        ("SSN: 123456789", "123456789", "SSN"),
        ("social security number 078051121 on claim", "078051121", "SSN"),
        ("reminder sent to (415) 555-0132", "(415) 555-0132", "PHONE"),
        ("reminder sent to 415.555.0132 today", "415.555.0132", "PHONE"),
        ("call 1-800-555-0199 now", "1-800-555-0199", "PHONE"),
        ("dial +1 415 555 0132", "+1 415 555 0132", "PHONE"),
        ("dial +14155550132", "+14155550132", "PHONE"),
        ("desk 415-555-0132 x123", "415-555-0132 x123", "PHONE"),
        ("callback requested, phone 4155550132", "4155550132", "PHONE"),
        ("records faxed to fax: (212) 555-0100", "(212) 555-0100", "FAX"),
        ("statement emailed to jane.doe+portal@example.org", "jane.doe+portal@example.org", "EMAIL"),
        ("login from 203.0.113.7:443", "203.0.113.7", "IP"),
        ("login from 198.51.100.12", "198.51.100.12", "IP"),
        ("login from 2001:db8::8a2e:370:7334", "2001:db8::8a2e:370:7334", "IP"),
        (
            "GET https://portal.example.com/patients/123456/chart 200",
            "https://portal.example.com/patients/123456/chart",
            "URL",
        ),
        (
            "link https://example.com/reset?email=jane%40example.org expired",
            "jane%40example.org",
            "EMAIL",
        ),
        ("copay charged to card 4111 1111 1111 1111", "4111 1111 1111 1111", "CARD"),
        ("payment with 378282246310005 declined", "378282246310005", "CARD"),
        ("rendering provider NPI 1234567893", "1234567893", "NPI"),
        ("MBI 1EG4-TE5-MK73 updated", "1EG4-TE5-MK73", "MBI"),
        ("eligibility for 1EG4TE5MK73 active", "1EG4TE5MK73", "MBI"),
        ("order signed, DEA AB1234563", "AB1234563", "DEA"),
        ("auto claim for vehicle 1HGCM82633A004352", "1HGCM82633A004352", "VEHICLE"),
        ("pump 00:1a:2b:3c:4d:5e paired", "00:1a:2b:3c:4d:5e", "DEVICE"),
        ("MRN 00123456 merged", "00123456", "MRN"),
        ("MRN#998877 not found", "998877", "MRN"),
        ("member ID XGH123456789 eligible", "XGH123456789", "MEMBER_ID"),
        ("acct# 4417-2291 sent to collections", "4417-2291", "ACCOUNT"),
        ("driver's license D1234567 scanned", "D1234567", "LICENSE"),
        ("parking validated for plate 7ABC123", "7ABC123", "VEHICLE"),
        ("insulin pump serial number SN-99812345 paired", "SN-99812345", "DEVICE"),
        ("DOB 03/12/1985", "03/12/1985", "DOB"),
        ("born March 12, 1985 in Ohio", "March 12, 1985", "DOB"),
        ("date of birth: 1985-03-12", "1985-03-12", "DOB"),
        ("admitted 2024-01-05 via ED", "2024-01-05", "DATE"),
        ("discharged on 01/07/2024", "01/07/2024", "DATE"),
        ("age 93, fall risk", "93", "AGE"),
        ("92-year-old female", "92", "AGE"),
        ("95 y/o male", "95", "AGE"),
        ("97yo", "97", "AGE"),
        ("ZIP 02139", "02139", "ZIP"),
        ("patient Jane Doe checked in", "Jane Doe", "NAME"),
        ("Pt: DOE, JANE", "DOE", "NAME"),
        ("seen by Dr. Gregory House", "Gregory House", "NAME"),
        ("letter addressed to Mrs. Patel", "Patel", "NAME"),
        ("name: John Smith", "John Smith", "NAME"),
        ("prior auth requested for Maria Garcia", "Maria Garcia", "NAME"),
        ("Smith, John added to waitlist", "Smith, John", "NAME"),
        ("ADT^A01 PID|1||12345^^^MRN||DOE^JANE^Q||", "DOE^JANE^Q", "NAME"),
        ("statement mailed to 1234 Oak Street Apt. 5", "1234 Oak Street Apt. 5", "ADDRESS"),
        ("remit to PO Box 4471", "PO Box 4471", "ADDRESS"),
        ("ssn=123456789 ok", "123456789", "SSN"),
        ('{"patient_name": "Jane Doe", "x": 1}', "Jane Doe", "NAME"),
        ("dob=1985-03-12 flag=1", "1985-03-12", "DOB"),
    ],
)
def test_detector_finds_identifier(text: str, secret: str, kind: str) -> None:
    """Each identifier shape is found, reported with its kind, and masked out of the text."""
    assert kind in kinds_in(text)
    assert secret not in redact_text(text)


def test_city_and_zip_after_a_state() -> None:
    """``City, ST 12345`` loses both the city and the ZIP code; the state stays."""
    assert redact_text("mailing to Cambridge, MA 02139-4307") == "mailing to [REDACTED:ADDRESS], MA [REDACTED:ZIP]"


def test_hl7_pid_fields_are_redacted_by_position() -> None:
    """Name, birth date, address, phone and SSN fields of an HL7 PID segment are masked; the rest stays."""
    message = "PID|1||7788123^^^MRN||DOE^JANE||19850312|F|||12 MAIN ST^^BOSTON^MA^02139||(617)555-0199|||||123-45-6789"
    out = redact_text(message)
    for secret in ("7788123", "DOE", "19850312", "12 MAIN ST", "(617)555-0199", "123-45-6789"):
        assert secret not in out
    assert out.startswith("PID|1||") and "|F|||" in out


@pytest.mark.parametrize(
    "text",
    [
        "request 3f2a9c1e-8b7d-4c2a-9e1f-0a1b2c3d4e5f completed with status 200",
        "trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7",
        "scheduled job ran at 2024-06-11T10:15:30.123456Z, next run in 5 min",
        "claims-api version 10.2.3.4 starting",
        "upgrade to v10.2.3.4 done; pip install pkg==1.2.3.4",
        "user agent Chrome/120.0.6099.109",
        "listening on 0.0.0.0:8080, loopback 127.0.0.1 ok",
        "GET /api/v1/claims/17 returned 404 in 35.2 ms",
        "total billed $12,480.55 across 42 lines",
        "deployed commit 9fceb02d0ae598e95dc970b74767f19372d61af8 (9fceb02)",
        "connected to db-7.internal.example.com:5432",
        "diagnosis code E11.9 and S72.001A accepted",
        "CPT 99213 priced at 120.00 USD; LOINC 4548-4 normal; NDC 0002-3227-30 dispensed",
        "invalid SSN 000-12-3456 rejected; 666-12-3456 and 912-34-5678 too; test 123-00-4567",
        "phone number 123-456-7890 rejected: invalid area code",
        "epoch 1718035200 converted; offset 99999999 committed",
        "patient age 45 within plan limits; age bucket 65-89",
        "prior authorization approved for Acme Health",
        "Claims Service started in 2.5 seconds",
        "patient record updated, patient portal login page rendered",
        "feature flag ssn_check_enabled=true dob_format=iso patient_count=12",
        "retrying in 5s (attempt 3 of 5)",
        "https://docs.python.org/3/library/logging.html",
        "git@github.com:acme/claims.git fetched",
    ],
)
def test_look_alikes_survive(text: str) -> None:
    """Timestamps, ids, versions, codes, prices, invalid SSNs and other look-alikes are left unchanged."""
    assert redact_text(text) == text


def test_spans_of_overlapping_detectors_are_merged() -> None:
    """When two detectors claim overlapping text, one mask covers both (nothing in between leaks)."""
    text = "mbi 1EG4-TE5-MK73 and ssn=123-45-6789"
    out = redact_text(text)
    assert out.count("[REDACTED:") == 2
    assert "6789" not in out and "MK73" not in out


def test_markers_are_not_redacted_again() -> None:
    """hipaalog's own masks and bracketed tokens inside text are left as they are."""
    text = "ssn=[REDACTED:SSN] name: [NAME:k1:abcdefghijklmnop] dob=[REDACTED:DOB]"
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Scheduled follow-up for Jene Nelson on 02/09/2022", "02/09/2022"),
        ("Visit for Maria Garcia Lopez on 2024-03-01", "2024-03-01"),
        ("Reminder sent to Howard Chen on March 3, 2024", "March 3, 2024"),
    ],
)
def test_a_date_after_a_persons_name_and_on_is_masked(text: str, date: str) -> None:
    assert date not in Redactor().redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Release Alpha Build on 02/09/2022",
        "Upgraded Apache Kafka on 2024-03-01",
        "Backup ran on 02/09/2022",
        "Deployed Kafka Connect on 2024-03-01",
        "Migrated Grant Street on 2024-03-01",
    ],
)
def test_a_date_after_a_product_name_and_on_is_kept(text: str) -> None:
    assert Redactor().redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("patient born 3rd of March 1957", "March 1957"),
        ("admitted 12 of May 2020", "May 2020"),
        ("DOB 03MAR1957 mismatch", "03MAR1957"),
        ("DOB 3Mar1957", "3Mar1957"),
    ],
)
def test_dates_with_of_or_a_glued_month_are_found_after_their_cue(text: str, value: str) -> None:
    assert value not in REDACTOR.redact_text(text)


def test_a_glued_month_without_a_cue_is_kept() -> None:
    assert REDACTOR.redact_text("log rotated 03MAR2024 at noon") == "log rotated 03MAR2024 at noon"


@pytest.mark.parametrize(
    "text",
    [
        "a ninety-two year old patient fell",
        "aged one hundred and one",
        "NINETY-FIVE-YEAR-OLD female",
        "age ninety seven",
    ],
)
def test_ages_over_89_in_words_are_masked(text: str) -> None:
    out = REDACTOR.redact_text(text).lower()
    assert "ninety" not in out and "hundred" not in out


@pytest.mark.parametrize("text", ["ninety requests per second", "one hundred years of solitude", "aged eighty-nine"])
def test_other_number_words_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("call +44 20 7946 0958 now", "7946 0958"),
        ("office +49 (0)30 901820", "901820"),
        ("whatsapp +33612345678", "33612345678"),
        ("mobile +91 98765 43210", "98765 43210"),
    ],
)
def test_international_phone_numbers_are_masked(text: str, number: str) -> None:
    assert number not in REDACTOR.redact_text(text)


@pytest.mark.parametrize("text", ["rows +2500 since", "latency +250 ms", "delta +20000000 bytes", "tz +05:30"])
def test_signed_counts_are_not_phone_numbers(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("PATIENT: ITO, KENJI DOB: 06/07/1955", "KENJI"),
        ("Patient: Ito, Kenji", "Kenji"),
        ("pt Ito, Kenji M seen", "Kenji"),
    ],
)
def test_a_cued_surname_takes_the_given_name_after_its_comma(text: str, given: str) -> None:
    assert given not in REDACTOR.redact_text(text)


@pytest.mark.parametrize("text", ["Patient: Smith, retries 3", "patient Smith, Portal login"])
def test_words_after_a_cued_surname_that_are_no_names_are_kept(text: str) -> None:
    assert text.split(", ")[1] in REDACTOR.redact_text(text)
