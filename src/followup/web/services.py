"""What the pages and the API both do, in one place: check a text with its record, list the
agenda, open (or compose) the right draft, save a record from notes text.

Thin glue over the core (`check`, `drafting`, `timeline`, `notes`, `tracking`); nothing here
knows about HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from followup.errors import InputError, NotFoundError
from followup.model import Draft, DraftStatus, Interview, Interviewer, Medium, Stage, Tone

if TYPE_CHECKING:
    from followup.model import Report
    from followup.timeline import TimelineItem, Unplanned
    from followup.web.state import AppState

MEDIUM_LABEL = {Medium.EMAIL: "Email", Medium.LINKEDIN_MESSAGE: "LinkedIn message",
                Medium.LINKEDIN_NOTE: "LinkedIn connection note", Medium.CARD: "Card"}
SECTION_LABEL = {"overdue": "Overdue", "today": "Due today", "upcoming": "Coming up",
                 "settled": "Done"}


def check_text(
    state: AppState, text: str, *, interview_id: int | None = None, to: str | None = None,
    stage: Stage = Stage.THANK_YOU, medium: Medium = Medium.EMAIL, draft_id: int | None = None,
) -> Report:
    """The checker's report on `text`, with the record (and the panel's other drafts when a
    stored draft is named) as context — what `followup check` does, warm and cached."""
    from followup.check import CheckContext, check
    from followup.compose import full_text
    from followup.model.limits import check_size_problem

    if problem := check_size_problem(text, "the text"):
        raise InputError(problem)
    config = state.config()
    records = state.records() if interview_id is not None else {}
    interview: Interview | None = None
    person: Interviewer | None = None
    others: tuple[Interview, ...] = ()
    other_drafts: tuple[str, ...] = ()
    draft: Draft | None = None
    if interview_id is not None:
        interview = records.get(interview_id) or state.store.get_interview(interview_id)
        others = tuple(i for key, i in records.items() if key != interview_id)
    if draft_id is not None:
        from followup.drafting import panel_drafts

        draft = state.store.get_draft(draft_id)
        if interview is None or draft.interview_id != interview.id:
            interview = state.store.get_interview(draft.interview_id)
        person = next((p for p in interview.interviewers if p.id == draft.interviewer_id), None)
        other_drafts = tuple(full_text(d) for d in panel_drafts(state.store, draft))
    if to is not None:
        if interview is None:
            person = Interviewer(name=to)
        else:
            person = interview.find_interviewer(to)
            if person is None:
                names = ", ".join(p.name for p in interview.interviewers) or "none recorded"
                raise InputError(f"to: {to!r} names nobody in interview #{interview.id} "
                                 f"(interviewers: {names})")
    from followup.drafting import send_moment

    context = CheckContext(
        interview=interview, interviewer=person, stage=stage, medium=medium,
        now=send_moment(draft, state.now()) if interview is not None else None,
        other_interviews=others, other_drafts=other_drafts, candidate_name=config.me.name,
    )
    return check(text, context, config)


@dataclass(frozen=True)
class AgendaRow:
    """One agenda item as the Today page shows it."""

    item: TimelineItem
    section: str
    countdown: str
    label: str
    send_at: str
    theirs: str
    due: str


def agenda_rows(state: AppState, days: int = 14, interview_id: int | None = None,
                unplanned: list[Unplanned] | None = None) -> list[AgendaRow]:
    from followup.timeline import agenda, countdown, section
    from followup.tracking import KIND_LABEL, send_now

    config = state.config()
    now = state.now()
    entries = state.store.open_interviews_with_events()
    if interview_id is not None:
        entries = [e for e in entries if e[0].id == interview_id]
    tz = state.user_zone()
    rows = []
    for item in agenda(entries, now, config, days, unplanned=unplanned):
        send = item.suggested_send_at
        theirs = ""
        if item.zone != config.timezone:
            from zoneinfo import ZoneInfo

            theirs = f"{send.astimezone(ZoneInfo(item.zone)):%H:%M %Z} theirs"
        when = f"{send.astimezone(tz):%a %d %b, %H:%M}"
        if send_now(item, now):
            when, theirs = "now", f"best was {when}"
        rows.append(AgendaRow(
            item, section(item, now, config.timezone).value, countdown(item, now),
            KIND_LABEL[item.kind], when, theirs,
            f"{item.due_at.astimezone(tz):%a %d %b, %H:%M}"))
    return rows


def open_or_compose(state: AppState, interview_id: int, interviewer_id: int | None,
                    stage: Stage) -> int:
    """The newest unsent draft for this person and stage, composing one when there is none."""
    from followup.drafting import compose_and_store
    from followup.timeline import newest_open_draft

    interview = state.store.get_interview(interview_id)
    if interviewer_id is None:
        person = interview.primary_contact if stage is Stage.CHECK_IN else None
    else:
        person = next((p for p in interview.interviewers if p.id == interviewer_id), None)
    if person is None:
        raise NotFoundError(f"interview #{interview_id} has no such interviewer")
    existing = newest_open_draft(state.store.list_drafts(interview_id), person.id, stage)
    if existing is not None:
        return existing
    checked = compose_and_store(state.store, interview, [person], stage, state.config(),
                                now=state.now())
    state.changed()
    draft_id = checked[0].draft.id
    assert draft_id is not None
    return draft_id


def recompose(state: AppState, draft_id: int, *, medium: Medium, tone: Tone,
              variant: int) -> Draft:
    """Replace a draft's text by a freshly composed one with other options."""
    from followup.compose import VARIANTS, compose_with_hints
    from followup.drafting import check_in_number

    draft = state.store.get_draft(draft_id)
    refuse_if_sent(draft)
    interview = state.store.get_interview(draft.interview_id)
    person = next((p for p in interview.interviewers if p.id == draft.interviewer_id), None)
    if person is None:
        raise InputError(f"draft #{draft_id} names no interviewer to compose for")
    if not 0 <= variant < VARIANTS:
        raise InputError(f"variant {variant}: choose a variant from 0 to {VARIANTS - 1}")
    number = check_in_number(state.store, interview.id or 0) if draft.stage is Stage.CHECK_IN \
        else 1
    fresh = compose_with_hints(interview, person, draft.stage, medium, tone, variant,
                               config=state.config(), check_in_number=number).draft
    return state.store.save_draft(replace(draft, subject=fresh.subject, body=fresh.body,
                                          medium=medium, tone=tone, variant=variant))


def save_text(state: AppState, draft_id: int, subject: str, body: str) -> Draft:
    """Autosave: the edited subject and body of a draft not yet sent."""
    draft = state.store.get_draft(draft_id)
    refuse_if_sent(draft)
    if len(subject) > 1000 or len(body) > 100_000:
        raise InputError("the draft is too long to save (a note is a few KB)")
    if subject == draft.subject and body == draft.body:
        return draft
    return state.store.save_draft(replace(draft, subject=subject.strip(), body=body))


def refuse_if_sent(draft: Draft) -> None:
    if draft.status is DraftStatus.SENT:
        raise InputError(f"draft #{draft.id} was sent; it can no longer change")


def mark_sent(state: AppState, draft_id: int, at: datetime | None = None) -> Draft:
    from followup.tracking import mark_draft_sent

    _, saved, _, _ = mark_draft_sent(state.store, draft_id, at or state.now())
    state.changed()
    return saved


def save_notes(state: AppState, text: str, *, source: str,
               current: Interview | None = None) -> tuple[Interview, str]:
    """Parse notes text and store the record (updating `current` when editing one)."""
    from followup.notes import parse_notes

    interview = parse_notes(text, source=source, default_timezone=state.config().timezone)
    if current is not None:
        interview = replace(interview, id=current.id, status=current.status,
                            outcome=current.outcome)
    stored, status = state.store.save_interview(interview)
    state.changed()
    return stored, status


def close(state: AppState, interview_id: int, outcome: str) -> Interview:
    from followup.model import Status
    from followup.tracking import OUTCOMES

    if outcome not in OUTCOMES:
        raise InputError(f"outcome: {outcome!r} is not one of {', '.join(OUTCOMES)}")
    interview = state.store.get_interview(interview_id)
    if interview.status is Status.CLOSED:
        raise InputError(f"#{interview_id} is already closed ({interview.outcome})")
    closed = state.store.close_interview(interview_id, outcome, state.now())
    state.changed()
    return closed
