"""Towns, ZIP codes and ages over 89 in a text of a record already known to be about a person (Safe Harbor's (B)
and (C)).

A record that names someone by a strong sign in one part (the message, an extra field, a nested one, an argument)
holds their town, ZIP code or age wherever the writer put them: ``pharmacy pickup in Gadstrup`` beside
``{"patient_id": ...}``, ``{"where": "Lake Jessicaberg"}`` or ``{"location": "Springfield, IL"}`` beside
``{"patient": {...}}``, ``mail to 60614-1234``, ``(91F)``. These count: a town the place reader finds after a word
of place (``in``, ``from``, ``moved to``); the whole value of a field named for a place (``where``, ``location``,
``city``) when it reads as a town, with its state code and code after it; a ZIP+4 anywhere; five digits after a
state code set off by a comma (``Springfield, IL 62704``); a postal code right after a town found; an age and a sex
together (``(91F)``, ``93M``, ``94yoF``). Ages in words (``age 94``, ``93 yo``, ``94-year-old``) are the age reader's,
which runs on every text. A count, a port, a size or a software's number stays: only these shapes are read.
"""

from __future__ import annotations

import re
from typing import Final

from ._detector import Span
from ._gazetteer import STRONG, WEAK, fold, town_evidence
from ._lexicon import ENGLISH
from ._places import towns_beside_person
from ._shaped_ids import counted_number
from ._vocab import STATE_CODES

__all__ = ["PLACE_KEYS", "record_places"]

PLACE_KEYS: Final = frozenset(
    (
        *("where", "location", "loc", "place", "city", "town", "locality", "village", "municipality", "residence"),
        *("hometown", "origin", "birthplace", "placeofbirth", "lives", "livesin", "from", "pickup", "pickuplocation"),
        *("homecity", "currentlocation", "lastlocation", "lastseen", "seenat", "whereabouts"),
    )
)
"""Field names (words run together) whose value, in a record about a person, is where that person is or was."""
_WHOLE_TOWN: Final = re.compile(
    r"(?P<town>[^\W\d_][\w'.-]*(?:[ ][^\W\d_][\w'.-]*){0,3})"
    r"(?:,?[ ](?P<state>[A-Z]{2}))?(?:,?[ ](?P<code>[0-9]{4,5}(?:-[0-9]{4})?))?"
)
"""A field's whole value as a town, its state's code and its code (``Lake Jessicaberg``, ``Keila 46940``)."""
_ZIP4: Final = re.compile(r"[0-9](?<![\w./:@#-][0-9])[0-9]{4}-[0-9]{4}(?![\w-]|[.,:][0-9])")
"""A ZIP+4 (``60614-1234``), whole."""
_STATE_ZIP: Final = re.compile(r"(?<=[^\W\d_]),[ ]?(?P<state>[A-Z]{2})[ ]{1,2}(?P<code>[0-9]{5})(?![\w-]|[.,:][0-9])")
"""Five digits after a state's code set off by a comma (``Springfield, IL 62704``)."""
_CODE_AFTER: Final = re.compile(r"(?:,?[ ]|[ ]?\(|-)(?P<code>[0-9]{4,5})(?![\w-]|[.,:][0-9])")
"""A postal code right after a town (``Keila 46940``, ``in Keila (31605)``, ``Faridabad-518952`` is six: no)."""
_STATE_AFTER: Final = re.compile(r",?[ ](?P<state>[A-Z]{2})(?!\w)")
"""A state's code right after a town (``Springfield, IL``)."""
_AGE_SEX: Final = re.compile(r"(?:^|(?<=\()|(?<=[,;][ ]))(?P<age>9[0-9]|1[0-3][0-9])(?:[ ]?y/?o[ ]?)?[FM](?=[),;]|$)")
"""An age over 89 glued to a sex, set off by brackets or commas (``(91F)``, ``Roe, 93M, fall``, ``(94yoF)``; not
``97M messages``)."""
_TEMPERATURE: Final = re.compile(r"(?i:temp|temperature|fever|t|tmax|oral|axillary|rectal)[ ]?[:=]?[ ]?\(?$")
"""Words before ``97F`` that make it a temperature in Fahrenheit, not an age and a sex."""


def _year(code: str) -> bool:
    """Whether four digits are a year of this or the last century (``Dallas 2019``), not a postal code."""
    return len(code) == 4 and code[:2] in ("19", "20")


def _whole_town(text: str) -> list[Span]:
    """The town (and its code) that is a field's whole value, or nothing."""
    match = _WHOLE_TOWN.fullmatch(text.strip())
    if match is None:
        return []
    words = match["town"].split()
    for word in words:
        if not word[:1].isupper():
            return []  # "ward 3B", "s3 bucket": no town's name
    state = match["state"]
    if state is not None and state not in STATE_CODES:
        return []
    evidence = town_evidence([word.rstrip(".") for word in words])
    if not (evidence == STRONG or ((evidence == WEAK or state is not None) and fold(match["town"]) not in ENGLISH)):
        return []  # a word of the language ("Home", "Main") is no town; with a state's code after it, any name is
    offset = len(text) - len(text.lstrip())
    spans: list[Span] = [(offset + match.start("town"), offset + match.end("town"), "ADDRESS")]
    code = match["code"]
    if code is not None and not _year(code):
        spans.append((offset + match.start("code"), offset + match.end("code"), "ZIP"))
    return spans


def _codes_after(text: str, towns: list[Span]) -> list[Span]:
    """The postal codes right after the towns found (a state's code between them too)."""
    codes: list[Span] = []
    for _start, end, _kind in towns:
        state = _STATE_AFTER.match(text, end)
        after = state.end() if state is not None and state["state"] in STATE_CODES else end
        code = _CODE_AFTER.match(text, after)
        if code is not None and not _year(code["code"]) and not counted_number(text, code.start(1), code.end(1)):
            codes.append((code.start(1), code.end(1), "ZIP"))
    return codes


def _zips(text: str) -> list[Span]:
    """ZIP+4 codes anywhere, and five digits after a state's code set off by a comma."""
    found: list[Span] = []
    if "-" in text:
        found.extend(
            (m.start(), m.end(), "ZIP") for m in _ZIP4.finditer(text) if not counted_number(text, m.start(), m.end())
        )
    if "," in text:
        found.extend(
            (m.start("code"), m.end("code"), "ZIP") for m in _STATE_ZIP.finditer(text) if m["state"] in STATE_CODES
        )
    return found


def _ages(text: str) -> list[Span]:
    """Ages over 89 glued to a sex (``(91F)``), not a temperature (``temp 97F``)."""
    found: list[Span] = []
    for match in _AGE_SEX.finditer(text):
        if _TEMPERATURE.search(text, max(0, match.start() - 16), match.start()) is None:
            found.append((match.start("age"), match.end("age"), "AGE"))
    return found


def _apart(spans: list[Span]) -> list[Span]:
    """``spans`` sorted, each overlapping an earlier one dropped."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def record_places(text: str, place_key: bool) -> list[Span]:
    """Spans of towns, ZIP codes and ages over 89 in ``text``, a text of a record about a person (sorted, apart);
    ``place_key`` says the field's name is a place's (see :data:`PLACE_KEYS`)."""
    towns = _whole_town(text) if place_key else []
    if not towns:
        towns = towns_beside_person(text)
    spans = [*towns, *_codes_after(text, [town for town in towns if town[2] == "ADDRESS"])]
    if "-" in text or "," in text:
        spans.extend(_zips(text))
    if "F" in text or "M" in text:
        spans.extend(_ages(text))
    return _apart(spans)
