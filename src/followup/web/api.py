"""The JSON API under /api/, described by the app's OpenAPI schema (/api/openapi.json).

Same core as the pages (see services.py). Errors come back as {"error": message, "status":
code} with the status of the FollowupError raised. State-changing calls need the CSRF token
(`X-CSRF-Token`, from GET /api/csrf with the session cookie) or, on a server that asks for a
login, `Authorization: Bearer <access token>`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, Response, UploadFile
from pydantic import BaseModel, Field

from followup.errors import InputError
from followup.model import Culture, Format, Medium, Stage, Status, Tone
from followup.web import services
from followup.web.forms import InterviewForm, PersonFields, to_notes
from followup.web.security import csrf_token
from followup.web.state import AppState, app_state

router = APIRouter(prefix="/api", tags=["api"])
State = Annotated[AppState, Depends(app_state)]
MAX_UPLOAD = 1_000_000


class CheckRequest(BaseModel):
    """A text to check and, optionally, what it is about."""

    text: str = Field(description="The note (at most 10,000 characters); a first line "
                                  "`Subject: …` is the email subject.")
    interview_id: int | None = Field(None, description="Check against this interview record.")
    to: str | None = Field(None, description="The interviewer the note is for (a name).")
    stage: Stage = Stage.THANK_YOU
    medium: Medium = Medium.EMAIL
    draft_id: int | None = Field(None, description="A stored draft this text is an edit of: "
                                                   "the rest of the panel's drafts are "
                                                   "checked for near-duplicates.")


class QuestionIn(BaseModel):
    question: str
    better: str = ""


class PersonIn(BaseModel):
    name: str
    title: str = ""
    email: str = ""
    linkedin: str = ""
    timezone: str | None = None
    primary: bool = False
    discussed: list[str] = []
    shared: list[str] = []
    questions: list[QuestionIn] = []
    next: list[str] = []


class InterviewIn(BaseModel):
    """The fields of a notes file (shared/NOTES-FORMAT.md), as JSON."""

    company: str
    role: str
    when: str = Field(description="Local start time, YYYY-MM-DD HH:MM.")
    timezone: str | None = None
    duration: int | None = None
    round: int | None = None
    format: Format | None = None
    culture: Culture | None = None
    decision_by: date | None = None
    job_description: str = ""
    interviewers: list[PersonIn] = []
    qualifications: list[str] = []
    notes: str = ""


class DraftRequest(BaseModel):
    """What to compose: by default a thank-you to every interviewer."""

    to: str | None = None
    all: bool = False
    stage: Stage = Stage.THANK_YOU
    medium: Medium | None = None
    tone: Tone | None = None
    variant: int = 0


class DraftText(BaseModel):
    subject: str = ""
    body: str


def _form(data: InterviewIn) -> InterviewForm:
    values = {
        "company": data.company, "role": data.role, "when": data.when,
        "timezone": data.timezone or "", "duration": str(data.duration or ""),
        "round": str(data.round or ""), "format": data.format.value if data.format else "",
        "culture": data.culture.value if data.culture else "",
        "decision_by": data.decision_by.isoformat() if data.decision_by else "",
        "job_description": data.job_description,
        "qualifications": "\n".join(data.qualifications), "notes": data.notes,
    }
    people = [PersonFields(n, p.name, p.title, p.email, p.linkedin, p.timezone or "",
                           p.primary, "\n".join(p.discussed), "\n".join(p.shared),
                           "\n".join(p.next), [(q.question, q.better) for q in p.questions])
              for n, p in enumerate(data.interviewers)]
    return InterviewForm(values, people)


def _summary(s: Any) -> dict[str, Any]:
    return {"id": s.id, "company": s.company, "role": s.role,
            "starts_at": s.starts_at.isoformat(), "timezone": s.timezone,
            "status": s.status.value, "outcome": s.outcome,
            "interviewers": list(s.interviewer_names)}


@router.get("/csrf", summary="The CSRF token for this browser session")
def get_csrf(request: Request) -> dict[str, str]:
    return {"csrf_token": csrf_token(request)}


@router.get("/interviews", summary="List interviews, newest first")
def list_interviews(
    state: State, status: Status | None = None,
    q: Annotated[str | None, Query(description="Words in company, role or names")] = None,
) -> list[dict[str, Any]]:
    rows = state.store.list_interviews(status=status)
    if q:
        words = q.casefold().split()
        rows = [r for r in rows if all(w in " ".join(
            (r.company, r.role, *r.interviewer_names)).casefold() for w in words)]
    return [_summary(r) for r in rows]


@router.post("/interviews", status_code=201, summary="Record an interview")
def create_interview(state: State, data: InterviewIn) -> dict[str, Any]:
    from followup.model.codec import interview_to_dict

    stored, status = services.save_notes(state, to_notes(_form(data)), source="request")
    return {"id": stored.id, "status": status, "interview": interview_to_dict(stored)}


@router.get("/interviews/{interview_id}", summary="One interview record")
def get_interview(state: State, interview_id: int) -> dict[str, Any]:
    from followup.model.codec import interview_to_dict

    return interview_to_dict(state.store.get_interview(interview_id))


@router.post("/interviews/import", status_code=201, summary="Import a notes file")
async def import_notes(state: State, file: Annotated[UploadFile, File()]) -> dict[str, Any]:
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise InputError(f"{file.filename}: larger than 1 MB; a notes file is a few KB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{file.filename}: not UTF-8 text") from None
    stored, status = services.save_notes(state, text, source=file.filename or "upload")
    return {"id": stored.id, "status": status}


@router.post("/check", summary="Check a note against the practices",
             description="The same JSON as `followup check --json`: score, practices, "
                         "findings (offsets into `text`), stats.")
def check(state: State, data: CheckRequest) -> dict[str, Any]:
    report = services.check_text(state, data.text, interview_id=data.interview_id,
                                 to=data.to, stage=data.stage, medium=data.medium,
                                 draft_id=data.draft_id)
    return report.to_dict()


@router.post("/interviews/{interview_id}/drafts", status_code=201,
             summary="Compose and store drafts")
def compose(state: State, interview_id: int, data: DraftRequest) -> list[dict[str, Any]]:
    from followup.drafting import as_json, choose_people, compose_and_store

    interview = state.store.get_interview(interview_id)
    people = choose_people(interview, data.stage, data.to, data.all)
    checked = compose_and_store(state.store, interview, people, data.stage, state.config(),
                                medium=data.medium, tone=data.tone, variant=data.variant,
                                now=state.now())
    state.changed()
    return [as_json(item) for item in checked]


@router.get("/drafts/{draft_id}", summary="A stored draft with its check")
def get_draft(state: State, draft_id: int) -> dict[str, Any]:
    from followup.compose import full_text
    from followup.drafting import Checked, as_json

    draft = state.store.get_draft(draft_id)
    report = services.check_text(state, full_text(draft), interview_id=draft.interview_id,
                                 stage=draft.stage, medium=draft.medium, draft_id=draft.id)
    interview = state.store.get_interview(draft.interview_id)
    person = next((p for p in interview.interviewers if p.id == draft.interviewer_id), None)
    return as_json(Checked(draft, person, report)) | {"status": draft.status.value}


@router.put("/drafts/{draft_id}", summary="Save an edited draft (autosave)")
def save_draft(state: State, draft_id: int, data: DraftText) -> dict[str, Any]:
    saved = services.save_text(state, draft_id, data.subject, data.body)
    return {"draft_id": saved.id, "status": saved.status.value,
            "updated_at": saved.updated_at.isoformat() if saved.updated_at else None}


@router.post("/drafts/{draft_id}/sent", summary="Mark a draft as sent (by any channel)")
def mark_sent(state: State, draft_id: int) -> dict[str, Any]:
    saved = services.mark_sent(state, draft_id)
    return {"draft_id": saved.id, "status": saved.status.value,
            "sent_at": saved.sent_at.isoformat() if saved.sent_at else None}


@router.get("/due", summary="The agenda: overdue, today, upcoming")
def due(state: State, response: Response, days: Annotated[int, Query(ge=0, le=366)] = 14,
        include_settled: bool = False) -> list[dict[str, Any]]:
    """The items (pinned shape); records that cannot be planned are left out and their ids
    listed in the `X-Followup-Unplanned` header (comma-separated)."""
    from followup.timeline import Unplanned, agenda
    from followup.tracking import item_json

    config = state.config()
    entries = state.store.open_interviews_with_events()
    unplanned: list[Unplanned] = []
    items = agenda(entries, state.now(), config, days, include_settled=include_settled,
                   unplanned=unplanned)
    if unplanned:
        response.headers["X-Followup-Unplanned"] = ",".join(
            str(u.interview_id) for u in unplanned)
    return [item_json(item, config.timezone) for item in items]
