"""`followup draft`, `drafts` and `draft-edit`: compose notes, store them, show their check.

    followup draft 1                     a thank-you for every interviewer, stored and checked
    followup draft 1 --to Dana --medium linkedin-note --variant 2
    followup draft 1 --stage check-in    a check-in to the primary contact
    followup drafts 1                    the stored drafts of interview 1
    followup draft-edit 4                open draft 4 in $EDITOR, save it, check it again

Each draft is printed with the checker's report (the same rendering as `followup check`);
`--json` prints {"draft_id", "to", "stage", "medium", "subject", "body", "report"}, a list
when several.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import typer

from followup.cli import app
from followup.cli.common import parse_now, store_for, user_config
from followup.cli.render import console, print_json
from followup.drafting import (
    Checked,
    as_json,
    check_in_number,
    choose_people,
    review_all,
    send_day,
)
from followup.errors import InputError
from followup.model import Medium, Stage, Tone

if TYPE_CHECKING:
    from followup.compose import Composed
    from followup.config import Config
    from followup.model import Draft, Interview, Interviewer
    from followup.store import Store


def show(item: Checked) -> None:
    from rich.markup import escape
    from rich.rule import Rule

    from followup.cli.check_cmd import show_report
    from followup.compose import full_text

    draft = item.draft
    who = item.person.name if item.person else "?"
    console.print(Rule(f"[bold]Draft #{draft.id}[/] to {escape(who)} · {draft.stage.value} · "
                       f"{draft.medium.value} · {draft.tone.value} · variant {draft.variant}",
                       align="left"))
    show_report(full_text(draft), item.report)
    for hint in item.hints:
        console.print(f"[yellow]hint:[/] {escape(hint)}")
    console.print()


def output(items: list[Checked], json_out: bool) -> None:
    if json_out:
        print_json(as_json(items[0]) if len(items) == 1 else [as_json(i) for i in items])
        return
    for item in items:
        show(item)


@app.command("draft")
def draft_command(
    ctx: typer.Context,
    interview_id: int = typer.Argument(..., metavar="ID", help="The interview to write about."),
    to: str | None = typer.Option(None, "--to", metavar="NAME",
                                  help="One interviewer (full, first or last name)."),
    everyone: bool = typer.Option(False, "--all", help="Every interviewer, whatever the stage."),
    stage: Stage = typer.Option(Stage.THANK_YOU, "--stage", help="thank-you or check-in."),
    medium: Medium | None = typer.Option(
        None, "--medium", help="Default: email if they have an address, else linkedin-message."),
    tone: Tone | None = typer.Option(None, "--tone", help="Default: from the company culture."),
    variant: int = typer.Option(0, "--variant", metavar="N", help="Wording variant, 0–3."),
    json_out: bool = typer.Option(False, "--json", help="Print drafts and reports as JSON."),
    edit: bool = typer.Option(False, "--edit", help="Open each draft in $EDITOR first."),
    polish: bool = typer.Option(False, "--polish",
                                help="Let the configured language model (llm.url) smooth the "
                                     "wording; kept only if it stays grounded and passes."),
    now: str | None = typer.Option(None, "--now", hidden=True,
                                   help="Judge timing at this moment (ISO 8601)."),
) -> None:
    """Draft a note per interviewer (thank-you) or to the primary contact (check-in)."""
    from followup.compose import (
        VARIANTS,
        compose_with_hints,
        default_medium,
        default_tone,
    )

    if not 0 <= variant < VARIANTS:
        raise InputError(f"--variant {variant}: choose a variant from 0 to {VARIANTS - 1}")
    config = user_config()
    with store_for(ctx) as store:
        interview = store.get_interview(interview_id)
        people = choose_people(interview, stage, to, everyone)
        others = tuple(i for i in store.all_interviews() if i.id != interview.id)
        number = check_in_number(store, interview_id) if stage is Stage.CHECK_IN else 1
        moment = parse_now(now)
        composed = [compose_with_hints(
            interview, person, stage, medium or default_medium(person),
            tone or default_tone(interview), variant, config=config, check_in_number=number,
            sent_on=send_day(interview, person, stage, moment, config))
            for person in people]
        if polish:
            composed = polished(composed, interview, people, config)
        saved = [store.save_draft(c.draft) for c in composed]
        if edit:
            saved = [edited_in_editor(store, d) for d in saved]
        pairs = list(zip(saved, people, strict=True))
        reports = review_all(pairs, interview, others, config, now=moment)
    items = [Checked(d, p, r, c.hints)
             for (d, p), r, c in zip(pairs, reports, composed, strict=True)]
    output(items, json_out)


def polished(composed: list[Composed], interview: Interview,
             people: Sequence[Interviewer], config: Config) -> list[Composed]:
    """Each draft after the language model's polish, with a note on what happened."""
    from followup.compose import full_text
    from followup.compose.llm import endpoint_from, polish

    endpoint = endpoint_from(config)
    texts = [full_text(c.draft) for c in composed]
    out = []
    for index, (item, person) in enumerate(zip(composed, people, strict=True)):
        others = tuple(t for i, t in enumerate(texts) if i != index)
        result = polish(item.draft, interview, person, config, endpoint=endpoint,
                        other_drafts=others)
        note = ("polish: the language model's rewrite passed every check" if result.polished
                else f"polish: {result.reason}")
        out.append(replace(item, draft=result.draft, hints=(*item.hints, note)))
    return out


@app.command("drafts")
def drafts_command(
    ctx: typer.Context,
    interview_id: int = typer.Argument(..., metavar="ID"),
    json_out: bool = typer.Option(False, "--json", help="Print the drafts as JSON."),
) -> None:
    """List the stored drafts of an interview."""
    from rich.markup import escape
    from rich.table import Table

    with store_for(ctx) as store:
        interview = store.get_interview(interview_id)
        drafts = store.list_drafts(interview_id)
    names = {p.id: p.name for p in interview.interviewers}
    if json_out:
        print_json([{
            "draft_id": d.id, "to": names.get(d.interviewer_id), "stage": d.stage.value,
            "medium": d.medium.value, "tone": d.tone.value, "variant": d.variant,
            "status": d.status.value, "subject": d.subject, "body": d.body,
            "created_at": d.created_at.isoformat() if d.created_at else None,
        } for d in drafts])
        return
    if not drafts:
        console.print(f"No drafts for #{interview_id} yet: followup draft {interview_id}")
        return
    table = Table(title=f"Drafts for #{interview_id}: {escape(interview.company)} — "
                        f"{escape(interview.role)}", title_justify="left")
    table.add_column("id", justify="right", style="bold")
    table.add_column("to", min_width=12)
    table.add_column("note", min_width=16)
    table.add_column("status", min_width=6)
    table.add_column("created", no_wrap=True)
    table.add_column("opening", no_wrap=True, overflow="ellipsis", max_width=28)
    for d in drafts:
        opening = d.subject or next((ln for ln in d.body.splitlines()[1:] if ln.strip()), "")
        note = f"{d.stage.value} {d.medium.value} {d.tone.value} v{d.variant}"
        table.add_row(str(d.id), escape(names.get(d.interviewer_id, "?")), note,
                      d.status.value, f"{d.created_at:%m-%d %H:%M}" if d.created_at else "",
                      escape(opening))
    console.print(table)


def parse_edited(text: str, draft: Draft) -> Draft:
    """The draft with the edited text: a first `Subject:` line is the subject (email)."""
    lines = text.lstrip("\ufeff").splitlines()
    subject = draft.subject
    if lines and lines[0].lower().startswith("subject:"):
        subject = lines[0].split(":", 1)[1].strip()
        lines = lines[1:]
        while lines and not lines[0].strip():
            lines = lines[1:]
    body = "\n".join(lines).rstrip() + "\n"
    return replace(draft, subject=subject, body=body)


def edited_in_editor(store: Store, draft: Draft) -> Draft:
    """Open the draft in $EDITOR; store and return the edit (the same draft when unchanged)."""
    from followup.cli.entry import editor_command
    from followup.compose import full_text
    from followup.paths import atomic_write_text, data_dir

    path = data_dir() / "drafts" / f"draft-{draft.id}.txt"
    original = full_text(draft)
    atomic_write_text(path, original)
    subprocess.call([*editor_command(), str(path)])
    text = path.read_text(encoding="utf-8")
    if text == original:
        path.unlink()
        return draft
    if not text.strip():
        raise InputError(f"the edited draft is empty; draft #{draft.id} is unchanged "
                         f"(your file is kept in {path})")
    saved = store.save_draft(parse_edited(text, draft))
    path.unlink()
    return saved


@app.command("draft-edit")
def draft_edit_command(
    ctx: typer.Context,
    draft_id: int = typer.Argument(..., metavar="DRAFT_ID"),
    json_out: bool = typer.Option(False, "--json", help="Print the draft and report as JSON."),
    now: str | None = typer.Option(None, "--now", hidden=True,
                                   help="Judge timing at this moment (ISO 8601)."),
) -> None:
    """Open a stored draft in $EDITOR, save the edit, and check it again."""
    config = user_config()
    with store_for(ctx) as store:
        draft = store.get_draft(draft_id)
        interview = store.get_interview(draft.interview_id)
        others = tuple(i for i in store.all_interviews() if i.id != interview.id)
        edited = edited_in_editor(store, draft)
        panel = [d for d in store.list_drafts(interview.id)
                 if d.id != edited.id and d.stage is edited.stage
                 and d.interviewer_id != edited.interviewer_id]
    if edited is draft and not json_out:
        console.print("No changes.")
    person = next((p for p in interview.interviewers if p.id == edited.interviewer_id), None)
    latest = {d.interviewer_id: d for d in panel}  # the newest draft per other panel member
    pairs = [(edited, person), *[(d, next((p for p in interview.interviewers
                                           if p.id == d.interviewer_id), None))
                                 for d in latest.values()]]
    report = review_all(pairs, interview, others, config, now=parse_now(now))[0]
    output([Checked(edited, person, report)], json_out)
