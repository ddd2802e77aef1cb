"""Detectors that need context: a cue word, a state, a street suffix, a field name, an HL7 segment.

Identifiers after cue words (MRN, member, account, license, serial and plate numbers), dates
about a person (birth, admission, discharge, death, service), ages over 89, ZIP codes, street
addresses and cities, person names (after cues and titles, ``Last, First``, HL7 ``LAST^FIRST``),
values of ``key=value`` / ``"key": "value"`` pairs whose key is a PHI field name. HL7 v2 segments
are read by :mod:`._hl7`.

Each finds candidate values with a pattern that starts with a character class, then checks the
words around each candidate (:mod:`._cues`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import Final

from ._aligned_screen import delimited_header_word, header_word
from ._checks import bare_number_kind, hex_token
from ._cues import (
    AFTER_AGE,
    AGE_OWNERS,
    BEFORE_AGE,
    CLINICAL_WORDS,
    CUED_IDS,
    DATE_BRIDGES,
    DATES,
    FOR_WORDS,
    INVENTORY_WORDS,
    NAMES,
    NUMBER_WORDS,
    RECORD_VERBS,
    TITLES,
    YEARS_OF_AGE,
    ZIPS,
    cased,
    words_after,
    words_before,
)
from ._detector import BaseDetector, Span
from ._firms import firm_before, firm_name, partners_list
from ._gate import ADDRESS, AGE, BIRTH_FIELDS, CUED, KV, NAME, PERSON_KEY_ID, PERSON_PATH_ID, ZIP, key_end
from ._joined_names import joined_names
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue
from ._lexicon import ENGLISH, PLACES, VOWELS, clinical_word, compound_word, unknown_word
from ._machine_certificates import MACHINE_CERTIFICATE, certificate_serial
from ._machine_seen import seen_by_machine
from ._machines import inside_address, machine_line
from ._months import ENGLISH_MONTHS, MONTH_ALTERNATION
from ._name_table import GIVEN, SURNAME_RANK, SURNAME_WORDS
from ._names import COMMON_GIVEN, FOR_SURNAME_RANK, NOT_SURNAMES, PARTICLES
from ._near import CueIndex, first_char_alternation, trie_alternation
from ._person_key_ids import patient_pid
from ._person_key_values import PERSON_VALUE_KEYS, person_key_value
from ._person_values import person_value
from ._strategies import is_redacted
from ._vocab import FIRST_NAMES, NAME_STOPWORDS, STATE_CODES, STATE_NAMES, STREET_SUFFIXES, SURNAMES

__all__ = [
    "MARKER",
    "AddressDetector",
    "AgeDetector",
    "CuedIdDetector",
    "DateDetector",
    "Hl7Detector",
    "KeyValueDetector",
    "NameDetector",
    "ZipDetector",
]

MARKER: Final = re.compile(r"\[(?:REDACTED(?::[A-Z][A-Z0-9_]*)?|[A-Z][A-Z0-9_]*:[A-Za-z0-9_.-]+:[a-z2-7]{16})\]")
"""What hipaalog writes in place of an identifier in text (mask, a query value's bare ``[REDACTED]``, or
bracketed pseudonym)."""


def _words(text: str) -> list[str]:
    return text.split()


# -- identifiers after cue words -----------------------------------------------------------------
_DIGIT_RUN: Final = re.compile(r"[0-9]{3}")
_DIGIT_RUNS: Final = re.compile(r"[0-9]{3,}")
"""Runs of three digits or more: each starts where the first of its :data:`_DIGIT_RUN` matches does, and the
others of the run fall inside the token read from there (skipped)."""
_TOKEN_BACK: Final = re.compile(r"[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_TOKEN_FORWARD: Final = re.compile(r"[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_SHORT_TOKEN: Final = re.compile(r"[A-Za-z0-9]{1,4}")
_OWN_DETECTORS: Final = frozenset({"SSN", "NPI"})
_GLUED_CUE: Final = re.compile(
    r"([A-Za-z]{2,16})-(?=[A-Za-z0-9]*[0-9]{3})|(?=(?:MRN|Mrn|mrn|MBR|Mbr|mbr)[0-9]{5})([A-Za-z]{3})"
)
"""A cue word glued to its value by a dash (``MRN-00482913``), or with nothing between for the cues no
value starts with (``MRN00482913``)."""
_BEFORE_GLUED: Final = frozenset(" \t\r\n\"'([{<=:,;|")
"""Characters that may come before a glued cue (each also splits words for the gate)."""
_QUERY_KEY: Final = re.compile(r"[?&;]([A-Za-z][A-Za-z0-9]{1,19})=$")
"""A query-string key glued to the value before it (``&mbr=``)."""
_PATH_KINDS: Final = {
    "member": "MEMBER_ID",
    "members": "MEMBER_ID",
    "subscriber": "MEMBER_ID",
    "subscribers": "MEMBER_ID",
    "beneficiary": "MEMBER_ID",
    "beneficiaries": "MEMBER_ID",
    "chart": "MRN",
    "charts": "MRN",
    "mrn": "MRN",
    "mrns": "MRN",
    **dict.fromkeys(("user", "users", "profile", "profiles", "client", "clients"), "ID"),
    **dict.fromkeys(("vehicles", "vin", "vins", "plates"), "VEHICLE"),
}
"""The kind of an id after a person resource in a path (``PATIENT`` when not listed)."""
_ID_CUES: Final = CueIndex((word for phrase in CUED_IDS.key_words for word in phrase.split()), eager_after=2)
_CUE_REACH: Final = 32 + 64
"""How far before a value's digits its cue may end: the token's start (up to 32 back) and the
words before it (:func:`._cues.words_before` reads 64 characters)."""


_SPACED_GROUPS: Final = re.compile(r"(?:[ ][0-9]{3,5}(?![\w-])){1,4}")
"""The groups of digits a licence number goes on with after a space (New York's, New Jersey's, Michigan's)."""
_ACCOUNT_GROUPS: Final = re.compile(r"[0-9]{4}(?:[ ][0-9]{4}){1,8}(?:[ ][0-9]{1,3})?(?![\w.,-])")
"""An account's number written in groups of four digits, the last may be shorter (no date: ``2024 10 15``)."""
_BARE_PATIENT_CUES: Final = frozenset(
    {"patient", "pt", "resident", "patienten", "patientin", "paciente", "patiente", "paziente", "pacjent"}
    | {"pacjenta"}
)
"""Cue words of a patient's record number without ``#``/``id``/``number`` after them (``paired to patient 2667894``,
``dem Patienten KH115685``, ``la patiente 31-563-551``)."""
_PATIENT_TOKEN: Final = re.compile(
    r"[A-Za-z]{0,4}[-#]?[0-9]{5,12}|[A-Za-z]{1,4}[0-9]{4}|[0-9]{2,3}-[0-9]{4,8}|[0-9]{2,4}(?:-[0-9]{3,4}){2}"
)
"""What such a number looks like: five digits or more, or four after letters (``2667894``, ``MR4471920``, ``E1184``),
two groups of digits, the second of four or more (``61-96461``; no date, no blood pressure), or three groups, the
last two of three digits or four (``76-220-334``; a date has a group of one or two)."""
_SHAPED_CUES: Final = frozenset(
    {"record", "claim", "encounter", "enc", "visit", "policy", "grp", "compte", "conta", "cuenta", "konto", "serie"}
    | {"série", "meter", "expediente", "members", "accounts", "accts", "policies", "subscribers", "serials", "mrns"}
    | {"list", "state", "permit", "certificate", "cert", "ins"}
)
"""Cue words that also number things of no person (a batch's record, a retry policy): the value after them, with
or without ``#``/``no.``, must be shaped like an identifier (:data:`_SHAPED_ID`)."""
_SHAPED_ID: Final = re.compile(
    r"(?:[A-Za-z]{0,4}[-#]?[0-9]{6,12}[A-Za-z]?|[A-Za-z]{1,4}-?[0-9]{5,12}[A-Za-z]?)(?:-[0-9]{1,2})?"
    r"|[A-Za-z]?[0-9]{3,4}(?:-[0-9]{3,4}){2,3}|[0-9][A-Za-z0-9]{3}-[A-Za-z0-9]{3}-[A-Za-z0-9]{4}"
    r"|[0-9]{2,4}(?=[A-Za-z]{0,2}[G-Zg-z])[A-Za-z]{1,3}[0-9]{4,8}"
)
"""Six digits or more, or five after letters (``51264366``, ``QH2235465``, ``EXP-44908``), a letter closing them
(``H82503409J``), with a dependent's suffix (``QH2235465-01``), in groups of three or four (``127-422-284``,
``Z977-7381-2203``), in a Medicare number's groups (``3UX2-T42-SG05``) or digits around letters that are no hex
(``750EJ7316``): no count, index, version, date or hash."""
_PLAN_ID: Final = re.compile(r"[EHRS][0-9]{4}-[0-9]{3}")
"""A Medicare plan's contract and benefit package (``H1234-001``), read after ``plan``."""
_PLAN_BEFORE: Final = re.compile(r"[Pp](?i:lan)(?:[ _-]?(?i:id|no|nbr|number|#))?[ =:#\[(\"']{0,3}$")
_CUE_AFTER: Final = re.compile(r"[ ]?\(([A-Za-z][A-Za-z #]{1,24})\)")
"""A cue in parentheses right after its value (``51264366 (MRN)``, ``99482113 (billing acct)``)."""
_CUE_AFTER_DASH: Final = re.compile(r"[ ]+[-–:][ ]+([A-Za-z]{3,4})(?![\w])")
_DASH_CUES: Final = frozenset({"mrn", "acct", "mbr"})
"""Acronyms of an id that name the value opening a clause after a dash too (``1527185013 - mrn mismatch``)."""
_CUE_AFTER_KINDS: Final = frozenset({"MRN", "PATIENT", "MEMBER_ID", "ACCOUNT", "DEVICE"})
_KEY_ERROR_ID: Final = re.compile(
    r"KeyError: (?:\(|frozenset\(\{|b(?=['\"]))?['\"]?[ ]?(?![0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"([A-Za-z]{0,4}(?=(?:[0-9]-?){6,16}['\"\s]|(?:[0-9]-?){6,16}$)[0-9][0-9-]{4,20}[0-9])['\"]?(?![\w-])"
)
_KEY_ERROR_ITEMS: Final = re.compile(r"KeyError: (?:\(|frozenset\(\{)([^\n]{1,256})")
"""A ``KeyError``'s tuple or set key, its items up to the line's end."""
_QUOTED_ID: Final = re.compile(
    r"['\"][ ]?([A-Za-z]{0,4}(?=(?:[0-9]-?){6,16}['\"])(?![0-9]{4}-[0-9]{2}-[0-9]{2})[0-9][0-9-]{4,20}[0-9])['\"]"
)
"""An item of such a key shaped as an identifier (``'H5811942'``)."""
"""The key of a ``KeyError`` that is an identifier (``KeyError: '17121237'``, ``KeyError: 'E1184938'``), also first
in a tuple or a set key and as bytes (``KeyError: ('H5811942',)``, ``KeyError: b'H5811942'``)."""


_PLACEHOLDERS: Final = frozenset(
    {"null", "none", "true", "false", "[]", "{}", "unknown", "n/a", "unset", "undefined", "-", "?"}
)
"""What a ``key=value`` pair holds when it has no value (compared in lower case; not ``Na`` nor ``Nil``,
which are surnames and given names)."""
_HOME_PAGE: Final = re.compile(r"/~([A-Za-z][A-Za-z0-9_.-]{0,30}[A-Za-z0-9])(?=[/?#\s\"']|$)")
"""A user's home directory served on the web (``/~jroe/cv.html``)."""
_NAME_SLUG: Final = re.compile(r"[A-Za-z][a-z'’]+(?:[-_.+][A-Za-z][a-z'’]+){1,3}")
"""A person's name as a path segment (``Liebelt-Nelly``, ``jane.roe``, ``maria_de_la_cruz``)."""


def _slug_names_a_person(slug: str) -> bool:
    """Whether a slug's words are a name: a census given name that is no word, or a frequent surname."""
    words = [word.lower() for word in re.split(r"[-_.+]", slug)]
    if slug[0].isupper() and any(_known_surname(word.title()) for word in words):
        return True
    return any(word in GIVEN and word not in COMMON_GIVEN and word not in _LOWER_NOT_NAMES for word in words)


_PAREN_STARTS: Final = frozenset(" (")


def _cue_after(text: str, digits: int, end: int) -> tuple[int, str] | None:
    """The start and kind of a whole token shaped like an id (letters before its digits too) and named by a cue in
    parentheses right after it (``51264366 (MRN)``, ``VY751856350 (subscriber)``)."""
    start = digits
    while start > digits - 4 and start and text[start - 1].isalpha():
        start -= 1
    after = _CUE_AFTER.match(text, end)
    if after is None:
        after = _CUE_AFTER_DASH.match(text, end)
        if after is None or after[1].lower() not in _DASH_CUES or text[:start].rstrip()[-1:].isalnum():
            return None  # "build 4821937 - acct service": only a value opening its clause is named so
    if start and (text[start - 1].isalnum() or text[start - 1] in "_.*-"):
        return None
    if _SHAPED_ID.fullmatch(text, start, end) is None:
        return None
    kind = CUED_IDS.match(after[1].replace("#", " # ").lower().split())
    return (start, kind) if kind in _CUE_AFTER_KINDS else None


_LIST_GAP: Final = re.compile(r"[ ]*(?:[,;/&+|]|->|=>|→|and|or|y|et|und|e)?[ ]*[\[(\"']?")
"""What stands between two ids of one list after one cue (``, ``, ``/``, `` -> ``, `` and ``, a space)."""
_LISTED_ID: Final = re.compile(r"(?:[A-Za-z]{0,4}[-#]?[0-9][0-9-]{3,14}[0-9]|[A-Za-z]{1,4}[0-9]{4,12})(?:-[0-9]{1,2})?")
"""An id of such a list: five digits or more, letters before them allowed (``H591703``, ``568-668-533``)."""


_THING_KINDS: Final = frozenset({"DEVICE", "VEHICLE"})
_GAP_WORDS: Final = frozenset({":", "=", "is", "was", "of", "to"})


def _inventory_cue(words: list[str]) -> bool:
    """Whether the word before the cue ending ``words`` (number words and fillers left out) names the service's
    hardware or software (:data:`._cues.INVENTORY_WORDS`)."""
    end = len(words)
    while end and (words[end - 1] in NUMBER_WORDS or words[end - 1] in RECORD_VERBS or words[end - 1] in _GAP_WORDS):
        end -= 1
    return end > 1 and words[end - 2] in INVENTORY_WORDS


def _verb_shaped(token: str) -> bool:
    """Whether a token read through a record verb is an identifier: :data:`_SHAPED_ID`, or letters and five digits
    (``OSEMP215372GH1DB``, ``H0991-90669-11309``); no count, date or version."""
    if _SHAPED_ID.fullmatch(token) is not None:
        return True
    digits = sum(ch.isdigit() for ch in token)
    return digits >= 5 and digits < len(token) - token.count("-")


_MACHINE_STATES: Final = frozenset(
    {"workflow", "machine", "job", "task", "pipeline", "session", "fsm", "order", "run", "app", "process", "game"}
)
"""Words before ``state id`` that make it a program's state, not a state-issued identity card."""


def _machine_state(words: list[str]) -> bool:
    """Whether ``words`` end in ``<program word> state id`` (:data:`_MACHINE_STATES`)."""
    end = len(words)
    while end and (words[end - 1] in NUMBER_WORDS or words[end - 1] in _GAP_WORDS):
        end -= 1
    return end > 1 and words[end - 1] == "state" and words[end - 2] in _MACHINE_STATES


def _through_verb(words: list[str]) -> str | None:
    """The kind of the cue before a record verb among the last three words (``MRN scanned:``, ``MBI updated to``)."""
    for back in range(1, min(4, len(words))):
        if words[-back] in RECORD_VERBS:
            return CUED_IDS.match(words[:-back] + words[len(words) - back + 1 :])
    return None


def _listed_after(text: str, previous: int, digits: int, end: int) -> int | None:
    """The start of the token ending at ``end`` when it is the next item of a list of ids whose last item ended at
    ``previous`` (the same kind of value, after a comma, a slash, an arrow, ``and`` or a space), else ``None``."""
    if digits - previous > 12:
        return None
    back = _TOKEN_BACK.match(text[max(previous, digits - 8) : digits][::-1])
    start = digits - (back.end() if back else 0)
    if _LIST_GAP.fullmatch(text, previous, start) is None or _LISTED_ID.fullmatch(text, start, end) is None:
        return None
    return start


def _shaped_cue(words: list[str]) -> bool:
    """Whether the cue ending ``words`` (number words and fillers left out) is one of :data:`_SHAPED_CUES`."""
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in NUMBER_WORDS or word in (":", "=", "is", "was", "of"):
            continue
        owners = _PERSON_PAPERS if word == "certificate" else _PERSON_RECORDS if word == "record" else ()
        if i and words[i - 1] in owners:
            return False  # "medical record number 82-93355", "death certificate no. 2018-330127": a person's paper
        return word in _SHAPED_CUES
    return False


_MEMBER_GROUPS: Final = re.compile(
    r"[1-9](?<![\w-][1-9])(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]{3}-[A-Za-z0-9]{3}-[A-Za-z0-9]{4}(?![\w-])"
)
"""A member number in a Medicare number's groups of four, three and four (``3UX2-T42-SG05``), whatever its letters:
after a member's cue it is one even where the letter rules of a real MBI fail."""
_PERSON_RECORDS: Final = frozenset({"medical", "health", "patient", "hospital", "clinical"})
_PERSON_PAPERS: Final = frozenset({"birth", "death", "marriage"})
"""Words before ``certificate`` that make it a person's paper, whatever the shape of its number."""
"""Words before ``record`` that make it a person's chart, whatever the shape of its number (``medical record number
82-93355``)."""


_PT_RECORD: Final = re.compile(r"[A-Za-z]{0,4}[-_]?[0-9][0-9-]{3,}[0-9]")
"""A record number after ``pt/`` (``QX-77120``, ``883216``): five digits or more, not a year or a page."""


_KEY_YEAR: Final = re.compile(r"(?:19|20)[0-9]{2}")


def _person_paths(text: str) -> Iterator[re.Match[str]]:
    """Ids after a person's folder in a path (``/patients/MR321016``) or at an object key's start
    (``patients/H581194273/``; a key's last segment only when a record number)."""
    yield from PERSON_PATH_ID.finditer(text)
    for key in PERSON_KEY_ID.finditer(text):
        if _KEY_YEAR.fullmatch(key[2]) is not None:
            continue  # members/2024/report.csv: a year's folder
        if text.startswith("/", key.end()) or _PT_RECORD.fullmatch(key[2]) is not None:
            yield key  # a folder after the id, or a record number last (prefix=patients/H581194273; not patients/100)


class CuedIdDetector(BaseDetector):
    """Identifiers after cue words: ``MRN 00123456``, ``member ID XGH123456789``, ``acct# 4417-22``,
    ``mbr 00482913``, ``license D1234567``, ``plate 7ABC 123``, ``serial SN-99812``, and glued to the cue
    (``MRN-00482913``, ``&mbr=H765527939``), and ids in a path after a person resource
    (``/api/patients/MR321016/chart``). The value holds three digits in a row."""

    gate = CUED
    name = "cued_id"
    kinds = ("MRN", "PATIENT", "MEMBER_ID", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "ID")

    def find(self, text: str) -> Iterator[Span]:
        done = -1
        cues = _ID_CUES.scope(text)
        if "KeyError" in text:
            for missing in _KEY_ERROR_ID.finditer(text):  # a record looked up by its id and missing
                yield missing.start(1), missing.end(1), "ID"
            for held in _KEY_ERROR_ITEMS.finditer(text):  # a tuple's or a set's items: ('visit', ('H5811942', 2))
                for quoted in _QUOTED_ID.finditer(text, held.start(1), held.end(1)):
                    yield quoted.start(1), quoted.end(1), "ID"
        if "/~" in text:
            for home in _HOME_PAGE.finditer(text):  # a person's home page on a shared host: example.edu/~jroe
                yield home.start(1), home.end(1), "ID"
        if "/" in text:
            for path in _person_paths(text):
                if path[1] == "pt" and _PT_RECORD.fullmatch(path[2]) is None:
                    continue  # /pt/2024/...: Portuguese pages; a patient's folder only by a record number
                if path[1] == "u" and hex_token(path[2]):
                    continue  # a link's token (/u/7e90d3593a: an unsubscribe link), not a handle
                if path[1] == "u" and not path[2].isdigit():
                    yield path.start(2), path.end(2), "ID"  # a user's page by handle: /u/jroe41890 (not /u/0/)
                elif path[1] == "p" and not _NAME_SLUG.fullmatch(path[2]):
                    continue  # /p/ is a post or a product as often as a person: only a name slug counts
                elif _DIGIT_RUN.search(path[2]):
                    yield path.start(2), path.end(2), _PATH_KINDS.get(path[1], "PATIENT")
                elif _NAME_SLUG.fullmatch(path[2]) and _slug_names_a_person(path[2]):
                    yield path.start(2), path.end(2), "NAME"  # /patients/Liebelt-Nelly/records
        if "-" in text:
            for grouped in _MEMBER_GROUPS.finditer(text):  # "member id='3UX2-T42-SG05'": no letter rules asked
                if CUED_IDS.before(text, grouped.start()) == "MEMBER_ID":
                    yield grouped.start(), grouped.end(), "MEMBER_ID"
                    done = max(done, grouped.end())
        listed: tuple[int, str] | None = None  # the end and kind of the last id yielded: a list may go on
        for match in _DIGIT_RUNS.finditer(text):
            if match.start() < done:
                continue
            end = _TOKEN_FORWARD.match(text, match.start()).end()  # type: ignore[union-attr]
            done = end
            if listed is not None and (item := _listed_after(text, listed[0], match.start(), end)) is not None:
                yield item, end, listed[1]  # "MRNs: 2671706, H591703", "merge mrn E2516406 -> 5754100555"
                listed = (end, listed[1])
                continue
            listed = None
            if text[end : end + 1] in _PAREN_STARTS and (named := _cue_after(text, match.start(), end)) is not None:
                yield named[0], end, named[1]  # "51264366 (MRN)": the cue after the value
                continue
            if not cues.near(match.start(), _CUE_REACH):
                continue  # the cue ends before the digits: within the token (MRN-), or before it
            back = _TOKEN_BACK.match(text[max(0, match.start() - 32) : match.start()][::-1])
            start = match.start() - (back.end() if back else 0)
            glued = _GLUED_CUE.match(text, start, end)
            cue = (glued[1] or glued[2]).lower() if glued is not None else "sn"
            if glued is not None and cue != "sn" and (not start or text[start - 1] in _BEFORE_GLUED):
                kind = CUED_IDS.match([*words_before(text, start, 2), cue])
                if kind is not None and kind not in _OWN_DETECTORS:  # "MRN-00482913": the cue is part of the token
                    yield glued.end(), end, kind
                    continue
            if start and (text[start - 1].isalnum() or text[start - 1] in "_.*"):
                continue  # inside a longer token, or the visible end of a partial value (****1234)
            words = words_before(text, start) if CUED_IDS.may_match(text, start) else []
            kind = CUED_IDS.match(words)
            if (
                kind is None
                and text.endswith(("Pat. ", "pat. "), 0, start)
                and _PATIENT_TOKEN.fullmatch(text, start, end)
            ):
                kind = "PATIENT"  # "Pat. 4471920 verlegt": German's and others' abbreviation (not "pat-", a prefix)
            if kind is None and len(words) > 1 and _verb_shaped(text[start:end]):
                kind = _through_verb(words)  # "id card scanned: D1234567": no "chart updated 120 rows"
            if kind is None and text[start - 1 : start] == "=":  # "?id=1&mbr=H765527939": the key is glued
                key = _QUERY_KEY.search(text, max(0, start - 22), start)
                kind = CUED_IDS.match([key[1].lower()]) if key is not None else None
            if (
                kind is None
                and len(words) > 1
                and _SHORT_TOKEN.fullmatch(words[-1])
                and CUED_IDS.match(words[:-1]) == "VEHICLE"
            ):
                kind = "VEHICLE"
                start = text.rfind(" ", 0, start - 1) + 1
            if (
                kind is None
                and _PLAN_ID.fullmatch(text, start, end)
                and _PLAN_BEFORE.search(text, max(0, start - 16), start)
            ):
                kind = "MEMBER_ID"  # "plan id H1234-001", "plan_id=H1234-001"
            if kind == "ACCOUNT" and end - start <= 5 and (in_groups := _ACCOUNT_GROUPS.match(text, start)) is not None:
                end = done = in_groups.end()  # "cuenta 0394 3357 2767", "Konto 1234 5678 90": one number in groups
            elif kind is not None and _shaped_cue(words) and _SHAPED_ID.fullmatch(text, start, end) is None:
                continue  # "record #1024 skipped", "retry policy 3": a count or index, not an identifier
            if (
                kind == "PATIENT"
                and words
                and words[-1] in _BARE_PATIENT_CUES
                and _PATIENT_TOKEN.fullmatch(text, start, end) is None
            ):
                continue  # "patient 120/80", "pt 2024-01-02": a number after the word alone must be shaped like an id
            if (
                kind == "LICENSE"
                and ("certificate" in words[-3:] or "cert" in words[-3:])
                and MACHINE_CERTIFICATE.search(text) is not None
            ):
                continue  # "renewed certificate ABC123456 for api.example.com": a server's, no person's
            if kind == "LICENSE" and _machine_state(words):
                continue  # "workflow state id 4829131": a state machine's, no state's identity card
            if kind in _THING_KINDS and _inventory_cue(words):
                continue  # "server serial SRV-0664101", "asset tag IT-264162": the service's hardware
            if kind == "DEVICE" and certificate_serial(text, start):
                continue  # "cert renewed for shop.example.net serial 48213377": a server certificate's serial
            if kind is not None and kind not in _OWN_DETECTORS:
                if kind == "LICENSE" and text[end : end + 1] == " " and (more := _SPACED_GROUPS.match(text, end)):
                    end = done = more.end()  # "lic no 123 456 789", "DL U8968 26062 46729": one number in groups
                yield start, end, kind
                listed = (end, kind)


# -- dates about a person ------------------------------------------------------------------------
_MONTH_NAMES = list(ENGLISH_MONTHS)
_MONTH_FORMS = sorted({form for m in _MONTH_NAMES for form in (m, m.lower(), m.upper())}, key=len, reverse=True)
_MONTH = "(?:" + "|".join(_MONTH_FORMS) + r")\.?"
_MONTH_WORDS: Final = frozenset(_MONTH_NAMES)
_MONTH3 = "(?:" + "|".join(m for m in _MONTH_FORMS if len(m) == 3 and not m.islower()) + ")"
"""A three-letter month glued to its day and year (``03MAR1957``, ``3Mar1957``)."""
_ANY_MONTH = MONTH_ALTERNATION + r"\.?"
"""A month's name in any of the languages of :mod:`._months` (``14 November``, ``17. Marz``, ``25 de febrero``)."""
_DAY_MONTH_YEAR = (
    rf"(?:st|nd|rd|th|er|o|\.)?[ ]+(?:of[ ]+|de[ ]+)?{_ANY_MONTH},?[ ]+(?:de[ ]+|del[ ]+)?"
    r"(?:[0-9]{4}(?![0-9])|[0-9]{2}(?![0-9:]))"
)
"""What follows a day written first: its month by name, then a year of four digits or two."""
_YEAR_SLASH_MONTH_DAY = r"[0-9]{3}[/.](?:0?[1-9]|1[0-2])[/.](?:0?[1-9]|[12][0-9]|3[01])(?![0-9])"
"""A year's last three digits, then month and day (``1990/09/16``, ``1990.09.16``)."""
DATE_PATTERN: Final = (
    r"(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
    rf"|[12]{_YEAR_SLASH_MONTH_DAY}"
    r"|[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})(?![0-9/])"
    r"|(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9])"
    rf"|{_MONTH}[ ]+[0-9]{{1,2}}(?:st|nd|rd|th)?,?[ ]+[0-9]{{4}}"
    rf"|{_MONTH}-[0-9]{{1,2}}-(?:[0-9]{{4}}|[0-9]{{2}})(?![0-9])"
    rf"|[0-9]{{1,2}}{_DAY_MONTH_YEAR}"
    rf"|[0-9]{{1,2}}-{_MONTH}-[0-9]{{2,4}}"
    rf"|[0-9]{{1,2}}/{_MONTH}/[0-9]{{4}}(?![0-9])"
    rf"|[0-9]{{1,2}}{_MONTH3}[0-9]{{4}}(?![0-9]))"
)
_DATE: Final = re.compile(DATE_PATTERN)
_DATE_FROM_DIGIT: Final = re.compile(
    r"[0-9](?<![0-9][0-9])(?:"
    r"[0-9]{3}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
    rf"|(?<=[12]){_YEAR_SLASH_MONTH_DAY}"
    r"|[0-9]?[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})(?![0-9/])"
    r"|(?<=[12])(?<![0-9][0-9])[0-9]{3}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9])"
    rf"|[0-9]?{_DAY_MONTH_YEAR}"
    rf"|[0-9]?-{_MONTH}-[0-9]{{2,4}}"
    rf"|[0-9]?/{_MONTH}/[0-9]{{4}}(?![0-9])"
    rf"|[0-9]?{_MONTH3}[0-9]{{4}}(?![0-9]))"
)
_MONTH_YEAR: Final = re.compile(rf"{_ANY_MONTH},?[ ]+(?:de[ ]+)?(?:1[89]|20)[0-9]{{2}}(?![0-9])")
"""A month and a year, no day (``March 1948``, ``März 1948``, ``marzo de 1948``): a birth month after a birth cue."""
_YEAR_AFTER_SPACE: Final = re.compile(r"[ ](?:1[89]|20)[0-9]{2}(?![0-9])")
"""What every match of :data:`_MONTH_YEAR` ends with: asked first, it opens with a space the engine skips to."""
_DATE_FROM_MONTH: Final = re.compile(
    rf"{_MONTH}(?:[ ]+[0-9]{{1,2}}(?:st|nd|rd|th)?,?[ ]+[0-9]{{4}}|-[0-9]{{1,2}}-(?:[0-9]{{4}}|[0-9]{{2}})(?![0-9]))"
)
_DAY_OR_MONTH: Final = "(?:0?[1-9]|[12][0-9]|3[01])"
_TWO_DIGIT_DAY_OR_MONTH: Final = "(?:0[1-9]|[12][0-9]|3[01])"
"""Dotted dates need two digits each (``07.03.1931``): ``1.2.2024`` is a version as often as a date."""
_FULL_DATE: Final = re.compile(
    rf"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01])/(?:19|20)[0-9]{{2}}|(?:19|20)[0-9]{{2}}-[01][0-9]-[0-3][0-9]"
    rf"|(?:19|20)[0-9]{{6}}|{_MONTH}[ ]+[0-9]{{1,2}}(?:st|nd|rd|th)?,?[ ]+(?:19|20)[0-9]{{2}}"
    rf"|(?:19|20)[0-9]{{2}}/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01])|{_MONTH}-[0-9]{{1,2}}-(?:19|20)[0-9]{{2}}"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th|er|o|\.)?[ ]+(?:of[ ]+|de[ ]+)?{_ANY_MONTH},?[ ]+(?:de[ ]+)?(?:19|20)[0-9]{{2}}"
    rf"|{_TWO_DIGIT_DAY_OR_MONTH}\.{_TWO_DIGIT_DAY_OR_MONTH}\.(?:19|20)[0-9]{{2}}"
    rf"|{_DAY_OR_MONTH}-{_DAY_OR_MONTH}-(?:19|20)[0-9]{{2}}"
)
"""A date with day, month and a year of this era: what a birth date in error text looks like (``03/07/1931``,
``1931-03-07``, ``March 7, 1931``; day or month first with dots or dashes: ``07.03.1931``, ``7-3-1931``)."""
_BIRTH_FIELD: Final = re.compile(
    first_char_alternation(sorted(BIRTH_FIELDS, key=len, reverse=True), r"[A-Za-z0-9_/\x80-\U0010ffff]")
    + r"(?![A-Za-z0-9_/\x80-\U0010ffff])"
)
"""A birth field name (``birth_date``, ``dateOfBirth``, ``DOB``: :data:`._gate.BIRTH_FIELDS`) as a word of its own."""
_NAME_BEFORE_PAREN: Final = re.compile(
    r"(?<![\w'’-])([A-Z][a-z'’-]+)"
    r"((?: (?:(?:van|von|de|da|di|del|della|der|den|du|le|la|al|el|bin|ibn|dos|das|ter)[ ]){0,2}[A-Z][a-z'’-]+){1,2}) $"
)


def _age_after_a_name(text: str, paren: int) -> bool:
    """Whether a person's name ends just before ``text[paren]``, surely enough to read the number in the
    brackets as their age: a known surname last and a known given name or a particle before it
    (``Yfke van Hagen (104)``; not ``Max Workers (100)``)."""
    name = _NAME_BEFORE_PAREN.search(text, max(0, paren - 64), paren)
    if name is None:
        return False
    words = [name[1], *name[2].split()]
    last = words[-1]
    if not (last.lower() in SURNAME_RANK or last in SURNAMES) or last in NAME_STOPWORDS or last in STREET_SUFFIXES:
        return False
    particle = any(word[0].islower() for word in words)
    return particle or any(word.lower() in GIVEN or word in FIRST_NAMES for word in words[:-1])


def _after_a_name(text: str, paren: int, *, strict: bool = False) -> bool:
    """Whether a person's name (two or three capitalised words, a known given name or surname among them)
    ends just before ``text[paren]``: a date in parentheses after a name is a date of birth.

    ``strict``: a known given name and a known surname last, both (a date after ``on`` follows
    product and release names as often as people's)."""
    name = _NAME_BEFORE_PAREN.search(text, max(0, paren - 64), paren)
    if name is None:
        return False
    words = [name[1], *(word for word in name[2].split() if word[0].isupper())]
    given = any(word.lower() in GIVEN or word in FIRST_NAMES for word in words[:-1])
    surname = words[-1].lower() in SURNAME_RANK or words[-1] in SURNAMES
    if strict:
        return (
            given and surname and words[-1] not in STREET_SUFFIXES and not any(word in NAME_STOPWORDS for word in words)
        )
    return given or surname


_ON_DATE: Final = frozenset({" on ", " On ", " ON "})
"""What joins a person's name to the date of an event of theirs (``seen Jane Roe on 03/07/2024``)."""
_DATE_CUES: Final = CueIndex(
    [word for phrase in DATES.key_words for word in phrase.split()] + sorted(BIRTH_FIELDS) + sorted(CLINICAL_WORDS)
)
_EVENT_WORDS: Final = (DATES.last_words | CLINICAL_WORDS) - {"home", "to", "dead", "expired"}
"""Words that, earlier in a clause, make a date after a bridge word (:data:`._cues.DATE_BRIDGES`) a person's."""
_IDENTITY_WORDS: Final = frozenset({"verify", "verified", "verification", "identity", "dob", "born"})
"""Words of an identity check: a date after a name and a comma there is the person's birth date."""
_BORN_ABBREVIATION: Final = re.compile(r"""(?<![\w.])[bB]\.[ \t]?(?:[:=][ \t]?)?["'(\[]?$""")
"""``b.`` just before a date, as a label too: born (``Jane Roe (b. 12 March 1931)``, ``b.='3/25/1944'``,
``b. (27-Nov-1954)``, ``B.\t19990203``)."""
_EXPIRED_CUE: Final = re.compile(r"""(?<![\w.])(?i:expired)(?:[ _]on)?["']?[ \t]?(?:[:=][ \t]?)?["'(\[]?$""")
"""``expired`` (passed away) right before a date, as a label or a key too (``expired (01 Sep 2019)``,
``expired: 20211222``, ``'expired_on': '2019-09-01'``)."""
_EXPIRING_THINGS: Final = re.compile(
    r"(?i:session|token|cookie|cert|certificate|key|password|passwd|secret|credential|jwt|otp|code|link|url|cache"
    r"|ttl|lease|lock|subscription|trial|coupon|offer|invite|invitation|card|license|licence|policy|contract"
    r"|domain|lot|batch|vial|medication|drug|stock|item|sku|ndc|backup|snapshot|signature|quote|job|build|access)"
)
"""Things that expire (a session, a token, a certificate, a lot of a drug): beside them ``expired`` is no death."""
_TIME_AFTER: Final = re.compile(r"[ T]?[0-9]{1,2}:[0-9]{2}|T[0-9]{4}")


def _death_expired(text: str, start: int, end: int) -> bool:
    """Whether ``expired`` right before the date at ``start:end`` is a person's death: no thing that expires
    (a session, a token, a drug's lot) in the text and no time of day after the date."""
    if "xpired" not in text and "XPIRED" not in text:
        return False
    if _EXPIRED_CUE.search(text, max(0, start - 16), start) is None:
        return False
    return _TIME_AFTER.match(text, end) is None and _EXPIRING_THINGS.search(text) is None


def _event_before(text: str, start: int) -> str | None:
    """``DATE`` when a bridge word ends just before ``start`` and an event or clinical word comes earlier in the
    clause (``reschedule request Roe, Jane from 2024-09-27``, ``rlq pain since 10/16/24``); ``DOB`` when a comma
    does after an identity check (``verify: Jane Roe, 1990/09/16``)."""
    words = words_before(text, start, 12, 100)
    if len(words) < 2:
        return None
    if text[start - 2 : start] == ", " and not _IDENTITY_WORDS.isdisjoint(words[:-1]):
        return "DOB"  # a name and its birth date, checked together
    if words[-1] in DATE_BRIDGES and not _EVENT_WORDS.isdisjoint(words[:-1]):
        return "DATE"
    return None


_DATE_AFTER: Final = {
    **dict.fromkeys(("appt", "appointment", "admission", "admit", "admitted", "discharge", "discharged"), "DATE"),
    **dict.fromkeys(("surgery", "dos", "encounter", "dod", "visit", "visits", "procedure", "labs"), "DATE"),
    **dict.fromkeys(("no-show", "noshow", "consult", "consultation", "cita", "termin", "consulta"), "DATE"),
    "dob": "DOB",
}
"""Words right after a date that make it a person's (``06/29/2024 appt``, ``03/12/1950 (DOB)``)."""
_PERSON_FIRST: Final = frozenset({"pt", "patient", "member", "mbr", "paciente", "patiente", "patientin"})
_PERSON_EVENTS: Final = frozenset(
    {"no", "noshowed", "seen", "arrived", "checked", "admitted", "discharged", "cancelled", "canceled", "visit"}
    | {"rescheduled", "presented", "died", "expired", "transferred", "called"}
)
"""A person and what they did, right after a date (``4/30/2022 - pt no-showed``; words split at ``-``)."""
_DATE_GAP: Final = re.compile(r"[ ]*(?:-|–|—|to|thru|through|until|till|and|&|,|al|au|bis|a|hasta|ate|até)[ ]*")
"""What stands between the dates of one range or list after one cue (``03/01/2024 - 03/04/2024``, ``, ``)."""
_MONTH_DAY: Final = re.compile(r"[01]?[0-9]/[0-3]?[0-9](?![\w/.-])")
"""A month and day without a year (``06/29``), read only right after an event of care (:data:`_YEARLESS_CUES`)."""
_YEARLESS_CUES: Final = frozenset(
    {"admitted", "admission", "admit", "discharged", "discharge", "appt", "appointment", "dos", "surgery", "d/c"}
    | {"died", "deceased", "dod", "encounter", "disch", "adm", "appts", "appointments"}
)
_WEEKDAYS: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed"}
    | {"thu", "thur", "thurs", "fri", "sat", "sun", "on", "for", ":", "="}
)


def _yearless_date(text: str, start: int, end: int) -> bool:
    """Whether the month and day at ``start`` follow an event of care (``admitted Tuesday 05/04``)."""
    if start and (text[start - 1].isalnum() or text[start - 1] in "_/.-:"):
        return False
    month, _, day = text[start:end].partition("/")
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return False
    return _after_event_of_care(text, start)


_NAMED_MONTH_DAY: Final = re.compile(
    rf"(?<![\w.]){_MONTH}[ ]+(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?(?![\w/.-])"
    rf"|(?<![\w./-])(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?[ ]+{_MONTH}(?![\w/-])"
)
"""A month by name and its day without a year (``Mar 5``, ``5 March``), read only right after an event of care."""


def _after_event_of_care(text: str, start: int) -> bool:
    """Whether an event of care (:data:`_YEARLESS_CUES`) comes right before ``start``, a weekday allowed between."""
    words = words_before(text, start, 3)
    while words and words[-1] in _WEEKDAYS:
        words.pop()
    return bool(words) and words[-1] in _YEARLESS_CUES


_MONTH_HINTS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


_YEAR_1800S_1900S: Final = re.compile(r"1(?<![\w.-]1)[89][0-9]{2}(?![\w.-]|[/.-][0-9])")
_BIRTH_YEAR_CUE: Final = re.compile(
    r"(?i:(?<![a-z])(?:born(?:[ ](?:in|ca\.?))?|yob|y\.o\.b\.?|year[ _-]?of[ _-]?birth|birth[ _-]?year|b\."
    r"|geb(?:oren|\.)?(?:[ ]im(?:[ ]jahr)?)?|geburtsjahr|geboren[ ]in|geboortejaar|n[ée]e?[ ]en"
    r"|ann[ée]e[ ]de[ ]naissance"
    r"|nacid[oa][ ]en|a[ñn]o[ ]de[ ]nacimiento|nat[oa][ ]nel|anno[ ]di[ ]nascita))"
    r"[\"']?[ ]?[:=]?[ ]?[\"']?$"
)
"""A cue of a year of birth right before it (``born 1931``, ``yob=1931``, ``birth_year: 1931``, ``geb. 1931``)."""


def _old_birth_years(text: str) -> Iterator[Span]:
    """Years of birth of a person over 89 after a birth cue (``born 1931``, ``yob=1931``): the year alone is no
    identifier (``born 1985`` stays), but one that gives an age over 89 is, as the age itself is."""
    if "1" not in text:
        return
    last = _dt.date.today().year - 90  # born that year or before: 89 at least, over 89 from the birthday on
    for year in _YEAR_1800S_1900S.finditer(text):
        start = year.start()
        if int(year[0]) <= last and _BIRTH_YEAR_CUE.search(text, max(0, start - 30), start) is not None:
            yield start, year.end(), "DOB"


class DateDetector(BaseDetector):
    """Dates about a person after a cue: birth (``DOB 03/12/1985``, ``born March 12, 1985``) as ``DOB``;
    admission, discharge, death, service and visit dates as ``DATE``. A full date up to 200 characters
    after a birth field name (``birth_date``, ``dateOfBirth``, ``dob``), as validation errors print
    them, or in parentheses after a person's name (``Jane Roe (03/07/1984)``), is a ``DOB``. Other dates
    are left alone."""

    gate = CUED
    name = "date"
    kinds = ("DOB", "DATE")

    def find(self, text: str) -> Iterator[Span]:
        cues = _DATE_CUES.scope(text)
        birth: bool | None = None
        last: tuple[int, str] | None = None  # the end and kind of the last date found: a range or list goes on
        for match in self._candidates(text):
            start = match.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "_/.-"):
                continue
            if last is not None and start - last[0] <= 12 and _DATE_GAP.fullmatch(text, last[0], start):
                yield start, match.end(), last[1]  # "DOS 03/01/2024 - 03/04/2024", "admitted 3/1 to 3/4/2024"
                last = (match.end(), last[1])
                continue
            last = None
            kind = DATES.before(text, start) if cues.near(start) else None
            if kind is None and _BORN_ABBREVIATION.search(text, max(0, start - 8), start) is not None:
                kind = "DOB"  # "Jane Roe (b. 12 March 1931)", "b.='3/25/1944'"
            if kind is None and _death_expired(text, start, match.end()):
                kind = "DATE"  # "expired (01 Sep 2019)", "expired: 20211222": a death's date
            if kind is None and cues.near(start, 100):
                kind = _event_before(text, start)  # "rlq pain since 10/16/24", "cita para Jane Roe el 2026-10-22"
            if kind is None and text[start - 1 : start] == "(" and text[match.end() : match.end() + 1] == ")":
                kind = "DOB" if _after_a_name(text, start - 1) else None  # "Jane Roe (03/07/1984) checked in"
            if kind is None and text[start - 4 : start] in _ON_DATE and _FULL_DATE.fullmatch(match[0]):
                # "follow-up for Jane Roe on 03/07/2024": the date of a person's visit
                kind = "DATE" if _after_a_name(text, start - 3, strict=True) else None
            if kind is None and _FULL_DATE.fullmatch(match[0]):
                if birth is None:
                    birth = _BIRTH_FIELD.search(text) is not None
                if birth and _BIRTH_FIELD.search(text, max(0, start - 200), start) is not None:
                    kind = "DOB"  # error text: "birth_date ... input_value='03/07/1984'"
            if kind is None and text[match.end() : match.end() + 1] in _PAREN_STARTS:
                after = words_after(text, match.end(), 3)
                kind = _DATE_AFTER.get(after[0]) if after else None  # "06/29/2024 appt", "03/12/1950 (DOB)"
                if kind is None and len(after) > 1 and after[0] in _PERSON_FIRST and after[1] in _PERSON_EVENTS:
                    kind = "DATE"  # "4/30/2022 - pt no-showed": what a person did that day
            if kind == "DATE" and ("DoD" in text or "efinition of done" in text) and "dod" in words_before(text, start):
                kind = None  # "definition of done (DoD) updated on 2024-03-04": a team's checklist, no death
            if kind == "DATE" and seen_by_machine(text, start):
                kind = None  # "node db-01.example.com last seen 2025-03-18": a machine's, no visit
            if kind is not None:
                yield start, match.end(), kind
                last = (match.end(), kind)
        if "/" in text:
            for short in _MONTH_DAY.finditer(text):  # "admitted Tuesday 05/04": the year left out
                if cues.near(short.start()) and _yearless_date(text, short.start(), short.end()):
                    yield short.start(), short.end(), "DATE"
        lowered = text.lower()
        if any(hint in lowered for hint in _MONTH_HINTS):
            for named in _NAMED_MONTH_DAY.finditer(text):  # "appt Tue Mar 5 9:30": by name, no year
                if "may" in named[0]:
                    continue  # "appt may 5 be moved": the verb
                if cues.near(named.start()) and _after_event_of_care(text, named.start()):
                    yield named.start(), named.end(), "DATE"
        yield from _old_birth_years(text)
        months = _MONTH_YEAR.finditer(text) if _YEAR_AFTER_SPACE.search(text) is not None else ()
        for month in months:  # "born March 1948": the month is an element of the birth date
            start = month.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
                continue
            if cues.near(start) and DATES.match(words_before(text, start)) == "DOB":
                yield start, month.end(), "DOB"

    @staticmethod
    def _candidates(text: str) -> list[re.Match[str]]:
        found = list(_DATE_FROM_DIGIT.finditer(text))
        lowered = text.lower()
        if any(hint in lowered for hint in _MONTH_HINTS):
            found.extend(_DATE_FROM_MONTH.finditer(text))
            found.sort(key=re.Match.start)
        return found


# -- ages over 89 --------------------------------------------------------------------------------
_AGE_NUMBER: Final = re.compile(r"[0-9](?<![\w.][0-9])[0-9]{1,2}(?![0-9%]|\.[0-9])")
_ATTACHED_AGE: Final = re.compile(r"[ -]?(?:yo|y/o|y\.o|yrs?|years?|YO|Y/O|YRS?|YEARS?)[FM]?(?![A-Za-z])")
"""Years written right after the number, the sex glued after them (``95yo``, ``93yoF``, ``97 y/oM``)."""
_OLD: Final = frozenset({"old", "of"})
_AGE_FILLERS: Final = frozenset({"is", "was", "of", ":", "de", "von", "di", "van", "da"})
_NOT_AGE_AFTER: Final = frozenset(
    {"ms", "s", "sec", "seconds", "minutes", "min", "mins", "hours", "percent", "times", "degrees", "requests"}
)
"""Units after a number that make it no age (``turned 120 ms``)."""
_AGO: Final = frozenset({"hace", "vor", "por", "para", "for", "seit", "pendant", "durante", "per", "depuis", "desde"})
"""Words before a number of years that make it a time ago or a duration (``hace 100 años``)."""
_AGO_AFTER: Final = frozenset(
    {"fa", "ago", "temu", "once", "geleden", "atras", "sitten", "sedan", "siden", "назад", "ezelőtt", "zpátky"}
)
"""Words after a number of years that make it a time ago (``100 anni fa``, ``100 yıl önce``)."""
_SHORT_AGE: Final = frozenset({"yo", "y/o", "y", "yoa"})
_SHORT_BEFORE_AGE: Final = frozenset({"yo", "y/o", "y.o", "yoa", "años", "anos", "ans", "âge"})
"""Short cues of years of age written before the number, as a key or a label (``yo: 92``, ``y/o=95``, ``años 93``)."""
_GERMAN_YEARS: Final = re.compile(r"[ ]?J\.(?![\w.]|[ ][A-Z][a-z])")
"""German's abbreviation of years of age right after the number (``95 J.``, ``95J.``; no initial: ``95 J. Smith``)."""
_YEARS_SIGNS: Final = "岁歲歳세살"
"""Signs of years of age written right after the number (``93岁``, ``93歳``, ``93세``)."""


_AGE_OWNERS: Final = AGE_OWNERS
_NOT_YEARS_OF_AGE: Final = frozenset({"of", "in", "since", "after", "before", "later", "earlier", "ago", "from", "to"})


def _years_of_a_person(after: list[str]) -> bool:
    """Whether ``years``/``yrs`` after a person's number is their age, not a span (``93 years of data``)."""
    return after[0] in ("years", "year", "yrs", "yr") and (len(after) < 2 or after[1] not in _NOT_YEARS_OF_AGE)


_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_AGE_IN_WORDS: Final = re.compile(
    rf"(?<![A-Za-z])(?:ninety(?:[- ](?:{_UNITS}))?"
    rf"|(?:one|a)[- ]hundred(?:(?:[- ]and)?[- ](?:{_UNITS}|ten|eleven|twelve|(?:twenty|thirty)(?:[- ](?:{_UNITS}))?))?)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
"""An age over 89 in words (``ninety-two``, ``one hundred and one``)."""
_YEARS_OLD: Final = re.compile(r"[- ](?:years?|yrs?)[- ]old(?![A-Za-z])", re.IGNORECASE)
_YEARS_UNIT: Final = frozenset({"years", "year", "yrs", "yr", "in"})
"""Words between ``age`` and its number that say the unit (``age in years: 93``)."""
_PERSON_OWNERS: Final = frozenset({"pt", "patient", "she", "he", "resident", "mother", "father", "wife", "husband"})
"""Owners before which ``93F``/``93M`` is an age and a sex (a ``member``'s or ``client``'s ``95M`` may be money)."""
_SEX_WORDS: Final = frozenset({"female", "male", "f", "m", "woman", "man", "w"})
_BIRTH_YEAR_BEFORE: Final = re.compile(
    r"(?i:dob|born|birth|b\.)[: ]{1,3}(?:[0-9]{1,2}[/.-]){0,2}(?:19|20)[0-9]{2}[ ]?$"
)
"""A birth date or year right before an age in brackets (``DOB 1931 (93)``)."""
_AGE_DECIMAL: Final = re.compile(r"[0-9](?<![\w.][0-9])[0-9]{1,2}\.[0-9]{1,2}(?![0-9.%])")
"""An age written with a fraction (``age 93.5``): after an age word only."""


_SHORTHAND_UNIT: Final = re.compile(r"(?P<gap>[ ]?)(?:(?P<sex>[MF])|yrs?|YRS?)(?![\w/])")
"""Chart shorthand right after an age: the sex (``97 M``, ``105F``) or the years cut short (``99 yrs``)."""
_CHART_NEXT: Final = re.compile(
    r"[ ]+(?i:presenting|presents|pt|patient|with|w/|c/o|who|s/p|hx|admitted|female|male)(?![\w])"
)
"""Words of a chart that go on after the age and sex of a person (``97 M presenting w/``, ``91 M pt c/o``)."""
_SHORTHAND_END: Final = re.compile(r"""[ ]*(?:[.,;)"'\n\u2014]|$)""")
_IS_A_BEFORE: Final = re.compile(r"(?<![A-Za-z])(?i:is|was)[ ]an?[ ]$")
_CLAUSE_BEFORE: Final = re.compile(r"""(?:^|[:;\n("'\u2014]|[.!?-][ ])[ ]*$""")
_NAME_COMMA_BEFORE: Final = re.compile(r"[A-Z][^\W\d_]*[.'\u2019]?,[ ]$")
"""A capitalised word and a comma right before the age (``Patient Ann Roe, 97 M``)."""


def _chart_shorthand(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` is an age in chart shorthand: a sex or ``yrs`` right after it, and a
    person's clause around it (``is a 97 M``, ``HPI: 99F presenting``, ``Ann Roe, 104 yrs.``), not a size or a
    span (``heap: 120M``, ``rows, 100 M records``, ``kept 100 yrs of data``)."""
    unit = _SHORTHAND_UNIT.match(text, end)
    if unit is None:
        return False
    if _IS_A_BEFORE.search(text, max(0, start - 8), start) is not None:
        return True
    head = text[max(0, start - 40) : start]
    clause = _CLAUSE_BEFORE.search(head) is not None or start == 0
    after_name = _NAME_COMMA_BEFORE.search(head) is not None
    if _CHART_NEXT.match(text, unit.end()) is not None:
        return clause or head.endswith(", ")
    if _SHORTHAND_END.match(text, unit.end()) is None:
        return False
    if unit["sex"] is None:  # "99 yrs" closing a clause
        return clause or head.endswith(", ")
    return after_name or (clause and unit["gap"] == " " and not head.rstrip().endswith(":"))


_THING_AGE_KEY: Final = re.compile(r"([A-Za-z]+)_(?i:age)[ :=]{1,3}$")


_AGE_KEY_SIBLING: Final = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]+)_(?i:age)=[0-9]")
"""Another ``key_age=`` pair of a logfmt line, whose key says whose ages the line counts."""
_AGES_LIST_BEFORE: Final = re.compile(
    r"(?<![\w.])(?i:ages|edades|idades|alter)[\"']?[ ]?[:=][ ]?[\[(]?(?:[ ]?[0-9]{1,3}(?:\.[0-9]+)?,)+[ ]?$"
)
"""A list of ages before a number (``ages=[33, 93]``, ``ages: 41, 95``): each of its items is an age."""


def _thing_age_key(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a snake_case key whose ``age`` is a thing's (``max_age 93``,
    ``cache_age=95``), not a person's (``patient_age 93``, ``pt_age: 95``)."""
    key = _THING_AGE_KEY.search(text, max(0, start - 40), start)
    if key is not None:
        return key[1].lower() not in _AGE_OWNERS
    if text[start - 1 : start] != "=" or text[start - 4 : start - 1].lower() != "age":
        return False
    # "heartbeat age=93 max_age=120": a bare key among the keys of a thing's ages is a thing's too
    owners = {sibling[1].lower() in _AGE_OWNERS for sibling in _AGE_KEY_SIBLING.finditer(text)}
    return owners == {False}


_LABEL_AGE_NEXT: Final = (
    _SEX_WORDS | _PERSON_FIRST | {"sex", "gender", "admitted", "presenting", "presents", "with", "w/", "and", "who"}
)
"""Words that may follow an age written after its short cue (``yo 98 female``, ``años 93 paciente``)."""


def _label_age_end(text: str, end: int, after: list[str]) -> bool:
    """Whether the number ending at ``end`` after a short cue (``yo``, ``y/o``, ``años``) closes its value: the text
    or a clause ends, a quote, bracket or separator follows, or a person's word (not ``yo 110 tasks``)."""
    if not after or text[end : end + 1] in ("'", '"', ")", "]", ",", ";", "|", "}"):
        return True
    return after[0] in _LABEL_AGE_NEXT


def _counted_after(text: str, position: int) -> bool:
    """Whether a plural noun follows at ``position``: ``aged (110) buckets`` counts things, no one's age."""
    after = words_after(text, position, 1)
    word = after[0] if after else ""
    return len(word) > 3 and word.endswith("s") and word not in _LABEL_AGE_NEXT and word not in _STILL_A_PERSON


_STILL_A_PERSON: Final = frozenset({"lives", "resides", "remains", "presents", "states", "arrives", "returns"})


class AgeDetector(BaseDetector):
    """Ages over 89 (``age 93``, ``aged 101``, ``92-year-old``, ``95 y/o``, ``95yo``); younger ages are not PHI."""

    gate = AGE
    name = "age"
    kinds = ("AGE",)

    def find(self, text: str) -> Iterator[Span]:
        if "undred" in text or "inety" in text or "UNDRED" in text or "INETY" in text:
            for words in _AGE_IN_WORDS.finditer(text):  # "a ninety-two year old", "aged one hundred and one"
                before = words_before(text, words.start(), 3)
                if _YEARS_OLD.match(text, words.end()) or (before and before[-1] in BEFORE_AGE):
                    yield words.start(), words.end(), "AGE"
        for match in _AGE_NUMBER.finditer(text):
            value = int(match[0])
            if not 89 < value < 140:
                continue
            start, end = match.start(), match.end()
            if value == 90 and text[end : end + 1] == "+":
                continue  # hipaalog's own partial form
            before = words_before(text, match.start(), 4)
            filler = False
            while before and before[-1] in _AGE_FILLERS:
                before.pop()
                filler = True
            if len(before) > 1 and before[-1] in _YEARS_UNIT and "age" in before[:-1]:
                before = before[: before.index("age") + 1]  # "age in years: 93", "age (years) 93"
            if before and before[-1] in _AGO and _YEARS_OLD.match(text, end) is None:
                continue  # "hace 100 años", "vor 100 Jahren": a time ago, no one's age ("for a 93-year-old" is)
            if text[match.start() - 1 : match.start()] == "(" and text[end : end + 1] == ")":
                if (
                    _age_after_a_name(text, match.start() - 1)
                    or _BIRTH_YEAR_BEFORE.search(text, 0, match.start() - 1)
                    or (before and before[-1] in _PERSON_OWNERS and not filler)
                    or (
                        before
                        and (before[-1] in BEFORE_AGE or before[-1] in _SHORT_BEFORE_AGE)
                        and not _counted_after(text, end + 1)
                    )
                ):
                    yield match.start(), end, "AGE"  # "Yfke van Hagen (104)", "DOB 1931 (93)", "pt (93)"
                continue
            if before and before[-1].isdigit() and _AGES_LIST_BEFORE.search(text, max(0, start - 60), start):
                yield start, end, "AGE"  # "ages=[33, 93]", "ages: 41, 95": an age among a list of them
                continue
            after = words_after(text, end, 3)
            if (
                before
                and before[-1] in BEFORE_AGE
                and not (after and after[0] in _NOT_AGE_AFTER)
                and not _thing_age_key(text, match.start())
            ):
                yield match.start(), end, "AGE"
                continue
            if before and before[-1] in _SHORT_BEFORE_AGE and _label_age_end(text, end, after):
                yield match.start(), end, "AGE"  # "yo: 92", "y/o=95", "años 93": the cue written as a label
                continue
            if before and before[-1] in _AGE_OWNERS:
                sex = (
                    before[-1] in _PERSON_OWNERS
                    and text[end : end + 1] in ("F", "M")
                    and not text[end + 1 : end + 2].isalnum()
                )
                if sex or (filler and (not after or after[0] in _SEX_WORDS)):
                    yield match.start(), end, "AGE"  # "pt 93F", "she is 93.", "pt is 93 female"
                    continue
            worded = bool(after) and after[0] in AFTER_AGE
            worded = worded and (
                after[0] in _SHORT_AGE
                or (after[0] in YEARS_OF_AGE and _AGO_AFTER.isdisjoint(after[1:]))
                or bool(_OLD.intersection(after[1:]))
                or (bool(before) and before[-1] in _AGE_OWNERS and _years_of_a_person(after))
            )
            attached = end < len(text) and (
                (text[end] in "yY" and _ATTACHED_AGE.match(text, end) is not None)
                or text[end] in _YEARS_SIGNS
                or (text[end] in " J" and _GERMAN_YEARS.match(text, end) is not None)
            )
            if worded or attached or _chart_shorthand(text, match.start(), end):
                yield match.start(), end, "AGE"
        if "." in text:
            for match in _AGE_DECIMAL.finditer(text):  # "age 93.5"
                if 89 < float(match[0]) < 140:
                    before = words_before(text, match.start(), 2)
                    after = words_after(text, match.end(), 1)
                    if before and before[-1] in BEFORE_AGE and not (after and after[0] in _NOT_AGE_AFTER):
                        yield match.start(), match.end(), "AGE"


# -- ZIP codes and cities ------------------------------------------------------------------------
_ZIP: Final = re.compile(r"[0-9](?<![\w.-][0-9])[0-9]{4}(?:-[0-9]{4})?(?![\w-]|\.[0-9])")
_STATE_CODES = "|".join(sorted(STATE_CODES))
_BARE_CODES = "|".join(sorted(set(STATE_CODES) - {"OK", "ID", "IN", "OR", "ME", "HI", "AS", "DE", "MD", "CO", "PA"}))
_STATE_BEFORE: Final = re.compile(
    rf"(?:(?:[,^][ ]?|(?<=[AFD]PO[ ]))(?P<state>{_STATE_CODES})|(?<=[a-z][ ])(?P<bare>{_BARE_CODES})"
    rf"|(?<![A-Za-z])(?P<name>{STATE_NAMES}),?|(?<=[A-Z]{{3}}[ ])(?P<upper>{_BARE_CODES})"
    rf"|(?<=[a-z],[ ])(?P<lower>{_BARE_CODES.lower()}))(?:[ ]+|\^)$"
)
_CITY_BARE: Final = re.compile(r"(?P<city>[A-Z][a-z][A-Za-z.'’-]*(?:[ ][A-Z][a-z][A-Za-z.'’-]*){0,2})[ ]$")
"""A city just before a state code written without a comma (``Mountain View CA 94043``)."""
_CITY_UPPER: Final = re.compile(r"(?<![A-Za-z0-9])(?P<city>[A-Z][A-Z'’-]+(?:[ ][A-Z][A-Z'’-]+){0,2})[ ]$")
"""A city in capitals just before a state code, no comma (``SPRINGFIELD IL 62704``)."""
_CITY_LOWER: Final = re.compile(r"(?<![A-Za-z0-9])(?P<city>[a-z][a-z'’-]+(?:[ ][a-z][a-z'’-]+){0,2}),[ ]$")
"""A city in lower case before a comma and a lower-case state code (``springfield, il 62704``)."""
_CITY_BEFORE: Final = re.compile(r"(?P<city>[A-Z][A-Za-z.'’-]+(?:[ ][A-Z][A-Za-z.'’-]+){0,3})(?:,[ ]?|\^)$")

_HOME_WORDS: Final = ("live", "living", "resid", "Live", "Living", "Resid", "moved", "relocated", "born", "hometown")
CITY_STATE_AFTER_CUE: Final = re.compile(
    r"(?<![A-Za-z])(?:lives|living|resides|residing|resident|moved|relocated|born|hometown)"
    r"(?:[ ](?:in|at|to|of|near))?[:]?[ ]"
    rf"(?P<city>[A-Z][a-z][A-Za-z.'’-]*(?:[ ][A-Z][a-z][A-Za-z.'’-]*){{0,2}}),[ ]?(?:{_BARE_CODES}|{STATE_NAMES})"
    r"(?![A-Za-z])"
)
"""A town and its state after words of where a person lives (``lives in Smithtown, NY``), no ZIP code."""
CITY_WORD_STATE_AFTER_LIVES: Final = re.compile(
    r"(?<![A-Za-z])(?:[Ll]ives|[Ll]iving|[Rr]esides|[Rr]esiding)[ ]in[ ]"
    r"(?P<city>[A-Z][a-z][A-Za-z.'’-]*(?:[ ][A-Z][a-z][A-Za-z.'’-]*){0,2}),[ ]?(?:OK|ID|IN|OR|ME|HI|AS|DE|MD|CO|PA)"
    r"(?![A-Za-z])"
)
"""The same after *lives in* with a state code that is also a word (``lives in Amberton, ME``)."""
TOWN_AFTER_LIVES: Final = re.compile(
    r"(?<![A-Za-z])(?:(?:[Ss]he|[Hh]e|[Tt]hey|who|[Pp]t|[Pp]atient|female|male|woman|man|[Mm]ember|[Rr]esident)"
    r",?[ ](?:currently[ ]|now[ ]|still[ ]|has[ ]|recently[ ]|was[ ])?"
    r"(?:(?:lives|living|resides|residing)(?:[ ](?:alone|independently|with[ ][a-z]+(?:[ ][a-z]+)?))?[ ]in"
    r"|(?:moved|relocated|moving)[ ](?:back[ ])?to)"
    r"|born[ ](?:on[ ])?[^,.;\n]{0,20}?[0-9]{4}[ ]in)"
    r"[ ](?P<city>[A-Z][a-z][A-Za-z.'’-]*(?:[ ][A-Z][a-z][A-Za-z.'’-]*){0,2})(?=[ ]?(?:[.;,\n]|$))"
)
"""A town alone after where a person lives, at the end of a clause (``she lives alone in Bethesda.``)."""


def _town_like(city: str) -> bool:
    """Whether words in capitals or lower case may be a town: a known place, or a word no English word
    (``SOUTH WILLIAMLAND``, ``davisbury``; not ``BATCH JOB``)."""
    lower = city.lower()
    return lower in PLACES or any(word not in ENGLISH for word in lower.split())


_ZIP_PAREN: Final = frozenset({" (", "(z", "(Z", "(p", "(P"})
_ZIP_CUE_AFTER: Final = re.compile(r"[ ]?\((?i:zip(?:[ ]?code|\+4)?|post(?:al[ ]?)?code)\)")
"""A ZIP code's cue in parentheses right after it (``33792 (zip)``, ``44093-8107 (zip+4)``)."""


def _person_cued(text: str, start: int) -> bool:
    """Whether a word announcing a person (``guarantor``, ``patient``) is right before the name of the firm ending
    before ``start`` (one word, or a given name and another): then
    ``Roe Inc, Springfield, IL`` is a person's name read as a firm's, and the place theirs."""
    if not NAMES.may_match(text, start):
        return False
    words = words_before(text, start, 4)  # [cue, (given name,) name, legal form]
    if len(words) > 2 and words[-3] in NAMES.last_words:
        return True  # "guarantor: Roe Inc, Springfield"
    return len(words) > 3 and words[-4] in NAMES.last_words and words[-3].title() in FIRST_NAMES


class ZipDetector(BaseDetector):
    """ZIP codes after a cue (``ZIP 02139``) or a state (``Cambridge, MA 02139``, ``^BOSTON^MA^02139``,
    ``Mountain View CA 94043``), with the city before the state."""

    gate = ZIP | CUED
    name = "zip"
    kinds = ("ZIP", "ADDRESS")

    def find(self, text: str) -> Iterator[Span]:
        listed = -1  # the end of the last ZIP code found: a list of them may go on ("zips: 86327, 36960")
        for match in _ZIP.finditer(text):
            start = match.start()
            if (listed >= 0 and start - listed <= 8 and _LIST_GAP.fullmatch(text, listed, start)) or (
                text[match.end() : match.end() + 2] in _ZIP_PAREN and _ZIP_CUE_AFTER.match(text, match.end())
            ):
                yield start, match.end(), "ZIP"  # the next of a list, or "33792 (zip)": the cue after the value
                listed = match.end()
                continue
            listed = -1
            spans = list(self._spans(text, match))
            if (
                spans
                and spans[0][2] == "ADDRESS"
                and firm_before(text, spans[0][0])
                and not _person_cued(text, spans[0][0])
            ):
                continue  # "Chen Inc, Lake Jill, PA 56969": where a company is, no one's address
            for span in spans:
                yield span
                if span[2] == "ZIP":
                    listed = match.end()
        if any(word in text for word in _HOME_WORDS):
            for place in CITY_STATE_AFTER_CUE.finditer(text):  # "lives in Smithtown, NY": no ZIP code
                yield place.start("city"), place.end("city"), "ADDRESS"
            for place in CITY_WORD_STATE_AFTER_LIVES.finditer(text):
                yield place.start("city"), place.end("city"), "ADDRESS"
            for place in TOWN_AFTER_LIVES.finditer(text):
                if place["city"] not in NAME_STOPWORDS:
                    yield place.start("city"), place.end("city"), "ADDRESS"

    @staticmethod
    def _spans(text: str, match: re.Match[str]) -> Iterator[Span]:
        """The ZIP code (and the town before it) of one candidate, by the cue or state before it."""
        start = match.start()
        state = _STATE_BEFORE.search(text, max(0, start - 24), start)
        if state is not None and (state["upper"] is not None or state["lower"] is not None):
            # Capitals or lower case: a state code and a ZIP code after a town written the same way.
            upper = state["upper"] is not None
            at = state.start("upper") if upper else state.start("lower")
            city = (_CITY_UPPER if upper else _CITY_LOWER).search(text, max(0, at - 48), at)
            if city is not None and _town_like(city["city"]):
                yield city.start("city"), city.end("city"), "ADDRESS"
                yield start, match.end(), "ZIP"
            elif ZIPS.before(text, start) is not None:
                yield start, match.end(), "ZIP"
        elif state is not None and state["bare"] is not None:
            city = _CITY_BARE.search(text, max(0, state.start("bare") - 48), state.start("bare"))
            if city is not None:  # no comma: only a capitalised city before the state makes it an address
                yield city.start("city"), city.end("city"), "ADDRESS"
                yield start, match.end(), "ZIP"
            elif ZIPS.before(text, start) is not None:
                yield start, match.end(), "ZIP"
        elif state is not None:
            state_start = state.start("state") if state["state"] is not None else state.start("name")
            city = _CITY_BEFORE.search(text, max(0, state_start - 64), state_start)
            if city is not None:
                yield city.start("city"), city.end("city"), "ADDRESS"
            yield start, match.end(), "ZIP"
        elif ZIPS.before(text, start) is not None:
            yield start, match.end(), "ZIP"


# -- street addresses ----------------------------------------------------------------------------
_BUILDING: Final = re.compile(r"[0-9](?<![\w.-][0-9])[0-9]{1,5}[A-Za-z]?(?:-[0-9]{1,4})?[ ]+(?=[A-Z0-9])")
_STREET_WORD: Final = re.compile(r"(?:[A-Z][A-Za-z'’.-]*|[0-9]{1,3}(?:st|nd|rd|th|ST|ND|RD|TH))[ ]+")
_AFTER_SUFFIX: Final = re.compile(
    r"\.?(?:[ ]+(?:[NS][EW]|[NSEW])(?![A-Za-z]))?"
    r"(?:,?[ ](?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Fl\.?|Floor|Rm\.?|Room|Bldg\.?|Building|APT|STE|UNIT|#)"
    r"(?![a-z])[ ]?#?[A-Za-z0-9-]{1,6}(?![A-Za-z0-9]))?"
)
_SUFFIX: Final = re.compile(r"[A-Za-z]+")
_PO_BOX: Final = re.compile(
    r"(?:[Pp]\.?[ ]?[Oo]\.?[ ]?|Post[ ]Office[ ]|POST[ ]OFFICE[ ]|post[ ]office[ ])"
    r"(?:Box|BOX|box)[ ]+[0-9]{1,6}(?![0-9])"
)
_MILITARY: Final = re.compile(r"(?:PSC|CMR|Unit|UNIT)[ ][0-9]{1,5},?[ ](?:Box|BOX)[ ][0-9]{1,5}(?![0-9])")
_SUFFIX_FORMS: Final = frozenset({s.title() for s in STREET_SUFFIXES} | {s.upper() for s in STREET_SUFFIXES})


_STREET_END: Final = frozenset({"", " ", ".", ",", "\n"})


def _word_char(text: str, index: int) -> bool:
    return index < len(text) and (text[index].isalnum() or text[index] == "_")


_TOWN_WORDS: Final = r"([A-Z][a-z][A-Za-z'’-]*(?:[ ](?:St\.[ ])?[A-Z][a-z][A-Za-z'’-]*){0,2})"
_CITY_AFTER_STREET: Final = re.compile(
    rf",[ ]?{_TOWN_WORDS}"
    rf"(?=[ ]*(?:[.;\n)\]\"]|,[ ]?[A-Z]{{2}}(?![A-Za-z])|[ ](?:{_STATE_CODES})(?![A-Za-z])|$)"
    r"|,?[ ]([0-9]{5}(?:-[0-9]{4})?)(?![0-9]))"
    rf"|[ ]{_TOWN_WORDS}(?=,[ ](?:{_STATE_CODES})(?![A-Za-z])|[ ](?:{_BARE_CODES})(?![A-Za-z])"
    r"|,?[ ]([0-9]{5}(?:-[0-9]{4})?)(?![0-9-]))"
)
"""The town after a street address: after a comma where the sentence, a state code, a ZIP code or the text
ends (``12 Oak St, Smithtown NY``), or with no comma before a state code or a ZIP code
(``12 Oak St Apt. 5 West Smithtown 11787-0413``)."""


_STATE_ZIP_AFTER: Final = re.compile(rf",?[ ](?:{_STATE_CODES})[ ]+([0-9]{{5}}(?:-[0-9]{{4}})?)(?![0-9-])")


def _town_after(text: str, end: int) -> tuple[int, tuple[int, int] | None]:
    """Where an address ends once the town after it is taken (``end`` if there is none), and its ZIP code."""
    city = _CITY_AFTER_STREET.match(text, end)
    town = 1 if city is None or city[1] is not None else 3
    if city is None or city[town] in NAME_STOPWORDS:
        return end, None
    if city[town + 1] is not None:
        return city.end(town), city.span(town + 1)
    state_zip = _STATE_ZIP_AFTER.match(text, city.end(town))
    return city.end(town), (None if state_zip is None else state_zip.span(1))


_UNIT_BEFORE: Final = re.compile(
    r"(?<![A-Za-z])(?:Apt\.?|APT|Apartment|Unit|UNIT|Suite|Ste\.?|Flat|#)[ ]?#?[A-Za-z0-9-]{1,6},?[ ]$"
)
"""A flat written before its street (``Apt 5B, 88 Quill Street``)."""
_NOT_A_BUILDING_BEFORE: Final = frozenset(
    {"route", "bus", "line", "shuttle", "gate", "bay", "dock", "door", "platform", "track", "exit", "pier", "berth"}
)
"""Words before a number that make it the number of a route, a gate or a door, not a building's."""


class AddressDetector(BaseDetector):
    """Street addresses (``1234 Oak Street Apt. 5``, ``77 W 5th Ave``), PO boxes and military
    (PSC/CMR/Unit ... Box) addresses. The building number has two digits or more."""

    gate = ADDRESS
    name = "address"
    kinds = ("ADDRESS",)

    def find(self, text: str) -> Iterator[Span]:
        for match in _BUILDING.finditer(text):
            before = words_before(text, match.start(), 1)
            if before and before[0] in _NOT_A_BUILDING_BEFORE:
                continue  # "route 12 North Loop", "gate 14 West Concourse": a number of something else
            position = match.end()
            words = 0
            while words < 5:
                word = _STREET_WORD.match(text, position)
                suffix = _SUFFIX.match(text, position)
                ends_street = (
                    suffix is not None
                    and words > 0
                    and suffix[0] in _SUFFIX_FORMS
                    and not _word_char(text, suffix.end())
                    and (word is None or not self._more_street(text, word.end()))
                )
                if ends_street and suffix is not None:
                    tail = _AFTER_SUFFIX.match(text, suffix.end())
                    end = tail.end() if tail else suffix.end()
                    end, zip_code = _town_after(text, end)  # "12 Oak St, Smithtown.": the town after the street
                    if zip_code is not None:  # "..., Smithtown 11787", "..., Smithtown NY 11787": its ZIP code
                        yield zip_code[0], zip_code[1], "ZIP"
                    unit = _UNIT_BEFORE.search(text, max(0, match.start() - 16), match.start())
                    yield (match.start() if unit is None else unit.start()), end, "ADDRESS"
                    break
                if word is None:
                    break
                position = word.end()
                words += 1
        if "ox" in text or "OX" in text:
            for regex in (_PO_BOX, _MILITARY):
                for found in regex.finditer(text):
                    end, zip_code = _town_after(text, found.end())  # "PO Box 4410, Smithtown NY 11787"
                    if zip_code is not None:
                        yield zip_code[0], zip_code[1], "ZIP"
                    yield found.start(), end, "ADDRESS"

    @staticmethod
    def _more_street(text: str, position: int) -> bool:
        """Whether a street suffix follows within two more words (``Park Avenue``: ``Park`` is not the end)."""
        for _ in range(2):
            suffix = _SUFFIX.match(text, position)
            if (
                suffix is not None
                and suffix[0] in _SUFFIX_FORMS
                and text[suffix.end() : suffix.end() + 1] in _STREET_END
            ):
                return True
            word = _STREET_WORD.match(text, position)
            if word is None:
                return False
            position = word.end()
        return False


# -- person names --------------------------------------------------------------------------------
_NAME_WORD = r"(?:[A-Z](?:['’][A-Z][a-z]+|[a-z]?[A-Z][a-z]+|[a-z]+(?:['’-][A-Z]?[a-z]+)*))"
_CAPS_WORD = r"(?:[A-Z]{2,}(?:['’-][A-Z]+)*)"
_REST_OF_NAME = r"(?:['’][A-Z][a-z]+|[a-z]?[A-Z][a-z]+|[a-z]+(?:['’-][A-Z]?[a-z]+)*)"
_GIVEN_AFTER_COMMA: Final = re.compile(rf", ((?:{_NAME_WORD}|{_CAPS_WORD})(?: [A-Z]\.?)?)(?![\w'’]|[^\x00-\x7f])")
"""The given name (and an initial) after a cued surname and a comma."""
_CANDIDATE: Final = re.compile(
    rf"[A-Z](?<![\w][A-Z])(?:{_REST_OF_NAME}(?:[ ](?:{PARTICLES}[ ]){{0,2}}(?:{_NAME_WORD}|[A-Z]\.(?![A-Za-z])))*"
    rf"|[A-Z]+(?:['’-][A-Z]+)*(?:[ ]{_CAPS_WORD})*)(?![\w'’]|[^\x00-\x7f])"
)
_HL7_NAME: Final = re.compile(
    r"[A-Z](?<![\w^][A-Z])[A-Za-z]*(?:['’-][A-Za-z]+)*\^[A-Z][A-Za-z]*(?:['’-][A-Za-z]+)*(?:\^[A-Za-z'’.-]*){0,4}"
    r"(?<!['’])"
)
"""An HL7 name, ``DOE^JANE^Q``: an apostrophe only inside a part (``O'NEIL``), never the quote closing a string."""
_HL7_CODES: Final = frozenset({"ADT", "ORU", "ORM", "SIU", "MDM", "DFT", "VXU", "ACK", "MFN", "RDE", "BAR", "QBP"})
_CODING_SYSTEMS: Final = frozenset(
    {"LN", "LNC", "SCT", "SNM", "I9", "I9C", "I10", "I10C", "ICD9", "ICD10", "CPT", "C4", "C5", "HCPCS", "NDC"}
    | {"RXNORM", "RXN", "CVX", "MVX", "UCUM", "NUBC", "CDCREC", "HL7", "L", "LOCAL", "99LOCAL"}
)
"""Coding systems after a code's text in HL7 (``E11.9^TYPE 2 DIABETES^I10``): the text is no name."""
_NAME_CUES: Final = CueIndex(NAMES.last_words | TITLES | FOR_WORDS, eager_after=2)
"""Where a cue of :class:`NameDetector` may be (a cue word, a title, ``for``): a text of capitalised
codes (X12, HL7, tracebacks) has many candidates and no cue near most of them."""


_PERSON_AFTER: Final = (
    r"[ ]?\((?:DOB|dob|Dob|MRN|mrn)"
    r"|[ ]?\(?,?[ ]?(?:born|b\.)[ ](?:on[ ])?(?:[0-9]{1,2}[/.-]|[0-9]{4}-|[A-Z][a-z]{2,8}\.?[ ][0-9])"
    r"|,?[ ](?:DOB|dob|passed away|died|deceased)(?![A-Za-z])"
    r"|,[ ][0-9]{1,3}[ ]?(?:[MF]|yo|y/o|y\.o\.)(?![A-Za-z])"
    r"|,?[ ](?:is|was)[ ]an?[ ][0-9]{1,3}[ -]?(?:yo|y/o|y\.o\.|years?[ -]old|year-old)(?![A-Za-z])"
)
_PERSON_WORDS: Final = trie_alternation(
    ["DOB", "dob", "Dob", "MRN", "mrn", "born", "b.", "passed away", "died", "deceased"]
)
_PERSON_AFTER_QUICK: Final = re.compile(
    rf"(?:{_PERSON_WORDS[3:-1]}"  # the trie's branches, without its group
    + "".join(rf"|{digit}[ -]?(?:[MF]|yo|y/o|y\.o\.|years?[ -]old|year-old)" for digit in "0123456789")
    + r")(?![A-Za-z])"
)
"""Where a :data:`_PERSON_AFTER` cue may be: the name before it is looked for only there. (Every branch opens
with a character, the trie's words and one branch per digit: the engine skips to a possible start.)"""
_NAME_BEFORE_PERSON_CUE: Final = re.compile(
    rf"(?<![\w'’.])({_NAME_WORD}(?:[ ](?:{PARTICLES}[ ]){{0,2}}{_NAME_WORD}){{1,2}})(?={_PERSON_AFTER})"
)
"""Two or three name words just before what only a person has: a birth date or MRN in parentheses, a
sex and age (``Jane Roe, 67F``), ``passed away``, ``is a 93 yo`` (``Folashade Aloba (DOB 01/02/1980)``)."""
_LOWER_CUE_WORDS: Final = frozenset(
    {"patient", "pt", "name", "named", "name is", "member", "caller", "contact", "mother", "father", "wife"}
    | {"husband", "son", "daughter", "spouse", "guardian", "caregiver", "i'm", "im", "i am", "hi", "hey", "hello"}
    | {"dear", "mr", "mrs", "ms", "dr", "for", "from", "to", "with", "message", "notified", "called", "paged"}
    | {"emailed", "texted", "chart of", "record of", "nurse", "pharmacist", "user", "fyi", "its", "it's"}
    | {"by", "of", "driver", "signer", "coworker", "proxy", "recipient", "dependent", "resident", "holder"}
    | {"cardholder", "subscriber", "guarantor", "interpreter", "participant", "owner", "client", "she is", "he is"}
    | {"this is", "identified as"}
)
_LOWER_CUES = trie_alternation(cased(_LOWER_CUE_WORDS))
"""The cues in any case a key or a sentence writes them (``Name=jane roe``, ``NAME: jane roe``, ``Mrs. jane roe``)."""
_LOWER_NAME_AFTER_CUE: Final = re.compile(
    rf"(?:{_LOWER_CUES})(?:[ ]?[:=][ ]?|[.][ ]?|[ ])([a-z]{{3,}})(?:[ ]([a-z][a-z'-]{{2,}}))?(?![A-Za-z'-])"
)
"""A name written in lower case after a person cue (``pt jane roe 67f``, ``i'm bianka, ...``): the given
name must be in the census table and no common word; a surname after it, in the table and no word."""
_JOINED_NAME_AFTER_CUE: Final = re.compile(
    rf"(?:{_LOWER_CUES})(?:[ ]?[:=][ ]?|[.][ ]?|[ ])([A-Za-z]+[._-][A-Za-z]+(?:[._-][A-Za-z]+)?[._-]?[0-9]{{0,4}})"
    r"(?![\w.@-])"
)
"""A token of letter runs joined by a dash, an underscore or a dot after a person cue (``pt roe-jane``): judged by
:func:`._joined_names.joined_names`."""


def _lower_case_names(text: str) -> Iterator[Span]:
    """Names in lower case after a cue (``pt jane roe 67f``, ``for member kwame adjei-boateng``): the
    given name in the census table and no common word, the surname when it looks like one."""
    position = 0
    while (match := _LOWER_NAME_AFTER_CUE.search(text, position)) is not None:
        position = match.start(1)  # cues follow cues ("for member kwame"): the next search starts here
        if match.start() and text[match.start() - 1].isalpha():
            continue  # the cue is the end of a longer word ("report" is no "pt")
        given, surname = match[1], match[2] or ""
        if given in _KIN_GIVEN and (surname not in SURNAME_RANK or surname in SURNAME_WORDS):
            continue  # "called son", "son for document": the kin word, unless a surname follows ("son nguyen")
        if given not in GIVEN or given in COMMON_GIVEN or given in _LOWER_NOT_NAMES:
            unlisted = _unlisted_lower_name(text, match)
            if unlisted:
                yield match.start(1), unlisted, "NAME"
                position = unlisted
            continue
        rank = SURNAME_RANK.get(surname)
        whole = rank is not None and (surname not in SURNAME_WORDS or rank < 1000) and surname not in NOT_SURNAMES
        whole = whole or (bool(surname) and surname not in _LOWER_NOT_NAMES and _looks_like_a_surname(surname))
        yield match.start(1), match.end(2) if whole else match.end(1), "NAME"
        position = match.end()


_KIN_GIVEN: Final = frozenset(("son",))
"""Words of kin that the census also lists as given names: in lower case after a cue, a relative, not a name."""

_LOWER_LAST_FIRST: Final = re.compile(
    r"(?:name|patient|pt|member)(?:[ ]?[:=][ ]?|[ ])([a-z][a-z'-]{2,}),[ ]?([a-z]{3,})(?![A-Za-z'-])"
)
"""A name in lower case, surname first, after a cue (``pt name: roe, jane``): both parts in the tables."""


def _lower_last_first(text: str) -> Iterator[Span]:
    for match in _LOWER_LAST_FIRST.finditer(text):
        if match.start() and text[match.start() - 1].isalpha():
            continue
        surname, given = match[1], match[2]
        rank = SURNAME_RANK.get(surname)
        if rank is None or surname in NOT_SURNAMES or (surname in SURNAME_WORDS and rank >= 1000):
            continue
        if given in GIVEN and given not in COMMON_GIVEN and given not in _LOWER_NOT_NAMES:
            yield match.start(1), match.end(2), "NAME"


_CAPITAL_PAIR: Final = re.compile(r"[A-Z]{3}[ ][A-Z]{2}")
"""Two words in capitals side by side: where a name in capitals after a cue may be."""


def _capital_names(text: str) -> Iterator[Span]:
    """Names in capitals after a cue in a line of capitals (``CALLER ROSALIND FAIRWEATHER ASKED``): read as
    :func:`_lower_case_names` reads the line in lower case, and kept only where the name is in capitals."""
    if _CAPITAL_PAIR.search(text) is None:
        return
    lower = text.lower()
    if len(lower) != len(text):
        return  # a letter whose lower case is longer: the offsets would not match
    for start, end, kind in _lower_case_names(lower):
        if text[start:end].isupper():
            yield start, end, kind


def has_lower_case_name(text: str) -> bool:
    """Whether :func:`_lower_case_names` or :func:`_capital_names` finds a name in ``text`` (the gate asks, for
    texts it would not select :class:`NameDetector` for: ``waitlist offer to oladare akinrinola``)."""
    for _ in _lower_case_names(text):
        return True
    for _ in _capital_names(text):
        return True
    return False


_STRONG_LOWER_CUES: Final = frozenset(
    {"patient", "pt", "name", "named", "name is", "member", "caller", "for", "by", "of", "to", "from", "with"}
    | {"driver", "signer", "coworker", "proxy", "recipient", "dependent", "resident", "holder", "cardholder"}
    | {"subscriber", "guarantor", "participant", "owner", "client", "she is", "he is", "called", "paged"}
)
_GREETING_CUES: Final = frozenset({"hi", "hey", "hello", "dear", "i'm", "im", "i am", "its", "it's"})
_DOSE_AFTER: Final = re.compile(r"[ ]*[0-9][0-9.,]*[ ]?(?:mg|mcg|g|ml|mL|units?|tabs?|caps?|%|iu)\b")


def _unlisted_lower_word(word: str) -> bool:
    """A lower-case word that may be a name part no table lists: no English word, software, place, compound,
    clinical abbreviation or drug, four letters or more with a vowel (``hemani``, ``momoko``)."""
    return (
        len(word) > 3
        and unknown_word(word)
        and not clinical_word(word)
        and not compound_word(word)
        and not VOWELS.isdisjoint(word)
        and word not in _LOWER_FUNCTION_WORDS
    )


def _unlisted_lower_name(text: str, match: re.Match[str]) -> int:
    """Where a lower-case name that no table lists ends (0: none) after a strong cue (``pt momoko suzuki``:
    two unknown words, or an unknown word and a listed surname) or a greeting (``hi its hemani``: one)."""
    cue = text[match.start() : match.start(1)].strip(" .:=").lower()
    given, surname = match[1], match[2] or ""
    if not _unlisted_lower_word(given) or _DOSE_AFTER.match(text, match.end()):
        return 0
    if cue in _STRONG_LOWER_CUES and surname:
        rank = SURNAME_RANK.get(surname)
        listed = rank is not None and surname not in NOT_SURNAMES and (unknown_word(surname) or rank < 1000)
        if listed or _unlisted_lower_word(surname):
            return match.end(2)
    if cue in _GREETING_CUES and (not surname or not _unlisted_lower_word(surname)):
        return match.end(1)
    return 0


def _looks_like_a_surname(word: str) -> bool:
    """Whether a lower-case word after a known given name may be the surname: no function word, and no
    verb or adverb ending (``jane reports``, ``jane called``, ``jane is``, ``jane quickly``)."""
    return (
        word not in _LOWER_FUNCTION_WORDS
        and word not in SURNAME_WORDS
        and not word.endswith(("s", "ed", "ing", "ly", "'s"))
    )


_LOWER_FUNCTION_WORDS: Final = frozenset(
    _words(
        "the a an and or but nor so yet for to from in on at by with without of off out up down over under "
        "about into onto upon via per than then that this these those there here is are was were be been "
        "being am has have had do does did will would can could may might must shall should not no yes ok "
        "who whom whose which what when where why how all any each every some none both either neither "
        "he she it we they you i me him her us them my your his its our their mine yours hers ours theirs "
        "again also just only still even now today tomorrow yesterday please thanks thank hi hello hey dear "
        "call phone email text reply refill appt appointment chart record report note visit new old"
    )
)
"""Words that follow a name in a sentence: never taken for a lower-case surname."""
_LOWER_NOT_NAMES: Final = frozenset(
    [
        "the",
        "and",
        "for",
        "not",
        "all",
        "any",
        "can",
        "new",
        "one",
        "see",
        "was",
        "has",
        "had",
        "are",
        "her",
        "his",
        "its",
        "our",
        "out",
        "who",
        "how",
        "may",
        "way",
        "day",
    ]
)
_SCRIPT_WORD = r"[^\s\x00-\x7f\u060c\u061b\u061f\u06d4\u0964\u0965\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+"
_SCRIPT_NAME_AFTER_CUE: Final = re.compile(
    rf"(?<![A-Za-z])(?:{trie_alternation(sorted(cased(NAMES.key_words)))}|[Cc]aller|Dear|Hi|Hello|To|to"
    r"|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)[:.]?[ ]"
    rf"({_SCRIPT_WORD}(?:[ ]{_SCRIPT_WORD}){{0,2}})"
)
"""Words of a script other than Latin after a person cue or greeting (``Pt طالب حرب``): Latin letters
with marks were read as ASCII before this, so what is left is Arabic, Devanagari, CJK, Cyrillic..."""
_SCRIPT_NAME_BEFORE_PERSON_CUE: Final = re.compile(
    rf"(?<![^\s(\[\"'])({_SCRIPT_WORD}(?:[ ]{_SCRIPT_WORD}){{0,3}})(?={_PERSON_AFTER})"
)
"""Words of a script other than Latin, just before what only a person has (``... (DOB``, ``, 54M``)."""


def _comma_before(text: str, start: int) -> bool:
    """Whether a comma ends the word before ``start`` (``Doe, Jane``), spaces between allowed."""
    index = start - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return index >= 0 and text[index] == ","


_SUFFIX_WORDS: Final = frozenset({"Jr", "Sr", "II", "III", "IV", "MD", "DDS", "DVM", "PhD", "RN", "NP", "DO", "Esq"})


def _trim(words: list[str]) -> list[str]:
    """``words`` up to the first that is not a name (``Jane Doe Portal`` -> ``Jane Doe``)."""
    out: list[str] = []
    for word in words:
        bare = word.rstrip(".")
        if bare in NAME_STOPWORDS or bare.title() in NAME_STOPWORDS:
            break
        out.append(word)
    return out


def _after_ampersand(text: str, start: int, previous: str, lead: int) -> bool:
    """Whether the capitalised cue word (the run's first at ``start`` when it leads, else ``previous``, the word
    before ``start``) follows an ampersand: a word of a firm's name (``Smith & Nephew``)."""
    if not lead:
        if not previous[:1].isupper():
            return False
        start = text.rfind(previous, 0, start)
    return start >= 2 and text[start - 2 : start] == "& "


def _word_no_name(word: str) -> bool:
    """Whether a capitalised word is a word of the language that no table of names lists (``Access``)."""
    bare = word.lower()
    return (
        bare in ENGLISH
        and bare not in GIVEN
        and bare not in SURNAME_RANK
        and word not in FIRST_NAMES
        and word not in SURNAMES
    )


def _known_given(word: str) -> bool:
    """A given name of the vocabulary, or of the census table and not also a common word."""
    if word in FIRST_NAMES:
        return True
    bare = word.lower()
    return len(bare) > 2 and bare in GIVEN and bare not in COMMON_GIVEN


def _known_surname(word: str) -> bool:
    """A surname of the vocabulary, or a frequent census surname that is not also a word (``Driver``)."""
    if word in SURNAMES:
        return True
    bare = word.lower()
    return SURNAME_RANK.get(bare, FOR_SURNAME_RANK) < FOR_SURNAME_RANK and bare not in SURNAME_WORDS | NOT_SURNAMES


_VALIDATION_OPENERS: Final = frozenset(
    _words(
        "Input String Data Date Datetimes Decimal Dict Dictionary List Tuple Set Frozenset Keys URL UUID JSON Value "
        "Object Instance Field Extra Missing Unexpected Got Assertion Invalid Unable Recursion Error Cannot Arguments "
        "Timezone The Bytes Generator Iterable Sequence"
    )
)
_VALIDATION_WORDING: Final = re.compile(
    r"(?:Input|String|Data|Date|Dict|Dictionary|List|Tuple|Set|Frozenset|Keys|URL|Value|Bytes|Generator|Iterable"
    r"|Sequence|(?:Decimal|URL|UUID|JSON)[ ]input|URL[ ]scheme)[ ]should[ ]"
    r"|Input[ ](?:tag|violated)[ ]|Field[ ](?:required|is[ ]frozen)|Instance[ ]is[ ]frozen|Extra[ ]inputs[ ]are"
    r"|Object[ ]has[ ]no[ ]attribute|Missing[ ]required[ ]|Unexpected[ ](?:keyword|positional)[ ]argument"
    r"|Got[ ]multiple[ ]values|Value[ ]error,|Assertion[ ]failed|Invalid[ ](?:JSON|datetime[ ]object)"
    r"|Unable[ ]to[ ](?:extract|parse)[ ]|Recursion[ ]error|Error[ ](?:extracting|iterating)[ ]|Cannot[ ]check[ ]"
    r"|Arguments[ ]must[ ]be|Timezone[ ]offset[ ]of|UUID[ ]version|Datetimes[ ]provided|Set[ ]items[ ]should"
    r"|The[ ]default[ ]factory[ ]uses"
)
"""The fixed opening of a pydantic v2 error message (``Input should be a valid integer``, ``Field required``,
``Extra inputs are not permitted``): after a field named for a person (``contact``) it is no name."""
_SHOULD_BE: Final = re.compile(r"(?:[ ][a-z]+)?[ ](?:should[ ](?:be|have|match|not)|is[ ]not[ ]a[ ]valid)[ ]")
"""What follows the type a validation message is about, in any pydantic version (``Fraction input should be ...``,
``Timedelta should have ...``): the capitalised word before it names a type, not a person."""
_VALIDATION_LINE: Final = re.compile(r"^[ ]{2}([^\n\[]{1,300})\[type=[a-z_]+[,\]]", re.MULTILINE)
"""A pydantic error line (``  Input is not a valid fraction [type=fraction_parsing, ...``): its text before
``[type=`` is the library's wording, whatever version wrote it (the input is inside the brackets)."""


_HEADER_MARKS: Final = frozenset(",;\t|")
"""Delimiters of a header row's cells."""


class NameDetector(BaseDetector):
    """Person names where something says they are one.

    After a title (``Dr. Gregory House``, ``Mrs Patel``), after a cue word (``patient Jane Doe``,
    ``pt: DOE JANE``, ``name is John``, ``mother Ann``), after ``for`` when the name holds a known
    given name or surname (``for Maria Garcia``), as ``Last, First`` with a known given name or
    surname, and in HL7 form ``DOE^JANE^Q``. Capitalized words that are not names (``patient
    Portal``) end a name. Names in lower case are not found.
    """

    gate = NAME
    name = "name"
    kinds = ("NAME",)

    def find(self, text: str) -> Iterator[Span]:
        near = _NAME_CUES.scope(text).near
        alone = NAMES.alone
        wording = [m.span(1) for m in _VALIDATION_LINE.finditer(text)] if "[type=" in text else []
        spaced = "  " in text  # once per text: aligned columns may stand in it
        for match in _CANDIDATE.finditer(text):
            if wording and any(begin <= match.start() < end for begin, end in wording):
                continue  # "  Input is not a valid fraction [type=...": a validation library's own words
            start, stop = match.span()
            if spaced and header_word(text, start, stop) and match[0].lower() not in GIVEN:
                continue  # "NAME    READY   STATUS": a column's name in a header row, after the column "NAME"
            if start and text[start - 1] in _HEADER_MARKS and delimited_header_word(text, start, stop, GIVEN):
                continue  # "Name,Acct,Balance": the same in a CSV, TSV or pipe header
            first_end = text.find(" ", start, stop)
            if not near(stop if first_end < 0 else first_end) and not (
                start and (text[start - 1] == "," or (text[start - 1].isspace() and _comma_before(text, start)))
            ):
                continue  # no title, cue or "for" within reach, no "Last," before: nothing below can fire
            words = match[0].split(" ")
            lead = 0
            while lead < len(words) - 1 and (words[lead] in TITLES or words[lead].lower() in alone):
                lead += 1  # "Patient John Smith": the cue is part of the capitalized run
            if lead:
                start += len(" ".join(words[:lead])) + 1
                words = words[lead:]
            if (
                words[0] in _VALIDATION_OPENERS and _VALIDATION_WORDING.match(text, start) is not None
            ) or _SHOULD_BE.match(text, start + len(words[0])) is not None:
                continue  # "contact\n  Input should be a valid integer": pydantic's wording after a field's name
            caps = words[0].isupper()
            before = text[max(0, start - 40) : start].rsplit(None, 1)
            previous = before[-1] if before else ""
            title = previous.rstrip(".") in TITLES
            cued = lead > 0 or title or NAMES.before(text, start, 3) is not None
            if cued and not title and _after_ampersand(text, match.start() if lead else start, previous, lead):
                cued = False  # "Smith & Nephew Eliquis": a word of a firm's name, no relative
            weak = False
            if not cued and previous in FOR_WORDS and len(words) >= 2 and not caps:
                cued = weak = _known_given(words[0]) or _known_surname(words[-1])
            if cued and (title or not caps or len(words) > 1 or len(words[0]) > 2):
                kept = words[:1] + _trim(words[1:]) if title else _trim(words)  # "Mrs. Cross", "Dr. Green"
                if kept and not title and len(kept) < len(words) and all(map(_word_no_name, kept)):
                    continue  # "Patient Access Team": words of the language before a unit's word, no name
                if kept:
                    end = start + len(" ".join(kept))
                    if weak and firm_name(text, start, end):
                        continue  # "for Jordan Valley Medical Center": an institution's name after "for"
                    if len(kept) == len(words) == 1 and not title and text.startswith(", ", end):
                        given = _GIVEN_AFTER_COMMA.match(text, end)  # "patient: Ito, Kenji": Last, First
                        if given is not None and (rest := _trim(given[1].split(" "))):
                            end += 2 + len(" ".join(rest))
                    yield start, end, "NAME"
                    continue
            if previous.endswith(",") and len(previous) > 2:
                last = previous[:-1]
                first = words[0]
                if (
                    re.fullmatch(_NAME_WORD + "|" + _CAPS_WORD, last)
                    and (_known_given(first) or _known_surname(last))
                    and last.title() not in NAME_STOPWORDS
                    and first.title() not in NAME_STOPWORDS
                    and first not in _SUFFIX_WORDS
                    and first.title() not in _MONTH_WORDS
                ):
                    kept = _trim(words[:2])
                    first_start = start - len(previous) - (1 if text[start - 1] == " " else 0)
                    if kept and not partners_list(text, first_start):  # "Walker, Kim and Simpson": a firm
                        yield first_start, start + len(" ".join(kept)), "NAME"
        if "^" in text:
            for match in _HL7_NAME.finditer(text):
                parts = match[0].split("^")
                if len(parts[1]) > 2 and parts[0] not in _HL7_CODES and parts[1] not in _CODING_SYSTEMS:
                    yield match.start(), match.end(), "NAME"
        done = 0
        for cue in _PERSON_AFTER_QUICK.finditer(text):
            if cue.start() < done:
                continue
            done = cue.end()
            for match in _NAME_BEFORE_PERSON_CUE.finditer(text, max(0, cue.start() - 96), cue.end() + 24):
                words = match[1].split(" ")
                if not any(word in NAME_STOPWORDS or word in TITLES or word.lower() in NAMES.alone for word in words):
                    yield match.start(1), match.end(1), "NAME"  # "Folashade Aloba (DOB ...", "..., 67F"
        yield from _lower_case_names(text)
        yield from joined_names(text, _JOINED_NAME_AFTER_CUE)
        yield from _capital_names(text)
        if "," in text:
            yield from _lower_last_first(text)
        if not text.isascii():
            for match in _SCRIPT_NAME_BEFORE_PERSON_CUE.finditer(text):
                yield match.start(1), match.end(1), "NAME"  # "... शर्म श्रीवास्तव (DOB ...)"
            for match in _SCRIPT_NAME_AFTER_CUE.finditer(text):
                yield match.start(1), match.end(1), "NAME"  # "Pt طالب حرب", "Hi सोनल साहा,"


# -- key=value pairs -----------------------------------------------------------------------------
_SEPARATOR: Final = re.compile(r"(?:[<>!]=(?![=])|[:=](?<![=!<>:][:=])(?![=/]))[ \t]{0,3}")
"""A key's separator: ``:``, ``=``, or a comparison of SQL or code (``age >= 95``, ``dob <= '1931-01-01'``)."""
_KEY_BACK: Final = re.compile(r"[ ]?([\"']?)([\w.\-]{0,63}[A-Za-z_])")
_PLAIN_VALUE: Final = re.compile(r"(?:[^\s,;&|)\]}\"'<>]|(?<=[A-Za-z])['’](?=[A-Za-z]))+")
"""A value without spaces; an apostrophe between letters is inside it (``O'Brien``), any other ends it."""
_PHONE_VALUE: Final = re.compile(r"\+?[0-9(][0-9 ().-]{6,22}[0-9](?:[ ]?(?:x|ext\.?)[ ]?[0-9]{1,6})?")
_WORDS_VALUE: Final = re.compile(
    r"[^\s,;&|=:\"'<>\[\]{}()](?:[^,;&|=\"'<>\[\]{}()\n]|(?<=[A-Za-z])'(?=[A-Za-z])){0,100}?"
    r"(?=[ ]*(?:[,;&|\"<>\[\]{}()\n]|(?<![A-Za-z])'|'(?![A-Za-z])|[ ][^ ]+[ ]?[:=]|$))"
)
"""A value of words: it ends at a delimiter, a quote (not an apostrophe between letters: ``O'Neal``) or the next key."""
_PLATE_VALUE: Final = re.compile(r"[A-Z0-9]{1,4}[ ](?=[A-Z]{0,4}[0-9])[A-Z0-9]{2,5}(?![\w-])")
"""A plate written in two groups with a space (``EMT 8105``, ``B MW 123``); other plates are one plain value."""
_AGE_VALUE: Final = re.compile(
    r"[0-9]{1,3}(?![0-9.,]|[ ]?(?i:ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?"
    r"|[kmg]i?b|%)(?![A-Za-z]))"
)
"""A person's age under an age key: a whole number, not a duration nor a size (``age: 3600``, ``age: 120s``)."""
_PLACEHOLDER: Final = re.compile(r"(?:\?|%s|%\([A-Za-z_]\w*\)s|\$[0-9]+|:[A-Za-z_]\w*|:[0-9]{1,3})(?![\w(:])")
"""A bound-parameter placeholder of SQL (``?``, ``%s``, ``%(name)s``, ``$1``, ``:name``, Oracle's ``:1``) where a
value would be."""
_NUMBER_KINDS: Final = frozenset({"DOB", "DATE", "PHONE", "FAX"})
_DIGIT_KINDS: Final = frozenset(
    {"SSN", "MRN", "PATIENT", "MEMBER_ID", "ACCOUNT", "CARD", "NPI", "DEA", "MBI", "LICENSE", "VEHICLE", "ZIP"}
)
"""Kinds of identifiers that always hold a digit: a value under their key without one is a word."""
_HAS_DIGIT: Final = re.compile(r"[0-9]")
_BARE_NUMBER: Final = re.compile(r"(?<![\w.])[\"']?([0-9]{9,11})(?![\w.-])")
_PERSON_TOKEN: Final = re.compile(r"[ \"']{0,2}([0-9A-Za-z][0-9A-Za-z/.-]{2,22}[0-9A-Za-z])(?![\w/-]|\.[0-9A-Za-z])")
"""One token after a key that names a person: a date or an identifier is theirs (:mod:`._person_key_values`)."""
_PID_VALUE: Final = re.compile(r"[ \"']{0,2}([A-Za-z0-9][A-Za-z0-9-]{3,23})(?![\w-])")
"""The value after ``pid=`` or ``pid:``: one token, judged by :func:`~._person_key_ids.patient_pid`."""
"""A value of nothing but digits, quoted or not, alone or as an item of a list (a phone or SSN under a person's key)."""
_PATIENT_FIELD_KEY: Final = re.compile(r"(?<![A-Za-z0-9])(?:pid|PID|Pid)(?:[._-]?[0-9]{1,2})(?![0-9])")
"""A key naming a field of the HL7 patient segment (``pid_5``, ``PID.7``, ``pid3``)."""
_NAME_PART_KEYS: Final = frozenset({"tsal", "tsrif", "elddim", "nevig", "ylimaf"})
"""``last``, ``first``, ``middle``, ``given``, ``family`` spelled backwards: name parts beside another person field
(``last=Roe dob=...``, ``{"given": "Eduardo", "family": "Peña", "tel": ...}``)."""
_PERSON_FIELD_KINDS: Final = frozenset({"NAME", "DOB", "MRN", "SSN", "PATIENT", "MEMBER_ID", "PHONE", "EMAIL"})
_CONSTRUCTOR: Final = re.compile(r"[A-Z][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)*")
"""A class name, as a repr opens a value (``Address(``, ``models.Patient(``)."""
_HOST_PORT: Final = re.compile(r"(?:[A-Za-z0-9.-]*|\[[0-9A-Fa-f:.]+\]):[0-9]{1,5}(?!\S)")


_GRAPHQL_TYPE: Final = re.compile(r"\[?[A-Z][A-Za-z0-9_]*!?\]?!?(?:[ ]*=[ ]*[^,)]{1,40})?[ ]*[,)]")


def _graphql_variable(text: str, key_start: int, value_start: int) -> bool:
    """Whether a ``key: value`` pair is a GraphQL declaration (``$city: String``) or an argument bound to a
    variable (``city: $city``): no value of anyone's."""
    if key_start > 0 and text[key_start - 1] == "$":
        return _GRAPHQL_TYPE.match(text, value_start) is not None
    return text.startswith("$", value_start) and value_start + 1 < len(text) and text[value_start + 1].isalpha()


_CODE_TEXT_KEYS: Final = frozenset(key[::-1] for key in ("displayName", "codeSystemName", "originalText"))
"""Attributes of a coded XML element that name the code (keys reversed, as the key reader gives them)."""


def _in_coded_tag(text: str, separator: int) -> bool:
    """Whether the attribute before ``separator`` belongs to an XML tag with a ``code=`` or ``codeSystem=``."""
    opening = text.rfind("<", max(0, separator - 1024), separator)
    if opening < 0 or text.find(">", opening, separator) >= 0:
        return False
    tag = text[opening:separator]
    return 'code="' in tag or "code='" in tag or "codeSystem=" in tag


def _quoted_end(text: str, start: int, quote: str) -> int:
    """Index of the closing ``quote`` after ``start`` (backslash escapes honoured), or -1."""
    index = start
    limit = min(len(text), start + 4096)
    while index < limit:
        ch = text[index]
        if ch == "\\":
            index += 2
            continue
        if ch == quote:
            return index
        index += 1
    return -1


def _bracket_end(text: str, start: int) -> int:
    """Index just past the bracket closing the one at ``start`` (JSON strings honoured), or -1."""
    depth = 0
    index = start
    limit = min(len(text), start + 16384)
    in_string = False
    while index < limit:
        ch = text[index]
        if in_string:
            if ch == "\\":
                index += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return -1


_UNKNOWN: Final = "?"
_CUT_STRING: Final = 256
"""A quoted value left open this near the end of the text was cut there (a body truncated to a length)."""


class _ScanBudget:
    """Characters the value scans of one text may read: a few times the text (linear time whatever the input)."""

    __slots__ = ("limit", "used")

    def __init__(self, size: int) -> None:
        self.limit = 4 * size + 16384
        self.used = 0

    def spent(self) -> bool:
        return self.used > self.limit


class KeyValueDetector(BaseDetector):
    """Values of ``key=value``, ``key: value`` and ``"key": "value"`` pairs in text whose key is a PHI
    field name (``ssn=123456789``, ``patient_name="Jane Doe"``, ``{"dob": "1985-03-12"}``)."""

    gate = KV
    name = "key_value"
    kinds = ("ID",)

    def __init__(self, catalogue: KeyCatalogue | None = None) -> None:
        self.catalogue = catalogue or DEFAULT_CATALOGUE

    def find(self, text: str) -> Iterator[Span]:
        if text[:1].isupper() and len(text) < 64 and is_redacted(text):
            return  # a whole pseudonym token ("SSN:k1:kymdhxzhzod2nx2u"): its kind is no key
        catalogue = self.catalogue
        size = len(text)
        covered = 0  # end of the last value read: separators inside it belong to that value
        kinds: dict[str, str | None] = {}  # reversed key -> kind (keys recur in a text)
        scans = _ScanBudget(size)
        with_patient: bool | None = None  # whether an HL7 patient field is named in the text; found when needed
        backwards = text[::-1]  # each key is read from here (the 70 characters before a separator, reversed)
        for match in _SEPARATOR.finditer(text):
            separator = match.start()
            if not separator or separator < covered or not key_end(text, separator):
                continue
            key = _KEY_BACK.match(backwards, size - separator, size - separator + 70)
            if key is None:
                continue
            kind = kinds.get(key[2], _UNKNOWN)
            if kind is _UNKNOWN:
                kind = kinds[key[2]] = catalogue.kind(key[2][::-1])
                if kind is None and (beside := catalogue.info(key[2][::-1]).beside_patient) is not None:
                    if with_patient is None:
                        with_patient = _PATIENT_FIELD_KEY.search(text) is not None
                    kind = kinds[key[2]] = beside if with_patient else None
                if kind is None and key[2].lower() in _NAME_PART_KEYS and self._about_person(text):
                    kind = kinds[key[2]] = "NAME"
            start = match.end()
            if start >= size:
                continue
            if kind == "NAME" and key[2] in _CODE_TEXT_KEYS and _in_coded_tag(text, separator):
                continue  # <code code="J45.909" codeSystem="..." displayName="Asthma"/>: a code's words
            if "$" in text and _graphql_variable(text, separator - len(key[0]), start):
                continue  # "query Find($city: String)", "patients(city: $city)": GraphQL declares, no value
            if kind is None:
                info = catalogue.info(key[2][::-1])
                if info.holds_name and text[start] in "\"'" and (name := self._person_name(text, start)) is not None:
                    covered = name[1]
                    yield name[0], name[1], "NAME"  # who="Jon Page", 'attendee': 'Aria Gargallo'
                    continue
                if info.compact == "pid":  # "pid=MR715892": a patient's; "pid=4120": a process's
                    token = _PID_VALUE.match(text, start)
                    if token is not None and patient_pid(token[1]):
                        covered = token.end(1)
                        yield token.start(1), token.end(1), "PATIENT"
                    continue
                if info.names_person or info.compact in PERSON_VALUE_KEYS:  # "who='19540707'", "client: M0204424"
                    token = _PERSON_TOKEN.match(text, start)
                    if token is not None and (found := person_key_value(info, token[1])) is not None:
                        covered = token.end(1)
                        yield token.start(1), token.end(1), found
                        continue
                if info.names_person or info.phone_word > 0:  # "contact=8752617223", "guardian: 219099999", "cb=..."
                    if text[start] in "[(":  # "contacts=['4155550199', ...]": each item of the list
                        close = text.find(")" if text[start] == "(" else "]", start, start + 512)
                        numbers = list(_BARE_NUMBER.finditer(text, start + 1, close if close > 0 else start + 512))
                    else:
                        bare = _BARE_NUMBER.match(text, start)
                        numbers = [] if bare is None else [bare]
                    for listed in numbers:
                        found = bare_number_kind(listed[1])
                        if found is not None and (info.names_person or found == "PHONE"):
                            yield listed.start(1), listed.end(1), found
                continue
            if scans.spent():
                yield start, size, kind  # fail closed: an input built to make value scans quadratic
                return
            span = self._value(text, start, kind, scans)
            if span is None:
                continue
            covered = span[1]
            value = text[span[0] : span[1]].strip()
            if not value or MARKER.fullmatch(value) or value.lower() in _PLACEHOLDERS:
                continue  # "serial=unknown", "vin=N/A": no value was there to log
            if kind == "NAME" and not value[:1].isalpha() and key[2].lower() in _NAME_PART_KEYS:
                continue  # "first=0 last=20": a page's bounds
            if kind == "IP" and inside_address(value) and machine_line(text):
                continue  # "host=db-3 ip=10.1.2.3": a machine's private address, no one's
            if kind == "AGE":
                number = _AGE_VALUE.match(value)
                if number is None or not 89 < int(number[0]) <= 125 or value == "90+":
                    continue
                if _thing_age_key(text, span[0]):
                    continue  # "worker-3 heartbeat age=95 max_age=120": the ages of things
            yield span[0], span[1], kind

    @staticmethod
    def _person_name(text: str, start: int) -> tuple[int, int] | None:
        """The span of a quoted value at ``start`` (after a key that names a person) that is their name."""
        end = _quoted_end(text, start + 1, text[start])
        if end < 0 or end - start > 66:
            return None
        return (start + 1, end) if person_value(text[start + 1 : end]) else None

    def _about_person(self, text: str) -> bool:
        """Whether a key of ``text`` names a person's field (its name, birth date, record number...)."""
        backwards = text[::-1]
        size = len(text)
        for match in _SEPARATOR.finditer(text):
            separator = match.start()
            key = _KEY_BACK.match(backwards, size - separator, size - separator + 70) if separator else None
            if key is not None and self.catalogue.kind(key[2][::-1]) in _PERSON_FIELD_KINDS:
                return True
        return False

    @staticmethod
    def _value(text: str, start: int, kind: str, scans: _ScanBudget) -> tuple[int, int] | None:
        first = text[start]
        if first == "b" and text[start + 1 : start + 2] in ("'", '"'):  # a bytes repr: b'Liebelt'
            start += 1
            first = text[start]
        if first in "\"'":
            end = _quoted_end(text, start + 1, first)
            scans.used += (end if end > 0 else min(len(text), start + 4096)) - start
            if end < 0 and len(text) - start <= _CUT_STRING:
                end = len(text)  # {"ssn": "123-45-67: the text was cut inside the value (a truncated body)
            if kind in _DIGIT_KINDS and end > start and _HAS_DIGIT.search(text, start + 1, end) is None:
                return end, end  # "policy": "standard": a word, not the number (read past, never again)
            if kind == "ADDRESS" and end > start + 1 and _HOST_PORT.fullmatch(text, start + 1, end) is not None:
                return end, end  # "address": "0.0.0.0:8080": a network endpoint (its IP judged as any)
            return (start + 1, end) if end > start + 1 else None
        if first in "[{":
            end = _bracket_end(text, start)
            scans.used += (end if end > 0 else min(len(text), start + 16384)) - start
            if end < 0:  # "identifier": [{"value": "MR90...: cut before it closes, masked as far as read
                end = min(len(text), start + 16384)
            return (start, end) if end > 0 else None
        regex = _PLAIN_VALUE
        if kind in ("NAME", "ADDRESS"):
            regex = _WORDS_VALUE
        elif kind in ("PHONE", "FAX"):
            regex = _PHONE_VALUE
        elif kind in ("DOB", "DATE"):
            regex = _DATE
        elif kind == "VEHICLE":
            regex = _PLATE_VALUE
        found = regex.match(text, start)
        fallback = found is None and regex is not _PLAIN_VALUE
        if fallback:
            found = _PLAIN_VALUE.match(text, start)
        if found is not None:
            scans.used += found.end() - start  # "dob=dob=dob=...": each value read to the end of the text
        if fallback and found is not None and kind in _NUMBER_KINDS and not _HAS_DIGIT.search(found[0]):
            return None  # "Patient.birthDate: value ...": a word, not the date
        if found is not None and kind in _DIGIT_KINDS and not _HAS_DIGIT.search(found[0]):
            return found.end(), found.end()  # "Retention policy: purge ...": a word, not a policy number
        if found is not None and _PLACEHOLDER.match(text, start):
            return None  # SQL "last_name = ? AND ...", "= %s", "= :name", "= $1": a parameter, not a value
        if found is not None and kind == "ADDRESS" and _HOST_PORT.match(found[0]):
            return None  # logfmt "addr=:6379", "addr=db.internal:5432": a network address
        if found is not None and text.startswith("(", found.end()) and _CONSTRUCTOR.fullmatch(found[0]):
            return None  # "address=Address(street=...)": a repr whose own fields are judged by their keys
        return found.span() if found is not None else None


# -- HL7 v2 segments: read by :mod:`._hl7` (the class stays importable from here) -------------------
from ._hl7 import Hl7Detector  # noqa: E402 - after the detectors above, as before
