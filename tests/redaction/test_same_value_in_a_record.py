"""A value masked in one place of a record is masked wherever else the record holds it (fields, nested containers,
the message, exception text; as a string, a number or bytes), whichever comes first; and the keys, dates and rows
that say a value is a person's: key words with a type suffix or in a German compound, birth-date abbreviations,
dates written with another language's month name, and the identifier in a row beside a person's e-mail or phone."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

import hipaalog
from hipaalog.redaction import Redactor
from hipaalog.redaction._keys import DEFAULT_CATALOGUE
from hipaalog.redaction._record_repeats import MOST, echoed, learn
from hipaalog.redaction._values import full_date


def _text(tmp_path: Path, message: str, *args: object, exc: BaseException | None = None, **extra: Any) -> str:
    """The JSON line written through :func:`hipaalog.configure` for one record, as text."""
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "out.jsonl"
    handler = hipaalog.configure(app_id="a", platform="p", microservice="intake", sinks=[str(path)])
    try:
        logger = logging.getLogger("clinic.intake")
        if exc is None:
            logger.info(message, *args, extra=extra)
        else:
            try:
                raise exc
            except type(exc):
                logger.exception(message, *args, extra=extra)
        handler.flush()
    finally:
        handler.close()
    (line,) = path.read_text().splitlines()
    json.loads(line)
    return line


# -- the same value elsewhere in the record ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("secret", "extra"),
    [
        ("388166573", {"n": 388166573, "ssn": "388166573"}),  # the copy first, as a number
        ("388166573", {"ssn": "388166573", "n": 388166573}),
        ("388166573", {"m": b"388166573", "patient": {"ssn": "388166573"}}),
        ("388166573", {"meta": {"a": ["see 388166573 here"]}, "patient": {"ssn": "388166573"}}),
        ("W123456789", {"ref": "W123456789", "member_id": "W123456789"}),
        ("4155550132", {"x": 4155550132, "phone": "4155550132"}),
        ("998877665", {"account_number": "998877665", "k": "998877665"}),
        ("MRN5566778", {"x": ("MRN5566778",), "mrn": "MRN5566778"}),
    ],
)
def test_a_masked_value_is_masked_in_the_other_fields_too(tmp_path: Path, secret: str, extra: dict[str, Any]) -> None:
    line = _text(tmp_path, "saved", **extra)
    assert secret not in line, line


@pytest.mark.parametrize(
    ("message", "args"),
    [("lookup %s done", ("388166573",)), ("lookup %d done", (388166573,)), ("lookup %(n)s", ({"n": 388166573},))],
)
def test_a_masked_field_masks_its_value_in_the_message(tmp_path: Path, message: str, args: tuple[Any, ...]) -> None:
    line = _text(tmp_path, message, *args, ssn="388166573")
    assert "388166573" not in line, line
    assert "lookup" in json.loads(line)["message"]


def test_a_masked_field_masks_its_value_in_the_exception(tmp_path: Path) -> None:
    line = _text(tmp_path, "failed", exc=ValueError("no row for 388166573"), ssn="388166573")
    assert "388166573" not in line, line
    assert "no row for" in line


def test_a_value_seen_once_or_short_is_left_alone(tmp_path: Path) -> None:
    line = _text(tmp_path, "order %s of %s", "77120", "19", order="77120", ssn="388166573")
    assert "77120" in line and "388166573" not in line, line


def test_redact_event_masks_copies_of_a_masked_value() -> None:
    event = {"message": "sent W123456789", "ref": "W123456789", "x": 4155550132, "member_id": "W123456789"}
    out = Redactor().redact_event({**event, "phone": "4155550132"})
    assert out["message"] == "sent [REDACTED:MEMBER_ID]" and out["ref"] == "[REDACTED:MEMBER_ID]", out
    assert out["x"] == "[REDACTED:PHONE]", out


def test_echoes_stay_bounded_and_keep_word_boundaries() -> None:
    echoes: dict[str, str] = {}
    original = {"ssn": [f"3881665{i:02d}" for i in range(MOST + 8)]}
    clean = {"ssn": ["[REDACTED:SSN]"] * (MOST + 8)}
    assert learn(original, clean, DEFAULT_CATALOGUE, echoes)
    assert len(echoes) == MOST
    assert echoed("id 1388166500 and 388166500", echoes) == "id 1388166500 and [REDACTED:SSN]"
    assert echoed({"a": (388166500, b"388166500")}, echoes) == {"a": ("[REDACTED:SSN]", "[REDACTED:SSN]")}


def test_only_identifier_kinds_are_echoed() -> None:
    echoes: dict[str, str] = {}
    assert not learn({"zip": "10863", "city": "Wuppertal"}, {"zip": "[REDACTED:ZIP]", "city": "[REDACTED:ADDRESS]"},
                     DEFAULT_CATALOGUE, echoes)  # fmt: skip
    assert echoes == {}


# -- keys -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "value", "secret"),
    [
        ("ssn_int", 388166573, "388166573"),
        ("ssn_number_int", "388166573", "388166573"),
        ("memberid_int", 77310042, "77310042"),
        ("mrn_long", 55012345, "55012345"),
        ("Patientenname", "Greta Vollmer", "Vollmer"),
        ("Kundentelefon", "0171 2345678", "2345678"),
        ("Mitgliedsnummer", "A99120331", "A99120331"),
        ("Geburtsort", "Wuppertal", "Wuppertal"),
        ("fnac", "1961-03-04", "1961-03-04"),
        ("f_nac", "04/03/1961", "04/03/1961"),
        ("fec_nac", "1961-03-04", "1961-03-04"),
        ("dnaiss", "04.03.1961", "04.03.1961"),
        ("date_naiss", "1961-03-04", "1961-03-04"),
        ("nascimento", "1961-03-04", "1961-03-04"),
    ],
)
def test_key_words_with_suffixes_compounds_and_abbreviations_are_phi_keys(
    tmp_path: Path, key: str, value: object, secret: str
) -> None:
    assert DEFAULT_CATALOGUE.info(key).kind is not None
    assert secret not in _text(tmp_path, "saved", **{key: value})


@pytest.mark.parametrize(
    "key", ["ssn_check_enabled", "dob_format", "port_int", "Dateiname", "Hostname", "Kundenservice", "Patientenzahl"]
)
def test_keys_about_settings_and_machines_stay_plain(key: str) -> None:
    assert DEFAULT_CATALOGUE.info(key).kind is None


# -- dates with month names in other languages ----------------------------------------------------------------
_FOREIGN_DATES = [
    "29 avril 2024",
    "3 de agosto de 2022",
    "6. März 2021",
    "2 août 2021",
    "1er janvier 2023",
    "15 de março de 2020",
    "7 settembre 1949",
    "14. OKTOBER 1958",
    "24 novembre 1954",
    "2. August 1949",
]


@pytest.mark.parametrize("date", _FOREIGN_DATES)
def test_a_date_with_a_foreign_month_name_is_a_full_date(date: str) -> None:
    assert full_date(date)


@pytest.mark.parametrize("date", _FOREIGN_DATES)
def test_a_foreign_date_beside_a_person_or_under_a_birth_key_is_masked(tmp_path: Path, date: str) -> None:
    year = date[-4:]
    assert year not in _text(tmp_path / "appt", "saved", appt={"patient": {"name": "Jo Roe"}, "start": date})
    assert year not in _text(tmp_path / "dob", "saved", dob=date)
    assert year not in _text(tmp_path / "seen", "saved", patient={"name": "Greta Vollmer", "seen": [date]})
    assert year not in _text(tmp_path / "notes", "saved", patient={"mrn": "A7731904"}, notes={"when": date})


@pytest.mark.parametrize("text", ["build 12 2021", "v2 out 2020", "set 3 of 2021", "mars 2024 release"])
def test_text_with_month_words_that_is_no_full_date_stays(text: str) -> None:
    assert not full_date(text)


# -- identifiers in a row beside a person's e-mail or phone ---------------------------------------------------
@pytest.mark.parametrize(
    ("secret", "rows"),
    [
        ("H639278545", [[b"H639278545", ("someone@mail.example",)]]),
        ("H639278545", [("H639278545", "415-555-0132")]),
        ("XK88231", [["XK88231", b"someone@mail.example"], ["QZ11223", "other@mail.example"]]),
        ("123-456-789", [("123-456-789", "someone@mail.example")]),
        ("77310042", [(77310042, "someone@mail.example")]),
    ],
)
def test_an_id_in_a_row_beside_a_persons_email_or_phone_is_masked(tmp_path: Path, secret: str, rows: Any) -> None:
    assert secret not in _text(tmp_path, "saved", rows=rows)


@pytest.mark.parametrize(
    "row",
    [
        ("db01.internal", 5432, "3f2b8c1e-1d2a-4b7e-9a57-0c1d2e3f4a5b"),
        ("build-20240501", "ci@build.example"),
        ("v1.24.3", "release@corp.example"),
        ("us-east-1", "i-0abc123def4567890", "ops@corp.example"),
        ("JIRA-4512", "support@corp.example"),
    ],
)
def test_rows_of_machine_data_and_service_mail_stay(tmp_path: Path, row: tuple[Any, ...]) -> None:
    line = _text(tmp_path, "saved", rows=[row])
    assert "REDACTED" not in line, line
