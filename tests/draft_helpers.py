"""A stored thank-you draft for tests of sending and marking sent (shared by several files)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from followup.model import Draft, DraftStatus, Medium, Stage, Tone
from followup.store import Store


def stored_draft(store: Store, make_interview: Callable[..., Any], day: int = 2,
                 ) -> tuple[Draft, int]:
    """A stored interview's first interviewer and a stored thank-you draft to them."""
    interview, _ = store.save_interview(make_interview(day=day))
    person = interview.interviewers[0]
    draft = store.save_draft(Draft(
        interview_id=interview.id or 0, interviewer_id=person.id, stage=Stage.THANK_YOU,
        medium=Medium.EMAIL, tone=Tone.FORMAL, variant=0, subject="Thank you",
        body="Dear Zoë, thank you.", status=DraftStatus.DRAFT))
    return draft, person.id or 0
