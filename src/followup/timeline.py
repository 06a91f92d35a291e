"""The timeline: what follow-up is due for an interview, when, and what is already settled.

Pure functions over an Interview, its Events and Drafts, and an injected `now`:

- a thank-you per interviewer: opens 1 h after the interview ends, due 24 h after it ends
  (real hours, so a daylight-saving change does not move the deadline by an hour);
- check-in 1 to the primary contact on the later of the interview date + 7 days and
  `decision_by` + 2 business days; check-in 2 seven days after check-in 1 was *sent*; never
  a third;
- a SENT event settles an item ("done"); a CLOSED event (or a closed record) cancels all
  that is pending, a REPLIED event cancels the pending check-ins (thank-you notes to the
  rest of the panel are still owed after one interviewer answers);
- each item has a suggested send time: the first 08:00–10:00 slot on a business day in the
  recipient's zone at or after it opens; a thank-you never later than its deadline.

Only events at or before `now` count, so the timeline at any past moment can be replayed.
Check-ins live on dates: a check-in is "on" a day in the recipient's zone, opens at the start
of that day and is due at the end of the working day on which it is suggested.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from followup.businessdays import add_business_days, business_days_of, is_business_day
from followup.model import (
    Draft,
    DraftStatus,
    Event,
    EventKind,
    FollowupKind,
    Interview,
    Interviewer,
    Stage,
    Status,
)
from followup.windows import is_night, next_send_slot, thank_you_window, zone_info

if TYPE_CHECKING:
    from followup.config import Config

WORKDAY_END_HOUR = 18  # a check-in not sent by the end of its working day is overdue
EARLIEST_REASONABLE_HOUR = 7  # fallback for a thank-you with no send slot before its deadline
CHECK_INS = (FollowupKind.CHECK_IN_1, FollowupKind.CHECK_IN_2)
KIND_ORDER = {FollowupKind.THANK_YOU: 0, FollowupKind.CHECK_IN_1: 1, FollowupKind.CHECK_IN_2: 2}


class ItemStatus(StrEnum):
    """Where an item stands at `now`."""

    UPCOMING = "upcoming"    # not open yet
    OPEN = "open"            # may be sent now; not yet due
    OVERDUE = "overdue"      # past its due time and not sent
    DONE = "done"            # sent
    CANCELLED = "cancelled"  # a reply or the end of the process made it moot


PENDING = frozenset({ItemStatus.UPCOMING, ItemStatus.OPEN, ItemStatus.OVERDUE})


class Section(StrEnum):
    """The agenda's groups, in the order they are shown."""

    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"
    SETTLED = "settled"


SECTION_ORDER = {section: rank for rank, section in enumerate(Section)}


@dataclass(frozen=True)
class Rules:
    """The limits the timeline applies, read once from the config."""

    country: str = "US"
    thank_you_opens_hours: int = 1
    thank_you_due_hours: int = 24
    send_hour_start: int = 8
    send_hour_end: int = 10
    check_in_days: int = 7
    check_in_after_decision_days: int = 2
    second_check_in_days: int = 7

    @classmethod
    def from_config(cls, config: Config) -> Rules:
        return cls(
            country=config.country,
            **{name: config.limit(name) for name in (
                "thank_you_opens_hours", "thank_you_due_hours", "send_hour_start",
                "send_hour_end", "check_in_days", "check_in_after_decision_days",
                "second_check_in_days")},
        )

    def business_day(self, day: date) -> bool:
        return is_business_day(day, self.country)


@dataclass(frozen=True)
class TimelineItem:
    """One follow-up to one person: when it opens, is due, is best sent, and where it stands."""

    interview_id: int | None
    company: str
    role: str
    kind: FollowupKind
    interviewer_id: int | None
    to: str | None
    zone: str  # the recipient's time zone
    opens_at: datetime
    due_at: datetime
    suggested_send_at: datetime  # in the recipient's zone
    status: ItemStatus
    note: str = ""
    sent_at: datetime | None = None
    draft_id: int | None = None

    @property
    def pending(self) -> bool:
        return self.status in PENDING

    @property
    def stage(self) -> Stage:
        return Stage.THANK_YOU if self.kind is FollowupKind.THANK_YOU else Stage.CHECK_IN


def _rules(config: Config | Rules) -> Rules:
    return config if isinstance(config, Rules) else Rules.from_config(config)


def recipient_zone(interview: Interview, person: Interviewer | None) -> str:
    """The zone a recipient reads mail in: their own if recorded, else the interview's."""
    return (person.timezone if person and person.timezone else None) or interview.timezone


def send_slot(moment: datetime, zone: str, rules: Rules) -> datetime:
    """The first 08:00–10:00 moment on a business day in `zone` at or after `moment`."""
    return next_send_slot(moment, zone, rules.send_hour_start, rules.send_hour_end,
                          business_day=business_days_of(rules.country))


def suggest_thank_you(
    opens: datetime, due: datetime, zone: str, rules: Rules
) -> tuple[datetime, str]:
    """When to send a thank-you: the first send slot, or, when none fits before the
    deadline, the earliest reasonable time (opening if it is daytime, else 07:00) before it.
    Returns the moment in `zone` and a note when the usual slot could not be used."""
    slot = send_slot(opens, zone, rules)
    if slot <= due:
        return slot, ""
    tz = zone_info(zone)
    local_opens = opens.astimezone(tz)
    candidate = local_opens
    if is_night(opens, zone, night_end=EARLIEST_REASONABLE_HOUR):
        morning = datetime.combine(local_opens.date(), time(EARLIEST_REASONABLE_HOUR), tz)
        if morning < local_opens:
            morning = datetime.combine(
                local_opens.date() + timedelta(days=1), time(EARLIEST_REASONABLE_HOUR), tz)
        candidate = morning if morning <= due else local_opens
    return candidate, (
        f"no {rules.send_hour_start:02d}:00–{rules.send_hour_end:02d}:00 working-day slot "
        f"before the deadline ({due.astimezone(tz):%a %H:%M %Z}); earliest reasonable time "
        "instead"
    )


def first_check_in_date(interview: Interview, rules: Rules) -> date:
    """The later of the interview date + N days and decision_by + M business days."""
    interview_day = interview.starts_at.astimezone(zone_info(interview.timezone)).date()
    day = interview_day + timedelta(days=rules.check_in_days)
    if interview.decision_by is not None:
        after_decision = add_business_days(
            interview.decision_by, rules.check_in_after_decision_days, rules.country)
        day = max(day, after_decision)
    return day


@lru_cache(maxsize=16384)
def check_in_times(day: date, zone: str, rules: Rules) -> tuple[datetime, datetime, datetime]:
    """(opens, due, suggested) for a check-in on `day` in the recipient's zone (cached)."""
    tz = zone_info(zone)
    opens = datetime.combine(day, time(0), tz)
    suggested = send_slot(opens, zone, rules)
    due = datetime.combine(suggested.date(), time(WORKDAY_END_HOUR), tz)
    return opens, due, suggested


@dataclass(frozen=True)
class _Facts:
    """What the events say, as of `now`."""

    sent: dict[tuple[FollowupKind, int | None], Event]
    replied: Event | None
    closed: Event | None
    closed_without_event: bool

    @classmethod
    def of(cls, interview: Interview, events: Sequence[Event], now: datetime) -> _Facts:
        if not events and interview.status is Status.OPEN:
            return NO_FACTS
        sent: dict[tuple[FollowupKind, int | None], Event] = {}
        replied = closed = None
        any_closed_event = False
        for event in sorted(events, key=lambda e: e.at):
            if event.kind is EventKind.CLOSED:
                any_closed_event = True
            if event.at > now:
                continue
            if event.kind is EventKind.SENT and event.followup is not None:
                # Thank-yous are per person; each check-in exists once per interview.
                who = event.interviewer_id if event.followup is FollowupKind.THANK_YOU else None
                sent.setdefault((event.followup, who), event)
            elif event.kind is EventKind.REPLIED and replied is None:
                replied = event
            elif event.kind is EventKind.CLOSED and closed is None:
                closed = event
        closed_without_event = interview.status is Status.CLOSED and not any_closed_event
        return cls(sent, replied, closed, closed_without_event)

    def sent_event(self, kind: FollowupKind, interviewer_id: int | None) -> Event | None:
        return self.sent.get((kind, interviewer_id if kind is FollowupKind.THANK_YOU else None))

    def cancellation(self, kind: FollowupKind, interview: Interview) -> str | None:
        """Why a not-yet-sent item of this kind is cancelled, if it is."""
        if self.closed is not None:
            outcome = self.closed.detail or interview.outcome or "closed"
            return f"cancelled: process closed ({outcome}) {self.closed.at:%Y-%m-%d}"
        if self.closed_without_event:
            return f"cancelled: process closed ({interview.outcome or 'closed'})"
        if kind in CHECK_INS and self.replied is not None:
            who = f" from {self.replied.detail}" if self.replied.detail else ""
            return f"cancelled: reply{who} on {self.replied.at:%Y-%m-%d}"
        return None


NO_FACTS = _Facts({}, None, None, False)  # an open interview with no events; never mutated


def newest_open_draft(
    drafts: Sequence[Draft], interviewer_id: int | None, stage: Stage
) -> int | None:
    """The id of the newest draft not yet sent for this person and stage, if any."""
    if not drafts:
        return None
    floor = datetime.min.replace(tzinfo=UTC)
    candidates = [
        d for d in drafts
        if d.interviewer_id == interviewer_id and d.stage is stage
        and d.status is not DraftStatus.SENT and d.id is not None
    ]
    if not candidates:
        return None
    newest = max(candidates, key=lambda d: (d.updated_at or d.created_at or floor, d.id or 0))
    return newest.id


def timeline(
    interview: Interview,
    events: Sequence[Event],
    now: datetime,
    config: Config | Rules,
    drafts: Sequence[Draft] = (),
) -> list[TimelineItem]:
    """Every follow-up item of one interview at `now`: thank-yous, then check-ins."""
    rules = _rules(config)
    facts = _Facts.of(interview, events, now)
    items: list[TimelineItem] = []

    def add(kind: FollowupKind, person: Interviewer | None, zone: str, opens: datetime,
            due: datetime, suggested: datetime, note: str = "") -> None:
        person_id = person.id if person else None
        sent = facts.sent_event(kind, person_id)
        stage = Stage.THANK_YOU if kind is FollowupKind.THANK_YOU else Stage.CHECK_IN
        draft_id = newest_open_draft(drafts, person_id, stage) if drafts else None
        if sent is not None:
            status, note = ItemStatus.DONE, f"sent {sent.at:%Y-%m-%d %H:%M %Z}"
            draft_id = sent.draft_id or draft_id
        elif (why := facts.cancellation(kind, interview)) is not None:
            status, note = ItemStatus.CANCELLED, why
        elif now < opens:
            status = ItemStatus.UPCOMING
        elif now < due:
            status = ItemStatus.OPEN
        else:
            status = ItemStatus.OVERDUE
        items.append(TimelineItem(
            interview.id, interview.company, interview.role, kind, person_id,
            person.name if person else None, zone, opens, due, suggested, status, note,
            sent.at if sent else None, draft_id,
        ))

    window = thank_you_window(interview.ends_at, rules.thank_you_opens_hours,
                              rules.thank_you_due_hours)
    for person in interview.interviewers:
        zone = recipient_zone(interview, person)
        suggested, note = suggest_thank_you(window.opens, window.due, zone, rules)
        add(FollowupKind.THANK_YOU, person, zone, window.opens, window.due, suggested, note)

    contact = interview.primary_contact
    zone = recipient_zone(interview, contact)
    add(FollowupKind.CHECK_IN_1, contact, zone,
        *check_in_times(first_check_in_date(interview, rules), zone, rules))
    first = facts.sent_event(FollowupKind.CHECK_IN_1, None)
    if first is not None:  # the second check-in exists only once the first went out
        day = first.at.astimezone(zone_info(zone)).date() + timedelta(
            days=rules.second_check_in_days)
        add(FollowupKind.CHECK_IN_2, contact, zone, *check_in_times(day, zone, rules))
    return items


def section(item: TimelineItem, now: datetime, user_zone: str) -> Section:
    """Which agenda group an item belongs to, judged on the user's calendar."""
    tz = zone_info(user_zone)
    return _section(item, now.astimezone(tz).date(), tz)


def _section(item: TimelineItem, today: date, tz: ZoneInfo) -> Section:
    if not item.pending:
        return Section.SETTLED
    if item.status is ItemStatus.OVERDUE:
        return Section.OVERDUE
    if item.status is ItemStatus.OPEN:
        return Section.TODAY
    return Section.TODAY if item.opens_at.astimezone(tz).date() <= today else Section.UPCOMING


@dataclass(frozen=True)
class Unplanned:
    """A record whose follow-ups cannot be computed (a date or length out of range, a zone
    that no longer exists): reported beside the agenda, which still shows every other."""

    interview_id: int | None
    company: str
    reason: str

    def __str__(self) -> str:
        return (f"#{self.interview_id} {self.company}: cannot be planned ({self.reason}); "
                f"fix the record (followup edit {self.interview_id})")


# What date arithmetic and zone lookups raise on a record out of range.
_UNPLANNABLE = (ArithmeticError, ValueError, LookupError, OSError)


def plan_each(
    entries: Iterable[tuple[Interview, Sequence[Event], Sequence[Draft]]], now: datetime,
    config: Config | Rules, unplanned: list[Unplanned] | None = None,
) -> list[TimelineItem]:
    """Every entry's timeline items; an entry that cannot be planned is skipped and, when
    `unplanned` is given, added to it, so one bad record never hides everyone's agenda."""
    rules = _rules(config)
    items: list[TimelineItem] = []
    for interview, events, drafts in entries:
        try:
            items.extend(timeline(interview, events, now, rules, drafts))
        except _UNPLANNABLE as exc:
            if unplanned is not None:
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                unplanned.append(Unplanned(interview.id, interview.company, reason))
    return items


def agenda(
    entries: Iterable[tuple[Interview, Sequence[Event], Sequence[Draft]]],
    now: datetime,
    config: Config | Rules,
    days: int = 14,
    *,
    user_zone: str | None = None,
    include_settled: bool = False,
    unplanned: list[Unplanned] | None = None,
) -> list[TimelineItem]:
    """What is pending across interviews: overdue first, then today, then what opens within
    `days`. `user_zone` (default: the config's) decides what "today" is. Settled items
    (done, cancelled) are left out unless asked for, and then come last. A record that
    cannot be planned is left out and listed in `unplanned` (see `plan_each`)."""
    tz = zone_info(user_zone or _user_zone(config))
    today = now.astimezone(tz).date()
    horizon = now + timedelta(days=days)
    chosen: list[tuple[Section, TimelineItem]] = []
    for item in plan_each(entries, now, config, unplanned):
        if item.pending and (item.status is not ItemStatus.UPCOMING
                             or item.opens_at <= horizon):
            chosen.append((_section(item, today, tz), item))
        elif include_settled and not item.pending:
            chosen.append((Section.SETTLED, item))
    chosen.sort(key=lambda pair: _sort_key(*pair))
    return [item for _, item in chosen]


def _user_zone(config: Config | Rules) -> str:
    return "UTC" if isinstance(config, Rules) else config.timezone


def _sort_key(group: Section, item: TimelineItem) -> tuple[object, ...]:
    moment = item.opens_at if group is Section.UPCOMING else item.due_at
    # Timestamps, not datetimes: comparing aware datetimes of different zones is slow.
    return (SECTION_ORDER[group], moment.timestamp(), item.interview_id or 0,
            KIND_ORDER[item.kind], item.to or "")


def duration_text(delta: timedelta) -> str:
    """"40 min", "5 h", "3 days": a rough distance between two moments, for countdowns."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} h"
    days = hours // 24
    return f"{days} day" if days == 1 else f"{days} days"


def countdown(item: TimelineItem, now: datetime) -> str:
    """"due in 5 h", "2 days overdue", "opens in 3 days", "sent", "cancelled"."""
    if item.status is ItemStatus.OVERDUE:
        return f"{duration_text(now - item.due_at)} overdue"
    if item.status is ItemStatus.OPEN:
        return f"due in {duration_text(item.due_at - now)}"
    if item.status is ItemStatus.UPCOMING:
        return f"opens in {duration_text(item.opens_at - now)}"
    return item.status.value
