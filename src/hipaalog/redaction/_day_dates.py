"""Dates with a day but no year, in a text already known to be about a person (Safe Harbor's (C)).

Safe Harbor takes every element of a date but its year. A record that names someone by a strong sign holds their
dates wherever the writer put them, and a writer often leaves the year out: ``Jane Roe rescheduled to 4/24``,
``moved to March 19th``, ``has Tue Mar 7``, ``since 24 Apr``. Three shapes count: a month and a day as numbers
(``4/24``, ``04/24``), a month's name (capitalised or in capitals) then a day (``Mar 7``, ``March 19th``), and a
day then a month's name (``24 April``, ``3rd of May``). A pair of numbers stays when it is something else: a
count out of a total (``2/5 retries``, ``page 3/7``), a score (``pain 7/10``), a part of a dose (``1/2 tab``), a
piece of a path, a fraction of a number or a ratio of three (``1/2/3``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import Span
from ._shaped_ids import counted_number

__all__ = ["day_dates", "software_date_key"]

_NAMES: Final = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTH: Final = rf"(?:{_NAMES}|{_NAMES.upper()})"
_DAY: Final = r"(?:3[01]|[12][0-9]|0?[1-9])"
_DATE: Final = re.compile(
    r"(?=[0-9A-S])(?<![\w/.:,+-])(?:"
    rf"(?P<numbers>(?:1[0-2]|0?[1-9])/{_DAY})(?![\w/%]|[.,:][0-9])"
    rf"|(?:{_MONTH})\.?[ ]{_DAY}(?:st|nd|rd|th)?(?![\w%/-]|[.:,][0-9])"
    rf"|{_DAY}(?:st|nd|rd|th)?[ ](?:of[ ])?(?:{_MONTH})(?![\w-])"
    r")"
)
"""A day and a month without a year, whole (nothing glued before or after)."""
_SCORES: Final = frozenset(
    (
        *("pain", "score", "scale", "rated", "rating", "grade", "level", "strength", "power", "gcs", "apgar", "nrs"),
        *("vas", "stars", "tab", "tabs", "tablet", "tablets", "dose", "doses", "pill", "pills", "cap", "caps"),
        *("vision", "acuity", "va", "odds", "ratio", "split", "mix", "share", "slots", "beds", "seats", "done"),
        *("progress", "room", "rm", "bed", "bay", "ward", "floor", "unit", "shift", "quota", "fraction"),
    )
)
"""Words beside two numbers that make them a score, a part of a dose or a ratio, not a month and a day."""
_SOFTWARE_DATES: Final = re.compile(
    "build|deploy|release|version|commit|compil|migrat|backup|snapshot|cron|cert|tls|ssl|token|cache|firmware"
    "|sdk|package|artifact|schema|rotat|header|sql|statement"
)
"""Stems of field names whose date is the software's (``build_date``, ``deploy_at``, ``cert_expiry``), not a
person's, even in a record about one."""
_WORD_BEFORE: Final = re.compile(r"([A-Za-z]+)[ ]?[:=]?[ ]?$")
_WORD_AFTER: Final = re.compile(r"[ ]?([A-Za-z]+)")


def _score(text: str, start: int, end: int) -> bool:
    """Whether the words around two numbers make them a score, a dose or a count out of a total."""
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    after = _WORD_AFTER.match(text, end, end + 12)
    return (
        (before is not None and before[1].lower() in _SCORES)
        or (after is not None and after[1].lower() in _SCORES)
        or counted_number(text, start, end)
    )


def day_dates(text: str) -> Iterator[Span]:
    """Spans of dates with a day and a month but no year in ``text``, a text about a person."""
    for match in _DATE.finditer(text):
        start, end = match.span()
        if match["numbers"] is not None and _score(text, start, end):
            continue
        yield start, end, "DATE"


def software_date_key(compact_key: str) -> bool:
    """Whether a field's name (its words run together) says its date is the software's (``builddate``,
    ``headers``), or its pair of numbers a score or a count (``progress``, ``room``)."""
    return compact_key in _SCORES or _SOFTWARE_DATES.search(compact_key) is not None
