"""A key written inside a sentence as the cue of its value, epoch counts of care, a tag's key beside a vehicle, a
VIN in small letters with no cue, and a record's number before whose it is; with the benign lines of the same
shapes that must stay."""

from __future__ import annotations

import random
import string

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._checks import vin_ok
from hipaalog.redaction._gate import VIN, gate

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("set admitDt to 2031-03-05", ["2031-03-05"]),
        ("ageYrs is 97", ["97"]),
        ("lookup failed for postCd 14901", ["14901"]),
        ("updating dischargeDate -> 03/09/2031", ["03/09/2031"]),
        ("dob changed from 1931-02-07 to 1931-02-08", ["1931-02-07", "1931-02-08"]),
        ("ageYrs changed from 88 to 105", ["105"]),
        ("mrn: now A8812345", ["A8812345"]),
        ("duplicate `mrn` E2396437", ["E2396437"]),
        ("no match on patientId A6709038", ["A6709038"]),
        ("`birthDate` was '1931-02-07'", ["1931-02-07"]),
        ("admissionDate => 17.07.2031", ["17.07.2031"]),
        ("lastName changed from 'Roe' to 'Doe'", ["Roe", "Doe"]),
    ],
)
def test_a_key_in_a_sentence_masks_its_value(text: str, values: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for value in values:
        assert value not in out.replace("90+", "")


@pytest.mark.parametrize(
    "text",
    [
        "setting maxRetries to 5",
        "cacheTtl is 300",
        "startDate changed from 2031-01-01 to 2031-02-01",  # a report's range: no care
        "birthDate is required",  # no value of its kind
        "ageYrs is 42",  # no age that identifies
        "updatedAt is 1717009200",
        "pageSize => 50, retryCount -> 3",
        "dob: 1931-02-07",  # a key and its value: the key=value reader's, judged there
    ],
)
def test_benign_keys_in_sentences_stay(text: str) -> None:
    out = REDACTOR.redact_text(text)
    if text.startswith("dob:"):
        assert out == "dob: [REDACTED:DOB]"
    else:
        assert out == text


def test_a_name_key_reads_only_a_quoted_name() -> None:
    text = "displayName is Admin Console"
    assert REDACTOR.redact_text(text) == text
    coded = '<code code="J45.909" codeSystem="2.16.840.1.113883.6.1" displayName="Asthma"/>'
    assert REDACTOR.redact_text(coded) == coded


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("patient discharged 1717009200", "1717009200"),
        ("admitted 1717009200123 via ED", "1717009200123"),
        ("deceased 1652059901", "1652059901"),
        ("admitEpoch=1717009200000 ok", "1717009200000"),
        ("dos_ts: 1717009200", "1717009200"),
        ('{"admit_epoch": 1537648576}', "1537648576"),
    ],
)
def test_an_epoch_count_of_care_is_a_date(text: str, value: str) -> None:
    assert value not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "ts=1717009200 created_at=1717009200 expires=1717009200",
        "request admitted 1717009200 by limiter",  # no care in the text
        "message discharged 1717009200123 from queue",
        "job started 1717009200",
    ],
)
def test_system_epochs_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize("key", ["admitEpoch", "admit", "dischargeEpoch", "dos_ts"])
def test_an_epoch_under_a_care_date_key_is_masked_in_a_mapping(key: str) -> None:
    out = REDACTOR.redact({key: 1717009200, "ts": 1717009200, "count": 12})
    assert out == {key: "[REDACTED:DATE]", "ts": 1717009200, "count": 12}


def test_a_small_number_under_admit_stays() -> None:
    assert REDACTOR.redact({"admit": 12345, "admitEpoch": "inpatient"}) == {"admit": 12345, "admitEpoch": "inpatient"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("vehicle tagNo 7XKP221 on file", "7XKP221"),
        ("DMV lookup tagNo: JJX-269", "JJX-269"),
        ("tagNumber=0465VVF vehicle=sedan", "0465VVF"),
        ("plate check tag_number 4ABC123 (auto)", "4ABC123"),
    ],
)
def test_a_glued_tag_key_near_a_vehicle_word_is_a_plate_key(text: str, value: str) -> None:
    assert value not in REDACTOR.redact_text(text)


@pytest.mark.parametrize("text", ["tagNo A1234 for pallet", "imageTagNumber=ABC1234 for build", "tagNo 4411 ok"])
def test_a_glued_tag_key_of_no_vehicle_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


_VIN_VALUES = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True))}
_VIN_VALUES |= {**dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9}
_VIN_VALUES |= dict(zip("STUVWXYZ", range(2, 10), strict=True))
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _vin(rng: random.Random) -> str:
    """A VIN with a valid check digit and a serial of six digits."""
    chars = [rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(11)] + rng.choices(string.digits, k=6)
    chars[3] = rng.choice("GHJKLMNPRSTUVWXYZ")  # a letter no hex digit has, as makers' codes do
    check = sum(_VIN_VALUES[ch] * weight for ch, weight in zip(chars, _WEIGHTS, strict=True)) % 11
    chars[8] = "X" if check == 10 else str(check)
    return "".join(chars)


@pytest.mark.parametrize("seed", range(8))
def test_a_lower_case_vin_whose_check_digit_holds_needs_no_cue(seed: int) -> None:
    vin = _vin(random.Random(seed)).lower()
    assert vin_ok(vin.upper())
    text = f"claim attached {vin} ok"
    assert gate(text) & VIN
    assert vin not in REDACTOR.redact_text(text)


def test_lower_case_ids_of_seventeen_characters_stay() -> None:
    rng = random.Random(7)
    lines = []
    for _ in range(300):
        hexed = "".join(rng.choices("0123456789abcdef", k=13)) + "".join(rng.choices(string.digits, k=4))
        base36 = "".join(rng.choices(string.ascii_lowercase + string.digits, k=17))
        lines += [f"trace {hexed} done", f"id={base36} status=ok"]
    changed = [line for line in lines if REDACTOR.redact_text(line) != line]
    assert len(changed) <= 1, changed


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("opened record E7781234 for patient", "E7781234"),
        ("record MR989101 for pt merged", "MR989101"),
        ("locked record 98976310 for patient review", "98976310"),
    ],
)
def test_a_record_number_before_whose_it_is_is_an_mrn(text: str, value: str) -> None:
    assert REDACTOR.redact_text(text) == text.replace(value, "[REDACTED:MRN]")


@pytest.mark.parametrize(
    "text",
    ["opened record 1234567 for invoice", "record E7781234 for tenant acme", "deleted record 77812 for user 42"],
)
def test_a_record_number_of_something_else_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
