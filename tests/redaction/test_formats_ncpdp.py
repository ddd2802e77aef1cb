"""NCPDP D.0 pharmacy claims: patient, cardholder and employer fields by id; claim and product fields kept."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._ncpdp import NcpdpDetector

REDACTOR = Redactor()
FS, RS, GS = "\x1c", "\x1e", "\x1d"
PATIENT = ("CY", "W55012873"), ("C4", "19660721"), ("CA", "ODALYS"), ("CB", "QUIST"), ("CM", "12 ALDER ROW")
PATIENT += ("CN", "SALEM"), ("CO", "MA"), ("CP", "01970"), ("CQ", "9785550134"), ("HN", "oq@example.net")
CARD = ("C2", "ZKT440918273"), ("CC", "MILO"), ("CD", "QUIST")
SECRETS = ("W55012873", "19660721", "ODALYS", "QUIST", "12 ALDER ROW", "SALEM", "01970", "9785550134", "ZKT440918273")
HEADER = "610020D0B1    1011234567893     20250301          "


def _raw(fs: str = FS, rs: str = RS, gs: str = GS) -> str:
    card = fs.join(i + v for i, v in CARD)
    patient = fs.join(i + v for i, v in PATIENT)
    return f"{HEADER}{rs}AM04{fs}{card}{rs}AM01{fs}{patient}{gs}AM07{fs}EM1{fs}D2RX5521904{fs}D700093015001"


@pytest.mark.parametrize(
    "text",
    [
        _raw(),
        _raw("\\x1c", "\\x1e", "\\x1d"),
        _raw("<FS>", "<RS>", "<GS>"),
        repr(_raw().encode()),
        "B1|AM04|" + "|".join(i + v for i, v in CARD + PATIENT) + "|D2RX5521904",
        "B1^AM04^" + "^".join(i + v for i, v in CARD + PATIENT),
        "claim rejected 75: " + " ".join(f"{i}={v}" for i, v in CARD + PATIENT if " " not in v),
        'NCPDP reject: CM="12 ALDER ROW" ' + " ".join(f"{i}={v}" for i, v in PATIENT if " " not in v),
    ],
    ids=["control", "escaped", "named", "bytes-repr", "pipe", "caret", "keyed", "keyed-quoted"],
)
def test_person_fields_are_masked(text: str) -> None:
    out = REDACTOR.redact_text(text)
    for secret in SECRETS:
        if secret in text:
            assert secret not in out, (secret, out)
    assert "D2RX5521904" in out or "D2RX5521904" not in text  # the prescription number stays


def test_fields_are_typed_by_id() -> None:
    text = _raw()
    found = {text[a:b]: kind for a, b, kind in NcpdpDetector().find(text)}
    assert found["19660721"] == "DOB" and found["ZKT440918273"] == "MEMBER_ID" and found["W55012873"] == "MRN"
    assert found["01970"] == "ZIP" and found["9785550134"] == "PHONE" and found["MILO"] == "NAME"
    assert "MA" not in found and "EM1" not in found  # the state and the reference qualifier stay


@pytest.mark.parametrize(
    "text",
    [
        ".btn { C2=1; color: red }",
        "GET /search?CA=ON&CB=1 200",
        "B1 response from RELAY switch: AN=A F3=771204 D2=RX5521904 D7 00093015001 F5 12.50",
        "pipeline|CA|CB|done",
        "key CC=ok",
        "grid CA=17 CB=22 ids",
    ],
)
def test_look_alikes_are_not_ncpdp(text: str) -> None:
    assert list(NcpdpDetector().find(text)) == []
    assert REDACTOR.redact_text(text) == text


def test_keyed_values_of_several_words_run_to_the_next_id() -> None:
    text = "rejected: C2=ZKT440918273 CB=O'DOWD CM=41 VIA DEL PRATO CN=EAST MOLINE CO=IL CC=MILO done."
    out = REDACTOR.redact_text(text)
    for secret in ("O'DOWD", "DOWD", "VIA DEL PRATO", "EAST MOLINE", "ZKT440918273", "MILO"):
        assert secret not in out, out
    assert "CO=IL" in out and out.endswith(" done.")


def test_an_apostrophe_inside_a_raw_field_is_part_of_it() -> None:
    text = repr(f"AM01{FS}CM9 RUE D'ORSAY{FS}CNLYON{FS}C5 2".encode())
    out = REDACTOR.redact_text(text)
    assert "ORSAY" not in out and "LYON" not in out and out.endswith('C5 2"')  # repr quotes with " here


def test_a_segment_id_after_a_space_opens_caret_fields() -> None:
    out = REDACTOR.redact_text("claim AM01^C419660721^CAODALYS^COMA")
    assert "19660721" not in out and "ODALYS" not in out and "^COMA" in out
