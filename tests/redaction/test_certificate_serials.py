"""A server certificate's serial is a machine's; a device's serial after its cue is still a patient's device."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    "text",
    [
        "cert renewed for api.example.com serial 4F3A2B1C9D",
        "cert renewed for shop.example.net serial 48213377",
        "TLS certificate rotated on lb-2, serial number 7A9C33D10E42",
        "x509 cert for portal.example.org expires soon (serial 0000A1B2C3D4)",
    ],
)
def test_a_certificate_serial_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("pump serial 4F3A2B1C9D for patient", "4F3A2B1C9D"),
        ("Dexcom receiver serial SM48213377 paired", "SM48213377"),
        ("insulin pump serial 7A9C33D10E42 synced to portal.example.org", "7A9C33D10E42"),
    ],
)
def test_a_device_serial_without_a_certificate_is_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)
