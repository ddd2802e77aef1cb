"""Photos, biometric identifiers, licences, dates of death and discharge, and ``%`` arguments read as a row.

Each PHI case goes through the real path (``logging`` -> hipaalog's handler -> one JSON line) with made-up values,
and each has a benign twin that must come out as it went in: a product's photo, a key's fingerprint, a software
licence, a battery's discharge, a team's definition of done, a call's configuration values.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from hipaalog.redaction import Redactor
from hipaalog.testing import capture

LOG = logging.getLogger("tests.photos_biometrics_licences")


def _line(msg: str, *args: Any, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    with capture() as logs:
        LOG.warning(msg, *args, extra=extra or {})
    line: dict[str, Any] = json.loads(logs.lines[-1])
    return line


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("photo_path", "photos/jane_roe.jpg"),
        ("avatar_url", "https://cdn.example.org/avatars/jane.roe.png"),
        ("profile_image", "patient_photos/E1234567.jpg"),
        ("face_image_key", "s3://intake/patients/E1234567/face.jpg"),
        ("fingerprint_id", "FP-9A8B7C6D"),
        ("biometric_template", "9f2c51e0a7d3b4c1"),
        ("voiceprintHash", "VP6985942"),
        ("palm_vein_id", "RT-7186abbe"),
        ("time_of_death", "29 October 2024"),
        ("fecha_alta", "04/18/2024"),
        ("date_sortie", "2024-09-02"),
        ("nursing_license", "RN194041"),
        ("state_license", "BC8657159"),
        ("Führerschein", "B072RRE2I55"),
        ("permis_conduire", "D6292825"),
        ("certificate_id", "745324488"),
    ],
)
def test_a_value_under_a_key_of_its_kind_is_masked(key: str, value: str) -> None:
    line = _line("record stored", extra={key: value})
    assert value not in json.dumps(line)


@pytest.mark.parametrize(
    "extra",
    [
        {"product_photo": "products/sku-1234/front.jpg"},
        {"image_url": "https://cdn.example.com/brand/logo.svg"},
        {"cert_fingerprint": "ab12cd34ef56"},
        {"license_key": "XXXX-AB12-CD34"},
        {"server_certificate_id": "ASCA1234567890"},
        {"dod": "tests passing, docs updated"},
    ],
)
def test_a_benign_twin_under_a_look_alike_key_is_kept(extra: dict[str, Any]) -> None:
    line = _line("config loaded", extra=extra)
    assert {key: line.get(key) for key in extra} == extra


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("uploaded photos/piersanti_tartini.jpg for chart review", "piersanti_tartini"),
        ("photo upload failed key=selfie_E7213473.heic", "E7213473"),
        ("stored headshot_19800326.png", "19800326"),
        ("copied gs://intake-photos/P-897926/portrait.webp", "P-897926"),
        ("scan /srv/uploads/MRN496250/id_card_front.jpeg ok", "MRN496250"),
        ("attached Wouter_Lips_passport_photo.jpg", "Wouter_Lips"),
        ("stored voiceprint hash FP-753DC98FA3 for patient", "FP-753DC98FA3"),
        ("stored fingerprint template 7906347b845729de for patient", "7906347b845729de"),
        ("retina scan IRIS-740594 enrolled", "IRIS-740594"),
        ("palm vein pattern bdcd0c4d419cd368 matched", "bdcd0c4d419cd368"),
        ("pt pronounced dead 02 April 2025 per family", "02 April 2025"),
        ("patient sent home 14.01.2024", "14.01.2024"),
        ("patient dc'd home 12/27/2023", "12/27/2023"),
        ("checked certificate D9936013 at registration", "D9936013"),
    ],
)
def test_a_value_in_text_is_masked(text: str, value: str) -> None:
    assert value not in Redactor().redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "serving static asset static/img/logo.png",
        "asset /images/hero-banner.jpg cached",
        "thumbnail generated at thumbs/sku_1234_200x200.webp",
        "rendered reports/charts/census_3.png",
        "css/font-face.woff loaded",
        "staff page static/img/team/portrait.jpg",
        "ssh key fingerprint SHA256:abcdef123456 added",
        "host key fingerprint is 3f2a1b4c5d6e",
        "browser fingerprint 8f7e6d5c4b3a1 seen",
        "definition of done (dod) updated on 2024-03-04 by team lead",
        "session expired on 2024-02-10T10:00:00Z for client web",
        "battery discharged to 15% at 2024-05-01T10:00:00, discharge rate 1.2C",
        "software license expires 2025-12-31 for tenant acme-corp",
    ],
)
def test_benign_text_is_kept(text: str) -> None:
    assert Redactor().redact_text(text) == text


@pytest.mark.parametrize(
    ("msg", "args"),
    [
        ("%r %r %r", ("Howe", "Marion", "1969-07-28")),
        ("%s|%s|%s|%s", ("MRN766404", "Michaud", "Olivie", "1946-11-09")),
        ("row: %r, %r, %r", ("E1234567", "Tartini, Piersanti", "1/11/2006")),
        ("lookup %r -> %r", ("P-123456", "Jane Roe")),
    ],
)
def test_printf_arguments_are_read_as_a_row(msg: str, args: tuple[str, ...]) -> None:
    line = _line(msg, *args)
    text = json.dumps(line)
    for value in args:
        assert value not in text


@pytest.mark.parametrize(
    ("msg", "args"),
    [
        ("config %r %r %r", ("timeout", 30, True)),
        ("setting %r -> %r", ("log_level", "DEBUG")),
        ("%s|%s|%s", ("GET", "/api/v1/health", 200)),
        ("retry %r of %r for %r", (2, 5, "orders-service")),
        ("TLS certificate %s expires %s", ("api.example.com", "2025-06-01")),
        ("using license %s for product %s", ("Apache-2.0", "hipaalog")),
    ],
)
def test_printf_arguments_of_no_person_are_kept(msg: str, args: tuple[Any, ...]) -> None:
    assert _line(msg, *args)["message"] == msg % args
