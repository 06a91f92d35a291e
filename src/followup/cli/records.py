"""Commands that read and write interview records: import, export, list, show, delete, restore."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from followup.cli import app
from followup.cli.common import confirm, store_for, user_config
from followup.cli.render import console, interview_table, print_json, show_interview
from followup.errors import InputError


class ExportFormat(StrEnum):
    md = "md"
    json = "json"


class ListStatus(StrEnum):
    open = "open"
    closed = "closed"
    all = "all"


@app.command("import")
def import_notes(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(..., help="Notes files (Markdown with front matter)."),
    as_json: bool = typer.Option(False, "--json", help="Print {id, status} per file."),
) -> None:
    """Import interview notes files; importing the same interview again updates it."""
    from followup.notes import read_notes_file

    timezone = user_config().timezone
    # Parse every file before writing anything: one bad file means nothing is stored.
    parsed = [(path, read_notes_file(path, default_timezone=timezone)) for path in files]
    results = []
    with store_for(ctx) as store:
        # One transaction: all files are stored or none is; an error names the file.
        saved = store.save_interviews([(str(path), interview) for path, interview in parsed])
    for (path, _), (stored, status) in zip(parsed, saved, strict=True):
        results.append({"id": stored.id, "status": status})
        if not as_json:
            verb = "Imported" if status == "created" else "Updated"
            console.print(
                f"{verb} #{stored.id}: {stored.company} — {stored.role} "
                f"({len(stored.interviewers)} interviewers) from {path}"
            )
    if as_json:
        print_json(results[0] if len(results) == 1 else results)


@app.command("export")
def export(
    ctx: typer.Context,
    interview_id: int | None = typer.Argument(None, metavar="[ID]", help="Interview id."),
    format: ExportFormat = typer.Option(ExportFormat.md, "--format", "-f"),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (atomic)."),
    all_: bool = typer.Option(False, "--all", help="Back up the whole database as JSON."),
) -> None:
    """Write one record as a notes file or JSON, or the whole database with --all."""
    from followup.model.codec import interview_to_dict
    from followup.notes import render_notes
    from followup.paths import atomic_write_text

    if all_ == (interview_id is not None):
        raise InputError("give an interview ID, or --all for a whole-database backup")
    with store_for(ctx) as store:
        if all_:
            text = json.dumps(store.export_all(), ensure_ascii=False, indent=2) + "\n"
            count = None
        else:
            assert interview_id is not None
            interview = store.get_interview(interview_id)
            if format is ExportFormat.md:
                text = render_notes(interview)
            else:
                text = json.dumps(interview_to_dict(interview), ensure_ascii=False, indent=2)
                text += "\n"
            count = 1
    if output is None:
        from followup.cli.render import json_safe, visible

        if all_ or format is not ExportFormat.md:
            text = json_safe(text)  # the same JSON, its control characters escaped
        elif sys.stdout.isatty():
            text = visible(text)  # a notes file shown on a terminal cannot drive it
        typer.echo(text, nl=False)
        return
    atomic_write_text(output, text)
    what = "the whole database" if count is None else f"interview #{interview_id}"
    console.print(f"Wrote {what} to {output}")


MAX_BACKUP_BYTES = 512 << 20


@app.command("restore")
def restore(
    ctx: typer.Context,
    backup: Path = typer.Argument(..., help="A file written by `followup export --all`."),
) -> None:
    """Load a whole-database backup; restoring the same file twice changes nothing."""
    from followup.notes_values import UnreadableFileError, read_utf8

    try:
        # Read with a byte limit, regular files only (not /dev/zero, not a FIFO).
        data = json.loads(read_utf8(backup, MAX_BACKUP_BYTES, "a followup backup"))
    except UnreadableFileError as exc:
        raise InputError(f"{backup}: {exc.reason}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{backup}: not a followup backup (invalid JSON: {exc})") from None
    except RecursionError:
        raise InputError(f"{backup}: not a followup backup (JSON nested too deeply)") from None
    except ValueError as exc:  # e.g. a number of more than 4,300 digits
        raise InputError(f"{backup}: not a followup backup ({exc})") from None
    except OSError as exc:
        raise InputError(f"{backup}: cannot read the file ({exc.strerror or exc})") from None
    with store_for(ctx) as store:
        result = store.restore(data, source=str(backup))
    console.print(
        f"Restored from {backup}: {result.created} created, {result.updated} updated, "
        f"{result.unchanged} unchanged"
    )


@app.command("list")
def list_interviews(
    ctx: typer.Context,
    status: ListStatus = typer.Option(ListStatus.all, "--status", help="Filter by status."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List interviews, newest first."""
    from followup.model import Status

    wanted = None if status is ListStatus.all else Status(status.value)
    with store_for(ctx) as store:
        summaries = store.list_interviews(status=wanted)
    if as_json:
        print_json([
            {"id": s.id, "company": s.company, "role": s.role,
             "starts_at": s.starts_at.isoformat(), "timezone": s.timezone,
             "status": s.status.value, "outcome": s.outcome,
             "interviewers": list(s.interviewer_names)}
            for s in summaries
        ])
    elif not summaries:
        console.print("No interviews yet. Add one with `followup add` "
                      "or `followup import FILE.md`.")
    else:
        console.print(interview_table(summaries))


@app.command("show")
def show(
    ctx: typer.Context,
    interview_id: int = typer.Argument(..., metavar="ID"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show one interview record."""
    from followup.model.codec import interview_to_dict

    with store_for(ctx) as store:
        interview = store.get_interview(interview_id)
    if as_json:
        print_json(interview_to_dict(interview))
    else:
        show_interview(interview)


@app.command("delete")
def delete(
    ctx: typer.Context,
    interview_id: int = typer.Argument(..., metavar="ID"),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Delete an interview and everything recorded for it."""
    with store_for(ctx) as store:
        interview = store.get_interview(interview_id)
        question = (
            f"Delete #{interview.id} {interview.company} — {interview.role} "
            f"and its {len(interview.interviewers)} interviewers?"
        )
        if not confirm(question, assume_yes=yes):
            console.print("Nothing deleted.")
            raise typer.Exit(1)
        store.delete_interview(interview_id)
    console.print(f"Deleted #{interview_id}.")
