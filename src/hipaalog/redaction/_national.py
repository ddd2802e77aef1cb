"""National identifiers and postal codes of other countries, after the word that names them in text.

``CPF 123.456.789-09``, ``CEP 01310-100``, ``NHS number 943 476 5919``, ``PESEL 44051401458``,
``codice fiscale RSSMRA85T10A562S``, ``TC Kimlik No 10000000146``... Each cue is looked for once in the
lowered text (a trie of the phrases); after it, number words and punctuation (``no.``, ``nr``, ``:``,
``#``) may come before the value, whose shape is the identifier's own. A cue that is also a common
word or abbreviation (``SIN``, ``TC``, ``NIE``, ``CNS``) counts only with a value that passes the
identifier's check digits; a cue that names nothing else (``CPF``, ``PESEL``, ``Aadhaar``) takes any
value of the shape (a mistyped number is still the person's). Accents are dropped by the reader's
view of the text (:mod:`._normalize`), so cues are listed without them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final, NamedTuple

from ._checks import digits_of, luhn_ok
from ._detector import BaseDetector, Span
from ._gate import CUED
from ._near import trie_alternation

__all__ = ["NATIONAL_CUE_WORDS", "NationalIdDetector"]


def _cpf_ok(value: str) -> bool:
    """Brazil's CPF: eleven digits, two check digits (mod 11)."""
    digits = [int(ch) for ch in digits_of(value)]
    if len(digits) != 11 or len(set(digits)) == 1:
        return False
    for size in (9, 10):
        total = sum(d * w for d, w in zip(digits[:size], range(size + 1, 1, -1), strict=True))
        if (total * 10 % 11) % 10 != digits[size]:
            return False
    return True


def _nhs_ok(value: str) -> bool:
    """The UK's NHS number: ten digits, the last a mod-11 check."""
    digits = [int(ch) for ch in digits_of(value)]
    if len(digits) != 10:
        return False
    check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    return (0 if check == 11 else check) == digits[9]


def _dni_ok(value: str) -> bool:
    """Spain's DNI and NIE: eight digits (an NIE's ``X``/``Y``/``Z`` read as 0, 1, 2) and a check letter."""
    compact = re.sub(r"[ .-]", "", value).upper()
    if len(compact) != 9 or not compact[-1].isalpha():
        return False
    head = compact[:-1]
    if head[0] in "XYZ":
        head = str("XYZ".index(head[0])) + head[1:]
    return head.isdigit() and "TRWAGMYFPDXBNJZSQVHLCKE"[int(head) % 23] == compact[-1]


def _tc_ok(value: str) -> bool:
    """Turkey's TC Kimlik number: eleven digits, the first not 0, two check digits."""
    digits = [int(ch) for ch in digits_of(value)]
    if len(digits) != 11 or digits[0] == 0:
        return False
    odd, even = sum(digits[0:9:2]), sum(digits[1:8:2])
    return (odd * 7 - even) % 10 == digits[9] and sum(digits[:10]) % 10 == digits[10]


def _cns_ok(value: str) -> bool:
    """Brazil's Cartão Nacional de Saúde: fifteen digits whose weighted sum (15 down to 1) is a multiple of 11."""
    digits = [int(ch) for ch in digits_of(value)]
    return (
        len(digits) == 15 and digits[0] in (1, 2, 7, 8, 9) and sum(d * (15 - i) for i, d in enumerate(digits)) % 11 == 0
    )


def _sin_ok(value: str) -> bool:
    """Canada's SIN: nine digits passing Luhn."""
    digits = digits_of(value)
    return len(digits) == 9 and luhn_ok(digits)


class _Id(NamedTuple):
    kind: str
    shape: re.Pattern[str]
    check: Callable[[str], bool] | None
    """Checks a value after a weak cue (one that is also a common word); ``None``: the shape is enough."""


def _shape(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})(?![\w-]|[.,/][0-9])")


_CPF: Final = _Id("ID", _shape(r"[0-9]{3}\.?[0-9]{3}\.?[0-9]{3}[-./ ]?[0-9]{2}|[0-9]{9,11}"), _cpf_ok)
_CEP: Final = _Id("ZIP", _shape(r"[0-9]{2}\.?[0-9]{3}-?[0-9]{3}|[0-9]{5}"), None)
_NIR: Final = _Id(
    "SSN",
    _shape(r"[12][ ]?[0-9]{2}[ ]?[0-9]{2}[ ]?(?:[0-9]{2}|2[ABab])[ ]?[0-9]{3}[ ]?[0-9]{3}(?:[ ]?[0-9]{2})?"),
    None,
)
_NHS: Final = _Id("ID", _shape(r"[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}"), _nhs_ok)
_SIN: Final = _Id("SSN", _shape(r"[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3}"), _sin_ok)
_DNI: Final = _Id(
    "ID", _shape(r"[0-9]{1,2}\.?[0-9]{3}\.?[0-9]{3}(?:[- ]?[A-Za-z])?|[XYZxyz][- ]?[0-9]{7}[- ]?[A-Za-z]"), _dni_ok
)
_STEUER: Final = _Id(
    "ID", _shape(r"[0-9]{2}[ ]?[0-9]{3}[ ]?[0-9]{3}[ ]?[0-9]{3}|[0-9]{2,3}/[0-9]{3,4}/[0-9]{4,5}"), None
)
_PESEL: Final = _Id("ID", _shape(r"[0-9]{11}"), None)
_FISCALE: Final = _Id("ID", _shape(r"[A-Za-z]{6}[0-9]{2}[A-Za-z][0-9]{2}[A-Za-z][0-9]{3}[A-Za-z]"), None)
_BSN: Final = _Id("ID", _shape(r"[0-9]{4}\.?[0-9]{2}\.?[0-9]{3}|[0-9]{8,9}"), None)
_AADHAAR: Final = _Id("ID", _shape(r"[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4}"), None)
_PAN: Final = _Id("ID", _shape(r"[A-Za-z]{3}[PCHFATBLJGpchfatbljg][A-Za-z][0-9]{4}[A-Za-z]"), None)
_TC: Final = _Id("ID", _shape(r"[1-9][0-9]{10}"), _tc_ok)
_RFC: Final = _Id("ID", _shape(r"[A-Za-z&]{3,4}[0-9]{6}[A-Za-z0-9]{3}"), None)
_CURP: Final = _Id("ID", _shape(r"[A-Za-z]{4}[0-9]{6}[HMhmXx][A-Za-z]{5}[A-Za-z0-9][0-9]"), None)
_NINO: Final = _Id("SSN", _shape(r"[A-Za-z]{2}[ ]?[0-9]{2}[ ]?[0-9]{2}[ ]?[0-9]{2}[ ]?[A-Da-d]"), None)
_CNS: Final = _Id("MEMBER_ID", _shape(r"[0-9]{3}[ ]?[0-9]{4}[ ]?[0-9]{4}[ ]?[0-9]{4}"), _cns_ok)
_RG: Final = _Id("ID", _shape(r"[0-9]{1,2}\.[0-9]{3}\.[0-9]{3}-?[0-9Xx]"), None)
_PERSONNUMMER: Final = _Id("SSN", _shape(r"(?:19|20)?[0-9]{6}[-+]?[0-9]{4}"), None)

_CUES: Final[dict[str, tuple[_Id, bool]]] = {
    # phrase (lower case, accents dropped): (identifier, weak cue)
    "cpf": (_CPF, False),
    "cep": (_CEP, False),
    "nir": (_NIR, False),
    "insee": (_NIR, False),
    "securite sociale": (_NIR, False),
    "secu": (_NIR, False),
    "nhs": (_NHS, True),
    "nhs number": (_NHS, False),
    "nhs no": (_NHS, False),
    "sin": (_SIN, True),
    "social insurance": (_SIN, False),
    "social insurance number": (_SIN, False),
    "dni": (_DNI, False),
    "nif": (_DNI, False),
    "nie": (_DNI, True),
    "steuer-id": (_STEUER, False),
    "steuerid": (_STEUER, False),
    "steuer id": (_STEUER, False),
    "steuer-idnr": (_STEUER, False),
    "idnr": (_STEUER, False),
    "steuernummer": (_STEUER, False),
    "steueridentifikationsnummer": (_STEUER, False),
    "pesel": (_PESEL, False),
    "codice fiscale": (_FISCALE, False),
    "cod. fisc": (_FISCALE, False),
    "cf": (_FISCALE, False),
    "bsn": (_BSN, False),
    "burgerservicenummer": (_BSN, False),
    "sofinummer": (_BSN, False),
    "aadhaar": (_AADHAAR, False),
    "aadhar": (_AADHAAR, False),
    "pan": (_PAN, False),
    "tc kimlik": (_TC, False),
    "t.c. kimlik": (_TC, False),
    "kimlik": (_TC, False),
    "tckn": (_TC, False),
    "tc": (_TC, True),
    "rfc": (_RFC, False),
    "curp": (_CURP, False),
    "nino": (_NINO, False),
    "ni number": (_NINO, False),
    "national insurance": (_NINO, False),
    "national insurance number": (_NINO, False),
    "cns": (_CNS, True),
    "cartao sus": (_CNS, False),
    "cartao nacional de saude": (_CNS, False),
    "rg": (_RG, False),
    "personnummer": (_PERSONNUMMER, False),
}
NATIONAL_CUE_WORDS: Final = frozenset(
    first for first in (re.split(r"[ .-]+", phrase)[0] for phrase in _CUES) if len(first) > 1
)
"""The first word of each cue: the gate selects the detector when one is in a text with digits."""
_CUE: Final = re.compile(rf"(?<![a-z0-9])(?:{trie_alternation(_CUES)})\.?(?![a-z0-9])")
_ALNUM: Final = bytes(b if 48 <= b <= 57 or 97 <= b <= 122 else 32 for b in range(256))
_FIRST_RUNS: Final = frozenset(re.split(r"[^a-z0-9]", phrase, maxsplit=1)[0].encode() for phrase in _CUES)
"""The run of small letters and digits each cue opens with: in the lowered text, a match of :data:`_CUE` starts
one such run that is one of these whole (no letter or digit before a cue, none after its first word)."""
_FILLER: Final = re.compile(
    r"(?:[ \t]*(?:[:=#(]|-(?![0-9])|(?:n[o°]|nr|num|number|numero|nummer|numer|is|card|no)\.?(?![A-Za-z0-9])"
    r"|(?:do|da|de|del|du|des|der|the|of|paciente|patient|patiente|patientin|paziente|titular|holder)(?![A-Za-z0-9])))*"
    r"[ \t]*",
    re.IGNORECASE,
)
"""What may come between a cue and its value: ``:``, ``#``, ``no.``, ``Nr``, ``number``, ``n°``, ``do paciente``."""


class NationalIdDetector(BaseDetector):
    """National identifiers and postal codes of other countries after their cue word in text (see module)."""

    gate = CUED
    name = "national_id"
    kinds = ("ID", "SSN", "ZIP", "MEMBER_ID")

    def find(self, text: str) -> Iterator[Span]:
        lowered = text.lower()
        if len(lowered) != len(text):
            return  # a character lowered to two: positions would drift (the reader's view has none)
        if _FIRST_RUNS.isdisjoint(lowered.encode("utf-8", "surrogatepass").translate(_ALNUM).split()):
            return  # no cue word: the cue regex, tried at every position, would find none
        for cue in _CUE.finditer(lowered):
            entry, weak = _CUES[cue[0].rstrip(".")]
            filler = _FILLER.match(text, cue.end())
            start = filler.end() if filler is not None else cue.end()
            value = entry.shape.match(text, start)
            if value is None or (start and text[start - 1].isalnum()):
                continue
            if weak and entry.check is not None and not entry.check(value[0]):
                continue
            yield start, value.end(), entry.kind
