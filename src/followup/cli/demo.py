"""`followup demo`: a guided first five minutes on a sample interview, in a throwaway database.

It walks the whole loop on the morning after a panel interview: import the notes, see the
record, the agenda, a drafted note for each panel member with its check, a check of a flawed
draft, and a calendar export. Nothing touches the user's own database or config: the demo
works in a temporary directory that is removed at the end (or kept with --keep).
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from followup.cli import app
from followup.cli.render import console, interview_table, show_interview
from followup.model import Interview, Report

if TYPE_CHECKING:
    from followup.config import Config
    from followup.store import Store

# The sample interview took place on Tuesday 24 November 2026 at 14:00 in Chicago; the demo
# pretends it is eight o'clock the next morning, so the thank-you notes are due today.
DEMO_NOW = "2026-11-25T08:00:00-06:00"
DEMO_ZONE = "America/Chicago"


def sample_path(name: str = "northwind.md") -> Path:
    return Path(str(resources.files("followup") / "samples" / name))


def sample_notes_path() -> Path:
    return sample_path("northwind.md")


def step(number: int, title: str, command: str) -> None:
    console.print()
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
        if not keep:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)


def run_demo(workdir: Path, keep: bool) -> None:
    from followup import config
    from followup.cli.mail_cmd import explain_mail
    from followup.notes import read_notes_file
    from followup.store import open_store

    settings = config.set_value("timezone", DEMO_ZONE)
    now = datetime.fromisoformat(DEMO_NOW)
    url = f"sqlite:///{workdir / 'demo.sqlite3'}"
    sample = sample_notes_path()
    console.print(
        "[bold]Welcome to followup.[/] This demo uses a sample interview and a throwaway "
        f"database in {workdir}.\nYour own data is not touched. It is the morning after a "
        f"panel interview: {now:%A %d %B %Y, %H:%M} in Chicago."
    )
    with open_store(url) as store:
        step(1, "Import the notes you took after the interview", f"followup import {sample.name}")
        console.print(sample.read_text(encoding="utf-8"), markup=False, highlight=False)
        stored, status = store.save_interview(read_notes_file(sample, default_timezone=DEMO_ZONE))
        assert stored.id is not None
        console.print(f"[green]{status.capitalize()}[/] #{stored.id}: {stored.company} — "
                      f"{stored.role}, with {len(stored.interviewers)} interviewers.")

        step(2, "See every interview you are following up on", "followup list")
        console.print(interview_table(store.list_interviews()))

        step(3, "Look at one record", f"followup show {stored.id}")
        show_interview(stored)

        step(4, "Draft a note for each panel member, checked", f"followup draft {stored.id}")
        show_drafts(store, stored, settings)

        step(5, "Review it in your own mailbox, send only when you say so",
             "followup eml 1 -o note.eml   # or: followup stage 1 / followup send 1")
        explain_mail(store, stored, now, settings)

        step(6, "What is due, and when to send it", f"followup due --now {DEMO_NOW}")
        show_agenda(store, now, settings)

        step(7, "Check a draft you wrote yourself",
             f"followup check flawed-note.txt --interview {stored.id} --now {DEMO_NOW}")
        show_flawed_check(stored, now, settings)

        calendar_file = workdir / "followups.ics"
        step(8, "Put the follow-ups in your calendar",
             f"followup calendar --all -o {calendar_file.name}")
        export_calendar(store, now, settings, calendar_file)

    console.print()
    console.rule("[bold]Your turn", align="left")
    console.print(
        "Record your own interview:\n"
        "  [bold]followup add[/]                 answer a few questions\n"
        "  [bold]followup import notes.md[/]     or import a notes file (see README)\n"
        "  [bold]followup draft ID[/]            a note for each interviewer\n"
        "  [bold]followup due[/]                 what to send today, what is coming\n"
        "  [bold]followup serve[/]               all of it in your browser\n"
    )
    if keep:
        console.print(f"The demo database is kept: followup --db {url} list")


def show_drafts(store: Store, interview: Interview, settings: Config) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from followup.compose import draft_all, full_text, review

    drafts = draft_all(interview, settings)
    texts = [full_text(d) for d in drafts]
    for index, draft in enumerate(drafts):
        saved = store.save_draft(draft)
        person = next(p for p in interview.interviewers if p.id == draft.interviewer_id)
        others = tuple(t for i, t in enumerate(texts) if i != index)
        report = review(draft, interview, person, settings, other_drafts=others)
        title = Text(f"draft #{saved.id} · {draft.medium.value} to {person.name}, "
                     f"{person.title or 'interviewer'}")
        console.print(Panel(Text(texts[index]), title=title, title_align="left", expand=False),
                      soft_wrap=False)
        console.print(report_line(report) + "\n")


def report_line(report: Report) -> str:
    """One line for a draft's check: the score and what, if anything, to look at."""
    colour = "green" if report.score >= 90 else "yellow" if report.score >= 70 else "red"
    line = f"  check: score [bold {colour}]{report.score}[/]/100"
    if not report.findings:
        return line + " · no findings"
    notes = "; ".join(f"{f.severity.value}: {f.message}" for f in report.findings[:3])
    return f"{line} · {notes}"


def show_agenda(store: Store, now: datetime, settings: Config) -> None:
    from followup.cli.timeline_cmd import render_agenda
    from followup.timeline import agenda

    items = agenda(store.open_interviews_with_events(), now, settings, 14)
    render_agenda(items, now, settings.timezone)


def show_flawed_check(interview: Interview, now: datetime, settings: Config) -> None:
    from followup.check import CheckContext, check
    from followup.cli.check_cmd import show_report

    text = sample_path("flawed-note.txt").read_text(encoding="utf-8")
    dana = interview.find_interviewer("Dana Whitfield")
    context = CheckContext(interview=interview, interviewer=dana, now=now)
    show_report(text, check(text, context, settings))


def export_calendar(store: Store, now: datetime, settings: Config, path: Path) -> None:
    from followup.calendar import write_ics
    from followup.timeline import Rules, timeline

    rules = Rules.from_config(settings)
    items = [item for interview, events, drafts in store.open_interviews_with_events()
             for item in timeline(interview, events, now, rules, drafts)]
    count = write_ics(path, items, now)
    console.print(f"Wrote {count} events, each with a reminder, to {path.name}; "
                  "open it with any calendar program.")
