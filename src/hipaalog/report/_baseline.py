"""Per-person baselines: each person's usual log-in hours and days, daily patient volume, and the crowd
of staff around one patient's record.

Every structure here is bounded: a person keeps their last :data:`KEEP_DAYS` active days, a
patient's crowd holds one window of accesses.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Container
from typing import Any

from ._stats import PeerStats, peer_stats

__all__ = ["GAP_HOURS", "IRREGULAR_HOURS", "KEEP_DAYS", "OWN_MIN_DAYS", "Crowd", "Habits", "OwnVolume"]

KEEP_DAYS = 60
"""Active days remembered per person for their habits and their daily volume."""
OWN_MIN_DAYS = 3
"""Earlier active days someone needs before their own days are summarised (and their day counts towards their
unit's surge)."""
GAP_HOURS = 4
"""A gap of this many hours or fewer between usual hours is the middle of a shift, and usual too."""
_PER_ACTOR = 16
"""Accesses kept per person and patient within a crowd's window (the evidence of a crowd)."""
IRREGULAR_HOURS = 20
"""Someone whose usual log-in hours (with their spread) cover this many hours of the day or more works
irregular hours (float staff): an hour unusual for them is judged again against their peer group's hours."""


_MASK = (1 << 24) - 1
"""The hour bits of a packed day."""


def _hours_mask(hour: int, spread: int) -> int:
    """The bits of the hours within ``spread`` of ``hour`` on a 24-hour clock (wrapping at midnight)."""
    mask = 0
    for offset in range(-spread, spread + 1):
        mask |= 1 << ((hour + offset) % 24)
    return mask


class Habits:
    """One person's active days: the local hours they logged in on, and whether the day was an off day.

    Each day is packed into one 64-bit integer (day number, off-day bit, 24-bit hour mask) in an
    array: eight bytes a day, where a tuple of three would take about 120, so 25,000 people's 60 days
    fit in 12 MB.
    """

    __slots__ = ("days", "keep")

    def __init__(self, keep: int = KEEP_DAYS) -> None:
        self.keep = keep
        self.days = array("q")

    def add_day(self, day: int, mask: int, off_day: bool) -> None:
        """Remember that the person logged in on ``day`` at the hours set in ``mask``."""
        days = self.days
        if len(days) >= self.keep:
            del days[0]
        days.append(day << 25 | off_day << 24 | mask)

    def others(self, day: int) -> list[tuple[int, int, bool]]:
        """The remembered days other than ``day`` (a day is never judged against itself), as
        ``(day, hour mask, off day)``."""
        return [(d >> 25, d & _MASK, bool(d >> 24 & 1)) for d in self.days if d >> 25 != day]

    @staticmethod
    def usual_hour(others: list[tuple[int, int, bool]], minute: int, *, spread: int, min_days: int) -> bool:
        """Whether at least ``min_days`` of ``others`` had a log-in within ``spread`` hours of ``minute``."""
        window = _hours_mask(minute // 60, spread)
        return sum(1 for d in others if d[1] & window) >= min_days

    @staticmethod
    def covered(others: list[tuple[int, int, bool]], *, spread: int, min_days: int) -> int:
        """The hours of the day (a 24-bit mask) usual for the person: hours within ``spread`` of log-ins on
        ``min_days`` days, and gaps of up to :data:`GAP_HOURS` between them (the middle of their shift)."""
        mask = 0
        for hour in range(24):
            if Habits.usual_hour(others, hour * 60, spread=spread, min_days=min_days):
                mask |= 1 << hour
        if mask in (0, (1 << 24) - 1):
            return mask
        filled = mask
        for hour in range(24):
            if mask >> hour & 1 and not mask >> ((hour + 1) % 24) & 1:  # a gap starts after ``hour``
                gap = 1
                while not mask >> ((hour + gap) % 24) & 1:
                    gap += 1
                if gap - 1 <= GAP_HOURS:
                    for k in range(1, gap):
                        filled |= 1 << ((hour + k) % 24)
        return filled

    @staticmethod
    def usual_hours(others: list[tuple[int, int, bool]], min_days: int) -> list[int]:
        """The hours of the day at which at least ``min_days`` of ``others`` had a log-in."""
        return [h for h in range(24) if sum(1 for d in others if d[1] >> h & 1) >= min_days]

    @staticmethod
    def hours_label(others: list[tuple[int, int, bool]], min_days: int) -> str:
        """The person's usual log-in hours for people: ``"06-07, 11, 15"``."""
        hours = Habits.usual_hours(others, min_days)
        spans: list[str] = []
        for hour in hours:
            if spans and hour - 1 in hours:
                start = spans[-1].split("-")[0]
                spans[-1] = f"{start}-{hour:02d}"
            else:
                spans.append(f"{hour:02d}")
        return ", ".join(spans) or "none"


class OwnVolume:
    """Distinct patients per active day of one person, the last :data:`KEEP_DAYS` days."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values: deque[int] = deque(maxlen=KEEP_DAYS)

    def stats(self) -> PeerStats:
        """Median, MAD and scale of the person's own days."""
        return peer_stats(list(self.values))


class Crowd:
    """Distinct staff opening one patient's record within a window, with staff who documented care left out.

    Each patient keeps the accesses of the last ``window`` seconds; once ``threshold`` distinct
    staff without a care relationship are among them, an episode opens and collects every access
    until a quiet ``window``. Episodes are judged again when they close, because documentation
    (the care signal) may follow the access it explains.
    """

    __slots__ = ("cap", "closed", "open", "peak", "recent", "threshold", "window")

    def __init__(self, threshold: int, window: float, cap: int) -> None:
        self.threshold = threshold
        self.window = window
        self.cap = cap
        self.peak = 0
        self.recent: dict[str, dict[str, list[tuple[float, str, Any, int]]]] = {}
        """Per patient, per actor (least recently active first) their accesses in the window."""
        self.open: dict[str, list[tuple[float, str, Any, int]]] = {}
        self.closed: list[tuple[str, list[tuple[float, str, Any, int]]]] = []

    def add(  # noqa: PLR0917 - one access, as the analyzer has it at hand
        self, patient: str, actor: str, ts: float, seq: Any, stream: int, cares: Container[str] | None
    ) -> None:
        """One access by ``actor``; ``cares`` are the staff with a care relationship to the patient."""
        item = (ts, actor, seq, stream)
        episode = self.open.get(patient)
        if episode is not None:
            if ts - episode[-1][0] <= self.window:
                if len(episode) < self.cap * 4:
                    episode.append(item)
                return
            self.closed.append((patient, self.open.pop(patient)))
        actors = self.recent.get(patient)
        if actors is None:
            actors = self.recent[patient] = {}
        items = actors.pop(actor, None)
        if items is None:
            items = [item]
        elif len(items) < _PER_ACTOR:
            items.append(item)
        else:  # full: the latest access replaces the last kept, so the actor stays as recent as they are
            items[-1] = item
        actors[actor] = items  # now the most recently active
        while True:
            first = next(iter(actors))
            if ts - actors[first][-1][0] <= self.window:
                break
            del actors[first]
        size = len(actors)
        if size <= self.peak and size < self.threshold:
            return
        outsiders = sum(1 for a in actors if cares is None or a not in cares)
        self.peak = max(self.peak, outsiders)
        if outsiders >= self.threshold:
            self.open[patient] = sorted((i for its in actors.values() for i in its), key=lambda i: i[0])
            del self.recent[patient]

    def prune(self, now: float) -> None:
        """Forget patients not opened for a window; close quiet episodes."""
        for patient in [p for p, a in self.recent.items() if now - a[next(reversed(a))][-1][0] > self.window]:
            del self.recent[patient]
        for patient in [p for p, e in self.open.items() if now - e[-1][0] > self.window]:
            self.closed.append((patient, self.open.pop(patient)))

    def finish(self) -> None:
        """Close every open episode."""
        self.closed.extend(self.open.items())
        self.open.clear()

    def retained(self) -> int:
        """Accesses held right now."""
        return sum(len(i) for a in self.recent.values() for i in a.values()) + sum(len(e) for e in self.open.values())
