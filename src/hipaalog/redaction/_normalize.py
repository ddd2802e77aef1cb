"""The reader's view of a text: escapes, percent-encoding, entities and Unicode forms undone.

A value can reach a log line in a form no detector reads: JSON encoded once or twice
(``\\"ssn\\": \\"219-09-9999\\"``), URL-encoded (``jane.roe%40example.com``), as HTML entities,
with full-width digits or odd spaces and dashes (``２１９‐０９‐９９９９``), with accented letters
(``José Muñoz``), as a float (``3127482290.0``), as a date object's repr, or quoted as a Python
repr (``'name': 'Jane Roe'``). :func:`reader_view` rewrites such a text the way a reader would
see it and keeps an offset map, so a span found in the view names exactly the original
characters that spelled it.

Each rewrite runs only when its trigger is in the text (``\\``, ``%``, ``&...;``, a non-ASCII
character, a quote after a bracket); plain ASCII text costs a few substring checks.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from typing import Final

from ._byte_forms import byte_form_rewrites
from ._recoded import REWRITES as RECODINGS
from ._recoded import may_hold_recoded
from ._wrapped import REWRITES as MENDINGS
from ._wrapped import may_hold_wrapped

__all__ = ["OffsetMap", "View", "may_need_view", "reader_view"]


class OffsetMap:
    """Maps positions of a rewritten text back to the text it was rewritten from.

    The rewritten text is a series of pieces: each copied from the source (positions map one to
    one) or replaced (a piece maps to the whole source stretch it replaced).
    """

    __slots__ = ("_pieces", "_starts")

    def __init__(self, pieces: list[tuple[int, int, int, bool]]) -> None:
        self._pieces = pieces
        """``(view_start, source_start, source_end, linear)`` in order of ``view_start``."""
        self._starts = [piece[0] for piece in pieces]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span behind ``[start, end)`` of the rewritten text."""
        starts, pieces = self._starts, self._pieces
        view_start, source_start, _, linear = pieces[bisect_right(starts, start) - 1]
        first = source_start + (start - view_start) if linear else source_start
        view_start, source_start, source_end, linear = pieces[bisect_right(starts, end - 1) - 1]
        last = source_start + (end - view_start) if linear else source_end
        return first, last


class View:
    """A rewritten text and the maps that lead back to the original (latest rewrite first).

    ``quotes_only``: the only rewrites were Python repr forms: quoting (``'`` to ``"``, same
    length), which matters to few detectors, and date objects printed as ISO dates. ``unquoted``
    is then the view before the quotes changed (the text itself when no date was rewritten).
    """

    __slots__ = ("_maps", "_unquoted_maps", "quotes_only", "text", "unquoted")

    def __init__(
        self,
        text: str,
        maps: list[OffsetMap],
        *,
        quotes_only: bool = False,
        unquoted: tuple[str, list[OffsetMap]] | None = None,
    ) -> None:
        self.text = text
        self._maps = maps
        self.quotes_only = quotes_only
        self.unquoted, self._unquoted_maps = unquoted if unquoted is not None else (text, maps)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text behind ``[start, end)`` of the view."""
        for offsets in self._maps:
            start, end = offsets.span(start, end)
        return start, end

    def original_of_unquoted(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text behind ``[start, end)`` of :attr:`unquoted`."""
        for offsets in self._unquoted_maps:
            start, end = offsets.span(start, end)
        return start, end


def _rewrite(text: str, regex: re.Pattern[str], replace: Callable[[str], str]) -> tuple[str, OffsetMap] | None:
    """``text`` with every match of ``regex`` replaced by ``replace(match)``; ``None`` when nothing changes."""
    out: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    position = view = 0
    for match in regex.finditer(text):
        found = match[0]
        new = replace(found)
        if new == found:
            continue
        start, end = match.span()
        if start > position:
            out.append(text[position:start])
            pieces.append((view, position, start, True))
            view += start - position
        out.append(new)
        pieces.append((view, start, end, len(new) == len(found)))
        view += len(new)
        position = end
    if not pieces:
        return None
    if position < len(text) or not out:
        out.append(text[position:])
        pieces.append((view, position, len(text), True))
    return "".join(out), OffsetMap(pieces)


# -- escapes: JSON, Python ------------------------------------------------------------------------
_ONE_ESCAPE: Final = r"\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|[\\\"'/bfnrtv.-])"
_ESCAPES: Final = re.compile(f"{_ONE_ESCAPE}(?:{_ONE_ESCAPE})*")
"""A run of escapes (one, then any more: a pattern opening with a literal ``\\`` is searched for at C speed)."""
_ESCAPE: Final = re.compile(
    r"\\x([c-fC-F][0-9a-fA-F](?:\\x[89abAB][0-9a-fA-F]){1,3})|\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|U([0-9a-fA-F]{8})|(.))",
    re.DOTALL,
)
_SIMPLE: Final = {"n": "\n", "r": "\r", "t": "\t", "b": " ", "f": " ", "v": " "}
_LEVELS: Final = 3
"""Escapes undone this many times at most (a message holding JSON that holds JSON needs two)."""


def _one_escape(match: re.Match[str]) -> str:
    if match[1] is not None:  # UTF-8 bytes in a bytes repr: b'Jos\xc3\xa9'
        try:
            return bytes.fromhex(match[1].replace("\\x", "")).decode("utf-8")
        except UnicodeDecodeError:
            return " " * (len(match[1]) // 4 + 1)
    if match[3] is not None:  # a byte: controls, DEL, C1 controls and Latin-1 signs (msgpack and pickle length
        code = int(match[3], 16)  # prefixes: b'\\x81\\xa3ssn\\xa9...') read as a space; NUL (UTF-16), tab, line
        # ends, the separators 0x1C-0x1F (NCPDP, HL7 batches) and Latin-1 letters stay as they are
        return " " if 0x7F <= code < 0xC0 or (0 < code < 0x1C and code not in (0x09, 0x0A, 0x0D)) else chr(code)
    hexa = match[2] or match[4]
    if hexa is not None:
        code = int(hexa, 16)
        return chr(code) if code <= 0x10FFFF else " "
    return _SIMPLE.get(match[5], match[5])


_UNESCAPED: Final[dict[str, str]] = {}
"""Runs of escapes already undone (``\\"`` and ``\\n`` come back in every JSON text held in a string)."""
_UNESCAPED_LIMIT: Final = 4096
_UNESCAPED_MAX_CHARS: Final = 32


def _unescape(run: str) -> str:
    clean = _UNESCAPED.get(run)
    if clean is None:
        clean = _ESCAPE.sub(_one_escape, run)
        if len(run) <= _UNESCAPED_MAX_CHARS:
            if len(_UNESCAPED) >= _UNESCAPED_LIMIT:
                _UNESCAPED.clear()
            _UNESCAPED[run] = clean
    return clean


# -- form encoding, percent-encoding, HTML entities -------------------------------------------------
_FORM_VALUE: Final = re.compile(r"(?<==)[^\s&#\"'<>=]*\+[^\s&#\"'<>=]*")
"""A form-encoded value (``q=phone+415-555-0134``) whose ``+`` stand for spaces."""


def _unplus(run: str) -> str:
    return run.replace("+", " ")


_PERCENT: Final = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*")


def _unpercent(run: str) -> str:
    """A run of percent escapes decoded, or the run itself when it spells no UTF-8 (``%De*9`` inside an
    ascii85 token is no escape)."""
    try:
        return bytes.fromhex(run.replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return run


_PERCENT_LEVELS: Final = 4
"""Percent-encoding undone this many times at most (``%25252540``: an ``@`` through four encoders)."""
_ENTITY_LEVELS: Final = 3
"""HTML entities undone this many times at most (``&amp;amp;#64;``)."""

_QP_HINT: Final = re.compile(
    r"=(?:(?<=[A-Za-z0-9]=)40(?=[A-Za-z])|(?<=[0-9]=)2D(?=[0-9])|(?<=[A-Za-z]=)2[0E](?=[A-Za-z])|3D"
    r"|[C-F][0-9A-F]=[89AB][0-9A-F])"
)
"""What only quoted-printable text holds: an ``@``, a dash between digits, a dot or a space inside words, an
``=`` or a UTF-8 letter escaped (``jane=40example.com``, ``219=2D09``, ``Jos=C3=A9``). ``vin=2F47...``,
``ts=2026-...``, ``addr=21.17...`` are values after a key, and are read as written unless such a mark is there."""
_QP: Final = re.compile(
    r"(?<=[\w.])(?:=[0-9A-F]{2})*=(?:[0-9A-F][A-F]|[A-F][0-9]|[0-9]{2}(?![0-9.]))"
    r"(?=[\w.=]|(?<=[89AB][0-9A-F])[\s,;])|=\r?\n"
)
"""A run of quoted-printable escapes glued inside a word, or a soft line break (``=`` at a line's end)."""


def _unqp(run: str) -> str:
    """A run of quoted-printable escapes decoded (UTF-8), or the run itself when it spells no text or spells
    a letter or digit (an encoder never escapes those: ``addr=51.4`` is a value)."""
    if run[1] in "\r\n":
        return ""
    try:
        text = bytes.fromhex(run.replace("=", "")).decode("utf-8")
    except UnicodeDecodeError:
        return run
    if not text.isprintable() or any(ch.isascii() and ch.isalnum() for ch in text):
        return run
    return text


_ONE_ENTITY: Final = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_ENTITY: Final = re.compile(f"{_ONE_ENTITY}(?:{_ONE_ENTITY})*")


def _unentity(entity: str) -> str:
    try:
        return html.unescape(entity)
    except (ValueError, OverflowError):  # pragma: no cover - html.unescape replaces bad code points itself
        return entity


# -- Unicode compatibility forms --------------------------------------------------------------------
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]+")
_NON_ASCII_CHAR: Final = re.compile(r"[^\x00-\x7f]")
_SPACES: Final = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_DASHES: Final = "\u301c\uff5e\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d\u30fc\u2e3a\u2e3b"
_DOTS: Final = "\u00b7\u2024\u2027\u2219\u22c5\u30fb\uff0e\uff65\u0387\u3002\uff61"
_INVISIBLE: Final = (
    "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e\u034f\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
)
_LATIN: Final = {"ß": "s", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "a", "Æ": "A"}
_LATIN.update({"œ": "o", "Œ": "O", "þ": "t", "Þ": "T", "ð": "d", "Ð": "D", "ı": "i", "ħ": "h", "Ħ": "H"})
_LATIN.update({"ə": "e", "Ə": "E", "ǝ": "e", "Ǝ": "E", "ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O", "ŋ": "n", "Ŋ": "N"})
_LATIN.update({"ɓ": "b", "Ɓ": "B", "ɗ": "d", "Ɗ": "D", "ƙ": "k", "Ƙ": "K", "ƴ": "y", "Ƴ": "Y", "ŧ": "t", "Ŧ": "T"})
"""Latin letters with no decomposition, read as the ASCII letter they are written from (one for one)."""
_SPECIAL: Final[dict[str, str]] = {
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_DASHES, "-"),
    **dict.fromkeys(_DOTS, "."),
    **dict.fromkeys(_INVISIBLE, ""),
    "\u3001": ",",
    "\uff64": ",",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
}
_FORMS: Final[dict[str, str]] = {}
_FORMS_LIMIT: Final = 4096


def _form(ch: str) -> str:
    """What a reader takes ``ch`` for: a plain space, dash, dot or quote, an ASCII letter for a Latin
    letter with marks (``é``, ``ñ``, ``ł``: names are matched as ASCII words), nothing for an invisible
    or combining mark, or its NFKC form."""
    form = _FORMS.get(ch)
    if form is None:
        form = _SPECIAL.get(ch)
        if form is None:
            digit = unicodedata.decimal(ch, None)  # digits of any script: Arabic-Indic, Devanagari, full-width...
            form = str(digit) if digit is not None else unicodedata.normalize("NFKC", ch)
            if not form.isascii():
                form = _unmarked(form) if len(form) == 1 else ch  # ligatures and the like: seen as they are
        if len(_FORMS) < _FORMS_LIMIT:
            _FORMS[ch] = form
    return form


def ascii_letters(text: str) -> str:
    """``text`` with its Latin letters with marks written without them (``Fogaça`` -> ``Fogaca``), other
    characters as a reader takes them (:func:`_form`)."""
    return text if text.isascii() else "".join(ch if ch.isascii() else _form(ch) for ch in text)


def _unmarked(ch: str) -> str:
    """``ch`` without its marks when it is a Latin letter with marks (``é`` -> ``e``), nothing when it is a
    combining diacritic, variation selector or tag itself (they hide inside numbers and addresses), else
    ``ch`` (the vowel signs of Indic scripts are letters' parts, kept)."""
    code = ord(ch)
    if 0xFE00 <= code <= 0xFE0F or 0xE0000 <= code <= 0xE007F or 0xE0100 <= code <= 0xE01EF:
        return ""
    if 0x300 <= code <= 0x36F or 0x1AB0 <= code <= 0x1AFF or 0x1DC0 <= code <= 0x1DFF or 0x20D0 <= code <= 0x20FF:
        return ""  # a diacritic of Latin-script text on its own (decomposed): the letter before it stays
    latin = _LATIN.get(ch)
    if latin is not None:
        return latin
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() and base.isalpha() else ch


_CONFUSABLES: Final = dict(
    zip(
        "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅοαιΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijsdqwABEKMHOPCTXIJSoaiABEZHIKMNOPTYX",
        strict=True,
    )
)
"""Cyrillic and Greek letters drawn like Latin ones (``е`` U+0435 for ``e``)."""
_WORD: Final = re.compile(r"\w{2,64}")
_LATIN_LETTER: Final = re.compile(r"[A-Za-z]")


def _unconfused(word: str) -> str:
    """A word mixing Latin letters with look-alikes from other scripts (``Michеlle``), all in Latin;
    any other word as it is."""
    if word.isascii() or _LATIN_LETTER.search(word) is None or not any(ch in _CONFUSABLES for ch in word):
        return word
    return "".join(_CONFUSABLES.get(ch, ch) for ch in word)


def _compatible(text: str) -> tuple[str, OffsetMap] | None:
    """``text`` with compatibility forms replaced, one source character per piece where lengths differ."""
    table = {ord(ch): _form(ch) for ch in set(_NON_ASCII_CHAR.findall(text))}
    if all(len(form) == 1 for form in table.values()):  # the common case: one character for one
        if all(chr(code) == form for code, form in table.items()):
            return None
        return text.translate(table), OffsetMap([(0, 0, len(text), True)])
    out: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    position = view = 0
    for match in _NON_ASCII.finditer(text):
        run = match[0]
        forms = [_form(ch) for ch in run]
        new = "".join(forms)
        if new == run:
            continue
        start = match.start()
        if start > position:
            out.append(text[position:start])
            pieces.append((view, position, start, True))
            view += start - position
        if len(new) == len(run) and all(len(form) == 1 for form in forms):
            pieces.append((view, start, start + len(run), True))
            view += len(new)
        else:
            for index, form in enumerate(forms):
                pieces.append((view, start + index, start + index + 1, len(form) == 1))
                view += len(form)
        out.append(new)
        position = match.end()
    if not pieces:
        return None
    if position < len(text):
        out.append(text[position:])
        pieces.append((view, position, len(text), True))
    return "".join(out), OffsetMap(pieces)


# -- numbers printed as floats --------------------------------------------------------------------
_INTEGRAL_FLOAT: Final = re.compile(r"(?<![\w.])[0-9]{7,15}\.0+(?![\w.])")
"""A long integer printed as a float or Decimal (``3127482290.0``): a phone number or SSN held in a
numeric type reads as its digits."""


def _without_point_zero(found: str) -> str:
    digits = found.partition(".")[0]
    return digits + " " * (len(found) - len(digits))


# -- digit groups with odd separators ------------------------------------------------------------
_GROUPS: Final = re.compile(
    r"(?<![\w.,/-])[0-9]{3}([ ]+-[ ]+|_)[0-9]{2,3}\1[0-9]{4}(?![\w.,/-])"
    r"|(?<![A-Za-z])(?i:ssn|social|tel|phone|fax|mobile|cell|sms)[ :=#]{1,3}[0-9]{3},[0-9]{2,3},[0-9]{4}(?![\w.,/-])"
)
"""Three digit groups (3-2-4: an SSN, 3-3-4: a phone number) spaced around dashes (``219 - 09 - 9999``),
joined by underscores (``219_09_9999``: an id made from a number), or by commas after a cue
(``tel 415,555,0134``; without one, ``sizes 512,256,1024`` is a list). Python's ``1_000_000`` groups by threes."""
_GROUPS_HINT: Final = re.compile(r"[0-9](?: - |_[0-9]|,[0-9]{2,3},[0-9]{4})")


def _grouped(found: str) -> str:
    """Digit groups with odd separators, written the way the detectors read them: dashes for dashes and
    underscores, spaces for commas (a number with commas reads as a number unless a cue says more)."""
    if "," in found:
        return found.replace(",", " ")  # the cue kept, same length
    return re.sub(r"[ ]*[-_][ ]*", "-", found)


# -- Python date reprs ------------------------------------------------------------------------------
_DATE_REPR: Final = re.compile(
    r"(?<![\w.])(?:(?:datetime|pendulum)\.)?(?:date(?:time)?|Date(?:Time)?)"
    r"\([ ]?((?:1[89]|20)[0-9]{2}),[ ]?([0-9]{1,2}),[ ]?([0-9]{1,2})"
    r"((?:,[ ]?[0-9]{1,6}){0,4})(?:,[ ]?tzinfo=[^()]{0,60}(?:\([^()]{0,40}\))?)?[ ]?\)"
)
"""``datetime.date(1955, 6, 7)``, ``datetime.datetime(2024, 1, 5, 10, 30, tzinfo=...)``: how a date
object prints inside a repr, a tuple or an f-string's ``!r`` (pendulum's ``DateTime(1955, 6, 7, 0, 0, 0)`` too)."""


def _iso_date(found: str) -> str:
    """The date or datetime repr ``found`` as ISO 8601 (``1955-06-07``, ``2024-01-05T10:30``)."""
    match = _DATE_REPR.fullmatch(found)
    if match is None:  # pragma: no cover - only called on matches of _DATE_REPR
        return found
    year, month, day, rest = match.groups()
    iso = f"{year}-{int(month):02d}-{int(day):02d}"
    times = [int(part) for part in rest.replace(" ", "").split(",") if part]
    if times:
        iso += f"T{times[0]:02d}:{(times[1] if len(times) > 1 else 0):02d}"
        if len(times) > 2:
            iso += f":{times[2]:02d}"
    return iso


_STAMP_REPR: Final = re.compile(
    r"(?<![\w.])(?:(?:pd|pandas|np|numpy)\.)?(?:Timestamp|datetime64)\('((?:1[89]|20)[0-9]{2}-[01][0-9]-[0-3][0-9])"
    r"(?:[ T]([0-9]{2}:[0-9]{2})[0-9:.]*)?'(?:,[ ]?[^()]{0,60})?\)"
    r"|(?<![\w.])(?:time\.)?struct_time\(tm_year=((?:1[89]|20)[0-9]{2}),[ ]?tm_mon=([0-9]{1,2}),"
    r"[ ]?tm_mday=([0-9]{1,2})"
    r"[^()]{0,160}\)"
)
"""``Timestamp('1985-03-12 00:00:00')``, ``numpy.datetime64('1985-03-12T00:00')``,
``time.struct_time(tm_year=1985, tm_mon=3, tm_mday=12, ...)``: a date object of pandas, numpy or ``time``."""


def _iso_stamp(found: str) -> str:
    """The pandas, numpy or ``time`` date repr ``found`` as ISO 8601 (``1985-03-12``, ``2024-01-05T10:30``)."""
    match = _STAMP_REPR.fullmatch(found)
    if match is None:  # pragma: no cover - only called on matches of _STAMP_REPR
        return found
    if match[1] is not None:
        clock = match[2]
        return match[1] if clock in (None, "00:00") else f"{match[1]}T{clock}"
    return f"{match[3]}-{int(match[4]):02d}-{int(match[5]):02d}"


_ARROW_REPR: Final = re.compile(
    r"<Arrow \[((?:1[89]|20)[0-9]{2}-[01][0-9]-[0-3][0-9])(?:T([0-9]{2}:[0-9]{2})[0-9:.+-]{0,24})?\]>"
)
"""An ``arrow`` date's repr: ``<Arrow [1985-03-12T00:00:00+00:00]>``."""


def _iso_arrow(found: str) -> str:
    match = _ARROW_REPR.fullmatch(found)
    if match is None:  # pragma: no cover - only called on matches of _ARROW_REPR
        return found
    clock = match[2]
    return match[1] if clock in (None, "00:00") else f"{match[1]}T{clock}"


# -- markup around a value: CDATA sections, form keys in brackets -----------------------------------
_CDATA: Final = re.compile(r"<!\[CDATA\[|\]\]>")
"""A CDATA section's marks (``<ssn><![CDATA[219099999]]></ssn>``): the reader sees the value alone."""
_BRACKET_KEY: Final = re.compile(r"(?<=[\w\]])\[([A-Za-z_][\w-]{0,40})\](?=\[|=)")
"""A form field's nested key (``patient[ssn]=...``, ``patient[address][zip]=...``): read as a dotted key."""


def _dotted(found: str) -> str:
    return "." + found[1:-1]


# -- digits spelled as words ------------------------------------------------------------------------
_UNITS: Final = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4"}
_UNITS.update({"five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"})
_TEENS: Final = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15"}
_TEENS.update({"sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19"})
_TENS: Final = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7"}
_TENS.update({"eighty": "8", "ninety": "9"})
_NUMBER_WORD: Final = "|".join(sorted([*_UNITS, *_TEENS, *_TENS], key=len, reverse=True))
_SPELLED_HINT: Final = re.compile(r"[eonrxy][ ,-]+(?i:" + _NUMBER_WORD + r")[ ,-]")
"""A number word after another word's last letter: the cheap first look (one character starts it)."""
_SPELLED: Final = re.compile(
    r"(?<![A-Za-z])(?:" + _NUMBER_WORD + r")(?:[ ,-]+(?:" + _NUMBER_WORD + r")){3,}(?![A-Za-z])", re.IGNORECASE
)
"""Four number words or more in a row (``five five five, zero one three four``): digits read aloud (a call
transcript, a voice bot's log) are the digits."""
_MIN_SPELLED_DIGITS: Final = 7


def _digits_of(found: str) -> str:
    """Spelled digits as digits (``eight eight four fifty-four`` -> ``88454``), or ``found`` when they make
    fewer than seven (``one two three four`` is a count)."""
    words = re.split(r"[ ,-]+", found.lower())
    digits: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in _TENS:
            if following in _UNITS and following not in ("zero", "oh"):
                digits.append(_TENS[word] + _UNITS[following])
                index += 2
                continue
            digits.append(_TENS[word] + "0")
        else:
            digits.append(_UNITS.get(word) or _TEENS.get(word, ""))
        index += 1
    joined = "".join(digits)
    return joined if len(joined) >= _MIN_SPELLED_DIGITS else found


# -- Python repr quoting ----------------------------------------------------------------------------
_REPR_STRING: Final = re.compile(r"(?:b(?<![\w'\"]b)'|'(?<![\w'\"]'))(?:[^'\\\n]|\\.){0,512}'(?![\w'])")
"""A repr's string (``'Jane'``, ``b'...'``) not glued to a word or a quote before it."""


def _requote(string: str) -> str:
    """A Python repr string (``'Jane Roe'``, ``b'...'``) quoted the JSON way, length kept."""
    if string[0] == "b":
        return ' "' + string[2:-1] + '"'
    return '"' + string[1:-1] + '"'


_REPR_HINT: Final = re.compile(r"[\[({,:=][ ]?b?'")


_PPRINT_BREAK: Final = re.compile(r"(?<=[')\]0-9],)\n[ ]{1,40}(?=['(\[]|datetime\.|Decimal\(|UUID\()")
"""A line break ``pprint`` puts between the values of a tuple or a list, before a repr's string or another row."""


def _spaces(run: str) -> str:
    """A line break and its indentation as as many spaces (offsets kept)."""
    return " " * len(run)


_NULS: Final = re.compile("\x00+")
_ANSI: Final = re.compile("\x1b\\[[0-9;?]{0,32}[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>78]")
"""Terminal control sequences (colours, cursor moves): a reader sees none of their characters."""


def _nothing(run: str) -> str:
    return ""


def may_need_view(text: str) -> bool:
    """Whether ``text`` holds a trigger of some rewrite (``False`` is certain: the view would be the text)."""
    return (
        not text.isascii()
        or "\\" in text
        or "\x00" in text
        or "\x1b" in text
        or "%" in text
        or "&" in text
        or "'" in text
        or ("+" in text and "=" in text)
        or ".0" in text
        or "ate(" in text
        or "ime(" in text
        or "stamp(" in text
        or "time64(" in text
        or "<![CDATA[" in text
        or "]=" in text
        or "<Arrow [" in text
        or ",\n " in text
        or ("=" in text and _QP_HINT.search(text) is not None)
        or (("_" in text or "," in text or " - " in text) and _GROUPS_HINT.search(text) is not None)
        or (text.count(" ") + text.count("-") > 3 and _SPELLED_HINT.search(text) is not None)
        or may_hold_recoded(text)
        or may_hold_wrapped(text)
        or bool(byte_form_rewrites(text))
    )


def reader_view(text: str) -> View | None:
    """The text as a reader would see it, or ``None`` when that is the text itself."""
    maps: list[OffsetMap] = []
    current = text

    def apply(result: tuple[str, OffsetMap] | None) -> None:
        nonlocal current
        if result is not None:
            current = result[0]
            maps.append(result[1])

    for _ in range(_LEVELS):
        if "\\" not in current:
            break
        before = len(maps)
        apply(_rewrite(current, _ESCAPES, _unescape))
        if len(maps) == before:
            break
    for regex, rewrite in byte_form_rewrites(current):  # \163, \N{...}, 73:73:6e, =73=73, xn--, 5.3.6..., '5' + '3'
        apply(_rewrite(current, regex, rewrite))
    if "\x00" in current:  # UTF-16 read as bytes (b'm\x00a\x00i\x00l'): the zero bytes are no characters
        apply(_rewrite(current, _NULS, _nothing))
    if "\x1b" in current:  # terminal colours inside a value ("ssn \x1b[1m219\x1b[0m-09-9999") show nothing
        apply(_rewrite(current, _ANSI, _nothing))
    if "+" in current and "=" in current:  # before percent-decoding: a %2B is a plus sign, not a space
        apply(_rewrite(current, _FORM_VALUE, _unplus))
    for _ in range(_PERCENT_LEVELS):  # %2540 is an @ encoded twice, %252540 three times
        if "%" not in current:
            break
        before = len(maps)
        apply(_rewrite(current, _PERCENT, _unpercent))
        if len(maps) == before:
            break
    for _ in range(_ENTITY_LEVELS):  # &amp;#64; is an @ escaped twice (a template escaping escaped text)
        if "&" not in current or ";" not in current:
            break
        before = len(maps)
        apply(_rewrite(current, _ENTITY, _unentity))
        if len(maps) == before:
            break
    if "=" in current and _QP_HINT.search(current) is not None:  # quoted-printable: jane=40example.com
        apply(_rewrite(current, _QP, _unqp))
    if not current.isascii():
        if any(ch in _CONFUSABLES for ch in set(current)):
            apply(_rewrite(current, _WORD, _unconfused))  # before NFKC: the look-alikes are letters
        apply(_compatible(current))
    if ".0" in current:
        apply(_rewrite(current, _INTEGRAL_FLOAT, _without_point_zero))
    if may_hold_recoded(current):  # 536-22-8l74, ['536', '22', '8174'], [115, 115, 110, ...], <td>...</td>
        for regex, rewrite in RECODINGS:
            apply(_rewrite(current, regex, rewrite))
    if may_hold_wrapped(current):  # 219-\n09-9999, 219\t09\t9999, jane.roe@\nexample.org
        for regex, rewrite in MENDINGS:
            apply(_rewrite(current, regex, rewrite))
    if _GROUPS_HINT.search(current) is not None:  # 219 - 09 - 9999, 219_09_9999, tel 415,555,0134
        apply(_rewrite(current, _GROUPS, _grouped))
    if "<![CDATA[" in current:
        apply(_rewrite(current, _CDATA, _nothing))
    if "]=" in current or "][" in current:
        apply(_rewrite(current, _BRACKET_KEY, _dotted))
    if _SPELLED_HINT.search(current) is not None:  # five five five, zero one three four...
        apply(_rewrite(current, _SPELLED, _digits_of))
    if ",\n " in current:  # pprint's rows, one value a line: read as the one line repr would write
        apply(_rewrite(current, _PPRINT_BREAK, _spaces))
    others = len(maps)
    if "ate(" in current or "ime(" in current:
        apply(_rewrite(current, _DATE_REPR, _iso_date))
    if "stamp(" in current or "time64(" in current or "struct_time(" in current:
        apply(_rewrite(current, _STAMP_REPR, _iso_stamp))
    if "<Arrow [" in current:
        apply(_rewrite(current, _ARROW_REPR, _iso_arrow))
    unquoted = (current, maps[::-1])
    if "'" in current and _REPR_HINT.search(current) is not None:
        apply(_rewrite(current, _REPR_STRING, _requote))
    if not maps:
        return None
    maps.reverse()
    return View(current, maps, quotes_only=not others, unquoted=unquoted)
