"""The record commands end to end through the CLI, on a real SQLite file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from followup.cli import app
from followup.cli.demo import sample_notes_path

INTERVIEW_KEYS = {
    "id", "company", "role", "starts_at", "timezone", "duration_minutes", "round", "format",
    "culture", "decision_by", "job_description", "interviewers", "qualifications", "notes",
    "extra", "me", "status", "outcome",
}
INTERVIEWER_KEYS = {
    "id", "name", "title", "email", "linkedin", "timezone", "salutation", "discussed",
    "shared", "questions", "next", "primary", "extra",
}


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `followup --db <tmp file> ...`, returning the result."""
    monkeypatch.setenv("FOLLOWUP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("FOLLOWUP_DATABASE_URL", raising=False)
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, ["--db", db, *args], input=input)

    return run


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_import_creates_then_updates_and_says_so(cli) -> None:
    first = cli("import", str(sample_notes_path()), "--json")
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout) == {"id": 1, "status": "created"}
    again = cli("import", str(sample_notes_path()), "--json")
    assert json.loads(again.stdout) == {"id": 1, "status": "updated"}
    human = cli("import", str(sample_notes_path()))
    assert "Updated #1" in human.stdout
    assert len(json.loads(cli("list", "--json").stdout)) == 1


def test_show_json_has_the_pinned_shape(cli) -> None:
    cli("import", str(sample_notes_path()))
    shown = json.loads(cli("show", "1", "--json").stdout)
    assert set(shown) == INTERVIEW_KEYS
    assert shown["starts_at"] == "2026-11-24T14:00:00-06:00"
    assert shown["decision_by"] == "2026-12-04"
    assert [p["name"] for p in shown["interviewers"]] == [
        "Dana Whitfield", "Luis Ortega", "Mei-Ling Zhou"]
    dana = shown["interviewers"][0]
    assert set(dana) == INTERVIEWER_KEYS
    assert dana["questions"] == [{
        "question": "how I handle schema changes in dbt models",
        "better": "I version every model and run contract tests in CI before a deploy",
    }]
    assert dana["timezone"] == "America/New_York"


def test_list_json_objects_carry_the_listed_fields(cli) -> None:
    cli("import", str(sample_notes_path()))
    (item,) = json.loads(cli("list", "--json").stdout)
    assert {"id", "company", "role", "starts_at", "status"} <= set(item)
    assert item["company"] == "Northwind Analytics" and item["status"] == "open"


def test_export_md_then_import_gives_the_same_record(cli, tmp_path: Path) -> None:
    cli("import", str(sample_notes_path()))
    exported = tmp_path / "out.md"
    assert cli("export", "1", "--format", "md", "-o", str(exported)).exit_code == 0
    before = json.loads(cli("show", "1", "--json").stdout)
    result = cli("import", str(exported), "--json")
    assert json.loads(result.stdout) == {"id": 1, "status": "updated"}
    assert json.loads(cli("show", "1", "--json").stdout) == before


def test_export_json_matches_show(cli) -> None:
    cli("import", str(sample_notes_path()))
    exported = json.loads(cli("export", "1", "--format", "json").stdout)
    assert exported == json.loads(cli("show", "1", "--json").stdout)


def test_backup_and_restore_twice_changes_nothing(cli, tmp_path: Path) -> None:
    cli("import", str(sample_notes_path()))
    backup = tmp_path / "backup.json"
    assert cli("export", "--all", "-o", str(backup)).exit_code == 0
    cli("delete", "1", "--yes")
    assert json.loads(cli("list", "--json").stdout) == []
    first = cli("restore", str(backup))
    assert "1 created" in first.stdout
    second = cli("restore", str(backup))
    assert "0 created, 0 updated, 1 unchanged" in second.stdout
    assert json.loads(cli("list", "--json").stdout)[0]["company"] == "Northwind Analytics"


def test_delete_asks_first_and_refuses_without_a_terminal(cli) -> None:
    cli("import", str(sample_notes_path()))
    refused = cli("delete", "1")
    assert refused.exit_code == 2
    assert "--yes" in refused.stderr
    assert len(json.loads(cli("list", "--json").stdout)) == 1
    assert cli("delete", "1", "--yes").exit_code == 0
    missing = cli("show", "1")
    assert missing.exit_code == 2 and "no interview with id 1" in missing.stderr


def test_add_with_flags(cli) -> None:
    result = cli(
        "add", "--company", "Contoso", "--role", "Platform Engineer",
        "--when", "2026-11-20 10:00", "--timezone", "Europe/Berlin",
        "--interviewer", "Zoë Müller-Lüdenscheidt <zoe@contoso.example>",
        "--interviewer", "Ōkubo Ren",
        "--discussed", "Zoë: their move to Kubernetes",
        "--shared", "Ōkubo: the team ships twice a day",
        "--qualification", "ran the Terraform migration", "--json",
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(cli("show", str(json.loads(result.stdout)["id"]), "--json").stdout)
    zoe, ren = shown["interviewers"]
    assert zoe["email"] == "zoe@contoso.example"
    assert zoe["discussed"] == ["their move to Kubernetes"]
    assert ren["shared"] == ["the team ships twice a day"]
    assert shown["starts_at"] == "2026-11-20T10:00:00+01:00"
    assert shown["qualifications"] == ["ran the Terraform migration"]


@pytest.mark.parametrize(("flags", "named"), [
    (["--when", "03/04"], "--when"),
    (["--when", "2026-02-30 10:00"], "--when"),
    (["--when", "2026-11-20 10:00", "--timezone", "Mars/Olympus"], "--timezone"),
])
def test_add_rejects_bad_values_naming_the_flag(cli, flags, named) -> None:
    result = cli("add", "--company", "Contoso", "--role", "Engineer", *flags)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and named in result.stderr
    assert json.loads(cli("list", "--json").stdout) == []


def test_add_without_required_flags_off_a_terminal_says_what_is_missing(cli) -> None:
    result = cli("add", "--company", "Contoso")
    assert result.exit_code == 2 and "--role" in result.stderr


def test_add_interactively(cli) -> None:
    answers = "\n".join([
        "Fabrikam", "Data Analyst", "2026-11-26 09:30", "America/Chicago", "45", "phone",
        "casual", "",
        "Siobhán Ní Bhriain", "Head of Analytics", "siobhan@fabrikam.example",
        "their churn dashboard", "", "the team is hiring two analysts", "",
        "why I left my last job", "I wanted to own a product end to end",
        "",
        "built a churn model used by sales", "",
    ]) + "\n"
    result = cli("add", "--interactive", "--json", input=answers)
    assert result.exit_code == 0, result.output
    shown = json.loads(cli("show", "1", "--json").stdout)
    (person,) = shown["interviewers"]
    assert person["name"] == "Siobhán Ní Bhriain"
    assert person["discussed"] == ["their churn dashboard"]
    assert person["questions"][0]["better"] == "I wanted to own a product end to end"
    assert shown["culture"] == "casual" and shown["duration_minutes"] == 45


def test_interactive_add_reasks_a_rejected_field(cli) -> None:
    answers = "\n".join([
        "Fabrikam", "Analyst", "03/04", "UTC", "60", "", "formal", "",
        "", "",  # no interviewers, no qualifications
        "2026-11-26 09:30",  # asked again for the start time
    ]) + "\n"
    result = cli("add", "-i", "--json", input=answers)
    assert result.exit_code == 0, result.output
    assert "--when" in result.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["starts_at"].startswith("2026-11-26")


def editor_script(tmp_path: Path, body: str) -> str:
    """An $EDITOR that edits the file it is given with a line of Python."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\nt = p.read_text()\n" + body +
        "\np.write_text(t)\n", encoding="utf-8")
    return f"{sys.executable} {script}"


def test_edit_reimports_the_saved_file(cli, tmp_path: Path, monkeypatch) -> None:
    cli("import", str(sample_notes_path()))
    monkeypatch.setenv("EDITOR", editor_script(
        tmp_path, "t = t.replace('Senior Data Engineer', 'Lead Data Engineer')"))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.output
    shown = json.loads(cli("show", "1", "--json").stdout)
    assert shown["role"] == "Lead Data Engineer" and shown["id"] == 1
    assert len(json.loads(cli("list", "--json").stdout)) == 1


def test_edit_with_a_parse_error_keeps_the_edit_and_the_record(cli, tmp_path, monkeypatch):
    cli("import", str(sample_notes_path()))
    monkeypatch.setenv("EDITOR", editor_script(
        tmp_path, "t = t.replace('company: Northwind Analytics', 'company: [unclosed')"))
    result = cli("edit", "1")
    assert result.exit_code == 2
    recovery = tmp_path / "home" / "recovery" / "interview-1.md"
    assert str(recovery) in result.stderr
    assert "company: [unclosed" in recovery.read_text(encoding="utf-8")
    assert json.loads(cli("show", "1", "--json").stdout)["company"] == "Northwind Analytics"


BAD_NOTES = {
    "no-front-matter.md": "## Dana\n- discussed: x\n",
    "broken-yaml.md": "---\ncompany: [Northwind\nrole: x\nwhen: 2026-11-24 14:00\n---\n",
    "no-company.md": "---\nrole: Engineer\nwhen: 2026-11-24 14:00\n---\n",
    "bad-zone.md": ("---\ncompany: A\nrole: B\nwhen: 2026-11-24 14:00\n"
                    "timezone: Nowhere/City\n---\n"),
    "ambiguous.md": "---\ncompany: A\nrole: B\nwhen: 03/04\n---\n",
    "impossible.md": "---\ncompany: A\nrole: B\nwhen: 2026-02-30 10:00\n---\n",
    "nobody.md": ("---\ncompany: A\nrole: B\nwhen: 2026-11-24 14:00\ninterviewers:\n"
                  "  - name: Dana Whitfield\n---\n\n## Robin Smith\n- discussed: x\n"),
    "twice.md": ("---\ncompany: A\nrole: B\nwhen: 2026-11-24 14:00\ninterviewers:\n"
                 "  - name: Dana Whitfield\n  - name: dana whitfield\n---\n"),
    "empty.md": "",
}


@pytest.mark.parametrize("name", sorted(BAD_NOTES))
def test_bad_notes_file_is_one_line_error_and_nothing_stored(cli, tmp_path, name) -> None:
    cli("import", str(sample_notes_path()))
    path = write(tmp_path / name, BAD_NOTES[name])
    result = cli("import", str(path), str(sample_notes_path()))
    assert result.exit_code == 2, result.output
    assert name in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
    assert len(json.loads(cli("list", "--json").stdout)) == 1


def test_non_utf8_and_huge_files_are_refused(cli, tmp_path: Path) -> None:
    latin = tmp_path / "latin1.md"
    latin.write_bytes("---\ncompany: Café\n---\n".encode("latin-1"))
    huge = tmp_path / "huge.md"
    huge.write_bytes(b"---\ncompany: A\nrole: B\nwhen: 2026-11-24 14:00\n---\n" + b"x" * 5_000_000)
    for path in (latin, huge):
        result = cli("import", str(path))
        assert result.exit_code == 2 and path.name in result.stderr
    assert json.loads(cli("list", "--json").stdout) == []


def test_config_set_and_show(cli) -> None:
    assert cli("config", "set", "me.name", "Ngozi Okonjo-Iweala").exit_code == 0
    assert cli("config", "set", "timezone", "Asia/Kolkata").exit_code == 0
    shown = json.loads(cli("config", "show", "--json").stdout)
    assert shown["me.name"] == "Ngozi Okonjo-Iweala" and shown["timezone"] == "Asia/Kolkata"
    bad = cli("config", "set", "timezone", "Asia/Nowhere")
    assert bad.exit_code == 2 and "Asia/Nowhere" in bad.stderr
    wrong_type = cli("config", "set", "limits.card_words_max", "eighty")
    assert wrong_type.exit_code == 2 and "whole number" in wrong_type.stderr
    unknown = cli("config", "set", "me.nickname", "x")
    assert unknown.exit_code == 2 and "unknown setting" in unknown.stderr


def test_demo_walks_through_the_sample_without_touching_user_data(cli, tmp_path) -> None:
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "Northwind Analytics" in result.stdout
    for name in ("Dana Whitfield", "Luis Ortega", "Mei-Ling Zhou"):
        assert name in result.stdout
    assert not (tmp_path / "cli.sqlite3").exists()
    out = result.stdout
    # A drafted, checked note for each panel member, the agenda, a flawed draft's findings,
    # and the calendar: the whole loop, in order.
    assert out.count("check: score") == 3
    assert "draft #1 · email to Dana Whitfield" in out
    assert "due in 7 h" in out and "check-in 1" in out
    assert "p09.name-misspelled" in out and "p09.placeholder" in out
    assert "Wrote 4 events" in out
    steps = [out.index(f"Step {n}") for n in range(1, 9)]
    assert steps == sorted(steps)
