"""`followup demo`: a guided first five minutes on a sample interview, in a throwaway database.

Nothing touches the user's own database or config: the demo works in a temporary directory
that is removed at the end (or kept with --keep, to explore further with --db).
"""

from __future__ import annotations

import os
import tempfile
from importlib import resources
from pathlib import Path

import typer

from followup.cli import app
from followup.cli.render import console, interview_table, show_interview


def sample_notes_path() -> Path:
    return Path(str(resources.files("followup") / "samples" / "northwind.md"))


def step(number: int, title: str, command: str) -> None:
    console.rule(f"[bold]Step {number}[/] · {title}", align="left")
    console.print(f"[dim]$ {command}[/]\n")


@app.command("demo")
def demo(
    keep: bool = typer.Option(False, "--keep", help="Keep the demo database afterwards."),
) -> None:
    """Walk through followup on a sample interview (a panel of three) in a throwaway database."""
    workdir = Path(tempfile.mkdtemp(prefix="followup-demo-"))
    # The demo must not read or change the user's own settings either.
    saved_home = os.environ.get("FOLLOWUP_HOME")
    os.environ["FOLLOWUP_HOME"] = str(workdir)
    try:
        run_demo(workdir, keep)
    finally:
        if saved_home is None:
            os.environ.pop("FOLLOWUP_HOME", None)
        else:
            os.environ["FOLLOWUP_HOME"] = saved_home


def run_demo(workdir: Path, keep: bool) -> None:
    from followup.notes import read_notes_file
    from followup.store import open_store

    url = f"sqlite:///{workdir / 'demo.sqlite3'}"
    sample = sample_notes_path()
    console.print(
        "[bold]Welcome to followup.[/] This demo uses a sample interview and a throwaway "
        f"database in {workdir}.\nYour own data is not touched.\n"
    )
    with open_store(url) as store:
        step(1, "Import the notes you took after the interview", f"followup import {sample.name}")
        console.print(sample.read_text(encoding="utf-8"), markup=False, highlight=False)
        stored, status = store.save_interview(read_notes_file(sample))
        console.print(f"[green]{status.capitalize()}[/] #{stored.id}: {stored.company} — "
                      f"{stored.role}, with {len(stored.interviewers)} interviewers.\n")

        step(2, "See every interview you are following up on", "followup list")
        console.print(interview_table(store.list_interviews()))

        step(3, "Look at one record", f"followup show {stored.id}")
        show_interview(store.get_interview(stored.id))

    console.rule("[bold]Your turn", align="left")
    console.print(
        "Record your own interview:\n"
        "  [bold]followup add[/]                 answer a few questions\n"
        "  [bold]followup import notes.md[/]     or import a notes file (see README)\n"
        "  [bold]followup list[/] / [bold]show ID[/] / [bold]edit ID[/]\n"
    )
    if keep:
        console.print(f"The demo database is kept: followup --db {url} list")
    else:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)
