"""HL7 v2 with a line end inside a field (a street's second line): the segment goes on after it."""

from __future__ import annotations

import json

import pytest
from faker import Faker

from hipaalog.redaction import Redactor

REDACTOR = Redactor()
MSH = "MSH|^~\\&|ADT1|GOOD HEALTH HOSPITAL|GHH LAB|GHH|202405011230||ADT^A04|MSG00003|P|2.5"
TAIL = ("16665760107", "4471920", "512447789")


def _pid(address: str) -> str:
    return f"PID|1||00482913^^^GHH^MR||Quist^Odalys||19810417|F|||{address}||16665760107|||S||4471920|512447789"


def _forms(address: str, line_end: str) -> dict[str, str]:
    pid = _pid(address.replace("\n", line_end))
    return {
        "cr": f"{MSH}\r{pid}\rPV1|1|I",
        "lf": f"{MSH}\n{pid}\nPV1|1|I",
        "crlf-last": f"received: {MSH}\r\n{pid}\r\n",
        "escaped-cr": json.dumps({"hl7": f"{MSH}\r{pid}\rPV1|1|I"}),
        "mllp-bytes": repr(f"\x0b{MSH}\r{pid}\r\x1c\r".encode()),
        "lower": f"{MSH}\r{pid}\rPV1|1|I".lower(),
        "custom-separators": f"{MSH}\r{pid}\rPV1|1|I".replace("|", "#"),
    }


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\\n"], ids=["lf", "crlf", "escaped-lf"])
@pytest.mark.parametrize("form", ["cr", "lf", "crlf-last", "escaped-cr", "mllp-bytes", "lower", "custom-separators"])
def test_fields_after_a_broken_street_line_are_read(form: str, line_end: str) -> None:
    address = "Mengerzeile 660\nApt. 7^^San Modesto los bajos^NY^10863"
    out = REDACTOR.redact_text(_forms(address, line_end)[form])
    for secret in ("Mengerzeile", "Apt. 7", "San Modesto", "10863", *TAIL):
        assert secret.lower() not in out.lower(), (secret, out)
    assert "ADT1" in out or "adt1" in out


@pytest.mark.parametrize("seed", range(12))
def test_faker_addresses_split_a_pid_segment(seed: int) -> None:
    fake = Faker(["en_US", "de_DE", "es_MX"])
    fake.seed_instance(seed)
    address = fake.address()
    assert "\n" in address
    out = REDACTOR.redact_text(f"{MSH}\r{_pid(address)}\rPV1|1|I")
    for secret in (*address.split("\n"), *TAIL):
        assert secret not in out, (secret, out)


@pytest.mark.parametrize(
    "text",
    [
        f"{MSH}\nMSA|AE|MSG00001|Field too long\nsee ops runbook | retry later\n",
        f"ACK sent:\n{MSH}\nMSA|AA|MSG00001\nworker=hl7-listener|queue depth 4 | elapsed 12ms",
        f"{MSH}\n{_pid('12 Elm St^^Boston^MA^02139')}\nprocessed by ingest-service | status=ok | 12ms",
        f"{MSH}\n{_pid('12 Elm St^^Boston^MA^02139')}\nstatus=ok|retries=0|queue=adt",
        f"{MSH}\rQRD|202405011230|R|I|Q1001|||25^RD|ALL|RES|\nbatch=7 | service=hl7-gateway",
    ],
)
def test_log_lines_after_a_message_are_not_its_fields(text: str) -> None:
    out = REDACTOR.redact_text(text)
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    assert last in out
