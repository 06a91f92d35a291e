"""`followup import a.md b.md ...` stores all files or none, and an error names the file —
also when the failure only shows at save time (NUL, lone surrogates written as YAML escapes),
on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from followup.cli import app

GOOD = "---\ncompany: Good Co\nrole: Engineer\nwhen: 2026-11-24 14:00\n---\n"
BAD = {
    "nul": '---\ncompany: Bad Co\nrole: Engineer\nwhen: 2026-11-25 14:00\n'
           'job_description: "Bad\\0posting"\n---\n',
    "surrogate": '---\ncompany: Bad Co\nrole: "Eng\\ud800"\nwhen: 2026-11-25 14:00\n---\n',
}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'x.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.mark.parametrize("kind", sorted(BAD))
def test_one_bad_file_stores_nothing_and_is_named(db: str, tmp_path: Path, kind: str) -> None:
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD[kind], encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["--db", db, "import", str(good), str(bad)])
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.startswith(f"error: {bad}: ") and "\n" not in message, message
    assert "Traceback" not in result.output
    listed = runner.invoke(app, ["--db", db, "list", "--json"])
    assert listed.exit_code == 0 and listed.stdout.strip() == "[]", listed.output


def test_all_good_files_are_imported_together(db: str, tmp_path: Path) -> None:
    paths = []
    for n in range(3):
        path = tmp_path / f"n{n}.md"
        path.write_text(GOOD.replace("2026-11-24", f"2026-11-2{n}"), encoding="utf-8")
        paths.append(str(path))
    result = CliRunner().invoke(app, ["--db", db, "import", *paths])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Imported #") == 3
