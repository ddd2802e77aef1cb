"""A patient's photo reference dressed with a thing's word (``logo``, ``product``, ``default``) and a patient's
name after a town's first word under a site's key (``depot=Port Jane Roe``). The thing's picture and the site's
town of that shape (``static/img/logo.png``, ``depot=Port Angela``) stay."""

from __future__ import annotations

import logging

import pytest

from .harness import Harness

LEAKING = [
    ("uploaded photos/logo_wendell_okafor_1961-04-03.jpg", "1961-04-03"),
    ("uploaded photos/logo_wendell_okafor_1961-04-03.jpg", "okafor"),
    ("saved s3://bkt/photos/product/E1234567/face.jpg", "E1234567"),
    ("stored img/photos/banner_maria_lopez.png", "lopez"),
    ("depot=Port Wendell Okafor qty=3", "Okafor"),
    ("warehouse='Lake Maria Lopez' items=4", "Lopez"),
]
KEPT = [
    "static/img/logo.png",
    "product photo nike_shoe_blue.png",
    "s3://cdn/products/photos/sku-88213-front.jpg",
    "photos/products/2024-05-01/hero.jpg",
    "img/logo_face_2x.png",
    "stock moved depot=East Joseph sku=CJ-6991 qty=147",
    "warehouse=Port Angela items=12",
    "venue=San Giuseppe Vesuviano seats=40",
]


def _line(harness: Harness, text: str) -> str:
    logging.getLogger("attack.app").info(text)
    lines = [line for line in harness.written().splitlines() if '"attack.app"' in line]
    return lines[-1]


@pytest.mark.parametrize(("text", "secret"), LEAKING)
def test_a_patients_picture_or_name_in_a_things_shape_is_masked(harness: Harness, text: str, secret: str) -> None:
    line = _line(harness, text)
    assert "REDACTED" in line
    assert secret not in line


@pytest.mark.parametrize("text", KEPT)
def test_a_things_picture_and_a_sites_town_stay(harness: Harness, text: str) -> None:
    assert "REDACTED" not in _line(harness, text)
