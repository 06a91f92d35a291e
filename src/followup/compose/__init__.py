"""The composer: one grounded, personal note per interviewer, per stage, medium and tone.

    from followup.compose import compose, draft_all
    draft = compose(interview, interviewer, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL, 0)
    drafts = draft_all(interview, config)          # a thank-you for each panel member

`outline.py` decides what to say (from the record only): `points.py` reads the
interviewer's points and `claims.py` the candidate's own notes, by their kind as
`language/fragments.py` reads it, leaving out what no sentence can hold; `phrasing.py` turns
fragments towards the interviewer, `wording.py` holds the variants per tone, `render.py`
lays a note out per medium within its limits. Pure and deterministic: the same record and
options give the same draft. `compose_with_hints` also says what to add to the record for a
better note, and `review` runs the checker on a draft the way `followup check` would.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from followup.compose.outline import outline as make_outline
from followup.compose.render import Limits, render
from followup.compose.wording import VARIANTS
from followup.model import Culture, Draft, Interview, Interviewer, Medium, Stage, Tone

if TYPE_CHECKING:
    from followup.config import Config
    from followup.model import Report

__all__ = [
    "VARIANTS", "Composed", "compose", "compose_with_hints", "default_medium", "default_tone",
    "draft_all", "full_text", "recipients", "review",
]


@dataclass(frozen=True)
class Composed:
    """A draft and what the record lacks for a better one ("add one thing you discussed …")."""

    draft: Draft
    hints: tuple[str, ...]


def limits_from(config: Config | None) -> Limits:
    if config is None:
        return Limits()
    return Limits(
        email_words=config.limit("email_words_ideal_max"),
        linkedin_message_words=config.limit("linkedin_message_words"),
        linkedin_note_chars=config.limit("linkedin_note_chars"),
        card_words=config.limit("card_words_max"),
        check_in_words=config.limit("check_in_words_max"),
    )


def default_tone(interview: Interview) -> Tone:
    """The tone the company culture calls for."""
    return Tone.CASUAL if interview.culture is Culture.CASUAL else Tone.FORMAL


def default_medium(person: Interviewer) -> Medium:
    """Email when there is an address; a LinkedIn message when there is only a profile."""
    if person.email.strip():
        return Medium.EMAIL
    if person.linkedin.strip():
        return Medium.LINKEDIN_MESSAGE
    return Medium.EMAIL


def recipients(interview: Interview, stage: Stage) -> tuple[Interviewer, ...]:
    """Who gets a note by default: everyone for a thank-you, the primary contact to check in."""
    if stage is Stage.THANK_YOU:
        return interview.interviewers
    primary = interview.primary_contact
    return (primary,) if primary is not None else ()


def compose_with_hints(
    interview: Interview, interviewer: Interviewer, stage: Stage, medium: Medium, tone: Tone,
    variant: int = 0, *, config: Config | None = None, check_in_number: int = 1,
    sent_on: date | None = None,
) -> Composed:
    """The draft, and hints for what to add to the record (also what a medium left out).

    `sent_on` (the day the note should go, in the interview's zone) lets the note say
    "yesterday" or "on Tuesday" as that day sees it; without it, the weekday is used.
    """
    plan = make_outline(interview, interviewer, config, sent_on)
    rendered = render(plan, thank_you=stage is Stage.THANK_YOU, medium=medium, tone=tone,
                      variant=variant % VARIANTS, limits=limits_from(config),
                      check_in_number=check_in_number)
    draft = Draft(
        interview_id=interview.id or 0,
        interviewer_id=interviewer.id,
        stage=stage,
        medium=medium,
        subject=rendered.subject,
        body=rendered.body,
        tone=tone,
        variant=variant % VARIANTS,
    )
    hints = plan.hints if stage is Stage.THANK_YOU else tuple(
        h for h in plan.hints if "your name" in h)
    return Composed(draft, hints + rendered.left_out)


def compose(
    interview: Interview, interviewer: Interviewer, stage: Stage, medium: Medium, tone: Tone,
    variant: int = 0, *, config: Config | None = None, check_in_number: int = 1,
    sent_on: date | None = None,
) -> Draft:
    """One note to one interviewer; `variant` picks the wording (taken modulo VARIANTS)."""
    return compose_with_hints(interview, interviewer, stage, medium, tone, variant,
                              config=config, check_in_number=check_in_number,
                              sent_on=sent_on).draft


def draft_all(
    interview: Interview, config: Config | None = None, *, stage: Stage = Stage.THANK_YOU,
    tone: Tone | None = None, variant: int = 0, medium: Medium | None = None,
) -> list[Draft]:
    """The default drafts: a thank-you for each panel member (or a check-in to the primary),
    each in the medium their contact details suggest and the tone of the culture."""
    chosen_tone = tone or default_tone(interview)
    return [
        compose(interview, person, stage, medium or default_medium(person), chosen_tone,
                variant, config=config)
        for person in recipients(interview, stage)
    ]


def full_text(draft: Draft) -> str:
    """The draft as `followup check` reads it: a `Subject:` line first for email."""
    if draft.subject:
        return f"Subject: {draft.subject}\n\n{draft.body}"
    return draft.body


def review(
    draft: Draft, interview: Interview, interviewer: Interviewer | None,
    config: Config | None = None, *, other_drafts: tuple[str, ...] = (),
) -> Report:
    """The checker's report on a draft, with the record, the addressee and the panel's other
    drafts as context (so the panel-duplicate rule runs)."""
    from followup.check import CheckContext, check
    from followup.compose.outline import sender

    context = CheckContext(
        interview=interview, interviewer=interviewer, stage=draft.stage, medium=draft.medium,
        other_drafts=other_drafts, candidate_name=sender(interview, config).name,
    )
    return check(full_text(draft), context, config)
