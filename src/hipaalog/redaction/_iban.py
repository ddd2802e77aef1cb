"""Bank account numbers in the international form (IBAN), found by their shape and their check digits alone.

An IBAN carries its own proof: a country's letters, the length that country uses, and two check digits that make
the whole number 1 modulo 97. A token passing all three is an account number without any cue word before it
(``ref DE75512108001245126199``, ``NL02 ABNA 0123 4567 89``); a build hash or a ticket key fails the check.
After an account's word (``cuenta``, ``Konto``, ``compte``, ``conta``, ``IBAN``, ``acct``) the country's letters
and length are enough: a number mistyped, or made up for a test, is still written where an account goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import IBAN

__all__ = ["IbanDetector", "valid_iban"]

_LENGTHS: Final[dict[str, int]] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24,
    "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21,
    "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21,
    "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30,
    "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}  # fmt: skip
"""The length of an IBAN in each country that issues them."""
_IBAN: Final = re.compile(
    r"[A-Za-z](?<![\w][A-Za-z])[A-Za-z][0-9]{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,3})?(?![\w])"
)
"""Two letters, two check digits, then up to 30 letters and digits, compact or in groups of four (spaces or dashes
between; a value lower-cased is the same number)."""
_SEPARATORS: Final = str.maketrans("", "", " -")
_ACCOUNT_CUE: Final = re.compile(
    r"(?<![\w])(?i:iban|acct|account|a/c|cuenta|konto|kontonummer|compte|conta|conto|rekening|bankverbindung)"
    r"(?:[ ]?(?i:no|nr|n[º°o]|number|num|n[uú]mero|bancaria|bancario|corriente|bancaire))?\.?[ ]?[:=#]?[ ]?[\"']?$"
)
"""An account's word (and its number word, ``:`` or ``=``) right before a value."""


def _iban_shaped(value: str) -> bool:
    """Whether ``value`` has a country's letters, two digits and that country's length (its check digits aside)."""
    compact = value.translate(_SEPARATORS).upper()
    return _LENGTHS.get(compact[:2]) == len(compact) and compact[2:4].isdigit()


def valid_iban(value: str) -> bool:
    """Whether ``value`` (spaces or dashes allowed, any case) has its country's length and check digits that hold
    (mod 97 is 1)."""
    compact = value.translate(_SEPARATORS).upper()
    if _LENGTHS.get(compact[:2]) != len(compact) or not compact[2:4].isdigit():
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in moved)) % 97 == 1


class IbanDetector(BaseDetector):
    """IBANs anywhere in text, with or without a cue: the check digits make the shape evidence enough."""

    gate = IBAN
    name = "iban"
    kinds = ("ACCOUNT",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _IBAN.finditer(text):
            value = match[0]
            check = valid_iban
            if _ACCOUNT_CUE.search(text, max(0, match.start() - 40), match.start()) is not None:
                check = _iban_shaped  # "cuenta ES12 3456 ...": an account's place, whatever its check digits
            if check(value):
                yield match.start(), match.end(), "ACCOUNT"
            elif " " in value:  # a word or a code after the number: try the number without the last groups
                parts = value.split(" ")
                for count in range(len(parts) - 1, 0, -1):
                    head = " ".join(parts[:count])
                    if check(head):
                        yield match.start(), match.start() + len(head), "ACCOUNT"
                        break
