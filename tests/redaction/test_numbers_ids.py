"""Numbers and ids without their usual formatting, and look-alikes that must stay (issues 11 and 12)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


def found(text: str) -> list[tuple[str, str]]:
    """``(value, kind)`` of each span the default scan reports (gated, as in production)."""
    return [(text[start:end], kind) for start, end, kind in REDACTOR._scanner.spans(text)]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("OSError: [Errno 2] No such file: '219-09-9999_front.jpg'", "219-09-9999", "SSN"),
        ("stored scan_219-09-9999.png", "219-09-9999", "SSN"),
        ("id 219.09.9999 on file", "219.09.9999", "SSN"),
        ("social 219099999 verified", "219099999", "SSN"),
        ("reach her at 415/555-0134", "415/555-0134", "PHONE"),
        ("tel 4155550134", "4155550134", "PHONE"),
        ("loaded MRN-00482913 from cache", "00482913", "MRN"),
        ("mbr 00482913 eligible", "00482913", "MEMBER_ID"),
        ("chart 00482913 opened", "00482913", "MRN"),
        ("account 123456789012 closed", "123456789012", "ACCOUNT"),
        ("acct 123456789012 closed", "123456789012", "ACCOUNT"),
        ("peer=203.0.113.7 closed", "203.0.113.7", "IP"),
        ("Forwarded: for=203.0.113.7;proto=https", "203.0.113.7", "IP"),
        ("1 validation error for Patient\nbirth_date\n  input_value='03/07/1984'", "03/07/1984", "DOB"),
        ("invalid dateOfBirth value 19840307", "19840307", "DOB"),
        ("Patient.birthDate: value March 7, 1984 is in the future", "March 7, 1984", "DOB"),
        ("ship to Mountain View CA 94043", "94043", "ZIP"),
        ("ship to Mountain View CA 94043", "Mountain View", "ADDRESS"),
        (
            "profile https://www.linkedin.com/in/jane-roe-4b2a opened",
            "https://www.linkedin.com/in/jane-roe-4b2a",
            "URL",
        ),
        ("see https://github.com/janeroe", "https://github.com/janeroe", "URL"),
        ("GET https://fhir.example.org/fhir/Patient/140592", "140592", "URL"),
        ("GET https://x.org/fhir/Observation?patient=140592", "140592", "PATIENT"),
        ("site https://maria-garcia.net/about", "https://maria-garcia.net/about", "URL"),
        ("home page https://example.org/~jroe/", "https://example.org/~jroe/", "URL"),
        ("follow https://mastodon.social/@janeroe", "https://mastodon.social/@janeroe", "URL"),
        ("referer https://garciamaria.me/", "https://garciamaria.me/", "URL"),
        ("contact 2982350357", "2982350357", "PHONE"),  # an area code not assigned yet: still a phone number
        ("Call (791) 733-4041 to reschedule", "(791) 733-4041", "PHONE"),
        ('"GET /api/patients/MR321016/chart HTTP/1.1" 200', "MR321016", "PATIENT"),
        ("path=/v2/members/A1234567?full=1", "A1234567", "MEMBER_ID"),
        ("GET /lookup?request_id=aca9b667&mbr=H765527939&x=1", "H765527939", "MEMBER_ID"),
        ("transport benefit: vehicle E7KZZYT4D75HCR04U registered", "E7KZZYT4D75HCR04U", "VEHICLE"),
        ("pump PM35461299 paired", "PM35461299", "DEVICE"),
        ("callback requested at 4155550134", "4155550134", "PHONE"),
        ("Marvin Valencia (July 13, 1976) checked in", "July 13, 1976", "DOB"),
        ("Sharice Sloan (19340203) checked in", "19340203", "DOB"),
    ],
)
def test_identifier_is_found(text: str, value: str, kind: str) -> None:
    assert (value, kind) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "redis addr=:6379 connected",
        "db addr=db.internal:5432 connected",
        "MSH|^~\\&|LAB|HOSP|EHR|HOSP|20240101123000||ORU^R01|123|P|2.5.1",
        "order AB1234563 shipped",
        "order_id=AB1234563 shipped",
        "version=10.2.3.4 deployed",
        "pkg==10.2.3.4 pinned",
        "status OK 20000 rows",
        "user ID 12345 logged in",
        "release 123.45.6789 rolled out",
        "clone https://github.com/psf/requests",
        "open https://github.com/login",
        "xMRN-00482913",
        "social 900123456 is not issued",
        "tel 1115550134 is not dialable",
        "build 2024-01-02 passed",
        "Patient.birthDate: value is required",
        "UPDATE patients SET last_name = ? WHERE first_name = %s AND dob = :dob AND ssn = $1",
        "WHERE patient_name = %(name)s",
        "GET /api/v1/patients/count 200 in 12ms",
        "work order 4155550134 closed",
        "Build Server (2024-01-02) deployed",
        "Release Notes (March 3, 2024)",
        '"reference": "Patient/12345"',
        "see https://grafana.com/dashboards and https://www.samsung.com/",
        '"url": "https://fhir.example.org/fhir/Observation?_count=20&_getpages=b16b7fca-9f5a-43b0-86ad-1fb202944373"',
        '"fullUrl": "https://fhir.example.org/fhir/Observation/140592"',
    ],
)
def test_look_alike_is_left_alone(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_dea_number_is_still_found_outside_an_order() -> None:
    assert ("AB1234563", "DEA") in found("prescriber DEA AB1234563 on file")


def test_card_number_of_fourteen_digits_that_is_not_a_date_is_found() -> None:
    assert ("30569309025904", "CARD") in found("card 30569309025904 declined")


def test_a_card_next_to_another_number_is_cut_out() -> None:
    assert ("4111 1111 1111 1111", "CARD") in found("ref 200 4111 1111 1111 1111")
    assert ("4111 1111 1111 1111", "CARD") in found("card 4111 1111 1111 1111 200")


@pytest.mark.parametrize(
    "text",
    [
        "ratio=0.5482855597956765",
        "Request(status=200, latency_ms=523.4401472962196)",
        '{"p99": 0.630895803869081}',
        "mean 12.4111111111111116 s",
    ],
)
def test_the_digits_of_a_float_after_its_point_are_no_card(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False))
@settings(max_examples=300, deadline=None)
def test_no_float_repr_is_taken_for_an_identifier(value: float) -> None:
    text = f"Stats(mean={value!r}, n=3)"
    assert REDACTOR.redact_text(text) == text


_SHAPES = st.sampled_from(
    [
        "219-09-9999_x",
        "219.09.9999",
        "415/555-0134",
        "MRN-00482913",
        "mbr 00482913",
        "social 219099999",
        "peer=203.0.113.7",
        "Mountain View CA 94043",
        "birth_date input_value='03/07/1984'",
        "dateOfBirth 19840307",
        "90y",
        "https://github.com/janeroe",
        "jane.roe%40example.com",
        "２１９-０９-９９９９",
        "219\u00a009\u00a09999",
        '\\"ssn\\": \\"219099999\\"',
        "/api/patients/MR321016/chart",
        "?a=1&mbr=H765527939",
        "Jane Roe (03/07/1984)",
        "callback requested at 4155550134",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(_SHAPES, st.sampled_from(["x", "ok", "=", ":", "_", "-", "/", ","])), max_size=5).map(" ".join)
)
def test_gate_keeps_the_new_shapes(text: str) -> None:
    """Gated and ungated scans agree on texts built from the shapes this module adds."""
    scanner = REDACTOR._scanner
    assert scanner.spans(text) == scanner.spans_ungated(text)


def test_message_ids_in_mail_headers_are_not_addresses() -> None:
    """``Message-ID``/``In-Reply-To``/``References`` hold machine-made ids; the same shape elsewhere is an address."""
    text = (
        "Message-ID: <3e2c7cad07c831c7.7291@mail.clinic.example>\n"
        "References: <a1.b2@mx.example.org> <c3@mx.example.org>\n"
        "Reply-To: <jane.roe@example.com>\n"
        "note: <jane.roe@example.com>"
    )
    assert Redactor().redact_text(text) == (
        "Message-ID: <3e2c7cad07c831c7.7291@mail.clinic.example>\n"
        "References: <a1.b2@mx.example.org> <c3@mx.example.org>\n"
        "Reply-To: <[REDACTED:EMAIL]>\n"
        "note: <[REDACTED:EMAIL]>"
    )


def test_a_cue_glued_to_a_field_name_by_equals_is_read() -> None:
    """``data=MRN 00482913``: the cue after ``=`` is a word of its own."""
    assert Redactor().redact_text("got data=MRN 00482913") == "got data=MRN [REDACTED:MRN]"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("lookup ID287-65-4321 done", "287-65-4321", "SSN"),
        ("key=pt287-65-4321", "287-65-4321", "SSN"),
        ("patientSSN287654321 stored", "287654321", "SSN"),
        ("SSN287654321", "287654321", "SSN"),
        ("ssn-287-65-4321 matched", "287-65-4321", "SSN"),
        ("uploaded ssn_287_65_4321.pdf", "287_65_4321", "SSN"),
        ("ValueError: invalid literal for int() with base 10: '287-65-4321x'", "287-65-4321", "SSN"),
        ("ssn 287/65/4321 on file", "287/65/4321", "SSN"),
        ("SS# 287_65_4321", "287_65_4321", "SSN"),
        ("287654321 (SSN) verified", "287654321", "SSN"),
        ("got 287654321 [social] from intake", "287654321", "SSN"),
        ("tel6175550199", "6175550199", "PHONE"),
        ("PH6175550199 reached", "6175550199", "PHONE"),
        ("saved phone_6175550199.vcf", "6175550199", "PHONE"),
        ("mobile-6175550199", "6175550199", "PHONE"),
        ("fax6175550199", "6175550199", "FAX"),
        ("tel617-555-0199", "617-555-0199", "PHONE"),
        ("tel+16175550199", "+16175550199", "PHONE"),
        ("6175550199 (cell) preferred", "6175550199", "PHONE"),
        ("6175550199 home, 6175550188 work", "6175550188", "PHONE"),
        ("6175550199 (fax)", "6175550199", "FAX"),
    ],
)
def test_identifiers_glued_to_a_cue_or_with_odd_separators(text: str, value: str, kind: str) -> None:
    assert (value, kind) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "release v287-65-4321 tagged; build-287-65-4321 ok; order ORD287-65-4321 shipped",
        "job_287_65_4321 done, batch_287654321 queued, /data/287/65/4321 read",
        "span 287654321 (ms) and 287654321 bytes; trace id 6175550199 (ns)",
        "ID6175550199 and acct6175550199 and x-6175550199 and req_6175550199",
        "port:6175550199 and sku6175550199 and ts=1733498112 (epoch)",
        "sha256 abc1287654321 and 1287-65-4321 and 287-65-43210",
    ],
)
def test_glued_look_alikes_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("SmsError: the 'To' number 6175550199 is not a valid phone number.", "6175550199"),
        ("6175550199 is not a mobile number", "6175550199"),
        ("lookup of 6175550199 failed (landline, no SMS)", "6175550199"),
        ("NOK: Odalys Quist 07700 900456", "07700 900456"),
        ("next of kin: Odalys Quist, 0412 345 678", "0412 345 678"),
        ("emergency contact Odalys Quist 07700900456", "07700900456"),
        ("mobile 0049 30 12345678", "0049 30 12345678"),
        ("call 0044 20 7946 0958 after 5", "0044 20 7946 0958"),
        ("Tel. 06 12 34 56 78", "06 12 34 56 78"),
        ("tel 030 1234567", "030 1234567"),
        ("discharged home with wife odalys quist (6175550199).", "6175550199"),
        ("mother Odalys Quist 6175550199", "6175550199"),
    ],
)
def test_phone_numbers_cued_in_their_sentence_or_in_another_countrys_form(text: str, value: str) -> None:
    assert (value, "PHONE") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "processed 6175550199 bytes; phone-home disabled",
        "order 6175550199 shipped, phone support ticket opened",
        "epoch 2175550199 seen by the phone gateway",
        "phone sync: id 6175550199 merged. Next batch 7175550199 queued",
        "build 07700 900456 done; amount 00493012345678; ids 0049 30 1234567 in batch",
        "version 030 1234567 released; contact count 0412 345 678 rows",
        "mother board serial 06 12 34 56 78 x",
        "daughter process 6175550199 exited; sister id 6175550199; brother task 6175550199 done",
    ],
)
def test_number_look_alikes_near_phone_words_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [("phone 6 1 7 5 5 5 0 1 9 9", "6 1 7 5 5 5 0 1 9 9"), ("call 1 6 1 7 5 5 5 0 1 9 9 now", "1 6 1 7 5 5 5 0 1 9 9")],
)
def test_phone_digits_written_one_by_one_after_a_cue(text: str, value: str) -> None:
    assert (value, "PHONE") in found(text)


def test_digits_one_by_one_without_a_cue_stay() -> None:
    text = "matrix 6 1 7 5 5 5 0 1 9 9; phone grid 1 2 3 4 5 6 7 8 9 0 1 2 3"
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    "text",
    ["MR# 5529301", "MR #5529301", "hospital number 5529301", "hosp no 5529301", "lookup failed for MRN5529301"],
)
def test_record_numbers_after_the_short_and_glued_cues_are_masked(text: str) -> None:
    assert "5529301" not in REDACTOR.redact_text(text)


@pytest.mark.parametrize("text", ["hospital id 5529301", "MR imaging 55293 ordered", "MRN1234 is too short"])
def test_other_numbers_near_those_words_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
