"""The editor's mail hand-offs through `followup.mail`: download the note as an .eml file
(no account needed), put it in the mailbox's Drafts folder, and send it after a confirmation
page that shows exactly what goes where (the same content `followup send` prints), plus the
account test on the Settings page. Without the mail module the editor hides them.
"""

from __future__ import annotations

import importlib.util
from email import message_from_bytes, policy
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from followup.config import Config
from followup.errors import FollowupError
from followup.web.state import AppState, app_state

router = APIRouter()
State = Annotated[AppState, Depends(app_state)]


def shown(out: Any) -> str:
    """A fingerprint of what the confirmation page showed: recipient, subject and body."""
    import hashlib

    text = "\n".join((out.recipient, out.draft.subject, out.draft.body))
    return hashlib.sha256(text.encode()).hexdigest()


def available() -> bool:
    """Whether the mail module (eml, account, service) is part of this install."""
    try:
        return importlib.util.find_spec("followup.mail.service") is not None
    except ModuleNotFoundError:
        return False


def actions(config: Config, result: str = "") -> dict[str, Any] | None:
    """What the pages may offer: None without the mail module; `account` when one is set."""
    if not available():
        return None
    from followup.mail.account import load_account

    try:
        account = load_account(config)
    except FollowupError as error:
        return {"eml": True, "account": False, "address": "", "result": error.message}
    return {"eml": True, "account": account is not None,
            "address": account.address if account else "", "result": result}


@router.get("/drafts/{draft_id}/eml")
def download_eml(state: State, draft_id: int) -> Response:
    from followup.mail.account import load_account
    from followup.mail.service import eml_bytes

    config = state.config()
    data = eml_bytes(state.store, draft_id, now=state.now(), config=config,
                     account=load_account(config), remember=False)  # a GET stores nothing
    return Response(data, media_type="message/rfc822", headers={
        "content-disposition": f'attachment; filename="followup-draft-{draft_id}.eml"'})


@router.post("/drafts/{draft_id}/stage")
def stage(state: State, draft_id: int) -> Response:
    from followup.mail.account import require_account
    from followup.mail.service import stage as stage_draft

    config = state.config()
    stage_draft(state.store, draft_id, require_account(config), now=state.now(), config=config)
    return RedirectResponse(f"/drafts/{draft_id}?done=staged", status_code=303)


@router.get("/drafts/{draft_id}/send")
def confirm_send(request: Request, state: State, draft_id: int) -> Response:
    from followup.mail.account import require_account
    from followup.mail.service import prepare_send, refusal

    config = state.config()
    out = prepare_send(state.store, draft_id, require_account(config), now=state.now(),
                       config=config)
    msg = message_from_bytes(out.data, policy=policy.default)
    headers = [(name, str(msg[name])) for name in ("From", "To", "Subject", "Date")]
    blocked = refusal(out.report) if out.report.has_errors else ""
    return state.render(request, "send.html", title="Send this note?", draft_id=draft_id,
                        headers=headers, body=out.draft.body.strip("\n"), report=out.report,
                        recipient=out.recipient, resuming=out.resuming, shown=shown(out),
                        blocked=blocked.replace("pass --force", "tick the box below"))


@router.post("/drafts/{draft_id}/send")
def send(state: State, draft_id: int, fingerprint: Annotated[str, Form()],
         force: Annotated[str | None, Form()] = None) -> Response:
    from followup.errors import InputError
    from followup.mail.account import require_account
    from followup.mail.service import prepare_send
    from followup.mail.service import send as send_draft

    config = state.config()
    account = require_account(config)
    now = state.now()
    out = prepare_send(state.store, draft_id, account, now=now, config=config)
    if shown(out) != fingerprint:
        raise InputError("the note changed since you reviewed it; nothing was sent. Review "
                         "it again before sending")
    send_draft(state.store, draft_id, account, now=now, config=config, force=force == "yes",
               prepared=out)
    state.changed()
    return RedirectResponse("/?done=mailed", status_code=303)


@router.post("/settings/mail-test")
def test_account(request: Request, state: State) -> Response:
    from followup.mail.account import read_password, require_account
    from followup.mail.transport import connect
    from followup.web.site import settings_page

    config = state.config()
    try:
        account = require_account(config)
        lines = connect(account, read_password(account)).probe()
        result = "Connection works: " + "; ".join(lines)
    except FollowupError as error:
        result = f"The test failed: {error.message}"
    request.state.mail_result = result
    return settings_page(request, state)
