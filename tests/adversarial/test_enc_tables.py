"""numpy structured arrays and records, pandas frames and rows: their columns are keys, so field-name rules
apply to them in ``extra=``, as ``%r`` arguments and inside other values."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hipaalog.redaction import Redactor, redact_record

np = pytest.importorskip("numpy")

REDACTOR = Redactor()
SSN9 = "417228174"
MAIL = "odalys.prieto@example.org"


def _structured() -> Any:
    return np.array(
        [(SSN9, MAIL, 3), ("529018833", "k.amari@example.net", 5)],
        dtype=[("ssn", "U9"), ("email", "U40"), ("visits", "i4")],
    )


@pytest.mark.parametrize(
    "make",
    [
        _structured,
        lambda: _structured().view(np.recarray),
        lambda: np.rec.fromrecords([(SSN9, MAIL)], names="ssn,email"),
        lambda: _structured()[0],
        lambda: _structured().reshape(2, 1),
    ],
    ids=["structured", "recarray", "fromrecords", "one-record", "2d"],
)
def test_structured_arrays_are_rows_of_fields(make: Any) -> None:
    value = make()
    out = repr(REDACTOR.redact({"rows": value, "nested": [{"batch": value}]}))
    assert SSN9 not in out and MAIL not in out
    assert "[REDACTED:SSN]" in out


def test_structured_array_as_a_percent_r_argument() -> None:
    record = logging.LogRecord("enc", logging.INFO, __file__, 1, "rows %r", (_structured(),), None)
    redact_record(record, REDACTOR)
    message = record.getMessage()
    assert SSN9 not in message and MAIL not in message and "visits" in message


def test_plain_arrays_and_other_columns_stay() -> None:
    out = REDACTOR.redact(
        {"counts": np.arange(4), "rows": np.array([(3, "B2")], dtype=[("visits", "i4"), ("ward", "U4")])}
    )
    assert out["counts"] == [0, 1, 2, 3]  # a numeric array: the JSON array of its numbers
    assert out["rows"] == [{"visits": 3, "ward": "B2"}]


def test_long_tables_are_bounded() -> None:
    rows = np.zeros(1000, dtype=[("ssn", "U9"), ("visits", "i4")])
    out = REDACTOR.redact({"rows": rows})["rows"]
    assert len(out) == 201 and "800 more rows" in out[-1]


def test_pandas_frames_and_rows() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"ssn": [SSN9], "email": [MAIL], "ward": ["B2"]})
    for value in (frame, frame.iloc[0], frame.to_records(index=False)):
        out = repr(REDACTOR.redact({"value": value}))
        assert SSN9 not in out and MAIL not in out and "B2" in out
