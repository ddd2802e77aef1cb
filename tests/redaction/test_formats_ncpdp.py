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


# -- separators written as '*' or '~', ids printed as a dict's keys, a claim parsed into a mapping ----------
PARSED = {"C2": "XQ40567332", "CC": "MARY", "CD": "NOLAN", "C1": "GRP515310", "CY": "W2269420", "C4": "19340213"}
PARSED |= {"CA": "SARAH", "CB": "NOLAN", "CM": "FLAT 3 CHAMBERS ISLE", "CN": "PORT KEVINSTAD", "CP": "06225"}
PARSED |= {"CQ": "2104352386", "CO": "OH", "C5": "2", "D2": "349857805", "D7": "61377076919", "DB": "1679576722"}
PARSED_SECRETS = ("XQ40567332", "MARY", "NOLAN", "GRP515310", "W2269420", "19340213", "SARAH", "CHAMBERS", "KEVINSTAD")
PARSED_SECRETS += ("06225", "2104352386")


@pytest.mark.parametrize(
    ("field", "segment"),
    [("*", "~"), ("*", "*"), ("~", "|"), ("~", "~"), ("|", "~")],
    ids=["star-tilde", "star", "tilde-pipe", "tilde", "pipe-tilde"],
)
def test_fields_after_a_star_or_a_tilde_are_masked(field: str, segment: str) -> None:
    text = "claim " + _raw(field, segment, segment)
    out = REDACTOR.redact_text(text)
    for secret in SECRETS:
        assert secret not in out, (secret, out)
    assert f"{field}COMA" in out and f"{field}EM1" in out  # the state and the qualifier stay


@pytest.mark.parametrize("dumps", [repr, __import__("json").dumps], ids=["repr", "json"])
def test_a_claim_printed_as_a_dict_is_masked(dumps: object) -> None:
    out = REDACTOR.redact_text("B1 request " + dumps(PARSED))  # type: ignore[operator]
    for secret in PARSED_SECRETS:
        assert secret not in out, (secret, out)
    assert ('"CO": "OH"' in out) or ("'CO': 'OH'" in out)  # the state stays


def test_a_claim_parsed_into_a_mapping_is_masked_and_its_ndc_kept() -> None:
    out = REDACTOR.redact({"event": "claim sent", "claim": dict(PARSED, C4=19340213)})
    claim = out["claim"]
    for key in ("C2", "CC", "CD", "C1", "CY", "C4", "CA", "CB", "CM", "CN", "CP", "CQ"):
        assert claim[key].startswith("[REDACTED"), (key, claim)
    assert claim["D2"] == "349857805" and claim["D7"] == "61377076919" and claim["DB"] == "1679576722"
    assert claim["CO"] == "OH" and claim["C5"] == "2"


@pytest.mark.parametrize(
    "value",
    [
        {"CA": 4, "CB": 7, "CC": 0, "CD": 2},
        {"CA": "/etc/ssl/ca.pem", "CC": "ops@example.com"},
        {"CA": "Let's Encrypt R3", "CN": "api.example.com"},
        {"CA": "ON", "C2": "x"},
    ],
    ids=["grid", "certificate-and-copy", "issuer", "no-digits"],
)
def test_mappings_that_are_not_claims_stay(value: dict[str, object]) -> None:
    assert REDACTOR.redact(value) == value
    assert REDACTOR.redact_text(repr(value)) == repr(value)


def test_a_grid_of_keyed_numbers_stays() -> None:
    text = "CA=4 CB=7 CC=0 CD=2 totals for region"
    assert REDACTOR.redact_text(text) == text
