"""Reading and writing drafts and events (what happens after the interview).

Like `repository`, every function runs on a connection inside a transaction the caller owns.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
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
    """Overwrite a stored draft that no send has claimed; False when no such draft (none
    with that id, or one being sent: see `send_claim`)."""
    result = conn.execute(
        sa.update(drafts).where(drafts.c.id == draft.id, drafts.c.claim.is_(None))
        .values(_draft_row(draft, now))
    )
    return result.rowcount == 1


# -- claims: exactly one sender per draft ----------------------------------------------


def send_claim(conn: sa.Connection, draft_id: int) -> tuple[str, datetime | None] | None:
    """Who holds the send claim on a draft and since when, or None."""
    row = conn.execute(sa.select(drafts.c.claim, drafts.c.claimed_at)
                       .where(drafts.c.id == draft_id)).first()
    if row is None or row.claim is None:
        return None
    return row.claim, row.claimed_at


def claim_draft(
    conn: sa.Connection, seen: Draft, *, message_id: str, sent_at: datetime, token: str,
    claimed_at: datetime, replacing: str | None, now: datetime,
) -> bool:
    """Take the send claim on a draft exactly as `seen` (text, mark of an earlier send), free
    or held by `replacing` (a claimant known to be gone). One conditional UPDATE: of two
    claimants only one can match the row, on SQLite (writers queue) and PostgreSQL (the
    second UPDATE re-reads the row the first one committed) alike."""
    result = conn.execute(
        sa.update(drafts).where(
            drafts.c.id == seen.id, drafts.c.status != "sent",
            drafts.c.subject == seen.subject, drafts.c.body == seen.body,
            drafts.c.sent_at.is_not_distinct_from(seen.sent_at),
            drafts.c.message_id.is_not_distinct_from(seen.message_id),
            drafts.c.claim.is_(None) if replacing is None else drafts.c.claim == replacing,
        ).values(claim=token, claimed_at=claimed_at, message_id=message_id, sent_at=sent_at,
                 updated_at=now)
    )
    return result.rowcount == 1


def release_claim(
    conn: sa.Connection, draft_id: int, token: str, *, restore: Draft | None, now: datetime,
) -> None:
    """Give the claim back: with `restore`, the draft's mark is put back as it was (nothing
    was sent); without, the mark of a send that may have gone out stays for the next send."""
    values: dict[str, Any] = {"claim": None, "claimed_at": None}
    if restore is not None:
        values |= {"sent_at": restore.sent_at, "message_id": restore.message_id,
                   "updated_at": now}
    conn.execute(sa.update(drafts).where(drafts.c.id == draft_id, drafts.c.claim == token)
                 .values(values))


def mark_sent(
    conn: sa.Connection, draft_id: int, at: datetime, now: datetime, *, token: str | None,
) -> bool:
    """Mark a draft sent; with `token`, the claimant's own (it may hold the claim), without
    only an unclaimed draft. False when the draft is already sent or someone else holds it."""
    claimed = drafts.c.claim.is_(None) if token is None else sa.or_(
        drafts.c.claim.is_(None), drafts.c.claim == token)
    result = conn.execute(
        sa.update(drafts).where(drafts.c.id == draft_id, drafts.c.status != "sent", claimed)
        .values(status="sent", sent_at=at, claim=None, claimed_at=None, updated_at=now)
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


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "interview_id": event.interview_id, "kind": event.kind.value, "at": event.at,
        "interviewer_id": event.interviewer_id,
        "followup": event.followup.value if event.followup else None,
        "draft_id": event.draft_id, "detail": event.detail,
    }


def insert_event(conn: sa.Connection, event: Event) -> int:
    row = _event_row(event)
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


# -- many at once (restoring a backup) ---------------------------------------------------


def insert_drafts(conn: sa.Connection, many: Sequence[Draft], now: datetime) -> list[int]:
    """Insert drafts keeping their own created_at/updated_at (now where None); ids in order."""
    if not many:
        return []
    rows = [
        _draft_row(d, d.updated_at or now) | {"created_at": d.created_at or now} for d in many
    ]
    # sort_by_parameter_order: ids come back (and are drawn) in the order of `rows`.
    statement = drafts.insert().returning(drafts.c.id, sort_by_parameter_order=True)
    return list(conn.execute(statement, rows).scalars())


def insert_events(conn: sa.Connection, many: Sequence[Event]) -> None:
    """Insert events with ids drawn in the order given (which breaks ties of equal times)."""
    if many:
        statement = events.insert().returning(events.c.id, sort_by_parameter_order=True)
        conn.execute(statement, [_event_row(e) for e in many]).all()


def delete_for(conn: sa.Connection, interview_ids: Collection[int]) -> None:
    """Delete every draft and event of these interviews."""
    if interview_ids:
        conn.execute(events.delete().where(events.c.interview_id.in_(interview_ids)))
        conn.execute(drafts.delete().where(drafts.c.interview_id.in_(interview_ids)))
