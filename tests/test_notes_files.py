"""Files a notes file may name: `job_description_file` is read only from the user's own disk
(the CLI), relative to the notes file, a regular file, with a byte limit; text uploaded to the
web app or the API cannot make the server read its files (/etc/passwd, /proc, /dev/zero)."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from followup.cli import app
from followup.errors import NotesFormatError
from followup.notes import MAX_NOTES_BYTES, read_notes_file
from followup.notes_values import UnreadableFileError, read_utf8

FRONT = "---\ncompany: Acme\nrole: Engineer\nwhen: 2026-11-24 14:00\n"


def _notes(extra: str) -> str:
    return f"{FRONT}{extra}---\n"


def _within(seconds: float, work: Any) -> Any:
    """Run `work` in a thread; fail (instead of hanging the suite) if it takes too long."""
    box: list[Any] = []
    thread = threading.Thread(target=lambda: box.append(_catch(work)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, f"still reading after {seconds} s"
    return box[0]


def _catch(work: Any) -> Any:
    try:
        return work()
    except Exception as error:
        return error


def test_a_relative_file_is_read_beside_the_notes_file_not_the_current_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "interviews"
    folder.mkdir()
    (folder / "posting.txt").write_text("We build rockets.\n", encoding="utf-8")
    (tmp_path / "posting.txt").write_text("the wrong one\n", encoding="utf-8")
    notes = folder / "acme.md"
    notes.write_text(_notes("job_description_file: posting.txt\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert read_notes_file(notes).job_description == "We build rockets."


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null", "/proc/self"])
def test_a_device_or_directory_is_refused_at_once(tmp_path: Path, target: str) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(_notes(f"job_description_file: {target}\n"), encoding="utf-8")
    error = _within(10, lambda: read_notes_file(notes))
    assert isinstance(error, NotesFormatError), error
    assert error.field == "job_description_file"
    assert f"{target}: not a regular file" in str(error)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "posting.fifo"
    os.mkfifo(fifo)
    notes = tmp_path / "notes.md"
    notes.write_text(_notes("job_description_file: posting.fifo\n"), encoding="utf-8")
    error = _within(10, lambda: read_notes_file(notes))
    assert isinstance(error, NotesFormatError) and "not a regular file" in str(error), error


def test_the_size_is_counted_while_reading_not_taken_from_stat(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_NOTES_BYTES + 1))
    # stat() lies (as it does for /proc files, which say 0): the read still stops.
    real_stat = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat_result(
        (*real_stat(self, **kw)[:6], 0, *real_stat(self, **kw)[7:])))
    with pytest.raises(UnreadableFileError, match="larger than 1 MiB"):
        read_utf8(big)
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"b" * MAX_NOTES_BYTES)
    assert len(read_utf8(exact)) == MAX_NOTES_BYTES


def test_a_proc_file_whose_stat_says_zero_is_read_whole(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(_notes("job_description_file: /proc/self/status\n"), encoding="utf-8")
    assert "Name:" in read_notes_file(notes).job_description  # the user's own machine


def test_the_cli_imports_a_notes_file_and_its_posting_from_another_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "posting.txt").write_text("Posting text.\n", encoding="utf-8")
    (folder / "acme.md").write_text(_notes("job_description_file: posting.txt\n"), "utf-8")
    monkeypatch.chdir(tmp_path)
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    runner = CliRunner()
    result = runner.invoke(app, ["--db", db, "import", "notes/acme.md"])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(app, ["--db", db, "show", "1"])
    assert "job description: 2 words" in shown.output


# -- the web app and the API: the server's files are not read ---------------------------------


@pytest.fixture
def browser(tmp_path: Path) -> Any:
    from test_web_fixtures import open_browser

    yield from open_browser(tmp_path)


@pytest.mark.parametrize("target", ["/etc/passwd", "../../../../etc/hostname",
                                    "/proc/self/status", "/dev/zero"])
def test_an_upload_naming_a_server_file_is_refused(browser: Any, target: str) -> None:
    text = _notes(f"job_description_file: {target}\n").encode()
    response = _within(30, lambda: browser.post(
        "/api/interviews/import", files={"file": ("evil.md", text, "text/markdown")}))
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert "evil.md:5: job_description_file: files are not read" in error
    assert "root:" not in response.text
    assert browser.get("/api/interviews").json() == []


def test_the_import_page_refuses_it_too(browser: Any) -> None:
    text = _notes("job_description_file: /etc/passwd\n").encode()
    response = browser.client.post(
        "/interviews/import", data={"csrf_token": browser.token},
        files={"file": ("evil.md", text, "text/markdown")}, follow_redirects=False)
    assert response.status_code == 422
    assert "files are not read" in response.text
    assert browser.get("/api/interviews").json() == []
