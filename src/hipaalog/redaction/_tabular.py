"""Positional data: values without key names next to them, typed by their columns or their neighbours.

* SQL: ``INSERT INTO t (last_name, dob) VALUES ('Roe', '1980-03-12')`` (columns named by the
  statement, several rows too), a statement with placeholders (``last_name = %s``, ``?``, ``$1``,
  ``:name``) followed by its parameters (``args=('Roe', ...)``, ``parameters: [...]``,
  ``[parameters: (...)]``, Postgres ``$1 = 'Roe'``);
* CSV/TSV: a header row whose columns are PHI field names, then rows in the same text;
* Python reprs and bare rows: ``('Roe', 'Jane', datetime.date(1980, 3, 12))``,
  ``ImmutableMultiDict([('first_name', 'Jane')])``, ``Roe,Jane,1980-03-12,02139``.

Without column names, a row is typed from its values: a surname next to a given name (census
tables) is a name, and then the row is about that person, so its dates, ZIP codes, phone and
record numbers and street lines are masked too.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Final

from ._account_rows import MAYBE_ACCOUNT, AccountHold
from ._cell_values import plausible
from ._checks import bare_number_kind
from ._detector import BaseDetector, Span
from ._firm_sql import firm_statement, town_column
from ._gate import PERSON, TABLE
from ._gazetteer import COUNTRIES
from ._keys import DEFAULT_CATALOGUE, INFRA_WORDS, PERSON_WORDS, KeyCatalogue, tokens
from ._months import ENGLISH_MONTHS, FOREIGN_MONTHS
from ._name_table import GIVEN, SURNAME_RANK
from ._names import COMMON_GIVEN, NOT_SURNAMES, PRODUCT_GIVEN, name_shaped
from ._near import first_char_alternation, trie_alternation
from ._sql_predicates import predicate_literals
from ._sql_shapes import sql_shaped
from ._task_calls import task_call_spans
from ._town_codes import town_and_code
from ._vocab import NAME_STOPWORDS, STATE_NAMES

__all__ = ["TabularDetector", "settled"]

Item = tuple[int, int]
"""A value's span (the characters inside its quotes)."""

_QUOTED: Final = r"'(?:[^'\\\n]|\\.|'')*'|\"(?:[^\"\\\n]|\\.)*\""
_ITEM: Final = re.compile(
    rf"[ \t]*(?:{_QUOTED}|datetime\.date(?:time)?\([0-9, ]{{1,40}}\)|Decimal\('[0-9.]+'\)|[^,()\[\]\n'\"]*)[ \t]*"
)
_INSERT: Final = re.compile(
    r"\b(?:INSERT|insert|REPLACE|replace|UPSERT|upsert)(?:[ ]+(?:(?:OR|or)[ ]+[A-Za-z]+|IGNORE|ignore))?"
    r"[ ]+(?:INTO|into)[ ]+[\w.\"`]+[ ]*\(([^()]{1,800})\)[ ]*(?:VALUES|values)[ ]*",
    re.ASCII,
)
_PLACEHOLDER_AFTER: Final = re.compile(r"(?:=|<|>|(?i:like))[ ]*(%s|\?|\$[0-9]{1,3}|:[A-Za-z_0-9]\w*|%\(\w+\)s)")
_COLUMN_BACK: Final = re.compile(r"[ ]*(?:(?i:ton)[ ]+)?[<>!]?[ ]*\)?[\"`]?([\w.]{0,63}[A-Za-z_])")
"""On the text before a comparison, reversed: the column name (inside a function: ``lower(family_name) =``)."""
_NAME_COLUMNS: Final = frozenset({"name", "full name", "first", "last", "given", "family", "surname", "middle"})
_GENERIC_COLUMNS: Final = frozenset({"name", "full name", "first", "last", "family", "middle"})
"""Column names that are a person's only in a table about people (``name`` of a service, ``first`` of a range)."""
_SHORT_NAME_ALIASES: Final = frozenset(("ln", "fn", "mn", "lname", "fname", "mname", "sn", "gn"))
"""Short aliases of a name's parts (``AS ln``), a person's only beside an alias of a person's identifier."""
_PERSON_ALIAS_KINDS: Final = frozenset(("DOB", "SSN", "MRN", "PATIENT", "MEMBER_ID", "MBI", "NAME"))
_PEOPLES_COLUMNS: Final = dict.fromkeys(
    (
        *("account", "accountid", "acctid", "csn", "har", "fin", "encountercsn", "alternatevisitid"),
        *(base + end for base in ("visit", "encounter", "fin", "csn") for end in ("number", "num", "no", "nbr")),
    ),
    "ACCOUNT",
)
"""Columns that are a person's account or the number of one visit (a Cerner FIN, an Epic CSN) only in a table
about people (a cloud's ``account_id``, a web archive's ``har``, a batch's ``visit_no`` are not), by their name
squeezed to letters and digits in lower case."""
_MAYBE_NAME: Final = "NAME?"
"""A generic name column in a table with no other PHI column: its value is a name only if it reads as one."""
_PEOPLE_TABLE_WORDS: Final = (
    "patient",
    "member",
    "person",
    "people",
    "subscriber",
    "contact",
    "guarantor",
    "employee",
    "customer",
    "enrollee",
    "beneficiar",
    "dependent",
    "guardian",
    "user",
    "student",
    "client",
)
_PEOPLE_TABLES: Final = re.compile("(?i:" + "|".join(_PEOPLE_TABLE_WORDS) + ")")
_PEOPLE_WORDS: Final = re.compile(trie_alternation(_PEOPLE_TABLE_WORDS))
"""The words of :data:`_PEOPLE_TABLES` in lower case: in lowered ASCII text, a case-insensitive match is a plain one."""


def _squeezed(column: str) -> str:
    """A column's name in lower case with only its letters and digits (``Account ID`` -> ``accountid``)."""
    return "".join(ch for ch in column.lower() if ch.isalnum())


def _maybe_account(column: str) -> str | None:
    """:data:`MAYBE_ACCOUNT` for a column of a person's account (:data:`_PEOPLES_COLUMNS`), else ``None``."""
    return MAYBE_ACCOUNT if _PEOPLES_COLUMNS.get(_squeezed(column)) == "ACCOUNT" else None


def _about_people(text: str) -> bool:
    """Whether ``text`` names a table of people (``_PEOPLE_TABLES.search(text)``, without ignoring case when it can)."""
    if text.isascii():
        return _PEOPLE_WORDS.search(text.lower()) is not None
    return _PEOPLE_TABLES.search(text) is not None


_TABLE_NAME: Final = re.compile(r"(?i:\b(?:update|into|from)[ ]+)[\"`\[]?(?:\w+\.)?(\w+)")
_PATIENT_TABLES: Final = re.compile(
    r"(?:patient|member|person|people|subscriber|enrollee|beneficiar(?:y|ie)|dependent|guarantor)s?"
)
"""Tables of people whose ``id`` identifies a patient or a plan member (not ``users``, ``employees``)."""
_IN_LIST: Final = re.compile(r"([A-Za-z_][\w.]{0,63})[\"`]?[ ]+(?:IN|in)[ ]*\(([^()]{1,2000})\)")
"""A column and the values of its ``IN (...)`` list."""
_QUOTED_ITEM: Final = re.compile(r"'([^'\n]{1,200})'")
_LITERAL: Final = re.compile(
    r"(?:=|~\*?|(?<![A-Za-z])(?i:i?like|rlike|regexp|glob|similar[ ]to)(?![A-Za-z])|['\"]:)[ ]*"
    r"(?:(?i:lower|upper|trim|unaccent|initcap|soundex|metaphone|dmetaphone)\()?(" + _QUOTED + r")"
)
"""A quoted literal after a comparison (SQL: ``=``, ``LIKE``, ``ILIKE``, a regular expression's ``~*``,
``SIMILAR TO``; inside ``lower('...')`` or ``soundex('...')``), a keyword (a namedtuple or dataclass repr) or a
quoted key (a dict repr): its column is before."""
_PATTERN_OPERATOR: Final = re.compile(r"[LlRrGgSs](?i:ike|egexp|lob|imilar)[ ]")
"""SQL's pattern comparisons (``LIKE``, ``ilike``, ``REGEXP``, ``GLOB``, ``SIMILAR TO``): literals follow."""
_PATTERN_MARKS: Final = frozenset("%^$*")
"""What opens or closes a ``LIKE`` or regular-expression pattern around the value (``'Roe%'``, ``'^Roe'``)."""
_NEWLINE: Final = r"(?:\r?\n|\\r\\n|\\n)"
_PART: Final = re.compile(
    r"""name=\\?["']?([\w.-]{1,64})\\?["']?[^\n\\]{0,80}?"""
    + _NEWLINE
    + r"(?:[\w-]+:[^\n\\]*"
    + _NEWLINE
    + r")*"
    + _NEWLINE
    + r"([^\r\n\\]{1,200})"
)
"""A multipart form part: ``Content-Disposition: form-data; name="dob"``, a blank line, the value."""
_FORM_DATA: Final = re.compile(r"(?<![A-Za-z0-9_/]|[^\x00-\x7f])form-data")
_VALIDATION: Final = re.compile(r"(?:^|\n)([A-Za-z_][\w.]{0,63})\n[ ]+[^\n]*?input_value=(" + _QUOTED + r"|[^,\]\s]+)")
"""A pydantic error: the field's name on its own line, its ``input_value`` on the next."""
_ERROR_ITEM: Final = re.compile(
    r"([\"'])loc\1:[ ]*[\[(]([^()\[\]\n]{0,300})[\])]((?:[^{}'\"\n]|"
    + _QUOTED
    + r")*?)([\"'])input\4:[ ]*("
    + _QUOTED
    + r"|-?[0-9][0-9.]*(?![\w.]))"
)
"""A pydantic error as ``e.json()`` or ``e.errors()`` print it: ``loc`` (a path) and, a few keys later, ``input``."""
_LOC_PART: Final = re.compile(r"'([^'\n]*)'|\"([^\"\n]*)\"")
_SQL_WORDS: Final = re.compile(
    first_char_alternation(["WHERE", "where", "SET", "set", "parameters", "params", "args"], "[A-Za-z_]")
    + "(?![A-Za-z_])"
)
_PLACEHOLDER: Final = re.compile(r"%s|\?|\$[0-9]{1,3}|:[A-Za-z_0-9]\w*|%\(\w+\)s")
_PARAMS: Final = re.compile(
    r"(?<![A-Za-z_])(?i:args|params|parameters|binds?|bindings)[\]'\"]?[ ]*[=:]?[ ]*(?=[(\[{])"
    r"|\[(?:generated in|cached since|no key|raw sql|insertmanyvalues|dialect )[^\]\n]{0,100}\][ ]*(?=[(\[{])"
)
"""Where parameters start: after a keyword, or after SQLAlchemy's echo tag (``[generated in 0.0004s] (...)``)."""
_ECHO_TAGS: Final = ("generated in", "cached since", "no key", "raw sql", "insertmanyvalues", "does not support")
_CALL: Final = re.compile(r"[\w.]\((?=[ ]*(?:'[^'\n]{0,2000}'|\"[^\"\n]{0,2000}\")\)?[ ]*,)")
"""A call whose first argument is a string: ``cursor.execute('... %s', (...))``, ``conn.fetch('... $1', a, b)``."""
_STRING: Final = re.compile(_QUOTED)
_DICT_ENTRY: Final = re.compile(r"[ ]*(" + _QUOTED + r")[ ]*:[ ]*")
_DOLLAR_PARAM: Final = re.compile(r"\$([0-9]{1,3})[ ]*=[ ]*(" + _QUOTED + r"|[^,\s]+)")
_NAME_PART_KEYS: Final = frozenset({"first", "last", "middle", "given", "family", "surname", "fname", "lname"})
"""Keys that name parts of a name when two of them are pairs of one text (a form's ``first`` and ``last``)."""
_PAIR: Final = re.compile(r"[(\[][ ]*b?'([A-Za-z][\w.-]{0,63})'[ ]*,[ ]*b?(" + _QUOTED + r")[ ]*[)\]]")
"""A ``('key', 'value')`` pair: MultiDict items, ASGI headers as bytes (``(b'x-ssn', b'...')``)."""
_TUPLE: Final = re.compile(
    r"[(\[](?=[ ]*(?:'|\"|datetime|(?:1[89]|20)[0-9]{2}-[01][0-9]-[0-3][0-9][,)\]]|[0-9]{1,12},[ ]?['\"][A-Z]))"
)
"""A tuple or list that may be a row: it opens with a string (quoted as a repr or as the reader's view requotes
it), a date (as a repr, or read as ISO), or a number before a capitalised string (a record's id, then its
columns: ``(4387339, 'Roe', 'Jane', ...)``)."""
_DATE: Final = re.compile(
    r"(?:datetime\.date(?:time)?\((?:1[89]|20)[0-9]{2}, ?[0-9]{1,2}, ?[0-9]{1,2}[0-9, ]*\)"
    r"|(?:1[89]|20)[0-9]{2}-?[01][0-9]-?[0-3][0-9](?:[T ][0-9:.]+Z?)?|[01]?[0-9]/[0-3]?[0-9]/(?:1[89]|20)[0-9]{2}"
    r"|[0-3]?[0-9]\.[01]?[0-9]\.(?:1[89]|20)[0-9]{2}"
    r"|[0-3]?[0-9][- ](?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[- ](?:(?:1[89]|20)[0-9]{2}|[0-9]{2}))"
)
"""Dates as rows hold them: ISO, ``MM/DD/YYYY``, ``DD.MM.YYYY``, ``YYYYMMDD``, ``datetime.date(...)``, and as a
spreadsheet shows them (``14-Jul-55``, ``05-Feb-1973``)."""
_ZIP: Final = re.compile(r"[0-9]{5}(?:-[0-9]{4})?")
_STREET_NUMBER_FIRST: Final = re.compile(r"[0-9]+[A-Za-z]?[ ][A-Za-z0-9 .'#-]{3,60}")
_VALUE_KINDS: Final = (
    (re.compile(r"[0-9]{3}-?[0-9]{2}-?[0-9]{4}"), "SSN"),
    (re.compile(r"(?:\+?1[ .-]?)?\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}"), "PHONE"),
    (_ZIP, "ZIP"),
    (_STREET_NUMBER_FIRST, "ADDRESS"),
    (re.compile(r"[A-Za-z]{0,4}[-#]?[0-9]{5,15}"), "ID"),
    (re.compile(r"(?=(?:[^0-9]*[0-9]){5})[A-Za-z]{0,4}[0-9]{1,8}(?:-[0-9A-Za-z]{1,8}){1,4}"), "ID"),
)
"""Shapes of values in a row about a person; the last is a record number in dashed groups (``771-2290-4``)."""
_NAME_WORD: Final = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?|[A-Z]{2,}(?:['’-][A-Z]+)?|[A-Z]['’][A-Z][a-z]+")
_PARTICLE_NAME: Final = re.compile(
    r"(?:(?i:van|von|der|den|de|del|della|di|da|das|dos|du|la|le|ten|ter|bin|al|el|zu|st\.?|ste?\.?)[ ]+){1,3}"
    r"([A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?|[A-Z]{2,}(?:['’-][A-Z]+)?)"
)
"""A surname after its particles (``van der Berg``, ``dos Santos``): judged by its last word."""
_NOT_NAME_ENDINGS: Final = ("ing", "tion", "sion", "ment", "ness", "able", "ible", "ity", "ous", "ive", "ware")
"""Endings of English words (``Running``, ``Deployment``), never of a name read without the name tables."""
_HEADER_FIELD: Final = re.compile(r"[^\W\d][\w .-]{0,40}(?:[ ]?#)?")
"""A column name of a header row (``Account #``: a number sign at the end)."""
_DELIMITERS: Final = ("\t", "|", ",", ";")
_SEGMENT_ID: Final = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{2}\|")
_SEGMENTS: Final = frozenset(
    [
        "MSH",
        "EVN",
        "PID",
        "PD1",
        "NK1",
        "PV1",
        "PV2",
        "ORC",
        "OBR",
        "OBX",
        "NTE",
        "IN1",
        "IN2",
        "GT1",
        "DG1",
        "PR1",
        "AL1",
        "MRG",
        "ISA",
        "GS",
        "ST",
    ]
)
"""HL7 and X12 segment names (and HL7's own ``Z..``): a line that starts with one is a segment
(``JUN|TANAKA|...`` is a row)."""
_YEAR: Final = re.compile(r"(?:1[89]|20)[0-9]{2}(?=[0-9]{4}$|[^0-9]|$)")
_RECENT_YEAR: Final = datetime.date.today().year - 1
_EMAIL_CELL: Final = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_PLACE: Final = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}|[A-Z]{2,}(?:[ -][A-Z]{2,}){0,3}")
_MAX_ITEMS: Final = 64
_KEY_DETAIL: Final = re.compile(
    r"\bKey[ ]\(((?:[^()\n]|\([^()\n]*\)){1,400})\)=\(([^\n]{0,2000}?)\)"
    r"(?=[ ](?:already|is|conflicts)[ ]|[.,;]?[ ]*(?:\n|$)|\.|[ ]*\()"
)
"""Postgres' ``DETAIL:  Key (first_name, last_name)=(Jane, Roe) already exists.``: columns, then their values."""
_EXPRESSION_PARTS: Final = re.compile(r"::[\w ]+|\w+\(|[()\"]")
"""What an index expression wraps a column in (``lower(email::text)``): casts, function names, parentheses."""
_DUPLICATE: Final = re.compile(r"Duplicate entry '((?:[^'\\\n]|\\.|''){1,500})' for key '([^'\n]{1,200})'")
"""MySQL's ``Duplicate entry 'jane-roe' for key 'patients.idx_name'``: the value, then the index it broke."""
_FAILING_ROW: Final = re.compile(r"Failing row contains \(([^\n]{1,4000})\)\.?[ ]*(?=\n|\\n|$)")
"""Postgres' ``DETAIL:  Failing row contains (17, Jane, Roe, 1980-03-12, null).``: the whole row, unquoted."""
_INDEX_WORDS: Final = frozenset({"idx", "ix", "ux", "uq", "uniq", "unique", "key", "index", "uk", "pk", "fk", "un"})
_MAX_LINES: Final = 2000


def _keyed_row(line: str) -> bool:
    """Whether the only ``=`` of a line names the row it opens (``row=8814;Roe;Jane;...``): no delimiter before it."""
    equals = line.find("=")
    return 0 < equals < 24 and line.count("=") == 1 and not any(d in line[:equals] for d in _DELIMITERS)


def _segments(line: str) -> bool:
    """Whether a ``|``-separated line holds HL7 or X12 segments: two segment names, a known one, or ``^``/``~``."""
    names = _SEGMENT_ID.findall(line)
    return bool(names) and (
        len(names) > 1 or "^" in line or "~" in line or names[0][:-1] in _SEGMENTS or names[0][0] == "Z"
    )


def _personal(value: str) -> bool:
    """Whether a value under a generic name column reads as a person's name: a given name of the tables
    alone, or words that are all name parts (:func:`name_shaped`: ``Grace Street Pharmacy`` is no one)."""
    words = value.split()
    if len(words) == 1:
        word = words[0]
        return bool(_NAME_WORD.fullmatch(word)) and word.lower() in GIVEN and word.lower() not in PRODUCT_GIVEN
    return name_shaped(value) and words[0].lower() not in PRODUCT_GIVEN  # "Aurora Borealis" is a job's name


def _held(text: str, spans: list[Span], hold: AccountHold) -> list[Span]:
    """A row's ``spans`` with its name and account cells judged by the table they are in (:mod:`._account_rows`)."""
    cells = [span for span in spans if span[2] in (_MAYBE_NAME, MAYBE_ACCOUNT)]
    named = any(kind == _MAYBE_NAME and _personal(text[start:end].strip()) for start, end, kind in cells)
    return [span for span in spans if span[2] not in (_MAYBE_NAME, MAYBE_ACCOUNT)] + hold.row(text, cells, named)


def settled(kind: str | None, value: str) -> str | None:
    """The kind of ``value`` in a column of ``kind``: a generic name column's value only if it reads as a
    name, an age only over 89."""
    if kind == _MAYBE_NAME:
        return "NAME" if _personal(value) else None
    if kind == "AGE" and _young(value):
        return None
    return kind


def _patient_table(statement: str) -> bool:
    """Whether the table a statement writes or reads first holds patients or plan members (its ``id`` is theirs)."""
    table = _TABLE_NAME.search(statement)
    return table is not None and _PATIENT_TABLES.fullmatch(table[1].lower()) is not None


def _young(value: str) -> bool:
    """Whether an age is one Safe Harbor keeps (89 and under)."""
    return value.strip().isdigit() and int(value) < 90


_CALLED: Final = re.compile(r"[\w.]")
"""A character before a bracket that makes it a call's (``geocode('Springfield', '62704')``), no tuple's."""


def _town_pair(text: str, items: list[Item]) -> Iterator[Span]:
    """A town and its postal code as a tuple's two quoted values, either way round (:mod:`._town_codes`); not a
    count beside a town (``('Jamesfort', 4123)``)."""
    values = [_bare(text, item).strip() for item in items]
    values = [value[1:-1] if value[:1] in "'\"" else value for value in values]
    if not all(text[start - 1 : start] in ("'", '"') or text[start : start + 1] in ("'", '"') for start, _ in items):
        return
    for town, code in ((0, 1), (1, 0)):
        if town_and_code(values[town], values[code]):
            town_item, code_item = items[town], items[code]
            yield town_item[0], town_item[1], "ADDRESS"
            yield code_item[0], code_item[1], "ZIP"
            return


def _bare(text: str, item: Item) -> str:
    return text[item[0] : item[1]]


def _items(text: str, position: int) -> tuple[list[Item], int]:
    """The values of the tuple or list opening at ``text[position]``, and where it ends (-1: not a tuple)."""
    items: list[Item] = []
    index = position + 1
    closing = ")" if text[position] == "(" else "]"
    while len(items) < _MAX_ITEMS:
        if index < len(text) and text[index] in "([" and not items:
            return [], -1  # nested: the inner tuples are read on their own
        match = _ITEM.match(text, index)
        if match is None:
            return [], -1
        start, end = match.span()
        value = text[start:end].strip()
        if value[:1] in "'\"" and len(value) > 1:
            inner = text.index(value, start) + 1
            items.append((inner, inner + len(value) - 2))
        elif value:
            inner = text.index(value, start)
            items.append((inner, inner + len(value)))
        else:
            items.append((start, start))
        index = end
        if index >= len(text):
            return [], -1
        if text[index] == ",":
            index += 1
            continue
        if text[index] == closing:
            return items, index + 1
        return [], -1
    return [], -1


def _last_field(path: list[str]) -> str:
    """The field a path ends in, past list indexes (``members.0.dob`` and ``('dobs', 0)`` name ``dob``, ``dobs``)."""
    for part in reversed(path):
        if part and not part.isdigit():
            return part
    return ""


def _name_word(value: str) -> str | None:
    """The word a name cell is judged by, folded as the name tables spell it (``Treviño``, ``O'Brien``: ``trevino``,
    ``obrien``), a surname after its particles, or a word of a script without case (Arabic, Devanagari) as it is."""
    if _NAME_WORD.fullmatch(value):
        return value.lower()
    if value.isascii():
        particles = _PARTICLE_NAME.fullmatch(value) if " " in value else None
        return particles[1].lower() if particles is not None else None
    if _caseless(value):
        return value
    folded = _fold(value)
    return _name_word(folded) if folded.isascii() else None


def _fold(value: str) -> str:
    """``value`` without marks and apostrophes: ``Nguyễn`` -> ``Nguyen``, ``O'Brien`` -> ``OBrien``."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'’").replace("Đ", "D")


def _caseless(value: str) -> bool:
    """Whether ``value`` is one to three words of a script without case (no ASCII, no capitals to look for)."""
    words = value.split(" ")
    return (
        0 < len(words) < 4
        and len(value) > 1
        and all(
            word and all(unicodedata.category(c)[0] in "LM" and c.lower() == c.upper() for c in word) for word in words
        )
    )


def _lower_pair(first: str, second: str) -> bool:
    """Two lower-case words that can be a person's names: one in the name tables, neither a log word."""
    pair = (first, second)
    if not all(word.isalpha() and word.islower() for word in pair):
        return False
    listed = any((word in GIVEN and word not in COMMON_GIVEN) or _is_surname(word) for word in pair)
    return listed and _unlisted_pair(first, second)


def _unlisted_pair(first: str, second: str) -> bool:
    """Whether two words, one outside the name tables, could still be a person's names (not log words)."""
    return (
        all(
            len(word) > 2 and word not in NOT_SURNAMES and not word.endswith(_NOT_NAME_ENDINGS)
            for word in (first, second)
        )
        and not {first.title(), second.title()} & NAME_STOPWORDS
    )


_CODE: Final = re.compile(r"[A-Z]{2,4}")
"""A cell of two to four capitals: an airport, a unit, a ticker or a state (``JFK``, ``ICU``, ``AAPL``)."""


def _code_pair(first: str, second: str) -> bool:
    """Whether two cells side by side are short codes in capitals, neither a listed given name (``ANN``)."""
    return all(_CODE.fullmatch(word) is not None and word.lower() not in GIVEN for word in (first, second))


def _recent(value: str) -> bool:
    """Whether a date is from last year or later: a log's own (``updated``), which says nothing of a person."""
    year = _YEAR.search(value)
    return year is not None and int(year[0]) >= _RECENT_YEAR


def _birth_era(values: list[str]) -> bool:
    """Whether a row holds a full date from before last year: a birth date, where a log's own dates are recent."""
    for value in values:
        if _DATE.fullmatch(value) is not None:
            year = _YEAR.search(value)
            if year is not None and int(year[0]) < _RECENT_YEAR:
                return True
    return False


_NAME_MARKS: Final = str.maketrans("", "", " '’-,")
_REGIONS: Final = (COUNTRIES | frozenset(name.lower() for name in STATE_NAMES.split("|"))) - GIVEN
"""A state's or a country's name in a cell (``Mississippi``, ``New Zealand``): a place, no person's name (those that
are given names too, ``Georgia``, ``Virginia``, ``Jordan``, left out)."""
"""Characters a name may hold besides letters, and the comma of a surname written first (deleted before ``isalpha``)."""


_PSQL_RULE: Final = re.compile(r"[ ]*-{2,}(?:[+|]-{2,})*[ ]*")
"""The rule under a header psql prints (``----+--------``)."""
_MD_RULE: Final = re.compile(r"[ ]*\|?[ ]*:?-{3,}:?[ ]*(?:\|[ ]*:?-{3,}:?[ ]*)*\|?[ ]*")
"""The rule under a Markdown table's header (``|---|:---:|``)."""


def _cells_of(line: str) -> tuple[int, int]:
    """Where ``line``'s cells start and end: inside the outer pipes of a Markdown row, else the whole line."""
    stripped = line.rstrip()
    if len(stripped) > 2 and stripped[0] == "|" and stripped[-1] == "|" and stripped.count("|") > 2:
        return 1, len(stripped) - 1
    return 0, len(line)


def _delimiter(line: str) -> tuple[str, int]:
    """The delimiter ``line`` holds most of (the first of :data:`_DELIMITERS` on a tie) and how many."""
    counts = [line.count(delimiter) for delimiter in _DELIMITERS]
    most = max(counts)
    return _DELIMITERS[counts.index(most)], most


def _named_cells(cells: list[str], line: str) -> bool:
    """Whether two name-like cells sit side by side, or one cell holds two capitalised words (lower-case
    words count when ``line`` holds a date; words of a script without case always count)."""
    previous = False
    dated: bool | None = None  # whether the line holds a date: looked for only when a lower-case cell asks
    for cell in cells:
        bare = cell.strip().strip("\"'")
        name = len(bare) < 40 and (bare.translate(_NAME_MARKS).isalpha() or _caseless(bare))
        name = name and bare.lower() not in _REGIONS  # "Caldwellport|Mississippi|75121": a town and its state
        if name and not bare[:1].isupper() and bare.isascii():
            if dated is None and bare.islower():
                dated = _DATE.search(line) is not None
            name = bool(dated) and bare.islower()
        name = name or (" " in bare and _PARTICLE_NAME.fullmatch(bare.partition(", ")[0]) is not None)
        if name and (previous or " " in bare):
            return True
        previous = name
    return False


_POSTCODE: Final = re.compile(
    r"[0-9]{4}(?:[ ]?[A-Z]{2})?|[0-9]{3}[ ][0-9]{2}|[0-9]{2}-[0-9]{3}|[A-Z]{1,2}-[0-9]{4,5}"
    r"|[A-Z]{1,2}[0-9][A-Z0-9]?[ ]?[0-9][A-Z]{2}|[A-Z][0-9][A-Z][ ]?[0-9][A-Z][0-9]"
)
"""Other countries' postcodes (``5003``, ``1012 AB``, ``H-4166``, ``LS1 4AP``, ``T8B 3N7``): read only after a town."""
_STREET_NUMBER_AFTER: Final = re.compile(r"[^\W\d_][\w.'’-]*(?:[ ][\w.'’-]+){0,4}[ ][0-9]{1,5}[A-Za-z]?")
"""A street line with its number after the name (``Bergeekra 3``, ``Via Roma 12b``): read only before a town."""


def _place(value: str) -> bool:
    """Whether a cell reads as a town's name: capitalised words in any Latin script (``Reisjärvi``, ``Łódź``)."""
    if _PLACE.fullmatch(value):
        return value.lower() not in NOT_SURNAMES
    if value.isascii() or not 0 < len(value) <= 60:
        return False
    words = value.replace("-", " ").split()
    if not 0 < len(words) < 5:
        return False
    return all(word.isalpha() and word[0].isupper() and (len(word) == 1 or word[1:].islower()) for word in words)


def _person_column(column: str) -> bool:
    """Whether a column is named by one person word (``Guarantor``, ``Insured``, ``Paciente``): it holds their name."""
    words = tokens(column)
    return len(words) == 1 and words[0] in PERSON_WORDS


def _street(value: str) -> bool:
    """Whether a cell reads as a street line, its number first or last (``12 Birch Rd``, ``Bergeekra 3``)."""
    return _STREET_NUMBER_FIRST.fullmatch(value) is not None or _street_number_after(value)


_MONTH_WORDS: Final = FOREIGN_MONTHS | {month.lower() for month in ENGLISH_MONTHS}


def _street_number_after(value: str) -> bool:
    """Whether a cell is a street line with its number last (``Bergeekra 3``): capitalised, no month before it."""
    if not value[:1].isupper() or _STREET_NUMBER_AFTER.fullmatch(value) is None:
        return False
    return value.rsplit(" ", 2)[-2].lower().rstrip(".") not in _MONTH_WORDS


def _town_or_code(value: str) -> bool:
    """Whether a cell reads as what follows a street line: a town, a ZIP code or another country's postcode
    (not four digits that read as a year: ``born March 3, 1979``)."""
    return _place(value) or _ZIP.fullmatch(value) is not None or _postcode(value)


def _postcode(value: str) -> bool:
    """Whether a cell is another country's postcode, and not four digits that read as a year (``1979``)."""
    return _POSTCODE.fullmatch(value) is not None and not (len(value) == 4 and _YEAR.match(value) is not None)


def _inverted_name(value: str, shaped: int) -> bool:
    """Whether a cell is a name written surname first (``Roe, Jane``, ``van Mare, Amina``, HL7's ``Roe^Jane``):
    name words each side of one comma, one of them in the name tables, or any two in a row with identifiers or
    dates beside."""
    family, comma, given = value.partition(", ")
    if not comma and "^" in value:
        family, comma, given = value.partition("^")  # an HL7 name kept in a column: ``Roe^Jane^Q``
        given = given.replace("^", " ").strip()
    if not comma or "," in given or not family or not given:
        return False
    family_words, given_words = family.split(), given.split()
    if not (0 < len(family_words) < 4 and 0 < len(given_words) < 3):
        return False
    for word in given_words:
        if _NAME_WORD.fullmatch(word) is None and not (len(word) == 1 and word.isupper()):
            return False  # a given name, or a middle initial after it
    last = _PARTICLE_NAME.fullmatch(family)
    surname = last[1] if last is not None else family
    for word in surname.split():
        if _NAME_WORD.fullmatch(word) is None and (word.isascii() or not word.isalpha()):
            return False
    listed = _is_surname(surname.lower()) or given_words[0].lower() in GIVEN
    return listed or shaped > 0


def _shaped(value: str) -> bool:
    """Whether ``value`` has the shape of an identifier, a phone number or a ZIP code."""
    if "@" in value and _EMAIL_CELL.fullmatch(value):
        return True  # an e-mail address (its own detector masks it) says the row is about someone
    return any(regex.fullmatch(value) for regex, kind in _VALUE_KINDS if kind != "ADDRESS")


_name_shaped: Final = functools.lru_cache(maxsize=4096)(name_shaped)
""":func:`._names.name_shaped`, each value judged once (literals and cells recur)."""


@functools.lru_cache(maxsize=4096)
def _shaped_pair(first: str, second: str) -> bool:
    """Whether two cells side by side read as a person's names, surname first or given name first, by their
    words alone (``'Awodiran', 'Osunleke'``: words no dictionary holds)."""
    return (
        " " not in first
        and " " not in second
        and (name_shaped(f"{second} {first}") or name_shaped(f"{first} {second}"))
    )


def _is_surname(word: str) -> bool:
    return word in SURNAME_RANK and word not in NOT_SURNAMES


def _split_top(text: str) -> list[str]:
    """``text`` split at the commas outside parentheses (``coalesce(a, b), dob``: two columns)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _column_name(column: str) -> str:
    """A key detail's column: ``"First Name"`` as it is quoted, ``lower(email::text)`` as ``email``."""
    column = column.strip()
    if len(column) > 1 and column[0] == column[-1] == '"':
        return column[1:-1]
    words = _EXPRESSION_PARTS.sub(" ", column).split()
    return words[-1] if words else ""


def _trimmed(text: str, item: Item) -> Item:
    """``item`` without the spaces around its value."""
    start, end = item
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _split_values(text: str, start: int, end: int) -> list[Item]:
    """The values of a Postgres key detail or failing row (joined by ``, ``; one holding a comma in double quotes),
    each without its quotes."""
    items: list[Item] = []
    position = start
    while position <= end and len(items) < _MAX_ITEMS:
        if text.startswith('"', position):
            close = text.find('"', position + 1, end)
            while close > 0 and text.startswith('""', close):
                close = text.find('"', close + 2, end)
            if close > 0 and (close + 1 == end or text.startswith(", ", close + 1)):
                items.append((position + 1, close))
                position = close + 3
                continue
        stop = text.find(", ", position, end)
        stop = end if stop < 0 else stop
        first, last = position, stop
        if last - first > 1 and text[first] == text[last - 1] and text[first] in "'\"":
            first, last = first + 1, last - 1
        items.append((first, last))
        position = stop + 2
    return items


class TabularDetector(BaseDetector):
    """Values of SQL statements and parameters, CSV/TSV rows and Python reprs, by column or by neighbours."""

    gate = TABLE | PERSON
    name = "tabular"
    kinds = ("NAME", "DOB", "DATE", "ZIP", "PHONE", "SSN", "ADDRESS", "ID")

    def __init__(self, catalogue: KeyCatalogue | None = None) -> None:
        self.catalogue = catalogue or DEFAULT_CATALOGUE

    def find(self, text: str) -> Iterator[Span]:
        for start, end, kind in self._find(text):
            found = settled(kind, text[start:end])
            if found is not None:
                yield start, end, found

    def _find(self, text: str) -> Iterator[Span]:
        seen: set[int] = set()
        yield from self._sql(text, seen)
        if "input_value=" in text:
            yield from self._keyed(text, _VALIDATION)
        if "loc" in text and "input" in text:
            yield from self._errors(text)
        if ")=(" in text:
            yield from self._key_detail(text)
        if "Duplicate entry '" in text:
            yield from self._duplicate(text)
        if "Failing row contains (" in text:
            yield from self._failing_row(text)
        if "form-data" in text and _FORM_DATA.search(text) is not None:
            yield from self._keyed(text, _PART)
        sql = ("=" in text or "~" in text or _PATTERN_OPERATOR.search(text) is not None) and (
            _SQL_WORDS.search(text) is not None
        )
        if "'" in text and ("': " in text or "='" in text or sql):
            yield from self._literals(text)
        if "'" in text and (sql or _SQL_WORDS.search(text) is not None):
            yield from self._conditions(text)  # position('Roe' in last_name) > 0: no "=" to find
        if "('" in text or "['" in text or "(b'" in text:
            yield from self._pairs(text)
        if " IN (" in text or " in (" in text:
            yield from self._in_lists(text)
        if "(" in text or "args" in text or "EXEC" in text or "exec" in text:
            yield from task_call_spans(text, self.catalogue)  # positional values of a person's task
        if ("(" in text or "[" in text) and ("'" in text or '"' in text or "datetime" in text):
            for match in _TUPLE.finditer(text):
                if match.start() in seen:
                    continue
                items, _ = _items(text, match.start())
                if len(items) == 2 and not (match.start() and _CALLED.fullmatch(text[match.start() - 1])):
                    yield from _town_pair(text, items)  # ('Bellinzona', '6500'): an address's last line
                if len(items) > 1:
                    yield from self._typed(text, items)
        if "\n" in text and ("," in text or "\t" in text or "|" in text or ";" in text):
            yield from self._csv(text)
        elif "{" not in text and ("=" not in text or _keyed_row(text)):
            yield from self._line(text, 0, len(text))

    def _line(self, text: str, start: int, end: int) -> Iterator[Span]:
        """A row without a header (``rejected row: Roe|Jane|1980-03-12``), typed from its values."""
        line = text[start:end]
        delimiter, most = _delimiter(line)
        if most < 2:
            return
        cells = line.split(delimiter)
        cells[0] = cells[0].rpartition(": ")[2]
        cells[-1] = cells[-1].partition(" (")[0]
        if not _named_cells(cells, line):
            return  # no names side by side: not a row about a person (cheap to tell)
        if delimiter == "|" and _segments(line):
            return  # HL7 and X12 segments have detectors of their own
        first = line.index(delimiter)
        label = line.rfind(": ", 0, first)
        row_start = start + (label + 2 if label >= 0 else 0)
        last = line.rindex(delimiter)
        note = line.find(" (", last)
        row_end = start + (note if note >= 0 else len(line))
        row = self._split_row(text, row_start, row_end, delimiter)
        if len(row) > 2:
            yield from self._typed(text, row)

    # -- SQL ---------------------------------------------------------------------------------
    def _sql(self, text: str, seen: set[int]) -> Iterator[Span]:
        positional: list[str | None] = []
        for insert in _INSERT.finditer(text) if "INTO" in text or "into" in text else ():
            columns = [c.strip().strip('"`[]') for c in insert[1].split(",")]
            kinds = self._table_kinds(columns, insert[0])
            position = insert.end()
            while position < len(text) and text[position] in "([":
                seen.add(position)
                items, end = _items(text, position)
                if end < 0:
                    break
                for item, kind in zip(items, kinds, strict=False):
                    value = _bare(text, item)
                    if _PLACEHOLDER.fullmatch(value.partition("::")[0]):
                        positional = kinds  # VALUES (%s, $1::VARCHAR): the parameters come later
                    elif kind is not None and item[1] > item[0] and value.upper() != "NULL":
                        yield item[0], item[1], kind
                position = end
                while position < len(text) and text[position] in ", ":
                    position += 1
        if "'" in text or "STDIN" in text or "stdin" in text:
            yield from self._named_elsewhere(text)
        has_params = any(word in text for word in ("arams", "ARAMS", "rgs", "RGS", "ind", "IND"))
        echo = "]" in text and any(tag in text for tag in _ECHO_TAGS)
        call = "'," in text or '",' in text
        if (
            not positional
            and ((not has_params and not echo) or _PARAMS.search(text) is None)
            and "parameters" not in text
            and not (call and _PLACEHOLDER.search(text))
        ):
            return
        kinds, named = self._placeholder_kinds(text, positional)
        if not any(kinds):
            return
        starts = [params.end() for params in _PARAMS.finditer(text)]
        for found in _CALL.finditer(text) if call else ():
            yield from self._call(text, found.end(), kinds, named, starts)
        for position in starts:
            seen.add(position)
            yield from self._bound(text, position, kinds, named, seen)
        for dollar in _DOLLAR_PARAM.finditer(text) if "parameters" in text else ():
            kind = named.get(dollar[1])
            if kind is not None:
                start, end = dollar.span(2)
                if text[start] in "'\"":
                    start, end = start + 1, end - 1
                yield start, end, kind

    def _named_elsewhere(self, text: str) -> Iterator[Span]:
        """Literals whose column is an alias, a row's list or an ``INSERT ... SELECT``'s (:mod:`._sql_shapes`);
        a generic name column (``AS name``) only when the value reads as a person's name."""
        shaped = list(sql_shaped(text))
        kinds = [self._column_kind(column) for _, _, column in shaped]
        personal = not _PERSON_ALIAS_KINDS.isdisjoint(kinds)
        for (start, end, column), kind in zip(shaped, kinds, strict=True):
            if kind is None and personal and column.lower() in _SHORT_NAME_ALIASES:
                kind = "NAME"  # SELECT 'Roe'::text AS ln, DATE '1950-02-03' AS dob: "ln" beside a birth date
            if kind == "NAME" and column.lower() in _GENERIC_COLUMNS:
                kind = _MAYBE_NAME
            value = text[start:end]
            if kind is not None and end > start and value.upper() != "NULL" and not _PLACEHOLDER.fullmatch(value):
                yield start, end, kind

    def _placeholder_kinds(
        self, text: str, positional: list[str | None]
    ) -> tuple[list[str | None], dict[str, str | None]]:
        """The kinds of a statement's parameters by position (``positional``: those of ``VALUES (%s, ...)``,
        then one per placeholder after a column), and by placeholder name (``%(ln)s``, ``:ln``, ``$1``)."""
        placeholders: list[tuple[str, str]] = []
        for found in _PLACEHOLDER_AFTER.finditer(text):
            column = _COLUMN_BACK.match(text[max(0, found.start() - 70) : found.start()][::-1])
            if column is not None:
                placeholders.append((column[1][::-1], found[1]))
        columns = [column.rsplit(".", 1)[-1] for column, _ in placeholders]
        kinds = positional + self._table_kinds(columns, text if _about_people(text) else "")
        if any(kinds) and firm_statement(text):  # "FROM stores WHERE city = %s": the site's town
            kinds[len(positional) :] = [
                None if town_column(column) else kind
                for column, kind in zip(columns, kinds[len(positional) :], strict=True)
            ]
        named = {
            mark.lstrip(":$").removeprefix("%(").removesuffix(")s"): kind
            for (_, mark), kind in zip(placeholders, kinds[len(positional) :], strict=True)
        }
        for number, kind in enumerate(positional, 1):
            named.setdefault(str(number), kind)
        return kinds, named

    def parameter_kinds(self, statement: str) -> tuple[list[str | None], dict[str, str | None]]:
        """The kinds of the parameters of a statement logged apart from them (``{"sql": "UPDATE patient SET
        phone=%s WHERE id=%s", "params": [...]}``), by position and by placeholder name; judge each value
        with :func:`settled`."""
        positional: list[str | None] = []
        marks: list[str] = []
        for insert in _INSERT.finditer(statement) if "INTO" in statement or "into" in statement else ():
            if _PLACEHOLDER.match(statement[insert.end() :].lstrip("([ ")):
                columns = [c.strip().strip('"`[]') for c in insert[1].split(",")]
                positional = self._table_kinds(columns, insert[0])
                if statement[insert.end() : insert.end() + 1] == "(":
                    items, _ = _items(statement, insert.end())
                    marks = [_bare(statement, item).strip() for item in items]
        kinds, named = self._placeholder_kinds(statement, positional)
        for mark, kind in zip(marks, positional, strict=False):  # VALUES (:name, %(city)s): by name too
            if mark[:1] in ":%" and _PLACEHOLDER.fullmatch(mark):
                named.setdefault(mark.lstrip(":").removeprefix("%(").removesuffix(")s"), kind)
        return kinds, named

    def parameter_spans(
        self, text: str, position: int, kinds: list[str | None], named: dict[str, str | None]
    ) -> Iterator[Span]:
        """The values of the parameters opening at ``position`` (a tuple, a list of rows, a dict) typed by a
        statement logged apart (:meth:`parameter_kinds`), each judged with :func:`settled`."""
        for start, end, kind in self._bound(text, position, kinds, named, set()):
            found = settled(kind, text[start:end])
            if found is not None:
                yield start, end, found

    def _bound(
        self, text: str, position: int, kinds: list[str | None], named: dict[str, str | None], seen: set[int]
    ) -> Iterator[Span]:
        """Parameters opening at ``position``: a tuple or list by position, a dict by placeholder name, or
        several tuples (``executemany``: ``[('Roe', ...), ('Poe', ...)]``)."""
        if text[position] == "{":
            yield from self._named(text, position + 1, named)
            return
        rows = [position]
        if text[position + 1 : position + 2] in ("(", "["):
            rows = [position + 1]
            end = position + 1
            while len(rows) < _MAX_ITEMS:
                _, end = _items(text, rows[-1])
                if end < 0:
                    break
                while end < len(text) and text[end] in ", ":
                    end += 1
                if end >= len(text) or text[end] not in "([":
                    break
                rows.append(end)
        for row in rows:
            seen.add(row)
            items, _ = _items(text, row)
            for item, kind in zip(items, kinds, strict=False):
                if kind is not None and item[1] > item[0]:
                    yield item[0], item[1], kind

    def _named(self, text: str, position: int, named: dict[str, str | None]) -> Iterator[Span]:
        """A parameter dict (``{'ln': 'Roe'}`` for ``%(ln)s`` or ``:ln``): each value by its placeholder's column."""
        for _ in range(_MAX_ITEMS):
            entry = _DICT_ENTRY.match(text, position)
            if entry is None:
                return
            value = _ITEM.match(text, entry.end())
            if value is None:
                return
            kind = named.get(entry[1][1:-1])
            start, end = value.span()
            bare = text[start:end].strip()
            if kind is not None and len(bare) > 2 and bare[0] in "'\"":
                start = text.index(bare, start)
                yield start + 1, start + len(bare) - 1, kind
            position = value.end()
            if text[position : position + 1] != ",":
                return
            position += 1

    def _call(
        self, text: str, position: int, kinds: list[str | None], named: dict[str, str | None], starts: list[int]
    ) -> Iterator[Span]:
        """``execute('... %s', (...))``, ``fetch('... $1', a, b)``: the arguments after a statement string."""
        while position < len(text) and text[position] == " ":
            position += 1
        statement = _STRING.match(text, position)
        if statement is None or _PLACEHOLDER.search(statement[0]) is None:
            return
        after = statement.end()
        wrapped = text[after : after + 1] == ")"  # the statement in a call of its own: ``execute(text('...'), {})``
        after += wrapped
        while after < len(text) and text[after] in ", ":
            after += 1
        if after >= len(text) or after in starts or (wrapped and text[after] not in "([{"):
            return
        if text[after] in "([{":
            starts.append(after)
            return
        items, _ = _items(text, text.rindex("(", 0, position))
        for item, kind in zip(items[1:], kinds, strict=False):
            if kind is not None and item[1] > item[0]:
                yield item[0], item[1], kind

    # -- database errors that name their columns ------------------------------------------------
    def _key_detail(self, text: str) -> Iterator[Span]:
        """``Key (first_name, last_name)=(Jane, Roe)``: each value by its column; values that do not split
        as the columns do (a value with ``, `` in it) are masked as one when a column is PHI."""
        for found in _KEY_DETAIL.finditer(text):
            names = [_column_name(column) for column in _split_top(found[1])]
            kinds = self._table_kinds(names, text)
            start, end = found.span(2)
            values = _split_values(text, start, end)
            if len(values) == len(kinds):
                for (first, last), kind in zip(values, kinds, strict=True):
                    if kind is not None and last > first and text[first:last] != "null":
                        yield first, last, kind
            elif end > start:
                kind = next((kind for kind in kinds if kind is not None and kind != _MAYBE_NAME), None)
                if kind is not None:
                    yield start, end, kind

    def _failing_row(self, text: str) -> Iterator[Span]:
        """``Failing row contains (17, Jane, Roe, ...)``: by the columns of an ``INSERT`` in the same text that
        names as many, else typed by its neighbours (a name beside a date of birth)."""
        inserts = [
            [column.strip().strip('"`[]') for column in insert[1].split(",")] for insert in _INSERT.finditer(text)
        ]
        for found in _FAILING_ROW.finditer(text):
            items = [_trimmed(text, item) for item in _split_values(text, found.start(1), found.end(1))]
            columns = next((columns for columns in inserts if len(columns) == len(items)), None)
            if columns is None:
                yield from self._typed(text, items)
                continue
            for item, kind in zip(items, self._table_kinds(columns, text), strict=True):
                if kind is not None and item[1] > item[0] and text[item[0] : item[1]] != "null":
                    yield item[0], item[1], kind

    def _duplicate(self, text: str) -> Iterator[Span]:
        """MySQL's ``Duplicate entry 'v' for key 'idx_name_dob'``: the value by the words of the index's name."""
        for found in _DUPLICATE.finditer(text):
            table, _, index = found[2].rpartition(".")
            words = [word for word in re.split(r"[_\W]+", index) if word and word.lower() not in _INDEX_WORDS]
            if not words:
                continue  # PRIMARY, a key named by no column
            kind = self.catalogue.kind("_".join(words))
            if kind is None:
                kinds = [k for k in self._table_kinds(words, table or text) if k is not None]
                kind = next((k for k in kinds if k != _MAYBE_NAME), kinds[0] if kinds else None)
            start, end = found.span(1)
            if kind is not None and end > start:
                yield start, end, kind

    # -- ('key', 'value') pairs (MultiDicts, items()) -----------------------------------------
    def _pairs(self, text: str) -> Iterator[Span]:
        pairs = list(_PAIR.finditer(text))
        keys = {pair[1].lower() for pair in pairs}
        both = not _NAME_PART_KEYS.isdisjoint(keys) and len(keys & _NAME_PART_KEYS) > 1  # first and last
        for pair in pairs:
            kind = self.catalogue.kind(pair[1])
            start, end = pair.span(2)
            if kind is None and both and pair[1].lower() in _NAME_PART_KEYS:
                kind = "NAME"  # MultiDict([('first', 'Kenji'), ('last', 'Okafor')])
            if kind is None and pair[1].lower() in ("name", "full_name", "names"):
                words = text[start + 1 : end - 1].split()
                if 1 < len(words) < 4 and any(w.lower() in GIVEN for w in words):
                    kind = "NAME"
            if kind is not None and end - start > 2 and plausible(kind, text[start + 1 : end - 1]):
                yield start + 1, end - 1, kind  # not address='db.internal:5432'

    # -- CSV ---------------------------------------------------------------------------------
    def _csv(self, text: str) -> Iterator[Span]:
        kinds: list[str | None] = []
        hold: AccountHold | None = None  # a table whose accounts count once a name reads as a person's
        delimiter = ","
        plain = 0  # the delimiters of a header naming no PHI column ("date,service,region,requests"): its rows' own
        plain_delimiter = ""
        position = 0
        for _ in range(_MAX_LINES):
            end = text.find("\n", position)
            if end < 0:
                end = len(text)
            line = text[position:end].rstrip("\r")
            most = 0
            start, stop = _cells_of(line)  # a Markdown row: "| Jane Roe | 219-09-9999 |"
            if (kinds or plain) and (_MD_RULE.fullmatch(line) or _PSQL_RULE.fullmatch(line)):
                pass  # "|---|:---:|" under a Markdown header, "----+------" under psql's
            elif not kinds:
                delimiter, most = _delimiter(line[start:stop])
                if most:  # a header has two fields at least
                    fields = line[start:stop].split(delimiter)
                    fields[0] = fields[0].rpartition(": ")[2]  # "payload received: member_id,patient,..."
                    names = [f.strip().lstrip("\ufeff").strip("\"'") for f in fields]  # a file's byte-order mark
                    if all(_HEADER_FIELD.fullmatch(name) for name in names):
                        kinds = self._table_kinds(names, "", held=True)
                        hold = AccountHold() if MAYBE_ACCOUNT in kinds else None
                        if not any(kinds):
                            kinds = []
                            plain, plain_delimiter, most = most, delimiter, 0
                        else:
                            plain = 0
                    elif plain and most >= plain and delimiter == plain_delimiter:
                        most = 0  # a row of that table (wider ones too): its cells are what the header names
                    else:
                        plain = 0
                else:
                    plain = 0  # a blank line or a line of text ends the table
            else:
                row = self._split_row(text, position + start, position + stop, delimiter)
                if len(row) == len(kinds):
                    spans = [
                        (item[0], item[1], kind)
                        for item, kind in zip(row, kinds, strict=True)
                        if kind is not None and item[1] > item[0] and plausible(kind, text[item[0] : item[1]].strip())
                    ]  # not a socket under "address", "5d" under "age"
                    if hold is not None:
                        spans = _held(text, spans, hold)
                    yield from spans
                elif line.strip():
                    kinds = []
                    continue  # the line may be a new header
            if not kinds and most > 1:  # a row without a header needs two delimiters (see _line)
                yield from self._line(text, position, position + len(line))
            if end >= len(text):
                return
            position = end + 1

    def _column_kind(self, column: str) -> str | None:
        """The kind of a column of a table (or CSV) about people: ``family``, ``given``, ``first`` count."""
        kind = self.catalogue.kind(column)
        if kind is None and column.lower() in _NAME_COLUMNS:
            return "NAME"
        return kind

    def _table_kinds(self, columns: list[str], table: str, held: bool = False) -> list[str | None]:
        """The kinds of a table's columns; a generic name column (``name``, ``first``) is only maybe a person's
        when no other column is PHI and the table's name does not say it is about people (then, when ``held``,
        an account column is maybe a person's too: :mod:`._account_rows`); ``id`` is a patient's in a table of
        patients (``UPDATE patient SET ... WHERE id = %s``)."""
        kinds = [self._column_kind(column) for column in columns]
        if "id" in columns and table and _patient_table(table):
            kinds = ["PATIENT" if column == "id" else kind for column, kind in zip(columns, kinds, strict=True)]
        people = [kind is None and _person_column(column) for column, kind in zip(columns, kinds, strict=True)]
        kinds = ["NAME" if person else kind for kind, person in zip(kinds, people, strict=True)]
        generic = [
            kind == "NAME" and (person or column.lower() in _GENERIC_COLUMNS)
            for column, kind, person in zip(columns, kinds, people, strict=True)
        ]
        others = any(
            kind is not None and kind != "AGE" and not weak for kind, weak in zip(kinds, generic, strict=True)
        )  # a pod's AGE (``9d``) says nothing of people
        if any(generic) and not others and not _about_people(table):
            return [
                _MAYBE_NAME if weak else _maybe_account(column) if held and kind is None else kind
                for column, kind, weak in zip(columns, kinds, generic, strict=True)
            ]
        if others or any(generic):
            kinds = [
                _PEOPLES_COLUMNS.get(_squeezed(column), kind) if kind is None else kind
                for column, kind in zip(columns, kinds, strict=True)
            ]
        return kinds

    def _field_kind(self, path: list[str]) -> str | None:
        """The kind of the field a validation path ends in; a list's items are its singular (``dobs.0``)."""
        name = _last_field(path)
        kind = self._column_kind(name) if name else None
        if kind is None and len(name) > 2 and name.endswith("s") and path[-1].isdigit():
            kind = self._column_kind(name[:-1])
        return kind

    def _keyed(self, text: str, regex: re.Pattern[str]) -> Iterator[Span]:
        """Values named by a key that is not right before them (``regex``: key and value groups)."""
        for found in regex.finditer(text):
            kind = self._field_kind(found[1].split("."))
            start, end = found.span(2)
            if text[start] in "'\"":
                start, end = start + 1, end - 1
            if kind is not None and end > start:
                yield start, end, kind

    def _errors(self, text: str) -> Iterator[Span]:
        """pydantic errors as text (``e.json()``, ``e.errors()``): each ``input`` judged by its ``loc`` path."""
        for found in _ERROR_ITEM.finditer(text):
            parts = [single or double for single, double in _LOC_PART.findall(found[2])]
            kind = self._field_kind(parts)
            start, end = found.span(5)
            if text[start] in "'\"":
                start, end = start + 1, end - 1
            if kind is not None and end > start:
                yield start, end, kind

    def _literals(self, text: str) -> Iterator[Span]:
        """``WHERE given = 'Jane'`` and ``{'first': 'Jane'}``: literals after columns and keys of people."""
        for found in _LITERAL.finditer(text):
            column = _COLUMN_BACK.match(text[max(0, found.start() - 70) : found.start()][::-1])
            if column is None:
                continue
            qualifier, _, name = column[1][::-1].rpartition(".")
            if qualifier.strip("\"'`[]").lower() in INFRA_WORDS:
                continue  # OpenTelemetry's "server.address", "net.peer.name": a machine's
            kind = self.catalogue.kind(name)
            start, end = found.span(1)
            if kind is None and name.lower() in _NAME_COLUMNS and text[start + 1 : start + 2].isupper():
                generic = name.lower() in _GENERIC_COLUMNS and not _about_people(text)
                kind = _MAYBE_NAME if generic else "NAME"
            if kind is None and 4 < end - start <= 66:
                kind = self._loose(name, text[start + 1 : end - 1])
            if kind is None:
                continue
            start, end = start + 1, end - 1
            while start < end and text[start] in _PATTERN_MARKS:  # a LIKE or regular expression's pattern
                start += 1
            while end > start and text[end - 1] in _PATTERN_MARKS:
                end -= 1
            if end > start and plausible(kind, text[start:end]):
                yield start, end, kind  # not address='db.internal:5432'

    def _conditions(self, text: str) -> Iterator[Span]:
        """``last_name <> 'Roe'``, ``SOUNDS LIKE 'Roe'``, ``= ANY(ARRAY['Roe'])``: a condition's literals on a
        person's column, whatever compares them (:mod:`._sql_predicates`)."""
        people = _about_people(text)

        def kind_of(column: str) -> str | None:
            kind = self.catalogue.kind(column)
            if kind is None and column.lower() in _NAME_COLUMNS and (people or column.lower() not in _GENERIC_COLUMNS):
                kind = "NAME"
            return kind

        for start, end, kind in predicate_literals(text, kind_of):
            if plausible(kind, text[start:end]):
                yield start, end, kind

    def _loose(self, key: str, value: str) -> str | None:
        """What a literal under a key the catalogue does not know is by its value: a person's name (``label=
        'graham davis'``; not under a thing's key, ``service``), or a bare phone number under a phone word
        (``number='4046666334'``)."""
        info = self.catalogue.info(key)
        if (" " in value or "," in value) and not info.thing and _name_shaped(value):
            return "NAME"
        if info.phone_word > 0 and value.isdigit() and bare_number_kind(value) == "PHONE":
            return "PHONE"
        return None

    def _in_lists(self, text: str) -> Iterator[Span]:
        """``member_id IN ('XK4471920', 'XK4471921')``: each quoted value of a PHI column's list."""
        for found in _IN_LIST.finditer(text):
            kind = self.catalogue.kind(found[1].rsplit(".", 1)[-1])
            if kind is not None:
                for item in _QUOTED_ITEM.finditer(text, found.start(2), found.end(2)):
                    yield item.start(1), item.end(1), kind

    @staticmethod
    def _split_row(text: str, start: int, end: int, delimiter: str) -> list[Item]:
        items: list[Item] = []
        position = start
        while position <= end and len(items) < _MAX_ITEMS:
            quote = text[position] if position < end else ""
            if quote in ('"', "'"):  # a quoted cell (CSV quotes "", a repr's quotes ')
                close = text.find(quote, position + 1, end)
                while close > 0 and text[close + 1 : close + 2] == quote:
                    close = text.find(quote, close + 2, end)
                if close < 0:
                    close = end
                items.append((position + 1, close))
                position = text.find(delimiter, close, end)
                position = end + 1 if position < 0 else position + 1
                continue
            stop = text.find(delimiter, position, end)
            stop = end if stop < 0 else stop
            items.append((position, stop))
            position = stop + 1
        return items

    # -- typing by neighbours ----------------------------------------------------------------
    def _typed(self, text: str, items: list[Item]) -> Iterator[Span]:
        values = [_bare(text, item).strip() for item in items]
        shaped = sum(1 for value in values if (_DATE.fullmatch(value) and not _recent(value)) or _shaped(value))
        dated = shaped > 0 and _birth_era(values)
        names: set[int] = set()
        for index in range(len(values) - 1):
            first, second = _name_word(values[index]), _name_word(values[index + 1])
            if first is not None and second is not None and _code_pair(values[index], values[index + 1]):
                continue  # ('JFK', 'SFO', '2024-05-01'): two airports, units or tickers, not a name
            if first is None or second is None:
                if dated and shaped > 1 and _lower_pair(values[index], values[index + 1]):
                    names.update((index, index + 1))  # ``roe,jane,1980-03-12,MR0041``
                continue
            census = (first in SURNAME_RANK and second in GIVEN and second not in COMMON_GIVEN) or (
                first in GIVEN and first not in COMMON_GIVEN and second in SURNAME_RANK
            )
            census = census or (_is_surname(first) and second in GIVEN) or (first in GIVEN and _is_surname(second))
            plain = first not in NOT_SURNAMES and second not in NOT_SURNAMES
            listed = _is_surname(first) or _is_surname(second)
            unlisted = dated and listed and _unlisted_pair(first, second)  # a given name the tables lack
            if (
                census
                or (shaped and (first in GIVEN or second in GIVEN))
                or (shaped > 1 and plain)
                or unlisted
                or (shaped > 0 and _shaped_pair(values[index], values[index + 1]))  # words no dictionary holds
            ):
                names.update((index, index + 1))
        for index, value in enumerate(values):
            if _inverted_name(value, shaped):
                names.add(index)
                continue
            words = value.split()
            if 1 < len(words) < 4 and all(_NAME_WORD.fullmatch(w) for w in words):
                census = words[0].lower() in GIVEN and _is_surname(words[-1].lower())
                if census or (shaped > 1 and not any(w.lower() in NOT_SURNAMES for w in words)):
                    names.add(index)
        if not names:
            return
        upper = not any(value != value.upper() for value in values)  # a row in capitals: its towns are too
        places = [_place(value) and (upper or not value.isupper()) for value in values]  # not ACTIVE, HMO
        for index, item in enumerate(items):
            value = values[index]
            if index in names:
                yield item[0], item[1], "NAME"
            elif value and _DATE.fullmatch(value):
                yield item[0], item[1], "DOB"
            elif places[index]:
                yield item[0], item[1], "ADDRESS"  # a city, in a row about a person
            elif index and (places[index - 1] or _street(values[index - 1])) and _postcode(value):
                yield item[0], item[1], "ZIP"  # a postcode after the town or street (``Bergen,5003``, ``LS1 4AP``)
            elif _street_number_after(value) and index + 1 < len(values) and _town_or_code(values[index + 1]):
                yield item[0], item[1], "ADDRESS"  # a street before the town, its number after its name
            else:
                for regex, kind in _VALUE_KINDS:
                    if regex.fullmatch(value):
                        yield item[0], item[1], kind
                        break
