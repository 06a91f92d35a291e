"""What moves the agenda, shared by the CLI and the web: a note marked sent, the JSON of an
agenda item, and the outcomes that close an interview.

Sits beside `store` and `calendar` in the import order: it reads the timeline's values and
writes events through a Store handed in, so `followup sent` and the web's "mark as sent" are
one code path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from followup.errors import InputError
from followup.model import (
    Draft,
    DraftStatus,
    Event,
    EventKind,
    FollowupKind,
    Interview,
    Interviewer,
    Stage,
)

if TYPE_CHECKING:
    from followup.store import Store
    from followup.timeline import TimelineItem

OUTCOMES = ("offer", "rejected", "withdrawn", "hired")
JSON_KEYS = ("interview_id", "company", "role", "kind", "to", "opens_at", "due_at",
             "suggested_send_at", "status", "draft_id", "calendar_link")
KIND_LABEL = {FollowupKind.THANK_YOU: "thank-you", FollowupKind.CHECK_IN_1: "check-in 1",
              FollowupKind.CHECK_IN_2: "check-in 2 (last)"}


def send_now(item: TimelineItem, now: datetime) -> bool:
    """True when the suggested slot has passed but the note can still go in time: the
    agenda then says "now" instead of showing a moment already behind us."""
    return item.pending and item.suggested_send_at <= now < item.due_at


def item_json(item: TimelineItem, user_zone: str) -> dict[str, Any]:
    """The pinned JSON shape of an agenda item: times with offsets, the window in the user's
    zone, the suggested send time in the recipient's."""
    from followup.calendar import google_calendar_link

    tz = ZoneInfo(user_zone)
    return {
        "interview_id": item.interview_id, "company": item.company, "role": item.role,
        "kind": item.kind.value, "to": item.to,
        "opens_at": item.opens_at.astimezone(tz).isoformat(),
        "due_at": item.due_at.astimezone(tz).isoformat(),
        "suggested_send_at": item.suggested_send_at.astimezone(ZoneInfo(item.zone)).isoformat(),
        "status": item.status.value, "draft_id": item.draft_id,
        "calendar_link": google_calendar_link(item),
    }


def next_kind(stage: Stage, person: Interviewer | None, events: Sequence[Event]) -> FollowupKind:
    """Which item a note of this stage settles; refuses a duplicate or a third check-in."""
    sent = [e for e in events if e.kind is EventKind.SENT]
    if stage is Stage.THANK_YOU:
        if person is not None and any(e.followup is FollowupKind.THANK_YOU
                                      and e.interviewer_id == person.id for e in sent):
            raise InputError(f"the thank-you to {person.name} is already recorded as sent")
        return FollowupKind.THANK_YOU
    for kind in (FollowupKind.CHECK_IN_1, FollowupKind.CHECK_IN_2):
        if not any(e.followup is kind for e in sent):
            return kind
    raise InputError("both check-ins are already recorded as sent; followup plans no more")


def draft_recipient(interview: Interview, draft: Draft) -> Interviewer | None:
    """The panel member a draft is addressed to, if it names one."""
    return next((p for p in interview.interviewers if p.id == draft.interviewer_id), None)


def sent_event(
    store: Store, draft: Draft, at: datetime
) -> tuple[FollowupKind, Event, Interview, Interviewer | None]:
    """The SENT event that records `draft` going out at `at`, and which item it settles."""
    interview = store.get_interview(draft.interview_id)
    person = draft_recipient(interview, draft)
    if person is None and draft.stage is Stage.THANK_YOU:
        raise InputError(f"draft #{draft.id} names no interviewer; use "
                         f"`followup sent {interview.id} --to NAME --stage thank-you`")
    kind = next_kind(draft.stage, person, store.list_events(interview.id))
    event = Event(interview.id or 0, EventKind.SENT, at, person.id if person else None, kind,
                  draft.id, person.name if person else "")
    return kind, event, interview, person


def mark_draft_sent(
    store: Store, draft_id: int, at: datetime
) -> tuple[FollowupKind, Draft, Interview, Interviewer | None]:
    """Record that a stored draft went out (by any channel) at `at`; the draft becomes sent.
    Two callers at once: the store lets one record it and tells the other (ConflictError)."""
    draft = store.get_draft(draft_id)
    if draft.status is DraftStatus.SENT:
        raise InputError(f"draft #{draft.id} is already marked sent")
    kind, event, interview, person = sent_event(store, draft, at)
    saved = store.record_sent(replace(draft, status=DraftStatus.SENT, sent_at=at), event)
    return kind, saved, interview, person
