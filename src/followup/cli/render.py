"""All Rich output of the CLI: tables, records, JSON and errors, in one place."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.segment import Segment
from rich.table import Table

from followup.model import Interview

# Control characters in stored text (an ESC sequence, an OSC title, a bidi override) are
# shown as visible symbols, never sent to the terminal: C0 as the Control Pictures block
# (ESC as ␛), DEL as ␡, C1 and bidi controls as their code (⟨U+009B⟩).
_VISIBLE = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t"}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update({code: f"⟨U+{code:04X}⟩" for code in
                 (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def visible(text: str) -> str:
    """`text` with control characters replaced by visible stand-ins (newline and tab kept)."""
    return text.translate(_VISIBLE)


class SafeConsole(Console):
    """A Console that never writes a control character it was given as text: only the
    escape codes Rich itself makes for styles reach the terminal (see `visible`)."""

    def _render_buffer(self, buffer: Any) -> str:
        return super()._render_buffer(
            Segment(visible(text), style, control) if not control else Segment(text, style,
                                                                                control)
            for text, style, control in buffer)


console = SafeConsole(highlight=False, soft_wrap=True)
error_console = SafeConsole(stderr=True, highlight=False, soft_wrap=True)


def print_error(message: str) -> None:
    error_console.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True)


# json.dumps escapes C0 controls only; DEL, C1 (CSI is U+009B) and bidi controls are escaped
# too, so JSON printed on a terminal cannot drive it. The JSON value is unchanged.
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in
                 (0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def json_safe(text: str) -> str:
    """JSON text with DEL, C1 and bidi controls escaped (C0 ones already are)."""
    return text.translate(_JSON_ESCAPES)


def print_json(data: Any) -> None:
    """JSON for tools: stable key order, UTF-8 kept readable, no raw control characters."""
    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def format_local(moment: datetime) -> str:
    """A time in its own zone, the way the candidate wrote it down."""
    return moment.strftime("%a %Y-%m-%d %H:%M %Z")


def interview_table(summaries: Sequence[Any]) -> Table:
    table = Table(title="Interviews", title_justify="left", expand=False)
    table.add_column("id", justify="right", style="bold")
    table.add_column("company")
    table.add_column("role")
    table.add_column("when", no_wrap=True)
    table.add_column("interviewers")
    table.add_column("status")
    for item in summaries:
        status = item.status.value + (f" ({item.outcome})" if item.outcome else "")
        table.add_row(
            str(item.id), escape(item.company), escape(item.role),
            format_local(item.starts_at), escape(", ".join(item.interviewer_names)), status,
        )
    return table


def show_interview(interview: Interview) -> None:
    """A readable page for one record: the facts, then each conversation."""
    head = f"[bold]{escape(interview.company)}[/] — {escape(interview.role)}"
    if interview.id is not None:
        head = f"[dim]#{interview.id}[/] " + head
    console.print(head)
    facts = [format_local(interview.starts_at), f"{interview.duration_minutes} min"]
    if interview.round:
        facts.append(f"round {interview.round}")
    if interview.format:
        facts.append(interview.format.value)
    facts.append(interview.culture.value)
    console.print("  " + " · ".join(facts))
    if interview.decision_by:
        console.print(f"  decision by {interview.decision_by:%a %Y-%m-%d}")
    if interview.status.value != "open":
        console.print(f"  status: {interview.status.value} {interview.outcome or ''}")
    for person in interview.interviewers:
        title = f", {escape(person.title)}" if person.title else ""
        contact = " ".join(x for x in (person.email, person.linkedin) if x)
        star = " [yellow](primary)[/]" if person.primary else ""
        console.print(f"\n[bold cyan]{escape(person.name)}[/]{title}{star}  "
                      f"[dim]{escape(contact)}[/]")
        for label, items in (("discussed", person.discussed), ("shared", person.shared),
                             ("next", person.next)):
            for item in items:
                console.print(f"  • [dim]{label}:[/] {escape(item)}")
        for question in person.questions:
            console.print(f"  • [dim]question:[/] {escape(question.question)}")
            if question.better:
                console.print(f"      [dim]better:[/] {escape(question.better)}")
        if not person.points:
            console.print("  [yellow]nothing recorded yet: add what you discussed[/]")
    if interview.qualifications:
        console.print("\n[bold]Qualifications[/]")
        for item in interview.qualifications:
            console.print(f"  • {escape(item)}")
    if interview.job_description:
        words = len(interview.job_description.split())
        console.print(f"\n[dim]job description: {words} words[/]")
    if interview.notes:
        console.print(f"\n[bold]Notes[/]\n{escape(interview.notes)}")
