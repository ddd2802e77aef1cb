"""Record numbers beside a person, dates typed into a search with a name, phones after contact verbs."""

from __future__ import annotations

from typing import Any

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("event", "key"),
    [
        ({"message": "chart opened", "patient_name": "Odalys Brennan", "record_no": "40917733"}, "record_no"),
        ({"message": "chart opened", "mrn": "HX0031277", "recNum": "R-7730192"}, "recNum"),
        ({"message": "bed board", "patient": "Helmut Kratochwil", "visitNumber": "V00413772"}, "visitNumber"),
    ],
)
def test_record_and_visit_numbers_beside_a_person(event: dict[str, Any], key: str) -> None:
    out = REDACTOR.redact_event(event)
    assert out[key] != event[key] and out[key].startswith("[REDACTED:")


@pytest.mark.parametrize(
    "event",
    [
        {"message": "import progress", "record_no": "40917733", "job": "nightly"},
        {"message": "queue", "visitNumber": "V00413772", "status": "ok"},
    ],
)
def test_record_numbers_without_a_person_stay(event: dict[str, Any]) -> None:
    assert REDACTOR.redact_event(event) == event


@pytest.mark.parametrize(
    ("query", "secret"),
    [
        ("Odalys 07/19/1949", "07/19/1949"),
        ("kratochwil 1951-11-02", "1951-11-02"),
        ("Brennan, O 19490719", "19490719"),
        ("Ιωάννης 03.04.1962", "03.04.1962"),
    ],
)
def test_a_date_searched_with_a_name(query: str, secret: str) -> None:
    out = REDACTOR.redact_event({"message": "search", "q": query, "scope": "all"})
    assert secret not in out["q"]


@pytest.mark.parametrize(
    "query",
    ["errors since 2024-01-02", "2024-01-02", "deploys between 2024-01-02 and 2024-01-09"],
)
def test_a_search_of_logs_by_date_stays(query: str) -> None:
    event = {"message": "search", "query": query}
    assert REDACTOR.redact_event(event) == event


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("daughter reachable at 3125550187 after six", "3125550187"),
        ("nurse called Ifeoma at 6175550143, left message", "6175550143"),
        ("pharmacy phoned 2065550119 twice", "2065550119"),
    ],
)
def test_bare_phone_numbers_after_contact_verbs(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    ["upstream reachable at 3125550187 ms", "worker called batch 6175550143 times"],
)
def test_counts_and_durations_after_contact_verbs_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_a_plate_beside_a_vin() -> None:
    out = REDACTOR.redact_event({"message": "valet", "vehicle": {"vin": "2T1BURHE5JC014239", "tag": "8KZW417"}})
    assert out["vehicle"] == {"vin": "[REDACTED:VEHICLE]", "tag": "[REDACTED:VEHICLE]"}


def test_a_tag_without_a_vin_stays() -> None:
    event = {"message": "pushed", "image": {"repository": "billing-api", "tag": "8KZW417"}}
    assert REDACTOR.redact_event(event) == event


@pytest.mark.parametrize(
    "row",
    [
        ["अनीता शर्मा", "19740322", "60611-2047"],
        ["Ковалёва, Дарья", "March 3, 1966", "02139-4301"],
        ["خالد منصور", "3125550187"],
        ["박지훈 님", "07/08/1955"],
    ],
)
def test_a_row_with_a_name_in_another_script_and_what_is_theirs(row: list[str]) -> None:
    out = REDACTOR.redact({"message": "intake", "row": row})["row"]
    assert all(cell.startswith("[REDACTED:") for cell in out), out


@pytest.mark.parametrize(
    "row",
    [
        ["Русский", "ru-RU"],
        ["Главная", "v2.1.0"],
        ["日本語", "ja-JP"],
        ["доставка", "12345"],
        ["Служба доставки заказов клиентам сегодня", "12345"],
    ],
)
def test_rows_of_words_in_another_script_stay(row: list[str]) -> None:
    """A language's name, one word of a label, a sentence: no name, so nothing beside them is a person's. (Two to
    four words of another script alone as a value read as a name, label or not: see test_names_scripts.)"""
    event = {"message": "labels", "row": row}
    assert REDACTOR.redact(event) == event


def test_a_zip_plus_four_in_a_row_about_a_person() -> None:
    out = REDACTOR.redact({"row": ["Odalys Brennan", "1949-07-19", "60611-2047"]})["row"]
    assert out[2] == "[REDACTED:ZIP]"


@pytest.mark.parametrize("key", ["ssn_last_known", "phone_last_known", "lastKnownAddress", "dob_reported"])
def test_qualifiers_of_when_a_value_was_known(key: str) -> None:
    out = REDACTOR.redact({key: "x41"})
    assert out[key] != "x41"


@pytest.mark.parametrize("key", ["phone_verified", "email_confirmed_at", "last_known_good", "ssn_last_known_count"])
def test_flags_and_counts_about_a_value_stay(key: str) -> None:
    event = {key: "x41"}
    assert REDACTOR.redact(event) == event


@pytest.mark.parametrize(
    ("row", "index"),
    [
        (["Odalys Brennan", "06 12 44 90 31"], 1),
        (["Helmut Kratochwil", "+49 30 9012 7731"], 1),
        (["Сидоров^Варфоломей^K", "11/02/1951", "77852"], 0),
    ],
)
def test_phones_in_groups_and_hl7_names_in_rows(row: list[str], index: int) -> None:
    out = REDACTOR.redact({"row": row})["row"]
    assert out[index].startswith("[REDACTED:"), out


def test_a_version_and_spaced_words_beside_a_name_stay() -> None:
    out = REDACTOR.redact({"row": ["Odalys Brennan", "1.2.3", "v 10 20 30"]})["row"]
    assert out[1:] == ["1.2.3", "v 10 20 30"]


def test_a_record_number_in_dashed_groups_beside_a_person() -> None:
    out = REDACTOR.redact({"patient_name": "Odalys Brennan", "record_no": "40917-733"})
    assert out["record_no"] == "[REDACTED:MRN]"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("emergency contact Odalys Brennan 3125550187", "3125550187"),
        ("next of kin: Helmut Kratochwil: (617) 555-0143", "555-0143"),
    ],
)
def test_a_phone_right_after_a_person(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


def test_a_pseudonym_token_of_a_bare_number_under_a_person_key_is_stable() -> None:
    pseudonyms = Redactor(strategy="pseudonym", pseudonym_key="hex:" + "cd" * 32)
    once = pseudonyms.redact({"patient": 100010001})
    assert pseudonyms.redact(once) == once
