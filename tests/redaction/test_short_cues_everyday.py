"""Everyday-log cues written short: ages after ``yo``/``y/o``/``años`` as labels, towns in quotes or brackets after
``city``, ids after ``policy #``, ``member id=``, ``cert`` and ``hic``, birth and death dates after ``b.`` and
``expired``, ``cp`` as a postal code, a number after ``faxed``, a name slug under a share link. Look-alikes of no
person (``cp -r``, ``yo`` in Spanish, a TLS ``cert``, a software ``policy #``, expired sessions and tokens, ``b.`` in
text, article slugs) keep their text."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact, redact_text

# Synthetic values only: hand-made numbers, Faker-style coined towns and names.


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("Jane Roe yo 98 female", "98"),
        ("pt yo: 92", "92"),
        ("age yo '102' admitted", "102"),
        ("note: YO\t103 male", "103"),
        ("resident aged (91) fell", "91"),
        ("Jane Roe, y.o. 95", "95"),
        ("y/o=96 sex=F", "96"),
        ("Y/O: 94", "94"),
        ("años 93 paciente", "93"),
        ("ans 95, patiente", "95"),
        ("edad (97)", "97"),
    ],
)
def test_ages_after_short_cues(line: str, secret: str) -> None:
    assert secret not in redact_text(line)


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("city 'Port Ashlee'", "Port Ashlee"),
        ('city ("Vieja Iraq")', "Vieja Iraq"),
        ('city("Nueva Gambia")', "Nueva Gambia"),
        ("town ('Hendersonhaven')", "Hendersonhaven"),
        ("city [Johnsonfurt]", "Johnsonfurt"),
        ("city: 'Kristinestad'", "Kristinestad"),
    ],
)
def test_towns_quoted_after_a_town_cue(line: str, secret: str) -> None:
    assert secret not in redact_text(line)


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("policy # H82503409J", "H82503409J"),
        ("policy #: H75375640J", "H75375640J"),
        ("policy # (H06839999S)", "H06839999S"),
        ("policy#Z49780845J", "Z49780845J"),
        ("member id='3UX2-T42-SG05'", "3UX2-T42-SG05"),
        ('member id: "8YT1-B76-SJ72"', "8YT1-B76-SJ72"),
        ("ins id=8JR4-X88-PZ95", "8JR4-X88-PZ95"),
        ("cert 'Z977-7381-2203'", "Z977-7381-2203"),
        ("cert (DL124331232)", "DL124331232"),
        ("cert 750EJ7316", "750EJ7316"),
        ("hic=917061414A", "917061414A"),
        ("HIC: 847144854A", "847144854A"),
        ("expediente=EXP-44908", "EXP-44908"),
    ],
)
def test_ids_after_cues_with_marks(line: str, secret: str) -> None:
    assert secret not in redact_text(line)


def test_hic_key_is_a_member_number() -> None:
    assert redact({"hic": "123456789A"}) == {"hic": "[REDACTED:MEMBER_ID]"}


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("b. (27-Nov-1954)", "27-Nov-1954"),
        ("b.='3/25/1944'", "3/25/1944"),
        ("B.\t19990203", "19990203"),
        ("expired (01 Sep 2019)", "01 Sep 2019"),
        ("expired: 20211222", "20211222"),
        ("[{'expired_on': '2019-09-01'}]", "2019-09-01"),
        ("faxed to 0474783399", "0474783399"),
        ("records faxed 3 pages to 0474783399", "0474783399"),
        ("cp=90210", "90210"),
        ("{'cp': '28316'}", "28316"),
        ("plz: 10115", "10115"),
    ],
)
def test_short_birth_death_fax_and_postal_cues(line: str, secret: str) -> None:
    assert secret not in redact_text(line)


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("GET /share/hvl800101/angel-beasley-7172 200", "angel-beasley"),
        ("GET /share/angel-beasley-7172", "angel-beasley"),
        ("/p/angel-beasley-1234", "angel-beasley"),
    ],
)
def test_name_slug_under_a_share_link(line: str, secret: str) -> None:
    assert secret not in redact_text(line)


@pytest.mark.parametrize(
    "line",
    [
        "cp -r /srv/app/static /tmp/build",
        "running: cp -a src dst",
        "yo tengo 100 problemas pero",
        "yo 100% de acuerdo",
        "cert 'api.example.com' expires in 90 days",
        "TLS cert 750EJ7316 renewed for api.example.com",
        "cert serial 0A1B2C3D",
        "policy # retention-90d applied",
        "IAM policy # AWSReadOnly attached",
        "retry policy 3",
        "session expired (01 Sep 2019) for token t-91",
        "token expired: 20211222T101010Z",
        "lot 4471 expired on 2024-03-01",
        "see b. 3 in the appendix",
        "build b.1042 passed",
        "GET /share/abc123/how-to-scale-postgres-1234 200",
        "/s/release-notes-2024",
        "/p/mark-down-parser",
        "town ('Main')",
        'city ("Default")',
        'velocity("Nueva")',
        "ins id=42 rows",
        "fax job 12345678 done",
        "age of cache 95s",
        "worker pid=4242 yo 110 tasks",
        "aged (110) buckets flushed",
    ],
)
def test_benign_twins_keep_their_text(line: str) -> None:
    assert redact_text(line) == line
