"""Identifiers as developers of a clinic or a payer write them in everyday log lines, through the logging path.

Cue words of other languages and abbreviations, acronym plurals, every id of a list after one cue, a cue named
after its value, ranges of dates of care; each beside a benign twin written the same way (values are made up).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

import hipaalog

LEAKS = [
    ("a/c 242125014", ["242125014"]),
    ("numéro de compte 2166768849", ["2166768849"]),
    ("conta 496019230976 bloqueada", ["496019230976"]),
    ("accounts: 55885337, 334421743", ["55885337", "334421743"]),
    ("accts 2385868 50485181026", ["2385868", "50485181026"]),
    ("MRNs: 2671706, H591703, 568-668-533", ["2671706", "H591703", "568-668-533"]),
    ("mrn list [258637, 24173763]", ["258637", "24173763"]),
    ("merge mrn E2516406 -> 5754100555", ["E2516406", "5754100555"]),
    ("mrn 510257/7706586 duplicates", ["510257", "7706586"]),
    ("Fallnummer 139728172", ["139728172"]),
    ("expediente MR43014546", ["MR43014546"]),
    ("medical record # 127-422-284", ["127-422-284"]),
    ("#H44150252 (mrn)", ["H44150252"]),
    ("H9131658 - mrn mismatch", ["H9131658"]),
    ("VY751856350 (subscriber)", ["VY751856350"]),
    ("sub id DT37445630", ["DT37445630"]),
    ("pol# FKB70832888-03", ["FKB70832888-03"]),
    ("grp Y1725128-04", ["Y1725128-04"]),
    ("ins id X177517141", ["X177517141"]),
    ("numéro d'adhérent F20659100", ["F20659100"]),
    ("Mitgliedsnummer QM2309405377", ["QM2309405377"]),
    ("carteirinha 89717709", ["89717709"]),
    ("veh OR53 CYW", ["OR53 CYW"]),
    ("tag 7XBU125", ["7XBU125"]),
    ("parking tag GMT 7752 for pt", ["GMT 7752"]),
    ("car reg CRV 1089", ["CRV 1089"]),
    ("vehicle reg no UA16 WRR", ["UA16 WRR"]),
    ("número de placa K-CN 481", ["K-CN 481"]),
    ("plaque 7EI O750", ["7EI O750"]),
    ("SN: 1M8S8T9N8Y", ["1M8S8T9N8Y"]),
    ("serial no. 2X7H0R8D3M", ["2X7H0R8D3M"]),
    ("pump id DP8W73SIB0", ["DP8W73SIB0"]),
    ("CGM transmitter LC6N83ALL1", ["LC6N83ALL1"]),
    ("meter sn 8J7W1P5F3M", ["8J7W1P5F3M"]),
    ("Seriennummer JXD-4343790", ["JXD-4343790"]),
    ("número de serie 2B8B6W9L3X", ["2B8B6W9L3X"]),
    ("8M8Y2I0Q9P (s/n)", ["8M8Y2I0Q9P"]),
    ("33607008 (serial)", ["33607008"]),
    ("zips: 86327, 36960", ["86327", "36960"]),
    ("ZIP+4: 10074-1549", ["10074-1549"]),
    ("44093-8107 (zip+4)", ["44093-8107"]),
    ("DOS 11/27/24 - 12-03-2023", ["11/27/24", "12-03-2023"]),
    ("DOS Sep 22, 2024 - 24.01.2022", ["Sep 22, 2024", "24.01.2022"]),
    ("inpatient stay from 17-Jul-2024 to 1/14/2022", ["17-Jul-2024", "1/14/2022"]),
    ("dates of service: 1/2/2024, 3/4/2024, 5/6/2024", ["1/2/2024", "3/4/2024", "5/6/2024"]),
    ("appointments 3/4/2024 and 3/5/2024", ["3/4/2024", "3/5/2024"]),
    ("03/02/2022 visit rescheduled by front desk", ["03/02/2022"]),
    ("4/30/2022 - pt no-showed", ["4/30/2022"]),
    ("disch 22/04/2023", ["22/04/2023"]),
    ("discharge dt 3/6/23", ["3/6/23"]),
    ("date of procedure = 28-Oct-2022", ["28-Oct-2022"]),
    ("specimen collection date: 2023-09-15", ["2023-09-15"]),
    ("specimen drawn 16-Jul-2022 07:45", ["16-Jul-2022"]),
    ("vacc. administered January 19 2024", ["January 19 2024"]),
    ("date de la visite : 7/6/2023", ["7/6/2023"]),
    ("appt Tue Mar 5 9:30", ["Mar 5"]),
    ("admitted 5 March", ["5 March"]),
    ("adm. 3/1/24", ["3/1/24"]),
    ("MRI 3/1/24", ["3/1/24"]),
    ("infusion given 2024-03-01", ["2024-03-01"]),
    ("discharged home 3/4/24", ["3/4/24"]),
    ("svc dates 3/1/24, 3/2/24", ["3/1/24", "3/2/24"]),
    ("Untersuchung am 01.03.2024", ["01.03.2024"]),
    ("plates: AB12 CDE, XY34 ZZZ", ["AB12 CDE", "XY34 ZZZ"]),
    ("GMT 7752 (plate)", ["GMT 7752"]),
    ("plate (WX68 ZYT)", ["WX68 ZYT"]),
]

BENIGN = [
    "git tag v2.4.1 pushed",
    "tag RELEASE-2024 created",
    "accounts 250 processed in 1200 ms",
    "members: 120 active, 3 pending",
    "compte 12 utilisateurs",
    "meter 143 readings ingested",
    "pump 3 restarted",
    "reg no 42",
    "zip archive 12345 bytes uploaded",
    "build 4821937 - acct service deployed",
    "order 1234567 - mbr portal",
    "garbage collected 2024-03-01 12:00 freed 1200 objects",
    "migration checked in 2024-03-02 by ci",
    "sprint follow up 2024-03-05",
    "deployed 2024-03-01 to 2024-03-04 canary",
    "release 2024-03-01 - 2024-03-05 freeze",
    "cron 2024-03-01, 2024-03-02 ok",
    "2024-03-01 patient-export job started",
    "record 2024-01-02 processed",
    "cert serial 0x3F2A91C4 expires 2025-01-01",
    "device sda1 mounted",
    "appt may 5 be moved",
    "deployed Mar 5",
    "veh: 2021 Honda Civic",
    "tag v2.4.1, v2.4.2",
    "git tag V2 (tag)",
    "plate count 96",
    "svc 2025-03-07 deployed",
]


def _logged(tmp_path: Path, messages: list[str]) -> list[str]:
    """The message of each line written for ``messages``, logged as %-arguments, extras and exceptions."""
    path = tmp_path / "out.jsonl"
    handler = hipaalog.configure(app_id="a", platform="p", microservice="billing", sinks=[str(path)])
    log = logging.getLogger("clinic.billing")
    try:
        for message in messages:
            log.info("note: %s", message)
            log.info("support note added", extra={"note": message})
            try:
                raise ValueError(message)
            except ValueError:
                log.exception("task failed")
        handler.flush()
    finally:
        handler.close()
    return path.read_text().splitlines()


@pytest.mark.parametrize(("message", "secrets"), LEAKS)
def test_identifiers_in_log_text_are_masked(tmp_path: Path, message: str, secrets: list[str]) -> None:
    lines = _logged(tmp_path, [message])
    assert len(lines) == 3
    for line in lines:
        text = json.dumps(json.loads(line), ensure_ascii=False)
        assert "REDACTED" in text
        for secret in secrets:
            assert secret not in text, (message, line)


@pytest.mark.parametrize("message", BENIGN)
def test_benign_twins_survive(message: str) -> None:
    assert hipaalog.redact(message) == message


def test_benign_twins_survive_the_logging_path(tmp_path: Path) -> None:
    lines = _logged(tmp_path, BENIGN)
    assert len(lines) == 3 * len(BENIGN)
    assert [line for line in lines if "REDACTED" in line] == []
