"""Field names of the dates things happened to a person, in the forms application code names them.

The catalogue holds the nouns with ``date`` (``admit_date``, ``discharge_date``); code as often names the
event by its participle and the moment by a preposition (``admitted_at``, ``discharged_on``, ``deceased_at``,
``vaccinated_on``, ``seen_on``), by its verb alone (``admit``) or the visit by its place in time (``next_visit``,
``last_appt``), and claims by ``dos``. The moment may be a timestamp (``admitTs``, ``discharge_dttm``, ``dos_ts``)
or a count of seconds since 1970 (``admitEpoch``).
Bare nouns (``appointment``, ``admission``) are left out: they hold whole objects as often as a date.
"""

from __future__ import annotations

from typing import Final

__all__ = ["DATED_ONLY_TERMS", "EVENT_DATE_TERMS"]

_PARTICIPLES: Final = (
    "admitted",
    "discharged",
    "deceased",
    "died",
    "vaccinated",
    "immunized",
    "immunised",
    "operated",
    "transfused",
    "intubated",
    "extubated",
    "triaged",
    "examined",
    "checkedin",
)
_EPOCHS: Final = ("epoch", "epochms", "epochsec", "epochsecs", "unix", "unixts", "tsms", "epochmillis")
"""Moments written as a count of seconds or milliseconds (``admitEpoch``, ``discharge_unix_ts``)."""
_MOMENTS: Final = ("", "at", "on", "date", "dt", "datetime", "time", "ts", "timestamp", "dttm", "dtm", *_EPOCHS)
_TIMED_ONLY: Final = ("seen", "visited", "treated", "diagnosed", "screened", "referred", "hospitalized", "hospitalised")
"""Participles that name a care event only with a moment (``seen_on``, ``diagnosed_at``): alone they are flags."""
_STEMS: Final = ("admit",)
"""Verb stems that name the event alone as a field (``admit``, as a form's column beside ``discharge_date``)."""
_VISITS: Final = tuple(
    f"{when}{what}"
    for when in ("next", "last", "previous", "prev", "upcoming", "followup")
    for what in ("visit", "appt", "appointment", "admission", "discharge", "encounter")
)
_TIMED_NOUNS: Final = tuple(
    f"{noun}{moment}"
    for noun in ("appt", "appointment", "visit", "admission", "admit", "discharge", "death", "surgery", "procedure")
    for moment in ("dt", "time", "datetime", "date", "day", "ts", "timestamp", "dttm", "dtm", *_EPOCHS)
)

EVENT_DATE_TERMS: Final = frozenset(
    {f"{event}{moment}" for event in (*_PARTICIPLES, *_STEMS) for moment in _MOMENTS}
    | {f"{event}{moment}" for event in _TIMED_ONLY for moment in _MOMENTS if moment}
    | set(_VISITS)
    | set(_TIMED_NOUNS)
    | {"dcdate", "dcdt", "dcdttm", "dischts", "dischdttm", "admts", "admdttm"}  # dc: discharge, in claim files
    | {f"dos{moment}" for moment in ("", "ts", "dt", "date", "dttm", "timestamp", *_EPOCHS)}
    | {"dateofvisit", "dateofadmission", "dateofdischarge", "dateofprocedure", "dateofsurgery"}
    | {"followupdate", "followupdt", "dateseen", "seendate", "specimendate", "specimendt", "specimencollectiondate"}
    | {"rxdate", "filldate", "rxfilldate", "datefilled", "dispenseddate", "dispensedate", "datedispensed"}
)
"""Compact field names (words run together, lower case) whose value is a date of a person's care or life."""

DATED_ONLY_TERMS: Final = frozenset(
    {f"{event}{moment}" for event in _STEMS for moment in _MOMENTS}
    | {f"{event}{moment}" for event in _TIMED_ONLY for moment in _MOMENTS if moment}
    | {"dod"}  # a date of death, or a team's definition of done ({"dod": "tests passing"})
)
"""The terms above whose field is masked only when its value reads as a date (``{"admit": "inpatient"}`` stays)."""
