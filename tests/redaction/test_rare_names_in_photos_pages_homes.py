"""Rare surnames and given names no name table lists, in pictures' file names and personal page slugs, and homes
after a discharge's ``to home`` (synthetic values only)."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("uploaded IMG_46858773_klorek.jpeg", ["klorek"]),
        ("file= MVIMG_20240720_140306_matusewicz.jpg", ["matusewicz"]),
        ("saved PXL_20240518_001634_Jedrasiak.png", ["Jedrasiak"]),
        ("saved DSC_0042_einarsson.JPG", ["einarsson"]),
        ("saved binet-christopher-wound-399.heic", ["binet", "christopher"]),
        ("saved schwital-catalina-wound-572.heic", ["schwital", "catalina"]),
        ("received photo wywiol_konrad_lesion_668.JPG", ["wywiol", "konrad"]),
        ("storing quirina-abeln-ulcer-12.heic", ["quirina", "abeln"]),
        ("saved piedadpeukert.jpg", ["piedadpeukert"]),
        ("saved IMG_2231_piedadpeukert.jpg", ["piedadpeukert"]),
        ("attachment dominczakjacek.JPG", ["dominczakjacek"]),
    ],
)
def test_a_rare_name_in_a_pictures_file_name_is_masked(text: str, secrets: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "uploaded IMG_5521_bokeh.jpg",
        "uploaded IMG_5521_figma.png",
        "uploaded IMG_5521_oktoberfest.jpg",
        "uploaded IMG_5521_xmas.jpg",
        "uploaded IMG_5521_favicon.png",
        "uploaded IMG_5521_mockup.png",
        "uploaded IMG_1234_tokyo.jpg",
        "uploaded IMG_0001_banner.jpg",
        "GET /assets/hero_paris.jpg 200",
        "uploaded Screenshot_20240312-101010_Instagram.jpg",
        "uploaded Screenshot_20240312_101010_Zalando.jpg",
        "uploaded adidas-ultraboost-left-1.jpg",
        "uploaded annabanner.png",
        "uploaded elenaproject.png",
        "uploaded serengeti_safari_2.jpg",
        "uploaded logitech-mx-master-3.png",
        "uploaded IMG_4767_civitella_del_tronto.jpg",
        "uploaded PXL_20241019_225569_slaapkamer.jpg",
        "uploaded rodriguessarl.png",
        "uploaded torresgaudinsas.png",
        "uploaded contenuti-abilitate-granulari-side-4.webp",
    ],
)
def test_pictures_named_for_things_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("GET /room/quirina-abeln-6304 200", "quirina-abeln"),
        ("GET /consult/jolanda-soffici-4373 200", "soffici"),
        ("GET /waiting/kamil-kunysz-5133 200", "kunysz"),
        ("GET /r/sten-skov-3950 200", "sten-skov"),
        ("join https://meet.clinic.example/session/chema-peinado-8216", "peinado"),
    ],
)
def test_a_rare_name_on_a_personal_page_is_masked(text: str, secret: str) -> None:
    out = REDACTOR.redact_text(text)
    assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "GET /session/kubecon-amsterdam-2024 200",
        "GET /room/kubecon-keynote-2 200",
        "GET /p/adidas-ultraboost-22 200",
        "GET /c/lego-technic-42 200",
        "GET /room/postgres-pgbouncer-2 200",
        "GET /meet/jitsi-videobridge-2 200",
        "GET /room/weekly-standup-42 200",
        "GET /blog/spring-sale-2024 200",
        "GET /booking/perret-dias-sarl-956 200",
        "GET /booking/stichting-schokman-445 200",
        "GET /room/parallelismo-esclusiva-tangibile-67 200",
    ],
)
def test_pages_of_things_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("patient dc=2024-03-01 to home Am Kiesteich 925", ["Kiesteich", "925"]),
        ("dispo: to home Markring 3", ["Markring"]),
        ("discharge to home, Hiddedreef 2", ["Hiddedreef"]),
        ("dispo: to home Flat 75\nKim Turnpike", ["Kim Turnpike"]),
        ("d/c 03/01 home: Lukaring 5", ["Lukaring"]),
    ],
)
def test_a_home_after_a_discharge_is_masked(text: str, secrets: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "redirect to home page",
        "user returned to home Screen 3",
        "dc=us-east-1 redirect to home Dashboard 2",
        "DC 5 failover: traffic sent to home Region 2",
        "released v2.3 to home Users 4 of 10",
        "dc=2024-03-01 to home with Home Health 3x/wk",
        "dispo to home, PT 2x weekly",
        "dispo: to home Sunday 10 AM",
        "dc'd to home Day 3",
        "deploy to home Kiesteich 925",
        "home: Dashboard 2 loaded",
    ],
)
def test_home_phrases_that_name_no_street_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
