"""Thresholds and calendar of the analysis rules; ``docs/reports.md`` says how each default was chosen."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..exceptions import ConfigError
from ._timeparse import LocalClock

__all__ = ["ReportConfig"]

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _parse_days(text: str) -> frozenset[int]:
    """``"mon-fri"``, ``"mon-fri,sat"``, ``"sun,tue"`` -> weekday numbers (Monday 0)."""
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        if not part:
            continue
        first, _, last = part.partition("-")
        try:
            a = _DAYS.index(first[:3])
            b = _DAYS.index(last[:3]) if last else a
        except ValueError:
            raise ConfigError(f"work_days {text!r}: use day names such as 'mon-fri' or 'mon-fri,sat'") from None
        span = range(a, b + 1) if a <= b else [*range(a, 7), *range(b + 1)]
        days.update(span)
    if not days:
        raise ConfigError(f"work_days {text!r} names no day")
    return frozenset(days)


def _parse_minute(text: str) -> int:
    hours, _, minutes = text.strip().partition(":")
    try:
        value = int(hours) * 60 + int(minutes or 0)
    except ValueError:
        raise ConfigError(f"work_hours: {text!r} is not a time such as 07:00") from None
    if not 0 <= value <= 24 * 60:
        raise ConfigError(f"work_hours: {text!r} is outside 00:00-24:00")
    return value


def _parse_hours(text: str) -> tuple[int, int]:
    start, sep, end = text.partition("-")
    if not sep:
        raise ConfigError(f"work_hours {text!r}: use a range such as '07:00-19:00'")
    return _parse_minute(start), _parse_minute(end)


@dataclass(frozen=True)
class ReportConfig:
    """Every knob of the analysis. All durations are in seconds.

    Calendar: ``timezone`` (IANA name), ``work_hours`` (``"07:00-19:00"``, local; an end before
    the start spans midnight) and ``work_days`` (``"mon-fri"``).

    Password guessing: ``fail_burst_user`` failed log-ins against one user, or
    ``fail_burst_source`` from one source, within ``fail_window``; ``spray_users`` distinct users
    failing from one source within ``spray_window``; a success after at least
    ``success_after_failures`` failures (same user or same source) within ``success_after_window``.

    Own habits: once a person has ``baseline_days`` active days besides the one judged, a log-in
    outside the calendar is judged against their own days: it is usual when at least
    ``usual_min_days`` of them had a log-in within ``usual_spread_hours`` hours of it, and an off
    day is unusual only for someone with ``off_day_min_days`` active days, none of them off. Until
    then the calendar alone decides (findings wait for the person's baseline while it is built).

    New sources: a user's sources are learned during their first ``learn_days`` days; a source is
    also known when someone of the same unit used it (``units`` maps user ids to units; unlisted
    users' unit is their peer group), or when ``shared_source_users`` people used it already (a
    shared workstation).

    Daily volume: a person-day's distinct patients is an outlier when it is at least ``day_ratio``
    times the person's own median day and ``day_z`` robust z-scores above it, both scaled by their
    unit's surge that day (the median, over at least three others of the unit, of their day against
    their own median), and at least ``day_min_patients``: a surge the unit shares is not flagged.
    The weekly peer limit grows likewise with the days worked and the unit's surge on them.

    Crowds (the VIP pattern): ``crowd_staff`` distinct staff without a care relationship open one
    patient's record within ``crowd_window``. Someone who documented in the patient's record (a
    change) within ``care_days`` days has a care relationship; repeated opens by them are not
    flagged either.

    Peers: a user-week is an outlier when its value is at least ``peer_z`` robust z-scores
    (median and MAD, see ``docs/reports.md``) above the peer group's median, at least
    ``peer_min_ratio`` times that median, and at least ``peer_min_patients`` distinct patients
    (``export_min_patients`` exported patients). Groups with fewer than ``peer_min_group`` active
    users are not compared. ``peer_groups`` maps user ids to group names; unlisted users are
    grouped by the resource type they access most.

    Repeated opens: ``reopen_sessions`` separate sessions (opens more than ``reopen_gap`` apart)
    on one patient's record by one user within ``reopen_window``.

    Denied access: ``denied_medium`` denials by one user in one day make the finding medium.
    """

    timezone: str = "UTC"
    work_hours: str = "07:00-19:00"
    work_days: str = "mon-fri"
    fail_burst_user: int = 10
    fail_burst_source: int = 20
    fail_window: float = 300.0
    spray_users: int = 5
    spray_window: float = 3600.0
    success_after_failures: int = 5
    success_after_window: float = 900.0
    learn_days: float = 7.0
    peer_z: float = 8.0
    peer_min_ratio: float = 2.0
    peer_min_patients: int = 30
    export_min_patients: int = 50
    peer_min_group: int = 5
    reopen_sessions: int = 5
    reopen_gap: float = 1800.0
    reopen_window: float = 7 * 86400.0
    denied_medium: int = 5
    max_evidence: int = 1000
    peer_groups: Mapping[str, str] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)
    baseline_days: int = 10
    usual_spread_hours: int = 2
    usual_min_days: int = 2
    off_day_min_days: int = 15
    shared_source_users: int = 2
    day_ratio: float = 3.0
    day_z: float = 6.0
    day_min_patients: int = 30
    crowd_staff: int = 20
    crowd_window: float = 2 * 86400.0
    care_days: float = 30.0

    def __post_init__(self) -> None:
        try:
            LocalClock(self.timezone)
        except ValueError as exc:
            raise ConfigError(f"timezone: {exc}") from None
        _parse_hours(self.work_hours)
        _parse_days(self.work_days)
        for name in (
            "fail_burst_user",
            "fail_burst_source",
            "spray_users",
            "success_after_failures",
            "peer_min_group",
            "reopen_sessions",
            "denied_medium",
            "max_evidence",
            "baseline_days",
            "usual_min_days",
            "off_day_min_days",
            "shared_source_users",
            "day_min_patients",
            "crowd_staff",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"{name} must be a whole number of at least 1, not {value!r}")
        if not isinstance(self.usual_spread_hours, int) or not 0 <= self.usual_spread_hours <= 11:
            raise ConfigError(
                f"usual_spread_hours must be a whole number from 0 to 11, not {self.usual_spread_hours!r}"
            )
        for name in (
            "fail_window",
            "spray_window",
            "success_after_window",
            "reopen_gap",
            "reopen_window",
            "peer_z",
            "day_ratio",
            "day_z",
            "crowd_window",
            "care_days",
        ):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{name} must be a positive number, not {value!r}")

    @property
    def work_minutes(self) -> tuple[int, int]:
        """Start and end of working hours as minutes of the local day."""
        return _parse_hours(self.work_hours)

    @property
    def work_weekdays(self) -> frozenset[int]:
        """Working weekdays, Monday 0."""
        return _parse_days(self.work_days)

    def clock(self) -> LocalClock:
        """A :class:`LocalClock` for the configured zone."""
        return LocalClock(self.timezone)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> ReportConfig:
        """Build from a mapping (a JSON config file); unknown keys are a ConfigError naming them."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown report setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return cls(**dict(values))

    def replace(self, **changes: Any) -> ReportConfig:
        """A copy with ``changes`` applied (validated again)."""
        return dataclasses.replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """The settings as a JSON-ready mapping (shown on the report)."""
        out = dataclasses.asdict(self)
        out["peer_groups"] = len(self.peer_groups)
        out["units"] = len(self.units)
        return out
