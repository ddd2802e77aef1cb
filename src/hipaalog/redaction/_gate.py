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
from collections.abc import Callable
from typing import Final

from ._aligned_screen import aligned_table
from ._checks import NATIONAL_PHONE_SCREEN, spelled_at
from ._cues import (
    FHIR_KEYS,
    FILE_EXTENSION,
    FOR_WORDS,
    MAIL_WORDS,
    QUERY_KEY,
    STREET_GLUED_HINTS,
    STREET_TYPE_AFTER_NUMBER,
    STREET_TYPE_FIRST,
    STREET_TYPE_FIRST_WEAK,
    STREET_TYPE_GLUED,
    STREET_TYPE_HYPHENED,
    STREET_TYPE_WORDS,
    TABLE_WORDS,
    X12_HEADER,
    X12_MARKS,
    X12_OTHER_MARKS,
)
from ._dicom_tags import DICOM_KEYWORDS, dicom_gate, is_dump
from ._format_case import lower_hl7, lower_x12, upper_fhir
from ._hl7_fields import HL7_FIELDS, HL7_MARKS
from ._hl7_separators import custom_separators
from ._json_values import named_value_gate
from ._key_phrases import sentence_key
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue
from ._layers import may_hold_token
from ._name_domains import BARE_HOST_HINT
from ._name_table import SURNAME_RANK
from ._ncpdp_fields import ncpdp_gate
from ._near import initials_first
from ._place_screen import PLACE_SCREEN
from ._script_names import script_letters
from ._street_forms import address_hint
from ._vocab import STATE_CODES as _VOCAB_STATE_CODES

__all__ = [
    "ADDRESS",
    "AGE",
    "ALL",
    "CARD",
    "CUED",
    "DEA",
    "DICOM",
    "EMAIL",
    "FHIR",
    "FOREIGN_STREET",
    "HL7",
    "HL7_PARSED",
    "IBAN",
    "IPV4",
    "KEYED_LIST",
    "KV",
    "MAC",
    "MAIL",
    "MBI",
    "NAME",
    "NAMED",
    "NCPDP",
    "PATH",
    "PERSON",
    "PERSON_MARKER",
    "PHONE",
    "PLACE",
    "POSTCODE_TOWN",
    "QUERY",
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
    "glued_street_hint",
    "key_end",
    "phi_key_before",
]

SSN, PHONE, CARD, CUED, MBI, DEA, VIN, MAC, IPV4, EMAIL, URL, HL7, AGE, ZIP, ADDRESS, NAME, KV = (
    1 << n for n in range(17)
)
FHIR, X12, MAIL, TABLE, PERSON, XML = (1 << n for n in range(17, 23))
"""Format detectors (FHIR JSON text, X12, e-mail, positional data, XML) and the cue-less name model."""
TOKEN: Final = 1 << 23
"""Encoded tokens: JWTs, Basic credentials, base64, base32, base85 and hex runs."""
SEARCH: Final = 1 << 24
"""A URL's query on a path a person may be searched on (``/Patient?``, ``/patients/search?``)."""
PATH: Final = 1 << 25
"""A slash, a backslash or a document's file name: a path whose segments may join a person's name
(``/uploads/jane-roe/``, ``roe_jane.pdf``); the path reader judges the segments."""
QUERY: Final = 1 << 26
"""A query parameter that may name a person on any path (``?q=jane+roe``, ``&patient=...``)."""
NCPDP: Final = 1 << 27
"""NCPDP D.0 pharmacy claims: a field separator, a segment id beside ``|``, or field ids as keys."""
DICOM: Final = 1 << 28
"""DICOM attributes: a tag dump, the DICOM JSON model, or a keyword of an identifying attribute as a key."""
HL7_PARSED: Final = 1 << 29
"""HL7 segments parsed into lists or dicts, written as text (``[["PID", "1", ...]]``, ``{"PID": {"7": ...}}``)."""
NAMED: Final = 1 << 30
"""A value named by a sibling (FHIR ``Parameters``, OTLP attributes): ``{"name": "birthdate", "valueDate": ...}``."""
KEYED_LIST: Final = 1 << 31
"""A list under a key: a YAML block list (``emergency_contact:`` then ``- ...`` lines), a JSON or repr array."""
PLACE: Final = 1 << 32
"""Towns and postal codes by their neighbours (``_places.py``): a digit, a line break, a preposition of place."""
IBAN: Final = 1 << 33
"""Two capitals and two digits opening a long run of capitals and digits: an IBAN, checked by its digits."""
ALL: Final = (1 << 34) - 1

_DASHED_PAIRS: Final = re.compile(r"-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-")
"""The middle of a MAC address written with dashes, asked first from each dash."""
_DASHED_QUAD_TAIL: Final = re.compile(r"-[0-9]{1,3}-[0-9]{1,3}-[0-9]{1,3}(?=\.[A-Za-z]|[^\w-]|$)")
"""The last three parts of an IPv4 address written with dashes, asked first from each dash."""
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
_LOWER_VIN_TAIL: Final = re.compile(r"[0-9]{4}(?![A-Za-z0-9])(?<=[a-hj-npr-z0-9]{17})")
"""The serial's last four digits closing 17 small letters and digits, a letter first: a VIN in small letters."""
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
    from ._cues import (
        AFTER_AGE,
        AGE_OWNERS,
        BEFORE_AGE,
        CLINICAL_WORDS,
        CONTACT_SENTENCE_WORDS,
        CONTACT_WORDS,
        CUED_IDS,
        DATES,
        NAMES,
        PHONES,
        TITLES,
        ZIPS,
        cased,
    )
    from ._name_table import AMBIGUOUS_GIVEN, GIVEN, SURNAME_WORDS
    from ._vocab import FIRST_NAMES, STATE_NAMES, STREET_SUFFIXES, SURNAMES

    with_digits: dict[bytes, int] = {}
    always: dict[bytes, int] = {}

    def add(table: dict[bytes, int], words: frozenset[str] | set[str], bits: int) -> None:
        for word in words:
            key = word.encode()
            table[key] = table.get(key, 0) | bits

    add(with_digits, cased(CUED_IDS.key_words | PHONES.key_words | DATES.key_words | ZIPS.key_words), CUED | ZIP)
    from ._national import NATIONAL_CUE_WORDS  # after CUED is defined: it imports it

    add(with_digits, cased(NATIONAL_CUE_WORDS), CUED)  # "CPF 123.456.789-09", "NHS number 943 476 5919"
    from ._plates import GLUED_TAG_WORDS, PLATE_CUE_WORDS  # after CUED is defined: it imports it

    add(with_digits, cased(PLATE_CUE_WORDS) | GLUED_TAG_WORDS, CUED)  # "veh OR53 CYW", "tag# LF41 HPA", "tagNo ..."
    add(with_digits, cased(CLINICAL_WORDS), CUED)  # "rlq pain since 10/16/24": a date in a clinical clause
    from ._biometric_values import BIOMETRIC_CUE_WORDS, BIOMETRIC_KEY_WORDS  # after CUED is defined: it imports it

    add(with_digits, cased(BIOMETRIC_KEY_WORDS), CUED)  # "template=IRIS-e09888bde94d2a88", "vector_id=..."

    add(with_digits, cased(BIOMETRIC_CUE_WORDS), CUED)  # "voiceprint hash 9f2c51e0a7", "iris scan IR-740594"
    add(with_digits, cased(BEFORE_AGE | AFTER_AGE | AGE_OWNERS), AGE)
    add(with_digits, {"J"}, AGE)  # "Meier, 95 J.": German's years of age
    add(with_digits, {"Pat", "pat"}, CUED)  # "Pat. 4471920 verlegt": a patient's abbreviation
    add(with_digits, cased({"ip", "ipv"}), IPV4)  # an address written as one number (``ip 3488221437``)
    add(with_digits, cased(CONTACT_WORDS | CONTACT_SENTENCE_WORDS), PHONE)  # "NOK: Jane Roe 07700 900123"
    from ._cued_phones import MORE_PHONE_WORDS  # after PHONE is defined: it imports it

    add(with_digits, cased(MORE_PHONE_WORDS), PHONE)  # "dialing 0436 840 68 88", "OTP sent to (0151) 496 0354"
    from ._cued_addresses import ADDRESS_CUE_TEXT, NUMBERLESS_STREET_TYPES  # after ADDRESS is defined: it imports it

    add(with_digits, ADDRESS_CUE_TEXT, ADDRESS)  # "lives at Versokuja 87", "PLZ 4059 Lunderskov"
    add(always, cased(NUMBERLESS_STREET_TYPES), ADDRESS)  # "Dirección de entrega: boulevard Hoareau"
    add(always, cased({"ninety", "hundred"}), AGE)  # an age in words
    add(with_digits, BIRTH_FIELDS, CUED)
    add(with_digits, {"b", "B"} | cased({"expired", "expired_on"}), CUED)  # "b. (27-Nov-1954)", "expired: 20211222"
    add(with_digits, {"KeyError"}, CUED)
    # a Medicare plan's contract and package after a key glued to "plan" (plan_id=H1234-001)
    add(with_digits, cased({"plan_id", "plan_no", "planid"}) | {"planId", "PlanId", "PlanID"}, CUED)
    add(with_digits, {s.title() for s in STREET_SUFFIXES} | {s.upper() for s in STREET_SUFFIXES}, ADDRESS)
    add(with_digits, cased({"box", "psc", "cmr", "unit"}), ADDRESS)
    add(with_digits, STREET_TYPE_WORDS, ADDRESS)  # "Calle Mayor 12", "ul. Fredry 70/67"
    state_words = {w for name in STATE_NAMES.split("|") for w in name.split() if w != "of"}
    add(with_digits, {w.title() for w in state_words} | {w.upper() for w in state_words}, ZIP)
    add(always, cased(NAMES.key_words) | TITLES, NAME)
    add(always, cased({"dob", "mrn", "born", "passed", "died", "deceased", "yo", "hi", "dear", "hello"}), NAME)
    add(always, cased({"lives", "living", "resides", "residing", "resident", "moved", "relocated", "born"}), ZIP)
    add(always, cased({"hometown"}), ZIP)
    from ._cued_places import PLACE_CUE_WORDS  # after ZIP is defined: it imports it

    add(always, cased(PLACE_CUE_WORDS), ZIP)  # "city Lake Orvalle state GA", "LOCATION ZELLWOODBURY FL"
    add(always, FHIR_KEYS, FHIR)
    add(always, set(DICOM_KEYWORDS), DICOM)  # PatientID=, "StudyDate": ...
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
_WORD_CODES: Final = frozenset({"OK", "ID", "IN", "OR", "ME", "HI", "AS", "DE", "MD", "CO", "PA"})
_STATE_CODES: Final = frozenset(code.encode() for code in _VOCAB_STATE_CODES) | frozenset(
    code.lower().encode() for code in _VOCAB_STATE_CODES if code not in _WORD_CODES
)
"""State codes, and in lower case those that are no English word (``springfield, il 62704``)."""
PERSON_PATH_ID: Final = re.compile(
    r"/(patients?|members?|subscribers?|beneficiar(?:y|ies)|people|persons?|charts?|mrns?|users?|profiles?|clients?"
    r"|residents?|enrollees?|dependents?|guarantors?|pacientes?|patienten|patientin|pazienti|pt|vehicles|vins?|plates"
    r"|u|p)/([A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9])(?=[/?#;\s\"']|$)"
)
"""An id in a path after a person resource (``/api/patients/MR321016/chart``, ``/users/48213/settings``,
``/pacientes/AB123456/``) or a vehicle (``/vehicles/1HGCM82633A004352/``, ``/plates/ABC-1234``); one with three
digits is reported. ``/u/`` is a user's page by handle, ``/p/`` a person's page by name slug, ``/pt/`` (a
language's folder as often) a patient's only by a record number."""
PERSON_KEY_ID: Final = re.compile(
    r"(?=[pPmM])(?<![^\s\"'=:(\[,])(patients?|pacientes?|patienten|pt|mrns?|members?|persons?)"
    r"/([A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9])(?=[/\s\"',;)&]|$)"
)
"""The same at the start of an object key, with no ``/`` before it (``'Key': 'patients/H581194273/wound.jpg'``,
``Key=mrn/44-336-169/scan.dcm``, ``prefix=patients/H581194273``)."""
_DATE_IN_PARENS: Final = re.compile(r" \((?<=[a-z] \()(?:[0-9]|[A-Z][a-z]{2,8}\.? [0-9])")
"""A date opening a parenthesis after a word (``Jane Roe (03/07/1984)``, ``(July 13, 1976)``). This regex and the
two below are only asked whether they match anywhere: each opens with its space (the engine skips to one), the
letter before it is looked behind for."""
_DATE_AFTER_ON: Final = re.compile(r" (?<=[a-z] )(?:on|On|ON) (?:[0-9]|[A-Z][a-z]{2,8}\.? [0-9])")
_YEARS_SIGN: Final = re.compile(r"[0-9][岁歲歳세살]")
_AGE_IN_PARENS: Final = re.compile(r" \((?<=[a-z0-9] \()[0-9]{2,3}\)")
"""A number of two or three digits in parentheses after a word (``Jane Roe (94)``), from its space."""
_IBAN_SCREEN: Final = re.compile(r"[A-Za-z][A-Za-z][0-9]{2}[ -]?[A-Za-z0-9]{4}[ -]?[A-Za-z0-9]{4}")
"""The opening of an IBAN (country, check digits, two groups), from its first letter, in any case."""
_AGE_AND_SEX: Final = re.compile(r"[19](?<![\w.][19])(?:[0-9]|[0-3][0-9])[ ]?[MF](?![\w/])")
"""An age over 89 with the sex right after it, as charts write them (``97 M``, ``105F``), from its first digit."""
"""A date after ``on`` and a word (``seen Jane Roe on 03/07/2024``)."""
_BORN_ABBREVIATION: Final = re.compile(r"(?<![\w.])(?:[dD]\.[ ]?[oO]\.[ ]?)?[bB]\.[ ]?[0-9A-Za-z]")
"""``d.o.b.`` or ``b.`` (born) before a date."""
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
_BARE_STATE_ZIP: Final = re.compile(r"[ ](?:(?<=[a-z][ ])|(?<=[A-Z]{3}[ ]))[A-Z]{2}[ ]+[0-9]{5}")
"""A state code between a word and a ZIP code, no comma (``Mountain View CA 94043``, ``SPRINGFIELD IL 62704``)."""
_ROW_SCREEN: Final = re.compile(r"[,;|\t:][^\S\t]*[\"']?(?:[A-Z]|[^\x00-\x7f])")
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

_SUMMARIES: dict[frozenset[bytes], tuple[int, int, bool, bool, bool]] = {}
"""What a set of cue words found in a text says (see :func:`_summary`); texts share few sets, each judged once."""
_SUMMARIES_LIMIT: Final = 4096


def _summary(found: frozenset[bytes]) -> tuple[int, int, bool, bool, bool]:
    """The bits ``found`` (words of :data:`_ALL_WORDS`) selects in a text with digits and in any text, and
    whether a known name, an HL7 segment name and a state code are among them."""
    with_digits = always = 0
    for word in found:
        with_digits |= _WITH_DIGITS.get(word, 0)
        always |= _ALWAYS.get(word, 0)
    return (
        with_digits,
        always,
        not _KNOWN_NAMES.isdisjoint(found),
        not _HL7_SEGMENTS.isdisjoint(found),
        not _STATE_CODES.isdisjoint(found),
    )


_PARSED_SEGMENTS: Final = frozenset({b"PID", b"PD", b"NK", b"GT", b"IN", b"PV", b"MRG", b"MSH"})
"""Person segments' ids (and the header's) as words (digits deleted): one selects the reader of parsed segments."""
_PARSED_SEGMENT: Final = re.compile(r"[\"'](?:PID|PD1|NK1|GT1|IN1|IN2|PV1|MRG|MSH)[\"'][ \t\r\n]*[,:]")

_KEY_BEFORE: Final = re.compile(r"[ ]?[\"']?([\w.\-]{0,63}[A-Za-z_])")


_HL7_FIELD_KEY: Final = re.compile(r"(?:^|[^\w.\-])([A-Za-z][A-Za-z0-9]{2})[._\-][0-9]{1,3}[ ]?$")
"""A key naming a field of an HL7 segment by its number, as a log line quotes it (``PID-18=``, ``pv1_19:``; not
``PID2=``, a second process)."""


_NUMBERED_KEY: Final = re.compile(r"(?<=[a-z]{2})(?<![Ii][Pp][Vv])[0-9]{1,2}[ ]?$")
"""The end of a key numbered after a word in small letters (``zip5``, ``zip4``, ``line2``, ``ssnLast4``; not a
protocol's version, ``ipv4``, nor an HL7 segment's or a process's number in capitals, ``PID1``)."""


def key_end(text: str, separator: int) -> bool:
    """Whether ``text[separator]`` may end a key: a letter, ``_`` or quote before it (a space between allowed),
    the number of an HL7 field after its segment (``PID-18=``, ``IN1.36:``) or one or two digits after a word
    (``zip5=``)."""
    before = text[separator - 1]
    if before == " " and separator > 1:
        before = text[separator - 2]
    if before.isdigit():
        field = _HL7_FIELD_KEY.search(text[max(0, separator - 9) : separator])
        if field is not None:
            return field[1].upper() in HL7_FIELDS
        return _NUMBERED_KEY.search(text, max(0, separator - 4), separator) is not None
    return before.isalpha() or before in "_\"'"


def phi_key_before(text: str, separator: int, catalogue: KeyCatalogue) -> bool:
    """Whether the word just before ``text[separator]`` (a ``:`` or ``=``) is a PHI field name."""
    match = _KEY_BEFORE.match(text[max(0, separator - 70) : separator][::-1])
    return match is not None and catalogue.kind(match[1][::-1]) is not None


_VERDICTS_LIMIT: Final = 4096
_COLON_KEYS: Final = re.compile(":" + _KEY_BEFORE.pattern)
"""On the text reversed: each ``:`` and the key before it, as :func:`phi_key_before` reads it. (A
literal first character lets the regex engine skip to each separator at C speed, ``[:=]`` does not.)"""
_EQUALS_KEYS: Final = re.compile("=[<>!]?" + _KEY_BEFORE.pattern)
"""The same for ``=`` (and the comparisons ``>=``, ``<=``, ``!=`` of SQL: ``WHERE age >= 95``)."""


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
    known = list(map(verdicts.get, found))  # keys recur: most are judged already
    if True in known:
        return True
    if None not in known:
        return False
    for reversed_key, verdict in zip(found, known, strict=True):
        if verdict is None:
            info = catalogue.info(reversed_key[::-1])
            # A person's key may hold their name or a bare phone or SSN, a phone word (``cb``) a bare phone;
            # an observation's date is a patient's beside a PID key; ``pid`` a patient's id (or a process's).
            verdict = (
                info.kind is not None
                or info.holds_name
                or info.phone_word > 0
                or info.beside_patient is not None
                or info.compact == "pid"
            )
            if len(verdicts) >= _VERDICTS_LIMIT:
                verdicts.clear()
            verdicts[reversed_key] = verdict
        if verdict:
            return True
    return False


_GLUED_STREET: Final = re.compile(rf"[a-zß]{STREET_TYPE_GLUED}[ ]+[0-9]")
_HYPHENED_STREET: Final = re.compile(rf"-{STREET_TYPE_HYPHENED}[ ]+[0-9]")
FOREIGN_STREET: Final = initials_first(
    rf"(?<![\w/])(?:{STREET_TYPE_FIRST}|{STREET_TYPE_FIRST_WEAK})[ ]|[0-9],?[ ]+{STREET_TYPE_AFTER_NUMBER}[ ]"
    rf"|[a-z]{STREET_TYPE_GLUED}[ ]+[0-9]"
    rf"|[a-z]-{STREET_TYPE_HYPHENED}[ ]+[0-9]"
)
"""Where a street written the way of another country may be (``Calle``, ``37, boulevard``, ``...weg 781``)."""
POSTCODE_TOWN: Final = re.compile(
    r",[ ]?[0-9]{4,5}(?:-?[0-9]{3,4}|[ ]?[A-Z]{2}(?![A-Za-z]))?,?[ ](?:[a-z]{1,3}[ ])?[A-Z]"
)
"""A postcode and a town after a comma (``, 10115 Berlin``, ``, 1017 XN, Amsterdam``): a street may be before them."""


def glued_street_hint(text: str) -> bool:
    """Whether ``text`` holds one of :data:`STREET_GLUED_HINTS` (a loop of ``in`` tests: no generator)."""
    for hint in STREET_GLUED_HINTS:  # noqa: SIM110 - cheaper than any() over a generator on the hot path
        if hint in text:
            return True
    return False


_UNLISTED: list[Callable[[str], bool]] = []


def _unlisted_name(text: str) -> bool:
    """:func:`._names.has_unlisted_name`, imported on first use (the names model imports this module)."""
    if not _UNLISTED:
        from ._names import has_unlisted_name

        _UNLISTED.append(has_unlisted_name)
    return _UNLISTED[0](text)


_EVIDENCE: list[Callable[[str], bool]] = []


def _opening_name(text: str) -> bool:
    """:func:`._name_openings.has_opening_name`, imported on first use."""
    from ._name_openings import has_opening_name

    return has_opening_name(text)


def _evidence_name(text: str) -> bool:
    """:func:`._name_evidence.has_evidence_name`, imported on first use (it imports this module)."""
    if not _EVIDENCE:
        from ._name_evidence import has_evidence_name

        _EVIDENCE.append(has_evidence_name)
    return _EVIDENCE[0](text)


_ADDRESSED: list[tuple[frozenset[bytes], Callable[[str], bool]]] = []


def _addressed_name(words: list[bytes], text: str) -> bool:
    """Whether a cue word of :mod:`._addressed_names` is among ``words`` and that detector finds a name in
    ``text`` (imported on first use: it imports this module)."""
    if not _ADDRESSED:
        from ._addressed_names import CUE_WORDS, has_addressed_name

        _ADDRESSED.append((CUE_WORDS, has_addressed_name))
    cues, found = _ADDRESSED[0]
    return not cues.isdisjoint(words) and found(text)


_PHONE_KEY: list[Callable[[str], bool]] = []


def _phone_key(text: str) -> bool:
    """:func:`._cued_phones.phone_key_screen`, imported on first use (that module imports this one)."""
    if not _PHONE_KEY:
        from ._cued_phones import phone_key_screen

        _PHONE_KEY.append(phone_key_screen)
    return _PHONE_KEY[0](text)


_LOWER: list[Callable[[str], bool]] = []


def _lower_case_name(text: str) -> bool:
    """:func:`._context.has_lower_case_name`, imported on first use (the context detectors import this module)."""
    if not _LOWER:
        from ._context import has_lower_case_name

        _LOWER.append(has_lower_case_name)
    return _LOWER[0](text)


def gate(text: str, catalogue: KeyCatalogue = DEFAULT_CATALOGUE) -> int:
    """Bit set of the detector groups worth running on ``text`` (0: nothing to find)."""
    # One-character searches first: they run at memchr speed, longer needles do not.
    bits = EMAIL if "@" in text or spelled_at(text) else 0
    colon = ":" in text
    if "www." in text or "WWW." in text:
        bits |= URL  # a URL without its scheme
    elif "." in text and BARE_HOST_HINT.search(text) is not None:
        bits |= URL  # a host without a scheme (janeroe.com): a person's own site may be written so
    if colon:
        if "/" in text and "://" in text:
            bits |= URL
        colons = text.count(":")
        if colons >= 5 or (colons > 1 and "::" in text):
            bits |= MAC
    dashes = text.count("-") if "-" in text else 0
    if dashes >= 5 and _DASHED_PAIRS.search(text) is not None:
        bits |= MAC  # a MAC address with dashes (3A-84-31-20-C5-C1)
    if dashes >= 3 and _DASHED_QUAD_TAIL.search(text) is not None:
        bits |= IPV4  # an address in a host name (203-0-113-7.dyn.example.net, ip-54-12-3-9)
    if "^" in text:
        bits |= HL7 | NAME | ZIP
    if "|" in text and any(mark in text for mark in HL7_MARKS):
        bits |= HL7  # segments after an escaped separator (``\\rPID|``) make no word of their own
    if ("*" in text and any(mark in text for mark in X12_MARKS)) or ("ISA" in text and X12_HEADER.search(text)):
        bits |= X12
    elif ("|" in text or "^" in text) and any(mark in text for mark in X12_OTHER_MARKS):
        bits |= X12  # NM1|IL|1|ROE|JANE~: another element separator, no interchange header
    if not bits & HL7 and lower_hl7(text):
        bits |= HL7  # pid|1||...: a message lower-cased whole
    if not bits & HL7 and ("MSH" in text or "msh" in text) and custom_separators(text) is not None:
        bits |= HL7  # MSH#$~\\&#...: a message that declares its own separators
    if not bits & X12 and lower_x12(text):
        bits |= X12  # nm1*il*1*...
    if not bits & FHIR and upper_fhir(text):
        bits |= FHIR  # "FAMILY": "ROE": a resource upper-cased whole
    if named_value_gate(text):
        bits |= NAMED  # {"name": "birthdate", "valueDate": ...}, {"key": "...", "value": {"stringValue": ...}}
    if ncpdp_gate(text):
        bits |= NCPDP  # pharmacy claims: fields after a separator, or ``C2=...``
    if dicom_gate(text):
        bits |= DICOM  # (0010,0020) LO [...], "00100020": {...}, PatientID=...
    if "<" in text and ("</" in text or "/>" in text):
        bits |= XML  # elements: <ssn>...</ssn>, <birthTime value="..."/>
        if "hl7.org/fhir" in text:
            bits |= FHIR  # FHIR's XML form
    if "/" in text or "\\" in text or ("." in text and FILE_EXTENSION.search(text) is not None):
        bits |= PATH  # a path, or a document's file name: its segments may name someone
    if "=" in text and ("?" in text or "&" in text or ";" in text) and QUERY_KEY.search(text) is not None:
        bits |= QUERY  # ?q=, &patient=, ;last=: a parameter that may name someone
    if "?" in text and "=" in text:
        if _searches(text):
            bits |= SEARCH  # a query's parameters (``Patient?name=...``): FHIR search
        if "=?" in text:
            bits |= MAIL
    if (":\n" in text and "- " in text) or '": [' in text or "': [" in text:
        bits |= KEYED_LIST  # key:\n  - item, "key": [...]
    if "\n" in text and ("," in text or "\t" in text or "|" in text or ";" in text):
        bits |= TABLE  # rows under a header
    elif "\n" in text and ("  " in text or "│" in text) and aligned_table(text):
        bits |= TABLE  # a table aligned by spaces under a header (pandas, CLI results, reports)
    elif "\n" in text and ", dtype: " in text:
        bits |= TABLE  # a pandas Series, named by its footer
    if ")=(" in text or "Duplicate entry '" in text or "Failing row contains (" in text:
        bits |= TABLE  # a database error that names its columns: Key (first_name, last_name)=(...)
    if "'" in text and (
        "('" in text or "['" in text or "': " in text or "='" in text or "(b'" in text or "EXEC " in text
    ):
        bits |= TABLE  # ('key', 'value') pairs, dict and keyword reprs, a stored procedure's arguments
    elif '("' in text and '", "' in text:
        bits |= TABLE  # a tuple requoted by the reader ('Zürich' read as "Zurich"): its pairs
    if "eyJ" in text or "asic " in text or ("=" in text and _PADDED_B64.search(text) is not None):
        bits |= TOKEN  # a JWT or base64 JSON, Basic credentials, a padded base64 blob
    elif len(text) >= 12 and may_hold_token(text):
        bits |= TOKEN  # a run of base64, base32, hex or base85 (text encoded, maybe compressed)
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
    if digits > 3 and not bits & VIN and _LOWER_VIN_TAIL.search(text) is not None:
        bits |= VIN  # "claim attached 1hgcm82633a004352": a VIN typed in small letters (its check digit decides)
    if digits > 8 and "-" in text and not bits & SSN and _GLUED_SSN.search(text) is not None:
        bits |= SSN
    if digits > 8 and "_" in text and _UNDERSCORE_CUE.search(text) is not None:
        bits |= SSN | PHONE
    if digits > 8 and ("SSN" in text or "Ssn" in text):
        bits |= SSN  # glued to a word before it (``patientSSN123456789``): no word of its own
    if digits > 5 and "[" in text and PERSON_MARKER.search(text) is not None:
        bits |= CUED  # "for [REDACTED:NAME] on 14.10.2025": a person's argument masked before formatting
    if "/" in text and (
        "/~" in text or PERSON_PATH_ID.search(text) is not None or PERSON_KEY_ID.search(text) is not None
    ):
        bits |= CUED | URL  # /patients/<id>, /patients/<name-slug>, /~jroe (a request line's path: its dates)
    if digits and (
        (glued_street_hint(text) and _GLUED_STREET.search(text) is not None)
        or _HYPHENED_STREET.search(text) is not None
    ):
        bits |= ADDRESS  # "Niendorfweg 781", "Lindenstraße 5", "Marta-Kern-Platz 7"
    if digits > 4 and "," in text and POSTCODE_TOWN.search(text) is not None:
        bits |= ADDRESS  # "Lindenring 4, 10115 Berlin", "boulevard Mallet, 20749 Perrot"
    if digits and not bits & ADDRESS and address_hint(text):
        bits |= ADDRESS  # "9 Tern Court, Lowmoor, SL8 6YT", "ул. Садовая, д. 5", "東京都港区芝5丁目3番2号"
    if digits > 3 and " (" in text and _DATE_IN_PARENS.search(text) is not None:
        bits |= CUED  # "Jane Roe (03/07/1984)": a birth date after a name
    if digits > 1 and " (" in text and _AGE_IN_PARENS.search(text) is not None:
        bits |= AGE  # "Jane Roe (94)": an age after a name
    if digits > 1 and not bits & CUED and ("fp_" in text or "FP_" in text or "rint_" in text or "RINT_" in text):
        bits |= CUED  # "fp_9c1e4b7a20", "fingerprint_a81bc7d2e9": a template's id glued to its modality
    if digits > 8 and not bits & PHONE and NATIONAL_PHONE_SCREEN.search(text) is not None:
        bits |= PHONE  # "06 42 62 94 18", "07700 900123", "0171 2345678": national forms no other number takes
    if digits > 7 and _IBAN_SCREEN.search(text) is not None:
        bits |= IBAN  # "DE75512108001245126199": an account number that proves itself by its check digits
    if digits > 1 and not bits & AGE and ("M" in text or "F" in text) and _AGE_AND_SEX.search(text) is not None:
        bits |= AGE  # "HPI: 97 M presenting", "Ann Roe, 105F.": an age and a sex in chart shorthand
    if digits > 1 and not bits & AGE and not raw.isascii() and _YEARS_SIGN.search(text) is not None:
        bits |= AGE  # "93岁", "93歳", "93세": years of age written with no space
    if digits > 3 and ("b." in text or "B." in text) and _BORN_ABBREVIATION.search(text) is not None:
        bits |= CUED  # "d.o.b. 14th November 1948", "(b. 1931-03-12)": no word of their own
    if digits > 3 and "n " in text and _DATE_AFTER_ON.search(text) is not None:
        bits |= CUED  # "seen Jane Roe on 03/07/2024": the date of a person's visit
    words = normalized.split()
    if digits and b"_" in normalized:
        words.extend(normalized.replace(b"_", b" ").split())  # "discharge_date 2024-03-12": a key's words
    if (
        ("[" in text or "{" in text)
        and not _PARSED_SEGMENTS.isdisjoint(words)
        and ('"' in text or "'" in text)
        and _PARSED_SEGMENT.search(text) is not None
    ):
        bits |= HL7_PARSED  # a parsed segment, as a list or dict, written as JSON or repr
    if not _ALL_WORDS.isdisjoint(words):  # the common case is cheaper than an intersection
        found = _ALL_WORDS.intersection(words)
        summary = _SUMMARIES.get(found)
        if summary is None:
            summary = _summary(found)
            if len(_SUMMARIES) >= _SUMMARIES_LIMIT:
                _SUMMARIES.clear()
            _SUMMARIES[found] = summary
        with_digits, always, known, hl7, state = summary
        bits |= always
        if digits:
            bits |= with_digits
        if hl7 and "|" in text:
            bits |= HL7
        if (
            state
            and digits
            and ("," in text or "^" in text or "PO " in text or _BARE_STATE_ZIP.search(text) is not None)
        ):
            bits |= ZIP
        if known and ("," in text or not _FOR.isdisjoint(words)):
            bits |= NAME
    if "_" in text and _GLUED_NAMES.search(text) is not None:
        bits |= PERSON  # a file named after a person: Jones_Renee_card.jpg
    if not bits & PERSON and not text.isascii() and script_letters(text):
        bits |= PERSON  # words of another script in a Latin line: "for Ювеналий Петров", "cardholder 엄지영"
    if not bits & NAME and " " in text and _lower_case_name(text):
        bits |= NAME  # "offer to oladare akinrinola": a name in lower case no table lists, after a cue
    if not bits & PERSON and _unlisted_name(text):
        bits |= PERSON  # "booked for Akinwale Ayoola": name parts no table lists
    if not bits & PERSON and " " in text and _opening_name(text):
        bits |= PERSON  # "Giesela Spieß, 89 J.", "Liberto/Raimondo Lovato", "van der Mar, Calisto"
    if not bits & PERSON and " " in text and _evidence_name(text):
        bits |= PERSON  # "nurse Biagio C.", "BENI RIESER MISSED ...": a name by the evidence around it
    if digits > 6 and not bits & PHONE and ("=" in text or ":" in text) and _phone_key(text):
        bits |= PHONE  # "twilio: to=(0306) 999 0957": a number under a key of a message's ends
    if not bits & (NAME | PERSON) and " " in text and _addressed_name(words, text):
        bits |= NAME  # "surname Öndólfur did not match", "Thanks Kozina!", "sms to Georges Lemoine"
    if ("for " in text or "For " in text) and not _FOR.isdisjoint(words) and not _FOR_SURNAMES.isdisjoint(words):
        bits |= PERSON  # a frequent surname after "for" (``paired for Holland``)
    if (colon or "=" in text) and _key_value(text, catalogue):
        bits |= KV
    if not bits & KV and (digits or "'" in text or '"' in text) and " " in text and sentence_key(text, catalogue):
        bits |= KV  # "set admitDt to 2024-03-05", "ageYrs is 92": a key written in a sentence
    if PLACE_SCREEN.search(text) is not None:
        bits |= PLACE  # "staying in Aizawl", "Zossen 12847", an address block's lines
    if bits & DICOM and bits & (TABLE | HL7 | PERSON) and is_dump(text):
        # A DICOM dump: its commas and columns are no table, its ``^`` no HL7, its labels no names; the
        # DICOM reader takes the identifying tags, the cued detectors still read free text in the others.
        bits &= ~(TABLE | HL7 | PERSON)
    return bits
