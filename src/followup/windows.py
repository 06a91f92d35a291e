"""Send windows as pure functions: when a thank-you may go out, and the next good slot.

Shared by the checker (P1) and the timeline. No clock: the moment is always a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Window:
    """The thank-you window: opens a little after the interview ends, due a day later."""

    opens: datetime
    due: datetime


def thank_you_window(ends_at: datetime, opens_hours: int = 1, due_hours: int = 24) -> Window:
    """The window for a thank-you after an interview that ended at `ends_at`."""
    return Window(ends_at + timedelta(hours=opens_hours), ends_at + timedelta(hours=due_hours))


def in_working_hours(moment: datetime, zone: str, start_hour: int = 8, end_hour: int = 18) -> bool:
    """Whether `moment` falls on a weekday between start_hour and end_hour in `zone`."""
    local = moment.astimezone(ZoneInfo(zone))
    return local.weekday() < 5 and start_hour <= local.hour < end_hour


def is_night(moment: datetime, zone: str, night_start: int = 21, night_end: int = 7) -> bool:
    """Whether `moment` is night-time (default 21:00–07:00) in `zone`."""
    hour = moment.astimezone(ZoneInfo(zone)).hour
    return hour >= night_start or hour < night_end


def next_send_slot(
    moment: datetime, zone: str, start_hour: int = 8, end_hour: int = 10
) -> datetime:
    """The first moment at or after `moment` inside [start_hour, end_hour) on a weekday in `zone`.

    Public holidays are the timeline's concern; this helper skips weekends only.
    """
    tz = ZoneInfo(zone)
    local = moment.astimezone(tz)
    day = local.date()
    for _ in range(8):
        opens = datetime.combine(day, time(start_hour), tz)
        closes = datetime.combine(day, time(end_hour), tz)
        if day.weekday() < 5 and local < closes:
            return max(local, opens)
        day += timedelta(days=1)
    return local  # unreachable: a week always has a weekday
