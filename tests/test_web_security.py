"""The web app's guards: Host header (DNS rebinding), CSRF on every state change, escaping of
user-written text, the Content-Security-Policy, and the login of a server bound beyond
loopback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup.web.security import CSP, safe_next
from followup.web.state import HERE
from test_web_fixtures import Browser, make_client, open_browser

SCRIPT = "<script>alert('x')</script>"



@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    yield from open_browser(tmp_path)

@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1:9999",
                                  "localhost.evil.example:8765", ""])
def test_foreign_host_header_is_refused(browser: Browser, host: str) -> None:
    response = browser.get("/", headers={"host": host})
    assert response.status_code == 400
    assert "Host" in response.text
    assert browser.get("/api/due", headers={"host": host}).status_code == 400


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "LOCALHOST:8765"])
def test_own_host_names_are_served(browser: Browser, host: str) -> None:
    assert browser.get("/", headers={"host": host}).status_code == 200


def _walk(routes: list[Any]) -> Iterator[Any]:
    """Every route, through included routers (FastAPI may keep them as wrappers)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _walk(inner.routes)
        elif hasattr(route, "methods"):
            yield route


def _state_changing_routes(browser: Browser) -> list[tuple[str, str]]:
    routes = []
    for route in _walk(browser.client.app.routes):  # type: ignore[attr-defined]
        for method in route.methods or ():
            if method in ("POST", "PUT", "PATCH", "DELETE"):
                routes.append((method, re.sub(r"\{[^}]+\}", "1", route.path)))
    return routes


def test_every_state_change_needs_the_csrf_token(browser: Browser) -> None:
    interview_id = browser.import_sample()
    routes = _state_changing_routes(browser)
    assert ("POST", "/api/check") in routes and ("POST", "/interviews") in routes
    assert len(routes) >= 15
    for method, path in routes:
        for attempt in ({}, {"headers": {"X-CSRF-Token": "forged"}},
                        {"data": {"csrf_token": "forged", "outcome": "offer"}}):
            response = browser.client.request(method, path, follow_redirects=False,
                                              **attempt)  # type: ignore[arg-type]
            assert response.status_code == 403, (method, path, attempt, response.text)
    # nothing changed: the interview is still open and has no drafts
    record = browser.get(f"/api/interviews/{interview_id}").json()
    assert record["status"] == "open"
    assert browser.get("/api/due").json()[0]["draft_id"] is None


def test_the_token_is_bound_to_the_session(tmp_path: Path, browser: Browser) -> None:
    with make_client(tmp_path / "other") as other:
        response = other.post("/api/check", json={"text": "Hi"},
                              headers={"X-CSRF-Token": browser.token})
    assert response.status_code == 403


def test_a_foreign_origin_is_refused_even_with_the_token(browser: Browser) -> None:
    response = browser.post("/api/check", json={"text": "Thank you"},
                            headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert browser.post("/api/check", json={"text": "Thank you"},
                        headers={"Origin": "http://127.0.0.1:8765"}).status_code == 200


def test_session_cookie_is_httponly_and_strict(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        cookie = client.get("/").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_company_name_with_a_script_tag_is_escaped_everywhere(browser: Browser) -> None:
    created = browser.post("/api/interviews", json={
        "company": SCRIPT, "role": f"Role {SCRIPT}", "when": "2026-11-24 14:00",
        "timezone": "America/Chicago",
        "interviewers": [{"name": "Dana Whitfield", "discussed": [f"topic {SCRIPT}"]}],
        "notes": SCRIPT,
    })
    assert created.status_code == 201, created.text
    interview_id = created.json()["id"]
    write = browser.form(f"/interviews/{interview_id}/write",
                         {"stage": "thank-you", "interviewer_id": created.json()[
                             "interview"]["interviewers"][0]["id"]})
    editor = write.headers["location"]
    for url in ("/", "/interviews", f"/interviews/{interview_id}",
                f"/interviews/{interview_id}/edit", editor, "/interviews?q=%3Cscript%3E"):
        page = browser.get(url)
        assert page.status_code == 200, url
        assert SCRIPT not in page.text, url
        assert "<script>alert" not in page.text, url
    assert "&lt;script&gt;alert(" in browser.get(f"/interviews/{interview_id}").text


def test_content_security_policy_is_strict_on_every_response(browser: Browser) -> None:
    for url in ("/", "/api/due", "/static/app.css", "/no-such-page"):
        policy = browser.get(url).headers["content-security-policy"]
        assert policy == CSP
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert "script-src 'self'" in CSP and "default-src 'none'" in CSP
    assert browser.get("/").headers["x-frame-options"] == "DENY"


def test_templates_have_no_inline_script_style_or_handlers() -> None:
    for template in (HERE / "templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template.name
        assert not re.search(r"\sstyle=", text), template.name
        assert not re.search(r"\son[a-z]+=", text), template.name
        assert "javascript:" not in text, template.name
        assert "http://" not in text and "https://cdn" not in text, template.name


def test_static_files_are_all_local() -> None:
    for path in (HERE / "static").iterdir():
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text, path.name
        assert ".innerHTML = " not in text.replace("holder.innerHTML = html", ""), path.name


def test_remote_bind_asks_for_the_token(tmp_path: Path) -> None:
    with make_client(tmp_path, host="0.0.0.0", access_token="s3cret-token") as client:
        page = client.get("/", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"].startswith("/login")
        assert client.get("/api/due").status_code == 401
        assert client.get("/api/due", headers={"Authorization": "Bearer nope"}
                          ).status_code == 401
        assert client.get("/api/due", headers={"Authorization": "Bearer s3cret-token"}
                          ).status_code == 200
        # a bearer credential is not ambient, so no CSRF token is needed with it
        assert client.post("/api/check", json={"text": "Thank you, Dana."},
                           headers={"Authorization": "Bearer s3cret-token"}
                           ).status_code == 200
        login = client.get("/login")
        token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', login.text)
        assert token
        wrong = client.post("/login", data={"csrf_token": token.group(1),
                                            "credential": "guess", "next": "/"})
        assert wrong.status_code == 401
        assert client.get("/", follow_redirects=False).status_code == 303
        right = client.post("/login", data={"csrf_token": token.group(1),
                                            "credential": "s3cret-token", "next": "/settings"},
                            follow_redirects=False)
        assert right.status_code == 303 and right.headers["location"] == "/settings"
        assert client.get("/", follow_redirects=False).status_code == 200


def test_login_link_with_the_token(tmp_path: Path) -> None:
    with make_client(tmp_path, host="0.0.0.0", password="pass phrase") as client:
        assert client.get("/login?token=wrong").status_code == 401
        assert client.get("/", follow_redirects=False).status_code == 303
        client.get("/login?token=pass%20phrase", follow_redirects=False)
        assert client.get("/", follow_redirects=False).status_code == 200


def test_calendar_feed_needs_its_secret(tmp_path: Path) -> None:
    with make_client(tmp_path, host="0.0.0.0", access_token="tok") as client:
        assert client.get("/calendar/feed/guess.ics").status_code == 404
        page = client.get("/calendar", headers={"Authorization": "Bearer tok"})
        feed = re.search(r'/calendar/feed/([\w-]+)\.ics', page.text)
        assert feed
        response = client.get(f"/calendar/feed/{feed.group(1)}.ics")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/calendar")
        assert response.content.startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("target,expected", [
    ("/settings", "/settings"), ("//evil.example/x", "/"), ("https://evil.example", "/"),
    ("", "/"), (None, "/"), ("/drafts/3?x=1", "/drafts/3?x=1"),
])
def test_login_returns_only_to_local_paths(target: str | None, expected: str) -> None:
    assert safe_next(target) == expected
