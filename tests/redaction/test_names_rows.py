"""Names in rows, value tuples, column-value pairs and parameter traces, by the cell, its row and its column."""

from __future__ import annotations

import datetime

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._name_rows import row_name_spans

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("rejected: 5512|Дмитриева|Ольга|1961-09-14|F", ["Дмитриева", "Ольга"]),  # another script, a birth date
        ("imported 5512\tहजारिका\tश्याम\t1950-02-01", ["हजारिका", "श्याम"]),  # letters with marks
        (
            "Marguerite Olsen|(555) 301-2211|new\nBramble Hatch|(555) 301-2212|new",
            ["Bramble", "Hatch"],  # dictionary words, in the column of names, beside a phone
        ),
        (
            "SELECT * FROM patient WHERE surname = :1 AND dob = :2 ('Fielding', '1948-02-11')",
            ["Fielding"],  # Oracle's numbered placeholders name the tuple's columns
        ),
        ("SELECT * FROM patients WHERE last_name IN ('Abernathy', 'Quillfeather')", ["Abernathy", "Quillfeather"]),
        ('Patient Load  SELECT * FROM patients WHERE first_name = $1  [["first_name", "Rosalind"]]', ["Rosalind"]),
        (
            "==> Preparing: INSERT INTO member (first_nm, last_nm) VALUES (?, ?)\n"
            "==> Parameters: Wilhelmina(String), Quillfeather(String)",
            ["Wilhelmina", "Quillfeather"],
        ),
        (
            "binding parameter [1] as [VARCHAR] - [Rosalind]\nbinding parameter [2] as [VARCHAR] - [Abernathy]",
            ["Rosalind", "Abernathy"],  # the statement logged apart: the values alone say it
        ),
    ],
)
def test_name_cells_are_masked(text: str, names: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for name in names:
        assert name not in out, out


def test_a_placeholder_numbered_for_oracle_is_no_value() -> None:
    event = {"message": "db", "sql": "SELECT id FROM patient WHERE surname = :1", "params": ["Fielding"]}
    out = REDACTOR.redact_event(event)
    assert out["sql"] == event["sql"] and "Fielding" not in str(out["params"])


@pytest.mark.parametrize(
    "text",
    [
        "code|name|unit\n2093-3|Cholesterol|mg/dL\n2571-8|Triglyceride|mg/dL",
        "sku;product;price\nA-11;Zentrix Hub;19.99\nA-12;Quorra Dock;24.50",
        "PID|1||7788123^^^MRN||DOE^JANE||19850312|F",
    ],
)
def test_rows_without_a_person_stay(text: str) -> None:
    assert list(row_name_spans(text)) == []


def test_a_recent_date_alone_does_not_make_a_row_about_a_person() -> None:
    today = datetime.date.today().isoformat()
    assert list(row_name_spans(f"Zentrix|Compose|{today}|1")) == []
    assert list(row_name_spans(f"مرحبا|تم|{today}|x")) == []
