"""The local web app's guards: Host check, session cookie, login, CSRF, security headers.

- Every request must name this server in its Host header (a DNS-rebinding page cannot).
- Every browser gets an HttpOnly, SameSite=Strict session cookie; the CSRF token is an HMAC
  of it under the server's secret, sent back in a form field (`csrf_token`) or the
  `X-CSRF-Token` header on every state-changing request, pages and API alike. An `Origin`
  from elsewhere is refused too.
- A server bound beyond loopback asks for the access token or password once per browser
  (a signed cookie), or per API call (`Authorization: Bearer …`, which needs no CSRF token:
  a browser never attaches it by itself). Wrong credentials slow the client down
  (`limiter`: 429 with Retry-After), however they are presented.
- Every response carries a strict Content-Security-Policy (no inline script or style).
- Request bodies are capped per route (`body_limit`) before any parsing: a 50 MB JSON field
  used to cost a minute of CPU before its 422. Past the cap: 413, nothing read further.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Request

from followup.errors import FollowupError
from followup.web.limiter import LoginLimiter
from followup.web.settings import WebSettings, split_host

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "followup_session"
AUTH_COOKIE = "followup_auth"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
OPEN_PATHS = ("/login", "/static/", "/calendar/feed/")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


# The largest request body a route takes: uploads carry a notes file (1 MB at most), a check
# a note (10,000 characters), autosave a draft (100,000 characters); everything else is small.
BODY_LIMITS = (("/api/interviews/import", 2 << 20), ("/interviews/import", 2 << 20),
               ("/api/check", 128 << 10), ("/api/drafts/", 512 << 10))
DEFAULT_BODY_LIMIT = 256 << 10


def body_limit(path: str) -> int:
    return next((limit for prefix, limit in BODY_LIMITS if path.startswith(prefix)),
                DEFAULT_BODY_LIMIT)


class ForbiddenError(FollowupError):
    """A request the server refuses: a missing CSRF token, a foreign origin."""

    exit_code = 1
    http_status = 403


class UnauthorizedError(FollowupError):
    """A request that needs the access token or password first."""

    exit_code = 1
    http_status = 401


def sign(settings: WebSettings, purpose: str, value: str) -> str:
    digest = hmac.new(settings.secret, f"{purpose}:{value}".encode(), hashlib.sha256)
    return digest.hexdigest()


def csrf_token(request: Request) -> str:
    """The token forms and scripts must send back with this browser's state changes."""
    return sign(request.app.state.followup.settings, "csrf", request.state.session)


def auth_cookie_value(settings: WebSettings, session: str) -> str:
    return sign(settings, "auth", session)


def _cookies(headers: list[tuple[bytes, bytes]]) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for name, value in headers:
        if name == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header is simply ignored
                continue
    return {key: morsel.value for key, morsel in jar.items()}


def _header(headers: list[tuple[bytes, bytes]], wanted: bytes) -> str | None:
    for name, value in headers:
        if name == wanted:
            return value.decode("latin-1")
    return None


def bearer_ok(settings: WebSettings, headers: list[tuple[bytes, bytes]]) -> bool:
    value = _header(headers, b"authorization") or ""
    scheme, _, given = value.partition(" ")
    return scheme.lower() == "bearer" and bool(given) and settings.credential_ok(given.strip())


def session_cookie_header(name: str, value: str, *, max_age: int | None = None) -> bytes:
    parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Strict"]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    return "; ".join(parts).encode()


class SecurityMiddleware:
    """ASGI middleware: Host check, session cookie, login gate, security headers."""

    def __init__(self, app: ASGIApp, settings: WebSettings,
                 limiter: LoginLimiter | None = None) -> None:
        self.app = app
        self.settings = settings
        self.limiter = limiter or LoginLimiter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers: list[tuple[bytes, bytes]] = list(scope.get("headers", []))
        host = _header(headers, b"host") or ""
        if not self.settings.host_allowed(host):
            await _plain(send, 400, "Invalid Host header: this server answers only to "
                                    "the address it was started on.")
            return
        cookies = _cookies(headers)
        session = cookies.get(SESSION_COOKIE, "")
        fresh = len(session) != 43 or not session.replace("-", "").replace("_", "").isalnum()
        if fresh:
            session = secrets.token_urlsafe(32)
        state = scope.setdefault("state", {})
        state["session"] = session
        path: str = scope.get("path", "/")
        client = client_address(scope)
        presented = _header(headers, b"authorization") is not None
        if presented and self.settings.requires_login:
            wait = self.limiter.wait(client)
            if wait:
                await _too_many(send, wait)
                return
        bearer = bearer_ok(self.settings, headers)
        if presented and self.settings.requires_login:
            if bearer:
                self.limiter.succeeded(client)
            else:
                self.limiter.failed(client)
        state["bearer"] = bearer
        if self.settings.requires_login and not path.startswith(OPEN_PATHS):
            logged_in = hmac.compare_digest(cookies.get(AUTH_COOKIE, ""),
                                            auth_cookie_value(self.settings, session))
            if not (bearer or (logged_in and not fresh)):
                await self._refuse_anonymous(scope, send, path)
                return
        static = path.startswith("/static/")
        if scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
            bounded = await _bounded_body(receive, headers, body_limit(path), send)
            if bounded is None:
                return
            receive = bounded

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = list(SECURITY_HEADERS)
                if fresh:
                    extra.append((b"set-cookie", session_cookie_header(SESSION_COOKIE, session)))
                if not static and not any(k == b"cache-control" for k, _ in message["headers"]):
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _refuse_anonymous(self, scope: Scope, send: Send, path: str) -> None:
        if path.startswith("/api/"):
            await _plain(send, 401, '{"error": "log in first: send Authorization: Bearer '
                                    '<access token>", "status": 401}', json=True)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        target = path + (f"?{query}" if query else "")
        await send({"type": "http.response.start", "status": 303, "headers": [
            (b"location", f"/login?next={quote(target, safe='')}".encode()),
            *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": b""})


async def _bounded_body(receive: Receive, headers: list[tuple[bytes, bytes]], limit: int,
                        send: Send) -> Receive | None:
    """Read the request body up to `limit` bytes and hand it on; None (after answering 413)
    when it is larger, by its Content-Length or by what actually arrives."""
    declared = _header(headers, b"content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > limit:
        await _too_large(send, limit)
        return None
    chunks: list[bytes] = []
    size = 0
    chunks_message: Message | None = None
    while True:
        message = await receive()
        if message["type"] != "http.request":
            chunks_message = message  # a disconnect: pass it on as it is
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        if size > limit:
            await _too_large(send, limit)
            return None
        if not message.get("more_body", False):
            break
    replay: list[Message] = [{"type": "http.request", "body": b"".join(chunks),
                              "more_body": False}]
    if chunks_message is not None:
        replay.append(chunks_message)

    async def replayed() -> Message:
        return replay.pop(0) if replay else await receive()

    return replayed


async def _too_large(send: Send, limit: int) -> None:
    body = (f'{{"error": "the request body is larger than {limit // 1024} KB, the most this '
            f'address takes", "status": 413}}')
    await send({"type": "http.response.start", "status": 413, "headers": [
        (b"content-type", b"application/json"), (b"connection", b"close"),
        *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body.encode()})


def client_address(scope: Scope) -> str:
    """The address a request came from (the proxy's, behind a reverse proxy)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


async def _too_many(send: Send, wait: int) -> None:
    body = (f'{{"error": "too many failed logins from your address; try again in {wait} s", '
            f'"status": 429}}')
    await send({"type": "http.response.start", "status": 429, "headers": [
        (b"content-type", b"application/json"), (b"retry-after", str(wait).encode()),
        *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body.encode()})


async def _plain(send: Send, status: int, text: str, *, json: bool = False) -> None:
    kind = b"application/json" if json else b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": text.encode()})


async def csrf_protect(request: Request) -> None:
    """FastAPI dependency on every route: a state-changing request must carry this browser's
    CSRF token (or authenticate with a bearer credential) and come from no foreign origin."""
    if request.method in SAFE_METHODS:
        return
    settings: WebSettings = request.app.state.followup.settings
    origin = request.headers.get("origin")
    if origin and origin != "null" and not settings.host_allowed(urlsplit(origin).netloc):
        raise ForbiddenError(f"refused a request from another site ({origin})")
    if request.state.bearer:
        return
    given = request.headers.get(CSRF_HEADER)
    if given is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not given or not hmac.compare_digest(given, csrf_token(request)):
        raise ForbiddenError("the form or request lacks a valid CSRF token; reload the page "
                             "and try again")


def safe_next(target: str | None) -> str:
    """A local path to return to after logging in (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    host = split_host(urlsplit(target).netloc)[0]
    return "/" if host else target
