"""URLs that name one person by their host or a marked path, and device serials with few digits after their cue."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text


@pytest.mark.parametrize(
    "url",
    [
        "https://t.me/okwuosa_b",
        "https://paypal.me/tindrabell",
        "https://zoom.us/my/ysolde.marchetti",
        "https://venmo.com/u/Ysolde-Marchetti",
        "https://www.gofundme.com/f/support-for-ysolde-marchetti",
        "https://okwuosab.wordpress.com/about",
        "https://okwuosab.github.io/",
        "https://sites.google.com/view/ysolde-marchetti",
        "https://helenamarchetti.com",
        "https://ko-fi.com/tindrabell",
    ],
)
def test_urls_that_name_a_person_are_masked(url: str) -> None:
    assert url not in redact_text(f"patient shared {url} in chat")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.maxmind.com/en/home",
        "https://patientpop.com/blog",
        "https://zoom.us/signin",
        "https://www.paypal.me",
        "https://docs.python.org/3/library/logging.html",
        "https://github.com/psf/requests",
        "https://sites.google.com/",
        "https://richardson.com/hooks/scene",
        "https://williamson.net/",
        "https://daniels-henson.com/api/v2",
        "https://lopez.github.io/season/",
    ],
)
def test_service_urls_are_kept(url: str) -> None:
    text = f"fetched {url} in 40ms"
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "serial"),
    [
        ("infusion pump paired, device id KX4QTRWVBZ2", "KX4QTRWVBZ2"),
        ("push token refreshed for device 7c1e09fa2b44d3e1", "7c1e09fa2b44d3e1"),
        ("meter s/n: GLM-PQ7ZRTAV", "GLM-PQ7ZRTAV"),
        ("android id=0e4f1ab29c7d8e35 registered", "0e4f1ab29c7d8e35"),
    ],
)
def test_device_serials_with_few_digits_are_masked(text: str, serial: str) -> None:
    assert serial not in redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "device v2.4.1 ready",
        "device nvme0n1p1 mounted",
        "device iPhone14,2 connected",
        "device CPU-0 online",
        "device paired ok",
    ],
)
def test_device_names_and_versions_are_kept(text: str) -> None:
    assert redact_text(text) == text
