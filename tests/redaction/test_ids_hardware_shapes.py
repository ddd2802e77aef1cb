"""Device, vehicle and network identifiers in the other shapes application logs write them: MAC addresses
with dashes, dotted or bare; serials after the words of a medical device; licence plates in groups after
a plate word of several languages; the IP host of a URL and a public address spelled with dashes in a
host name; a user's page by handle and a person's page by name slug in a path."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("wifi client 5C-0A-9E-14-7B-D2 joined ssid ward-4", "5C-0A-9E-14-7B-D2"),
        ("bt pairing with 0e-44-a1-3c-90-f7 ok", "0e-44-a1-3c-90-f7"),
        ("arp: hwaddr 5c0a.9e14.7bd2 on vlan 30", "5c0a.9e14.7bd2"),
        ("telemetry mac address 5C0A9E147BD2 registered", "5C0A9E147BD2"),
        ("bssid=0e44a13c90f7 roamed", "0e44a13c90f7"),
    ],
)
def test_a_mac_address_in_other_notations_is_masked(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out
    assert "[REDACTED:DEVICE]" in out


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("telemetry sn QX4410827 uploaded", "QX4410827"),
        ("sn=77-31904-B battery 82%", "77-31904-B"),
        ("MEID A0000052F31C09 provisioned", "A0000052F31C09"),
        ("CGM transmitter 8RT20531 paired", "8RT20531"),
        ("pacemaker PJQ118204 interrogated", "PJQ118204"),
        ("hearing aid SN-40219-KX fitted", "40219-KX"),
        ("glucometer GM-902113 synced", "GM-902113"),
    ],
)
def test_a_serial_after_a_device_word_is_masked(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out
    assert "[REDACTED:DEVICE]" in out


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("valet: plate LR19 XKM ticket 4", "LR19 XKM"),
        ("license plate: KTW O27", "KTW O27"),
        ("Kennzeichen HH-QT 4812 gemeldet", "HH-QT 4812"),
        ("immatriculation FD-318-QM", "FD-318-QM"),
        ("matrícula 7731 KRB", "7731 KRB"),
        ("plate MH 12 DE 7719 at gate", "MH 12 DE 7719"),
        ("kenteken 81-XKL-3", "81-XKL-3"),
    ],
)
def test_a_plate_in_groups_after_a_plate_word_is_masked(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out
    assert "[REDACTED:VEHICLE]" in out


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("POST http://198.51.100.77:8443/api/session 401", "198.51.100.77"),
        ("webhook https://203.0.113.201/notify failed", "203.0.113.201"),
        ("reverse dns 198-51-100-77.cable.example-isp.net", "198-51-100-77"),
        ("peer ec2-54-210-8-19.compute-1.amazonaws.com", "54-210-8-19"),
        ("hostname ip-198-51-100-77", "198-51-100-77"),
    ],
)
def test_a_public_address_as_a_url_host_or_in_a_host_name_is_masked(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out
    assert "[REDACTED:IP]" in out


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("GET /u/tobiaswren 200 8ms", "tobiaswren"),
        ("GET https://portal.example.org/u/mkastner/feed 200", "mkastner"),
        ("GET https://forum.example.net/p/ingrid-solvang 200", "ingrid-solvang"),
    ],
)
def test_a_persons_page_in_a_path_is_masked(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "model SN-200 released",
        "plate count 96",
        "plate reader ABC ready",
        "plate=template_a",
        "GET /u/0/inbox 200",
        "GET /p/B07XJ8C8F5 200",
        "GET /p/how-to-rotate-keys 200",
        "probe http://10.0.3.14:8080/metrics ok",
        "node ip-10-0-1-23.ec2.internal joined",
        "artifact build-1-2-3-4.tar uploaded",
        "run-2024-12-07-1.log rotated",
        "mirror v1-2-3-4.example.com",
        "commit 9f3c2a1b7d0e tagged",
        "uuid 550e8400-e29b-41d4-a716-446655440000",
        "MAC verification failed",
        "pip install pkg==10.2.3.4 from app/10.2.3.4",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("profile moved to www.facebook.com/ingrid.solvang.3", "ingrid.solvang.3"),
        ("chart link www.clinic.example.org/patients/5520417/summary", "5520417"),
        ("cv at cs.example.edu/~tsolvang/cv.pdf", "tsolvang"),
        ("GET /~mkastner/ 200", "mkastner"),
    ],
)
def test_a_url_without_its_scheme_or_a_home_page_is_masked(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "serial=unknown",
        "imei=N/A",
        "device_id=undefined",
        "asset https://cdn.example.com/img/badge@3x.png loaded",
        "docs at www.example.com/help?page=2",
        "www.python.org is up",
        "cd ~/.config",
    ],
)
def test_placeholders_image_densities_and_plain_sites_stay(text: str) -> None:
    assert redact(text) == text


def test_a_surname_that_reads_like_a_placeholder_is_still_masked() -> None:
    assert redact("last_name=Na") == "last_name=[REDACTED:NAME]"
