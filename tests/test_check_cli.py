"""`followup check` end to end: exit codes, JSON, bad input, and records from a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import followup.cli
from followup.check.examples import CONTOSO, NORTHWIND
from followup.cli import app

followup.cli._register()

GOOD = """Subject: Thank you — Senior Data Engineer interview

Dear Dana,

Thank you for taking the time to talk with me yesterday about the Senior Data Engineer role.
I enjoyed hearing about your plan for moving the nightly batch jobs to Kafka streaming, and
that the platform team will double next year.

You asked how I handle schema changes in dbt models. A better answer: I version every model
and run contract tests in CI before each deploy. At my last job I ran the Kafka migration for
our order events pipeline, which is close to the streaming work you described.

I am even more excited about joining Northwind Analytics. Please let me know if I can share
anything else.

Best regards,
Priya Raman
"""
BAD = GOOD.replace("Please let me know if I can share\nanything else.", "When can I start?")


@pytest.fixture
def run(tmp_path: Path):
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, ["--db", f"sqlite:///{tmp_path}/x.sqlite3", *args],
                             input=input, catch_exceptions=False)
    return invoke


@pytest.fixture
def stored_id(tmp_path: Path) -> int:
    from followup.store import open_store

    with open_store(f"sqlite:///{tmp_path}/x.sqlite3") as store:
        saved, _ = store.save_interview(NORTHWIND)
        store.save_interview(CONTOSO)
    assert saved.id is not None
    return saved.id


def _flat(output: str) -> str:
    return " ".join(output.split())


def _write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return str(path)


def test_clean_note_exits_0(run, tmp_path: Path) -> None:
    result = run("check", _write(tmp_path, "good.txt", GOOD))
    assert result.exit_code == 0, result.output
    assert "Score" in _flat(result.output)


def test_error_exits_1_and_names_the_rule(run, tmp_path: Path) -> None:
    result = run("check", _write(tmp_path, "bad.txt", BAD))
    assert result.exit_code == 1
    assert "p08.demand" in _flat(result.output)


def test_stdin_and_json(run) -> None:
    result = run("check", "-", "--json", input=BAD)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    demand = [f for f in data["findings"] if f["rule"] == "p08.demand"]
    assert demand and BAD[demand[0]["start"]:demand[0]["end"]] == demand[0]["text"]


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("empty.txt", "   \n", "empty"),
    ("latin1.txt", "Danke f\xfcr Ihre Zeit".encode("latin-1"), "not UTF-8"),
    ("blob.bin", b"\x7fELF\x00\x00\x01\x02" * 100, "binary"),
    ("big.txt", b"a" * 10_000_000, "at most 1 MB"),
    ("att.eml", b"Subject: hi\nContent-Type: image/png\n\n\x89PNG", "no text/plain"),
])
def test_bad_input_is_one_line_exit_2(run, tmp_path: Path, name, data, expected) -> None:
    result = run("check", _write(tmp_path, name, data))
    assert result.exit_code == 2
    assert expected in _flat(result.output)
    assert "Traceback" not in _flat(result.output)


def test_missing_file_exit_2(run, tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "no such file" in _flat(result.output)


def test_eml_plain_and_html(run, tmp_path: Path) -> None:
    plain = ("From: p@example.com\nTo: d@example.com\nSubject: Thank you — Senior Data "
             "Engineer interview\nContent-Type: text/plain; charset=utf-8\n\n"
             + GOOD.split("\n\n", 1)[1])
    result = run("check", "--json", _write(tmp_path, "plain.eml", plain.encode()))
    assert result.exit_code == 0, result.output
    assert "p03.no-subject" not in result.stdout
    html = ("Subject: Thank you\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
            "<html><body><p>Dear Dana,</p><p>When can I start?</p></body></html>")
    result = run("check", "--json", _write(tmp_path, "html.eml", html.encode()))
    assert result.exit_code == 1
    assert "p08.demand" in result.stdout


def test_interview_record_and_to(run, tmp_path: Path, stored_id: int) -> None:
    note = GOOD.replace("Dear Dana,", "Dear Dana Whitfeld,").replace("Northwind", "Contoso")
    path = _write(tmp_path, "n.txt", note)
    result = run("check", path, "--interview", str(stored_id), "--now",
                 "2026-11-25T08:30:00-06:00", "--json")
    assert result.exit_code == 1, result.output
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert {"p09.name-misspelled", "p09.copy-paste"} <= rules
    result = run("check", path, "--interview", str(stored_id), "--to", "Luis", "--json",
                 "--now", "2026-11-25T08:30:00-06:00")
    assert "p09.wrong-recipient" in result.stdout


def test_late_with_record(run, tmp_path: Path, stored_id: int) -> None:
    result = run("check", _write(tmp_path, "g.txt", GOOD), "--interview", str(stored_id),
                 "--now", "2026-11-27T09:00:00-06:00", "--json")
    assert result.exit_code == 0, result.output
    assert "p01.late" in result.stdout


def test_to_naming_nobody_exit_2(run, tmp_path: Path, stored_id: int) -> None:
    result = run("check", _write(tmp_path, "g.txt", GOOD), "--interview", str(stored_id),
                 "--to", "Zebulon")
    assert result.exit_code == 2
    assert "names nobody" in _flat(result.output)


def test_unknown_interview_exit_2(run, tmp_path: Path, stored_id: int) -> None:
    result = run("check", _write(tmp_path, "g.txt", GOOD), "--interview", "9999")
    assert result.exit_code == 2
    assert "Traceback" not in _flat(result.output)


def test_bad_now_exit_2(run, tmp_path: Path) -> None:
    result = run("check", _write(tmp_path, "g.txt", GOOD), "--now", "yesterday")
    assert result.exit_code == 2


def test_stage_and_medium_options(run, tmp_path: Path) -> None:
    note = "Hi Dana, thanks for the chat about Kafka streaming today! " * 8
    result = run("check", _write(tmp_path, "li.txt", note), "--medium", "linkedin-note",
                 "--json")
    assert result.exit_code == 1
    assert "p03.too-long" in result.stdout
    result = run("check", _write(tmp_path, "ci.txt", "I haven't heard back despite my emails."),
                 "--stage", "check-in", "--json")
    assert result.exit_code == 1 and "p10.guilt" in result.stdout
