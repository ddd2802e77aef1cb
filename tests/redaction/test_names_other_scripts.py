"""Names in a script other than Latin, found by where they stand: a short run in a Latin line, or a whole value."""

from __future__ import annotations

import logging

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._gate import PERSON, gate
from hipaalog.redaction._script_names import script_name_spans
from hipaalog.testing import capture

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("shuttle pickup confirmed for Людмила Сергеевна Орлова at 09:40", "Людмила Сергеевна Орлова"),
        ("copay waived, approved by Георгиев, Стоян", "Георгиев, Стоян"),
        ("portal invite bounced (recipient 박민준)", "박민준"),
        ("wristband printed for 山田 花子 in bay 4", "山田 花子"),
        ("consent form signed by ராஜேஷ் குமார் yesterday", "ராஜேஷ் குமார்"),
        ("translator requested: Ελένη Παπαδοπούλου, ward 3", "Ελένη Παπαδοπούλου"),
        ("visit note cosigned by יעל לוי", "יעל לוי"),
        ("discharge packet mailed to سلمى بنت خالد بن عمر العتيبي", "سلمى بنت خالد بن عمر العتيبي"),
        ("duplicate chart for ПЕТРЕНКО^ОКСАНА^В found", "ПЕТРЕНКО^ОКСАНА^В"),
        ("guardian ناصر Q. الحربي called back", "ناصر Q. الحربي"),
        ("lookup q=Антонюк 1961-03-02", "Антонюк"),
        ("reminder text sent to 4155550143 for สมชาย ใจดี", "สมชาย ใจดี"),
        ("allergy list reviewed with Ганна-Марія Бойко", "Ганна-Марія Бойко"),
        ("Mx. अनीता देशपांडे signed", "अनीता देशपांडे"),
        ("ride booked for Оксана at 10:00", "Оксана"),  # one word: after for/to/with/by/hi, or a query's =
    ],
)
def test_a_short_run_of_another_script_in_a_latin_line_is_a_name(text: str, name: str) -> None:
    assert gate(text) & PERSON
    out = REDACTOR.redact_text(text)
    assert name not in out and "[REDACTED:NAME]" in out
    for part in name.replace(",", " ").replace("^", " ").split():
        if not part[0].isascii():
            assert part not in out


@pytest.mark.parametrize("value", ["최지우", "Оксана Лещенко", "مروان الشامي", "佐藤 健"])
def test_a_whole_value_in_another_script_is_a_name(value: str) -> None:
    out = REDACTOR.redact({"who": value, "q1": "yes"})
    assert out["who"] == "[REDACTED:NAME]" and out["q1"] == "yes"


def test_a_name_in_another_script_as_a_logging_argument() -> None:
    with capture() as logs:
        logging.getLogger("t.scripts").warning("no slot left for %s on Friday", "Богдана Ярош")
    message = logs.messages[-1]
    assert "Богдана" not in message and "Ярош" not in message and "on Friday" in message


@pytest.mark.parametrize(
    "text",
    [
        "TNF-α and IL-1β elevated, β-blocker started",  # Greek letters of science
        "infuse 5 μg/kg/min, ΔT 2s",
        "Ошибка подключения к базе данных, повтор через 5 секунд",  # a localized message
        "Пользователь не найден: id=5",
        "ユーザーが見つかりません: セッションの有効期限が切れました",
        "locale switched to Русский",  # a language's own name
        "ui language: 日本語",
        "Müller-Lüdenscheidt GmbH invoice 2291 paid",  # Latin letters with marks: other detectors' business
        "price 500 ₽, temp 37.2 °C → ok ✓",  # symbols, no letters of a script
        "Привет",  # one word alone: a greeting as much as a name
        "some unicode Привет",  # one word in a Latin line, after no word that introduces a person
        "message Спасибо sent",
    ],
)
def test_text_of_another_script_that_is_no_one_is_kept(text: str) -> None:
    assert list(script_name_spans(text)) == []


@pytest.mark.parametrize(
    "text", ["TNF-α and IL-1β elevated", "Ошибка подключения к базе данных, повтор через 5 секунд"]
)
def test_the_redactor_keeps_those_texts(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
