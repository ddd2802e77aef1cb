"""Logger, thread and task names read as the paths they are: ``patients.mrn.MRN00482913``, ``visits.Maria Lopez``.

A name built from data is a dotted (or slashed) path whose parts are keys and values: the part after ``mrn`` is a
medical record number, the part after ``dob`` a birth date, a part holding a space is a sentence or a person, not a
code identifier. Read as one sentence, such a name has no cue next to its value (``mrn.MRN00482913`` is one token).
Each part is judged as the value of the part before it (a field named by its key), as ``DOB-1954-07-07`` is a key and
its value joined, and as a whole value that is a person's name; only what is judged PHI changes, so the names code
gives its loggers (``uvicorn.access``, ``ThreadPoolExecutor-0_1``) stay as they are.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from ._names import name_shaped
from ._redactor import Redactor
from ._values import full_date

__all__ = ["redact_name_path"]

_PARTS: Final = re.compile(r"[./:\[\]]+")
"""Between the parts of a logger's (or a thread's) name."""
_JOINED: Final = re.compile(r"([A-Za-z][A-Za-z_ ]{1,30}?)[-_=#]+([0-9A-Za-z].*)")
"""A key and its value in one part: ``DOB-1954-07-07``, ``mrn_00482913``, ``ssn=219099999``."""
_DIGITS: Final = re.compile(r"[0-9](?:[^0-9]{0,2}[0-9]){3}")
"""Four digits or more, apart by at most two other characters: a value, not a version (``v2``)."""
_PERSON_DIRECTORIES: Final = frozenset(
    {"patient", "patients", "pt", "member", "members", "person", "persons", "paciente", "pacientes", "patienten"}
)
"""Parts whose next part names one person (``ehr.patients.H5811942``, ``ehr.patients.Roe, Jane``)."""
_DIRECTORY_VALUE: Final = re.compile(
    r"(?<![A-Za-z])(?i:patients?|pt|members?|persons?|pacientes?|patienten)[-_=#]+(?P<value>[0-9A-Za-z-]*[0-9][0-9A-Za-z-]*)$"
)
"""A person's directory and its value joined in one part after another word (``ehr-patients-H5811942``)."""
_NAMED_DIRECTORIES: Final = _PERSON_DIRECTORIES | frozenset(
    {"visit", "visits", "appointment", "appointments", "encounter", "encounters", "admission", "admissions"}
    | {"chart", "charts", "record", "records", "client", "clients", "user", "users", "customer", "customers"}
)
"""Parts whose next part, two words joined by ``_`` or ``-``, names a person when they read as a name."""
_WORDS_JOINED: Final = re.compile(r"[A-Za-zÀ-ÿ]{2,}(?:[_-][A-Za-zÀ-ÿ]{2,}){1,2}")
"""Two or three words joined by ``_`` or ``-`` (``maria-lopez``, ``jane_roe``; a name when they read as one)."""
_MASKED: Final = "[REDACTED"
_SURNAME_BEFORE_MASK: Final = re.compile(
    r"((?<![A-Za-z])(?i:patients?|pt|members?|persons?|pacientes?|patienten)[./:])([A-ZÀ-Þ][\w'’-]+,[ ]?)"
    r"(\[REDACTED:NAME\])"
)
"""A person's directory, then a surname its reading as text left before its given name's mask
(``patients.Lopez, [REDACTED:NAME]``): the mask takes the surname in."""
_MASK: Final = "[REDACTED]"
_KIND: Final = re.compile(r"\[REDACTED:([A-Z_]+)\]")
_PHONE_DIGITS: Final = 7
_SSN_DIGITS: Final = 9
_ID_DIGITS: Final = 5


@functools.lru_cache(maxsize=2048)
def redact_name_path(redactor: Redactor, name: str) -> str:
    """``name`` (a logger's, thread's, process's or task's) redacted as text, then part by part. Never raises."""
    clean = redactor.redact_text(name)
    try:
        return _parts_redacted(redactor, clean)
    except Exception:  # noqa: BLE001 - the text's own redaction stands
        return clean


def _parts_redacted(redactor: Redactor, text: str) -> str:
    if len(text) > 512:
        return text
    if _MASKED in text:  # "patients.Lopez, [REDACTED:NAME]": the surname the text reading left
        text = _SURNAME_BEFORE_MASK.sub(lambda found: found[1] + found[3], text)
    pieces = _PARTS.split(text)
    if len(pieces) == 1 and " " not in text and _JOINED.fullmatch(text) is None:
        return text
    seps = _PARTS.findall(text)
    out: list[str] = []
    previous = ""
    for piece in pieces:
        out.append(_part_redacted(redactor, previous, piece) if piece and _MASKED not in piece else piece)
        previous = piece
    if out == pieces:
        return text
    return "".join(part + sep for part, sep in zip(out, [*seps, ""], strict=True))


def _as_value(redactor: Redactor, key: str, value: str) -> str:
    """``value`` redacted as the field its key names (``mrn.MRN00482913``), when it has the shape of what the key
    names: an e-mail's ``@``, a phone's seven digits, an SSN's nine, a full date; an id five digits (``email.r00123``,
    a record's counter after ``email``, stays)."""
    clean = redactor.redact_field(key, value)
    if clean == value:
        return value
    if type(clean) is not str:
        return _MASK
    marker = _KIND.search(clean)
    kind = marker[1] if marker is not None else ""
    digits = sum(ch.isdigit() for ch in value)
    if kind == "EMAIL":
        shaped = "@" in value
    elif kind in ("PHONE", "FAX"):
        shaped = digits >= _PHONE_DIGITS
    elif kind == "SSN":
        shaped = digits == _SSN_DIGITS
    elif kind in ("DOB", "DATE"):
        shaped = full_date(value)
    else:
        shaped = digits >= _ID_DIGITS or " " in value.strip()
    return clean if shaped else value


def _part_redacted(redactor: Redactor, key: str, part: str) -> str:
    digits = _DIGITS.search(part) is not None
    whole = part.strip()
    if redactor.names_values and " " in whole and key.lower() in _PERSON_DIRECTORIES and name_shaped(whole):
        return redactor.strategy_for("NAME").text("NAME", part)  # "patients.Lopez, Maria": the whole part
    if key and key[0].isalpha() and (digits or " " in part):  # a value, not another word of the name
        clean = _as_value(redactor, key, part)
        if clean != part:
            return clean
        if digits and key.lower() in _PERSON_DIRECTORIES:
            return redactor.strategy_for("PATIENT").text("PATIENT", part)
    joined = _JOINED.fullmatch(part)
    if joined is not None and _DIGITS.search(joined[2]) is not None:
        clean = _as_value(redactor, joined[1], joined[2])
        if clean != joined[2]:
            return part[: joined.start(2)] + clean
    if digits and joined is not None and (directory := _DIRECTORY_VALUE.search(part)) is not None:
        return part[: directory.start("value")] + redactor.strategy_for("PATIENT").text("PATIENT", directory["value"])
    if not redactor.names_values:
        return part
    if " " in whole and name_shaped(whole):
        return redactor.strategy_for("NAME").text("NAME", part)
    if (
        key.lower() in _NAMED_DIRECTORIES
        and _WORDS_JOINED.fullmatch(whole) is not None
        and name_shaped(whole.replace("_", " ").replace("-", " "))
    ):
        return redactor.strategy_for("NAME").text("NAME", part)  # "visits.maria-lopez", "patients.jane_roe"
    return part
