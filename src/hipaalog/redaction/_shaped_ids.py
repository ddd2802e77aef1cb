"""Tokens shaped like an identifier, in a text already known to be about a person (Safe Harbor's (R)).

A record that names someone by a strong sign (a birth date, an SSN, a record, member or phone number, an e-mail or
street address, a full name, or hipaalog's mask of one) holds their numbers wherever the writer put them, cue word
or not: ``pt Jane Roe presented D1234567``, ``Roe, Jane | 7ABC123 | parking B2``. Their shapes are those of
:func:`._id_shapes.id_shape`, as a row's values' are (``W123456789``, ``7ABC123``, ``ABC-1234``, ``SN-88213-XK``,
``127-422-284``; seven digits or more). A token of that shape stays when it is something else: an amount, a
size, duration or count (a unit or a counted noun after it), a value of a software word (``line``, ``port``,
``trace``, ``request``, ``job``, ``build``, ``commit``, ``offset``...), a piece of a path, a host, a file name, a
hash or a UUID (glued to ``/``, ``.``, ``_``, ``-`` or letters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import Span
from ._id_shapes import id_shape, spaced_letters

__all__ = ["counted_number", "shaped_ids", "software_word"]

_TOKEN: Final = re.compile(
    r"(?=[0-9A-Z])(?<![\w./@&%$€£¥+_|*^~\x1c-\x1e-])(?<!<[FGR]S>)"
    r"(?:[A-Z]{2,3}[ ][0-9]{3,4}|[A-Z]{2}[0-9]{2}[ ][A-Z]{3}|[A-Z]{1,3}-[A-Z]{1,2}[ ][0-9]{1,4}"
    r"|(?=[A-Za-z-]{0,22}[0-9])[A-Za-z0-9](?:[A-Za-z0-9]|-(?![-\s])){3,23})"
    r"(?![\w@/|*^~-]|[.,:][0-9A-Za-z])"
)
"""A token that may be an id, whole (nothing glued before, nothing but an end of phrase after; a field of an HL7
or X12 message, between ``|``, ``^``, ``*`` or ``~``, or of an NCPDP one, after its separator, is for the
readers of those formats to judge); its shape is judged by :func:`._id_shapes.id_shape`."""
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
        *("hcpcs", "icd", "drg", "catalog", "catalogue", "product", "order", "invoice", "shipment", "tracking"),
    )
)
"""Words whose number is the software's (a line, a port, a trace or a job, a size or a count) or a thing's code (a
drug's NDC, a product's SKU or lot, an order, an invoice or a shipment), never a person's."""
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
_ID_SUFFIX: Final = re.compile(r"_?(?:id|no)$")
"""A suffix of a field's name after the software's word (``request_id``, ``job_no``)."""
_MEASURE: Final = ("count", "size", "total", "len", "length", "bytes", "_ms", "_ns", "_us", "seconds", "secs")
"""A field's name that says its value is a count, a size or a duration (``contact_count``, ``duration_ms``)."""


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
        token = match[0]
        kind = id_shape(token)
        if kind is None:
            continue
        start, end = match.span()
        if kind == "VEHICLE" and not token[:1].isdigit() and software_word(spaced_letters(token)):
            continue  # "job-1234", "port 8080": the software's
        if not counted_number(text, start, end):
            yield start, end, kind
