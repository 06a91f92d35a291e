"""Network mode: failed logins slow the client down exponentially (429 + Retry-After), by
form, token link or bearer header alike, and `followup serve` refuses a weak password.
Time is stepped with an injected clock; nothing here sleeps or measures."""

from __future__ import annotations

import re
import socket
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from followup.cli import app
from followup.web.limiter import CEILING, FREE, LoginLimiter, password_problem
from test_web_fixtures import make_client

TOKEN = "s3cret-token-for-tests"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_back_off_doubles_after_the_free_attempts_and_a_success_clears_it() -> None:
    clock = Clock()
    limiter = LoginLimiter(clock)
    waits = [limiter.failed("1.2.3.4") for _ in range(FREE + 4)]
    assert waits == [0] * FREE + [1, 2, 4, 8]
    assert limiter.wait("1.2.3.4") == 8 and limiter.wait("5.6.7.8") == 0
    clock.now += 8
    assert limiter.wait("1.2.3.4") == 0
    for _ in range(40):
        limiter.failed("1.2.3.4")
    assert limiter.wait("1.2.3.4") == CEILING  # capped
    limiter.succeeded("1.2.3.4")
    assert limiter.wait("1.2.3.4") == 0


def _csrf(client: Any) -> str:
    page = client.get("/login")
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found
    return found.group(1)


def test_the_login_form_answers_429_with_retry_after(tmp_path: Path) -> None:
    clock = Clock()
    with make_client(tmp_path, host="0.0.0.0", access_token=TOKEN,
                     login_clock=clock) as client:
        csrf = _csrf(client)

        def attempt(credential: str) -> Any:
            return client.post("/login", data={"csrf_token": csrf, "credential": credential,
                                               "next": "/"}, follow_redirects=False)

        statuses = [attempt(f"guess-{n}").status_code for n in range(FREE + 1)]
        assert statuses == [401] * (FREE + 1)
        blocked = attempt(TOKEN)  # even the right token waits: a guesser learns nothing
        assert blocked.status_code == 429
        assert blocked.headers["retry-after"] == "1"
        assert "try again in 1 s" in blocked.text
        assert client.get("/login?token=" + TOKEN).status_code == 429
        clock.now += 1
        assert attempt(TOKEN).status_code == 303


def test_bearer_guesses_are_slowed_too(tmp_path: Path) -> None:
    clock = Clock()
    with make_client(tmp_path, host="0.0.0.0", access_token=TOKEN,
                     login_clock=clock) as client:
        for n in range(FREE + 1):
            response = client.get("/api/due", headers={"Authorization": f"Bearer guess{n}"})
            assert response.status_code == 401
        right = client.get("/api/due", headers={"Authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 429 and right.headers["retry-after"] == "1"
        assert "too many failed logins" in right.json()["error"]
        clock.now += 1
        wrong = client.get("/api/due", headers={"Authorization": "Bearer again"})
        assert wrong.status_code == 401
        right = client.get("/api/due", headers={"Authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 429 and right.headers["retry-after"] == "2"  # doubled
        clock.now += 2
        assert client.get("/api/due",
                          headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


@pytest.mark.parametrize(("password", "wanted"), [
    ("a", "1 characters long; use at least 12"),
    ("aaaaaaaaaaaaaaaa", "too few different characters"),
    ("Password1234", "common password 'password'"),
])
def test_weak_passwords_are_named(password: str, wanted: str) -> None:
    problem = password_problem(password)
    assert problem is not None and wanted in problem


def test_a_good_passphrase_is_accepted() -> None:
    assert password_problem("correct horse battery") is None


def test_serve_refuses_a_weak_password_beyond_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    runs: list[Any] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, *a, **k: runs.append(self))
    monkeypatch.setenv("FOLLOWUP_WEB_PASSWORD", "a")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--no-browser",
                                      "--port", str(port)])
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.startswith("error: FOLLOWUP_WEB_PASSWORD is too weak") and "\n" not in message
    assert runs == []
