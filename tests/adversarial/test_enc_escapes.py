"""Values written in escape and byte forms a reader decodes: octal, ``\\N{...}`` and CSS escapes, hexadecimal
bytes with separators (``73:73:6e``, ``0x73 0x73``), quoted-printable in full, punycode, digits apart with any one
separator, quoted digit groups added together, spelled digits joined by hyphens, an e-mail address spelled with
``at`` and ``dot``, and short base64 of a bare number. Benign look-alikes stay as written."""

from __future__ import annotations

import base64
import unicodedata

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()
SSN = "536-22-8174"
MAIL = "odalys.prieto@example.org"
PLAIN = f"ssn {SSN}"


def _octal(text: str) -> str:
    return "".join(f"\\{ord(ch):03o}" for ch in text)


def _hex_bytes(text: str, separator: str, prefix: str = "") -> str:
    return separator.join(f"{prefix}{byte:02x}" for byte in text.encode())


HIDDEN = {
    "octal": f"note {_octal(PLAIN)}",
    "octal-digits-only": f"ssn {_octal(SSN)}",
    "octal-one-digit": "ssn 536-22-817\\064",
    "named-escapes": "ssn " + "".join(f"\\N{{{unicodedata.name(ch)}}}" for ch in SSN),
    "css-escapes": "content: '" + "".join(f"\\{ord(ch):x} " for ch in PLAIN) + "'",
    "css-six-digits": "x " + "".join(f"\\{ord(ch):06x}" for ch in PLAIN),
    "hex-colons": f"dump {_hex_bytes(PLAIN, ':')}",
    "hex-spaces": f"dump {_hex_bytes(PLAIN, ' ')}",
    "hex-0x": f"bytes {_hex_bytes(PLAIN, ' ', '0x')}",
    "hex-c-array": "{" + _hex_bytes(PLAIN, ", ", "0x") + "}",
    "hex-upper-dashes": f"dump {_hex_bytes(PLAIN, '-').upper()}",
    "hex-mail": f"to {_hex_bytes(MAIL, ' ')}",
    "quoted-printable-full": "body " + "".join(f"={byte:02X}" for byte in PLAIN.encode()),
    "quoted-printable-digits": "ssn " + "".join(f"={byte:02X}" for byte in SSN.encode()),
    "punycode": "host xn--" + f"ssn{SSN}".encode("punycode").decode(),
    "dotted-digits": "ssn 5.3.6.2.2.8.1.7.4",
    "underscored-digits": "ssn 5_3_6_2_2_8_1_7_4",
    "slashed-digits": "ssn 5/3/6/2/2/8/1/7/4",
    "dashed-digits": "ssn 5-3-6-2-2-8-1-7-4",
    "concatenated-groups": "ssn '536' + '22' + '8174'",
    "concatenated-double-quotes": 'ssn = "536" + "22" + "8174"',
    "spelled-with-hyphens": "ssn five-three-six, two-two, eight-one-seven-four",
    "mail-at-dot": "email odalys dot prieto at example dot org",
    "short-base64": "ssn_b64=" + base64.b64encode(SSN.replace("-", "").encode()).decode(),
    "short-base64-dashes": "value " + base64.b64encode(SSN.encode()).decode(),
}


@pytest.mark.parametrize("text", list(HIDDEN.values()), ids=list(HIDDEN))
def test_the_value_is_masked(text: str) -> None:
    out = REDACTOR.redact_text(text)
    assert out != text, out
    for needle in ("8174", "prieto", "8l74"):
        assert needle not in out.lower(), out


BENIGN = [
    "fingerprint de:ad:be:ef:00:11:22:33:44:55:66:77:88:99",
    "sha1 7c 4a 8d 09 ca 37 62 af 61 e5 95 20 94 3d c2 64 94 f8 94 1b",
    "hex dump 48 65 6c 6c 6f 20 77 6f 72 6c 64",  # Hello world: text, but no identifier
    "version 1.2.3.4.5.6.7.8.9 released",
    "path C:\\data\\101\\files and \\N{BULLET} marks",
    "css content: '\\2022 ' and color \\66 \\6f \\6f",
    "mail sent at noon dot matrix printer",
    "host xn--bcher-kva.example",
    "token=QWxhZGRpbjpvcGVu and sid=Zm9vYmFyYmF6",
    "total = '12' + '34' in the sum",
    "rate 1.5.0 at =20 percent",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_text_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
