"""A person's name in URL paths, file names, object keys and query strings; paths and queries about no one."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._gate import PATH, QUERY, gate
from hipaalog.redaction._scanner import Scanner
from hipaalog.redaction._slugs import (
    COMMON,
    GIVEN_NAME,
    MEDIUM,
    OTHER,
    STRONG,
    SURNAME,
    UNKNOWN,
    UNLISTED,
    WEAK,
    WORD_SURNAME,
    part_kind,
    run_need,
)

REDACTOR = Redactor()
SCANNER = Scanner(REDACTOR.detectors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "stored /srv/docs/uploads/teodora-vashchenko/insurance_card_front.jpg",
            "stored /srv/docs/uploads/[REDACTED:NAME]/insurance_card_front.jpg",
        ),
        (
            "stored /srv/docs/uploads/Vashchenko_Teodora/drivers_license.png",
            "stored /srv/docs/uploads/[REDACTED:NAME]/drivers_license.png",
        ),
        (
            "archived s3://intake-prod/2025/quintanar_marisol_19770911.pdf",
            "archived s3://intake-prod/2025/[REDACTED:NAME]_[REDACTED:DATE].pdf",
        ),
        (
            "archived s3://intake-prod/2025/QUINTANAR_MARISOL_1977-09-11.PDF",
            "archived s3://intake-prod/2025/[REDACTED:NAME]_[REDACTED:DATE].PDF",
        ),
        (
            "wrote /exports/20250214/wojciech-zielke-MRN0091733.csv",
            "wrote /exports/[REDACTED:DATE]/[REDACTED:NAME]-[REDACTED:MRN].csv",
        ),
        (
            "wrote /exports/2025-02-14/ruairi-delacroix-MRN0091733.csv",
            "wrote /exports/[REDACTED:DATE]/[REDACTED:NAME]-[REDACTED:MRN].csv",
        ),
        ("GET /profiles/ifeoma-nwachukwu/avatar.png 304", "GET /profiles/[REDACTED:NAME]/avatar.png 304"),
        ("dead link /people/keoni-akana/profile", "dead link /people/[REDACTED:NAME]/profile"),
        ("GET /api/v1/users/48213/settings 200", "GET /api/v1/users/[REDACTED:ID]/settings 200"),
        ("PUT /portal/dependents/D-77120/consent 204", "PUT /portal/dependents/[REDACTED:PATIENT]/consent 204"),
        (
            "gs://scans/yusra_al_haddad/2024/10/xray_left_wrist.dcm",
            "gs://scans/[REDACTED:NAME]/2024/[REDACTED:DATE]/xray_left_wrist.dcm",
        ),
        (
            "gs://scans/2024/06/25/yusra_al_haddad_xray.dcm",
            "gs://scans/2024/[REDACTED:DATE]/[REDACTED:NAME]_xray.dcm",
        ),
        (
            "attachment yusra-al-haddad_passport.jpg rejected: too large",
            "attachment [REDACTED:NAME]_passport.jpg rejected: too large",
        ),
        (
            "saved /home/app/scans/Halvard Strømsnes - consent.pdf",
            "saved /home/app/scans/[REDACTED:NAME] - consent.pdf",
        ),
        ("copied /files/charts/Quennell, Odessa/lab.pdf", "copied /files/charts/[REDACTED:NAME]/lab.pdf"),
        ("scan D:\\Scans\\Intake\\Nwachukwu, Ifeoma\\lab.pdf", "scan D:\\Scans\\Intake\\[REDACTED:NAME]\\lab.pdf"),
        (
            "uploaded C:\\Shares\\Intake\\zielke_wojciech_dob_19610402.pdf",
            "uploaded C:\\Shares\\Intake\\[REDACTED:NAME]_dob_[REDACTED:DOB].pdf",
        ),
    ],
)
def test_a_name_in_a_path_or_file_name_is_masked_with_its_dates_and_numbers(text: str, expected: str) -> None:
    assert REDACTOR.redact_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GET /api/v3/lookup?q=wojciech+zielke&limit=5 200", "GET /api/v3/lookup?q=[REDACTED:NAME]&limit=5 200"),
        ("GET /api/v3/lookup?q=Wojciech%20Zielke 200", "GET /api/v3/lookup?q=[REDACTED:NAME] 200"),
        ("GET /directory?keyword=zielke%2C+wojciech 200", "GET /directory?keyword=[REDACTED:NAME] 200"),
        (
            "GET /directory?search=Priyanka+Venkatesan&dept=renal 200",
            "GET /directory?search=[REDACTED:NAME]&dept=renal 200",
        ),
        ("GET /visits/7/notes?name=Anselm+Breitkopf 200", "GET /visits/7/notes?name=[REDACTED:NAME] 200"),
        (
            "GET /scheduling/slots?patient=Anselm+Breitkopf&day=3 200",
            "GET /scheduling/slots?patient=[REDACTED:NAME]&day=3 200",
        ),
        ("GET /billing?guarantor=Breitkopf 200", "GET /billing?guarantor=[REDACTED:NAME] 200"),
        ("GET /tasks?owner=marisol+quintanar&state=open 200", "GET /tasks?owner=[REDACTED:NAME]&state=open 200"),
        (
            "POST /forms/submit?first=Keoni&last=Akana 302",
            "POST /forms/submit?first=[REDACTED:NAME]&last=[REDACTED:NAME] 302",
        ),
        ("GET /find?filter[name]=keoni+akana", "GET /find?filter[name]=[REDACTED:NAME]"),
        (
            "Location: /signin?next=%2Fdirectory%3Fq%3DKeoni%2BAkana",
            "Location: /signin?next=%2Fdirectory%3Fq%3D[REDACTED:NAME]",
        ),
        (
            "redirect_uri=https%253A%252F%252Fportal.example.net%252Fdirectory%253Fq%253DKeoni%252BAkana",
            "redirect_uri=https%253A%252F%252Fportal.example.net%252Fdirectory%253Fq%253D[REDACTED:NAME]",
        ),
        (
            "Referer: https://portal.example.net/directory?q=Keoni+Akana",
            "Referer: https://portal.example.net/directory?q=[REDACTED:NAME]",
        ),
        (
            '10.2.3.4 - - [11/Feb/2025:08:12:44 +0000] "GET /billing/statements?holder=Marisol%20Quintanar HTTP/1.1"'
            ' 200 91 "-" "Mozilla/5.0"',
            '10.2.3.4 - - [11/Feb/2025:08:12:44 +0000] "GET /billing/statements?holder=[REDACTED:NAME] HTTP/1.1"'
            ' 200 91 "-" "Mozilla/5.0"',
        ),
        (
            'INFO:     10.0.0.5:53211 - "GET /lookup?q=ifeoma+nwachukwu HTTP/1.1" 200 OK',
            'INFO:     10.0.0.5:53211 - "GET /lookup?q=[REDACTED:NAME] HTTP/1.1" 200 OK',
        ),
    ],
)
def test_a_name_in_a_query_is_masked_on_any_path_however_encoded(text: str, expected: str) -> None:
    assert REDACTOR.redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "GET /static/js/app.3f9c1.js 200",
        "GET /static/fonts/open-sans-regular.woff2 200",
        "GET /assets/images/logo-dark@2x.png 200",
        "GET /assets/icons/bell@1.5x.webp 200",
        "GET /api/v1/users/me/settings 200",
        "GET /tasks?owner=platform+team&user=admin 200",
        "s3://logs-bucket/app/2024/06/25/worker-3.log.gz",
        "GET /api/v2/orders?page=2&sort=created_at 200",
        "GET /blog/how-to-reset-your-password 200",
        "GET /articles/martin-luther-king-day-closures 200",
        "GET /simple/python-json-logger/ 200",
        "GET /packages/django-rest-framework/ 200",
        "pod payments-api-7d9f8b6c5-x2x9z restarted",
        "deploy grafana-agent-5c9d7f8b9-abcde rolled out",
        "uploaded s3://build-artifacts/releases/api-server-1.4.2.tar.gz",
        "wrote /backups/orders_export_20250214.csv.gz",
        "wrote /tmp/etcd-snapshot_20250214.db",
        "s3://logs-bucket/AWSLogs/123456789012/elasticloadbalancing/us-east-1/2025/02/14/file.log.gz",
        "loaded /usr/lib/python3/dist-packages/jinja2/loaders.py",
        "loaded /usr/lib/python3/dist-packages/faker/providers/person/ro_RO/__init__.py",
        "loaded /usr/lib/python3.11/encodings/mac_roman.py",
        "read /srv/nlp/lang/id/lex_attrs.py",
        'File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 1969, in _exec_single_context',
        "GET /api/teams/platform-infra/members 200",
        "GET /themes/amber-rose/style.css 200",
        "GET /api/products/blue-widget-large 200",
        "GET /search?q=diabetes 200",
        "GET /search?q=type+2+diabetes&page=3 200",
        "GET /search?q=flu+shot&location=denver 200",
        "GET /search?q=ibuprofen+dosage 200",
        "GET /search?name=cardiology 200",
        "GET /api/services?name=claims-api 200",
        "GET /api/v1/users?sort=last_name&order=asc 200",
        "GET /api/v1/rows?first=0&last=20 200",
        "GET /api/v1/report?last=week&display=compact 200",
        "GET /oauth/authorize?client_id=portal&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&state=xyz",
    ],
)
def test_paths_and_queries_about_no_one_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Teodora", GIVEN_NAME),
        ("kowalczyk", SURNAME),
        ("ROSE", COMMON),
        ("miller", WORD_SURNAME),
        ("olukotun", UNKNOWN),
        ("payments", OTHER),
        ("json", OTHER),
        ("grafana", OTHER),
        ("mysqldmpx", OTHER),
    ],
)
def test_each_word_of_a_slug_is_judged_by_the_tables_and_the_dictionary(word: str, kind: int) -> None:
    assert part_kind(word) == kind


@pytest.mark.parametrize(
    ("kinds", "need"),
    [
        ([GIVEN_NAME, SURNAME], STRONG),
        ([SURNAME, GIVEN_NAME], STRONG),
        ([GIVEN_NAME, UNKNOWN], MEDIUM),
        ([SURNAME, UNKNOWN], MEDIUM),
        ([COMMON, WORD_SURNAME], WEAK),
        ([UNKNOWN, UNKNOWN], UNLISTED),
        ([SURNAME, WORD_SURNAME], None),
        ([GIVEN_NAME], None),
        ([GIVEN_NAME, OTHER], None),
    ],
)
def test_a_run_of_name_parts_needs_more_signs_the_less_it_says(kinds: list[int], need: int | None) -> None:
    assert run_need(kinds) == need


def test_a_name_of_unlisted_words_needs_a_sign_about_a_person() -> None:
    assert REDACTOR.redact_text("stored /srv/docs/uploads/morayo-olukotun/notes.txt") == (
        "stored /srv/docs/uploads/morayo-olukotun/notes.txt"
    )
    assert REDACTOR.redact_text("stored /srv/docs/uploads/morayo-olukotun/insurance_card.png") == (
        "stored /srv/docs/uploads/[REDACTED:NAME]/insurance_card.png"
    )


@pytest.mark.parametrize(
    ("text", "bits"),
    [
        ("saved /srv/uploads/jane-roe/card.png", PATH),
        ("saved roe_jane_19800312.PDF", PATH),
        ("GET /a?q=jane+roe", QUERY | PATH),
        ("x=1&Patient=Roe", QUERY),
        ("job finished in 3.2s, 14 rows", 0),
        ("q=diabetes without a query mark", 0),
    ],
)
def test_the_gate_selects_paths_file_names_and_person_queries(text: str, bits: int) -> None:
    assert gate(text) & (PATH | QUERY) == bits


@pytest.mark.parametrize(
    "text",
    [
        "saved /home/app/scans/Halvard Strømsnes - consent.pdf",
        "GET /lookup?first=Keoni&last=Akana&dob=03%2F11%2F1961 HTTP/1.1",
        "archived s3://intake-prod/2025/quintanar_marisol_19770911.pdf",
        "Location: /signin?next=%2Fdirectory%3Fq%3DKeoni%2BAkana",
    ],
)
def test_gated_and_ungated_scans_agree_on_paths_and_queries(text: str) -> None:
    assert SCANNER.spans(text) == SCANNER.spans_ungated(text)
