"""Calendar export: timeline items as iCalendar events with alarms, and Google Calendar links.

Both are built from the same `CalendarEntry` (title, start, end, details), so the `.ics` file
and the "add to Google Calendar" link of an item always agree. Each event sits at the
item's suggested send time in the recipient's zone (with its VTIMEZONE), lasts a quarter
of an hour and rings a little before. UIDs are stable per interview, kind and person, and
SEQUENCE grows with the export time, so re-importing an updated file updates the events
instead of duplicating them; items that were sent or cancelled since are exported with
STATUS:CANCELLED (and no alarm) so the calendar retires them.

`icalendar` is imported only when a file is written: building links stays cheap.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from followup.model import FollowupKind
from followup.paths import atomic_write_bytes
from followup.timeline import TimelineItem

EVENT_MINUTES = 15
ALARM_BEFORE = timedelta(minutes=15)
UID_DOMAIN = "followup.local"
PRODID = "-//followup//timeline//EN"
GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
_SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)

KIND_TITLES = {
    FollowupKind.THANK_YOU: "Send thank-you note",
    FollowupKind.CHECK_IN_1: "Check in",
    FollowupKind.CHECK_IN_2: "Second (last) check-in",
}
KIND_WORDS = {
    FollowupKind.THANK_YOU: "the thank-you note",
    FollowupKind.CHECK_IN_1: "the first check-in",
    FollowupKind.CHECK_IN_2: "the second and last check-in",
}


@dataclass(frozen=True)
class CalendarEntry:
    """What a calendar shows for one item."""

    uid: str
    title: str
    start: datetime  # aware, in the recipient's zone
    end: datetime
    details: str


def item_uid(item: TimelineItem) -> str:
    """Stable across exports: the same interview, kind and person give the same UID."""
    person = item.interviewer_id if item.interviewer_id is not None else "none"
    return f"followup-{item.interview_id}-{item.kind.value}-{person}@{UID_DOMAIN}"


def entry_for(item: TimelineItem) -> CalendarEntry:
    """Title, time and description of an item's calendar event."""
    whom = f" to {item.to}" if item.to else ""
    title = f"{KIND_TITLES[item.kind]}{whom} ({item.company})"
    # Every time in the description is in the event's own zone (the recipient's), so the
    # text and the event never disagree.
    start = item.suggested_send_at
    zone = start.tzinfo
    opens, due = item.opens_at.astimezone(zone), item.due_at.astimezone(zone)
    lines = [
        f"{item.company} — {item.role}",
        f"Send {KIND_WORDS[item.kind]}{whom} between {opens:%a %d %b %H:%M} and "
        f"{due:%a %d %b %H:%M} ({due:%Z}); best at {start:%H:%M}.",
    ]
    if item.note:
        lines.append(item.note)
    if item.interview_id is not None:
        stage = "thank-you" if item.kind is FollowupKind.THANK_YOU else "check-in"
        target = f" --to '{item.to}'" if item.to else ""
        lines.append(f"When sent: followup sent {item.interview_id}{target} --stage {stage}")
    return CalendarEntry(item_uid(item), title, start, start + timedelta(minutes=EVENT_MINUTES),
                         "\n".join(lines))


def _utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


# Percent-encoding through one str.translate: urllib's quote works byte by byte in Python,
# which dominated `due --json` over thousands of items. Same output as quote(safe="/").
_UNRESERVED = set(string.ascii_letters + string.digits + "_.-~/")
_QUOTE = {byte: chr(byte) if chr(byte) in _UNRESERVED else f"%{byte:02X}" for byte in range(256)}


def url_quote(text: str) -> str:
    """`text` percent-encoded as UTF-8 for a query string (like urllib's quote, safe "/")."""
    return text.encode("utf-8").decode("latin-1").translate(_QUOTE)


def google_calendar_link(item: TimelineItem) -> str:
    """An "add to Google Calendar" link for the item, from the same data as the .ics."""
    entry = entry_for(item)
    dates = f"{_utc_stamp(entry.start)}/{_utc_stamp(entry.end)}"
    return (f"{GOOGLE_TEMPLATE}?action=TEMPLATE&text={url_quote(entry.title)}"
            f"&dates={dates}&details={url_quote(entry.details)}&ctz={url_quote(item.zone)}")


def sequence_at(now: datetime) -> int:
    """A SEQUENCE that grows with every export (minutes since 2024), so a later file wins."""
    return max(0, int((now - _SEQUENCE_EPOCH).total_seconds() // 60))


def to_ics(items: Iterable[TimelineItem], now: datetime) -> bytes:
    """An iCalendar file: one VEVENT per item (pending ones with a VALARM), with the
    VTIMEZONE of every zone used. `now` is the DTSTAMP and sets the SEQUENCE."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "followup")
    stamp = now.astimezone(UTC)
    sequence = sequence_at(now)
    years = {now.year}
    for item in items:
        entry = entry_for(item)
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", sequence)
        event.add("summary", entry.title)
        event.add("description", entry.details)
        years.add(entry.start.year)
        event.add("dtstart", entry.start)
        event.add("dtend", entry.end)
        event.add("categories", ["followup", item.kind.value])
        event.add("transp", "TRANSPARENT")
        if item.pending:
            event.add("status", "CONFIRMED")
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", entry.title)
            alarm.add("trigger", -ALARM_BEFORE)
            event.add_component(alarm)
        else:
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    # Zone rules for the years the events fall in (plus a margin), not since 1970.
    calendar.add_missing_timezones(date(min(years) - 1, 1, 1), date(max(years) + 2, 1, 1))
    # icalendar adds the zones in set order, which varies with the hash seed; sort them (and
    # put them first, as is customary) so the same data always gives the same bytes.
    zones = sorted((c for c in calendar.subcomponents if c.name == "VTIMEZONE"),
                   key=lambda c: str(c["TZID"]))
    events = [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    calendar.subcomponents[:] = [*zones, *events]
    return bytes(calendar.to_ical())


def write_ics(path: Path, items: Iterable[TimelineItem], now: datetime) -> int:
    """Write the calendar atomically; returns how many events it holds."""
    listed = list(items)
    atomic_write_bytes(path, to_ics(listed, now))
    return len(listed)
