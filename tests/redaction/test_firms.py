"""Companies named after people keep their names; people beside the same shapes are still masked."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text

FIRMS = [
    "X-Mailer: Black, Walker and Wong Notifier 5.17.89",
    "X-Mailer: Bell-Ryan Notifier 2.24.19",
    "- Empower magnetic markets for Hines Ltd",
    "vendor = Brooks, Pena and Stephens",
    "* Multi-tiered intangible software for Garza and Sons integration",
    "- Facilitate mission-critical users for Riley, Carlson and Sanchez",
    "Meeting notes: the team reviewed the Tucker, Lee and Reynolds contract.",
    "Murphy, Smith and Beasley reported 424 failed jobs on Monday",
    " 6387 | Walker, Kim and Simpson      | Djibouti             | HUF | 623",
    "invoice 4471 sent to Watts-Haas, LLC for Moore & Co",
    "Action: migrate export-api to the new cluster by September. 11 tickets open.",
    "ValueError: Renaud Maillet S.A. API returned 503",
    "ConnectionError: Nicolas Fernandes S.A.R.L. API returned 503",
    "TimeoutError: Junitz Kobelt GbR API returned 503",
    "invoice 2211 for Tintzmann Niemeier KGaA settled",
    "paid Rossi Bianchi S.p.A. on delivery",
    "supplier Cunha Pimenta - EI invoiced 4 items",
]


@pytest.mark.parametrize("line", FIRMS)
def test_a_company_named_after_people_is_kept(line: str) -> None:
    assert redact_text(line) == line


PEOPLE = [
    ("Insurance holder Pamela Whitfield Group plan 7781", ("Pamela", "Whitfield")),
    ("Seen by Okafor, Chidi and Lindqvist, Maja on rounds", ("Okafor", "Chidi", "Lindqvist", "Maja")),
    ("Note signed by Tomasz Wierzbicki, PA", ("Tomasz", "Wierzbicki")),
    ("pt Renata Holloway 5.4 mmol/L potassium", ("Renata", "Holloway")),
    ("caregiver Ingrid Sauerbrey 01.02.1980 verified", ("Ingrid", "Sauerbrey")),
    ("Patient April Fennimore called about refill", ("Fennimore",)),
    ("reviewed by Dodd, Maureen and Kowalczyk, Ewa", ("Dodd", "Maureen")),
    ("Note signed by Tomasz Wierzbicki, P.A.", ("Tomasz", "Wierzbicki")),
    ("patient Renata Holloway S.A. seen", ("Renata", "Holloway")),
    ("patient Renata Holloway - ME follow-up", ("Renata", "Holloway")),
]


@pytest.mark.parametrize(("line", "parts"), PEOPLE)
def test_a_person_beside_a_firm_word_is_masked(line: str, parts: tuple[str, ...]) -> None:
    out = redact_text(line)
    assert [part for part in parts if part in out] == []


FIRM_HOSTS = [
    "fetched https://park-crawford.com/agent/forget-imagine in 878ms",
    "webhook https://fisher-lopez.com/services/status returned 200",
    "see https://hayes-torres.com/about",
    "see https://williams.com/careers",
    "see https://woodward.com/",
]


@pytest.mark.parametrize("line", FIRM_HOSTS)
def test_a_domain_of_surnames_is_kept(line: str) -> None:
    assert redact_text(line) == line


@pytest.mark.parametrize(
    "url",
    [
        "https://jane-roe.net/about",
        "https://maria-garcia.com/",
        "https://rose-nguyen.com/",
        "https://felix-nguyen.com/",
        "https://roe-jane.com/",
        "https://felixtammerijn.com/",
    ],
)
def test_a_domain_of_a_given_name_and_a_surname_is_masked(url: str) -> None:
    assert url not in redact_text(f"see {url} for photos")


@pytest.mark.parametrize(
    "text",
    [
        "Renewed the contract for Schroeder-Avery last week",
        "Collins-Medina integration failed with status 502",
        "Invoice sent to Harper-Lindqvist on Monday",
        "webhook from Nguyen-Okafor rejected",
        "quote from Medina-Schroeder expired",
    ],
)
def test_two_surnames_joined_alone_are_a_firm(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Called Schroeder-Avery at home", "Schroeder-Avery"),
        ("Mrs. Collins-Medina called back", "Collins-Medina"),
        ("patient Schroeder-Avery admitted", "Schroeder-Avery"),
        ("Appointment for Schroeder-Avery tomorrow", "Schroeder-Avery"),
        ("Spoke with Mary Schroeder-Avery about her refill", "Schroeder-Avery"),
        ("message for Anne-Marie", "Anne-Marie"),
    ],
)
def test_two_surnames_joined_after_a_person_cue_are_a_name(text: str, name: str) -> None:
    assert name not in redact_text(text)
