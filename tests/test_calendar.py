"""Calendar export: the .ics parses back with every event, alarm, zone and stable UID."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest

from followup import calendar as cal
from followup import config
from followup.model import Event, EventKind, FollowupKind, Interview, Interviewer
from followup.timeline import Rules, TimelineItem, timeline

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 24, 16, 30, tzinfo=CHICAGO)
RECORD = Interview(
    company="Northwind", role="Data Engineer",
    starts_at=datetime(2026, 11, 24, 14, tzinfo=CHICAGO), timezone="America/Chicago",
    interviewers=(
        Interviewer("Dana Whitfield", timezone="America/New_York", primary=True, id=1),
        Interviewer("Luis Ortega", id=2),
        Interviewer("Asha Rao", timezone="Asia/Kolkata", id=3),
    ),
    id=7,
)


def items_at(now: datetime, events: list[Event] | None = None) -> list[TimelineItem]:
    return timeline(RECORD, events or [], now, Rules(country="US"))


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def vevents(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return list(calendar.walk("VEVENT"))


def test_every_pending_item_is_an_event_with_a_zoned_start_and_an_alarm():
    items = items_at(NOW)
    parsed = parse(cal.to_ics(items, NOW))
    events = vevents(parsed)
    assert len(events) == len(items) == 4
    zones_defined = {str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")}
    for item, event in zip(items, events, strict=True):
        assert str(event["UID"]) == cal.item_uid(item)
        start = event.decoded("DTSTART")
        assert start == item.suggested_send_at
        assert event["DTSTART"].params["TZID"] == item.zone
        assert item.zone in zones_defined
        assert event.decoded("DTEND") - start == timedelta(minutes=cal.EVENT_MINUTES)
        assert event.decoded("DTSTAMP") == NOW.astimezone(UTC)
        assert int(event["SEQUENCE"]) == cal.sequence_at(NOW)
        assert str(event["STATUS"]) == "CONFIRMED"
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == -cal.ALARM_BEFORE
        assert str(alarms[0]["DESCRIPTION"]) == str(event["SUMMARY"])
    assert zones_defined == {"America/New_York", "America/Chicago", "Asia/Kolkata"}
    assert "Dana Whitfield" in str(events[0]["SUMMARY"])
    assert "followup sent 7 --to 'Dana Whitfield' --stage thank-you" in str(
        events[0]["DESCRIPTION"])


def test_half_hour_zone_keeps_its_local_time_in_the_file():
    data = cal.to_ics(items_at(NOW), NOW).decode()
    assert "DTSTART;TZID=Asia/Kolkata:20261125T080000" in data
    kolkata = next(tz for tz in parse(data.encode()).walk("VTIMEZONE")
                   if str(tz["TZID"]) == "Asia/Kolkata")
    assert "+0530" in kolkata.to_ical().decode()


def test_uids_are_stable_and_sequence_grows_so_a_reimport_updates():
    first = vevents(parse(cal.to_ics(items_at(NOW), NOW)))
    later_now = NOW + timedelta(days=1)
    replies = [Event(7, EventKind.SENT, NOW + timedelta(hours=20), 2, FollowupKind.THANK_YOU)]
    second = vevents(parse(cal.to_ics(items_at(later_now, replies), later_now)))
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]
    assert len({str(e["UID"]) for e in first}) == len(first)
    assert all(int(b["SEQUENCE"]) > int(a["SEQUENCE"]) for a, b in zip(first, second,
                                                                        strict=True))
    assert str(first[0]["UID"]) == "followup-7-thank-you-1@followup.local"


def test_sent_or_cancelled_items_are_exported_cancelled_without_an_alarm():
    events = [Event(7, EventKind.SENT, NOW + timedelta(hours=1), 2, FollowupKind.THANK_YOU),
              Event(7, EventKind.REPLIED, NOW + timedelta(hours=2), 1)]
    later = NOW + timedelta(hours=3)
    by_uid = {str(e["UID"]): e for e in vevents(parse(cal.to_ics(items_at(later, events),
                                                                   later)))}
    for uid in ("followup-7-thank-you-2@followup.local",
                "followup-7-check-in-1-1@followup.local"):
        assert str(by_uid[uid]["STATUS"]) == "CANCELLED"
        assert not list(by_uid[uid].walk("VALARM"))
    assert str(by_uid["followup-7-thank-you-1@followup.local"]["STATUS"]) == "CONFIRMED"


def test_google_link_carries_the_same_title_times_and_details_as_the_event():
    items = items_at(NOW)
    events = vevents(parse(cal.to_ics(items, NOW)))
    for item, event in zip(items, events, strict=True):
        link = cal.google_calendar_link(item)
        parts = urlsplit(link)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == cal.GOOGLE_TEMPLATE
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        assert query["action"] == "TEMPLATE"
        assert query["text"] == str(event["SUMMARY"])
        assert query["details"] == str(event["DESCRIPTION"])
        start, end = query["dates"].split("/")
        assert start == event.decoded("DTSTART").astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        assert end == event.decoded("DTEND").astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        assert query["ctz"] == item.zone


def test_write_is_atomic_and_replaces_the_old_file(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "out" / "followup.ics"
    assert cal.write_ics(target, items_at(NOW), NOW) == 4
    original = target.read_bytes()
    assert len(vevents(parse(original))) == 4

    def broken(items: object, now: datetime) -> bytes:
        raise RuntimeError("disk full")

    monkeypatch.setattr(cal, "to_ics", broken)
    with pytest.raises(RuntimeError):
        cal.write_ics(target, items_at(NOW), NOW)
    assert target.read_bytes() == original
    monkeypatch.undo()

    def failing_rename(src: object, dst: object) -> None:
        raise OSError("rename failed")

    import followup.paths

    monkeypatch.setattr(followup.paths.os, "replace", failing_rename)
    with pytest.raises(OSError):
        cal.write_ics(target, items_at(NOW + timedelta(days=2)), NOW + timedelta(days=2))
    assert target.read_bytes() == original  # readers never see a half-written file
    assert sorted(p.name for p in target.parent.iterdir()) == ["followup.ics"]
    monkeypatch.undo()
    later = NOW + timedelta(days=30)
    cal.write_ics(target, items_at(later), later)
    assert target.read_bytes() != original
    assert sorted(p.name for p in target.parent.iterdir()) == ["followup.ics"]  # no temp left


def test_an_empty_export_is_still_a_valid_calendar():
    parsed = parse(cal.to_ics([], NOW))
    assert vevents(parsed) == []
    assert str(parsed["PRODID"]) == cal.PRODID


@pytest.mark.parametrize("text", ["Dana Whitfield (Northwind) — ü 🚀", "a+b&c=d/e?f#g%h", "",
                                  "line\nbreak 'quoted' \"double\""])
def test_url_quote_matches_urllib(text: str):
    from urllib.parse import quote

    assert cal.url_quote(text) == quote(text, safe="/")


def test_the_same_items_give_the_same_bytes_whatever_the_hash_seed() -> None:
    """icalendar adds zones in set order; the export must not depend on PYTHONHASHSEED."""
    import subprocess
    import sys

    script = (
        "from datetime import datetime; from dataclasses import replace; import hashlib\n"
        "from pathlib import Path\n"
        "from followup import config; from followup.calendar import to_ics\n"
        "from followup.cli.demo import sample_notes_path\n"
        "from followup.notes import read_notes_file\n"
        "from followup.timeline import Rules, timeline\n"
        "i = read_notes_file(sample_notes_path())\n"
        "i = replace(i, id=1, interviewers=tuple(replace(p, id=n) for n, p in "
        "enumerate(i.interviewers, 1)))\n"
        "now = datetime.fromisoformat('2026-11-25T08:00:00-06:00')\n"
        "print(hashlib.sha256(to_ics(timeline(i, [], now, Rules.from_config(config.defaults())),"
        " now)).hexdigest())\n"
    )
    digests = {
        subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                       text=True, env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "3")
    }
    assert len(digests) == 1


def test_descriptions_speak_plainly_in_the_events_own_zone() -> None:
    from followup.calendar import entry_for
    from followup.cli.demo import sample_notes_path
    from followup.notes import read_notes_file

    interview = read_notes_file(sample_notes_path())
    now = datetime.fromisoformat("2026-11-25T08:00:00-06:00")
    items = timeline(interview, [], now, Rules.from_config(config.defaults()))
    dana = next(i for i in items if i.to == "Dana Whitfield" and i.kind.value == "thank-you")
    details = entry_for(dana).details
    # Ends 15:30 CST = 16:30 EST; the window opens an hour later and closes 24 h after the end.
    assert "Send the thank-you note to Dana Whitfield between Tue 24 Nov 17:30 and " \
           "Wed 25 Nov 16:30 (EST); best at 08:00." in details
    check_in = next(i for i in items if i.kind.value == "check-in-1")
    assert "the first check-in" in entry_for(check_in).details
