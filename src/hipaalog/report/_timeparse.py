"""Fast RFC 3339 parsing for audit timestamps, and local calendar positions in a time zone."""

from __future__ import annotations

import calendar
import datetime as dt
import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["LocalClock", "format_ts", "parse_ts"]

_minute_start: dict[str, int] = {}
_UTC = dt.timezone.utc


def parse_ts(text: str) -> float:
    """``"2024-03-04T12:34:56.123456Z"`` -> epoch seconds; other RFC 3339 offsets work too (slower).

    The epoch of each ``YYYY-MM-DDTHH:MM`` prefix is cached, so a stream costs one calendar
    computation per minute it spans. Raises ValueError for text that is not a timestamp.
    """
    if text[-1:] == "Z" and len(text) >= 20 and text[16] == ":":
        base = _minute_start.get(text[:16])
        if base is None:
            if text[10] != "T" or text[13] != ":":
                raise ValueError(f"not an RFC 3339 timestamp: {text[:40]!r}")
            base = calendar.timegm(
                (int(text[0:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]), int(text[14:16]), 0, 0, 0, 0)
            )
            if len(_minute_start) > 200_000:
                _minute_start.clear()
            _minute_start[text[:16]] = base
        return base + float(text[17:-1])
    parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=_UTC)
    return parsed.timestamp()


def format_ts(epoch: float) -> str:
    """Epoch seconds -> ``"2024-03-04T12:34:56Z"`` (whole seconds; reports need no more)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(epoch)))


class LocalClock:
    """Where an instant falls in a time zone's calendar: day number, weekday, hour, week.

    UTC offsets are cached per quarter hour of UTC time, so a long stream costs one zone lookup
    per quarter hour it spans rather than one per record.
    """

    __slots__ = ("_offsets", "name", "zone")

    def __init__(self, zone: str) -> None:
        try:
            self.zone = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {zone!r} (use an IANA name such as 'America/Chicago')") from exc
        self.name = zone
        self._offsets: dict[int, int] = {}

    def offset(self, epoch: float) -> int:
        """The zone's UTC offset in seconds at ``epoch``."""
        bucket = int(epoch // 900)
        value = self._offsets.get(bucket)
        if value is None:
            instant = dt.datetime.fromtimestamp(bucket * 900, _UTC).astimezone(self.zone)
            delta = instant.utcoffset()
            value = int(delta.total_seconds()) if delta is not None else 0
            if len(self._offsets) > 500_000:
                self._offsets.clear()
            self._offsets[bucket] = value
        return value

    def local_seconds(self, epoch: float) -> float:
        """Seconds since 1970-01-01 00:00 local time (the wall clock read as if it were UTC)."""
        return epoch + self.offset(epoch)

    def day(self, epoch: float) -> int:
        """The local calendar day as a day number (days since 1970-01-01)."""
        return int(self.local_seconds(epoch) // 86400)

    @staticmethod
    def weekday_of_day(day: int) -> int:
        """Monday 0 ... Sunday 6 of a day number (1970-01-01 was a Thursday)."""
        return (day + 3) % 7

    @staticmethod
    def week_of_day(day: int) -> int:
        """The number of the Monday-based week holding a day number."""
        return (day + 3) // 7

    @staticmethod
    def day_label(day: int) -> str:
        """A day number as ``YYYY-MM-DD``."""
        return time.strftime("%Y-%m-%d", time.gmtime(day * 86400))

    def position(self, epoch: float) -> tuple[int, int, int]:
        """(day number, weekday Monday=0, minute of the day) in local time."""
        local = self.local_seconds(epoch)
        day = int(local // 86400)
        minute = int((local - day * 86400) // 60)
        return day, (day + 3) % 7, minute

    def __repr__(self) -> str:
        return f"LocalClock({self.name!r})"
