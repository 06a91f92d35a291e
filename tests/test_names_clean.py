"""Names are what they look like: NFC, no invisible format characters ("B\\u200bob" is Bob),
no control characters or line breaks (refused, one located error); and stored text is never
sent raw to the terminal: `list` and `show` print control characters as visible symbols."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from followup.cli import app
from followup.errors import InputError, NotesFormatError
from followup.notes import parse_notes
from followup.store import Store

FRONT = "---\ncompany: {company}\nrole: Engineer\nwhen: 2026-11-24 14:00\n"


def _notes(company: str = "Acme", people: str = "") -> str:
    return FRONT.format(company=company) + people + "---\n"


def test_names_are_nfc_without_invisible_characters() -> None:
    got = parse_notes(_notes(people='interviewers:\n  - name: "Bo\\u0308b"\n'
                                    '  - name: "Al\\u200bice"\n'))
    assert [p.name for p in got.interviewers] == ["Böb", "Alice"]


def test_a_zero_width_space_does_not_make_a_second_person() -> None:
    with pytest.raises(NotesFormatError, match="duplicated interviewer 'Bob'"):
        parse_notes(_notes(people='interviewers:\n  - name: Bob\n  - name: "B\\u200bob"\n'))


def test_persian_joiners_are_kept() -> None:
    got = parse_notes(_notes(people='interviewers:\n  - name: "مهر\\u200cناز"\n'))
    assert got.interviewers[0].name == "مهر\u200cناز"


@pytest.mark.parametrize(("company", "people", "field"), [
    ('"Evil\\e[31m Co"', "", "company"),
    ("Acme", 'interviewers:\n  - name: "Da\\Nna"\n', "interviewers[1].name"),
    ("Acme", 'interviewers:\n  - name: "Da\\u2028na"\n', "interviewers[1].name"),
])
def test_control_characters_in_names_are_refused(company: str, people: str,
                                                 field: str) -> None:
    with pytest.raises(NotesFormatError) as caught:
        parse_notes(_notes(company, people), source="n.md")
    assert caught.value.field == field
    assert "control character" in str(caught.value)


def test_the_store_refuses_them_from_any_entry_point(store: Store,
                                                     make_interview: object) -> None:
    with pytest.raises(InputError, match=r"interview\.company: contains a control character"):
        store.save_interview(make_interview(company="Evil\x1b[31m"))  # type: ignore[operator]


def test_list_and_show_never_print_raw_control_characters(tmp_path: Path) -> None:
    notes = tmp_path / "n.md"
    notes.write_text(_notes(people="interviewers:\n  - name: Dana\n")
                     + "## Dana\n- discussed: hi \x1b]0;pwned\x07 and \x1b[2J there\n",
                     encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "import", str(notes)]).exit_code == 0
    shown = runner.invoke(app, ["--db", db, "show", "1"])
    assert shown.exit_code == 0
    assert "\x1b" not in shown.stdout and "␛]0;pwned" in shown.stdout
    assert "\x1b" not in runner.invoke(app, ["--db", db, "list"]).stdout


def test_json_output_escapes_every_control_character(tmp_path: Path) -> None:
    import json

    notes = tmp_path / "n.md"
    notes.write_text(_notes(people="interviewers:\n  - name: Dana\n")
                     + "## Dana\n- discussed: csi \x9b31m, bidi \u202e, esc \x1b[2J\n",
                     encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "import", str(notes)]).exit_code == 0
    shown = runner.invoke(app, ["--db", db, "export", "1", "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert not any(c in shown.stdout for c in "\x9b\u202e\x1b")
    discussed = json.loads(shown.stdout)["interviewers"][0]["discussed"][0]
    assert discussed == "csi \x9b31m, bidi \u202e, esc \x1b[2J"
