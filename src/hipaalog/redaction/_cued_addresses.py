"""An address of any country right after a word that says one follows, and the town after a cued postcode.

Streets are named as each country names them (``Versokuja 87``, ``Budaszéki utca 55.``, ``Intrarea Oprea Nr.
64 Bl. 18``, ``3/985 Edwards Link, Vargasville 2560``): no list of street types holds them all, but the words
before them say what they are: ``address``, ``Anschrift``, ``adresse``, ``dirección``, ``indirizzo``,
``lives at``, ``resides at``, ``shipping to``, and compounds that say which address (``Versandadresse``,
``Lieferanschrift``, ``bezorgadres``), and ``to home`` or ``home:`` after a discharge's word on the same line
(``dc=2024-03-01 to home Am Kiesteich 925``, ``dispo: to home Flat 75`` and the street on the next line; not
``redirect to home Screen 2``). After such a word, the run of capitalised
words, numbers and the small words of street names (``de``, ``utca``, ``rue``, ``Nr.``) up to the first other
word is the address, when it holds a number and a word. After a postcode word (``PLZ``, ``code postal``,
``CP``, ``CEP``, ``postcode``), the postcode and the town after it are.

Kept: a network or memory address (``IP address 10.0.0.1``, ``bind address 0.0.0.0:8080``, ``address 0x7ffd``:
a technical word before the cue, or no word in the run), ``ship to warehouse``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import cased
from ._detector import BaseDetector, Span
from ._gate import ADDRESS
from ._lexicon import ENGLISH, SOFTWARE
from ._months import ENGLISH_MONTHS

__all__ = ["ADDRESS_CUE_TEXT", "ADDRESS_CUE_WORDS", "NUMBERLESS_STREET_TYPES", "STREET_TYPES", "CuedAddressDetector"]

_COMPOUND_HEADS: Final = (
    *("versand", "liefer", "rechnungs", "post", "heim", "privat", "melde", "zustell", "wohn", "kunden"),
    *("patienten", "bezorg", "aflever", "woon", "factuur", "leverings", "leverans", "hjemme", "faktura"),
)
"""What kind of address a compound names (``Versandadresse``, ``Lieferanschrift``, ``bezorgadres``,
``leveringsadresse``): a closed list, so that ``IP-Adresse`` and ``Serveradresse`` stay a machine's."""
_COMPOUND_TAILS: Final = ("adresse", "anschrift", "adres", "adress")
_COMPOUND_WORDS: Final = frozenset(head + tail for head in _COMPOUND_HEADS for tail in _COMPOUND_TAILS)
_ADDRESS_CUES: Final = (
    r"address(?:[ ]line[ ][12])?|addr|adresse|anschrift|wohnanschrift|direcci[oó]n|domicilio|indirizzo"
    r"|endere[cç]o|adres|adresa|osoite|adress|lives[ ](?:at|on)|living[ ](?:at|on)|resides[ ](?:at|on)"
    r"|residing[ ](?:at|on)|shipping[ ]to|wohnhaft[ ]in|wohnt[ ]in|demeurant|woont[ ](?:aan|op)|mieszka[ ]przy"
    r"|discharged[ ](?:to[ ])?home(?:[ ](?:to|at))?|to[ ]home,?(?=[ ])|home(?=[ ]?[:=])"
    rf"|(?:{'|'.join(_COMPOUND_HEADS)})(?:{'|'.join(_COMPOUND_TAILS)})"
)
_POSTCODE_CUES: Final = (
    r"plz|postleitzahl|code[ ]postal|cp|cep|cap|postcode|postal[ ]code|postnummer|postinumero|ps[čc]"
    r"|ir[aá]ny[ií]t[oó]sz[aá]m|kod[ ]pocztowy|c[oó]digo[ ]postal"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SHORT_CUES: Final = frozenset({"cp", "cap", "cep", "psc", "psč"})
"""Postcode words that are also other words or abbreviations: a town must follow the code."""
_OPEN: Final = "[ \\n\\t(\\[{:;,>\"'=|]"
_WHICH: Final = r"(?:[ ](?:de|da|do|di|du|of|for)[ ][^\W\d_]{3,14})?"
"""Which address the cue names (``Dirección de entrega:``, ``adresse de livraison``, ``address of record``)."""
_ADDRESS: Final = (
    re.compile(rf"{_OPEN}((?i:{_ADDRESS_CUES})){_WHICH}(?:[ ]?[:=][ ]?|[ ](?:is|was|ist|est)[ ]|[ ])"),
    re.compile(rf"((?i:{_ADDRESS_CUES})){_WHICH}(?:[ ]?[:=][ ]?|[ ](?:is|was|ist|est)[ ]|[ ])"),
)
_POSTCODE: Final = re.compile(
    r"[0-9]{5}-[0-9]{4}(?![0-9])|[0-9]{5}-[0-9]{3}|[0-9]{4}-[0-9]{3}|[0-9]{2}-[0-9]{3}|[0-9]{3}[ ][0-9]{2}(?![0-9])"
    r"|[0-9]{4}[ ]?[A-Z]{2}(?![A-Za-z])|[0-9]{4,6}"
    r"|[A-Z][0-9][A-Z][ ]?[0-9][A-Z][0-9]|[A-Z]{1,2}[0-9][A-Z0-9]?[ ][0-9][A-Z]{2}"
)
_POSTCODE_CUE: Final = (
    re.compile(rf"{_OPEN}((?i:{_POSTCODE_CUES}))(?:[ ]?[:=][ ]?|[ ])(?=[0-9A-Z])"),
    re.compile(rf"((?i:{_POSTCODE_CUES}))(?:[ ]?[:=][ ]?|[ ])(?=[0-9A-Z])"),
)
_TOWN: Final = re.compile(r",?[ ]((?:[A-Z][^\W\d_]+|St\.)(?:[ -](?:[A-Z][^\W\d_]+|am|an|der|sur|de|del))*)(?![\w])")

_TECHNICAL: Final = frozenset(
    {"ip", "mac", "email", "e-mail", "mail", "memory", "bind", "listen", "listening", "server", "remote", "local"}
    | {"wallet", "hardware", "physical", "virtual", "base", "return", "web", "proxy", "gateway", "broadcast", "bus"}
    | {"register", "pointer", "ipv4", "ipv6", "socket", "peer", "host", "node", "network", "public", "private"}
)
"""Words before ``address`` that make it a machine's (``IP address``, ``bind address``)."""
_STREET_SMALL: Final = frozenset(
    {"de", "del", "della", "la", "le", "les", "da", "do", "dos", "das", "di", "van", "von", "der", "den", "du", "des"}
    | {"utca", "út", "ut", "ulica", "ul.", "ul", "rue", "via", "calle", "avenida", "rua", "straße", "strasse", "weg"}
    | {"gasse", "u.", "tér", "ter", "no.", "nr.", "nr", "no", "apt", "apt.", "suite", "ap.", "bl.", "sc.", "et.", "bis"}
    | {"y", "e", "am", "an", "im", "sur", "en", "op", "aan", "int.", "depto.", "piso", "c/", "av.", "str."}
    | {"dem", "zum", "zur", "auf", "d'", "l'"}
)
"""Words in lower case that street names and flats hold in many languages."""
STREET_TYPES: Final = _words(
    """rue avenue av av. boulevard bd bd. blvd chemin allée allee impasse place quai cours route rte sentier passage
    square calle avenida paseo camino plaza ronda rambla carrer avinguda rua travessa largo praça praca via viale
    piazza corso strada vicolo ulica aleja"""
)
"""Street types that open a street's name, written in lower case in French, Spanish, Portuguese, Italian and
Polish addresses: after a cue, one before a capitalised word is a street even with no house number
(``Dirección de entrega: boulevard Hoareau``)."""
NUMBERLESS_STREET_TYPES: Final = _words(
    "rue avenue boulevard chemin allée allee impasse quai calle avenida paseo camino travessa praça praca piazza viale "
    "vicolo"
)
"""The street types rare in other text: a text holding one is read for a cued street with no house number."""
_FLAT: Final = re.compile(r"(?:Flat|Apartment|Apt\.?|Unit|Studio|Suite|Room|Level)[ ][0-9]{1,4}[A-Za-z]?$")
"""A flat's line of a British address (``Studio 41``, ``Flat 3``): its street is on the next line."""
_STREET_LINE: Final = re.compile(
    r"\n[ ]*([0-9]{1,5}[A-Za-z]?[ ])?[A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+){1,3}(?=[ ]*(?:$|[\n,]))"
)
"""The next line after a flat's: a street's name of two to four capitalised words (``Powell Ports``)."""
_TOKEN: Final = re.compile(r"[^\s,;]+|,")
_MAX_TOKENS: Final = 12


def _street_run(text: str, start: int) -> int:
    """Where the address that opens at ``start`` ends (``start``: none): capitalised words, numbers and the
    small words of street names, with commas between, holding a number and a word."""
    end = start
    digit = word = typed = False
    tokens = 0
    for match in _TOKEN.finditer(text, start):
        token = match[0]
        if tokens and text[end : match.start()].strip(" ,") != "":
            break  # a line break, a tab: the run ends there
        if token == ",":
            continue
        bare = token.rstrip(".,;:)")
        if not bare or bare.startswith("[") or "\n" in text[end : match.start()]:
            break
        if any(ch.isdigit() for ch in bare):
            if bare.count(".") > 1 or ":" in bare or bare.lower().startswith("0x"):
                return start  # a dotted quad, a port, a hex address: a machine's
            digit = True
        elif bare[0].isupper() and bare[0].isalpha():
            word = True
        elif not tokens and token.lower() in STREET_TYPES:
            typed = True  # "boulevard Hoareau": the street's type says it
        elif token.lower() not in _STREET_SMALL and token.lower() not in STREET_TYPES:
            break
        end = match.start() + len(token.rstrip(",;:)"))
        tokens += 1
        if tokens >= _MAX_TOKENS:
            break
    if not (word and (digit or typed)):
        return start
    while end > start and text[end - 1] in ".,":
        end -= 1
    if _FLAT.match(text, start, end) is not None and (street := _STREET_LINE.match(text, end)) is not None:
        return street.end()  # "Studio 41\nPowell Ports": the flat's street on the next line
    return end


_DISCHARGE: Final = re.compile(
    r"(?<![\w/])(?i:discharged?|disch|dc|d/c|dispo(?:sition)?|released|entlassen|sortie)(?![\w/])"
)
"""A discharge's word: before it on the line, ``to home`` and ``home:`` name where the patient lives."""
_HOME_WORDS: Final = _words("home discharge disch dc dispo disposition released entlassen sortie")
"""The gate's words for a home after a discharge (``d/c`` is split apart: ``home`` itself opens it)."""
_DISCHARGE_REACH: Final = 64
_ALPHA: Final = re.compile(r"[^\W\d_]+")
_CALENDAR: Final = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", *(m.lower() for m in ENGLISH_MONTHS))
)
"""Days and months, which a dictionary of common words may lack: ``to home Sunday 10 AM`` is a time."""


def _home_cue(text: str, match: re.Match[str]) -> bool:
    """Whether ``to home`` or ``home:`` follows a discharge's word on its line (``dc=2024-03-01 to home``)."""
    line = text.rfind("\n", 0, match.start(1)) + 1
    return _DISCHARGE.search(text, max(line, match.start(1) - _DISCHARGE_REACH), match.start(1)) is not None


def _home(match: re.Match[str]) -> bool:
    """Whether the cue is ``to home`` or ``home:`` (not ``discharged to home``, which needs no more)."""
    cue = match[1].lower()
    return cue.rstrip(", ").endswith("home") and not cue.startswith("discharged")


def _street_like(run: str) -> bool:
    """Whether a run after ``to home`` is a street: a flat's line and a street's, or a word no dictionary holds
    (``Am Kiesteich 925``, ``Hiddedreef 2``; not ``Dashboard 2``, ``Sunday 10 AM``)."""
    return "\n" in run or any(
        len(word) > 2 and (lower := word.lower()) not in ENGLISH and lower not in SOFTWARE and lower not in _CALENDAR
        for word in _ALPHA.findall(run)
    )


def _cue_ok(text: str, match: re.Match[str]) -> bool:
    """Whether the cue is written as the gate reads it, and no technical word makes it a machine's address."""
    words = [word for word in re.split(r"[^\w]+", match[1]) if word]
    if words[-1].lower() == "home" and words[0].lower() != "discharged":
        return _home_cue(text, match)
    if ADDRESS_CUE_WORDS.isdisjoint(word.encode() for word in words):
        return False
    before = text[max(0, match.start(1) - 24) : match.start(1)].split()
    return not before or before[-1].lower().strip(":=-_") not in _TECHNICAL


def _matches(patterns: tuple[re.Pattern[str], re.Pattern[str]], text: str) -> Iterator[re.Match[str]]:
    first = patterns[1].match(text)
    if first is not None:
        yield first
    yield from patterns[0].finditer(text)


def _addresses(text: str) -> Iterator[Span]:
    words = frozenset(_SPLIT.split(text.lower()))
    for match in _matches(_ADDRESS, text) if not _ADDRESS_WORDS.isdisjoint(words) else ():
        if not _cue_ok(text, match):
            continue
        end = _street_run(text, match.end())
        if end > match.end() and (not _home(match) or _street_like(text[match.end() : end])):
            yield match.end(), end, "ADDRESS"
    for match in _matches(_POSTCODE_CUE, text) if not _POSTCODE_WORDS.isdisjoint(words) else ():
        if not _cue_ok(text, match):
            continue
        code = _POSTCODE.match(text, match.end())
        if code is None or (code.end() < len(text) and text[code.end()].isalnum()):
            continue
        town = _TOWN.match(text, code.end())
        if town is None and match[1].lower() in _SHORT_CUES:
            continue  # "cap 5000 reached", "cp 1200 files": a short word is a postcode's only before a town
        yield code.start(), code.end(), "ZIP"
        if town is not None:
            yield town.start(1), town.end(1), "ADDRESS"


_SPLIT: Final = re.compile(r"[^\w]+")
_ADDRESS_WORDS: Final = _words(
    "address addr adresse anschrift wohnanschrift dirección direccion domicilio indirizzo endereço endereco adres "
    "adresa osoite adress lives living resides residing shipping wohnhaft wohnt demeurant woont mieszka discharged home"
).union(_COMPOUND_WORDS)
_POSTCODE_WORDS: Final = _words(
    "plz postleitzahl postal cp cep cap postcode postnummer postinumero psč psc irányítószám iranyitoszam pocztowy"
)
"""The lower-case words of the two kinds of cue: a text is split once, each pattern runs only if one is there."""
_CUE_TEXT: Final = (
    "address addr adresse anschrift wohnanschrift dirección direccion domicilio indirizzo endereço endereco adres "
    "adresa osoite adress lives living resides residing shipping wohnhaft wohnt demeurant woont mieszka discharged plz "
    "postleitzahl postal cp cep cap postcode postnummer postinumero psč psc irányítószám iranyitoszam pocztowy"
)
ADDRESS_CUE_TEXT: Final = cased(_words(_CUE_TEXT) | _COMPOUND_WORDS | _HOME_WORDS)
"""One word of every cue, in lower case, Title Case and UPPER CASE (the gate's words; ``home`` and a discharge's
word stand for ``to home``)."""
ADDRESS_CUE_WORDS: Final = frozenset(word.encode() for word in ADDRESS_CUE_TEXT)


class CuedAddressDetector(BaseDetector):
    """Addresses of any country after an address word, and the postcode and town after a postcode word."""

    gate = ADDRESS
    name = "cued_address"
    kinds = ("ADDRESS", "ZIP")

    def find(self, text: str) -> Iterator[Span]:
        return _addresses(text)
