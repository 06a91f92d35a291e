"""Golden files for rendered output: the Northwind sample at one fixed moment.

Each test renders something a user reads (a notes file, drafts, an .eml, an .ics, the
checker's and the agenda's terminal output) and compares it with a file in tests/golden/.
On a mismatch the test fails with a unified diff; `pytest --update-golden` rewrites the
files instead (then read them: the point is that a person looked at the output once).

Nothing here may depend on the machine: the moment is fixed, the user's zone is set in the
config, and Rich renders to a fixed width without colour, so `TZ=Asia/Tokyo COLUMNS=200`
or a colour terminal change nothing.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from followup.calendar import to_ics
from followup.cli import app
from followup.cli.demo import sample_notes_path, sample_path
from followup.compose import compose, draft_all, full_text
from followup.config import defaults
from followup.mail.eml import build_message, message_bytes
from followup.model import Draft, Interview, Interviewer, Medium, Stage, Tone
from followup.notes import read_notes_file, render_notes
from followup.store import open_store
from followup.timeline import Rules, timeline

GOLDEN = Path(__file__).parent / "golden"
NOW_ISO = "2026-11-25T08:00-06:00"  # the morning after the interview, in Chicago
NOW = datetime.fromisoformat(NOW_ISO)
USER_ZONE = "America/Chicago"
WIDTH = 100
# A Message-ID in the form `new_message_id` makes (the Date header is read back from it),
# with fixed random digits: the bytes of the message no longer depend on the clock.
MESSAGE_ID = "<followup.20261125T140000Z.0123456789ab@example.com>"

Golden = Callable[[str, str | bytes], None]


# --- the comparison ---------------------------------------------------------------------------


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """`golden(name, output)`: compare with tests/golden/<name>, or rewrite it when asked."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, output: str | bytes) -> None:
        data = output.encode("utf-8") if isinstance(output, str) else output
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)  # bytes: no newline translation on any platform
            return
        if not path.exists():
            pytest.fail(f"no golden file tests/golden/{name}; run `pytest --update-golden` "
                        "and read the file it writes", pytrace=False)
        expected = path.read_bytes()
        if expected == data:
            return
        diff = "".join(difflib.unified_diff(
            _lines(expected), _lines(data), f"golden/{name}", "rendered now"))
        pytest.fail(f"{name} differs from its golden file (refresh with "
                    f"`pytest --update-golden` if the change is intended):\n{diff}",
                    pytrace=False)

    return check


def _lines(data: bytes) -> list[str]:
    """Lines for the diff, with a visible mark on CR so line-end changes show."""
    text = data.decode("utf-8", errors="backslashreplace")
    return [line.replace("\r\n", "␍\n") for line in text.splitlines(keepends=True)]


# --- the sample -------------------------------------------------------------------------------


@pytest.fixture
def parsed() -> Interview:
    """The sample notes file as read, before any store gives it ids."""
    return read_notes_file(sample_notes_path())


@pytest.fixture
def northwind(parsed: Interview, tmp_path: Path) -> Interview:
    """The sample as stored (interview and interviewers have ids, as in real use)."""
    with open_store(f"sqlite:///{tmp_path / 'golden.sqlite3'}") as store:
        saved, _ = store.save_interview(parsed)
    assert saved.id == 1
    return saved


def _person(interview: Interview, name: str) -> Interviewer:
    person = interview.find_interviewer(name)
    assert person is not None
    return person


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


# --- notes, drafts, .eml, .ics ----------------------------------------------------------------


def test_notes_file(parsed: Interview, golden: Golden) -> None:
    golden("northwind-notes.md", render_notes(parsed))


def test_thank_you_drafts(northwind: Interview, golden: Golden) -> None:
    drafts = draft_all(northwind, defaults())
    names = {p.id: p.name for p in northwind.interviewers}
    assert [names[d.interviewer_id] for d in drafts] == [
        "Dana Whitfield", "Luis Ortega", "Mei-Ling Zhou"]
    for draft in drafts:
        golden(f"thank-you-{_slug(names[draft.interviewer_id])}-{draft.medium.value}.txt",
               full_text(draft))


def test_check_in_draft_to_the_primary_contact(northwind: Interview, golden: Golden) -> None:
    (draft,) = draft_all(northwind, defaults(), stage=Stage.CHECK_IN)
    assert draft.interviewer_id == _person(northwind, "Dana Whitfield").id
    golden("check-in-dana-whitfield-email.txt", full_text(draft))


@pytest.mark.parametrize("medium", [Medium.LINKEDIN_NOTE, Medium.LINKEDIN_MESSAGE, Medium.CARD])
def test_thank_you_per_medium(northwind: Interview, golden: Golden, medium: Medium) -> None:
    dana = _person(northwind, "Dana Whitfield")
    draft = compose(northwind, dana, Stage.THANK_YOU, medium, Tone.FORMAL, config=defaults())
    golden(f"thank-you-dana-whitfield-{medium.value}.txt", full_text(draft))


def test_thank_you_casual_tone(northwind: Interview, golden: Golden) -> None:
    dana = _person(northwind, "Dana Whitfield")
    draft = compose(northwind, dana, Stage.THANK_YOU, Medium.EMAIL, Tone.CASUAL,
                    config=defaults())
    golden("thank-you-dana-whitfield-email-casual.txt", full_text(draft))


def _eml(interview: Interview, draft: Draft) -> bytes:
    person = _person(interview, "Dana Whitfield")
    message = build_message(draft, interview, person, interview.me, now=NOW)
    return message_bytes(message)


def test_eml_of_the_thank_you_to_dana(northwind: Interview, golden: Golden) -> None:
    draft = draft_all(northwind, defaults())[0]
    stamped = replace(draft, id=1, message_id=MESSAGE_ID)
    data = _eml(northwind, stamped)
    # The stored Message-ID fixes the bytes: another `now` gives the very same message.
    assert _eml(northwind, stamped) == data
    assert message_bytes(build_message(stamped, northwind, _person(northwind, "Dana"),
                                       northwind.me, now=datetime(2030, 1, 1).astimezone())
                         ) == data
    golden("thank-you-dana-whitfield.eml", data)


def zones_sorted(ics: bytes) -> bytes:
    """The calendar with its VTIMEZONE blocks in TZID order, where the first one stood.

    icalendar's `add_missing_timezones` emits them in set order, which changes with the
    string hash seed from one run to the next (a known defect of `to_ics`, reported);
    only that order is normalised here, every byte of every block is still compared.
    """
    lines = ics.split(b"\r\n")
    blocks: list[list[bytes]] = []
    kept: list[bytes] = []
    first = None
    inside: list[bytes] | None = None
    for line in lines:
        if line == b"BEGIN:VTIMEZONE":
            inside = []
            first = len(kept) if first is None else first
        if inside is not None:
            inside.append(line)
            if line == b"END:VTIMEZONE":
                blocks.append(inside)
                inside = None
        else:
            kept.append(line)
    if first is None:
        return ics
    blocks.sort(key=lambda block: next(x for x in block if x.startswith(b"TZID:")))
    kept[first:first] = [line for block in blocks for line in block]
    return b"\r\n".join(kept)


def test_ics_of_the_timeline(northwind: Interview, golden: Golden) -> None:
    items = timeline(northwind, [], NOW, Rules.from_config(defaults()))
    # `now` sets DTSTAMP, LAST-MODIFIED and SEQUENCE: fixed here, so the file is too.
    data = to_ics(items, NOW)
    assert sorted(data.split(b"\r\n")) == sorted(zones_sorted(data).split(b"\r\n"))
    golden("northwind-timeline.ics", zones_sorted(data))


# --- terminal output --------------------------------------------------------------------------


@pytest.fixture
def screen(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Where the CLI's Rich output goes: a fixed width, no colour, whatever the terminal,
    COLUMNS, NO_COLOR or FORCE_COLOR say (the real console reads them)."""
    out = io.StringIO()
    fixed = Console(file=out, width=WIDTH, height=25, color_system=None, force_terminal=False,
                    force_interactive=False, highlight=False, soft_wrap=True, _environ={})
    monkeypatch.setattr("followup.cli.render.console", fixed)
    monkeypatch.setattr("followup.cli.timeline_cmd.console", fixed)
    return out


@pytest.fixture
def cli(tmp_path: Path) -> Iterator[Callable[..., tuple[int, str]]]:
    """Runs followup on a fresh database holding the sample (#1), user zone Chicago."""
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--db", db, *args], catch_exceptions=False)
        return result.exit_code, str(result.stdout)

    assert run("config", "set", "timezone", USER_ZONE)[0] == 0
    assert run("import", str(sample_notes_path()))[0] == 0
    yield run


def _screen_text(out: io.StringIO) -> str:
    """What the terminal showed; trailing spaces (table padding, invisible) dropped."""
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def test_check_output_on_the_flawed_note(cli: Callable[..., tuple[int, str]],
                                         screen: io.StringIO, golden: Golden) -> None:
    screen.seek(0)
    screen.truncate()
    code, stdout = cli("check", str(sample_path("flawed-note.txt")), "--interview", "1",
                       "--now", NOW_ISO)
    assert code == 1  # the note has errors
    assert stdout == ""  # everything went through Rich
    golden("check-flawed-note.txt", _screen_text(screen))


def test_due_table(cli: Callable[..., tuple[int, str]], screen: io.StringIO,
                   golden: Golden) -> None:
    screen.seek(0)
    screen.truncate()
    code, stdout = cli("due", "--now", NOW_ISO)
    assert code == 0
    assert stdout == ""
    golden("due-table.txt", _screen_text(screen))
