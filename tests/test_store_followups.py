"""Store: drafts and events, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from followup.errors import NotFoundError
from followup.model import (
    Draft,
    DraftStatus,
    Event,
    EventKind,
    FollowupKind,
    Interview,
    Medium,
    Stage,
    Status,
    Tone,
)
from followup.store import Store

MakeInterview = Callable[..., Interview]
AT = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)


def a_draft(interview: Interview, **changes: object) -> Draft:
    person = interview.interviewers[0]
    draft = Draft(
        interview_id=interview.id or 0, interviewer_id=person.id, stage=Stage.THANK_YOU,
        medium=Medium.EMAIL, subject="Thank you — Data Engineer 🚀", body="Dear Zoë,\n\nThanks…",
        tone=Tone.CASUAL, variant=2,
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def test_drafts_are_stored_listed_and_updated(store: Store, make_interview: MakeInterview):
    interview, _ = store.save_interview(make_interview())
    first = store.save_draft(a_draft(interview))
    assert first.id is not None and first.created_at is not None
    assert first == a_draft(interview)  # equality ignores the id; every field came back
    second = store.save_draft(a_draft(interview, stage=Stage.CHECK_IN, variant=0))
    assert [d.id for d in store.list_drafts(interview.id)] == [first.id, second.id]
    sent = store.save_draft(replace(first, status=DraftStatus.SENT, sent_at=AT,
                                    message_id="<abc@example.com>"))
    assert store.get_draft(first.id).status is DraftStatus.SENT
    assert sent.sent_at == AT and sent.message_id == "<abc@example.com>"
    assert sent.created_at == first.created_at


def test_unknown_draft_and_interview_are_not_found(store: Store, make_interview: MakeInterview):
    interview, _ = store.save_interview(make_interview())
    with pytest.raises(NotFoundError, match="no draft with id 99"):
        store.get_draft(99)
    with pytest.raises(NotFoundError, match="no draft with id 99"):
        store.save_draft(replace(a_draft(interview), id=99))
    with pytest.raises(NotFoundError, match="no interview with id 42"):
        store.save_draft(a_draft(interview, interview_id=42))
    with pytest.raises(NotFoundError, match="no interview with id 42"):
        store.record_event(Event(42, EventKind.REPLIED, AT))


def test_events_come_back_in_time_order(store: Store, make_interview: MakeInterview) -> None:
    interview, _ = store.save_interview(make_interview())
    person = interview.interviewers[0]
    late = store.record_event(Event(interview.id or 0, EventKind.REPLIED, AT + timedelta(days=3),
                                    interviewer_id=person.id, detail="Zoë"))
    early = store.record_event(Event(interview.id or 0, EventKind.SENT, AT,
                                     interviewer_id=person.id,
                                     followup=FollowupKind.THANK_YOU))
    assert [e.id for e in store.list_events(interview.id)] == [early.id, late.id]
    assert store.list_events()[0].followup is FollowupKind.THANK_YOU
    assert store.list_events()[1].detail == "Zoë"


def test_close_sets_status_and_records_the_event(store: Store, make_interview: MakeInterview):
    interview, _ = store.save_interview(make_interview())
    closed = store.close_interview(interview.id or 0, "offer", AT)
    assert closed.status is Status.CLOSED and closed.outcome == "offer"
    (event,) = store.list_events(interview.id)
    assert event.kind is EventKind.CLOSED and event.detail == "offer" and event.at == AT
    assert store.open_interviews_with_events() == []


def test_agenda_loading_groups_events_and_drafts_per_open_interview(
    store: Store, make_interview: MakeInterview
) -> None:
    one, _ = store.save_interview(make_interview(company="One"))
    two, _ = store.save_interview(make_interview(company="Two", day=3))
    store.save_draft(a_draft(two))
    store.record_event(Event(one.id or 0, EventKind.REPLIED, AT))
    loaded = {i.company: (events, drafts) for i, events, drafts
              in store.open_interviews_with_events()}
    assert [e.kind for e in loaded["One"][0]] == [EventKind.REPLIED] and loaded["One"][1] == []
    assert loaded["Two"][0] == [] and [d.interview_id for d in loaded["Two"][1]] == [two.id]
    # Scheduling facts come with each record; notes stay behind (the agenda needs none).
    (record,) = [i for i, _, _ in store.open_interviews_with_events() if i.company == "Two"]
    assert record.starts_at == two.starts_at and record.timezone == two.timezone
    assert [(p.id, p.name, p.timezone, p.primary) for p in record.interviewers] == [
        (p.id, p.name, p.timezone, p.primary) for p in two.interviewers]
    assert record.decision_by == two.decision_by and record.qualifications == ()


def test_deleting_an_interview_removes_its_drafts_and_events(
    store: Store, make_interview: MakeInterview
) -> None:
    interview, _ = store.save_interview(make_interview())
    draft = store.save_draft(a_draft(interview))
    store.record_event(Event(interview.id or 0, EventKind.SENT, AT, draft_id=draft.id))
    store.delete_interview(interview.id or 0)
    assert store.list_drafts() == [] and store.list_events() == []


def test_removing_an_interviewer_keeps_their_drafts(
    store: Store, make_interview: MakeInterview
) -> None:
    interview, _ = store.save_interview(make_interview())
    draft = store.save_draft(a_draft(interview))
    store.save_interview(replace(interview, interviewers=interview.interviewers[1:]))
    kept = store.get_draft(draft.id or 0)
    assert kept.interviewer_id is None and kept.body == draft.body


def test_record_sent_saves_the_draft_and_the_event_together(
    store: Store, make_interview: MakeInterview
) -> None:
    interview, _ = store.save_interview(make_interview())
    draft = store.save_draft(a_draft(interview))
    sent = replace(draft, status=DraftStatus.SENT, sent_at=AT)
    event = Event(interview.id or 0, EventKind.SENT, AT, draft.interviewer_id,
                  FollowupKind.THANK_YOU, draft.id)
    assert store.record_sent(sent, event).status is DraftStatus.SENT
    assert [e.draft_id for e in store.list_events(interview.id)] == [draft.id]
    # An unknown draft writes neither the draft nor the event.
    with pytest.raises(NotFoundError):
        store.record_sent(replace(sent, id=999), event)
    assert len(store.list_events(interview.id)) == 1
