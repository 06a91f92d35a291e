"""The rest of the site: Settings (the config keys, grouped, saved with `config.set_value`),
Calendar (a subscribable .ics feed behind a secret token kept in the data directory, and a
download), and the login page of a server bound beyond loopback.
"""

from __future__ import annotations

import hmac
import secrets
from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from followup.errors import FollowupError, NotFoundError
from followup.paths import atomic_write_text, data_dir
from followup.web import mailbridge
from followup.web.security import AUTH_COOKIE, auth_cookie_value, client_address, safe_next
from followup.web.state import AppState, app_state

router = APIRouter()
State = Annotated[AppState, Depends(app_state)]
GROUPS = (
    ("You", "How your notes are signed and sent.", ("me.",)),
    ("Time and place", "Times are shown in your zone; business days skip your country's "
                       "public holidays.", ("timezone", "country")),
    ("Limits", "When notes are due and how long they may be.", ("limits.",)),
    ("Checking", "Words the spelling check should accept: names, products, places it does "
                 "not know. Separate them with commas.", ("check.",)),
    ("Mail account (optional)", "To save notes in your mailbox's Drafts folder or send them "
                                "from here. The password is kept in your system keyring by "
                                "`followup mail setup` (or read from FOLLOWUP_MAIL_PASSWORD), "
                                "never in this file.", ("mail.",)),
    ("Language model (optional)", "An OpenAI-compatible endpoint to polish drafts. Empty: "
                                  "off, and nothing leaves your machine.", ("llm.",)),
)
LABELS = {"me.name": "Your name", "me.email": "Your email", "me.signature": "Signature",
          "timezone": "Time zone", "country": "Country (for holidays)",
          "llm.url": "Endpoint URL", "llm.model": "Model name",
          "llm.api_key_env": "API key environment variable",
          "check.words": "Words to accept"}


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    from zoneinfo import available_timezones

    return tuple(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))


def _groups(values: dict[str, object]) -> list[tuple[str, str, list[tuple[str, str, object,
                                                                         str, str]]]]:
    from followup.config import SPEC

    out = []
    for title, blurb, prefixes in GROUPS:
        rows = [(s.key, LABELS.get(s.key) or s.key.split(".", 1)[-1].replace("_", " ")
                 .capitalize().replace("Linkedin", "LinkedIn"),
                 _shown(values.get(s.key, s.default)),
                 "number" if s.kind is int else "text", s.help)
                for s in SPEC if s.key.startswith(prefixes)]
        out.append((title, blurb, rows))
    return out


def _shown(value: object) -> object:
    """A setting as the form shows it: a list of words as comma-separated text."""
    return ", ".join(value) if isinstance(value, tuple | list) else value


@router.get("/settings")
def settings_page(request: Request, state: State) -> Response:
    config = state.config()
    return state.render(request, "settings.html", title="Settings",
                        groups=_groups(dict(config.values)), errors={}, zones=zone_names(),
                        mail=mailbridge.actions(config, getattr(request.state, "mail_result",
                                                                "")))


@router.post("/settings")
async def save_settings(request: Request, state: State) -> Response:
    from followup.config import SPEC, set_value

    form = await request.form()
    current = state.config()
    errors: dict[str, str] = {}
    values = dict(current.values)
    for setting in SPEC:
        raw = form.get(setting.key)
        if not isinstance(raw, str):
            continue
        raw = raw.replace("\r\n", "\n").strip() if setting.key != "me.signature" else \
            raw.replace("\r\n", "\n").rstrip()
        values[setting.key] = raw
        if str(_shown(current.get(setting.key))) == raw or (setting.key in ("timezone", "country")
                                                    and not raw):
            continue
        try:
            set_value(setting.key, raw)
        except FollowupError as error:
            errors[setting.key] = error.message.split(": ", 1)[-1]
    # A second pass for what failed: a pair moved together (send hours 8–10 to 12–14) is
    # refused one key at a time until its partner is saved.
    for key in list(errors):
        try:
            set_value(key, values[key])
            del errors[key]
        except FollowupError as error:
            errors[key] = error.message.split(": ", 1)[-1]
    state.forget_config()
    state.changed()
    if errors:
        return state.render(request, "settings.html", 422, title="Settings",
                            groups=_groups(values), errors=errors, zones=zone_names(),
                            mail=mailbridge.actions(state.config()))
    return RedirectResponse("/settings?done=settings", status_code=303)


# -- calendar ------------------------------------------------------------------------------


def feed_token(*, rotate: bool = False) -> str:
    """The secret in the feed URL, kept in the data directory so subscriptions survive a
    restart; rotating it makes the old URL stop working."""
    path = data_dir() / "web" / "calendar-feed-token"
    if not rotate and path.exists():
        token = path.read_text(encoding="utf-8").strip()
        if len(token) >= 32:
            return token
    token = secrets.token_urlsafe(32)
    atomic_write_text(path, token + "\n")
    path.chmod(0o600)
    return token


def _ics(state: AppState) -> bytes:
    from followup.calendar import to_ics
    from followup.timeline import Rules, plan_each

    now = state.now()
    # A record that cannot be planned is left out; the Today page names it.
    items = plan_each(state.store.open_interviews_with_events(), now,
                      Rules.from_config(state.config()))
    return to_ics(items, now)


@router.get("/calendar")
def calendar_page(request: Request, state: State) -> Response:
    url = f"{str(request.base_url).rstrip('/')}/calendar/feed/{feed_token()}.ics"
    return state.render(request, "calendar.html", title="Calendar", feed_url=url,
                        webcal=url.replace("http://", "webcal://", 1).replace(
                            "https://", "webcal://", 1))


@router.get("/calendar.ics")
def calendar_download(state: State) -> Response:
    return Response(_ics(state), media_type="text/calendar; charset=utf-8", headers={
        "content-disposition": 'attachment; filename="followup.ics"'})


@router.get("/calendar/feed/{token}.ics")
def calendar_feed(state: State, token: str) -> Response:
    if not hmac.compare_digest(token.encode(), feed_token().encode()):
        raise NotFoundError("no such calendar feed")
    return Response(_ics(state), media_type="text/calendar; charset=utf-8")


@router.post("/calendar/token")
def rotate_token() -> Response:
    feed_token(rotate=True)
    return RedirectResponse("/calendar?done=rotated", status_code=303)


# -- login (servers reachable from other machines) ------------------------------------------


def _logged_in(request: Request, state: AppState, target: str) -> Response:
    response = RedirectResponse(safe_next(target), status_code=303)
    response.set_cookie(AUTH_COOKIE, auth_cookie_value(state.settings, request.state.session),
                        httponly=True, samesite="strict", path="/")
    return response


def _attempt(request: Request, state: AppState, credential: str, target: str,
             wrong: str) -> Response:
    """Check a credential under the back-off (see `limiter`): 429 while the client waits."""
    client = client_address(request.scope)
    wait = state.logins.wait(client)
    if wait:
        response = state.render(request, "login.html", 429, title="Log in",
                                next=safe_next(target),
                                error=f"Too many failed attempts; try again in {wait} s.")
        response.headers["retry-after"] = str(wait)
        return response
    if state.settings.credential_ok(credential):
        state.logins.succeeded(client)
        return _logged_in(request, state, target)
    state.logins.failed(client)
    return state.render(request, "login.html", 401, title="Log in", next=safe_next(target),
                        error=wrong)


@router.get("/login")
def login_page(request: Request, state: State, next: str = "/",
               token: str | None = None) -> Response:
    if not state.settings.requires_login:
        return RedirectResponse(safe_next(next), status_code=303)
    if token:
        return _attempt(request, state, token, next, "The link's token is not valid.")
    return state.render(request, "login.html", title="Log in", next=safe_next(next), error="")


@router.post("/login")
def login(request: Request, state: State, credential: Annotated[str, Form()],
          next: Annotated[str, Form()] = "/") -> Response:
    if not state.settings.requires_login:
        return _logged_in(request, state, next)
    return _attempt(request, state, credential, next,
                    "That is not the access token or the password.")
