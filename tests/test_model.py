"""The domain model's own behaviour: ends, primary contacts, finding people by name."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from followup.model import Interview, Interviewer

NEW_YORK = ZoneInfo("America/New_York")


def interview(*people: Interviewer, **changes: object) -> Interview:
    start = changes.pop("starts_at", datetime(2026, 11, 24, 14, 0, tzinfo=NEW_YORK))
    return Interview("Northwind", "Engineer", start, "America/New_York",  # type: ignore[arg-type]
                     interviewers=people, **changes)  # type: ignore[arg-type]


def test_an_interview_across_the_november_clock_change_lasts_its_duration() -> None:
    # 00:30 EDT + 2 h of real time = 01:30 EST (the clocks went back at 02:00 EDT).
    start = datetime(2026, 11, 1, 0, 30, tzinfo=NEW_YORK)
    record = interview(starts_at=start, duration_minutes=120)
    # Same-zone subtraction is wall-clock in Python, so compare instants in UTC.
    assert record.ends_at.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=2)
    assert record.ends_at.astimezone(NEW_YORK).utcoffset() == timedelta(hours=-5)
    assert (record.ends_at.hour, record.ends_at.minute) == (1, 30)


def test_a_naive_start_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        Interview("A", "B", datetime(2026, 11, 24, 14), "UTC")


def test_primary_contact_is_the_marked_one_else_the_first() -> None:
    dana, luis = Interviewer("Dana Whitfield"), Interviewer("Luis Ortega", primary=True)
    assert interview(dana, luis).primary_contact == luis
    assert interview(dana, Interviewer("Luis Ortega")).primary_contact == dana
    assert interview().primary_contact is None


@pytest.mark.parametrize(("query", "found"), [
    ("dana whitfield", "Dana Whitfield"),
    ("Zoe", "Zoë Müller"),
    ("MULLER", "Zoë Müller"),
    ("Whitfield", "Dana Whitfield"),
    ("Dana", None),  # two people called Dana: ambiguous, so nobody
    ("Robin", None),
])
def test_find_interviewer_by_full_or_unique_part(query: str, found: str | None) -> None:
    people = (Interviewer("Dana Whitfield"), Interviewer("Zoë Müller"), Interviewer("Dana Lee"))
    person = interview(*people).find_interviewer(query)
    assert (person.name if person else None) == found
