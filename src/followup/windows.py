"""Send windows as pure functions: when a thank-you may go out, and the next good slot.

Shared by the checker (P1) and the timeline. No clock: the moment is always a parameter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache(maxsize=1024)
def zone_info(name: str) -> ZoneInfo:
    """`ZoneInfo(name)`, kept for good. ZoneInfo's own cache holds only the last eight zones
    strongly; an agenda cycling through more re-read zone files from disk, which cost more
    than the conversions they serve. The same instance as `ZoneInfo(name)` returns."""
    return ZoneInfo(name)


@dataclass(frozen=True)
class Window:
    """The thank-you window: opens a little after the interview ends, due a day later."""

    opens: datetime
    due: datetime


def thank_you_window(ends_at: datetime, opens_hours: int = 1, due_hours: int = 24) -> Window:
    """The window for a thank-you after an interview that ended at `ends_at`.

    Hours are real elapsed hours: across a daylight-saving change "24 h later" is 23 or 25
    hours on the wall clock, not the same clock time the next day.
    """
    return Window(elapsed(ends_at, timedelta(hours=opens_hours)),
                  elapsed(ends_at, timedelta(hours=due_hours)))


def elapsed(moment: datetime, delta: timedelta) -> datetime:
    """`moment + delta` in real time, kept in `moment`'s zone.

    Python adds a timedelta to an aware datetime on the wall clock of its own zone, which
    is off by an hour across a daylight-saving change; going through UTC is not.
    """
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def in_working_hours(moment: datetime, zone: str, start_hour: int = 8, end_hour: int = 18) -> bool:
    """Whether `moment` falls on a weekday between start_hour and end_hour in `zone`."""
    local = moment.astimezone(zone_info(zone))
    return local.weekday() < 5 and start_hour <= local.hour < end_hour


def is_night(moment: datetime, zone: str, night_start: int = 21, night_end: int = 7) -> bool:
    """Whether `moment` is night-time (default 21:00–07:00) in `zone`."""
    hour = moment.astimezone(zone_info(zone)).hour
    return hour >= night_start or hour < night_end


def _weekday(day: date) -> bool:
    return day.weekday() < 5


def next_send_slot(
    moment: datetime, zone: str, start_hour: int = 8, end_hour: int = 10,
    *, business_day: Callable[[date], bool] = _weekday,
) -> datetime:
    """The first moment at or after `moment` inside [start_hour, end_hour) on a working day.

    Working days are weekdays by default; the timeline passes `business_day` to skip the
    configured country's public holidays as well. The result is in `zone`. The search for
    the next working day is cached per (date, zone), so `business_day` must give the same
    answer for the same day every time.
    """
    opens, closes = time(start_hour), time(end_hour)
    local = moment.astimezone(zone_info(zone))
    today, clock = local.date(), local.time()
    if clock < closes and business_day(today):
        return local if clock >= opens else datetime.combine(today, opens, local.tzinfo)
    return _window_after(today, zone, opens, business_day)


@lru_cache(maxsize=16384)
def _window_after(
    today: date, zone: str, opens: time, business_day: Callable[[date], bool]
) -> datetime:
    """When the window opens on the first working day after `today`, in `zone`."""
    for offset in range(1, 366):
        day = today + timedelta(days=offset)
        if business_day(day):
            return datetime.combine(day, opens, zone_info(zone))
    raise ValueError(f"no working day within a year of {today:%Y-%m-%d} in {zone}")
