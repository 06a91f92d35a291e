"""What happens after the interview: drafted notes and the events that move the timeline.

A Draft is one note to one interviewer for one stage and medium. An Event records something
that happened (a note went out, a reply came, the process closed); the timeline derives what
is still due from the interview and its events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from followup.model.message import Medium, Stage


class DraftStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    STAGED = "staged"
    SENT = "sent"


class Tone(StrEnum):
    FORMAL = "formal"
    CASUAL = "casual"


@dataclass(frozen=True)
class Draft:
    """One note to one interviewer, as composed or edited, and where it is in its life."""

    interview_id: int
    interviewer_id: int | None
    stage: Stage
    medium: Medium
    subject: str
    body: str
    tone: Tone = Tone.FORMAL
    variant: int = 0
    status: DraftStatus = DraftStatus.DRAFT
    # Bookkeeping set by the store; two drafts are equal when their content and state are.
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)
    sent_at: datetime | None = None
    message_id: str | None = None
    id: int | None = field(default=None, compare=False)


class EventKind(StrEnum):
    SENT = "sent"          # a note went out (by followup or by hand)
    REPLIED = "replied"    # the company answered: pending check-ins stop
    CLOSED = "closed"      # offer, rejection, withdrawal: nothing more is planned


class FollowupKind(StrEnum):
    """The timeline's items: one thank-you per interviewer, at most two check-ins."""

    THANK_YOU = "thank-you"
    CHECK_IN_1 = "check-in-1"
    CHECK_IN_2 = "check-in-2"


@dataclass(frozen=True)
class Event:
    """Something that happened after the interview, at a moment, possibly to one person."""

    interview_id: int
    kind: EventKind
    at: datetime
    interviewer_id: int | None = None
    followup: FollowupKind | None = None
    draft_id: int | None = None
    detail: str = ""
    id: int | None = field(default=None, compare=False)
