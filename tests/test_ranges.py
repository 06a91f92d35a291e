"""Numbers and dates within range at every entry point (notes file, flags, API, store,
restore, config, --now), so no record can be stored that the agenda cannot plan; and an
agenda that still shows everything else when an old record cannot be planned."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from followup.cli import app
from followup.config import load, set_value
from followup.errors import ConfigError, InputError, NotesFormatError
from followup.notes import parse_notes
from followup.store import Store

FRONT = "---\ncompany: Acme\nrole: Engineer\nwhen: 2026-11-24 14:00\n"


def _notes(extra: str = "", when: str = "2026-11-24 14:00") -> str:
    return FRONT.replace("2026-11-24 14:00", when) + extra + "---\n"


@pytest.mark.parametrize(("text", "key", "wanted"), [
    (_notes("duration: 4300000000\n"), "duration", "expected 1 to 1440"),
    (_notes("duration: 1441\n"), "duration", "expected 1 to 1440"),
    (_notes("duration: " + "9" * 5000 + "\n"), "duration", "5000-digit number is far too"),
    (_notes("round: 2147483648\n"), "round", "expected 1 to 100"),
    (_notes(when="0001-01-01 00:30"), "when", "year 1 is out of range"),
    (_notes(when="9999-12-31 23:30"), "when", "year 9999 is out of range"),
    (_notes("decision_by: 9999-12-31\n"), "decision_by", "year 9999 is out of range"),
    (_notes("timezone: America\n"), "timezone", "unknown time zone 'America'"),
])
def test_a_notes_file_out_of_range_is_a_located_error(text: str, key: str, wanted: str) -> None:
    with pytest.raises(NotesFormatError) as caught:
        parse_notes(text, source="n.md")
    assert caught.value.field == key and wanted in str(caught.value), str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_edges_of_the_ranges_are_accepted() -> None:
    assert parse_notes(_notes("duration: 1440\nround: 100\n")).duration_minutes == 1440
    assert parse_notes(_notes(when="1970-01-02 00:00")).starts_at.year == 1970
    assert parse_notes(_notes(when="2200-12-30 12:00")).starts_at.year == 2200


def test_the_store_refuses_what_it_could_not_plan(
        store: Store, make_interview: Callable[..., Any]) -> None:
    good = make_interview()
    for changes, field in (({"duration_minutes": 4_300_000_000}, "duration_minutes"),
                           ({"round": 2**63}, "round"),
                           ({"starts_at": good.starts_at.replace(year=9999)}, "when"),
                           ({"decision_by": good.decision_by.replace(year=1)}, "decision_by")):
        with pytest.raises(InputError, match=rf"interview\.{field}: .* out of range"):
            store.save_interview(replace(good, **changes))
    assert store.list_interviews() == []


def _cli(*args: str, db: str) -> Any:
    return CliRunner().invoke(app, ["--db", db, *args])


def _one_line_error(result: Any, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    message = str(result.stderr).strip()
    assert message.startswith("error: ") and "\n" not in message, message
    return message


def test_flags_out_of_range_are_one_line_errors(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    base = ["add", "--company", "A", "--role", "B", "--when", "2026-11-24 14:00"]
    assert "1 to 1440" in _one_line_error(_cli(*base, "--duration", "4300000000", db=db))
    assert "year 9999" in _one_line_error(_cli(*base[:-1], "9999-12-31 10:00", db=db))
    assert "year 9999" in _one_line_error(_cli("due", "--now", "9999-12-31T10:00:00+00:00",
                                               db=db))
    assert "year 1 " in _one_line_error(_cli("due", "--now", "0001-01-01T00:00:00+00:00",
                                             db=db))


def test_the_api_refuses_out_of_range_values(tmp_path: Path) -> None:
    from test_web_fixtures import Browser, make_client

    with make_client(tmp_path) as client:
        browser = Browser(client)
        for payload in ({"duration": 4_300_000_000}, {"when": "9999-12-31 23:00"},
                        {"round": 2**40}, {"timezone": "America"}):
            body = {"company": "A", "role": "B", "when": "2026-11-24 14:00", **payload}
            response = browser.post("/api/interviews", json=body)
            assert response.status_code == 422, (payload, response.text)
        assert browser.get("/api/interviews").json() == []


def test_restore_refuses_out_of_range_numbers_with_one_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    notes = tmp_path / "n.md"
    notes.write_text(_notes(), encoding="utf-8")
    assert _cli("import", str(notes), db=db).exit_code == 0
    backup = tmp_path / "all.json"
    assert _cli("export", "--all", "-o", str(backup), db=db).exit_code == 0
    document = json.loads(backup.read_text(encoding="utf-8"))
    for field, value, wanted in (("duration_minutes", 4_300_000_000, "1 to 1440"),
                                 ("round", 2**63, "1 to 100"),
                                 ("starts_at", "9999-12-31T10:00:00+00:00", "starts_at")):
        changed = json.loads(json.dumps(document))
        changed["interviews"][0][field] = value
        bad = tmp_path / f"bad-{field}.json"
        bad.write_text(json.dumps(changed), encoding="utf-8")
        assert wanted in _one_line_error(_cli("restore", str(bad), db=db))
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps(document).replace('"duration_minutes": 60',
                                                   '"duration_minutes": ' + "9" * 5000))
    assert "digits" in _one_line_error(_cli("restore", str(huge), db=db))
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert "nested too deeply" in _one_line_error(_cli("restore", str(deep), db=db))


@pytest.mark.parametrize(("key", "value", "wanted"), [
    ("limits.send_hour_start", "30", "expected 0 to 23"),
    ("limits.check_in_days", "99999999", "expected 1 to 90"),
    ("limits.thank_you_due_hours", "0", "expected 1 to 168"),
    ("mail.smtp_port", "70000", "expected 1 to 65535"),
    ("limits.send_hour_start", "11", "must not be more than limits.send_hour_end (10)"),
    ("timezone", "America", "unknown time zone 'America'"),
])
def test_config_values_must_mean_something(key: str, value: str, wanted: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(wanted)):
        set_value(key, value)
    assert load().values[key] != (int(value) if value.isdigit() else value)


def test_a_config_file_out_of_range_is_a_clear_error(_isolated_home: Path) -> None:
    from followup.paths import config_file

    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[limits]\ncheck_in_days = 99999999\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"limits\.check_in_days is 99999999; expected 1 to 90"):
        load()


def test_due_looks_at_most_a_year_ahead(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    for days in ("99999999", "3000000", "-1"):
        assert "look from 0 to 366 days ahead" in _one_line_error(
            _cli("due", "--days", days, db=db))


def test_the_settings_page_moves_a_pair_together_and_refuses_nonsense(tmp_path: Path) -> None:
    from test_web_fixtures import Browser, make_client

    with make_client(tmp_path) as client:
        browser = Browser(client)
        moved = browser.form("/settings", {"limits.send_hour_start": "12",
                                           "limits.send_hour_end": "14"})
        assert moved.status_code == 303, moved.text[:500]
        assert load().limit("send_hour_start") == 12 and load().limit("send_hour_end") == 14
        bad = browser.form("/settings", {"limits.send_hour_start": "30",
                                         "limits.check_in_days": "99999999"})
        assert bad.status_code == 422
        assert "expected 0 to 23" in bad.text and "expected 1 to 90" in bad.text
        assert load().limit("send_hour_start") == 12


@pytest.mark.parametrize("target", ["/dev/zero", "/nowhere/backup.json"])
def test_restore_reads_only_regular_files_with_a_limit(tmp_path: Path, target: str) -> None:
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    message = _one_line_error(_cli("restore", target, db=db))
    assert message.startswith(f"error: {target}: ")
    assert "not a regular file" in message or "file not found" in message
