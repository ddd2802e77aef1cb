"""Tokens shaped like an identifier, in a text already known to be about a person (Safe Harbor's (R)).

A record that names someone by a strong sign (a birth date, an SSN, a record, member or phone number, an e-mail or
street address, a full name, or hipaalog's mask of one) holds their numbers wherever the writer put them, cue word
or not: ``pt Jane Roe presented D1234567``, ``Roe, Jane | 7ABC123 | parking B2``. These shapes count: capitals
(one to four) glued to five digits or more (``W123456789``, ``XGH882211903``); digits, capitals, digits as a plate
(``7ABC123``, three digits at least), or a plate written with a space or dashes (``ABC-1234``, ``AB12 CDE``,
``AB-123-CD``, ``B-AB 1234``); and seven digits or more, plain or in dashed groups (``127-422-284``). A
number of that size stays when it is something else: a date, an epoch time of this decade, an amount, a size,
duration or count (a unit or a counted noun after it), a value of a software word (``line``, ``port``, ``trace``,
``request``, ``job``, ``build``, ``commit``, ``offset``...), a piece of a path, a host, a file name, a hash or a
UUID (glued to ``/``, ``.``, ``_``, ``-`` or letters), or a standard's number (``ISO13485``, ``KB5034441``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import Span

__all__ = ["counted_number", "shaped_ids", "software_word"]

_TOKEN: Final = re.compile(
    r"(?=[0-9A-Z])(?<![\w./@&%$€£¥+_|*^~-])"
    r"(?:(?P<lead>[A-Z]{1,4})(?P<tail>[0-9]{5,16})[A-Z]{0,2}"
    r"|(?P<plate>[0-9]{1,3}[A-Z]{2,4}[0-9]{1,4})"
    r"|(?P<spaced>[A-Z]{2,3}[ -][0-9]{3,4}|[A-Z]{2}[0-9]{2}[ ]?[A-Z]{3}|[A-Z]{2}-[0-9]{3}-[A-Z]{2}"
    r"|[0-9]-[A-Z]{3}-[0-9]{3}|[A-Z]{1,3}-[A-Z]{1,2}[ ][0-9]{1,4})"
    r"|(?P<groups>[0-9]{2,6}(?:-[0-9]{2,6}){1,4})"
    r"|(?P<plain>[0-9]{7,19}))"
    r"(?![\w@/|*^~-]|[.,:][0-9A-Za-z])"
)
"""The shapes an id takes, whole tokens only (nothing glued before, nothing but an end of phrase after; a field of
an HL7 or X12 message, between ``|``, ``^``, ``*`` or ``~``, is for the readers of those formats to judge)."""
_STANDARDS: Final = frozenset(("ISO", "IEC", "RFC", "CVE", "KB", "ERR", "HTTP", "UTF", "SHA", "EN", "DIN", "NIST"))
"""Letters before a number that name a standard, a patch or an error, never a person."""
_SOFTWARE: Final = frozenset(
    (
        *("line", "lines", "lineno", "port", "status", "code", "version", "ver", "v", "rev", "revision", "release"),
        *("trace", "traceid", "span", "spanid", "request", "req", "requestid", "correlation", "correlationid"),
        *("job", "jobid", "task", "taskid", "build", "commit", "sha", "hash", "checksum", "crc", "etag", "pid"),
        *("tid", "thread", "offset", "partition", "shard", "seq", "sequence", "epoch", "ts", "timestamp", "time"),
        *("size", "len", "length", "count", "total", "bytes", "took", "elapsed", "duration", "latency", "timeout"),
        *("limit", "max", "min", "retry", "attempt", "attempts", "run", "runid", "pipeline", "workflow", "step"),
        *("batch", "chunk", "page", "rows", "memory", "heap", "rss", "uptime", "ttl", "nonce", "serial", "build_id"),
        *("cursor", "lsn", "xid", "txid", "generation", "gen", "iteration", "frame", "block", "height", "session"),
        *("sessionid", "messageid", "msgid", "eventid", "deployment", "image", "digest", "tag"),
        *("process", "inode", "errno", "err", "sqlstate", "error", "exit", "signal", "cpu", "ns", "us", "ms"),
        *("position", "pos", "rank", "index", "idx", "after", "every", "within", "token", "tokens", "po"),
        *("ndc", "sku", "lot", "upc", "gtin", "ean", "part", "model", "rxnorm", "rxcui", "snomed", "loinc", "cpt"),
        *("hcpcs", "icd", "drg", "catalog", "catalogue", "product"),
    )
)
"""Words whose number is the software's (a line, a port, a trace or a job, a size or a count) or a thing's code (a
drug's NDC, a product's SKU or lot, a purchase order), never a person's."""
_UNITS: Final = frozenset(
    (
        *("ms", "s", "sec", "secs", "seconds", "second", "us", "µs", "ns", "min", "mins", "minutes", "h", "hours"),
        *("b", "bytes", "byte", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "tib", "bps", "kbps", "mbps", "hz"),
        *("rows", "row", "records", "items", "item", "entries", "events", "messages", "requests", "lines", "files"),
        *("objects", "keys", "users", "calls", "hits", "tokens", "chars", "characters", "times", "ops", "iterations"),
        *("documents", "docs", "points", "samples", "queries", "writes", "reads", "pages", "blocks", "tuples"),
        *("usd", "eur", "gbp", "dollars", "cents", "px", "pixels", "cycles", "instructions", "x", "qps", "rps"),
    )
)
"""Words after a number that make it a size, a duration, a count or an amount."""
_WORD_BEFORE: Final = re.compile(
    r"([A-Za-z][A-Za-z_]*)[\"'\\]{0,4}[ ]?(?:[:=#]|[ ](?:is|was|of|no\.?|number))?[ ]?[\"'\\(]{0,4}$"
)
"""The word before a number: ``took``, ``request_id=``, ``"request_id": "`` (quotes escaped once or twice too)."""
_WORD_AFTER: Final = re.compile(r"[ ]?([A-Za-zµ]+)")
_OF_NUMBER: Final = re.compile(r"[ ](?:of|/|out[ ]of)[ ][0-9]")
_NUMBER_OF: Final = re.compile(r"[0-9][ ](?:of|/|out[ ]of)[ ]$")
_CURRENCY_BEFORE: Final = frozenset("$€£¥")
_EPOCH_SECONDS: Final = (1_577_836_800, 1_893_456_000)
"""Seconds since 1970 of this decade (2020 to 2030): a timestamp, not an id."""
_ID_SUFFIX: Final = re.compile(r"_?(?:id|no)$")
"""A suffix of a field's name after the software's word (``request_id``, ``job_no``)."""
_MEASURE: Final = ("count", "size", "total", "len", "length", "bytes", "_ms", "_ns", "_us", "seconds", "secs")
"""A field's name that says its value is a count, a size or a duration (``contact_count``, ``duration_ms``)."""


def _epoch(digits: str) -> bool:
    """Whether ``digits`` is an epoch time of this decade in seconds, milliseconds, microseconds or nanoseconds."""
    low, high = _EPOCH_SECONDS
    for scale in (1, 1000, 1_000_000, 1_000_000_000):
        if low * scale <= int(digits) < high * scale and len(digits) == len(str(low * scale)):
            return True
    return False


def _date(digits: str) -> bool:
    """Whether eight digits are a date (``20240611``, ``06112024``), or twelve or fourteen a date and a time
    (``20260715050200``)."""
    if len(digits) in (12, 14):
        hour, minute = int(digits[8:10]), int(digits[10:12])
        return hour < 24 and minute < 60 and _date(digits[:8])
    if len(digits) != 8:
        return False
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    if 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31:
        return True
    month, day, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def _dashed_date(groups: list[str]) -> bool:
    """Whether dashed groups are a date (``2024-06-11``, ``06-11-2024``)."""
    return len(groups) == 3 and _date("".join(groups)) if len("".join(groups)) == 8 else False


def software_word(word: str) -> bool:
    """Whether ``word`` (a word before a number, or a field's name) names the software's own number."""
    word = word.lower()
    return word in _SOFTWARE or _ID_SUFFIX.sub("", word) in _SOFTWARE or word.endswith(_MEASURE)


def counted_number(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` make it a count, a size, an amount or the software's own."""
    if start and text[start - 1] in _CURRENCY_BEFORE:
        return True
    after = _WORD_AFTER.match(text, end, end + 16)
    if after is not None and after[1].lower() in _UNITS:
        return True
    if _OF_NUMBER.match(text, end) is not None or _NUMBER_OF.search(text, max(0, start - 24), start) is not None:
        return True  # "1234567 of 2345678 done": progress
    before = _WORD_BEFORE.search(text, max(0, start - 32), start)
    return before is not None and software_word(before[1])


def shaped_ids(text: str) -> Iterator[Span]:
    """Spans of id-shaped tokens in ``text``, a text about a person (see the module's docstring)."""
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        lead = match["lead"]
        if lead is not None:
            if lead in _STANDARDS or counted_number(text, start, end):
                continue
            yield start, end, "ID"
            continue
        plate = match["plate"]
        if plate is not None:
            if sum(ch.isdigit() for ch in plate) >= 3 and not counted_number(text, start, end):
                yield start, end, "VEHICLE"
            continue
        spaced = match["spaced"]
        if spaced is not None:
            letters = spaced[: next((at for at, ch in enumerate(spaced) if not ch.isalpha()), 0)]
            if letters not in _STANDARDS and not software_word(letters) and not counted_number(text, start, end):
                yield start, end, "VEHICLE"  # a plate written with a space or dashes: ABC-1234, AB12 CDE, B-AB 1234
            continue
        groups = match["groups"]
        if groups is not None:
            parts = groups.split("-")
            if sum(map(len, parts)) < 7 or _dashed_date(parts) or counted_number(text, start, end):
                continue
            yield start, end, "ID"
            continue
        digits = match["plain"]
        if _date(digits) or _epoch(digits) or counted_number(text, start, end):
            continue
        yield start, end, "ID"
