"""The fast gate: which detectors could find anything in a text, decided in a few C-level passes.

Most log text holds no PHI, and running every detector over it would cost far more than writing
the line. The gate looks at a text a few ways, each done by the interpreter's C code:

* substring checks for ``@``, ``://``, ``^``, ``::`` and ``+1`` (one-character searches first:
  they run at ``memchr`` speed);
* digit shapes that are identifiers without any cue (an SSN or a phone number as written, 13+
  digits, a dotted quad, an MBI, a DEA or VIN tail): a cheap screen first (one ``translate`` to a
  "shape" of the text, then scans that start only at rare literals), and one regex pass over the
  text only when the screen passes;
* the text's words (one ``translate`` and one ``split``) checked against every cue word
  (``DOB``, ``patient``, ``zip``, street suffixes, state codes, titles...);
* whether the word before some ``:`` or ``=`` is a PHI field name: one regex pass over the
  reversed text reads every key, and each key is judged once (remembered per catalogue).

Each built-in detector declares the groups (bits below) that select it, and the cue words it uses
come from the same tables (:mod:`._cues`): whenever a detector could fire, the gate selects it.
The tests check gated and ungated scans agree on the labelled corpus and on generated text.
"""

from __future__ import annotations

import re
from typing import Final

from ._checks import spelled_at
from ._cues import FHIR_KEYS, FOR_WORDS, MAIL_WORDS, TABLE_WORDS, X12_HEADER, X12_MARKS
from ._hl7_fields import HL7_MARKS
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue
from ._name_table import SURNAME_RANK
from ._vocab import STATE_CODES as _VOCAB_STATE_CODES

__all__ = [
    "ADDRESS",
    "AGE",
    "ALL",
    "CARD",
    "CUED",
    "DEA",
    "EMAIL",
    "FHIR",
    "HL7",
    "IPV4",
    "KV",
    "MAC",
    "MAIL",
    "MBI",
    "NAME",
    "PERSON",
    "PERSON_MARKER",
    "PHONE",
    "SEARCH",
    "SSN",
    "TABLE",
    "TOKEN",
    "URL",
    "VIN",
    "X12",
    "XML",
    "ZIP",
    "gate",
    "key_end",
    "phi_key_before",
]

SSN, PHONE, CARD, CUED, MBI, DEA, VIN, MAC, IPV4, EMAIL, URL, HL7, AGE, ZIP, ADDRESS, NAME, KV = (
    1 << n for n in range(17)
)
FHIR, X12, MAIL, TABLE, PERSON, XML = (1 << n for n in range(17, 23))
"""Format detectors (FHIR JSON text, X12, e-mail, positional data, XML) and the cue-less name model."""
TOKEN: Final = 1 << 23
"""Encoded tokens: JWTs, Basic credentials, padded base64."""
SEARCH: Final = 1 << 24
"""A URL's query on a path a person may be searched on (``/Patient?``, ``/patients/search?``)."""
ALL: Final = (1 << 25) - 1

_DIGIT_SHAPES: Final = re.compile(
    r"""[0-9](?<![0-9][0-9])(?:                                  # at the start of a run of digits
    [0-9 -]{12}                                               # 13+ digits and separators: a card
  | [0-9](?:
        [0-9](?:
            [-. ][0-9]{2}[-. ][0-9]{4}                        # SSN as written
          | (?:\)[ ]?|[-./ ]{1,2})[0-9]{3}[-. ][0-9]{4}         # phone as written
          | \.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]                    # dotted quad
          | [0-9]{4,5}(?![0-9])(?<=[A-Z][A-Z9][0-9]{7})        # DEA (its 2nd character may be a 9)
          | [0-9]+(?![A-Za-z0-9])(?<=[A-HJ-NPR-Z0-9]{17})      # VIN ending in 4+ digits
          | [ -]?[yY]                                         # 101yo
        )
      | \.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]
      | [ -]?[yY]                                             # 93 y/o
    )
  | \.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]
  | [A-Z][A-Z0-9][0-9]-?[A-Z][A-Z0-9][0-9]-?[A-Z]{2}[0-9]{2}  # MBI
)""",
    re.VERBOSE,
)
"""Digit shapes that are identifiers without a cue. No groups (alternatives that start with a
character class are rejected fastest). Shapes overlap (a phone number can start a card number),
so any match selects every detector of digit shapes."""
_DIGIT_DETECTORS: Final = SSN | PHONE | CARD | DEA | VIN | IPV4 | MBI | AGE

_SHAPE: Final = bytes(
    ord("9")
    if 48 <= b <= 57
    else ord("y")
    if b in b"yY"
    else ord("A")
    if 65 <= b <= 90
    else ord("a")
    if 97 <= b <= 122
    else b
    if b in b" ."
    else ord("_")
    for b in range(256)
)
"""Bytes -> the shape of a text: digits ``9``, capitals ``A``, small letters ``a``, ``y``/``Y`` ``y``,
space and ``.`` kept, anything else ``_``. Dashes are deleted (``translate(_SHAPE, b"-")``), so
digit groups joined by dashes become one run."""
_SCREEN: Final = re.compile(
    rb"""9(?:                                 # every trace starts at a digit
        [ ][9y]                               # digit space digit (numbers in groups), 93 y/o
      | 9y                                    # 93yo, 101-year-old
      | \.(?:9{1,3}\.9{1,3}\.9|9999(?<=999\.9999)|99\.9999)   # dotted quad; phone, SSN with dots
      | [Ay][Ay9]9[Ay][Ay9]9[Ay][Ay]99          # MBI
      | 999(?:(?<![a9]9999)999|(?<=[Ay9]{17})) # 7+ digits not glued to a small letter; VIN tail
    )""",
    re.VERBOSE,
)
"""Traces every digit shape leaves in the text's shape (see :func:`_digit_screen`)."""


def _digit_screen(raw: bytes) -> bool:
    """Whether a text (``raw``: its UTF-8 bytes) may hold a digit shape: ``False`` is certain.

    Once dashes are removed, each shape the digit detectors report leaves one of these traces:
    seven digits in a row not glued to a small letter (the detectors need a boundary before the
    first digit; hex ids are glued), digit space digit (groups), a VIN tail, a dotted quad, a phone
    number with dots, an MBI, or an age such as ``93 y/o``. One scan of the shape is much cheaper
    than the regex over the text, which enters its alternation at every digit.
    """
    return _SCREEN.search(raw.translate(_SHAPE, b"-")) is not None


_NORMALIZE: Final = bytes(b if (65 <= b <= 90 or 97 <= b <= 122 or b in b"_/" or b >= 128) else 32 for b in range(256))
"""Bytes -> word characters or spaces; digits are deleted (``translate(_NORMALIZE, _DIGITS)``), so
numbers make no tokens and ``NK1`` reads ``NK`` (deleting only joins word characters: never a cue
word lost, at worst one more found)."""
_DIGITS: Final = b"0123456789"


BIRTH_FIELDS: Final = frozenset(
    form
    for name in (
        "birth_date",
        "birthdate",
        "birth_day",
        "birthday",
        "date_of_birth",
        "dob",
        "born",
        "birth",
        "patient_birth_date",
        "patient_dob",
        "member_dob",
        "subscriber_dob",
    )
    for form in (
        name,
        name.upper(),
        name.title(),
        name.split("_")[0] + "".join(part.title() for part in name.split("_")[1:]),
        "".join(part.title() for part in name.split("_")),
    )
)
"""Field names of a birth date, in snake, camel, Pascal and upper case (``birth_date``, ``dateOfBirth``):
a full date written after one (as validation errors print them) is a date of birth."""


def _word_tables() -> tuple[dict[bytes, int], dict[bytes, int], frozenset[bytes], frozenset[bytes]]:
    from ._cues import AFTER_AGE, BEFORE_AGE, CUED_IDS, DATES, NAMES, PHONES, TITLES, ZIPS, cased
    from ._name_table import AMBIGUOUS_GIVEN, GIVEN, SURNAME_WORDS
    from ._vocab import FIRST_NAMES, STATE_NAMES, STREET_SUFFIXES, SURNAMES

    with_digits: dict[bytes, int] = {}
    always: dict[bytes, int] = {}

    def add(table: dict[bytes, int], words: frozenset[str] | set[str], bits: int) -> None:
        for word in words:
            key = word.encode()
            table[key] = table.get(key, 0) | bits

    add(with_digits, cased(CUED_IDS.key_words | PHONES.key_words | DATES.key_words | ZIPS.key_words), CUED | ZIP)
    add(with_digits, cased(BEFORE_AGE | AFTER_AGE), AGE)
    add(with_digits, cased({"ip", "ipv"}), IPV4)  # an address written as one number (``ip 3488221437``)
    relatives = {"wife", "husband", "partner", "mother", "father", "son", "daughter", "sister", "brother", "parent"}
    add(
        with_digits,
        cased({"nok", "kin", "emergency", "guardian", "caregiver", "spouse", "relative"} | relatives),
        PHONE,
    )
    add(always, cased({"ninety", "hundred"}), AGE)  # an age in words
    add(with_digits, BIRTH_FIELDS, CUED)
    add(with_digits, {"KeyError"}, CUED)
    add(with_digits, {s.title() for s in STREET_SUFFIXES} | {s.upper() for s in STREET_SUFFIXES}, ADDRESS)
    add(with_digits, cased({"box", "psc", "cmr", "unit"}), ADDRESS)
    state_words = {w for name in STATE_NAMES.split("|") for w in name.split() if w != "of"}
    add(with_digits, {w.title() for w in state_words} | {w.upper() for w in state_words}, ZIP)
    add(always, cased(NAMES.key_words) | TITLES, NAME)
    add(always, cased({"dob", "mrn", "born", "passed", "died", "deceased", "yo", "hi", "dear", "hello"}), NAME)
    add(always, cased({"lives", "living", "resides", "residing", "resident", "moved", "relocated", "born"}), ZIP)
    add(always, cased({"hometown"}), ZIP)
    add(always, FHIR_KEYS, FHIR)
    add(always, MAIL_WORDS, MAIL)
    add(always, TABLE_WORDS, TABLE)
    plain_given = GIVEN - AMBIGUOUS_GIVEN  # an ambiguous given name in capitals never starts a name
    add(always, {name.title() for name in GIVEN} | {name.upper() for name in plain_given}, PERSON)
    hl7 = frozenset({b"PID", b"NK", b"GT", b"IN"})
    from ._names import COMMON_GIVEN, FOR_SURNAME_RANK, NOT_SURNAMES

    add(always, {name for name in plain_given - COMMON_GIVEN if len(name) > 3}, NAME)  # "report for kayla reyes"

    census = {name for name in GIVEN if name not in COMMON_GIVEN} | {
        name
        for name, rank in SURNAME_RANK.items()
        if rank < FOR_SURNAME_RANK and name not in NOT_SURNAMES and name not in SURNAME_WORDS
    }
    known = frozenset(
        w.encode() for name in FIRST_NAMES | SURNAMES | {name.title() for name in census} for w in (name, name.upper())
    )
    return with_digits, always, known, hl7


_WITH_DIGITS, _ALWAYS, _KNOWN_NAMES, _HL7_SEGMENTS = _word_tables()
_STATE_CODES: Final = frozenset(code.encode() for code in _VOCAB_STATE_CODES)
PERSON_PATH_ID: Final = re.compile(
    r"/(patients?|members?|subscribers?|beneficiar(?:y|ies)|people|persons?|charts?|mrns?)"
    r"/([A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9])(?=[/?#;\s\"']|$)"
)
"""An id in a path after a person resource (``/api/patients/MR321016/chart``); one with three digits is reported."""
_DATE_IN_PARENS: Final = re.compile(r"[a-z] \((?:[0-9]|[A-Z][a-z]{2,8}\.? [0-9])")
"""A date opening a parenthesis after a word (``Jane Roe (03/07/1984)``, ``(July 13, 1976)``)."""
_DATE_AFTER_ON: Final = re.compile(r"[a-z] (?:on|On|ON) (?:[0-9]|[A-Z][a-z]{2,8}\.? [0-9])")
"""A date after ``on`` and a word (``seen Jane Roe on 03/07/2024``)."""
_PEOPLE_PATHS: Final = frozenset(
    {"patients", "patient", "members", "member", "people", "persons", "person", "subscribers", "beneficiaries"}
)
_SEARCH_NAMES: Final = ("family=", "given=", "birthdate=")


def _searches(text: str) -> bool:
    """Whether a query in ``text`` may search for a person: on a FHIR resource type (``/Patient?``,
    ``/Encounter?``), on a collection of people (``/patients/search?``), or by a name or birth date."""
    query = text.find("?")
    while query > 0:
        slash = text.rfind("/", max(0, query - 48), query)
        segment = text[slash + 1 : query] if slash >= 0 else ""
        if segment in ("search", "_search"):
            previous = text.rfind("/", max(0, slash - 48), slash)
            segment = text[previous + 1 : slash] if previous >= 0 else ""
        if segment[:1].isupper() or segment in _PEOPLE_PATHS:
            return True
        query = text.find("?", query + 1)
    return any(name in text for name in _SEARCH_NAMES)


_PLUS_COUNTRY: Final = re.compile(r"\+[2-9][0-9]{0,2}[-. (]?[0-9]")
"""A country code after ``+``: an international phone number may start there."""
_PADDED_B64: Final = re.compile(r"=(?<=[A-Za-z0-9+/]{16}=)(?![A-Za-z0-9+/])")
"""Padding after 16 base64 characters: a base64 blob may end there."""
_GLUED_SSN: Final = re.compile(r"-[0-9]{2}-[0-9]{4}(?<=[a-z][0-9]{3}-[0-9]{2}-[0-9]{4})")
"""An SSN as written glued to a small letter (``pt123-45-6789``), which the digit screen takes for a hex id."""
_UNDERSCORE_CUE: Final = re.compile(
    r"_[0-9](?:(?<=[Ss][Ss][Nn]_[0-9])|(?<=[Ss][Oo][Cc]_[0-9])|(?<=[Tt][Ee][Ll]_[0-9])|(?<=[Ff][Aa][Xx]_[0-9])"
    r"|(?<=[Ss][Mm][Ss]_[0-9])|(?<=[Pp][Hh]_[0-9])|(?<=[Pp][Hh][Oo][Nn][Ee]_[0-9])|(?<=[Cc][Ee][Ll][Ll]_[0-9])"
    r"|(?<=[Mm][Oo][Bb][Ii][Ll][Ee]_[0-9]))"
)
"""A cue joined to a number by ``_`` (``ssn_123_45_6789.pdf``): one word with it, so no cue word."""
_BARE_STATE_ZIP: Final = re.compile(r"[a-z][ ][A-Z]{2}[ ]+[0-9]{5}")
"""A state code between a word and a ZIP code, no comma (``Mountain View CA 94043``)."""
_ROW_SCREEN: Final = re.compile(r"[,;|\t:]\s*[\"']?(?:[A-Z]|[^\x00-\x7f])")
"""A capitalised cell after a delimiter (or a label): a row may hold a name."""
_FIRST_CELL_NAME: Final = re.compile(r"\s*[A-Z][^\W\d_]*(?:[ '’-]+[^\W\d_]+)+\s*[,;|\t]")
"""A first cell of capitalised words (``Jane Roe,1980-03-12,...``)."""
PERSON_MARKER: Final = re.compile(r"\[(?:REDACTED:)?(?:NAME|MRN|PATIENT|MEMBER_ID|SSN|DOB|MBI)[:\]]")
"""hipaalog's own mask or pseudonym of a person's identifier, already in a text."""
_GLUED_NAMES: Final = re.compile(r"[A-Z][a-z]+_[A-Z][a-z]+(?![a-z])")
"""Two capitalised words joined by ``_`` (``Jones_Renee_card.jpg``): the names detector reads them."""
_FOR: Final = frozenset(word.encode() for word in FOR_WORDS)
_FOR_SURNAMES: Final = frozenset(name.title().encode() for name, rank in SURNAME_RANK.items() if rank < 3000)
"""Frequent surnames (Title Case) that count alone after ``for`` (``_names.FOR_SURNAME_RANK``)."""
_ALL_WORDS: Final = (frozenset(_WITH_DIGITS) | frozenset(_ALWAYS) | _KNOWN_NAMES | _HL7_SEGMENTS | _STATE_CODES) - _FOR
"""Every word that selects a detector. ``for`` is not one: it matters only beside a known name."""

_KEY_BEFORE: Final = re.compile(r"[ ]?[\"']?([\w.\-]{0,63}[A-Za-z_])")


def key_end(text: str, separator: int) -> bool:
    """Whether ``text[separator]`` may end a key: a letter, ``_`` or quote before it (a space between allowed)."""
    before = text[separator - 1]
    if before == " " and separator > 1:
        before = text[separator - 2]
    return before.isalpha() or before in "_\"'"


def phi_key_before(text: str, separator: int, catalogue: KeyCatalogue) -> bool:
    """Whether the word just before ``text[separator]`` (a ``:`` or ``=``) is a PHI field name."""
    match = _KEY_BEFORE.match(text[max(0, separator - 70) : separator][::-1])
    return match is not None and catalogue.kind(match[1][::-1]) is not None


_VERDICTS_LIMIT: Final = 4096
_COLON_KEYS: Final = re.compile(":" + _KEY_BEFORE.pattern)
"""On the text reversed: each ``:`` and the key before it, as :func:`phi_key_before` reads it. (A
literal first character lets the regex engine skip to each separator at C speed, ``[:=]`` does not.)"""
_EQUALS_KEYS: Final = re.compile("=" + _KEY_BEFORE.pattern)
"""The same for ``=``."""


def _key_value(text: str, catalogue: KeyCatalogue) -> bool:
    """Whether the key before some ``:`` or ``=`` in ``text`` is a PHI field name.

    One regex pass over the reversed text per separator finds every key (the key
    :func:`phi_key_before` reads at each separator; the detector's other conditions are left out,
    so this never says less than the detector); a known key costs one dictionary lookup.
    """
    backwards = text[::-1]
    found: list[str] = []
    if ":" in text:
        found = _COLON_KEYS.findall(backwards)
    if "=" in text:
        found += _EQUALS_KEYS.findall(backwards)
    verdicts = catalogue.reversed_verdicts
    for reversed_key in found:
        verdict = verdicts.get(reversed_key)
        if verdict is None:
            info = catalogue.info(reversed_key[::-1])
            # A person's key may hold their name or a bare phone or SSN, a phone word (``cb``) a bare phone;
            # an observation's date is a patient's beside a PID key.
            verdict = info.kind is not None or info.holds_name or info.phone_word > 0 or info.beside_patient is not None
            if len(verdicts) >= _VERDICTS_LIMIT:
                verdicts.clear()
            verdicts[reversed_key] = verdict
        if verdict:
            return True
    return False


def gate(text: str, catalogue: KeyCatalogue = DEFAULT_CATALOGUE) -> int:
    """Bit set of the detector groups worth running on ``text`` (0: nothing to find)."""
    # One-character searches first: they run at memchr speed, longer needles do not.
    bits = EMAIL if "@" in text or spelled_at(text) else 0
    colon = ":" in text
    if colon:
        if "/" in text and "://" in text:
            bits |= URL
        colons = text.count(":")
        if colons >= 5 or (colons > 1 and "::" in text):
            bits |= MAC
    if "^" in text:
        bits |= HL7 | NAME | ZIP
    if "|" in text and any(mark in text for mark in HL7_MARKS):
        bits |= HL7  # segments after an escaped separator (``\\rPID|``) make no word of their own
    if ("*" in text and any(mark in text for mark in X12_MARKS)) or ("ISA" in text and X12_HEADER.search(text)):
        bits |= X12
    if "<" in text and ("</" in text or "/>" in text):
        bits |= XML  # elements: <ssn>...</ssn>, <birthTime value="..."/>
    if "?" in text and "=" in text:
        if _searches(text):
            bits |= SEARCH  # a query's parameters (``Patient?name=...``): FHIR search
        if "=?" in text:
            bits |= MAIL
    if "\n" in text and ("," in text or "\t" in text or "|" in text or ";" in text):
        bits |= TABLE  # rows under a header
    if "'" in text and ("('" in text or "['" in text or "': " in text or "='" in text or "(b'" in text):
        bits |= TABLE  # ('key', 'value') pairs, dict and keyword reprs
    if "eyJ" in text or "asic " in text or ("=" in text and _PADDED_B64.search(text) is not None):
        bits |= TOKEN  # a JWT or base64 JSON, Basic credentials, a padded base64 blob
    elif "40" in text and ("2e" in text or "2E" in text):
        bits |= TOKEN  # "@" and "." in hexadecimal: an address dumped as bytes
    if "+" in text and ("+1" in text or _PLUS_COUNTRY.search(text) is not None):
        bits |= PHONE  # +1 415..., +44 20...
    raw = text.encode("utf-8", "surrogatepass")
    normalized = raw.translate(_NORMALIZE, _DIGITS)
    digits = len(raw) - len(normalized)
    if (
        digits > 7
        and ("|" in text or "\t" in text or text.count(",") > 1 or text.count(";") > 1)
        and (_ROW_SCREEN.search(text) is not None or _FIRST_CELL_NAME.match(text) is not None)
    ):
        bits |= TABLE  # a row with names side by side; two values (a date, an id) make it about someone
    # Every digit shape holds two digits at least (``93yo``).
    if digits > 1 and _digit_screen(raw) and _DIGIT_SHAPES.search(text) is not None:
        bits |= _DIGIT_DETECTORS
    if digits > 8 and "-" in text and not bits & SSN and _GLUED_SSN.search(text) is not None:
        bits |= SSN
    if digits > 8 and "_" in text and _UNDERSCORE_CUE.search(text) is not None:
        bits |= SSN | PHONE
    if digits > 8 and ("SSN" in text or "Ssn" in text):
        bits |= SSN  # glued to a word before it (``patientSSN123456789``): no word of its own
    if digits > 5 and "[" in text and PERSON_MARKER.search(text) is not None:
        bits |= CUED  # "for [REDACTED:NAME] on 14.10.2025": a person's argument masked before formatting
    if "/" in text and PERSON_PATH_ID.search(text) is not None:
        bits |= CUED  # /patients/<id>, /patients/<name-slug>
    if digits > 3 and " (" in text and _DATE_IN_PARENS.search(text) is not None:
        bits |= CUED  # "Jane Roe (03/07/1984)": a birth date after a name
    if digits > 3 and "n " in text and _DATE_AFTER_ON.search(text) is not None:
        bits |= CUED  # "seen Jane Roe on 03/07/2024": the date of a person's visit
    words = normalized.split()
    if not _ALL_WORDS.isdisjoint(words):  # the common case is cheaper than an intersection
        known = False
        for word in _ALL_WORDS.intersection(words):
            if digits:
                bits |= _WITH_DIGITS.get(word, 0)
            bits |= _ALWAYS.get(word, 0)
            if word in _KNOWN_NAMES:
                known = True
            if word in _HL7_SEGMENTS and "|" in text:
                bits |= HL7
            if (
                word in _STATE_CODES
                and digits
                and ("," in text or "^" in text or "PO " in text or _BARE_STATE_ZIP.search(text) is not None)
            ):
                bits |= ZIP
        if known and ("," in text or not _FOR.isdisjoint(words)):
            bits |= NAME
    if "_" in text and _GLUED_NAMES.search(text) is not None:
        bits |= PERSON  # a file named after a person: Jones_Renee_card.jpg
    if ("for " in text or "For " in text) and not _FOR.isdisjoint(words) and not _FOR_SURNAMES.isdisjoint(words):
        bits |= PERSON  # a frequent surname after "for" (``paired for Holland``)
    if (colon or "=" in text) and _key_value(text, catalogue):
        bits |= KV
    return bits
