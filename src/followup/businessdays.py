"""Business days: weekdays that are not public holidays in the configured country.

The holiday calendars come from the `holidays` package and are built once per country and
kept (they fill in years lazily as dates are asked about); answers per day are cached too,
since an agenda over thousands of interviews asks about the same few weeks again and again
(and counts business days from the same few decision dates).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache, partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase


@lru_cache(maxsize=32)
def holiday_calendar(country: str) -> HolidayBase:
    """The public holidays of `country` (ISO code), for any year asked about."""
    import holidays

    return holidays.country_holidays(country.upper())


@lru_cache(maxsize=8192)
def is_business_day(day: date, country: str) -> bool:
    """A weekday that is not a public holiday in `country`."""
    return day.weekday() < 5 and day not in holiday_calendar(country)


@lru_cache(maxsize=32)
def business_days_of(country: str) -> Callable[[date], bool]:
    """`is_business_day` for one country, one object per country: callers may key caches on
    it (`windows.next_send_slot` does), where a new bound method each time would never hit."""
    return partial(is_business_day, country=country)


def holiday_name(day: date, country: str) -> str | None:
    """The holiday's name on `day`, if it is one (for notes such as "skips Thanksgiving")."""
    name = holiday_calendar(country).get(day)
    return str(name) if name else None


@lru_cache(maxsize=4096)
def add_business_days(day: date, count: int, country: str) -> date:
    """The date `count` business days after `day` (`day` itself is not counted)."""
    if count < 0:
        raise ValueError("count must not be negative")
    current = day
    remaining = count
    while remaining:
        current += timedelta(days=1)
        if is_business_day(current, country):
            remaining -= 1
    return current


def next_business_day(day: date, country: str) -> date:
    """`day` itself if it is a business day, else the first one after it."""
    current = day
    while not is_business_day(current, country):
        current += timedelta(days=1)
    return current
