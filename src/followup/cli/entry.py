"""Ways to enter a record besides a notes file: `add` (flags or prompts) and `edit` ($EDITOR).

Both go through the notes parser, so a value typed at a prompt or given as a flag is checked
by exactly the same rules as one written in a notes file.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import typer

from followup.cli import app
from followup.cli.common import store_for, user_config
from followup.cli.render import console, print_error, print_json
from followup.errors import InputError, NotesFormatError
from followup.model import Interview

# Flags of `add` by the notes-file key they fill, to name the right flag in an error.
FLAG_FOR_KEY = {
    "company": "--company", "role": "--role", "when": "--when", "timezone": "--timezone",
    "duration": "--duration", "round": "--round", "format": "--format",
    "culture": "--culture", "decision_by": "--decision-by", "interviewers": "--interviewer",
}


def split_person(value: str) -> dict[str, str]:
    """'Dana Whitfield <dana@x.example>' -> {'name': ..., 'email': ...}."""
    value = value.strip()
    if value.endswith(">") and "<" in value:
        name, _, email = value[:-1].rpartition("<")
        return {"name": name.strip(), "email": email.strip()}
    return {"name": value}


def split_point(value: str, people: list[dict[str, str]], flag: str) -> tuple[str, str]:
    """'Dana: moving to Kafka' -> ('Dana', 'moving to Kafka'); the name may be left out
    when there is only one interviewer."""
    name, sep, text = value.partition(":")
    if sep and any(name.strip().casefold() in p["name"].casefold() for p in people):
        return name.strip(), text.strip()
    if len(people) == 1:
        return people[0]["name"], value.strip()
    raise InputError(f"{flag}: {value!r} must start with an interviewer's name, as 'Dana: ...'")


def notes_text(front: dict[str, Any], body: dict[str, list[str]], quals: list[str]) -> str:
    """A notes file assembled from collected fields (see `followup.notes.notes_text`)."""
    from followup.notes import notes_text as assemble

    return assemble(front, body, quals)


def parse_fields(text: str) -> Interview:
    from followup.notes import parse_notes

    try:
        return parse_notes(text, source="input", default_timezone=user_config().timezone,
                           base_dir=Path.cwd())
    except NotesFormatError as error:
        key = (error.field or "").split(".")[0].split("[")[0]
        raise InputError(f"{FLAG_FOR_KEY.get(key, key or 'input')}: {error.problem}") from None


def save(ctx: typer.Context, interview: Interview, as_json: bool) -> None:
    with store_for(ctx) as store:
        stored, status = store.save_interview(interview)
    if as_json:
        print_json({"id": stored.id, "status": status})
    else:
        verb = "Added" if status == "created" else "Updated"
        console.print(f"{verb} #{stored.id}: {stored.company} — {stored.role}")


@app.command("add")
def add(
    ctx: typer.Context,
    company: str | None = typer.Option(None, help="Company name."),
    role: str | None = typer.Option(None, help="Job title you interviewed for."),
    when: str | None = typer.Option(None, help="Local start time, YYYY-MM-DD HH:MM."),
    timezone: str | None = typer.Option(None, help="IANA zone of --when (default: config)."),
    duration: int | None = typer.Option(None, help="Minutes (default 60)."),
    round_: int | None = typer.Option(None, "--round", help="Interview round."),
    format_: str | None = typer.Option(None, "--format", help="phone | video | onsite"),
    culture: str | None = typer.Option(None, help="formal | casual"),
    decision_by: str | None = typer.Option(None, help="Date they said they'd decide."),
    interviewer: list[str] = typer.Option([], help="'Name <email>'; repeat for a panel."),
    discussed: list[str] = typer.Option([], help="'Name: topic you discussed'; repeatable."),
    shared: list[str] = typer.Option([], help="'Name: something they told you'."),
    next_step: list[str] = typer.Option([], "--next", help="'Name: next step they named'."),
    qualification: list[str] = typer.Option([], help="Something about you to stress."),
    job_description_file: Path | None = typer.Option(None, help="The posting, as text."),
    interactive: bool = typer.Option(False, "--interactive", "-i", help="Ask for each field."),
    as_json: bool = typer.Option(False, "--json", help="Print {id, status}."),
) -> None:
    """Record an interview from flags, or answer prompts (no flags, on a terminal)."""
    given = [company, role, when, timezone, duration, round_, format_, culture, decision_by,
             interviewer, discussed, shared, next_step, qualification, job_description_file]
    if interactive or (not any(given) and sys.stdin.isatty()):
        from followup.cli.prompts import ask_interview

        save(ctx, ask_interview(parse_fields), as_json)
        return
    if not (company and role and when):
        raise InputError("give --company, --role and --when (or run on a terminal to be asked)")
    people = [split_person(p) for p in interviewer]
    body: dict[str, list[str]] = {p["name"]: [] for p in people}
    for flag, key, values in (("--discussed", "discussed", discussed),
                              ("--shared", "shared", shared), ("--next", "next", next_step)):
        for value in values:
            name, text = split_point(value, people, flag)
            owner = next(p["name"] for p in people if name.casefold() in p["name"].casefold())
            body[owner].append(f"- {key}: {text}")
    front: dict[str, Any] = {
        "company": company, "role": role, "when": when, "timezone": timezone,
        "duration": duration, "round": round_, "format": format_, "culture": culture,
        "decision_by": decision_by, "interviewers": people,
    }
    if job_description_file is not None:
        front["job_description_file"] = str(job_description_file.resolve())
    save(ctx, parse_fields(notes_text(front, body, qualification)), as_json)


def editor_command() -> list[str]:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        editor = next((e for e in ("nano", "vi") if shutil.which(e)), "vi")
    return shlex.split(editor)


@app.command("edit")
def edit(ctx: typer.Context, interview_id: int = typer.Argument(..., metavar="ID")) -> None:
    """Open a record in $EDITOR as a notes file; saved changes are re-imported."""
    from followup.notes import parse_notes, render_notes
    from followup.paths import atomic_write_text, data_dir

    with store_for(ctx) as store:
        current = store.get_interview(interview_id)
        original = render_notes(current)
        # The edit lives in a recovery file from the start, so a crash, a parse error or a
        # closed terminal never loses what was typed.
        recovery = data_dir() / "recovery" / f"interview-{interview_id}.md"
        if recovery.exists() and recovery.read_text(encoding="utf-8") != original:
            console.print(f"Resuming your unsaved edit from {recovery}")
        else:
            atomic_write_text(recovery, original)
        while True:
            subprocess.call([*editor_command(), str(recovery)])
            text = recovery.read_text(encoding="utf-8")
            if text == original:
                recovery.unlink()
                console.print("No changes.")
                return
            try:
                edited = parse_notes(text, source=str(recovery),
                                     default_timezone=user_config().timezone,
                                     base_dir=Path.cwd())
                break
            except NotesFormatError as error:
                print_error(str(error))
                if not (sys.stdin.isatty() and typer.confirm("Re-open the editor?", default=True)):
                    raise InputError(
                        f"your edit is kept in {recovery}; fix it and run "
                        f"`followup edit {interview_id}` again"
                    ) from None
        stored, _ = store.save_interview(
            replace(edited, id=current.id, status=current.status, outcome=current.outcome)
        )
    recovery.unlink()
    console.print(f"Updated #{stored.id}: {stored.company} — {stored.role}")


