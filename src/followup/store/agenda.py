"""Loading what the agenda needs, and nothing more, for every open interview.

`followup due` runs over every open interview. The timeline reads only times, zones, the
decision date and who the interviewers are; loading full records (points, questions,
qualifications, job descriptions) cost five times as long on 10,000 interviews. The records
returned here therefore carry no notes: they are for scheduling, not for composing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from followup.model import Culture, Draft, Event, Interview, Interviewer, Status
from followup.store import followups
from followup.store.repository import zone
from followup.store.tables import interviewers, interviews

Entry = tuple[Interview, list[Event], list[Draft]]


def load_open_for_agenda(conn: sa.Connection) -> list[Entry]:
    """Open interviews (newest first) without their notes, each with its events and drafts."""
    cols = interviews.c
    rows = conn.execute(
        sa.select(cols.id, cols.company, cols.role, cols.starts_at, cols.timezone,
                  cols.duration_minutes, cols.decision_by, cols.culture)
        .where(cols.status == Status.OPEN.value)
        .order_by(cols.starts_at.desc(), cols.id.desc())
    ).all()
    people: dict[int, list[Interviewer]] = defaultdict(list)
    person = interviewers.c
    for r in conn.execute(
        sa.select(person.id, person.interview_id, person.name, person.email, person.linkedin,
                  person.timezone, person.is_primary)
        .join(interviews, cols.id == person.interview_id)
        .where(cols.status == Status.OPEN.value)
        .order_by(person.interview_id, person.position)
    ):
        people[r.interview_id].append(Interviewer(
            id=r.id, name=r.name, email=r.email, linkedin=r.linkedin, timezone=r.timezone,
            primary=bool(r.is_primary),
        ))
    events: dict[int, list[Event]] = defaultdict(list)
    for event in followups.load_events(conn):
        events[event.interview_id].append(event)
    drafts: dict[int, list[Draft]] = defaultdict(list)
    for draft in followups.load_drafts(conn):
        drafts[draft.interview_id].append(draft)
    return [(_interview(r, people[r.id]), events[r.id], drafts[r.id]) for r in rows]


def _interview(r: Any, people: list[Interviewer]) -> Interview:
    return Interview(
        id=r.id, company=r.company, role=r.role,
        starts_at=r.starts_at.astimezone(zone(r.timezone)), timezone=r.timezone,
        duration_minutes=r.duration_minutes, decision_by=r.decision_by,
        culture=Culture(r.culture), interviewers=tuple(people),
    )
