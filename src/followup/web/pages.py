"""The pages about records: Today (the agenda), the interview list with search and filters,
one interview, the new/edit form, notes-file upload, close with an outcome, and "write",
which opens the right draft (composing it the first time).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from followup.errors import InputError, NotesFormatError
from followup.model import Stage, Status
from followup.web import forms, services
from followup.web.services import SECTION_LABEL
from followup.web.state import AppState, app_state

router = APIRouter()
State = Annotated[AppState, Depends(app_state)]
MAX_UPLOAD = 1_000_000


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/")
def today(request: Request, state: State) -> Response:
    from followup.timeline import Unplanned

    unplanned: list[Unplanned] = []
    rows = services.agenda_rows(state, unplanned=unplanned)
    sections = [(key, label, [r for r in rows if r.section == key])
                for key, label in SECTION_LABEL.items() if key != "settled"]
    return state.render(request, "today.html", title="Today", sections=sections,
                        count=len(rows), zone=state.config().timezone, unplanned=unplanned)


@router.get("/interviews")
def interviews(request: Request, state: State, q: str = "", status: str = "open",
               company: str = "") -> Response:
    chosen = Status(status) if status in ("open", "closed") else None
    everything = state.store.list_interviews()
    companies = sorted({r.company for r in everything}, key=str.casefold)
    rows = [r for r in everything if chosen is None or r.status is chosen]
    if company:
        rows = [r for r in rows if r.company == company]
    words = q.casefold().split()
    if words:
        rows = [r for r in rows if all(w in " ".join(
            (r.company, r.role, *r.interviewer_names)).casefold() for w in words)]
    return state.render(request, "interviews.html", title="Interviews", rows=rows, q=q,
                        status_filter=status, company=company, companies=companies,
                        total=len(everything))


@router.get("/interviews/new")
def new_interview(request: Request, state: State) -> Response:
    return _form_page(request, state, forms.blank(state.config().timezone), None)


def _form_page(request: Request, state: State, form: forms.InterviewForm,
               interview_id: int | None, status: int = 200, notes: str = "") -> Response:
    from followup.web.site import zone_names

    title = "Edit interview" if interview_id else "Log an interview"
    return state.render(request, "interview_form.html", status, title=title, form=form,
                        interview_id=interview_id, zones=zone_names(), notes_text=notes)


async def _submitted(request: Request) -> forms.InterviewForm:
    return forms.from_submission(await request.form())


def _save_form(state: AppState, form: forms.InterviewForm, current_id: int | None) -> int:
    from followup.notes import parse_notes

    text = forms.to_notes(form)
    try:
        parsed = parse_notes(text, source="form", default_timezone=state.config().timezone)
    except NotesFormatError as error:
        form.error, form.error_field = error.problem, forms.field_of(error, form)
        raise
    if current_id is not None:
        parsed = forms.with_hidden_fields(parsed, state.store.get_interview(current_id))
    stored, _ = state.store.save_interview(parsed)
    state.changed()
    assert stored.id is not None
    return stored.id


@router.post("/interviews")
async def create(request: Request, state: State) -> Response:
    form = await _submitted(request)
    try:
        new_id = _save_form(state, form, None)
    except InputError as error:
        form.error = form.error or error.message
        return _form_page(request, state, form, None, status=422)
    return redirect(f"/interviews/{new_id}?done=created")


@router.post("/interviews/import")
async def import_file(request: Request, state: State) -> Response:
    upload = (await request.form()).get("file")
    if upload is None or isinstance(upload, str) or not upload.filename:
        raise InputError("choose a notes file (.md) to import")
    data = await upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise InputError(f"{upload.filename}: larger than 1 MB; a notes file is a few KB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{upload.filename}: not UTF-8 text; save it as UTF-8") from None
    stored, _ = services.save_notes(state, text, source=upload.filename)
    return redirect(f"/interviews/{stored.id}?done=imported")


@router.get("/interviews/{interview_id}")
def interview_page(request: Request, state: State, interview_id: int) -> Response:
    from followup.timeline import Rules, Unplanned, countdown, plan_each
    from followup.tracking import KIND_LABEL, OUTCOMES

    interview = state.store.get_interview(interview_id)
    events = state.store.list_events(interview_id)
    drafts = state.store.list_drafts(interview_id)
    now = state.now()
    unplanned: list[Unplanned] = []
    items = plan_each([(interview, events, drafts)], now, Rules.from_config(state.config()),
                      unplanned)
    names = {p.id: p.name for p in interview.interviewers}
    thanked = {i.interviewer_id for i in items
               if i.stage is Stage.THANK_YOU and not i.pending}
    return state.render(
        request, "interview.html", title=f"{interview.company} — {interview.role}",
        interview=interview, items=[(i, countdown(i, now), KIND_LABEL[i.kind]) for i in items],
        drafts=list(reversed(drafts)), names=names, outcomes=OUTCOMES, thanked=thanked,
        zone=state.user_zone(), closed=interview.status is Status.CLOSED,
        notice=str(unplanned[0]) if unplanned else None)


@router.get("/interviews/{interview_id}/edit")
def edit_page(request: Request, state: State, interview_id: int) -> Response:
    from followup.notes import render_notes

    interview = state.store.get_interview(interview_id)
    return _form_page(request, state, forms.from_interview(interview), interview_id,
                      notes=render_notes(interview))


@router.post("/interviews/{interview_id}")
async def update(request: Request, state: State, interview_id: int) -> Response:
    from followup.notes import render_notes

    current = state.store.get_interview(interview_id)
    form = await _submitted(request)
    try:
        _save_form(state, form, interview_id)
    except InputError as error:
        form.error = form.error or error.message
        return _form_page(request, state, form, interview_id, 422, render_notes(current))
    return redirect(f"/interviews/{interview_id}?done=updated")


@router.post("/interviews/{interview_id}/notes")
def update_notes(request: Request, state: State, interview_id: int,
                 notes: Annotated[str, Form()]) -> Response:
    current = state.store.get_interview(interview_id)
    try:
        services.save_notes(state, notes, source="notes", current=current)
    except InputError as error:
        form = forms.from_interview(current)
        form.error = error.message
        return _form_page(request, state, form, interview_id, 422, notes)
    return redirect(f"/interviews/{interview_id}?done=updated")


@router.post("/interviews/{interview_id}/close")
def close(state: State, interview_id: int, outcome: Annotated[str, Form()]) -> Response:
    services.close(state, interview_id, outcome)
    return redirect(f"/interviews/{interview_id}?done=closed")


@router.post("/interviews/{interview_id}/write")
def write(state: State, interview_id: int, stage: Annotated[Stage, Form()],
          interviewer_id: Annotated[int | None, Form()] = None) -> Response:
    draft_id = services.open_or_compose(state, interview_id, interviewer_id, stage)
    return redirect(f"/drafts/{draft_id}")
