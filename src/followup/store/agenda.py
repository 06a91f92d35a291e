"""Loading what the agenda needs, and nothing more, for every open interview.

`followup due` runs over every open interview. The timeline reads only times, zones, the
decision date and who the interviewers are; loading full records (points, questions,
qualifications, job descriptions) cost five times as long on 10,000 interviews. The records
returned here therefore carry no notes: they are for scheduling, not for composing.

Likewise the drafts come without their text: each has its id, recipient, stage, medium,
tone, status, times and Message-ID (what the timeline and reply matching read), but an
empty subject and body. Load a draft with `Store.get_draft` to read or edit it.

Only the events and drafts of open interviews are read; rows are fetched all at once (row
by row, SQLite's cursor costs more per row) and unpacked as tuples (attribute access on
SQLAlchemy rows costs about as much as building the record).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

import sqlalchemy as sa

from followup.model import (
    Culture,
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
    Tone,
)
from followup.store.repository import stored_zone
from followup.store.tables import drafts, events, interviewers, interviews

Entry = tuple[Interview, list[Event], list[Draft]]

_OPEN = interviews.c.status == Status.OPEN.value


def load_open_for_agenda(conn: sa.Connection) -> list[Entry]:
    """Open interviews (newest first) without their notes, each with its events and drafts
    (drafts without their subject and body)."""
    people = _interviewers(conn)
    by_event = _events(conn)
    by_draft = _drafts(conn)
    cols = interviews.c
    query = (
        sa.select(cols.id, cols.company, cols.role, cols.starts_at, cols.timezone,
                  cols.duration_minutes, cols.decision_by, cols.culture)
        .where(_OPEN)
        .order_by(cols.starts_at.desc(), cols.id.desc())
    )
    return [
        (_interview(iid, company, role, starts_at, tz, minutes, decision_by, culture,
                    people.get(iid, [])),
         by_event.get(iid, []), by_draft.get(iid, []))
        for iid, company, role, starts_at, tz, minutes, decision_by, culture
        in conn.execute(query).all()
    ]


def _interview(
    iid: int, company: str, role: str, starts_at: datetime, tz: str, minutes: int,
    decision_by: date | None, culture: str, people: list[Interviewer],
) -> Interview:
    return Interview(
        id=iid, company=company, role=role, starts_at=starts_at.astimezone(stored_zone(tz)),
        timezone=tz, duration_minutes=minutes, decision_by=decision_by,
        culture=Culture(culture), interviewers=tuple(people),
    )


def _interviewers(conn: sa.Connection) -> dict[int, list[Interviewer]]:
    """The panel of every open interview, in the order recorded."""
    person = interviewers.c
    query = (
        sa.select(person.id, person.interview_id, person.name, person.email, person.linkedin,
                  person.timezone, person.is_primary)
        .join(interviews, interviews.c.id == person.interview_id)
        .where(_OPEN)
        .order_by(person.interview_id, person.position)
    )
    people: dict[int, list[Interviewer]] = defaultdict(list)
    for pid, iid, name, email, linkedin, tz, primary in conn.execute(query).all():
        people[iid].append(Interviewer(
            id=pid, name=name, email=email, linkedin=linkedin, timezone=tz,
            primary=bool(primary),
        ))
    return people


def _events(conn: sa.Connection) -> dict[int, list[Event]]:
    """The events of every open interview in the order they happened (as `load_events`)."""
    e = events.c
    query = (
        sa.select(e.id, e.interview_id, e.kind, e.at, e.interviewer_id, e.followup,
                  e.draft_id, e.detail)
        .join(interviews, interviews.c.id == e.interview_id)
        .where(_OPEN)
        .order_by(e.at, e.id)
    )
    found: dict[int, list[Event]] = defaultdict(list)
    for eid, iid, kind, at, person_id, followup, draft_id, detail in conn.execute(query).all():
        found[iid].append(Event(
            id=eid, interview_id=iid, kind=EventKind(kind), at=at, interviewer_id=person_id,
            followup=FollowupKind(followup) if followup else None, draft_id=draft_id,
            detail=detail,
        ))
    return found


def _drafts(conn: sa.Connection) -> dict[int, list[Draft]]:
    """The drafts of every open interview in creation order, without subject and body."""
    d = drafts.c
    query = (
        sa.select(d.id, d.interview_id, d.interviewer_id, d.stage, d.medium, d.tone, d.variant,
                  d.status, d.created_at, d.updated_at, d.sent_at, d.message_id)
        .join(interviews, interviews.c.id == d.interview_id)
        .where(_OPEN)
        .order_by(d.id)
    )
    found: dict[int, list[Draft]] = defaultdict(list)
    for (did, iid, person_id, stage, medium, tone, variant, status, created_at, updated_at,
         sent_at, message_id) in conn.execute(query).all():
        found[iid].append(Draft(
            id=did, interview_id=iid, interviewer_id=person_id, stage=Stage(stage),
            medium=Medium(medium), tone=Tone(tone), variant=variant, subject="", body="",
            status=DraftStatus(status), created_at=created_at, updated_at=updated_at,
            sent_at=sent_at, message_id=message_id,
        ))
    return found
