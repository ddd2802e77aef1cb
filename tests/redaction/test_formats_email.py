"""E-mail: display names in address headers, RFC 2047 encoded words, greetings."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('To: "Quist, Odalys" <oq@example.org>', "Quist, Odalys"),
        ("From: Odalys Quist <oq@example.org>", "Odalys Quist"),
        ("Cc: Milo Bexley <mb@example.net>, Odalys Quist <oq@example.org>", "Milo Bexley"),
        ("From: =?utf-8?q?Odalys_Quist?= <oq@example.org>", "Odalys_Quist"),
        ("To: =?UTF-8?B?T2RhbHlzIFF1aXN0?=", "T2RhbHlzIFF1aXN0"),
        ("Subject: =?utf-8?b?SmFuZSBSb2U=?= sent", "SmFuZSBSb2U"),
        ("Dear Ms. Quist,\nyour results are ready", "Quist"),
        ("Dear Mr./Ms. Quist,\n\nThis is a reminder", "Quist"),
        ("Hi Odalys, see you on Monday", "Odalys"),
        ("Hello Odalys Quist!", "Odalys Quist"),
    ],
)
def test_names_in_mail_are_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hello World",
        "Dear Valued Customer,",
        "Hi team, the deploy is done",
        "Hello, the service restarted",
        "Subject: =?utf-8?q?Your_lab_results_are_ready?= queued",
    ],
)
def test_greetings_to_groups_and_subjects_survive(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("bounce from oq@example.org (Odalys Quist) queued", "Odalys Quist"),
        ("To: Odalys Quist\nSubject: results", "Odalys Quist"),
        ("Thanks,\nOdalys Quist", "Odalys Quist"),
        ("Regards,\nDr. Quist\n", "Quist"),
    ],
)
def test_comment_names_bare_headers_and_sign_offs(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


def test_team_sign_offs_and_senders_survive() -> None:
    for text in ("From: Support Team\n", "Best regards,\nThe Team", "Thanks!\nAll good"):
        assert REDACTOR.redact_text(text) == text


def test_greeting_names_with_initials_and_shouted_greetings() -> None:
    assert "J. Quist" not in REDACTOR.redact_text("Dear J. Quist,\nyour results")
    assert REDACTOR.redact_text("print('HELLO WORLD')") == "print('HELLO WORLD')"


@pytest.mark.parametrize(
    "text",
    [
        "From: pager-alerts@westbrook-clinic.example\r\nTo: on-call@westbrook-clinic.example",
        "notified sre-oncall@ops.example.net and it-helpdesk@ops.example.net",
        "bounce returned to no-reply+hl7@notify.example.com",
        "escalated to security@lakemont.example, postmaster@lakemont.example",
        "From: careteam@lakemont.example\nTo: itsupport@lakemont.example, patient.services@lakemont.example",
        "From: cardiology@lakemont.example\nTo: discharge.planning@lakemont.example, nurseline@lakemont.example",
    ],
)
def test_role_mailboxes_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("From: odalys.support@lakemont.example", "odalys.support"),
        ("sent to alerts7@lakemont.example", "alerts7"),
        ("reply to support@gmail.com if lost", "support@gmail.com"),
        ("forwarded to admin@yahoo.co.uk", "admin@yahoo.co.uk"),
        ("To: Odalys Quist <oncall@lakemont.example>", "Odalys Quist"),
        ("sent to cici@lakemont.example", "cici@"),
        ("sent to labit@lakemont.example", "labit@"),
    ],
)
def test_personal_mailboxes_near_role_words_are_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


_OPS_MAIL = (
    "Return-Path: <bounce@relay.westbrook.example>\n"
    'From: "Backup Bot" <backup@infra.westbrook.example>\n'
    "To: Jenkins CI <ci@infra.westbrook.example>\n"
    "Date: Sun, 6 Dec 2026 23:05:10 -0500\n"
    "Subject: nightly backup of ehr_prod completed in 00:42:17\n"
    "Message-ID: <20261206230510.5521@infra.westbrook.example>\n"
)


def test_the_date_header_and_the_names_of_machines_are_kept() -> None:
    assert REDACTOR.redact_text(_OPS_MAIL) == _OPS_MAIL


def test_a_patients_message_keeps_its_date_header_but_not_their_name() -> None:
    mail = "From: Odalys Quist <odalys.q@mailbox.example>\nDate: Mon, 7 Dec 2026 08:01:44 +0000\nSubject: refill"
    out = REDACTOR.redact_text(mail)
    assert "Odalys" not in out and "odalys.q" not in out
    assert "Mon, 7 Dec 2026 08:01:44 +0000" in out


def test_a_date_line_in_text_that_is_no_message_is_judged_as_before() -> None:
    text = "Patient Odalys Quist seen.\nDate: 7 Dec 2026 08:01 admitted"
    assert "7 Dec 2026" not in REDACTOR.redact_text(text)


def test_a_person_behind_a_role_mailbox_keeps_their_name_masked() -> None:
    assert "Odalys Quist" not in REDACTOR.redact_text('From: "Odalys Quist" <backup@infra.westbrook.example>')


@pytest.mark.parametrize(
    "shown",
    [
        "Patient Portal",
        "Lab Results",
        "Scheduling Desk",
        "Mail Delivery System",
        "Billing Office",
        "Medical Records",
        "Claims Processing",
        "IT Service Desk",
        "Do Not Reply",
        "Nightly Export Job",
    ],
)
def test_the_display_name_and_mailbox_of_a_unit_or_a_system_are_kept(shown: str) -> None:
    local = shown.lower().replace(" ", "-")
    text = f"From: {shown} <{local}@lakemont-health.example>\nTo: ops@lakemont-health.example\nSubject: export ready"
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("shown", "secret"),
    [
        ("Odalys Quist Office", "Odalys Quist"),
        ("Odalys Quist's Office", "Odalys Quist"),
        ("Dr. Odalys Quist", "Odalys Quist"),
        ("Odalys Quist (Billing)", "Odalys Quist"),
        ("Quist, Odalys", "Quist, Odalys"),
        ("Mary Case", "Mary Case"),
        ("Jane Nurse", "Jane Nurse"),
    ],
)
def test_a_person_named_beside_a_unit_stays_masked(shown: str, secret: str) -> None:
    text = f"From: {shown} <billing-office@lakemont-health.example>\nSubject: statement"
    assert secret not in REDACTOR.redact_text(text)


def test_a_personal_address_under_a_units_display_name_stays_masked() -> None:
    text = "From: Billing Office <odalys.quist@lakemont-health.example>"
    assert "odalys.quist" not in REDACTOR.redact_text(text)


@pytest.mark.parametrize("last_word", ["son", "wife", "mom", "pt", "dr"])
def test_a_header_after_a_line_that_ends_a_sentence_is_no_name(last_word: str) -> None:
    text = f"From: alerts@lakemont.example\nSubject: Many in firm {last_word}.\nDate: Fri, 17 Jul 2026 23:22:14 -0000"
    assert REDACTOR.redact_text(text) == text
