"""Dates of care, ages, account, plan, policy and record numbers in the phrasings of application logs: the value
after its cue with ``#``/``no.``/``=``/``:`` or in brackets, or before a cue in parentheses, in any case, and in
the message of a log record. Look-alikes of no person (build dates, retry counts, batch records, cache ages,
consumer groups, SaaS plans) keep their text."""

from __future__ import annotations

import logging

import pytest

from hipaalog.redaction import RedactingFilter, redact, redact_text

# Synthetic values only: made-up numbers and dates.
MRN = "51264366"
ACCOUNT = "136614242"
POLICY = "QH2235465"
GROUP = "9183394"
PLAN = "H1416-066"


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("record # 51264366", MRN),
        ("record no. 51264366", MRN),
        ("RECORD NO. 51264366", MRN),
        ("ValueError: invalid record number 51264366", MRN),
        ("claim # 51264366 denied", MRN),
        ("visit no. 51264366 closed", MRN),
        ("encounter #51264366", MRN),
        ("ValueError: invalid 51264366 (MRN)", MRN),
        ("found 51264366 (medical record #) twice", MRN),
        ("INFO app.svc: 136614242 (account)", ACCOUNT),
        ("charge 136614242 (billing acct) declined", ACCOUNT),
        ("INFO app.svc: policy QH2235465", POLICY),
        ("Note: Policy QH2235465, follow up needed", POLICY),
        ("grp=9183394", GROUP),
        ("GRP 9183394", GROUP),
        ("plan: H1416-066", PLAN),
        ("plan_id=H1416-066", PLAN),
        ("Plan ID [H1416-066]", PLAN),
        ('detail="planId=H1416-066"', PLAN),
    ],
)
def test_an_identifier_in_a_log_phrasing_is_masked(line: str, secret: str) -> None:
    assert secret not in redact_text(line)


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("svc dt: 06/29/24", "06/29/24"),
        ("ADMIT DT=2024-06-29", "2024-06-29"),
        ("Encounter 2024-06-29 closed", "2024-06-29"),
        ("appointment scheduled for 06/29/2024", "06/29/2024"),
        ("appt booked for 29 June 2024", "29 June 2024"),
        ("06/29/2024 appt", "06/29/2024"),
        ("2024-06-29 (DOS) billed", "2024-06-29"),
        ("03/12/1931 (DOB) verified", "03/12/1931"),
        ("admitted Tuesday 05/04", "05/04"),
        ("admitted on Sat 6/29", "6/29"),
        ("discharged 12/31 to home", "12/31"),
        ("DOS: 06/29", "06/29"),
    ],
)
def test_a_date_of_care_in_a_log_phrasing_is_masked(line: str, secret: str) -> None:
    assert secret not in redact_text(line)


@pytest.mark.parametrize(
    "line",
    [
        "build date 2024-06-29",
        "2024-06-29 release",
        "job scheduled for 2024-06-29",
        "seen 3/5 replicas",
        "retry 3/5 admitted",
        "skipping record #1024: malformed",
        "record id 1234567 updated",
        "processed record 12 of 500",
        "encounter id 1761849",
        "retry policy 3",
        "policy version 2012-10-17",
        "group id: 9183394",
        "plan: pro",
        "plan id pro_123",
        "group: admins",
        "claim 250 tokens",
        "cache age: 80931s",
        "max age: 3600",
        "cache age: 120s",
        "took 120 ms (account service)",
        "device mapper dm-3 created",
        "helm chart v1.2.3",
    ],
)
def test_a_look_alike_of_no_person_is_kept(line: str) -> None:
    assert redact_text(line) == line


def test_an_age_key_holding_a_duration_is_kept_and_an_old_age_is_not() -> None:
    out = redact({"note": "cache age: 3600", "other": "age: 97"})
    assert out["note"] == "cache age: 3600"
    assert "97" not in out["other"]


def test_the_logging_path_masks_phrasings_in_the_message_and_its_arguments() -> None:
    record = logging.LogRecord(
        "app.billing",
        logging.WARNING,
        __file__,
        1,
        "lookup %s failed: %s",
        ("plan_id=H1416-066", "record # 51264366"),
        None,
    )
    RedactingFilter().filter(record)
    text = record.getMessage()
    assert PLAN not in text
    assert MRN not in text
    assert text.startswith("lookup ")
