"""Text written as escapes or bytes a reader decodes at a glance, rewritten for the reader's view.

:func:`~._normalize.reader_view` applies these after JSON and Python escapes are undone, before
percent-encoding and entities; each maps to the characters it replaces, so a value found in the
rewritten text masks what spelled it:

- octal escapes (``\\163\\163\\156``), named escapes (``\\N{DIGIT FIVE}``) and CSS escapes (``\\73 \\73``);
- bytes in hexadecimal with a separator (``73:73:6e``, ``73 73 6e``, ``0x73, 0x73``, ``73-73-6E``) and
  quoted-printable escapes in a row (``=73=73=6E``), read when they spell printable UTF-8;
- a punycode label (``xn--...``);
- a UTF-7 shift inside a word, as IMAP folder names and old mailers write them (``jane.roe+AEA-example.org``,
  ``Jos&AOk-``), read when it spells signs or Latin letters (an encoder never shifts for ASCII letters or digits);
- nine to eleven single digits apart, one separator between each (``5.3.6.2.2.8.1.7.4``, ``5_3_6_...``);
- quoted digit groups added together (``'536' + '22' + '8174'``);
- a string cut into adjacent literals, as ``pprint`` wraps a long one (``'for Jane '\\n 'Roe'``);
- an e-mail address spelled with ``at`` and ``dot`` (``jane dot roe at example dot org``).
"""

from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Callable
from typing import Final

__all__ = ["byte_form_rewrites"]

_MIN_TEXT: Final = 4


def _printable(raw: bytes) -> str | None:
    """``raw`` as UTF-8 text when every character is printable, else ``None``."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if text.isprintable() else None


# -- escapes ----------------------------------------------------------------------------------------
_OCTAL: Final = re.compile(r"\\[0-3][0-7]{2}")
"""An octal escape (C, Python bytes, ``printf``): three digits, the first at most 3."""


def _octal_char(found: str) -> str:
    char = chr(int(found[1:], 8))
    return char if char.isprintable() else found


_NAMED: Final = re.compile(r"\\N\{[A-Za-z0-9 -]{1,80}\}")
"""A Python named escape (``\\N{DIGIT FIVE}``)."""


def _named_char(found: str) -> str:
    try:
        return unicodedata.lookup(found[3:-1])
    except KeyError:
        return found


_CSS: Final = re.compile(r"\\[0-9a-fA-F]{2,6}[ ]?")
"""A CSS escape: two to six hexadecimal digits, one space after it ends it."""


def _css_char(found: str) -> str:
    code = int(found[1:].rstrip(" "), 16)
    char = chr(code) if code <= 0x10FFFF else ""
    return char if char.isprintable() and (code >= 0x20 or char == " ") else found


# -- bytes in hexadecimal, quoted-printable ------------------------------------------------------------
_HEX_BYTES: Final = re.compile(
    r"(?<![\w:.-])(?:0[xX])?[0-9a-fA-F]{2}(?P<sep>[ ]?[:,;-][ ]?|[ ])(?:0[xX])?[0-9a-fA-F]{2}"
    r"(?:(?P=sep)(?:0[xX])?[0-9a-fA-F]{2}){2,1023}(?![\w:.-])"
)
"""Four bytes or more in hexadecimal, one separator between each, each maybe with ``0x`` before it."""
_HEX_DIGITS: Final = re.compile(r"(?:0[xX])?([0-9a-fA-F]{2})")


def _hex_text(found: str) -> str:
    if "," in found and "x" not in found and "X" not in found and not any(ch.isalpha() for ch in found):
        return found  # [32, 53, 51, 54]: a list of numbers (character codes are read as such elsewhere)
    text = _printable(bytes.fromhex("".join(_HEX_DIGITS.findall(found))))
    if text is None or len(text) < _MIN_TEXT:
        return found
    if _DECIMAL_PAIRS.fullmatch(found) is not None and _WORDLIKE.fullmatch(text) is None:
        return found  # 47 29 23 67: a phone number's pairs of digits, not text ("G)#g")
    return text


_DECIMAL_PAIRS: Final = re.compile(r"[0-9 ]+")
"""Bytes written with decimal digits only: a number in pairs reads so too."""
_WORDLIKE: Final = re.compile(r"[\w .@'-]+")
"""What text written as such bytes must read as: words, digits and the marks of names and addresses."""
_QP_RUN: Final = re.compile(r"(?:=[0-9A-F]{2}){3,}")
"""Three quoted-printable escapes in a row or more (an encoder that escapes every byte)."""


def _qp_text(found: str) -> str:
    text = _printable(bytes.fromhex(found.replace("=", "")))
    return found if text is None else text


# -- punycode -------------------------------------------------------------------------------------
_PUNYCODE: Final = re.compile(r"(?<![\w-])xn--[A-Za-z0-9-]{1,63}")


def _punycode_text(found: str) -> str:
    try:
        text = found[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return found
    return text if text.isprintable() else found


# -- digits apart, groups added together --------------------------------------------------------------
_APART: Final = re.compile(r"(?<![\w.,/-])[0-9](?P<sep>[._/|,:*-])[0-9](?:(?P=sep)[0-9]){7,9}(?![\w.,/-])")
"""Nine to eleven single digits with the same one separator between each (``5.3.6.2.2.8.1.7.4``)."""
_ADDED: Final = re.compile(r"""(['"])[0-9]{1,4}\1(?:[ ]?\+[ ]?(['"])[0-9]{1,4}\2){1,10}""")
"""Quoted digit groups added together, as code builds a number from its parts (``'536' + '22' + '8174'``)."""
_DIGITS: Final = re.compile(r"[0-9]+")
_SHAPES: Final = {(3, 2, 4): "-", (3, 3, 4): "-", (1, 3, 3, 4): "-"}


_ADJACENT: Final = re.compile(r"""(?<=[^\s'"][ \t])(['"])[ ]?\n?[ \t]*\1(?=[^\s'",\])}])""")
"""Where a string continues in the next adjacent literal: a piece ending in a word and a space closed, the next opened
with the same quote after a space or a new line and its indent, as ``pprint`` and code formatters cut a long string at
a space (``'patient record for Jane '`` newline ``'Roe, ...'``); the reader reads one string. A space alone in quotes
(``['n', ' ', '5']``) is an item, not a cut."""
_ADJACENT_HINT: Final = re.compile(r"""[ \t]['"][ \n]""")


def _nothing(found: str) -> str:
    return ""


def _joined(found: str) -> str:
    """The digits of ``found`` as one number (dashed when the groups have an SSN's or phone number's shape),
    when they make nine to eleven digits; else ``found``."""
    groups = _DIGITS.findall(found)
    if not 9 <= sum(len(group) for group in groups) <= 11:
        return found
    return _SHAPES.get(tuple(len(group) for group in groups), "").join(groups)


# -- an e-mail address in words -----------------------------------------------------------------------
_MAIL_LOCAL: Final = r"[A-Za-z0-9_+-]{1,64}"
_MAIL_DOMAIN: Final = (
    r" at [A-Za-z0-9-]{1,63}(?: dot [A-Za-z0-9-]{1,63}){0,3}"
    r" dot (?:com|org|net|edu|gov|mil|info|biz|io|co|us|uk|de|fr|ca|au)(?![\w])"
)
_MAIL_WORDS: Final = re.compile(
    rf"(?<![\w.]){_MAIL_LOCAL}(?: dot {_MAIL_LOCAL}){{1,4}}{_MAIL_DOMAIN}"
    rf"|(?<=mail ){_MAIL_LOCAL}{_MAIL_DOMAIN}",
    re.IGNORECASE,
)
"""``jane dot roe at example dot org`` (the local part with a dot), or ``email jroe at example dot org`` after a
mail cue: an address written out so that no ``@`` shows (``we are at example dot com`` is a sentence)."""


def _mail(found: str) -> str:
    return re.sub(r" dot ", ".", re.sub(r" at ", "@", found, count=1, flags=re.IGNORECASE), flags=re.IGNORECASE)


_ESCAPE_FORMS: Final = ((_NAMED, _named_char), (_OCTAL, _octal_char), (_CSS, _css_char))
_HEX_HINT: Final = re.compile(
    r"[ :,;-](?:0[xX])?[2-7][0-9a-fA-F]([ :,;-]|, )(?:0[xX])?[2-7][0-9a-fA-F]\1(?:0[xX])?[0-9a-fA-F]{2}(?![0-9a-fA-F])"
)
"""What every text :data:`_HEX_BYTES` reads as text holds: four bytes, three of them printable ASCII."""
_QP_HINT: Final = re.compile(r"=[2-7][0-9A-F]=[2-7][0-9A-F]=")
_APART_HINT: Final = re.compile(r"[0-9]([._/|,:*-])[0-9]\1[0-9]\1[0-9]\1[0-9]")


# -- UTF-7 -----------------------------------------------------------------------------------------
_UTF7: Final = re.compile(r"[+&](?<=[\w.][+&])[A-Za-z0-9+/,]{2,64}-(?![^\s\w.])")
"""A UTF-7 shift (``+`` or IMAP's ``&``, base64 of UTF-16, ``-``) glued after a word, before a word or its end."""
_LATIN_END: Final = 0x250


def _utf7_text(found: str) -> str:
    """The characters a UTF-7 shift spells, when they are signs or Latin letters; else ``found``."""
    run = found[1:-1].replace(",", "/")
    bits = len(run) * 6
    if bits % 16 >= 6:
        return found
    try:
        raw = base64.b64decode(run + "=" * (-len(run) % 4))
    except ValueError:
        return found
    raw = raw[: len(raw) - len(raw) % 2]
    text = raw.decode("utf-16-be", "replace")
    if not text or not text.isprintable() or any(ch.isascii() and ch.isalnum() for ch in text):
        return found
    return text if all(ord(ch) < _LATIN_END for ch in text) else found


def byte_form_rewrites(text: str) -> list[tuple[re.Pattern[str], Callable[[str], str]]]:
    """The rewrites above that may change ``text``, in the order the view applies them (escapes first: they may
    spell the others); an empty list is certain."""
    found: list[tuple[re.Pattern[str], Callable[[str], str]]] = []
    if "\\" in text:
        found += _ESCAPE_FORMS
    if _HEX_HINT.search(text) is not None:
        found.append((_HEX_BYTES, _hex_text))
    if "=" in text and _QP_HINT.search(text) is not None:
        found.append((_QP_RUN, _qp_text))
    if "xn--" in text:
        found.append((_PUNYCODE, _punycode_text))
    if "-" in text and ("+" in text or "&" in text) and _UTF7.search(text) is not None:
        found.append((_UTF7, _utf7_text))
    if _APART_HINT.search(text) is not None:
        found.append((_APART, _joined))
    if "+" in text and ("' + '" in text or '" + "' in text or "'+'" in text or '"+"' in text):
        found.append((_ADDED, _joined))
    if " dot " in text and " at " in text:
        found.append((_MAIL_WORDS, _mail))
    if ("'" in text or '"' in text) and _ADJACENT_HINT.search(text) is not None:
        found.append((_ADJACENT, _nothing))
    return found
