"""Drafting with the record at hand, shared by `followup draft` and the web: who to write
to, which check-in this is, composing and storing, and checking a draft with the rest of the
panel's drafts in view. One JSON shape for a checked draft (`followup draft --json` and the
web API).

Sits beside `store` in the import order: it calls the composer and the checker and reads or
writes through a Store handed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from followup.errors import InputError
from followup.model import Draft, Interview, Interviewer, Medium, Stage, Tone

if TYPE_CHECKING:
    from followup.config import Config
    from followup.model import Report
    from followup.store import Store


@dataclass(frozen=True)
class Checked:
    """A stored draft, who it is for, its report and the hints for a better one."""

    draft: Draft
    person: Interviewer | None
    report: Report
    hints: tuple[str, ...] = ()


def choose_people(interview: Interview, stage: Stage, to: str | None, everyone: bool
                  ) -> tuple[Interviewer, ...]:
    """Who to draft for: --to, --all, else the default for the stage."""
    from followup.compose import recipients

    if to is not None and everyone:
        raise InputError("give either --to NAME or --all, not both")
    if not interview.interviewers:
        raise InputError(f"interview #{interview.id} has no interviewers to write to; add "
                         f"one with `followup edit {interview.id}`")
    if everyone:
        return interview.interviewers
    if to is not None:
        person = interview.find_interviewer(to)
        if person is None:
            names = ", ".join(p.name for p in interview.interviewers)
            raise InputError(f"--to {to!r} names nobody in interview #{interview.id} "
                             f"(interviewers: {names})")
        return (person,)
    return recipients(interview, stage)


def check_in_number(store: Store, interview_id: int) -> int:
    """2 once a first check-in was sent, else 1."""
    from followup.model import EventKind, FollowupKind

    sent = {e.followup for e in store.list_events(interview_id) if e.kind is EventKind.SENT}
    return 2 if FollowupKind.CHECK_IN_1 in sent else 1


def send_day(interview: Interview, person: Interviewer, stage: Stage, now: datetime,
             config: Config | None = None) -> date:
    """The day (in the interview's zone) a new note will go, so its time words fit it: a
    thank-you at the suggested slot (the first send window in their working hours after the
    thank-you window opens), or now when that has passed; a check-in now."""
    from followup.windows import next_send_slot, zone_info

    moment = now
    if stage is Stage.THANK_YOU:
        opens = interview.ends_at + timedelta(
            hours=config.limit("thank_you_opens_hours") if config is not None else 1)
        start, end = ((config.limit("send_hour_start"), config.limit("send_hour_end"))
                      if config is not None else (8, 10))
        try:
            moment = next_send_slot(max(now, opens), person.timezone or interview.timezone,
                                    start, end)
        except (ValueError, KeyError):
            moment = max(now, opens)
    try:
        return moment.astimezone(zone_info(interview.timezone)).date()
    except (ValueError, KeyError):
        return moment.date()


def send_moment(draft: Draft | None, now: datetime | None) -> datetime | None:
    """The moment timing (P1) is judged at: when the draft was sent, if it was, else now.

    One truth for `check`, `draft`, `send` and the web: each passes its "now" through here.
    """
    from followup.model import DraftStatus

    if draft is not None and draft.status is DraftStatus.SENT and draft.sent_at is not None:
        return draft.sent_at
    return now


def check_draft(draft: Draft, interview: Interview, person: Interviewer | None,
                config: Config | None, *, now: datetime | None,
                others: tuple[Interview, ...] = (), other_drafts: tuple[str, ...] = (),
                text: str | None = None) -> Report:
    """The checker's report on a stored draft, judged at its send moment (`send_moment`),
    with the record, the addressee, other interviews and the panel's other drafts."""
    from followup.check import CheckContext, check
    from followup.compose import full_text
    from followup.compose.outline import sender

    context = CheckContext(
        interview=interview, interviewer=person, stage=draft.stage, medium=draft.medium,
        now=send_moment(draft, now), other_interviews=others, other_drafts=other_drafts,
        candidate_name=sender(interview, config).name,
    )
    return check(full_text(draft) if text is None else text, context, config)


def review_all(drafts: Sequence[tuple[Draft, Interviewer | None]], interview: Interview,
               others: tuple[Interview, ...], config: Config, *,
               now: datetime | None = None) -> list[Report]:
    """Check each draft with the panel's other drafts (same stage) as duplicates to avoid,
    at `now` (or when it was sent)."""
    from followup.compose import full_text

    texts = [full_text(d) for d, _ in drafts]
    return [check_draft(draft, interview, person, config, now=now, others=others,
                        other_drafts=tuple(t for i, t in enumerate(texts) if i != index),
                        text=texts[index])
            for index, (draft, person) in enumerate(drafts)]


def panel_drafts(store: Store, draft: Draft) -> list[Draft]:
    """The newest draft of the same stage to each other panel member, for duplicate checks."""
    latest: dict[int | None, Draft] = {}
    for other in store.list_drafts(draft.interview_id):
        if (other.id != draft.id and other.stage is draft.stage
                and other.interviewer_id != draft.interviewer_id):
            latest[other.interviewer_id] = other
    return list(latest.values())


def as_json(item: Checked) -> dict[str, Any]:
    """The pinned JSON of a checked draft: {draft_id, to, stage, medium, subject, body,
    report}."""
    draft = item.draft
    return {
        "draft_id": draft.id, "to": item.person.name if item.person else None,
        "stage": draft.stage.value, "medium": draft.medium.value, "subject": draft.subject,
        "body": draft.body, "report": item.report.to_dict(),
    }


def compose_and_store(
    store: Store, interview: Interview, people: Sequence[Interviewer], stage: Stage,
    config: Config, *, medium: Medium | None = None, tone: Tone | None = None,
    variant: int = 0, now: datetime | None = None,
) -> list[Checked]:
    """Compose a note to each person, store it, and check it with the panel in view (timing
    judged at `now`)."""
    from followup.compose import (
        VARIANTS,
        compose_with_hints,
        default_medium,
        default_tone,
    )

    if not 0 <= variant < VARIANTS:
        raise InputError(f"variant {variant}: choose a variant from 0 to {VARIANTS - 1}")
    assert interview.id is not None, "drafts are composed for stored interviews"
    number = check_in_number(store, interview.id) if stage is Stage.CHECK_IN else 1
    composed = [compose_with_hints(
        interview, person, stage, medium or default_medium(person),
        tone or default_tone(interview), variant, config=config, check_in_number=number,
        sent_on=send_day(interview, person, stage, now, config) if now else None)
        for person in people]
    saved = [store.save_draft(c.draft) for c in composed]
    others = tuple(i for i in store.all_interviews() if i.id != interview.id)
    pairs = list(zip(saved, people, strict=True))
    reports = review_all(pairs, interview, others, config, now=now)
    return [Checked(d, p, r, c.hints)
            for (d, p), r, c in zip(pairs, reports, composed, strict=True)]
