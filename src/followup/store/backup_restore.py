"""Writing a whole-database backup and merging one back, on a connection the Store owns.

Export: every interview (`interview_to_dict`, the `show --json` shape) with its drafts and
events nested under it; see `backup_followups` for how they refer to people and drafts.

Restore merges by natural key (company, role, start instant), in the caller's transaction:

* no stored interview with that key: insert it with its drafts and events (new ids);
* stored and equal: the record (`Interview` equality: no ids, no created/updated_at), its
  drafts (ignoring ids, created_at, updated_at) and its events (ignoring ids) all match the
  backup's, so nothing is written and it counts as unchanged;
* otherwise: update the record (interviewers keep their ids where the name still matches)
  and replace all its drafts and events by the backup's, keeping the drafts' own
  created_at/updated_at from the backup.

A version 1 backup says nothing about drafts and events: only the records are compared and
updated, and the stored drafts and events stay as they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from followup.model import Draft, Event, Interview
from followup.model.codec import interview_to_dict
from followup.store import followups
from followup.store import repository as repo
from followup.store.backup import FORMAT, VERSION, BackupEntry
from followup.store.backup_followups import draft_to_dict, event_to_dict, portable
from followup.store.records import RestoreResult


def export_document(conn: sa.Connection) -> dict[str, Any]:
    """The whole database as a backup document (four more queries than the records)."""
    drafts, events = _followups_by_interview(conn)
    records = []
    for interview in repo.load(conn):
        mine = _id(interview)
        d, e = portable(interview, drafts[mine], events[mine])
        people = interview.interviewers
        records.append(interview_to_dict(interview) | {
            "drafts": [draft_to_dict(x, people) for x in d],
            "events": [event_to_dict(x, people) for x in e],
        })
    return {"format": FORMAT, "version": VERSION, "interviews": records}


@dataclass
class _Plan:
    new: list[BackupEntry]
    changed: list[tuple[int, BackupEntry]]
    unchanged: int


def merge(conn: sa.Connection, entries: Sequence[BackupEntry], now: datetime) -> RestoreResult:
    """Bring checked backup entries into the database; see the module docstring."""
    plan = _plan(conn, entries)
    written: list[tuple[Interview, BackupEntry]] = []
    for interview_id, entry in plan.changed:
        written.append((repo.update(conn, interview_id, entry.interview, now), entry))
    # Replaced, not merged: only where the backup carries drafts and events (version 2).
    followups.delete_for(conn, [i for i, e in plan.changed if e.drafts is not None])
    # A few statements for all new records, not five per record.
    inserted = repo.insert_many(conn, [e.interview for e in plan.new], now)
    written.extend(zip(inserted, plan.new, strict=True))
    _write_followups(conn, [(i, e) for i, e in written if e.drafts is not None], now)
    return RestoreResult(len(plan.new), len(plan.changed), plan.unchanged)


def _plan(conn: sa.Connection, entries: Sequence[BackupEntry]) -> _Plan:
    stored = {i.natural_key: i for i in repo.load(conn)}
    drafts, events = _followups_by_interview(conn)
    plan = _Plan([], [], 0)
    for entry in entries:
        current = stored.get(entry.interview.natural_key)
        if current is None:
            plan.new.append(entry)
            continue
        mine = _id(current)
        same = current == entry.interview and (
            entry.drafts is None
            or portable(current, drafts[mine], events[mine]) == (entry.drafts, entry.events)
        )
        if same:
            plan.unchanged += 1
        else:
            plan.changed.append((mine, entry))
    return plan


def _write_followups(
    conn: sa.Connection, written: Sequence[tuple[Interview, BackupEntry]], now: datetime
) -> None:
    """Insert the backup's drafts, then its events pointing at the new draft ids."""
    new_drafts: list[Draft] = []
    for interview, entry in written:
        people = [p.id for p in interview.interviewers]
        new_drafts.extend(
            Draft(
                interview_id=_id(interview),
                interviewer_id=None if d.to is None else people[d.to],
                stage=d.stage, medium=d.medium, subject=d.subject, body=d.body, tone=d.tone,
                variant=d.variant, status=d.status, created_at=d.created_at,
                updated_at=d.updated_at, sent_at=d.sent_at, message_id=d.message_id,
            )
            for d in entry.drafts or ()
        )
    draft_ids = iter(followups.insert_drafts(conn, new_drafts, now))
    new_events: list[Event] = []
    for interview, entry in written:
        people = [p.id for p in interview.interviewers]
        mine = [next(draft_ids) for _ in entry.drafts or ()]
        new_events.extend(
            Event(
                interview_id=_id(interview), kind=e.kind, at=e.at,
                interviewer_id=None if e.to is None else people[e.to], followup=e.followup,
                draft_id=None if e.draft is None else mine[e.draft], detail=e.detail,
            )
            for e in entry.events or ()
        )
    followups.insert_events(conn, new_events)


def _followups_by_interview(
    conn: sa.Connection,
) -> tuple[defaultdict[int, list[Draft]], defaultdict[int, list[Event]]]:
    drafts: defaultdict[int, list[Draft]] = defaultdict(list)
    events: defaultdict[int, list[Event]] = defaultdict(list)
    for draft in followups.load_drafts(conn):
        drafts[draft.interview_id].append(draft)
    for event in followups.load_events(conn):
        events[event.interview_id].append(event)
    return drafts, events


def _id(interview: Interview) -> int:
    assert interview.id is not None, "records loaded or written by the store carry ids"
    return interview.id
