"""Object keys under a person's folder, pictures named after a patient, personal page slugs and cued streets
with no house number or a flat on its own line (synthetic values only)."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._photo_names import joined_person

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "Making request for OperationModel(name=PutObject) with params: "
            "{'Bucket': 'wound-images-prod', 'Key': 'patients/H581194273/wound_2024.jpg'}",
            "H581194273",
        ),
        ("Key=pt/QX-77120/labs.json", "77120"),
        ('{"key": "mrn/44-336-169/scan.dcm"}', "336-169"),
        ("https://bucket.s3.amazonaws.com/pacientes/AB123456/foto.png", "AB123456"),
        ("/srv/patienten/K-2291-883/befund.pdf", "2291-883"),
        ("copied members/M88412093/eob.pdf", "M88412093"),
        ("gs://archive/pt/7730912/note.txt", "7730912"),
        ("list_objects prefix=patients/H581194273", "H581194273"),
    ],
)
def test_an_id_after_a_persons_folder_in_an_object_key_is_masked(text: str, secret: str) -> None:
    out = REDACTOR.redact_text(text)
    assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Making request for OperationModel(name=PutObject) with params: "
        "{'Bucket': 'build-artifacts', 'Key': 'releases/v1.2.3/app.tar.gz'}",
        "GET https://example.com/pt/2024/05/novidades 200",
        "GET https://example.com/pt/produtos/12345 200",
        "throughput 120 patients/hour over 3 sites",
        "ratio 4 patients/100 beds",
        "Key: 'members/2024/report.csv'",
        "path=persons/schema/v2/index.json",
    ],
)
def test_keys_of_no_person_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("photo IMG_65789568_montgomery.jpeg received", "montgomery"),
        ("saved DSC72749_katherineroth.JPG", "katherineroth"),
        ("saved DSC66175248_heatherwilliams.JPG", "heatherwilliams"),
        ("DSC_0032_williamsjohn.jpg", "williamsjohn"),
        ("file patel-damian-wound-273.heic attached", "patel"),
        ("file patel-damian-wound-273.heic attached", "damian"),
        ("attachment PXL_20240311_gonzalez.jpg", "gonzalez"),
        ("attachment PXL_20241123_Turner.jpg", "Turner"),
        ("key=uploads/2024/IMG_4432_kowalczyk_left_heel.jpg", "kowalczyk"),
        ("okafor-wendell-sacral-ulcer-wk3.png", "okafor"),
    ],
)
def test_a_name_in_a_pictures_file_name_is_masked(text: str, secret: str) -> None:
    out = REDACTOR.redact_text(text)
    assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "GET /static/img/logo_small.png 200",
        "IMG_0001.JPG uploaded",
        "IMG_2041_sunset.jpg",
        "DSC_0042_austin.jpg",
        "IMG_1234_paris.jpg",
        "PXL_20240311_123456789.MP.jpg",
        "Screenshot_20240311-101112_Chrome.jpg",
        "IMG-20240311-WA0004.jpg",
        "hero_background_large.webp",
        "Screenshot_2024-03-11_Slack.png",
        "avatar_default.png",
        "product_shot_front.png",
    ],
)
def test_pictures_of_no_one_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("word", "joined"),
    [
        ("katherineroth", True),
        ("williamsjohn", True),
        ("johnsmith", True),
        ("rosewood", False),
        ("thumbnail", False),
        ("darkorange", False),
        ("forestgreen", False),
    ],
)
def test_a_name_run_together(word: str, joined: bool) -> None:
    assert joined_person(word) is joined


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("join https://meet.clinic.example/room/anamaria-price-4461", "anamaria-price"),
        ("https://doxy.example/drsmith/waiting/maria-gomez-918", "maria-gomez"),
        ("https://book.example.com/booking/ngozi-adeyemi-004", "ngozi-adeyemi"),
        ("join at https://meet.clinic.example/r/john-bush-8829", "john-bush"),
        ("https://x.example/@hannah-schmidt-9", "hannah-schmidt"),
    ],
)
def test_a_name_slug_on_a_personal_page_is_masked(text: str, secret: str) -> None:
    out = REDACTOR.redact_text(text)
    assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "https://meet.example.com/room/weekly-standup-42",
        "https://meet.example.com/room/grand-rounds-7",
        "https://book.example.com/booking/room-deluxe-2",
        "https://docs.example.com/room/setup-guide-2",
        "https://meet.example.com/room/rose-garden-2",
        "https://example.com/visit/new-york-2024",
        "https://book.example.com/booking/darkorange-you-36",
        "https://book.example.com/booking/forestgreen-deep-48",
    ],
)
def test_pages_of_no_one_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("discharged to home Am Kiesteich 925", ["Kiesteich", "925"]),
        ("resides at Auf dem Berg 2", ["Berg"]),
        ("Dirección de entrega: boulevard Hoareau", ["Hoareau"]),
        ("shipping to chemin des Vignes", ["Vignes"]),
        ("lives at avenue Delaunay", ["Delaunay"]),
        ("address: Studio 41\nPowell Ports", ["41", "Powell Ports"]),
        ("lives at Flat 3\nKing Path", ["King Path"]),
    ],
)
def test_cued_streets_without_a_number_or_on_two_lines_are_masked(text: str, secrets: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "home: Dashboard 2 loaded",
        "Am Ende des Tages 5 Jobs offen",
        "discharged home in stable condition, follow-up in 2 weeks",
        "rue du Commerce deployment finished",
        "place Order 5 failed",
        "address: Flat 3\nrate applies",
    ],
)
def test_phrases_that_are_no_street_stay(text: str) -> None:
    out = REDACTOR.redact_text(text)
    if text.startswith("address: Flat 3"):
        assert out.endswith("\nrate applies"), out  # the flat is masked, the next line is no street
    else:
        assert out == text
