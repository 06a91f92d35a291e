"""`followup serve`: what it prints, the login it demands beyond loopback, a busy port."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from typer.testing import CliRunner

from followup.cli import app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record the server instead of running it."""
    import uvicorn

    runs: list[Any] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, *a, **k: runs.append(self))
    monkeypatch.delenv("FOLLOWUP_WEB_PASSWORD", raising=False)
    return runs


def test_local_serve_needs_no_login(started: list[Any]) -> None:
    port = _free_port()
    result = CliRunner().invoke(app, ["serve", "--no-browser", "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert f"http://localhost:{port}/" in result.output
    assert "Access token" not in result.output
    settings = started[0].config.app.state.followup.settings
    assert settings.host == "127.0.0.1" and not settings.requires_login


def test_remote_bind_prints_a_token_once(started: list[Any]) -> None:
    port = _free_port()
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--no-browser",
                                      "--port", str(port)])
    assert result.exit_code == 0, result.output
    settings = started[0].config.app.state.followup.settings
    assert settings.requires_login and settings.access_token
    assert result.output.count(settings.access_token) == 2  # the token, and the login link
    assert f"login?token={settings.access_token}" in result.output


def test_remote_bind_with_a_password(started: list[Any],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_WEB_PASSWORD", "correct horse")
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--no-browser",
                                      "--port", str(_free_port())])
    assert result.exit_code == 0, result.output
    settings = started[0].config.app.state.followup.settings
    assert settings.password == "correct horse" and settings.access_token is None
    assert "correct horse" not in result.output


def test_a_busy_port_is_one_clear_error(started: list[Any]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--no-browser", "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert not started
