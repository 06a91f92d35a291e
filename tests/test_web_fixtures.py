"""Shared helpers for the web tests: an app over a fresh SQLite file at a frozen moment, a
client that speaks to it as the browser would (right Host, session cookie, CSRF token)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from followup.cli.demo import sample_notes_path
from followup.web import WebSettings, create_app

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # 09:00 in Chicago, the day after the interview
BASE = "http://127.0.0.1:8765"


class Browser:
    """A TestClient plus this session's CSRF token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.token = client.get("/api/csrf").json()["csrf_token"]

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.client.get(url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Any:
        headers = {"X-CSRF-Token": self.token, **kwargs.pop("headers", {})}
        return self.client.post(url, headers=headers, **kwargs)

    def put(self, url: str, **kwargs: Any) -> Any:
        headers = {"X-CSRF-Token": self.token, **kwargs.pop("headers", {})}
        return self.client.put(url, headers=headers, **kwargs)

    def form(self, url: str, data: dict[str, Any], **kwargs: Any) -> Any:
        """A form post the way a page submits it: the token as a hidden field."""
        return self.client.post(url, data={"csrf_token": self.token, **data},
                                follow_redirects=False, **kwargs)

    def import_sample(self) -> int:
        with open(sample_notes_path(), "rb") as handle:
            response = self.post("/api/interviews/import",
                                 files={"file": ("northwind.md", handle, "text/markdown")})
        assert response.status_code == 201, response.text
        return int(response.json()["id"])


def make_client(tmp_path: Path, **changes: Any) -> TestClient:
    from followup.config import set_value

    set_value("timezone", "America/Chicago")
    settings = WebSettings(database_url=f"sqlite:///{tmp_path / 'web.sqlite3'}", port=8765,
                           clock=lambda: NOW, **changes)
    return TestClient(create_app(settings), base_url=BASE)


def open_browser(tmp_path: Path) -> Iterator[Browser]:
    """The body of each test module's `browser` fixture."""
    with make_client(tmp_path) as client:
        yield Browser(client)
