"""`followup due`, `sent`, `replied`, `close` and `calendar`: the agenda and what moves it.

Thin commands over `followup.timeline` (what is due) and `followup.calendar` (.ics files and
Google Calendar links). Every moment can be given (`--now`, `--at`) so any day can be
replayed; without it the clock is read here, at the edge.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import typer
from rich.markup import escape
from rich.table import Table

from followup.cli import app
from followup.cli.common import parse_now, store_for, user_config
from followup.cli.render import console, print_json
from followup.errors import InputError
from followup.model import (
    Event,
    EventKind,
    Interview,
    Interviewer,
    Stage,
    Status,
)
from followup.tracking import KIND_LABEL, OUTCOMES, item_json, mark_draft_sent, send_now
from followup.tracking import next_kind as _next_kind

if TYPE_CHECKING:
    from followup.timeline import TimelineItem, Unplanned

STATUS_STYLE = {"overdue": "bold red", "open": "bold yellow", "upcoming": "cyan",
                "done": "green", "cancelled": "dim"}
NOW_HELP = "Pretend it is this moment (ISO 8601; naive = your zone)."
AT_HELP = "When it happened (ISO 8601; default: now)."


def _local(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%d %b %H:%M")


def _in_user_zone(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo(user_config().timezone)).strftime("%a %Y-%m-%d %H:%M %Z")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a command builds the agenda.

    Over 10,000 interviews the loader and the timeline build some 100,000 records that live
    until the command ends and hold no reference cycles; the collector would walk them again
    and again (about a sixth of `followup due`'s time) and free nothing. Reference counting
    still frees everything as usual; the collector resumes (as it was) on the way out."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_agenda(
    items: Sequence[TimelineItem], now: datetime, user_zone: str, limit: int = 0
) -> None:
    """The agenda as a Rich table: countdowns, and times in the user's zone (the recipient's
    own clock beneath when it differs). `limit` > 0 shows only the first rows."""
    from followup.timeline import countdown, section

    if not items:
        console.print("Nothing due: no thank-you or check-in is pending in this period.")
        return
    tz = ZoneInfo(user_zone)
    table = Table(title=f"Follow-ups (times in {user_zone})", title_justify="left")
    for name in ("when", "follow-up", "interview", "send at", "due"):
        table.add_column(name, no_wrap=name in ("when", "send at", "due"), overflow="fold",
                         min_width=14 if name == "follow-up" else None)
    current = None
    shown = items[:limit] if limit > 0 else items
    for item in shown:
        group = section(item, now, user_zone)
        if current is not None and group is not current:
            table.add_section()
        current = group
        send = _local(item.suggested_send_at, tz)
        if send_now(item, now):
            send = f"[bold]now[/]\n[dim]best was {send}[/]"
        elif item.zone != user_zone:
            theirs = item.suggested_send_at.astimezone(ZoneInfo(item.zone))
            send += f"\n[dim]{theirs:%H:%M %Z} theirs[/]"
        what = KIND_LABEL[item.kind] + (f" → {escape(item.to)}" if item.to else "")
        if item.draft_id:
            what += f" [dim](draft #{item.draft_id})[/]"
        if item.note and item.pending:
            what += f"\n[dim]{escape(item.note)}[/]"
        style = STATUS_STYLE[item.status.value]
        table.add_row(f"[{style}]{countdown(item, now)}[/]", what,
                      f"#{item.interview_id} {escape(item.company)}", send,
                      _local(item.due_at, tz))
    console.print(table)
    if len(shown) < len(items):
        console.print(f"[dim]… and {len(items) - len(shown):,} more; --limit 0 shows all, "
                      "--json lists everything.[/]")


@app.command("due")
def due(
    ctx: typer.Context,
    now: str | None = typer.Option(None, "--now", metavar="ISO", help=NOW_HELP),
    days: int = typer.Option(14, "--days", metavar="N", help="How far ahead to look."),
    include_settled: bool = typer.Option(False, "--all", help="Also list sent and cancelled."),
    limit: int = typer.Option(50, "--limit", metavar="N",
                              help="Rows in the table (0: all); --json lists everything."),
    as_json: bool = typer.Option(False, "--json", help="Print the items as JSON."),
) -> None:
    """What is due: overdue first, then today, then what opens within --days."""
    from followup.timeline import agenda

    moment = parse_now(now)
    if not 0 <= days <= 366:
        raise InputError(f"--days {days}: look from 0 to 366 days ahead")
    config = user_config()
    with collector_paused():
        with store_for(ctx) as store:
            entries = store.open_interviews_with_events()
        unplanned: list[Unplanned] = []
        items = agenda(entries, moment, config, days, include_settled=include_settled,
                       unplanned=unplanned)
        report_unplanned(unplanned)
        if as_json:
            print_json([item_json(item, config.timezone) for item in items])
        else:
            render_agenda(items, moment, config.timezone, limit)


def _person(interview: Interview, name: str, flag: str) -> Interviewer:
    person = interview.find_interviewer(name)
    if person is None:
        names = ", ".join(p.name for p in interview.interviewers) or "nobody recorded"
        raise InputError(f"{flag}: {name!r} is none of the interviewers of #{interview.id} "
                         f"({names})")
    return person


def _stage(value: str) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        raise InputError(f"--stage: {value!r} is not a stage; use thank-you or check-in") from None


def _recipient(interview: Interview, to: str | None, stage: Stage) -> Interviewer | None:
    if to is not None:
        return _person(interview, to, "--to")
    if stage is Stage.CHECK_IN:
        return interview.primary_contact
    if len(interview.interviewers) == 1:
        return interview.interviewers[0]
    raise InputError("--to: name the interviewer the thank-you went to")


def report_unplanned(unplanned: Sequence[Unplanned]) -> None:
    """Name on stderr each record the agenda had to leave out; the rest is still shown."""
    from followup.cli.render import error_console

    for bad in unplanned:
        error_console.print(f"[yellow]warning:[/] {escape(str(bad))}")


@app.command("sent")
def sent(
    ctx: typer.Context,
    target: int = typer.Argument(..., metavar="DRAFT_ID|ID",
                                 help="A draft id, or an interview id with --to/--stage."),
    to: str | None = typer.Option(None, "--to", metavar="NAME", help="Who it went to."),
    stage: str | None = typer.Option(None, "--stage", help="thank-you | check-in"),
    at: str | None = typer.Option(None, "--at", metavar="ISO", help=AT_HELP),
) -> None:
    """Record that a note went out (by any channel): a draft, or a note to a person."""
    moment = parse_now(at, option="--at")
    with store_for(ctx) as store:
        if to is None and stage is None:
            kind, _, interview, person = mark_draft_sent(store, target, moment)
        else:
            interview = store.get_interview(target)
            chosen = _stage(stage or Stage.THANK_YOU.value)
            person = _recipient(interview, to, chosen)
            kind = _next_kind(chosen, person, store.list_events(target))
            store.record_event(Event(target, EventKind.SENT, moment,
                                     person.id if person else None, kind, None,
                                     person.name if person else ""))
    whom = f" to {person.name}" if person else ""
    console.print(f"Recorded: {KIND_LABEL[kind]}{whom} sent {_in_user_zone(moment)} "
                  f"(#{interview.id} {escape(interview.company)}).")


@app.command("replied")
def replied(
    ctx: typer.Context,
    interview_id: int = typer.Argument(..., metavar="ID"),
    sender: str | None = typer.Option(None, "--from", metavar="NAME", help="Who replied."),
    at: str | None = typer.Option(None, "--at", metavar="ISO", help=AT_HELP),
) -> None:
    """Record a reply from the company: pending check-ins for this interview stop."""
    moment = parse_now(at, option="--at")
    with store_for(ctx) as store:
        interview = store.get_interview(interview_id)
        person = interview.find_interviewer(sender) if sender else None
        store.record_event(Event(interview_id, EventKind.REPLIED, moment,
                                 person.id if person else None, None, None,
                                 person.name if person else (sender or "")))
    who = f" from {person.name if person else sender}" if sender else ""
    console.print(f"Recorded a reply{escape(who)} on #{interview_id} "
                  f"{escape(interview.company)}; pending check-ins are cancelled.")


@app.command("close")
def close(
    ctx: typer.Context,
    interview_id: int = typer.Argument(..., metavar="ID"),
    outcome: str = typer.Option(..., "--outcome", help=" | ".join(OUTCOMES)),
    at: str | None = typer.Option(None, "--at", metavar="ISO", help=AT_HELP),
) -> None:
    """Close an interview's follow-up (offer, rejected, withdrawn, hired): no more reminders."""
    if outcome not in OUTCOMES:
        raise InputError(f"--outcome: {outcome!r} is not one of {', '.join(OUTCOMES)}")
    moment = parse_now(at, option="--at")
    with store_for(ctx) as store:
        interview = store.get_interview(interview_id)
        if interview.status is Status.CLOSED:
            raise InputError(f"#{interview_id} is already closed ({interview.outcome})")
        store.close_interview(interview_id, outcome, moment)
    console.print(f"Closed #{interview_id} {escape(interview.company)}: {outcome}. "
                  "Nothing more is planned for it.")


@app.command("calendar")
def calendar(
    ctx: typer.Context,
    interview_id: int | None = typer.Argument(None, metavar="[ID]"),
    all_open: bool = typer.Option(False, "--all", help="Every open interview."),
    output: Path = typer.Option(..., "-o", "--output", metavar="FILE.ics",
                                help="Where to write the calendar (atomically)."),
    now: str | None = typer.Option(None, "--now", metavar="ISO", help=NOW_HELP, hidden=True),
) -> None:
    """Export follow-ups as an .ics file: one event with an alarm per pending item."""
    from followup.calendar import write_ics
    from followup.timeline import Rules, plan_each

    if (interview_id is None) == (not all_open):
        raise InputError("give an interview ID or --all (not both)")
    moment = parse_now(now)
    rules = Rules.from_config(user_config())
    with store_for(ctx) as store:
        if interview_id is not None:
            entries = [(store.get_interview(interview_id), store.list_events(interview_id),
                        store.list_drafts(interview_id))]
        else:
            entries = [(i, e, d) for i, e, d in store.open_interviews_with_events()]
    unplanned: list[Unplanned] = []
    items = plan_each(entries, moment, rules, unplanned)
    report_unplanned(unplanned)
    count = write_ics(output, items, moment)
    alarms = sum(1 for item in items if item.pending)
    console.print(f"Wrote {count} events ({alarms} pending, with alarms) to {output}.")
