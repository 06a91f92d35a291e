"""The timeline rules at fixed moments: windows, check-ins, statuses, zones, holidays, DST."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.businessdays import holiday_calendar, is_business_day
from followup.config import defaults
from followup.model import (
    Draft,
    DraftStatus,
    Event,
    EventKind,
    FollowupKind,
    Interview,
    Interviewer,
    Medium,
    Stage,
    Status,
)
from followup.timeline import (
    ItemStatus,
    Rules,
    Section,
    agenda,
    check_in_times,
    countdown,
    section,
    send_slot,
    timeline,
)
from followup.windows import next_send_slot

CHICAGO = ZoneInfo("America/Chicago")
NEW_YORK = ZoneInfo("America/New_York")
US = Rules(country="US")
TY, CI1, CI2 = FollowupKind.THANK_YOU, FollowupKind.CHECK_IN_1, FollowupKind.CHECK_IN_2


def person(name: str, pid: int, zone: str | None = None, primary: bool = False) -> Interviewer:
    return Interviewer(name=name, timezone=zone, primary=primary, id=pid)


PANEL = (
    person("Dana Whitfield", 1, "America/New_York", primary=True),
    person("Luis Ortega", 2),
    person("Asha Rao", 3, "Asia/Kolkata"),
)


def interview(starts: datetime, zone: str = "America/Chicago", **changes: object) -> Interview:
    fields: dict[str, object] = {
        "company": "Northwind", "role": "Data Engineer", "starts_at": starts, "timezone": zone,
        "duration_minutes": 60, "interviewers": PANEL, "id": 7,
    }
    fields.update(changes)
    return Interview(**fields)  # type: ignore[arg-type]


def at(*parts: int, tz: ZoneInfo = CHICAGO) -> datetime:
    return datetime(*parts, tzinfo=tz)  # type: ignore[misc]


def item(items: list, kind: FollowupKind, pid: int | None = None):  # type: ignore[no-untyped-def]
    found = [i for i in items if i.kind is kind and (pid is None or i.interviewer_id == pid)]
    assert len(found) == 1, found
    return found[0]


def sent(kind: FollowupKind, when: datetime, pid: int | None = 1) -> Event:
    return Event(7, EventKind.SENT, when, pid, kind)


# A Tuesday interview, 14:00–15:00 in Chicago.
TUESDAY = interview(at(2026, 11, 24, 14))


def test_thank_you_per_interviewer_opens_an_hour_after_and_is_due_a_day_after_the_end():
    items = timeline(TUESDAY, [], at(2026, 11, 24, 15, 30), US)
    thanks = [i for i in items if i.kind is TY]
    assert [i.to for i in thanks] == ["Dana Whitfield", "Luis Ortega", "Asha Rao"]
    for each in thanks:
        assert each.opens_at == at(2026, 11, 24, 16)
        assert each.due_at == at(2026, 11, 25, 15)
        assert each.status is ItemStatus.UPCOMING


def test_suggested_send_is_eight_oclock_in_each_recipients_own_zone():
    items = timeline(TUESDAY, [], at(2026, 11, 24, 16, 30), US)
    assert item(items, TY, 1).suggested_send_at == at(2026, 11, 25, 8, tz=NEW_YORK)
    assert item(items, TY, 2).suggested_send_at == at(2026, 11, 25, 8)  # the interview's zone
    kolkata = item(items, TY, 3).suggested_send_at
    # Opens 16:00 CST = 03:30 IST on Wednesday; the slot is Wednesday 08:00 IST (02:30 UTC).
    assert kolkata == at(2026, 11, 25, 8, tz=ZoneInfo("Asia/Kolkata"))
    assert kolkata.astimezone(UTC) == datetime(2026, 11, 25, 2, 30, tzinfo=UTC)
    assert str(kolkata.tzinfo) == "Asia/Kolkata"
    assert all(not i.note for i in items if i.kind is TY)


@pytest.mark.parametrize(("now", "status"), [
    (at(2026, 11, 24, 15, 59), ItemStatus.UPCOMING),
    (at(2026, 11, 24, 16), ItemStatus.OPEN),
    (at(2026, 11, 25, 14, 59), ItemStatus.OPEN),
    (at(2026, 11, 25, 15), ItemStatus.OVERDUE),
])
def test_thank_you_status_follows_the_clock(now: datetime, status: ItemStatus):
    assert item(timeline(TUESDAY, [], now, US), TY, 2).status is status


def test_a_sent_thank_you_is_done_only_for_that_person():
    events = [sent(TY, at(2026, 11, 25, 9), pid=2)]
    items = timeline(TUESDAY, events, at(2026, 11, 25, 16), US)
    assert item(items, TY, 2).status is ItemStatus.DONE
    assert item(items, TY, 2).sent_at == at(2026, 11, 25, 9)
    assert item(items, TY, 1).status is ItemStatus.OVERDUE


def test_events_after_now_do_not_count_yet():
    events = [sent(TY, at(2026, 11, 25, 9), pid=2)]
    items = timeline(TUESDAY, events, at(2026, 11, 25, 8), US)
    assert item(items, TY, 2).status is ItemStatus.OPEN


def test_friday_afternoon_thank_you_falls_back_to_the_opening_before_the_deadline():
    friday = interview(at(2026, 11, 20, 14))  # ends 15:00, due Saturday 15:00
    luis = item(timeline(friday, [], at(2026, 11, 20, 15), US), TY, 2)
    assert luis.suggested_send_at == at(2026, 11, 20, 16)  # daytime: the window's opening
    assert luis.suggested_send_at <= luis.due_at
    assert "no 08:00–10:00 working-day slot before the deadline" in luis.note


def test_night_opening_without_a_slot_moves_to_seven_in_the_morning():
    late_friday = interview(at(2026, 11, 20, 20))  # ends 21:00, opens 22:00, due Sat 21:00
    items = timeline(late_friday, [], at(2026, 11, 20, 21), US)
    assert item(items, TY, 2).suggested_send_at == at(2026, 11, 21, 7)
    # In Kolkata the window opens on Saturday 09:30 (daytime, but a weekend): opening it is.
    asha = item(items, TY, 3).suggested_send_at
    assert asha == at(2026, 11, 21, 9, 30, tz=ZoneInfo("Asia/Kolkata"))
    assert asha.utcoffset() == timedelta(hours=5, minutes=30)


def test_public_holidays_of_the_configured_country_are_skipped():
    before_thanksgiving = interview(at(2026, 11, 25, 14))  # Wed; Thu 26 is Thanksgiving (US)
    us = item(timeline(before_thanksgiving, [], at(2026, 11, 25, 15), US), TY, 2)
    assert us.suggested_send_at == at(2026, 11, 25, 16) and us.note
    germany = item(timeline(before_thanksgiving, [], at(2026, 11, 25, 15), Rules(country="DE")),
                   TY, 2)
    assert germany.suggested_send_at == at(2026, 11, 26, 8) and not germany.note


def test_check_in_one_goes_to_the_primary_contact_a_week_after_the_interview():
    check_in = item(timeline(TUESDAY, [], at(2026, 11, 24, 16), US), CI1)
    assert (check_in.to, check_in.interviewer_id, check_in.zone) == (
        "Dana Whitfield", 1, "America/New_York")
    assert check_in.opens_at == at(2026, 12, 1, 0, tz=NEW_YORK)
    assert check_in.suggested_send_at == at(2026, 12, 1, 8, tz=NEW_YORK)
    assert check_in.due_at == at(2026, 12, 1, 18, tz=NEW_YORK)
    assert check_in.status is ItemStatus.UPCOMING


@pytest.mark.parametrize(("decision_by", "expected"), [
    (date(2026, 11, 27), date(2026, 12, 1)),    # +2 business days = Dec 1: a tie
    (date(2026, 12, 4), date(2026, 12, 8)),     # Friday + 2 business days = Tuesday
    (date(2026, 12, 23), date(2026, 12, 28)),   # skips Christmas Day and the weekend
    (date(2026, 11, 20), date(2026, 12, 1)),    # an early decision date: the week wins
])
def test_check_in_one_is_the_later_of_a_week_and_two_business_days_after_the_decision(
    decision_by: date, expected: date,
):
    record = replace(TUESDAY, decision_by=decision_by)
    check_in = item(timeline(record, [], at(2026, 11, 24, 16), US), CI1)
    assert check_in.suggested_send_at == datetime.combine(
        expected, datetime.min.time().replace(hour=8), NEW_YORK)


def test_a_check_in_that_lands_on_a_weekend_moves_to_the_next_business_day():
    saturday = interview(at(2026, 11, 21, 10), interviewers=(person("Luis Ortega", 2),))
    check_in = item(timeline(saturday, [], at(2026, 11, 21, 12), US), CI1)
    assert check_in.opens_at == at(2026, 11, 28, 0)
    assert check_in.suggested_send_at == at(2026, 11, 30, 8)
    assert check_in.due_at == at(2026, 11, 30, 18)


def test_check_in_two_exists_only_after_check_in_one_is_sent_then_nothing_more():
    assert not [i for i in timeline(TUESDAY, [], at(2026, 12, 20), US) if i.kind is CI2]
    first_sent = at(2026, 12, 1, 9, tz=NEW_YORK)
    items = timeline(TUESDAY, [sent(CI1, first_sent)], at(2026, 12, 2), US)
    assert item(items, CI1).status is ItemStatus.DONE
    second = item(items, CI2)
    assert second.suggested_send_at == at(2026, 12, 8, 8, tz=NEW_YORK)
    assert second.status is ItemStatus.UPCOMING
    both = [sent(CI1, first_sent), sent(CI2, at(2026, 12, 8, 9, tz=NEW_YORK))]
    later = timeline(TUESDAY, both, at(2027, 3, 1), US)
    assert [i.kind for i in later if i.kind is not TY] == [CI1, CI2]
    assert all(i.status is ItemStatus.DONE for i in later if i.kind is not TY)


def test_a_reply_cancels_pending_check_ins_but_not_thank_yous_owed_to_the_panel():
    reply = Event(7, EventKind.REPLIED, at(2026, 11, 24, 17), 1, detail="Dana Whitfield")
    items = timeline(TUESDAY, [reply], at(2026, 11, 24, 18), US)
    check_in = item(items, CI1)
    assert check_in.status is ItemStatus.CANCELLED
    assert "reply from Dana Whitfield" in check_in.note
    assert item(items, TY, 2).status is ItemStatus.OPEN


def test_a_reply_after_check_in_one_cancels_check_in_two():
    events = [sent(CI1, at(2026, 12, 1, 9, tz=NEW_YORK)),
              Event(7, EventKind.REPLIED, at(2026, 12, 3, 10))]
    items = timeline(TUESDAY, events, at(2026, 12, 4), US)
    assert item(items, CI1).status is ItemStatus.DONE
    assert item(items, CI2).status is ItemStatus.CANCELLED


def test_closing_cancels_everything_pending_and_keeps_what_was_sent():
    events = [sent(TY, at(2026, 11, 25, 9), pid=2),
              Event(7, EventKind.CLOSED, at(2026, 11, 25, 10), detail="rejected")]
    items = timeline(TUESDAY, events, at(2026, 11, 25, 11), US)
    assert item(items, TY, 2).status is ItemStatus.DONE
    for other in (item(items, TY, 1), item(items, TY, 3), item(items, CI1)):
        assert other.status is ItemStatus.CANCELLED
        assert "rejected" in other.note


def test_a_closed_record_without_a_close_event_cancels_too():
    closed = replace(TUESDAY, status=Status.CLOSED, outcome="withdrawn")
    items = timeline(closed, [], at(2026, 11, 24, 16), US)
    assert {i.status for i in items} == {ItemStatus.CANCELLED}


def test_an_interview_with_nobody_recorded_still_gets_a_check_in():
    lone = interview(at(2026, 11, 24, 14), interviewers=())
    items = timeline(lone, [], at(2026, 11, 24, 16), US)
    assert [(i.kind, i.to, i.zone) for i in items] == [(CI1, None, "America/Chicago")]


def test_newest_unsent_draft_is_linked_to_its_item():
    def draft(did: int, pid: int, stage: Stage, status: DraftStatus, minute: int) -> Draft:
        return Draft(7, pid, stage, Medium.EMAIL, "s", "b", status=status, id=did,
                     updated_at=at(2026, 11, 24, 16, minute))
    drafts = [draft(1, 2, Stage.THANK_YOU, DraftStatus.DRAFT, 0),
              draft(2, 2, Stage.THANK_YOU, DraftStatus.APPROVED, 5),
              draft(3, 2, Stage.THANK_YOU, DraftStatus.SENT, 9),
              draft(4, 1, Stage.CHECK_IN, DraftStatus.DRAFT, 1)]
    items = timeline(TUESDAY, [], at(2026, 11, 24, 17), US, drafts)
    assert item(items, TY, 2).draft_id == 2
    assert item(items, TY, 1).draft_id is None
    assert item(items, CI1).draft_id == 4


# -- daylight saving ------------------------------------------------------------------------

@pytest.mark.parametrize(("zone", "ends", "due_local_hour"), [
    ("America/New_York", datetime(2026, 3, 7, 20), 21),   # clocks spring forward Mar 8
    ("America/New_York", datetime(2026, 10, 31, 20), 19),  # fall back Nov 1
    ("Europe/Berlin", datetime(2026, 3, 28, 20), 21),     # Mar 29
    ("Europe/Berlin", datetime(2026, 10, 24, 20), 19),    # Oct 25
    ("Australia/Adelaide", datetime(2026, 10, 3, 20), 21),  # +09:30 -> +10:30 on Oct 4
])
def test_the_thank_you_deadline_is_24_real_hours_across_a_clock_change(
    zone: str, ends: datetime, due_local_hour: int,
):
    tz = ZoneInfo(zone)
    record = interview((ends - timedelta(hours=1)).replace(tzinfo=tz), zone,
                       interviewers=(person("Luis Ortega", 2),))
    thanks = item(timeline(record, [], ends.replace(tzinfo=tz), US), TY)
    # Same-zone subtraction is wall-clock in Python; compare in UTC for real hours.
    assert thanks.due_at.astimezone(UTC) - record.ends_at.astimezone(UTC) == timedelta(hours=24)
    assert thanks.due_at.astimezone(tz).hour == due_local_hour


@pytest.mark.parametrize(("zone", "interview_day", "offset_after"), [
    ("America/New_York", datetime(2026, 3, 3, 10), timedelta(hours=-4)),
    ("America/New_York", datetime(2026, 10, 27, 10), timedelta(hours=-5)),
    ("Europe/Berlin", datetime(2026, 3, 24, 10), timedelta(hours=2)),
    ("Europe/Berlin", datetime(2026, 10, 20, 10), timedelta(hours=1)),
    ("Australia/Adelaide", datetime(2026, 9, 29, 10), timedelta(hours=10, minutes=30)),
])
def test_check_ins_stay_at_eight_local_across_a_clock_change(
    zone: str, interview_day: datetime, offset_after: timedelta,
):
    tz = ZoneInfo(zone)
    record = interview(interview_day.replace(tzinfo=tz), zone,
                       interviewers=(person("Luis Ortega", 2),))
    check_in = item(timeline(record, [], interview_day.replace(tzinfo=tz), US), CI1)
    suggested = check_in.suggested_send_at
    assert (suggested.hour, suggested.minute) == (8, 0)
    assert suggested.utcoffset() == offset_after
    assert suggested.date() == interview_day.date() + timedelta(days=7)


# -- agenda and countdowns -------------------------------------------------------------------

def test_agenda_lists_overdue_then_today_then_upcoming_within_the_horizon():
    old = interview(at(2026, 11, 20, 9), id=1)        # its thank-yous are overdue on the 24th
    fresh = interview(at(2026, 11, 24, 8), id=2)      # thank-yous open on the 24th
    later = interview(at(2026, 11, 24, 17), id=3)     # thank-yous open at 19:00 the same day
    now = at(2026, 11, 24, 12)
    entries = [(later, [], []), (fresh, [], []), (old, [], [])]
    items = agenda(entries, now, US, days=14, user_zone="America/Chicago")
    sections = [section(i, now, "America/Chicago") for i in items]
    assert sections == sorted(sections, key=list(Section).index)
    assert [i.interview_id for i in items[:3]] == [1, 1, 1]
    assert {i.status for i in items[:3]} == {ItemStatus.OVERDUE}
    assert [i.interview_id for i in items if section(i, now, "America/Chicago")
            is Section.TODAY] == [2, 2, 2, 3, 3, 3]
    assert {i.kind for i in items[-3:]} == {CI1}   # check-ins of all three, a week out
    within_a_day = agenda(entries, now, US, days=1, user_zone="America/Chicago")
    assert CI1 not in {i.kind for i in within_a_day}


def test_agenda_leaves_settled_items_out_unless_asked():
    events = [sent(TY, at(2026, 11, 25, 9), pid=2)]
    now = at(2026, 11, 25, 10)
    pending = agenda([(TUESDAY, events, [])], now, US)
    assert all(i.pending for i in pending) and len(pending) == 3
    everything = agenda([(TUESDAY, events, [])], now, US, include_settled=True)
    assert everything[-1].status is ItemStatus.DONE and len(everything) == 4


@pytest.mark.parametrize(("now", "text"), [
    (at(2026, 11, 25, 10), "due in 5 h"),
    (at(2026, 11, 25, 14, 20), "due in 40 min"),
    (at(2026, 11, 27, 15), "2 days overdue"),
    (at(2026, 11, 26, 16), "1 day overdue"),
    (at(2026, 11, 24, 15), "opens in 1 h"),
    (at(2026, 11, 24, 14), "opens in 2 h"),
])
def test_countdown_reads_like_a_person_would_say_it(now: datetime, text: str):
    assert countdown(item(timeline(TUESDAY, [], now, US), TY, 2), now) == text


def test_rules_come_from_the_config():
    rules = Rules.from_config(defaults())
    assert rules == Rules(country="US")


def test_holiday_calendars_are_built_once_per_country():
    holiday_calendar.cache_clear()
    for day in range(1, 28):
        is_business_day(date(2031, 2, day), "FR")
    is_business_day(date(2031, 5, 1), "FR")
    assert holiday_calendar.cache_info().misses == 1
    assert not is_business_day(date(2031, 5, 1), "FR")  # Fête du Travail


# -- properties ------------------------------------------------------------------------------

ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/Berlin",
         "Europe/London", "Asia/Kolkata", "Australia/Adelaide", "Asia/Kathmandu", "Asia/Tokyo"]
moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2029, 12, 31))


@st.composite
def records(draw: st.DrawFn) -> Interview:
    zone = draw(st.sampled_from(ZONES))
    people = tuple(
        person(f"P{n}", n, draw(st.none() | st.sampled_from(ZONES)))
        for n in range(1, draw(st.integers(0, 4)) + 1)
    )
    decision = draw(st.none() | st.dates(date(2024, 1, 1), date(2030, 3, 1)))
    return interview(draw(moments).replace(tzinfo=ZoneInfo(zone)), zone,
                     duration_minutes=draw(st.integers(15, 300)), decision_by=decision,
                     interviewers=people)


@st.composite
def event_lists(draw: st.DrawFn, record: Interview) -> list[Event]:
    base = record.ends_at
    result = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(list(EventKind)))
        when = base + timedelta(hours=draw(st.integers(-2, 24 * 40)))
        followup = draw(st.sampled_from(list(FollowupKind))) if kind is EventKind.SENT else None
        pid = draw(st.none() | st.integers(1, 4))
        result.append(Event(7, kind, when, pid, followup))
    return result


COUNTRIES = st.sampled_from(["US", "DE", "GB", "IN", "AU"])


@settings(max_examples=150, deadline=None)
@given(data=st.data(), record=records(), country=COUNTRIES)
def test_properties_of_every_timeline(data: st.DataObject, record: Interview, country: str):
    rules = Rules(country=country)
    events = data.draw(event_lists(record))
    now = record.ends_at + timedelta(hours=data.draw(st.integers(-5, 24 * 60)))
    items = timeline(record, events, now, rules)
    assert sum(1 for i in items if i.kind is not TY) <= 2
    assert sum(1 for i in items if i.kind is CI2) <= 1
    for each in items:
        assert each.opens_at <= each.due_at
        local = each.suggested_send_at
        assert str(local.tzinfo) == each.zone
        if each.kind is TY:
            assert each.opens_at <= local <= each.due_at
        else:
            assert each.opens_at <= local
            assert 8 <= local.hour < 10
            assert is_business_day(local.date(), country)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), record=records())
def test_cancelled_items_never_come_back(data: st.DataObject, record: Interview):
    events = data.draw(event_lists(record))
    first = record.ends_at + timedelta(hours=data.draw(st.integers(0, 24 * 30)))
    later = first + timedelta(hours=data.draw(st.integers(0, 24 * 30)))
    more = data.draw(event_lists(record))
    more = [e for e in more if e.at > first]  # what happens after cannot undo a cancellation
    before = timeline(record, events, first, US)
    after = {(i.kind, i.interviewer_id): i for i in timeline(record, events + more, later, US)}
    for each in before:
        if each.status is ItemStatus.CANCELLED:
            assert not after[(each.kind, each.interviewer_id)].pending


# -- caches and the lean agenda loader -------------------------------------------------------


def day_by_day_slot(
    moment: datetime, zone: str, start: int, end: int, business_day: Callable[[date], bool]
) -> datetime:
    """The send-slot search without any cache: walk forward a day at a time."""
    tz = ZoneInfo(zone)
    local = moment.astimezone(tz)
    today, clock = local.date(), local.time()
    day = today
    while True:
        if business_day(day) and (day != today or clock < time(end)):
            return local if day == today and clock >= time(start) else datetime.combine(
                day, time(start), tz)
        day += timedelta(days=1)


@settings(max_examples=300, deadline=None)
@given(moment=moments, given_zone=st.sampled_from(ZONES), zone=st.sampled_from(ZONES),
       country=COUNTRIES, start=st.integers(0, 12), length=st.integers(1, 6))
def test_the_cached_send_slot_search_is_the_day_by_day_walk(
    moment: datetime, given_zone: str, zone: str, country: str, start: int, length: int
):
    rules = Rules(country=country, send_hour_start=start, send_hour_end=start + length)
    aware = moment.replace(tzinfo=ZoneInfo(given_zone))
    plain = day_by_day_slot(aware, zone, start, start + length, rules.business_day)
    for _ in range(2):  # the second answer comes from the cache
        for fast in (send_slot(aware, zone, rules),
                     next_send_slot(aware, zone, start, start + length,
                                    business_day=rules.business_day)):
            # Equal instants are not enough: the same wall clock, fold and zone object too.
            assert fast == plain and fast.tzinfo is plain.tzinfo
            assert (fast.replace(tzinfo=None), fast.fold) == (plain.replace(tzinfo=None),
                                                              plain.fold)
    weekdays = day_by_day_slot(aware, zone, start, start + length, lambda d: d.weekday() < 5)
    assert next_send_slot(aware, zone, start, start + length) == weekdays


@pytest.mark.parametrize("day", [date(2026, 11, 26), date(2026, 3, 7), date(2026, 3, 8),
                                 date(2026, 3, 28), date(2026, 10, 31), date(2026, 12, 24)])
def test_cached_check_in_times_are_a_fresh_computation(day: date):
    for zone in ZONES:
        for _ in range(2):  # the second call is answered from the cache
            assert check_in_times(day, zone, US) == check_in_times.__wrapped__(day, zone, US)


def test_the_agenda_loader_leaves_draft_text_and_closed_interviews_behind(store, make_interview):
    opened, _ = store.save_interview(make_interview(company="Open"))
    closed, _ = store.save_interview(make_interview(company="Closed", day=3))
    for record in (opened, closed):
        store.save_draft(Draft(record.id, record.interviewers[0].id, Stage.THANK_YOU,
                               Medium.EMAIL, "Thank you", "Dear Zoë, …",
                               message_id=f"<{record.id}@example.com>"))
        store.record_event(Event(record.id, EventKind.SENT, at(2024, 5, 3, 9),
                                 record.interviewers[0].id, TY))
    store.close_interview(closed.id, "rejected", at(2024, 5, 9, 9))
    ((record, events, drafts),) = store.open_interviews_with_events()
    assert record.id == opened.id and events == store.list_events(opened.id)
    (full,) = store.list_drafts(opened.id)
    (lean,) = drafts
    assert (lean.subject, lean.body) == ("", "")  # the timeline never reads the text
    assert lean == replace(full, subject="", body="")
    assert (lean.id, lean.created_at, lean.updated_at) == (full.id, full.created_at,
                                                           full.updated_at)
