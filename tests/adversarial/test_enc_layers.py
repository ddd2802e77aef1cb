"""Values hidden under an encoding layer the detectors read through: quoted-printable, percent-encoding
and entities several times over, odd digit-group separators, and whole tokens in base64 (padded or not),
base32, base85, ascii85 or hex, compressed or not, nested. Benign look-alikes stay as written."""

from __future__ import annotations

import base64
import gzip
import json
import logging
import pickle
import zlib
from typing import Any

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._layers import decoded_layer, text_of

REDACTOR = Redactor()
SSN = "536-22-8174"
MAIL = "odalys.prieto@example.org"
PHONE = "312-555-0178"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _hidden(value: str) -> list[str]:
    """``value`` (found in plain text) under layers a reader or a decoder undoes."""
    plain = f"ssn {value}" if value == SSN else f"contact {value}"
    raw = plain.encode()
    as_json = json.dumps({"ssn": value} if value == SSN else {"email": value}).encode()
    return [
        _b64(raw).rstrip("="),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
        base64.b32encode(raw).decode(),
        base64.b32encode(raw).decode().rstrip("="),
        base64.b85encode(raw).decode(),
        base64.a85encode(raw, adobe=True).decode(),
        raw.hex(),
        raw.hex().upper(),
        _b64(zlib.compress(raw)),
        _b64(gzip.compress(as_json)),
        base64.urlsafe_b64encode(zlib.compress(as_json)).decode().rstrip("="),
        _b64(_b64(raw).encode()),
        _b64(gzip.compress(_b64(as_json).encode())),
        _b64(b"\xff\xfe" + plain.encode("utf-16-le")),
    ]


@pytest.mark.parametrize("value", [SSN, MAIL])
def test_encoded_tokens_are_masked_whole(value: str) -> None:
    for token in _hidden(value):
        out = REDACTOR.redact_text(f"payload {token} done")
        assert token not in out, token
        assert out.startswith("payload ") and out.endswith(" done"), out


@pytest.mark.parametrize(
    "text",
    [
        "contact odalys.prieto=40example.org",
        "contact odalys.prieto=40example=2Eorg",
        "ssn 536=2D22=2D8174",
        "contact odalys.prieto%2540example.org",
        "contact odalys.prieto%25252540example.org",
        "ssn 536%25252D22%25252D8174",
        "contact odalys.prieto&amp;#64;example.org",
        "contact odalys.prieto&amp;commat;example.org",
        "contact odalys.prieto&amp;amp;#x40;example.org",
        "ssn 536 - 22 - 8174",
        "ssn 536\u2009-\u200922\u2009-\u20098174",
        "ssn 536\u301c22\u301c8174",
        "ssn 536_22_8174",
        "ssn 536,22,8174",
        "tel 312\u3001555\u30010178",
        "Phone: 312,555,0178",
    ],
)
def test_character_layers_are_read_through(text: str) -> None:
    out = REDACTOR.redact_text(text)
    assert "[REDACTED:" in out, out
    for digits in ("8174", "0178", "prieto"):
        assert digits not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "GET /items?limit=40&offset=20",
        "layout width=40px height=2Dpx",
        "sizes 512,256,1024 bytes",
        "totals: 310,45,1234 rows",
        "x,536,22,8174",
        "python literal 1_000_000 and 10_000",
        "score 1 - 2 - 3",
        "trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7",
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "class Oauth2ClientCredentialsProvider ready",
        "session " + _b64(b"session:7f3a:renewed"),
        "hex greeting " + b"service warmed up".hex(),
        "base32 " + base64.b32encode(b"cache node rebuilt").decode(),
        "compressed " + _b64(zlib.compress(b"queue depth 14, lag 230 ms")),
        "regex a{1;2}~b|c?d matched",
        "Build 20240105T103000Z ok",
    ],
)
def test_benign_look_alikes_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_decoder_is_bounded() -> None:
    bomb = _b64(zlib.compress(b"a" * 5_000_000))
    text = decoded_layer(bomb)
    assert text is not None
    assert len(text) <= 65536
    assert decoded_layer("A" * 9000) is None
    assert text_of(b"\x00\x01\x02\x03\x04\x05\x06") is None


def test_nesting_is_limited_but_three_layers_are_read() -> None:
    token = f"ssn {SSN}".encode()
    for _ in range(3):
        token = base64.b64encode(token)
    assert decoded_layer(token.decode()) is not None
    assert token.decode() not in REDACTOR.redact_text(f"blob {token.decode()}")


@pytest.mark.parametrize("where", ["message", "arg", "extra", "nested", "exception"])
def test_every_path_reads_through_layers(where: str, caplog: pytest.LogCaptureFixture) -> None:
    from hipaalog.redaction import redact_record

    token = _b64(zlib.compress(f"ssn {SSN}".encode()))
    qp = "odalys.prieto=40example.org"
    kwargs: dict[str, Any] = {}
    msg, args = "payload %s", (token,)
    if where == "message":
        msg, args = f"payload {token} {qp}", ()
    elif where == "extra":
        msg, args, kwargs = "payload", (), {"extra": {"body": f"{token} {qp}"}}
    elif where == "nested":
        msg, args, kwargs = "payload", (), {"extra": {"body": {"items": [[token], {"mail": qp}]}}}
    elif where == "exception":
        msg, args = "payload", ()
    record = logging.LogRecord("enc", logging.INFO, __file__, 1, msg, args, None)
    for key, val in kwargs.get("extra", {}).items():
        setattr(record, key, val)
    if where == "exception":
        record.msg = str(ValueError(f"bad body {token} from {qp}"))
    redact_record(record, REDACTOR)
    seen = record.getMessage() + repr(getattr(record, "body", ""))
    assert token not in seen, seen
    assert qp not in seen, seen


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("patient said social four one seven, twenty-two, eighty-one seventy-four", "four one seven"),
        ("call me at three one two, five five five, zero one seven eight", "zero one seven eight"),
        ("DOB <Arrow [1961-02-03T00:00:00+00:00]>", "1961-02-03"),
        ("born DateTime(1961, 2, 3, 0, 0, 0)", "1961, 2, 3"),
        ("<member><ssn><![CDATA[417228174]]></ssn></member>", "417228174"),
        ("member[ssn]=417228174&step=2", "417228174"),
        ("member%5Bcontact%5D%5Bemail%5D=odalys.prieto%40example.org", "prieto"),
        (repr(bytes([0x82, 0xA3]) + b"ssn" + bytes([0xA9]) + b"417228174"), "417228174"),
        (repr(b"\x80\x04}\x94\x8c\x05email\x94\x8c\x19odalys.prieto@example.org\x94s."), "prieto"),
        (repr(pickle.dumps({"ssn": "417228174", "ward": "B2"})), "417228174"),
    ],
)
def test_spelled_digits_reprs_and_markup_are_read(text: str, hidden: str) -> None:
    out = REDACTOR.redact_text(text)
    assert hidden not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "one two three four items in the queue",
        "retry one, two, three then give up",
        "filter[status]=active&page[size]=20",
        "<config><![CDATA[retries=3]]></config>",
        "update(2024, 1, 5) applied",
        repr(b"\x81\xa3job\xa9rebuild"),
        "b'Caf\\xc3\\xa9 open'",
    ],
)
def test_benign_markup_and_words_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
