"""Detectors see a text as a reader would: escapes, percent-encoding, entities, Unicode forms, repr quotes.

Each value is written the way it reaches logs in the wild; what is masked must be exactly the
original characters that spelled it, and the rest of the text must come out unchanged.
"""

from __future__ import annotations

import json
import urllib.parse

import pytest

from hipaalog.redaction import Redactor, by_callable
from hipaalog.redaction._normalize import may_need_view, reader_view

REDACTOR = Redactor()

_SSN = "219-09-9999"
_EMAIL = "jane.roe@example.com"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"upload failed: {json.dumps(json.dumps({'ssn': _SSN}))}", "219"),  # JSON inside JSON, as a message
        ('event={\\"ssn\\": \\"219099999\\"}', "219099999"),  # one level of escapes, bare digits under a key
        ('{\\\\\\"ssn\\\\\\": \\\\\\"219099999\\\\\\"}', "219099999"),  # two levels
        (f"unsubscribe {urllib.parse.quote(_EMAIL)}", "roe%40"),
        (f"GET /lookup?q={urllib.parse.quote(_EMAIL, safe='')}&x=1", "example.com"),
        ("ssn 219%2D09%2D9999 rejected", "9999"),
        ("contact jane.roe\\u0040example.com", "roe"),
        ("contact jane.roe\\x40example.com", "roe"),
        ("mail jane.roe&#64;example.com now", "roe"),
        ("mail jane.roe&#x40;example.com now", "roe"),
        ("id ２１９-０９-９９９９ on file", "９９９９"),  # full-width digits
        ("id ٢١٩-٠٩-٩٩٩٩ on file", "٩٩٩٩"),  # Arabic-Indic
        ("id 𝟐𝟏𝟗-𝟎𝟗-𝟗𝟗𝟗𝟗 on file", "𝟗𝟗𝟗𝟗"),  # mathematical bold digits
        ("id ２１９－０９－９９９９ on file", "９９９９"),  # full-width dash
        ("id 219\u00a009\u00a09999 on file", "9999"),  # no-break spaces
        ("id 219\u202f09\u202f9999 on file", "9999"),  # narrow no-break spaces
        ("id 219\u200909\u20099999 on file", "9999"),  # thin spaces
        ("id 219\u201109\u20119999 on file", "9999"),  # non-breaking hyphens
        ("id 219\u201309\u20139999 on file", "9999"),  # en dashes
        ("id 219\u200b-09-9999 on file", "9999"),  # a zero-width space inside
        ("call 415\u2012555\u20120134", "0134"),  # figure dashes in a phone number
        ("call 415\u00b7555\u00b70134", "0134"),  # middle dots in a phone number
        ("payload {'name': 'Jane Roe', 'ssn': '219099999'}", "Roe"),  # a dict's repr
        ("Patient(name='Jane Roe', mrn='00482913')", "Roe"),  # a dataclass repr
        ("note: 'Jane Roe' called", "Roe"),
        ("frame b'\\x0bMSH|^~\\\\&|A|B\\rPID|1||12345^^^MRN||ROE^JANE||19800101\\r'", "ROE"),  # bytes repr
    ],
)
def test_values_in_other_forms_are_masked(text: str, secret: str) -> None:
    out = REDACTOR.redact_text(text)
    assert secret not in out, out
    assert "[REDACTED:" in out


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("a jane.roe%40example.com b", "jane.roe%40example.com"),
        ("a 219\u00a009\u00a09999 b", "219\u00a009\u00a09999"),
        ("a ２１９-０９-９９９９ b", "２１９-０９-９９９９"),
        ('a \\"ssn\\": \\"219-09-9999\\" b', "219-09-9999"),
        ("a jane.roe&#64;example.com b", "jane.roe&#64;example.com"),
    ],
)
def test_exactly_the_original_characters_are_masked(text: str, masked: str) -> None:
    spans = REDACTOR._scanner.spans(text)
    assert [text[start:end] for start, end, _ in spans] == [masked]


@pytest.mark.parametrize(
    "text",
    [
        "plain ascii with 100% of the checks done & nothing else",
        "path C:\\new\\table opened",
        "café au lait — a long dash, “quotes” and ½ cup",
        "it's the user's 'choice', isn't it",
        "discount 20%, tax 8% & shipping",
    ],
)
def test_other_text_is_left_alone(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_plain_ascii_text_needs_no_view() -> None:
    assert not may_need_view("GET /api/v1/claims/12 returned 200 in 3.1 ms")
    assert reader_view("no trigger here at all") is None
    assert reader_view("100% & nothing to decode") is None


def test_the_view_maps_every_span_back_to_its_source() -> None:
    text = "x \\\\\\u0040 %41%42 &amp; ３ \u00ad y"
    view = reader_view(text)
    assert view is not None
    assert view.text == "x \\@ AB & 3  y"
    assert text[slice(*view.original(2, 4))] == "\\\\\\u0040"
    assert text[slice(*view.original(5, 7))] == "%41%42"
    assert text[slice(*view.original(8, 9))] == "&amp;"
    assert text[slice(*view.original(10, 11))] == "３"
    assert text[slice(*view.original(13, 14))] == "y"


def test_might_find_sees_through_encodings() -> None:
    """The record path's joined-text check must not call an encoded value clean."""
    scanner = REDACTOR._scanner
    assert scanner.might_find("jane.roe%40example.com")
    assert scanner.might_find("id ２１９-０９-９９９９")
    assert not scanner.might_find("caf\u00e9 ok")


def test_a_record_carrying_encoded_phi_is_redacted() -> None:
    out = REDACTOR.redact({"note": "mail jane.roe%40example.com", "tags": ["id 219\u00a009\u00a09999"]})
    assert "roe" not in json.dumps(out, ensure_ascii=False)
    assert "9999" not in json.dumps(out, ensure_ascii=False)


def test_custom_detectors_read_the_text_as_written() -> None:
    seen: list[str] = []

    def record(text: str) -> list[tuple[int, int]]:
        seen.append(text)
        return []

    redactor = Redactor(rules=[by_callable(record, "ID")])
    out = redactor.redact_text("mail jane.roe%40example.com now")
    assert seen == ["mail jane.roe%40example.com now"]
    assert out == "mail [REDACTED:EMAIL] now"


def test_form_encoded_values_read_with_spaces() -> None:
    """In a form-encoded value ``+`` is a space (``q=phone+415-555-0134``); ``%2B`` stays a plus sign."""
    redactor = Redactor()
    assert redactor.redact_text("GET /search?q=phone+415-555-0134&name=Jane+Roe HTTP/1.1") == (
        "GET /search?q=phone+[REDACTED:PHONE]&name=[REDACTED:NAME] HTTP/1.1"
    )
    assert redactor.redact_text("q=c%2B%2B+tutorial&a=1+2") == "q=c%2B%2B+tutorial&a=1+2"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("birthDate=datetime.date(1955, 6, 7), x", "datetime.date(1955, 6, 7)"),
        ("admitted datetime.date(2024, 1, 5) ok", "datetime.date(2024, 1, 5)"),
        (
            "seen at datetime.datetime(2024, 1, 5, 10, 30, tzinfo=datetime.timezone.utc) ok",
            "datetime.datetime(2024, 1, 5, 10, 30, tzinfo=datetime.timezone.utc)",
        ),
        ("dob: date(1955, 6, 7)", "date(1955, 6, 7)"),
    ],
)
def test_date_objects_printed_as_reprs_are_read_as_dates(text: str, masked: str) -> None:
    """A ``date`` or ``datetime`` repr is read as the ISO date it holds: the cue before it counts,
    and the whole repr is masked (not its year alone, which left month and day behind)."""
    out = REDACTOR.redact_text(text)
    assert masked not in out and ", 6, 7)" not in out and ", 1, 5" not in out
    assert out.count("[REDACTED:") == 1


@pytest.mark.parametrize(
    "text",
    ["('Garcia', 'Maria', datetime.date(1955, 6, 7))", "(datetime.date(1955, 6, 7), 'Garcia', 'Maria')"],
)
def test_rows_holding_date_reprs_are_still_read_as_rows(text: str) -> None:
    out = REDACTOR.redact_text(text)
    assert "Garcia" not in out and "Maria" not in out and "1955" not in out


def test_a_build_date_without_a_cue_stays() -> None:
    assert REDACTOR.redact_text("build datetime.date(2024, 1, 5)") == "build datetime.date(2024, 1, 5)"


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("cache hit {b'last_name': b'Okonkwo', b'ssn': b'287654321'}", ["Okonkwo", "287654321"]),
        ('{"surname": b"Okonkwo"}', ["Okonkwo"]),
    ],
)
def test_bytes_reprs_under_a_phi_key_mask_their_value(text: str, secrets: list[str]) -> None:
    """``b'...'`` after a key: the value inside the quotes is masked (the ``b`` prefix was)."""
    out = REDACTOR.redact_text(text)
    assert not [secret for secret in secrets if secret in out], out


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("patient Josefa Ibáñez admitted", ["Josefa", "Ibáñez"]),
        ("Dear Ms. Núñez,", ["Núñez"]),
        ("Mrs. Brigitte Schröder called", ["Schröder"]),
        ("Muñoz, Josefa", ["Muñoz"]),
        ("patient Zofia Wójcik seen", ["Wójcik"]),
        ("patient Océane Lefèvre seen", ["Océane", "Lefèvre"]),
        ("patient Jane Dương born 1990-01-01", ["Dương"]),
        ("patient Jose\u0301 Mun\u0303oz admitted", ["Mun\u0303oz"]),  # decomposed accents (NFD)
        ("contact tomas.berg@bücher.example", ["tomas.berg"]),
        ("call 3\u030012-748-2290", ["748-2290"]),  # a combining mark inside the number
        ("call 312\ufe0f-748-2290", ["748-2290"]),  # a variation selector
        ("mail jane\U000e0020.roe@example.com", ["roe@example.com"]),  # a tag character
        ("contact kim.lee%2540example.com", ["kim.lee"]),  # percent-encoded twice
        ("tel 3127482290.0", ["3127482290"]),  # a phone number held in a float or Decimal
        ("SSN 287654321.0", ["287654321"]),
    ],
)
def test_letters_with_marks_and_hidden_characters_are_read_as_plain(text: str, secrets: list[str]) -> None:
    """Latin letters with marks read as their ASCII letters (names, e-mail domains); invisible and
    combining characters inside a number are dropped; a number printed as a float reads as its digits."""
    out = REDACTOR.redact_text(text)
    assert not [secret for secret in secrets if secret in out], out


@pytest.mark.parametrize("text", ["Straße 12 in München", "café opened at 9", "HTTP/1.0 took 12345678.0 ms"])
def test_text_with_marks_and_floats_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [("patient Mar\u0456sol P\u0435rry", "P\u0435rry"), ("mail j\u0430ne.roe@example.com", "roe@example.com")],
)
def test_latin_words_with_look_alike_letters_read_as_latin(text: str, secret: str) -> None:
    """A Cyrillic or Greek look-alike inside a Latin word (``е`` for ``e``) hides nothing."""
    assert secret not in REDACTOR.redact_text(text)


def test_words_wholly_in_another_script_are_not_rewritten() -> None:
    view = reader_view("ok \u041f\u0440\u0438\u0432\u0435\u0442 ok")
    assert view is None or "\u041f\u0440\u0438\u0432\u0435\u0442" in view.text


@pytest.mark.parametrize(
    "text",
    [
        "patient DOB Timestamp('1961-02-03 00:00:00') admitted Timestamp('2024-01-05 10:30:00')",
        "DOB numpy.datetime64('1961-02-03T00:00')",
        "DOB np.datetime64('1961-02-03')",
        "born time.struct_time(tm_year=1961, tm_mon=2, tm_mday=3, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=4)",
    ],
)
def test_date_objects_of_pandas_numpy_and_time_read_as_dates(text: str) -> None:
    out = Redactor().redact_text(text)
    assert "1961" not in out and "[REDACTED:DOB]" in out, out


def test_a_system_timestamp_object_without_a_cue_stays() -> None:
    text = "job finished at Timestamp('2024-01-05 10:30:00')"
    assert Redactor().redact_text(text) == text
