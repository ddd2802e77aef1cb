"""A system's own mail, objects and names of things keep their text; people in the same shapes are still masked.

Role mailboxes numbered per message, display names of units, institutions named after people, firms of two
surnames (in their name and their domain), link tokens, a lone given name naming a thing of the system and a kin
word after ``called``.
"""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text
from hipaalog.redaction._checks import hex_token
from hipaalog.redaction._numbers import _person_label
from hipaalog.redaction._role_mail import role_mailbox

BENIGN = [
    # mailing systems' numbered addresses and list headers
    "Return-Path: <bounce-3441@harrisbeach.com>",
    "Return-Path: <bounces+7e90d3a1@mail.example-health.org>",
    "List-Unsubscribe: <mailto:unsubscribe@stjude.org?subject=unsubscribe>, <https://stjude.org/u/7e90d3593a>",
    # display names of units before a role mailbox
    "From: Supply Chain <billing@claims.example.com>",
    "From: Analytics Guild <devops@corp.internal>",
    "From: Patient Access Team <oncall@example-health.org>",
    "Subject: [Patient Access Team] Weekly report for November 2026",
    # institutions and firms named after people
    "order 4858 for Johns Hopkins Hospital",
    "Abbott Lisinopril order 3550 for Jordan Valley Medical Center",
    "order for Grant Medical Center",
    "KIT 40 units to Austin Regional Clinic",
    "sent to Austin Regional Clinic",
    "response ProviderDTO(org='Johns Hopkins Hospital', taxonomy='207R00000X')",
    'From: "Johnson & Johnson" <billing@wardwilliams.io>',
    "Smith & Nephew Eliquis order 3368 for Mayo Clinic",
    # firms' domains of two surnames
    "visit https://www.harrisbeach.com/careers",
    "webhook https://bakerhughes.com/services/hooks",
    "counsel site https://www.davispolk.com/",
    # a lone given name naming a thing of the system
    "deploy to Carmen cluster build 4858",
    "failover to Jordan replica done",
    # a kin word after "called"
    "parser called son() on 3441 records",
    "bson encoder called son for document 5753dc98",
]


@pytest.mark.parametrize("line", BENIGN)
def test_benign_text_of_a_system_is_kept(line: str) -> None:
    assert redact_text(line) == line


PEOPLE = [
    ("To: Dolores Whitcombe <dolores.whitcombe@gmail.com>", ("Dolores Whitcombe", "dolores.whitcombe@gmail.com")),
    ("From: Jane Roe <billing@claims.example.com>", ("Jane Roe",)),
    ("From: Dr. Maria Supply <billing@claims.example.com>", ("Maria Supply",)),
    ("Return-Path: <jroe-3441@harrisbeach.com>", ("jroe-3441",)),
    ("Delivery to marisol.quintero@yahoo.com failed: 550 5.1.1", ("marisol.quintero",)),
    ("profile https://portal.example.org/u/jroe41890", ("jroe41890",)),
    ("site https://www.helenamarchetti.com/", ("helenamarchetti",)),
    ("site https://michaelbrown.net/blog", ("michaelbrown",)),
    ("Recipient(display='Tamsin Oyelaran', address='tamsin.oyelaran@outlook.com')", ("Tamsin", "tamsin.oyelaran")),
    ("Patient(name='Jarrod Feeney', mrn='4418207')", ("Jarrod", "4418207")),
    ("patient Carmen queue position 3", ("Carmen",)),
    ("spoke with Carmen today", ("Carmen",)),
    ("refill for Maria Garcia", ("Maria Garcia",)),
    ("refill for Maria Garcia Medical", ("Maria Garcia",)),
    ("patient Jane Roe moved to Austin Regional area", ("Jane Roe", "Austin")),
    ("Roe & Nephew Kwame called back", ("Kwame",)),
    ("called son nguyen re refill", ("son nguyen",)),
    ("pt Smith & Jones seen", ("Smith",)),
]


@pytest.mark.parametrize(("line", "values"), PEOPLE)
def test_people_in_the_same_shapes_are_masked(line: str, values: tuple[str, ...]) -> None:
    out = redact_text(line)
    for value in values:
        assert value not in out, out


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        ("bounce-3441", True),
        ("reply-7e90d3", True),
        ("unsubscribe", True),
        ("bounce-jane", False),
        ("jane-3441", False),
        ("alerts7", False),
        ("patient-12345", False),
    ],
)
def test_a_numbered_role_mailbox(local: str, expected: bool) -> None:
    assert role_mailbox(local, "example-health.org") is expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [("harrisbeach", False), ("davispolk", False), ("johnsonjohnson", False), ("michaelbrown", True)],
)
def test_two_surnames_run_together_are_a_firm(label: str, expected: bool) -> None:
    assert _person_label(label) is expected


@pytest.mark.parametrize(
    ("text", "expected"), [("7e90d3593a", True), ("jroe41890", False), ("00000000", False), ("deadbeef", False)]
)
def test_a_hex_token(text: str, expected: bool) -> None:
    assert hex_token(text) is expected
