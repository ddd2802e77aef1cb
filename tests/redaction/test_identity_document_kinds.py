"""Identity documents, patients' devices, cars and plan ids in everyday log shapes, through the logging path.

Licence, state id, id card and permit numbers, CGM, pump and pacemaker serials, plates and car registrations, member
ids and MBIs in free text (with a verb between cue and value: ``id card scanned: D1234567``), logfmt, exception
messages, SQL parameters, task-queue calls and flat extras with abbreviated keys; each beside a benign twin of the
same shape (software licences, the service's hardware, state machines, counts). Values are made up.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

import hipaalog

LEAKS = [
    ("lic no 123 456 789 (NY)", ["123 456 789"]),
    ("state ID A1234567 scanned at check-in", ["A1234567"]),
    ("permit 48213377 on file", ["48213377"]),
    ("id card scanned: D1234567 exp 2027-01-01", ["D1234567"]),
    ("identity card no H0991-90669-11309", ["H0991-90669-11309"]),
    ('task verify_identity args=("D1234567", "CA")', ["D1234567"]),
    ("driver license scanned: OSEMP215372GH1DB", ["OSEMP215372GH1DB"]),
    ("MRN scanned: 22157373 at kiosk", ["22157373"]),
    ("updated MBI to W719023866-02 for visit", ["W719023866-02"]),
    ("mbi W520119249", ["W520119249"]),
    ("CGM G7SIV68IIJ not reporting", ["G7SIV68IIJ"]),
    ("pacemaker scanned: PJN285277S", ["PJN285277S"]),
    ("updated CGM to G7PMQF9BH9 for visit", ["G7PMQF9BH9"]),
    ("license plate scanned: 2486 JPV at gate 2", ["2486 JPV"]),
    ("updated car reg to LLT 6558", ["LLT 6558"]),
    ("event=verify lic=S75168211 st=WI result=ok", ["S75168211"]),
    ("event=park veh_tag=4FMY79 st=NC", ["4FMY79"]),
    ("lookup failed: car_reg='WUT-4587'", ["WUT-4587"]),
    ("SELECT id FROM visits WHERE veh_tag = %s; params=('0BNZ423',)", ["0BNZ423"]),
    ("INSERT INTO intake (cgm_sn, state) VALUES ('G75NPK7J2P', 'TN')", ["G75NPK7J2P"]),
    ("Task app.tasks.check_eligibility[3f2a] received args=('W340243862', 'NM') kwargs={}", ["W340243862"]),
    ("Task app.tasks.dispatch_transport[3f2a] received args=('459 PFK', 'SD') kwargs={}", ["459 PFK"]),
    ("default: app.jobs.assign_parking('KJ-368-DX') (5e1c)", ["KJ-368-DX"]),
    ("Task app.tasks.verify_identity[3f2a] received kwargs={'lic_num': 'PDTDZ966852HK3LR'}", ["PDTDZ966852HK3LR"]),
]

EXTRAS = [
    ({"lic_num": "BM-224988"}, "BM-224988"),
    ({"permit_no": "P6481369"}, "P6481369"),
    ({"cgm_sn": "SM79083194"}, "SM79083194"),
    ({"dev_mac": "NG0580711H"}, "NG0580711H"),
    ({"hearingAidSn": "4401928833"}, "4401928833"),
    ({"veh_tag": "J-HE 2667"}, "J-HE 2667"),
    ({"car_reg": "280 FGQ"}, "280 FGQ"),
    ({"insId": "HFQ973330206-01"}, "HFQ973330206-01"),
]

BENIGN = [
    "SPDX-License-Identifier: Apache-2.0",
    "mismatch on asset tag IT-264162, manual review",
    "no match for server serial SRV-0664101",
    "rack sn CN12345678 replaced",
    "server serial scanned: SRV-1336115",
    "git tag V2024A1 pushed",
    "workflow state id 4829131 transitioned",
    "state id 3 entered",
    "permit 3 requests",
    "id card 2 of 3",
    "chart updated 120 rows",
    "licenses=25 seats_used=21",
    "license_key=ABCD-1234-EFGH-5678",
    'task activate_license args=("LIC-ABCD-1234", "enterprise")',
    "fleet unit FLEET-0042 returned",
    "ins_no=5 del=3",
]

BENIGN_EXTRAS = [{"licenseIdentifier": "MIT-0"}, {"server_sn": "SRV-0012345"}, {"ins": "42"}, {"permit": "allow"}]


def _logged(tmp_path: Path, message: str | None = None, extra: dict[str, Any] | None = None) -> list[str]:
    """The lines written for ``message`` (as a %-argument, an extra and an exception's message) or ``extra``."""
    path = tmp_path / "out.jsonl"
    handler = hipaalog.configure(app_id="a", platform="p", microservice="intake", sinks=[str(path)])
    log = logging.getLogger("clinic.intake")
    try:
        if message is not None:
            log.info("note: %s", message)
            log.info("support note added", extra={"note": message})
            try:
                raise LookupError(message)
            except LookupError:
                log.exception("task failed")
        if extra is not None:
            log.info("record checked", extra=extra)
        handler.flush()
    finally:
        handler.close()
    return path.read_text().splitlines()


@pytest.mark.parametrize(("message", "secrets"), LEAKS)
def test_identity_device_vehicle_and_plan_ids_are_masked(tmp_path: Path, message: str, secrets: list[str]) -> None:
    lines = _logged(tmp_path, message)
    assert len(lines) == 3
    for line in lines:
        text = json.dumps(json.loads(line), ensure_ascii=False)
        for secret in secrets:
            assert secret not in text, (message, line)


@pytest.mark.parametrize(("extra", "secret"), EXTRAS)
def test_abbreviated_keys_of_flat_extras_are_masked(tmp_path: Path, extra: dict[str, str], secret: str) -> None:
    (line,) = _logged(tmp_path, extra=extra)
    assert secret not in line
    assert "REDACTED" in line


@pytest.mark.parametrize("message", BENIGN)
def test_software_licences_hardware_and_counts_survive(tmp_path: Path, message: str) -> None:
    lines = _logged(tmp_path, message)
    assert len(lines) == 3
    for line in lines:
        assert "REDACTED" not in line, (message, line)
        assert message.replace('"', '\\"') in line


@pytest.mark.parametrize("extra", BENIGN_EXTRAS)
def test_benign_extras_with_the_same_words_survive(tmp_path: Path, extra: dict[str, str]) -> None:
    (line,) = _logged(tmp_path, extra=extra)
    record = json.loads(line)
    for key, value in extra.items():
        assert record.get(key, record.get("extra", {}).get(key)) == value, line
