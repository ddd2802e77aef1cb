"""Positional arguments of a task-queue call about a person: their record numbers, towns, codes, names and dates.

Task queues log a call with its arguments (RQ's ``default: app.jobs.send_reminder('A0048213', 'Springfield',
'62704') (job-id)``, Celery's ``Task app.tasks.export_chart[<id>] args=(...) kwargs={...}``, dramatiq's
``Message(actor_name='export_chart', args=(...))``, plain ``calling fn(...)``). Keyword arguments are judged by
their names elsewhere; positional ones have none. A call is about a person when its function's name says so
(``remind_patient``, ``export_chart``, ``update_member``), when a keyword argument is a person's (``dob=``,
``mrn=``) or already masked, or when its values alone hold an id, a town or name and a code or date together.
Then a value shaped as a person's is masked: an id (``A0048213``, ``MR-20931``, a number of six digits or more),
a five-digit code, a full date, a capitalised town or name (``Springfield``, ``Maria Gonzalez``), a name in lower
case, capitals or another script whose words no dictionary holds (``tomas okafor``), a phone number in any
country's punctuation. The rest of a call stays: task ids, uuids, counts, queue names, paths and urls, words of
English, codes in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import Span
from ._gazetteer import NONE, fold, listed_town, town_evidence
from ._json_values import value_end
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue, tokens
from ._lexicon import ENGLISH, SOFTWARE, unknown_word
from ._name_table import GIVEN, SURNAME_RANK
from ._names import PARTICLES, name_shaped
from ._person_rows import person_id_shaped
from ._spelled_phones import spelled_phone

__all__ = ["task_call_spans"]

_PERSON_TASK_WORDS: Final = frozenset(
    (
        *("patient", "patients", "chart", "charts", "member", "members", "remind", "reminder", "reminders"),
        *("person", "people", "subscriber", "enrollee", "beneficiary", "guarantor", "caregiver", "resident"),
        *("appointment", "appointments", "appt", "birthday", "discharge", "admission", "referral", "intake"),
        *("demographics", "mrn", "dob", "ssn", "insured", "claimant", "dependent", "dependents", "guardian"),
        *("claim", "claims"),
        # a person's identity document, insurance, device or car (``verify_identity``, ``check_eligibility``)
        *("identity", "passport", "dl", "kyc", "eligibility", "coverage", "mbr", "mbi", "insured", "pacemaker", "pump"),
        *("cgm", "glucose", "insulin", "parking", "ambulance", "transport", "rideshare", "plate", "plates"),
    )
)
"""Words of a function's name that make its call about a person (``send_reminder``, ``export_chart``)."""
_PERSON_KEY_KINDS: Final = frozenset(
    ("NAME", "DOB", "MRN", "PATIENT", "MEMBER_ID", "SSN", "MBI", "ADDRESS", "ZIP", "PHONE", "EMAIL")
)
_ARGS_KEYS: Final = ("args=", "args: ", "args:")
_NAMED_TASK: Final = re.compile(
    r"(?=[atfnjTER])(?:(?:actor_name|task_name|func_name|name|task|job)=['\"]([\w.]{1,200})['\"]"
    r"|(?:Task|task|Executing|Running|Enqueued|Received task:?)[ ]+([\w.]{1,200})(?=[\[: (]|$))"
)
"""The task an ``args=(...)`` list belongs to, written before it on the line."""
_ID: Final = re.compile(r"[A-Z]{1,4}[-]?[0-9]{4,12}|[0-9]{6,12}")
_GROUPED_ID: Final = re.compile(r"[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,8}){1,3}")
"""An id in groups with spaces or dashes (``459 PFK``, ``186-788-683``, ``U8968 26062 46729``): three digits at
least (no ``ICD 10``)."""
_CODE: Final = re.compile(r"[0-9]{5}(?:-[0-9]{4})?")
_DATE: Final = re.compile(
    r"(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]|[01]?[0-9]/[0-3]?[0-9]/(?:19|20)[0-9]{2}"
    r"|datetime\.date\((?:19|20)[0-9]{2},[ ]?[0-9]{1,2},[ ]?[0-9]{1,2}\)"
)
_CAPITALISED: Final = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?(?:[ ][A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?){0,2}")
_PARTICLED: Final = re.compile(rf"{PARTICLES}(?:[ ]{PARTICLES})?[ ][A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?")
"""A surname after its particles (``van der Horst``, ``de Bont``, ``dos Santos``)."""
_CASED_WORDS: Final = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:[ ][^\W\d_][^\W\d_'’.-]*){1,3}")
"""Two to four words of letters in any case and script: a person's name when no word is a dictionary's."""
_KEYWORD: Final = re.compile(r"@?([A-Za-z_]\w{0,63})[ ]?(?:=>|=(?!=))[ ]?")
"""A keyword argument: Python's ``key=``, SQL Server's ``@key =``, PL/SQL's and Ruby's ``key =>``."""
_TYPED: Final = re.compile(r"(?:DATE|date|TIMESTAMP|timestamp|N)[ ]?(?=['\"])")
"""A SQL literal's type before its quotes (``DATE '1950-02-03'``, ``N'Jane'``): the value is the quoted part."""
_EXEC: Final = re.compile(r"(?=[EeCc])(?:EXEC|EXECUTE|exec|execute|CALL|call)[ ]+([\w.\[\]]{1,128})[ ]+(?=[@'\"N:])")
"""A stored procedure called without brackets (``EXEC usp_find_patient 'Roe', ...``, ``EXEC p @last = 'Roe'``)."""
_PERSON_KEYWORD_KINDS: Final = frozenset(("NAME", "DOB", "MRN", "PATIENT", "MEMBER_ID", "SSN", "MBI", "ADDRESS"))
_KWARGS: Final = re.compile(r"[ ,]*kwargs[=:][ ]?\{")
_DICT_KEY: Final = re.compile(r"['\"]([A-Za-z_]\w{0,63})['\"][ ]?:")
_LIST_ARGS: Final = re.compile(r"(?=a)(?<![\w.])args(?:=|:[ ]?)\[")
_RESULT: Final = re.compile(
    r"(?=T)Task[ ]([\w.]{1,200})\[[^\]\n]{0,100}\][ ]succeeded[ ]in[ ][0-9.]{1,20}s:[ ](?=[(\[])"
)
"""Celery's line for a task's return value, a tuple or list: the values are the task's, as its arguments are."""
_NESTED_CALL: Final = re.compile(r"[A-Za-z_][\w.]{0,63}\(")
_MAX_ARGS: Final = 32
_MAX_CALLS: Final = 64
_MAX_NAME: Final = 200
_COMMON_SURNAME_RANK: Final = 200
"""A surname that is also a word of English counts in a person's call when it is among the commonest."""


def _person_words(name: str) -> bool:
    """Whether a function's dotted name has a word of a task about a person (``app.jobs.remind_patient``)."""
    return not _PERSON_TASK_WORDS.isdisjoint(tokens(name.rpartition(".")[2]))


Keyed = tuple[str, int, int]
"""A keyword argument's name and its value's span (quotes included)."""


def _arguments(
    text: str, position: int, keyed: list[Keyed] | None = None
) -> tuple[list[tuple[int, int]], list[str], int]:
    """The positional values (spans, quotes included) and keyword names of the call whose ``(`` or ``[`` is at
    ``position`` (or, when ``text[position]`` is a space, of a procedure called without brackets, to the end of
    its statement), and where it ends (-1: not a call); ``keyed`` collects the keyword values."""
    bracket = text[position]
    closing = ")" if bracket == "(" else "]" if bracket == "[" else ""
    values: list[tuple[int, int]] = []
    keys: list[str] = []
    index = position + 1
    size = len(text)
    while len(values) + len(keys) < _MAX_ARGS:
        while index < size and text[index] == " ":
            index += 1
        if index >= size:
            return ([], [], -1) if closing else (values, keys, index)
        if text[index] == closing if closing else text[index] in ";\r\n":
            return values, keys, index + 1
        key = _KEYWORD.match(text, index)
        if key is not None:
            keys.append(key[1])
            index = key.end()
        typed = _TYPED.match(text, index)
        value_at = typed.end() if typed is not None else index
        nested = _NESTED_CALL.match(text, index)  # datetime.date(1931, 2, 17), Decimal('3.50')
        end = value_end(text, nested.end() - 1) if nested is not None else value_end(text, value_at)
        if end <= index:
            return [], [], -1
        if key is None:
            values.append((value_at, end))
        elif keyed is not None:
            keyed.append((key[1], value_at, end))
        index = end
        while index < size and text[index] == " ":
            index += 1
        if index < size and text[index] == ",":
            index += 1
        elif _unclosed(text, index, closing):
            return [], [], -1
    return [], [], -1


def _unclosed(text: str, index: int, closing: str) -> bool:
    """Whether a call's list goes on at ``index`` with no comma (its bracket, or its statement's end, expected)."""
    if closing:
        return index >= len(text) or text[index] != closing
    return index < len(text) and text[index] not in ";\r\n"


def _kwargs(text: str, end: int) -> tuple[list[str], int]:
    """The keys of a ``kwargs={...}`` dict written right after an ``args=(...)`` list, and where it ends."""
    found = _KWARGS.match(text, end)
    if found is None:
        return [], end
    close = text.find("}", found.end(), found.end() + 2000)
    close = close if close >= 0 else found.end()
    return _DICT_KEY.findall(text, found.end(), close), close


def _kind(raw: str) -> str | None:
    """The kind of a positional value in a call about a person, or ``None`` when it is no person's."""
    quoted = raw[:1] in "'\""
    value = raw[1:-1] if quoted else raw.strip()
    if _DATE.fullmatch(value):
        return "DATE"
    if _ID.fullmatch(value):
        return "ID" if quoted or len(value) >= 6 else None
    if quoted and not value.isdigit() and person_id_shaped(value):
        return "ID"  # letters and digits mixed: a plate, a serial, a licence (``7ABC123``, ``SN-88213-XK``)
    if quoted and _GROUPED_ID.fullmatch(value) and sum(c.isdigit() for c in value) >= 3:
        return "ID"
    if quoted and _CODE.fullmatch(value):
        return "ZIP"
    if value.isdigit() and len(value) >= 5 and not value.endswith("00"):
        return "ID"  # a record number passed as a number (round ones are counts and sizes)
    if quoted and _CAPITALISED.fullmatch(value):
        return _word_kind(value)
    if quoted and _PARTICLED.fullmatch(value):
        return "NAME"
    if quoted and spelled_phone(value):
        return "PHONE"  # "+7-(923)-074-43-03", "(0389)-701364": a number in any country's punctuation
    if quoted and _CASED_WORDS.fullmatch(value) and not _common_words(value):
        return "NAME"  # "tomas okafor", "BRANKO VIDMAR", a name in another script: words no dictionary holds
    return None


def _listed_name(raw: str) -> bool:
    """Whether a quoted value is one capitalised word that the name tables list as a given name or a surname."""
    value = raw[1:-1]
    return (
        raw[:1] in "'\""
        and value.isalpha()
        and value.istitle()
        and (fold(value.lower()) in GIVEN or fold(value.lower()) in SURNAME_RANK)
    )


def _common_words(value: str) -> bool:
    """Whether a word of ``value`` is a word of English or of software (``queue``, ``redis``)."""
    return any(word in ENGLISH or word in SOFTWARE for word in value.lower().split())  # not the hot path


def _word_kind(value: str) -> str | None:
    """The kind of capitalised words: a name, a town, or ``None`` for words of English and software."""
    words = value.split()
    bare = value.lower()
    common = bare in ENGLISH or bare in SOFTWARE
    if name_shaped(value) or (len(words) == 2 and words[0].lower() in GIVEN and words[0].lower() not in ENGLISH):
        return "NAME"  # "Maria Gonzalez", "Mary Price"
    rank = SURNAME_RANK.get(bare)
    if rank is not None and rank < _COMMON_SURNAME_RANK:
        return "NAME"  # among the commonest surnames, words of English too ("Smith", "Hill", "Jackson")
    if (listed_town(value) and not common) or (len(words) > 1 and town_evidence(words) != NONE):
        return "ADDRESS"  # "Springfield", "East Amy", "Lake Charlesburgh"
    if rank is not None and not common:
        return "NAME"
    if len(words) == 1 and (unknown_word(value) or (bare in GIVEN and not common)):
        return "NAME"  # a surname or a town no table lists, a given name ("Jane" after "Roe")
    return None


def _about_person(
    owner: str, keys: list[str], values: list[str], masked: bool, catalogue: KeyCatalogue = DEFAULT_CATALOGUE
) -> bool:
    """Whether a call is a person's: by its function's words, a person's keyword, a masked value, or its values
    (an id, a town or name, and a code or date together)."""
    if masked or (owner and _person_words(owner)):
        return True
    for key in keys:
        if catalogue.kind(key) in _PERSON_KEY_KINDS:
            return True
    kinds = {_kind(value) for value in values} - {None}
    return "ID" in kinds and bool(kinds & {"ADDRESS", "NAME"}) and bool(kinds & {"ZIP", "DATE"})


def _owner(text: str, position: int) -> str:
    """The function whose arguments open at ``position``: the dotted name before it, or the task named earlier on
    the line of an ``args=`` list."""
    if text.endswith(_ARGS_KEYS, max(0, position - 6), position):
        line = text[max(0, text.rfind("\n", 0, position) + 1, position - 400) : position]
        names = [m[1] or m[2] for m in _NAMED_TASK.finditer(line)]
        return names[-1] if names else ""
    start = position
    while start > 0 and position - start < _MAX_NAME and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1
    owner = text[start:position].lstrip(".")
    return owner if owner[:1].isalpha() or owner[:1] == "_" else ""


def task_call_spans(text: str, catalogue: KeyCatalogue = DEFAULT_CATALOGUE) -> Iterator[Span]:
    """Spans of the positional arguments of calls in ``text`` that are about a person (the first 64 calls)."""
    opened = text.find("(")
    calls = 0
    while opened >= 0 and calls < _MAX_CALLS:
        owner = _owner(text, opened)
        if owner or text.endswith(_ARGS_KEYS, max(0, opened - 6), opened):
            calls += 1
            yield from _call(text, opened, owner, catalogue)
        opened = text.find("(", opened + 1)
    if "EXEC" in text or "exec" in text or "CALL" in text or "call" in text:
        for found in _EXEC.finditer(text):  # a stored procedure's arguments, no brackets
            calls += 1
            if calls > 2 * _MAX_CALLS:
                return
            yield from _call(text, found.end() - 1, found[1].replace("[", "").replace("]", ""), catalogue)
    if "succeeded in " in text:
        for found in _RESULT.finditer(text):
            yield from _call(text, found.end(), found[1], catalogue)
    if "args" in text and "[" in text:
        for found in _LIST_ARGS.finditer(text):
            calls += 1
            if calls > 2 * _MAX_CALLS:
                return
            yield from _call(text, found.end() - 1, _owner(text, found.end() - 1), catalogue)


def _call(text: str, opened: int, owner: str, catalogue: KeyCatalogue) -> Iterator[Span]:
    """Spans of the positional arguments of the call opening at ``opened`` (of ``owner``) when about a person."""
    keyed: list[Keyed] = []
    values, keys, end = _arguments(text, opened, keyed)
    if end < 0 or not (values or keyed):
        return
    stop = end
    if not keys:
        keys, stop = _kwargs(text, end)
    raw = [text[start:finish] for start, finish in values]
    masked = "[REDACTED:" in text[opened:stop]  # an argument masked before the message was formatted
    if not _about_person(owner, keys, raw, masked, catalogue):
        return
    named = bool(owner) and _person_words(owner)
    kinds = [_kind(value) for value in raw]
    for index, value in enumerate(raw):
        if kinds[index] is None and named and _listed_name(value):
            beside = kinds[index - 1 : index] + kinds[index + 1 : index + 2]
            if fold(value[1:-1].lower()) not in ENGLISH or "NAME" in beside or "ADDRESS" in beside:
                kinds[index] = "NAME"  # find_patient('Roe', 'Rick'): a listed name beside a name, or no word
    for (start, finish), value, kind in zip(values, raw, kinds, strict=True):
        if kind is not None:
            yield (start + 1, finish - 1, kind) if value[0] in "'\"" else (start, finish, kind)
    for key, start, finish in keyed:  # "p_last_name => 'de Bont'", "@lastName = N'Roe'": judged by their names
        kind = catalogue.kind(key)
        if kind in _PERSON_KEYWORD_KINDS and finish - start > 2 and text[start] == "'" and text[finish - 1] == "'":
            yield start + 1, finish - 1, kind
