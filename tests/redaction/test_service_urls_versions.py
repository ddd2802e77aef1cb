"""URLs of services kept with their long numbers, a person's part of a URL masked alone, and engine
revisions in user agents kept."""

from __future__ import annotations

import pytest
from faker import Faker

from hipaalog.redaction import redact_text

FAKE = Faker()
Faker.seed(7107)


@pytest.mark.parametrize(
    "text",
    [
        "POST https://hooks.example.com/services/360640 returned 200",
        "see https://ci.example.org/builds/4821937/log",
        "webhook https://api.example.net/v2/channels/9981234/messages sent",
        "https://status.example.com/incidents/55512 resolved",
        "job https://runner.example.io/jobs/2f1c9a7e-5b3d-4e8a-9c1f-0a2b3c4d5e6f failed",
        "Mozilla/5.0 (X11; Linux x86_64; rv:1.9.5.20) Gecko/20100101 Firefox/1.9.5",
        "Mozilla/5.0 (Windows NT 10.0; rv:2.0.1.15) like Gecko",
    ],
)
def test_service_urls_and_versions_are_kept(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("template", "kept"),
    [
        ("GET https://ehr.example.com/patients/{n}/chart 200", "https://ehr.example.com/patients/"),
        ("https://portal.example.com/members/{n}/claims", "https://portal.example.com/members/"),
        ("https://app.example.com/users/{n}/profile", "https://app.example.com/users/"),
        ("GET https://files.example.org/lab/results/{n}.pdf 200", "https://files.example.org/lab/results/"),
        ("GET https://api.example.org/v1/claims/{n} 404", "https://api.example.org/v1/claims/"),
        ("GET https://api.example.org/search?member_id={n}&page=2", "https://api.example.org/search?member_id="),
    ],
)
def test_a_persons_part_of_a_url_is_masked_alone(template: str, kept: str) -> None:
    number = str(FAKE.random_number(digits=7, fix_len=True))
    out = redact_text(template.format(n=number))
    assert number not in out
    assert kept in out


@pytest.mark.parametrize(
    "text",
    [
        "from 203.0.113.9 rv:1.9.5.20",
        "client 198.51.100.77 connected",
    ],
)
def test_a_public_address_beside_a_revision_is_masked(text: str) -> None:
    out = redact_text(text)
    assert "[REDACTED:IP]" in out
    assert "1.9.5.20" in out or "rv:" not in text


def test_credentials_still_mask_the_whole_url() -> None:
    user = FAKE.user_name()
    text = f"clone https://{user}:s3cret@git.example.com/repo.git"
    assert user not in redact_text(text)
    assert "git.example.com" not in redact_text(text)
