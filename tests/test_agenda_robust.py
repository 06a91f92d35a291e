"""One record the agenda cannot plan (stored by an older followup, before the ranges were
checked) is reported, and every other record is still planned: `due`, `due --json`,
`calendar --all`, the Today page, /api/due, the calendar feed and the record's own page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from followup.cli import app
from followup.cli.demo import sample_notes_path

NOW = "2026-11-25T08:30:00-06:00"
OTHER = "---\ncompany: Globex\nrole: Analyst\nwhen: 2026-11-23 10:00\n---\n"


def _poison(db: str, interview_id: int, **columns: Any) -> None:
    """Write values straight into the table, as an old version could have stored them."""
    engine = sa.create_engine(db)
    sets = ", ".join(f"{k} = :{k}" for k in columns)
    with engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE interviews SET {sets} WHERE id = :id"),
                     {**columns, "id": interview_id})
    engine.dispose()


@pytest.fixture(params=[{"duration_minutes": 4_300_000_000},
                        {"starts_at": "9999-12-31 20:00:00.000000"},
                        {"timezone": "America"}], ids=["duration", "year", "zone"])
def db(tmp_path: Path, request: pytest.FixtureRequest) -> str:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    runner = CliRunner()
    other = tmp_path / "globex.md"
    other.write_text(OTHER, encoding="utf-8")
    for args in (["config", "set", "timezone", "America/Chicago"],
                 ["import", str(sample_notes_path())], ["import", str(other)]):
        result = runner.invoke(app, ["--db", url, *args])
        assert result.exit_code == 0, result.output
    _poison(url, 2, **request.param)
    return url


def test_due_shows_the_rest_and_names_the_record(db: str) -> None:
    result = CliRunner().invoke(app, ["--db", db, "due", "--now", NOW])
    assert result.exit_code == 0, result.output
    assert "Dana Whitfield" in result.stdout and "#1" in result.stdout
    assert "#2 Globex: cannot be planned" in result.stderr
    assert "followup edit 2" in result.stderr


def test_due_json_stays_valid_json(db: str) -> None:
    result = CliRunner().invoke(app, ["--db", db, "due", "--json", "--now", NOW])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert items and {i["interview_id"] for i in items} == {1}
    assert "#2 Globex: cannot be planned" in result.stderr


def test_calendar_all_writes_the_rest(db: str, tmp_path: Path) -> None:
    out = tmp_path / "all.ics"
    result = CliRunner().invoke(app, ["--db", db, "calendar", "--all", "-o", str(out),
                                      "--now", NOW])
    assert result.exit_code == 0, result.output
    assert "Dana Whitfield" in out.read_text(encoding="utf-8")
    assert "#2 Globex: cannot be planned" in result.stderr


def test_the_web_shows_the_rest_and_names_the_record(db: str, tmp_path: Path) -> None:
    import warnings

    from followup.web import WebSettings, create_app
    from test_web_fixtures import BASE, Browser
    from test_web_fixtures import NOW as WEB_NOW
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    settings = WebSettings(database_url=db, port=8765, clock=lambda: WEB_NOW)
    with TestClient(create_app(settings), base_url=BASE) as client:
        browser = Browser(client)
        today = browser.get("/")
        assert today.status_code == 200
        assert "Records that cannot be planned" in today.text and "Globex" in today.text
        assert "Dana Whitfield" in today.text
        due = browser.get("/api/due")
        assert due.status_code == 200
        assert {i["interview_id"] for i in due.json()} == {1}
        assert due.headers["x-followup-unplanned"] == "2"
        feed = browser.get("/calendar.ics")
        assert feed.status_code == 200 and "Dana Whitfield" in feed.text
        page = browser.get("/interviews/2")
        assert page.status_code == 200 and "cannot be planned" in page.text
