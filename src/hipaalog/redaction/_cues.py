"""Cue words: the few words before (or after) a value that make it an identifier.

Cues are matched as whole words, never as substrings, and a word counts only when written in
lower case, Title Case or UPPER CASE (``dob``, ``Dob``, ``DOB``; not ``dOb``). The same tables
feed the gate (:mod:`._gate`), which looks for each phrase's key word in the text's word set, and
the detectors, which check the words just before a candidate value. So the gate selects a
detector whenever the detector could fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, NamedTuple

__all__ = [
    "AFTER_AGE",
    "BEFORE_AGE",
    "CUED_IDS",
    "DATES",
    "NAMES",
    "PHONES",
    "CueTable",
    "cased",
    "words_after",
    "words_before",
]

_STRIP: Final = ".,:;=#()[]{}\"'<>!?*|-–—"
_SENTENCE_END: Final = frozenset(".!?;")
_FILLERS: Final = frozenset(
    {"is", "was", "of", "on", "at", "the", "a", "an", "=", ":", "-", "to", "el", "le", "am", "em", "il"}
)
_CLOCK: Final = re.compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:am|pm|AM|PM)?")
NUMBER_WORDS: Final = frozenset({"number", "no", "num", "nbr", "nr", "id", "#", "ids"})


def _case_ok(word: str) -> bool:
    return word.islower() or word.isupper() or word.istitle() or not any(ch.isalpha() for ch in word)


def words_before(text: str, position: int, count: int = 5, window: int = 64) -> list[str]:
    """Up to ``count`` lowercase words ending just before ``position``; a mis-cased word ends the list.

    ``#`` splits words (``MRN#123`` -> ``mrn``, ``#``) and counts as a word of its own; ``=`` splits
    words (``data=MRN 00482913`` -> ``data``, ``mrn``). A word of
    more than three letters ending a sentence (``name.``) ends the list: abbreviations (``pt.``,
    ``Dr.``, ``no.``) do not.
    """
    chunk = text[max(0, position - window) : position].replace("#", " # ").replace("=", " ")
    raw = chunk.split()
    if position - window > 0 and raw:
        raw = raw[1:]  # the first word may be cut
    out: list[str] = []
    for word in reversed(raw[-count - 2 :]):
        if word[-1] in _SENTENCE_END and len(word) > 4:
            break  # "... by name. Subclasses": a sentence ended; the words before it are not cues
        bare = word.strip(_STRIP) if word != "#" else "#"
        if not bare:
            continue
        if not _case_ok(bare):
            break
        out.append(bare.lower())
        if len(out) == count:
            break
    out.reverse()
    return out


def words_after(text: str, position: int, count: int = 3) -> list[str]:
    """Up to ``count`` lowercase words starting at ``position`` (``-`` and ``.`` split words)."""
    chunk = text[position : position + 40].replace("-", " ").replace(".", " ")
    out = []
    for word in chunk.split()[:count]:
        bare = word.strip(_STRIP)
        if bare and _case_ok(bare):
            out.append(bare.lower())
        else:
            break
    return out


class Cue(NamedTuple):
    words: tuple[str, ...]
    kind: str
    needs_number_word: bool
    key: str


class CueTable:
    """Phrases (``"medical record"``, ``"member #"``) and the kind of value they announce.

    A phrase ending in a number word (``id``, ``number``, ``no``, ``#``) requires one; any phrase
    may be followed by number words and fillers (``is``, ``was``, ``of``, ``on``, ``at``).
    """

    def __init__(self, entries: Iterable[tuple[str, str]], *, key_words: dict[str, str] | None = None) -> None:
        self._by_last: dict[str, list[Cue]] = {}
        keys: set[str] = set()
        for phrase, kind in entries:
            words = phrase.split()
            needs = words[-1] in NUMBER_WORDS
            if needs:
                words = words[:-1]
            key = (key_words or {}).get(phrase) or max(words, key=len)
            cue = Cue(tuple(words), kind, needs, key)
            self._by_last.setdefault(words[-1], []).append(cue)
            keys.add(key)
        for cues in self._by_last.values():
            cues.sort(key=lambda c: -len(c.words))
        self.key_words: frozenset[str] = frozenset(keys)
        """One word of every phrase: the gate selects the table's detectors when one of these is present."""
        self.last_words: frozenset[str] = frozenset(self._by_last)
        """The last word of every phrase (number words left out): :meth:`match` needs one of them."""

    def match(self, words: list[str]) -> str | None:
        """The kind announced by the end of ``words`` (as returned by :func:`words_before`), or ``None``."""
        end = len(words)
        while end and (words[end - 1] in _FILLERS or _CLOCK.fullmatch(words[end - 1])):
            end -= 1  # "time of death 02:14 on": the time of day between a cue and its date
        numbered = False
        while end and words[end - 1] in NUMBER_WORDS:
            numbered = True
            end -= 1
        while end and words[end - 1] in _FILLERS:
            end -= 1
        if not end:
            return None
        for cue in self._by_last.get(words[end - 1], ()):
            size = len(cue.words)
            if size <= end and tuple(words[end - size : end]) == cue.words and (numbered or not cue.needs_number_word):
                return cue.kind
        return None


def _split(text: str) -> list[str]:
    return text.split()


def cased(words: Iterable[str]) -> frozenset[str]:
    """Each word in lower case, Title Case and UPPER CASE."""
    out: set[str] = set()
    for word in words:
        out.update((word.lower(), word.title(), word.upper()))
    return frozenset(out)


CUED_IDS: Final = CueTable(
    [
        ("mrn", "MRN"),
        ("medical record", "MRN"),
        ("med rec", "MRN"),
        ("medrec", "MRN"),
        ("chart #", "MRN"),
        ("chart", "MRN"),
        ("health record", "MRN"),
        ("patient #", "PATIENT"),
        ("pt #", "PATIENT"),
        ("patient", "PATIENT"),
        ("pt", "PATIENT"),
        ("resident", "PATIENT"),
        ("member #", "MEMBER_ID"),
        ("member", "MEMBER_ID"),
        ("mbr", "MEMBER_ID"),
        ("subscriber", "MEMBER_ID"),
        ("beneficiary", "MEMBER_ID"),
        ("medicaid", "MEMBER_ID"),
        ("medicare", "MEMBER_ID"),
        ("policy #", "MEMBER_ID"),
        ("insurance #", "MEMBER_ID"),
        ("plan member", "MEMBER_ID"),
        ("enrollee", "MEMBER_ID"),
        ("account #", "ACCOUNT"),
        ("account", "ACCOUNT"),
        ("acct", "ACCOUNT"),
        ("bank account", "ACCOUNT"),
        ("iban", "ACCOUNT"),
        ("license", "LICENSE"),
        ("licence", "LICENSE"),
        ("dl #", "LICENSE"),
        ("dl", "LICENSE"),
        ("dln", "LICENSE"),
        ("certificate #", "LICENSE"),
        ("passport", "LICENSE"),
        ("permit #", "LICENSE"),
        ("license plate", "VEHICLE"),
        ("plate", "VEHICLE"),
        ("tag #", "VEHICLE"),
        ("vin", "VEHICLE"),
        ("vehicle", "VEHICLE"),
        ("serial", "DEVICE"),
        ("s/n", "DEVICE"),
        ("device", "DEVICE"),
        ("imei", "DEVICE"),
        ("pump", "DEVICE"),
        ("udi", "DEVICE"),
        ("ssn", "SSN"),
        ("ss #", "SSN"),
        ("social security", "SSN"),
        ("social", "SSN"),
        ("soc sec", "SSN"),
        ("npi", "NPI"),
    ],
    key_words={
        "license plate": "plate",
        "social security": "security",
        "soc sec": "soc",
        "plan member": "member",
        "health record": "record",
        "medical record": "medical",
        "bank account": "account",
    },
)
"""Cues of identifiers written as a token with digits (``MRN 00123456``, ``member ID XGH1234567``)."""

PHONES: Final = CueTable(
    [
        ("phone", "PHONE"),
        ("tel", "PHONE"),
        ("telephone", "PHONE"),
        ("cell", "PHONE"),
        ("mobile", "PHONE"),
        ("ph", "PHONE"),
        ("call", "PHONE"),
        ("contact", "PHONE"),
        ("callback", "PHONE"),
        ("caller id", "PHONE"),
        ("callerid", "PHONE"),
        ("sms", "PHONE"),
        ("text", "PHONE"),
        ("home", "PHONE"),
        ("work", "PHONE"),
        ("voicemail", "PHONE"),
        ("whatsapp", "PHONE"),
        ("texted", "PHONE"),
        ("telefone", "PHONE"),
        ("telefono", "PHONE"),
        ("celular", "PHONE"),
        ("movil", "PHONE"),
        ("handy", "PHONE"),
        ("telefon", "PHONE"),
        ("portable", "PHONE"),
        ("fax", "FAX"),
        ("faxed", "FAX"),
    ]
)
"""Cues of a phone number written as ten bare digits (``phone 4155550132``)."""

DATES: Final = CueTable(
    [
        ("dob", "DOB"),
        ("date of birth", "DOB"),
        ("birth date", "DOB"),
        ("birthdate", "DOB"),
        ("birthday", "DOB"),
        ("born", "DOB"),
        ("birth", "DOB"),
        ("admitted", "DATE"),
        ("admission", "DATE"),
        ("admission date", "DATE"),
        ("admit date", "DATE"),
        ("admit", "DATE"),
        ("discharged", "DATE"),
        ("discharge", "DATE"),
        ("discharge date", "DATE"),
        ("date of death", "DATE"),
        ("died", "DATE"),
        ("death", "DATE"),
        ("deceased", "DATE"),
        ("death date", "DATE"),
        ("dos", "DATE"),
        ("date of service", "DATE"),
        ("service date", "DATE"),
        ("visit date", "DATE"),
        ("seen", "DATE"),
        ("visited", "DATE"),
        ("appointment", "DATE"),
        ("appointment date", "DATE"),
        ("surgery", "DATE"),
        ("surgery date", "DATE"),
        ("procedure date", "DATE"),
        ("date of injury", "DATE"),
        ("injury date", "DATE"),
        ("doi", "DATE"),
        ("appt", "DATE"),
        ("appt date", "DATE"),
        ("follow-up", "DATE"),
        ("followup", "DATE"),
        ("f/u", "DATE"),
        ("dod", "DATE"),
        ("passed away", "DATE"),
        ("time of death", "DATE"),
        ("onset", "DATE"),
        ("hospitalized", "DATE"),
        ("hospitalised", "DATE"),
        ("accident", "DATE"),
        ("date of accident", "DATE"),
        ("rescheduled", "DATE"),
        ("visit", "DATE"),
        ("eligible", "DATE"),
        ("eligibility", "DATE"),
        ("geb", "DOB"),
        ("geb.", "DOB"),
        ("geboren", "DOB"),
        ("geburtsdatum", "DOB"),
        ("nacido", "DOB"),
        ("nacida", "DOB"),
        ("fecha de nacimiento", "DOB"),
        ("ne", "DOB"),
        ("nee", "DOB"),
        ("date de naissance", "DOB"),
        ("data de nascimento", "DOB"),
        ("nascido", "DOB"),
        ("nascida", "DOB"),
        ("nato", "DOB"),
        ("nata", "DOB"),
        ("data di nascita", "DOB"),
    ],
    key_words={
        "birth date": "birth",
        "admission date": "admission",
        "admit date": "admit",
        "discharge date": "discharge",
        "death date": "death",
        "service date": "service",
        "visit date": "visit",
        "appointment date": "appointment",
        "surgery date": "surgery",
        "procedure date": "procedure",
        "injury date": "injury",
        "appt date": "appt",
        "passed away": "away",
        "time of death": "death",
        "date of accident": "accident",
        "fecha de nacimiento": "nacimiento",
        "date de naissance": "naissance",
        "data de nascimento": "nascimento",
        "data di nascita": "nascita",
    },
)
"""Cues of a date about a person: birth (``DOB``) and events of care or death (``DATE``)."""

ZIPS: Final = CueTable(
    [
        ("zip", "ZIP"),
        ("zip code", "ZIP"),
        ("zipcode", "ZIP"),
        ("postal code", "ZIP"),
        ("post code", "ZIP"),
        ("postcode", "ZIP"),
        ("postal", "ZIP"),
    ],
    key_words={"zip code": "zip", "post code": "post"},
)
"""Cues of a ZIP code without a state before it."""

BEFORE_AGE: Final = frozenset({"age", "aged", "ages"})
AFTER_AGE: Final = frozenset({"years", "year", "yrs", "yr", "yo", "y/o", "y", "yoa"})
"""Words around a number that make it an age (``age 93``, ``93 years old``, ``93 y/o``)."""

NAMES: Final = CueTable(
    [
        (word, "NAME")
        for word in _split(
            "patient pt name named member subscriber insured guarantor beneficiary resident caregiver guardian "
            "spouse wife husband mother father son daughter parent sibling sister brother kin nok decedent contact"
        )
    ]
)
"""Cue words after which a capitalized word is a person's name (``patient Jane Doe``, ``name: John``)."""

TITLES: Final = frozenset(
    {"Dr", "Mr", "Mrs", "Ms", "Mx", "Miss", "Prof", "DR", "MR", "MRS", "MS", "MISS", "PROF", "MX"}
)
"""Titles before a name (case-sensitive: ``ms`` after a number is milliseconds)."""

FOR_WORDS: Final = frozenset({"for", "For", "FOR"})

# -- formats -------------------------------------------------------------------------------------
FHIR_KEYS: Final = frozenset({"resourceType", "family", "given", "display", "birthDate", "telecom", "identifier"})
"""Keys of FHIR resources (JSON keys, XML elements) whose presence as words selects the FHIR text detector."""
X12_HEADER: Final = re.compile(r"(?<![A-Za-z0-9])ISA([^A-Za-z0-9\s])")
"""The X12 interchange header, and the element separator it declares (``*`` mostly; ``|``, ``^`` too)."""
X12_MARKS: Final = ("NM1*", "DMG*", "N3*", "N4*", "REF*", "PER*", "DTP*", "SBR*", "CLM*", "CLP*")
"""X12 segment ids with their element separator: one in the text selects the X12 detector."""
MAIL_WORDS: Final = frozenset(
    {"To", "From", "Cc", "CC", "Bcc", "BCC", "TO", "FROM", "Dear", "DEAR", "Hi", "HI", "Hello", "HELLO", "Hey"}
    | {"Greetings", "Thanks", "Regards", "Sincerely", "Cheers", "Best"}
)
"""Header names and greetings that select the e-mail detector (with ``=?`` for RFC 2047 words)."""
TABLE_WORDS: Final = frozenset(
    {
        "INSERT",
        "insert",
        "VALUES",
        "values",
        "STATEMENT",
        "args",
        "params",
        "PARAMS",
        "parameters",
        "Parameters",
        "bind",
        "input_value",
        "loc",
        "form",
        "WHERE",
        "where",
        "SET",
        "set",
        "datetime",
        "ImmutableMultiDict",
        "MultiDict",
    }
)
"""Words that select the positional-data detector (SQL statements and parameters, Python reprs)."""
