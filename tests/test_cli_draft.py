"""`followup draft`, `drafts` and `draft-edit` end to end through the CLI, on a real SQLite file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from followup.cli import app
from followup.cli.demo import sample_notes_path

DRAFT_KEYS = {"draft_id", "to", "stage", "medium", "subject", "body", "report"}
REPORT_KEYS = {"score", "practices", "findings", "stats"}


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `followup --db <tmp file> ...` with the sample interview imported as #1."""
    monkeypatch.setenv("FOLLOWUP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("FOLLOWUP_DATABASE_URL", raising=False)
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["--db", db, *args])

    assert run("import", str(sample_notes_path())).exit_code == 0
    return run


def editor_script(tmp_path: Path, body: str) -> str:
    """An $EDITOR that edits the file it is given with a line of Python."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\nt = p.read_text()\n" + body +
        "\np.write_text(t)\n", encoding="utf-8")
    return f"{sys.executable} {script}"


def test_thank_you_for_everyone_is_stored_and_checked_with_the_pinned_json(cli) -> None:
    result = cli("draft", "1", "--json")
    assert result.exit_code == 0, result.output
    drafts = json.loads(result.stdout)
    assert [d["to"] for d in drafts] == ["Dana Whitfield", "Luis Ortega", "Mei-Ling Zhou"]
    for item in drafts:
        assert set(item) == DRAFT_KEYS
        assert set(item["report"]) == REPORT_KEYS
        assert item["report"]["score"] >= 90
        assert item["stage"] == "thank-you"
        assert not any(f["rule"] == "p02.panel-duplicate" for f in item["report"]["findings"])
    assert [d["medium"] for d in drafts] == ["email", "email", "linkedin-message"]
    assert drafts[0]["subject"] and drafts[2]["subject"] == ""
    stored = json.loads(cli("drafts", "1", "--json").stdout)
    assert [d["draft_id"] for d in stored] == [d["draft_id"] for d in drafts]
    assert stored[0]["body"] == drafts[0]["body"]


def test_one_interviewer_gives_one_object(cli) -> None:
    result = cli("draft", "1", "--to", "luis", "--medium", "card", "--tone", "casual",
                 "--variant", "2", "--json")
    assert result.exit_code == 0, result.output
    item = json.loads(result.stdout)
    assert item["to"] == "Luis Ortega" and item["medium"] == "card"
    assert item["body"].startswith(("Hi Luis", "Hello Luis", "Hey Luis"))
    stored = json.loads(cli("drafts", "1", "--json").stdout)
    assert (stored[0]["tone"], stored[0]["variant"]) == ("casual", 2)


def test_check_in_goes_to_the_primary_contact_unless_all(cli) -> None:
    single = json.loads(cli("draft", "1", "--stage", "check-in", "--json").stdout)
    assert single["to"] == "Dana Whitfield" and single["stage"] == "check-in"
    assert "December 4" in single["body"]
    everyone = json.loads(cli("draft", "1", "--stage", "check-in", "--all", "--json").stdout)
    assert len(everyone) == 3


def test_human_output_shows_each_draft_with_its_report(cli) -> None:
    result = cli("draft", "1", "--to", "Mei-Ling")
    assert result.exit_code == 0, result.output
    assert "Draft #1 to Mei-Ling Zhou" in result.stdout
    assert "semantic layer" in result.stdout
    assert "Score 100/100" in result.stdout or "Score 9" in result.stdout
    listing = cli("drafts", "1")
    assert "Mei-Ling" in listing.stdout and "linkedin-message" in listing.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("draft", "9"), "no interview with id 9"),
    (("draft", "1", "--to", "Robin"), "--to 'Robin' names nobody"),
    (("draft", "1", "--to", "Dana", "--all"), "not both"),
    (("draft", "1", "--variant", "7"), "--variant 7"),
    (("draft-edit", "42"), "42"),
    (("drafts", "9"), "no interview with id 9"),
])
def test_bad_input_is_one_line_and_exit_2(cli, args: tuple[str, ...], message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_draft_edit_saves_the_edit_and_checks_it_again(cli, tmp_path, monkeypatch) -> None:
    first = json.loads(cli("draft", "1", "--to", "Dana", "--json").stdout)
    monkeypatch.setenv("EDITOR", editor_script(
        tmp_path, "t = t.replace('Subject: ', 'Subject: Re: ').replace("
                  "'Thank you', 'Many thanks', 1)"))
    result = cli("draft-edit", str(first["draft_id"]), "--json")
    assert result.exit_code == 0, result.output
    edited = json.loads(result.stdout)
    assert edited["draft_id"] == first["draft_id"]
    assert edited["subject"].startswith("Re: ")
    assert "Subject:" not in edited["body"]
    assert set(edited["report"]) == REPORT_KEYS
    stored = json.loads(cli("drafts", "1", "--json").stdout)
    assert len(stored) == 1 and stored[0]["subject"] == edited["subject"]


def test_draft_edit_without_changes_says_so(cli, tmp_path, monkeypatch) -> None:
    cli("draft", "1", "--to", "Dana")
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, "pass"))
    result = cli("draft-edit", "1")
    assert result.exit_code == 0, result.output
    assert "No changes." in result.stdout


def test_edit_flag_opens_each_new_draft_before_the_check(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EDITOR", editor_script(
        tmp_path, "t = t.replace('Priya Raman', 'Priya R. Raman', 1)"))
    result = cli("draft", "1", "--to", "Luis", "--edit", "--json")
    assert result.exit_code == 0, result.output
    assert "Priya R. Raman" in json.loads(result.stdout)["body"]


def test_hints_say_what_to_add_when_the_record_lacks_points(cli, tmp_path) -> None:
    notes = tmp_path / "bare.md"
    notes.write_text("---\ncompany: Globex\nrole: Data Analyst\nwhen: 2026-11-24 10:00\n"
                     "interviewers:\n  - name: Hana Novak\n    email: hana@globex.example\n---\n",
                     encoding="utf-8")
    assert cli("import", str(notes)).exit_code == 0
    result = cli("draft", "2")
    assert result.exit_code == 0, result.output
    assert "add one thing you discussed with Hana" in result.stdout


def test_timing_is_one_truth_in_draft_and_check(cli, tmp_path: Path) -> None:
    """Issue 11: `draft` judged timing as n/a while `check FILE` said "sent 7 days 21 h
    after…": both now judge P1 at the same moment, with the same result."""
    late = "2030-01-01T09:00:00+00:00"
    drafted = [json.loads(run_ok(cli, "draft", "1", "--to", "Dana", "--json", "--now", late))]
    report = drafted[0]["report"]
    assert report["practices"]["P1"]["status"] == "warn"
    note = tmp_path / "note.txt"
    note.write_text(f"Subject: {drafted[0]['subject']}\n\n{drafted[0]['body']}", encoding="utf-8")
    checked = json.loads(run_ok(cli, "check", str(note), "--interview", "1", "--to", "Dana",
                                "--json", "--now", late))
    assert checked["practices"]["P1"] == report["practices"]["P1"]
    late_rules = {f["rule"] for f in checked["findings"] if f["practice"] == "P1"}
    assert late_rules == {f["rule"] for f in report["findings"] if f["practice"] == "P1"}
    assert "p01.late" in late_rules


def run_ok(cli, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code in (0, 1), result.output
    return str(result.stdout)
