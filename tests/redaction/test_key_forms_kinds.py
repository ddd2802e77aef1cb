"""How a kind's field is named and compared: timestamps and range ends of care dates, numbered keys in text,
SQL comparisons, abbreviated plate keys; and the benign fields beside them that must stay."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    "key",
    ["admitTs", "dischargeTs", "admission_timestamp", "admit_dttm", "dischTs", "dc_date", "dcDt"],
)
def test_a_care_event_named_with_a_timestamp_word_is_masked(key: str) -> None:
    out = REDACTOR.redact({key: "2031-07-19T10:00", "request_id": "r-1"})
    assert out[key] == "[REDACTED:DATE]"
    assert out["request_id"] == "r-1"


@pytest.mark.parametrize("key", ["dosFrom", "dos_to", "serviceDateFrom", "svcDtThru", "admitDateStart", "dobFrom"])
def test_one_end_of_a_range_of_a_care_date_is_masked(key: str) -> None:
    out = REDACTOR.redact({key: "2031-07-19"})
    assert "2031" not in str(out)


@pytest.mark.parametrize(
    "value",
    [
        {"dateFrom": "2031-07-19"},  # a report's range: no event of anyone's care
        {"startDate": "2031-07-19"},
        {"eventTs": "2031-07-19T10:00:00Z"},  # the record's own time
        {"serviceTime": "2031-07-19T10:00"},  # a service of the system
        {"ageTo": "95"},  # no age key with a range end: a filter's bound
    ],
)
def test_range_and_record_times_are_kept(value: dict[str, object]) -> None:
    assert REDACTOR.redact(value) == value


@pytest.mark.parametrize(
    "text",
    [
        "GET /api/v1/search?zip5=70473&limit=20",
        "addr_zip4=70473-1234 svc=intake",
        "zip5: 70473",
    ],
)
def test_a_key_numbered_after_its_word_is_read_in_text(text: str) -> None:
    assert "70473" not in REDACTOR.redact_text(text)


def test_a_numbered_non_phi_key_stays() -> None:
    text = "v2=70473 sha1=70473 http2=on"
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "SELECT id FROM visits WHERE ageYrs >= 101 AND status = 'open'",
        "DELETE FROM holds WHERE admitTs <= '2031-07-19' AND id = 4",
        "UPDATE claims SET paid = 1 WHERE dob != '1931-02-03'",
        "SELECT * FROM v WHERE zipCode >= 14901",
    ],
)
def test_a_value_compared_with_a_phi_column_is_masked(text: str) -> None:
    out = REDACTOR.redact_text(text)
    assert out != text
    for value in ("101", "2031-07-19", "1931-02-03", "14901"):
        assert value not in out


def test_comparisons_on_other_columns_stay() -> None:
    text = "SELECT id FROM jobs WHERE retries >= 3 AND created_at <= '2031-07-19' AND port != 5432"
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize("key", ["licPlate", "lic_plate_no", "autoPlate", "regPlateNo"])
def test_an_abbreviated_plate_key_is_a_vehicle_key(key: str) -> None:
    out = REDACTOR.redact({key: "KMY5915"})
    assert out[key] == "[REDACTED:VEHICLE]"


@pytest.mark.parametrize("text", ["carPlate=EMT 8105 status=ok", "plate: XJG 3587, zip=1", "licPlate='B MW 123'"])
def test_a_plate_in_two_groups_is_masked_whole(text: str) -> None:
    out = REDACTOR.redact_text(text)
    assert "8105" not in out and "3587" not in out and "MW 123" not in out


def test_a_word_after_a_plate_key_stays() -> None:
    assert REDACTOR.redact_text("plate: ABC foo") == "plate: ABC foo"


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("ptdob", "'1931-02-03'"),
        ("patientage", "97"),
        ("citynm", "'Elmira'"),
        ("postcd", "14901"),
        ("dosfrom", "'2031-07-19'"),
        ("vehiclevin", "'1HGCM82633A004352'"),
        ("ptmrn", "'MR0048213'"),
    ],
)
def test_a_column_folded_to_lower_case_is_read_by_its_words(column: str, value: str) -> None:
    out = REDACTOR.redact_text(f"SELECT id FROM visits WHERE {column} = {value} AND active = 1")
    assert value.strip("'") not in out


def test_folded_columns_of_no_phi_stay() -> None:
    text = "SELECT id FROM jobs WHERE buildno = 4411 AND cacheage = 97 AND parentid = 5 AND datefrom = '2031-07-19'"
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("GET /api/v1/vehicles/4TGW943/visits?x=1 200", "4TGW943"),
        ("GET /api/v1/plates/ABC-1234 200", "ABC-1234"),
        ("VIN 4k1h54dm96s8p5yba on claim", "4k1h54dm96s8p5yba"),
        ("vin: 1hgcm82633a004352 ok", "1hgcm82633a004352"),
    ],
)
def test_a_vehicle_in_a_path_or_a_lower_case_vin_after_its_cue_is_masked(text: str, value: str) -> None:
    assert value not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "GET /api/vehicles/search?limit=20 200",
        "GET /vehicles/count 200",
        "trace 4bf92f3577b34da6a3ce929d0e0e4736 id abcdefgh1jklm2345",  # small letters with no cue: no VIN
    ],
)
def test_vehicle_routes_and_uncued_lower_case_tokens_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
