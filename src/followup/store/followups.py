"""Reading and writing drafts and events (what happens after the interview).

Like `repository`, every function runs on a connection inside a transaction the caller owns.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from followup.model import (
    Draft,
    DraftStatus,
    Event,
    EventKind,
    FollowupKind,
    Medium,
    Stage,
    Tone,
)
from followup.store.tables import drafts, events


def _draft_row(draft: Draft, now: datetime) -> dict[str, Any]:
    return {
        "interview_id": draft.interview_id, "interviewer_id": draft.interviewer_id,
        "stage": draft.stage.value, "medium": draft.medium.value, "tone": draft.tone.value,
        "variant": draft.variant, "subject": draft.subject, "body": draft.body,
        "status": draft.status.value, "updated_at": now, "sent_at": draft.sent_at,
        "message_id": draft.message_id,
    }


def insert_draft(conn: sa.Connection, draft: Draft, now: datetime) -> int:
    row = _draft_row(draft, now) | {"created_at": draft.created_at or now}
    return int(conn.execute(sa.insert(drafts).values(row).returning(drafts.c.id)).scalar_one())


def update_draft(conn: sa.Connection, draft: Draft, now: datetime) -> bool:
    """Overwrite a stored draft; False when no draft has that id."""
    result = conn.execute(
        sa.update(drafts).where(drafts.c.id == draft.id).values(_draft_row(draft, now))
    )
    return result.rowcount == 1


def load_drafts(
    conn: sa.Connection, *, draft_id: int | None = None, interview_id: int | None = None,
) -> list[Draft]:
    """Drafts in creation order: one by id, one interview's, or all."""
    query = sa.select(drafts).order_by(drafts.c.id)
    if draft_id is not None:
        query = query.where(drafts.c.id == draft_id)
    if interview_id is not None:
        query = query.where(drafts.c.interview_id == interview_id)
    return [
        Draft(
            id=r.id, interview_id=r.interview_id, interviewer_id=r.interviewer_id,
            stage=Stage(r.stage), medium=Medium(r.medium), tone=Tone(r.tone),
            variant=r.variant, subject=r.subject, body=r.body, status=DraftStatus(r.status),
            created_at=r.created_at, updated_at=r.updated_at, sent_at=r.sent_at,
            message_id=r.message_id,
        )
        for r in conn.execute(query)
    ]


def insert_event(conn: sa.Connection, event: Event) -> int:
    row = {
        "interview_id": event.interview_id, "kind": event.kind.value, "at": event.at,
        "interviewer_id": event.interviewer_id,
        "followup": event.followup.value if event.followup else None,
        "draft_id": event.draft_id, "detail": event.detail,
    }
    return int(conn.execute(sa.insert(events).values(row).returning(events.c.id)).scalar_one())


def load_events(conn: sa.Connection, *, interview_id: int | None = None) -> list[Event]:
    """Events in the order they happened (ties in the order they were recorded)."""
    query = sa.select(events).order_by(events.c.at, events.c.id)
    if interview_id is not None:
        query = query.where(events.c.interview_id == interview_id)
    return [
        Event(
            id=r.id, interview_id=r.interview_id, kind=EventKind(r.kind), at=r.at,
            interviewer_id=r.interviewer_id,
            followup=FollowupKind(r.followup) if r.followup else None,
            draft_id=r.draft_id, detail=r.detail,
        )
        for r in conn.execute(query)
    ]
