"""Digits and text written in a form a reader decodes at a glance, rewritten for the reader's view.

:func:`~._normalize.reader_view` applies these after Unicode forms are undone; each maps to the
characters it replaces, so a value found in the rewritten text masks what spelled it:

- letters drawn like digits inside a number (``536-22-8l74``, ``5O6-22-8174``: ``l``/``I`` for 1,
  ``O``/``o`` for 0, ``S`` for 5, ``B`` for 8, ``Z`` for 2, Cyrillic ``З`` for 3 and ``б`` for 6);
- digit groups written backwards (``4718-22-635`` is ``536-22-8174`` reversed);
- a number split into the items of a list or tuple (``['536', '22', '8174']``, ``[5, 3, 6, 2, 2, 8, 1, 7, 4]``)
  or into digits spaced apart (``5 3 6 2 2 8 1 7 4``);
- text printed as its character codes (``[115, 115, 110, 32, 53, ...]``, ``array('B', [...])``: bytes, UTF-16
  or code points as a list of numbers) or as a list of its characters (``['s', 's', 'n', ' ', '5', ...]``);
- HTML table cells, read as the rows of a table (``<tr><th>SSN</th></tr><tr><td>536228174</td></tr>``), so a
  column's header names the values under it as a Markdown or CSV table's does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

__all__ = ["REWRITES", "may_hold_recoded", "spelled_by"]

_LIKE_DIGITS: Final = {"l": "1", "I": "1", "O": "0", "o": "0", "S": "5", "B": "8", "Z": "2"}
_LIKE_DIGITS.update({"З": "3", "з": "3", "б": "6"})
_LIKE: Final = "lIOoSBZЗзб"
_LOOKALIKE: Final = re.compile(
    rf"[0-9{_LIKE}](?<![\w.|][0-9{_LIKE}])(?:[0-9{_LIKE}]{{2}}([-. ]?)[0-9{_LIKE}]{{2,3}}\1[0-9{_LIKE}]{{4}}"
    rf"|[0-9{_LIKE}]{{8,10}})(?![\w.|])"
)
"""A number's shape (3-2-4, 3-3-4, or 9 to 11 characters) in digits and the letters drawn like them."""
_DIGIT: Final = re.compile(r"[0-9]")
_MIN_REAL_DIGITS: Final = 6
_MAX_LOOKALIKES: Final = 3


def _as_digits(found: str) -> str:
    """``found`` with its look-alike letters as digits, when most of it is digits already; else as it is."""
    letters = sum(1 for ch in found if ch in _LIKE_DIGITS)
    if not 0 < letters <= _MAX_LOOKALIKES or sum(1 for ch in found if ch.isdigit()) < _MIN_REAL_DIGITS:
        return found
    return "".join(_LIKE_DIGITS.get(ch, ch) for ch in found)


_BACKWARDS_GROUPS: Final = r"[0-9](?<![\w.-][0-9])[0-9]{3}-[0-9]{2,3}-[0-9]{3}(?![\w.-])"
_BACKWARDS: Final = re.compile(
    r"(?=[BbCcDdFfMmPpRrSsTtWw])(?<![A-Za-z])(?i:ssn|ss[#]|social|phone|ph|tel|telephone|call|callback|cb|mobile"
    r"|cell|fax|sms|text|whatsapp|dial|dialed|dialled|mob|reversed|reverse|backwards|backward|flipped|mirrored)"
    r"(?![A-Za-z])[^\n0-9]{0,24}?" + _BACKWARDS_GROUPS + r"|" + _BACKWARDS_GROUPS + r"[^\n0-9]{0,24}?(?<![A-Za-z])"
    r"(?i:reversed|reverse|backwards|backward|flipped|mirrored)(?![A-Za-z])"
)
"""An SSN (4-2-3) or phone number (4-3-3) written backwards with its dashes, after a word that says which it is
(``ssn 4718-22-635``, ``call 0178-555-312``) or that it is written backwards, before or after it
(``id 4718-22-635 reversed``): the forward forms are 3-2-4 and 3-3-4. Without that word, 4-2-3 and
4-3-3 are a build's, a part's or an order's number (``build 7468-29-332``), and with dots, 4.2.3 is a Dutch BSN as
written."""
_BACKWARDS_NUMBER: Final = re.compile(r"[0-9]{4}-[0-9]{2,3}-[0-9]{3}")


_BACKWARDS_HINT: Final = re.compile(r"-[0-9]{2,3}-[0-9]{3}(?![0-9])")
"""What every match of :data:`_BACKWARDS` holds, found from each dash rather than from each digit."""


def _reversed(found: str) -> str:
    """``found`` (a cue and the number) with the number's characters in reading order."""
    number = _BACKWARDS_NUMBER.search(found)
    if number is None:
        return found
    return found[: number.start()] + number[0][::-1] + found[number.end() :]


_GROUP: Final = 4
_ITEM: Final = r"""['"]?[0-9]{1,4}['"]?"""
_SPLIT: Final = re.compile(rf"[\[(](?<![\w.][\[(]){_ITEM}(?:, ?{_ITEM}){{1,10}}[\])]")
"""A list or tuple of short numbers (as numbers or strings): a number split into its groups or digits (not a
call's arguments: ``DateTime(1961, 2, 3, 0, 0, 0)``)."""
_SPACED: Final = re.compile(r"[0-9](?<![\w.][0-9])(?<![0-9] [0-9])(?: [0-9]){8}(?![\w.]|[ ][0-9])")
"""Nine single digits spaced apart (``ssn 5 3 6 2 2 8 1 7 4``), joined as a bare number: what a cue makes of it
(ten, a phone number's, are read after a phone cue by the phone detector)."""
_DIGITS: Final = re.compile(r"[0-9]+")
_SHAPES: Final = {(3, 2, 4): "-", (3, 3, 4): "-", (1, 3, 3, 4): "-"}
_SPLIT_DIGITS: Final = range(9, 12)


_SPACED_HINT: Final = re.compile(r" [0-9] [0-9] [0-9] ")
"""What every match of :data:`_SPACED` holds, found from each space rather than from each digit."""


def _joined(found: str) -> str:
    """The groups of ``found`` as one number (with dashes when they have an SSN's or phone number's
    shape), when they make nine to eleven digits; else ``found``."""
    groups = _DIGITS.findall(found)
    if sum(len(group) for group in groups) not in _SPLIT_DIGITS:
        return found
    return _SHAPES.get(tuple(len(group) for group in groups), "").join(groups)


_CODES: Final = re.compile(r"\[(?:[0-9]{1,7}, ?){5,4095}[0-9]{1,7}\]")
"""A list of six numbers or more: maybe text as character codes (bytes, UTF-16 units, code points)."""
_MIN_TEXT: Final = 6
_MAX_CODE: Final = 0x10FFFF


def _text_of_codes(found: str) -> str:
    """The text the codes in ``found`` spell, between spaces, when it is printable; else ``found``."""
    text = _spelled([int(code) for code in _DIGITS.findall(found)])
    return found if text is None else f" {text} "


def _spelled(codes: list[int]) -> str | None:
    """The printable text character codes spell (UTF-8 bytes, UTF-16 units with their zeros, code points)."""
    if max(codes) > _MAX_CODE:
        return None
    chars = [chr(code) for code in codes if code]
    if len(chars) < _MIN_TEXT or not all(ch.isprintable() for ch in chars):
        return None
    if all(code < 0x100 for code in codes):
        try:
            return bytes(code for code in codes if code).decode("utf-8")
        except UnicodeDecodeError:
            pass
    return "".join(chars)


def spelled_by(items: list[object]) -> str | None:
    """The text a list's items spell together: character codes (six or more ``int``), or a number split into
    groups or digits (two to eleven short numbers, as ``int`` or digit strings, nine to eleven digits in all);
    ``None`` when they spell nothing so."""
    first = items[0]
    if type(first) is int and len(items) >= _MIN_TEXT:
        codes = [item for item in items if type(item) is int and item >= 0]
        if len(codes) == len(items):
            return _spelled(codes)
    if type(first) is str and len(first) == 1 and len(items) >= _MIN_TEXT:
        chars = [item for item in items if type(item) is str and len(item) == 1]
        return "".join(chars) if len(chars) == len(items) else None
    if len(items) > _SPLIT_DIGITS[-1] or not (type(first) is int or (type(first) is str and first.isdigit())):
        return None
    groups = [str(item) for item in items if type(item) is int or type(item) is str]
    if len(groups) != len(items) or not all(len(group) <= _GROUP and group.isdigit() for group in groups):
        return None
    joined = _joined(", ".join(groups))
    return None if ", " in joined else joined


_CHARS: Final = re.compile(r"""\[(?:(['"])[^'"\\]\1, ?){5,4095}(['"])[^'"\\]\2\]""")
"""A list of six characters or more (``['s', 's', 'n', ' ', '5', ...]``): text split into its characters."""


def _text_of_chars(found: str) -> str:
    """The text the one-character items of ``found`` spell, between spaces."""
    return " " + "".join(found[index] for index in range(2, len(found), 5 if ", " in found else 4)) + " "


_CELL: Final = re.compile(r"<(/?)(t[dhr]|table|thead|tbody|tfoot|caption)\b[^<>]{0,256}>", re.IGNORECASE)
"""An HTML table's tags: rows become lines, cells the columns of a Markdown table."""


def _cell_mark(found: str) -> str:
    closing = found[1] == "/"
    name = found[2 if closing else 1 :].split(maxsplit=1)[0].rstrip(">").lower()
    if name == "tr":
        return "|" if closing else "\n"
    if name in ("td", "th"):
        return " " if closing else "| "
    return "\n"


REWRITES: Final = (
    (_CELL, _cell_mark),
    (_CODES, _text_of_codes),
    (_CHARS, _text_of_chars),
    (_SPLIT, _joined),
    (_SPACED, _joined),
    (_BACKWARDS, _reversed),
    (_LOOKALIKE, _as_digits),
)
"""The rewrites, in the order the view applies them (cells first: a cell may hold any of the others)."""


def may_hold_recoded(text: str) -> bool:
    """Whether a rewrite above would change ``text`` (``False`` is certain)."""
    if ("<t" in text or "<T" in text) and _CELL.search(text) is not None:
        return True
    if ("'," in text or '",' in text) and "[" in text and _changes(text, _CHARS, _text_of_chars):
        return True  # ['J', 'a', 'n', 'e', ...] may hold no digit
    if _DIGIT.search(text) is None:
        return False
    checks = [(_LOOKALIKE, _as_digits)]
    if "-" in text and _BACKWARDS_HINT.search(text) is not None:
        checks.append((_BACKWARDS, _reversed))
    if _SPACED_HINT.search(text) is not None:
        checks.append((_SPACED, _joined))
    if "," in text and ("[" in text or "(" in text):
        checks += [(_CODES, _text_of_codes), (_SPLIT, _joined)]
    for regex, rewrite in checks:  # noqa: SIM110 - cheaper than any() over a generator on the hot path
        if _changes(text, regex, rewrite):
            return True
    return False


def _changes(text: str, regex: re.Pattern[str], rewrite: Callable[[str], str]) -> bool:
    """Whether ``rewrite`` changes a match of ``regex`` in ``text``."""
    for match in regex.finditer(text):  # noqa: SIM110 - cheaper than any() over a generator on the hot path
        if rewrite(match[0]) != match[0]:
            return True
    return False
