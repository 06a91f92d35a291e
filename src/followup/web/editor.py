"""The draft editor: one tab per interviewer, the composed draft, a live check as you type
(static/editor.js calls POST /api/check), variant/tone/medium switches, counters, copy,
mark as sent, optional polish by the configured model, and the mail hand-offs when the mail
module is installed (see mailbridge.py). Autosave goes through PUT /api/drafts/{id}.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from followup.config import Config
from followup.model import Draft, DraftStatus, Medium, Stage, Tone
from followup.web import mailbridge, services
from followup.web.services import MEDIUM_LABEL
from followup.web.state import AppState, app_state

router = APIRouter()
State = Annotated[AppState, Depends(app_state)]


@dataclass(frozen=True)
class Limit:
    """What the counter under the editor measures for a medium, and its bounds."""

    unit: str  # "words" or "characters"
    most: int
    ideal_min: int = 0
    ideal_max: int = 0


def limit_for(draft: Draft, config: Config) -> Limit:
    if draft.medium is Medium.LINKEDIN_NOTE:
        return Limit("characters", config.limit("linkedin_note_chars"))
    if draft.medium is Medium.LINKEDIN_MESSAGE:
        return Limit("words", config.limit("linkedin_message_words"))
    if draft.medium is Medium.CARD:
        return Limit("words", config.limit("card_words_max"))
    if draft.stage is Stage.CHECK_IN:
        return Limit("words", config.limit("check_in_words_max"))
    return Limit("words", config.limit("email_words_max"), config.limit("email_words_ideal_min"),
                 config.limit("email_words_ideal_max"))


@router.get("/drafts/{draft_id}")
def editor(request: Request, state: State, draft_id: int) -> Response:
    from followup.compose import VARIANTS, full_text
    from followup.practices import BY_ID
    from followup.timeline import newest_open_draft

    draft = state.store.get_draft(draft_id)
    interview = state.store.get_interview(draft.interview_id)
    person = next((p for p in interview.interviewers if p.id == draft.interviewer_id), None)
    drafts = state.store.list_drafts(draft.interview_id)
    tabs = [(p, newest_open_draft(drafts, p.id, draft.stage)) for p in interview.interviewers]
    report = services.check_text(state, full_text(draft), interview_id=draft.interview_id,
                                 stage=draft.stage, medium=draft.medium, draft_id=draft.id)
    config = state.config()
    return state.render(
        request, "editor.html", title=f"Draft to {person.name if person else 'them'}",
        draft=draft, interview=interview, person=person, tabs=tabs, report=report,
        whys={key: BY_ID[key].why for key in report.practices},
        limit=limit_for(draft, config), variants=range(VARIANTS), tones=list(Tone),
        media=MEDIUM_LABEL, sent=draft.status is DraftStatus.SENT,
        polish=bool(config.get("llm.url")), mail=mailbridge.actions(config),
        zone=state.user_zone())


@router.post("/drafts/{draft_id}/recompose")
def recompose(state: State, draft_id: int, medium: Annotated[Medium, Form()],
              tone: Annotated[Tone, Form()], variant: Annotated[int, Form()]) -> Response:
    services.recompose(state, draft_id, medium=medium, tone=tone, variant=variant)
    return RedirectResponse(f"/drafts/{draft_id}?done=recomposed", status_code=303)


@router.post("/drafts/{draft_id}/sent")
def mark_sent(state: State, draft_id: int) -> Response:
    services.mark_sent(state, draft_id)
    return RedirectResponse("/?done=sent", status_code=303)


@router.post("/drafts/{draft_id}/polish")
def polish(state: State, draft_id: int) -> Response:
    from dataclasses import replace

    from followup.compose import full_text
    from followup.compose.llm import endpoint_from
    from followup.compose.llm import polish as run_polish
    from followup.drafting import panel_drafts

    draft = state.store.get_draft(draft_id)
    services.refuse_if_sent(draft)
    interview = state.store.get_interview(draft.interview_id)
    person = next((p for p in interview.interviewers if p.id == draft.interviewer_id), None)
    if person is None:
        from followup.errors import InputError

        raise InputError(f"draft #{draft_id} names no interviewer to polish for")
    config = state.config()
    others = tuple(full_text(d) for d in panel_drafts(state.store, draft))
    result = run_polish(draft, interview, person, config, endpoint=endpoint_from(config),
                        other_drafts=others)
    if not result.polished:
        from followup.errors import InputError

        raise InputError(f"the draft was kept as it is: {result.reason}")
    state.store.save_draft(replace(draft, subject=result.draft.subject, body=result.draft.body))
    return RedirectResponse(f"/drafts/{draft_id}?done=polished", status_code=303)


router.include_router(mailbridge.router)
